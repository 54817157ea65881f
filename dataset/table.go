package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// table is a CSV file read with encoding/csv, keeping each cell's position
// so that later checks can point at it.
type table struct {
	header []string
	index  map[string]int // column name -> position
	hcols  []int          // the header cells' columns
	rows   []record
}

type record struct {
	line   int
	cells  []string
	cols   []int // the 1-based byte column of each cell
	starts int   // the line where the record begins
}

// cell returns the trimmed value of the named column ("" if absent).
func (r *record) cell(t *table, name string) string {
	if i, ok := t.index[name]; ok && i < len(r.cells) {
		return r.cells[i]
	}
	return ""
}

// pos returns the line and column of the named column's cell.
func (r *record) pos(t *table, name string) (int, int) {
	if i, ok := t.index[name]; ok && i < len(r.cols) {
		return r.line, r.cols[i]
	}
	return r.starts, 0
}

// readTable parses data as CSV. It accepts a UTF-8 byte-order mark, CRLF
// line ends and quoted cells holding commas, quotes or newlines. Problems
// (invalid UTF-8, bad quoting, wrong field counts, blank or duplicate header
// names, an empty file, a header with no rows) go to p; rows with the wrong
// number of fields are dropped. Cells are trimmed of surrounding spaces.
func readTable(data []byte, p *problems) *table {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		p.add(0, 0, "", fmt.Errorf("%w (want a header row and at least one deal)", ErrEmpty))
		return nil
	}
	checkUTF8(data, p)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	t := &table{index: map[string]int{}}
	for !p.full() {
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				why := pe.Err.Error()
				if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
					why = "unterminated or stray quote (a quoted cell ends with \" and doubles quotes inside it)"
				}
				if pe.StartLine != pe.Line {
					why += fmt.Sprintf("; the record began on line %d", pe.StartLine)
				}
				p.add(pe.Line, pe.Column, "", fmt.Errorf("%w: %s", ErrSyntax, why))
			} else {
				p.add(0, 0, "", fmt.Errorf("%w: %v", ErrSyntax, err))
			}
			break // encoding/csv cannot resynchronise after a quoting error
		}
		rec := record{cells: cells, cols: make([]int, len(cells))}
		for i := range cells {
			rec.line, rec.cols[i] = cr.FieldPos(i)
			cells[i] = strings.TrimSpace(cells[i])
		}
		rec.line, _ = cr.FieldPos(0)
		rec.starts = rec.line
		if t.header == nil {
			t.setHeader(rec, p)
			continue
		}
		if len(cells) == 1 && cells[0] == "" {
			continue // a blank line
		}
		if len(cells) != len(t.header) {
			p.addf(rec.line, 0, "", ErrFieldCount, "%d fields, header has %d", len(cells), len(t.header))
			continue
		}
		t.rows = append(t.rows, rec)
	}
	if t.header != nil && len(t.rows) == 0 && len(p.list) == 0 {
		p.add(2, 0, "", fmt.Errorf("%w (want at least one deal after the header)", ErrNoRows))
	}
	return t
}

func (t *table) setHeader(rec record, p *problems) {
	t.header = rec.cells
	t.hcols = rec.cols
	for i, name := range rec.cells {
		if name == "" {
			p.addf(rec.line, rec.cols[i], "", ErrUnknownColumn, "blank column name in header")
			continue
		}
		if _, dup := t.index[name]; dup {
			p.addf(rec.line, rec.cols[i], name, ErrDuplicateCol, "%q appears twice in the header", name)
			continue
		}
		t.index[name] = i
	}
}

// checkHeader reports required columns that are missing and, when allowed
// is not nil, columns outside it.
func (t *table) checkHeader(required, allowed []string, p *problems) bool {
	ok := true
	for _, name := range required {
		if _, has := t.index[name]; !has {
			p.addf(1, 0, name, ErrMissingColumn, "header lacks %q (required: %s)", name, strings.Join(required, ", "))
			ok = false
		}
	}
	if allowed != nil {
		for i, name := range t.header {
			if name != "" && !contains(allowed, name) {
				p.addf(1, t.hcols[i], name, ErrUnknownColumn, "%q is not a column of this file (want: %s)", name, strings.Join(allowed, ", "))
				ok = false
			}
		}
	}
	return ok
}

// checkUTF8 reports each line that holds an invalid UTF-8 byte.
func checkUTF8(data []byte, p *problems) {
	if utf8.Valid(data) {
		return
	}
	line, col := 1, 1
	for i := 0; i < len(data) && !p.full(); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			p.addf(line, col, "", ErrEncoding, "byte 0x%02x (want UTF-8 text)", data[i])
			for i < len(data) && data[i] != '\n' { // one report per line
				i++
			}
			continue
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
}
