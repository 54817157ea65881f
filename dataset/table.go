package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// table is the header of a CSV file read with encoding/csv and, when kept,
// its records with each cell's position, so that later checks can point at
// a cell.
type table struct {
	header []string
	index  map[string]int // column name -> position
	hcols  []int          // the header cells' columns
	rows   []record
}

type record struct {
	line  int
	cells []string
	cols  []int // the 1-based byte column of each cell
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
	return r.line, 0
}

// scanTable reads CSV from data, streaming: header is called once with the
// header row (it returns false to stop), then row for every data row with
// the right number of fields. It accepts a UTF-8 byte-order mark, CRLF line
// ends and quoted cells holding commas, quotes or newlines. Problems
// (invalid UTF-8, bad quoting, wrong field counts, blank or duplicate header
// names, CR-only line ends, a doubled byte-order mark, cells, rows or
// columns beyond the limits in limits.go, an empty file, a header with no
// rows) go to p. Cells are trimmed of surrounding spaces. The record passed
// to row is reused after it returns.
func scanTable[T string | []byte](data T, p *problems, header func(*table) bool, row func(*table, *record)) *table {
	sc, t := openTable(data, p)
	if t == nil || !header(t) {
		return t
	}
	checkRows(sc.rows(t, p, row), p)
	return t
}

// tableScanner reads the records of one CSV text, or of a run of its lines
// (split), with each cell's position, checking each cell.
type tableScanner struct {
	cr         recordReader
	checkCells bool // look for invalid UTF-8 cell by cell
	rec        record
}

// openTable reads data up to and including its header row. A nil table
// means there is none; the reason is in p.
func openTable[T string | []byte](data T, p *problems) (*tableScanner, *table) {
	if len(data) >= len(bom) && string(data[:len(bom)]) == bom {
		data = data[len(bom):]
	}
	if !checkStart(data, p) {
		return nil, nil
	}
	cr, checkCells := records(data) // look for bad bytes cell by cell only if there are any
	sc := &tableScanner{cr: cr, checkCells: checkCells}
	for !p.full() {
		more, long := sc.next(p)
		if !more || long {
			break
		}
		cells := sc.rec.cells
		if blank(cells) {
			continue // blank lines before the header
		}
		if len(cells) > MaxColumns {
			p.addf(sc.rec.line, 0, "", ErrLimit, "header has %d columns (at most %d)", len(cells), MaxColumns)
			return sc, nil
		}
		t := &table{header: slices.Clone(cells), hcols: slices.Clone(sc.rec.cols), index: map[string]int{}}
		t.setHeader(sc.rec.line, p)
		return sc, t
	}
	if len(p.list) == 0 {
		p.add(0, 0, "", fmt.Errorf("%w (want a header row and at least one deal)", ErrEmpty))
	}
	return sc, nil
}

// checkRows reports a table that has a header but, in all, no rows, when
// nothing else is wrong.
func checkRows(rows int, p *problems) {
	if rows == 0 && len(p.list) == 0 {
		p.add(2, 0, "", fmt.Errorf("%w (want at least one row after the header)", ErrNoRows))
	}
}

// next reads the next record into sc.rec: more is false at the end of the
// input or after a syntax error (reported: encoding/csv cannot
// resynchronise), long is true when a cell is over MaxCellBytes (reported).
func (sc *tableScanner) next(p *problems) (more, long bool) {
	cells, err := sc.cr.Read()
	if err == io.EOF {
		return false, false
	}
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			p.add(0, 0, "", fmt.Errorf("%w: %v", ErrSyntax, err))
			return false, false
		}
		why := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			why = "unterminated or stray quote (a quoted cell ends with \" and doubles quotes inside it)"
		}
		if pe.StartLine != pe.Line {
			why += fmt.Sprintf("; the record began on line %d", pe.StartLine)
		}
		p.add(pe.Line, pe.Column, "", fmt.Errorf("%w: %s", ErrSyntax, why))
		return false, false
	}
	rec := &sc.rec
	if cap(rec.cols) < len(cells) {
		rec.cols = make([]int, len(cells))
	}
	rec.cols = rec.cols[:len(cells)]
	rec.cells = cells
	for i := range cells {
		rec.line, rec.cols[i] = sc.cr.FieldPos(i)
		if sc.checkCells && !utf8.ValidString(cells[i]) {
			badUTF8(p, rec.line, rec.cols[i], cells[i])
		}
		if len(cells[i]) > MaxCellBytes {
			p.addf(rec.line, rec.cols[i], "", ErrLimit, "cell of %d bytes (at most %d)", len(cells[i]), MaxCellBytes)
			long = true
		}
		cells[i] = strings.TrimSpace(cells[i])
	}
	rec.line, _ = sc.cr.FieldPos(0)
	return true, long
}

// rows calls row for every data row with as many fields as the header, up
// to MaxRows, and returns how many there were.
func (sc *tableScanner) rows(t *table, p *problems, row func(*table, *record)) int {
	rows := 0
	for !p.full() {
		more, long := sc.next(p)
		if !more {
			break
		}
		cells := sc.rec.cells
		if long || len(cells) == 1 && cells[0] == "" {
			continue // a blank line
		}
		if len(cells) != len(t.header) {
			p.addf(sc.rec.line, 0, "", ErrFieldCount, "%d fields, header has %d", len(cells), len(t.header))
			continue
		}
		if rows == MaxRows {
			p.addf(sc.rec.line, 0, "", ErrLimit, "more than %d rows", MaxRows)
			break
		}
		rows++
		row(t, &sc.rec)
	}
	return rows
}

// split divides the rows still to read into at most n scanners over runs
// of whole lines of at least minBytes each, to be read at the same time;
// it returns sc itself when the input is read with encoding/csv (a quoted
// cell may span lines) or too short to split.
func (sc *tableScanner) split(n, minBytes int) []*tableScanner {
	r, ok := sc.cr.(*plainReader)
	if !ok {
		return []*tableScanner{sc}
	}
	n = min(n, (len(r.s)-r.off)/max(minBytes, 1))
	if n < 2 {
		return []*tableScanner{sc}
	}
	var out []*tableScanner
	off, line := r.off, r.line
	for k := n; k > 1 && off < len(r.s); k-- {
		end := off + (len(r.s)-off)/k
		nl := strings.IndexByte(r.s[end:], '\n')
		if nl < 0 {
			break
		}
		end += nl + 1
		out = append(out, &tableScanner{cr: &plainReader{s: r.s[:end], off: off, line: line}, checkCells: sc.checkCells})
		line += strings.Count(r.s[off:end], "\n")
		off = end
	}
	return append(out, &tableScanner{cr: &plainReader{s: r.s, off: off, line: line}, checkCells: sc.checkCells})
}

// lineBound is the number of lines left to read, an upper bound on the
// rows.
func (sc *tableScanner) lineBound() int {
	r, ok := sc.cr.(*plainReader)
	if !ok {
		return MaxRows + 1
	}
	rest := r.s[r.off:]
	n := strings.Count(rest, "\n")
	if !strings.HasSuffix(rest, "\n") {
		n++ // a last line without a line end
	}
	return n
}

// minSplitBytes is the least input per scanner that Read splits a file
// into: below about 8,000 deals one pass is as quick.
const minSplitBytes = 512 << 10

// bom is the UTF-8 byte-order mark.
const bom = "\xef\xbb\xbf"

// records returns a reader of data's records: plainReader when data holds
// no quote, else encoding/csv's; and whether data holds invalid UTF-8.
func records[T string | []byte](data T) (recordReader, bool) {
	csvReader := func(r io.Reader) recordReader {
		c := csv.NewReader(r)
		c.FieldsPerRecord = -1
		c.ReuseRecord = true
		return c
	}
	if s, ok := any(data).(string); ok {
		if strings.IndexByte(s, '"') < 0 {
			return newPlainReader(s), !utf8.ValidString(s)
		}
		return csvReader(strings.NewReader(s)), !utf8.ValidString(s)
	}
	b := any(data).([]byte)
	if bytes.IndexByte(b, '"') < 0 {
		return newPlainReader(string(b)), !utf8.Valid(b)
	}
	return csvReader(bytes.NewReader(b)), !utf8.Valid(b)
}

// checkStart reports what encoding/csv would misread as something else: a
// second byte-order mark (it would become part of the first column's name)
// and a first line ended by a lone CR (classic Mac OS line ends: the whole
// file would be one row).
func checkStart[T string | []byte](data T, p *problems) bool {
	if len(data) >= len(bom) && string(data[:len(bom)]) == bom {
		p.add(1, 1, "", fmt.Errorf("%w: the file starts with two byte-order marks (U+FEFF); remove one", ErrSyntax))
		return false
	}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			return true
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				return true
			}
			p.add(1, i+1, "", fmt.Errorf("%w: line ends are a lone CR (classic Mac OS); save the file with LF or CRLF line ends", ErrSyntax))
			return false
		}
	}
	return true
}

// blank reports whether every cell is empty.
func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// clone copies a record so it survives the reader's reuse of its slices.
func (r *record) clone() record {
	return record{line: r.line, cells: slices.Clone(r.cells), cols: slices.Clone(r.cols)}
}

func (t *table) setHeader(line int, p *problems) {
	for i, name := range t.header {
		if name == "" {
			p.addf(line, t.hcols[i], "", ErrUnknownColumn, "blank column name in header")
			continue
		}
		if _, dup := t.index[name]; dup {
			p.addf(line, t.hcols[i], name, ErrDuplicateCol, "%q appears twice in the header", name)
			continue
		}
		t.index[name] = i
	}
}

// checkHeader reports required columns that are missing and, when allowed
// is not nil, columns outside it.
func (t *table) checkHeader(required []string, allowed map[string]bool, p *problems) bool {
	ok := true
	for _, name := range required {
		if _, has := t.index[name]; !has {
			p.addf(1, 0, name, ErrMissingColumn, "header lacks %q (required: %s)", name, strings.Join(required, ", "))
			ok = false
		}
	}
	if allowed != nil {
		for i, name := range t.header {
			if name != "" && !allowed[name] {
				p.addf(1, t.hcols[i], name, ErrUnknownColumn, "%q is not a column of this file (want: %s)", name, strings.Join(required, ", "))
				ok = false
			}
		}
	}
	return ok
}

// checkReserved reports columns named like the derived columns of a frame
// (see ReservedColumn): the frame could not hold both.
func (t *table) checkReserved(p *problems) bool {
	ok := true
	for i, name := range t.header {
		if ReservedColumn(name) {
			p.addf(1, t.hcols[i], name, ErrReservedColumn, "%q is the name of a column the analysis derives (%s, has:CONCESSION, commits:COMMITMENT); rename it", name, strings.Join(derivedColumns, ", "))
			ok = false
		}
	}
	return ok
}

// badUTF8 reports the first invalid byte of a cell that starts at col.
func badUTF8(p *problems, line, col int, cell string) {
	for i := 0; i < len(cell); {
		r, size := utf8.DecodeRuneInString(cell[i:])
		if r == utf8.RuneError && size == 1 {
			p.addf(line, col+i, "", ErrEncoding, "byte 0x%02x (want UTF-8 text)", cell[i])
			return
		}
		i += size
	}
}

// set returns a set of the strings.
func set(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// lines is an upper bound on the records of a CSV file: its line count,
// capped at MaxRows+1.
func lines[T string | []byte](data T) int {
	n := 0
	if s, ok := any(data).(string); ok {
		n = strings.Count(s, "\n")
	} else {
		n = bytes.Count(any(data).([]byte), []byte{'\n'})
	}
	return min(n+1, MaxRows+1)
}
