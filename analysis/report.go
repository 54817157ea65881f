package analysis

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Report is what one analysis prints: its tables in order, and which of
// them a CSV or JSON output holds (Primary), or, for JSON, a value of its
// own (JSON, e.g. the full-precision model).
type Report struct {
	Tables  []*Table
	Primary int // index in Tables of the table CSV and JSON write
	JSON    any // if set, JSON writes this instead of the Primary table
}

// Write writes the report in format (Formats): text and md write every
// table, a blank line after each but the last, with note first among the
// last table's notes; csv and json write the Primary table with note first
// among its notes, or JSON when set (without the note).
func (r *Report) Write(w io.Writer, format, note string) error {
	if format == "json" && r.JSON != nil {
		return writeIndentedJSON(w, r.JSON)
	}
	tables := r.Tables
	if format == "csv" || format == "json" {
		tables = tables[r.Primary : r.Primary+1]
	}
	last := tables[len(tables)-1]
	last.Notes = append([]string{note}, last.Notes...)
	for _, t := range tables[:len(tables)-1] {
		if err := t.Write(w, format); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
	}
	return last.Write(w, format)
}

// writeIndentedJSON writes v as JSON indented by two spaces, with a final
// newline.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// CheckFormat checks an output format against Formats.
func CheckFormat(format string) error {
	if !slices.Contains(Formats(), format) {
		return fmt.Errorf("analysis: want one of %s", strings.Join(Formats(), ", "))
	}
	return nil
}

// CheckTau checks a horizon for the restricted mean survival time: a
// positive, finite number of days.
func CheckTau(tau float64) error {
	if !(tau > 0 && !math.IsInf(tau, 0)) {
		return fmt.Errorf("analysis: want a positive number of days")
	}
	return nil
}

// ParseTies reads a tie method by the name R uses: "efron" or "breslow".
func ParseTies(name string) (Ties, error) {
	for _, t := range []Ties{Efron, Breslow} {
		if t.String() == name {
			return t, nil
		}
	}
	return 0, fmt.Errorf("analysis: want efron or breslow")
}

// SplitColumns splits a comma-separated list of column names, trimming
// spaces and dropping empty names.
func SplitColumns(list string) []string {
	var names []string
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}
