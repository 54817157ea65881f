package analysis

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Table is a finished table for people and programs: a title, column
// names, rows of formatted cells, the method notes and the warnings that
// must be printed with it.
type Table struct {
	Name    string // short machine name, e.g. "concessions"
	Title   string
	Columns []string
	Numeric []bool // per column: JSON writes the cells as numbers
	Rows    [][]string
	// Full holds the cells at full precision, row by row like Rows, for
	// CSV and JSON; when it does not match Rows, they use Rows.
	Full     [][]string
	Notes    []string // method and caveats, printed under the table
	Warnings []string
	// Typed are the warnings as typed values, where the table's builder
	// gives them (Warnings then holds their sentences); TypedWarnings
	// classifies Warnings otherwise.
	Typed []Warning
}

// TypedWarnings returns the table's warnings as typed values: Typed when
// set, else each of Warnings classified (ClassifyWarning).
func (t *Table) TypedWarnings() []Warning {
	if len(t.Typed) > 0 {
		return t.Typed
	}
	out := make([]Warning, len(t.Warnings))
	for i, w := range t.Warnings {
		out[i] = ClassifyWarning("", w)
	}
	return out
}

// add appends a row of cells, rounded in Rows and in full in Full.
func (t *Table) add(cs ...cell) {
	text, full := make([]string, len(cs)), make([]string, len(cs))
	for i, c := range cs {
		text[i], full[i] = c.text, c.full
	}
	if len(t.Full) != len(t.Rows) {
		t.Full = append([][]string(nil), t.Rows...)
	}
	t.Rows, t.Full = append(t.Rows, text), append(t.Full, full)
}

// machineRows are the rows CSV and JSON write: Full when it matches Rows.
func (t *Table) machineRows() [][]string {
	if len(t.Full) == len(t.Rows) {
		return t.Full
	}
	return t.Rows
}

// Formats returns the output formats a Table can be written in.
func Formats() []string { return []string{"text", "md", "csv", "json"} }

// CheckFormat checks an output format against Formats.
func CheckFormat(format string) error {
	if !slices.Contains(Formats(), format) {
		return fmt.Errorf("analysis: want one of %s", strings.Join(Formats(), ", "))
	}
	return nil
}

// Write writes t in the named format: "text" (aligned columns), "md"
// (Markdown), "csv" (header and rows only) or "json" (an object with
// title, rows as objects keyed by column, notes and warnings). In JSON a
// numeric column's cells are numbers, null where the value is missing or
// not a number (empty, NA, NaN), and the strings "Inf" and "-Inf" for
// infinities, as in the CSV: JSON has neither NaN nor infinities. A row
// (of Rows or Full) longer than Columns is an error in every format; a
// shorter one is written with the cells it has.
func (t *Table) Write(w io.Writer, format string) error {
	if t == nil {
		return fmt.Errorf("analysis: nil table")
	}
	for _, rows := range [][][]string{t.Rows, t.Full} {
		for i, r := range rows {
			if len(r) > len(t.Columns) {
				return fmt.Errorf("analysis: table %s: row %d has %d cells for %d columns", t.Name, i+1, len(r), len(t.Columns))
			}
		}
	}
	switch format {
	case "text":
		return t.writeText(w)
	case "md":
		return t.writeMarkdown(w)
	case "csv":
		return t.writeCSV(w)
	case "json":
		return t.writeJSON(w)
	}
	return fmt.Errorf("analysis: unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

func (t *Table) widths() []int {
	w := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		w[i] = utf8.RuneCountInString(c)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			w[i] = max(w[i], utf8.RuneCountInString(c))
		}
	}
	return w
}

func (t *Table) numeric(i int) bool { return i < len(t.Numeric) && t.Numeric[i] }

func (t *Table) writeText(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(t.Title + "\n\n")
	}
	widths := t.widths()
	line := func(cells []string) {
		for i, c := range cells {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.numeric(i) {
				b.WriteString(pad + c)
			} else if i < len(cells)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		b.WriteString("\n")
	}
	line(t.Columns)
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	line(rule)
	for _, r := range t.Rows {
		line(r)
	}
	t.writeFooter(&b, "")
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Table) writeFooter(b *strings.Builder, bullet string) {
	if len(t.Notes)+len(t.Warnings) > 0 {
		b.WriteString("\n")
	}
	for _, n := range t.Notes {
		b.WriteString(bullet + n + "\n")
	}
	for _, n := range t.Warnings {
		b.WriteString(bullet + "Warning: " + n + "\n")
	}
}

// escapeMD makes a cell safe inside a Markdown table row.
func escapeMD(s string) string { return mdEscaper.Replace(s) }

// mdEscaper is built once: building a Replacer per cell was a visible part
// of writing the briefing's tables (issue 12).
var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ")

func (t *Table) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		b.WriteString("**" + t.Title + "**\n\n")
	}
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + escapeMD(c) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Columns {
		if t.numeric(i) {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + escapeMD(c) + " |")
		}
		b.WriteString("\n")
	}
	t.writeFooter(&b, "- ")
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	if err := cw.WriteAll(t.machineRows()); err != nil {
		return err
	}
	return cw.Error()
}

func (t *Table) writeJSON(w io.Writer) error {
	machine := t.machineRows()
	rows := make([]map[string]any, len(machine))
	for i, r := range machine {
		m := make(map[string]any, len(r))
		for j, c := range r {
			m[t.Columns[j]] = c
			if t.numeric(j) {
				if f, err := strconv.ParseFloat(c, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
					m[t.Columns[j]] = f
				} else if !math.IsInf(f, 0) && (err == nil || c == "" || c == "NA") {
					m[t.Columns[j]] = nil // NaN, empty and NA are null: JSON has no NaN
				}
			}
		}
		rows[i] = m
	}
	out := struct {
		Name     string           `json:"name,omitempty"`
		Title    string           `json:"title,omitempty"`
		Columns  []string         `json:"columns"`
		Rows     []map[string]any `json:"rows"`
		Notes    []string         `json:"notes"`
		Warnings []string         `json:"warnings"`
	}{t.Name, t.Title, t.Columns, rows, nonNil(t.Notes), nonNil(t.Warnings)}
	return writeIndentedJSON(w, out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
