package analysis

import (
	"encoding/json"
	"io"
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
