package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Read parses a user's deals CSV. It needs only the columns id, start and
// end (and end_type where a deal is ongoing or its end unknown); any other
// dataset column is optional, and columns that are not dataset columns are
// kept in each Deal's Attrs. The error, if any, is an Errors listing every
// problem found (up to MaxErrors) as file:line:column: what is wrong.
//
// Besides the checks of each column, Read refuses: input over the limits
// in limits.go (MaxFileSize, MaxRows, MaxColumns, MaxCellBytes, MaxIDBytes,
// MaxListItems); a NUL byte anywhere (the input is not a text file); a
// control character (U+0000–U+001F, U+007F) in an id or a list item;
// columns named like the derived columns of a frame (see ReservedColumn);
// and, in a column of numbers, NaN, infinities and numbers beyond the range
// of a float64 (leave a cell empty for a missing value).
func Read(r io.Reader) ([]Deal, error) {
	var size int64
	if l, ok := r.(interface{ Len() int }); ok { // bytes.Reader, strings.Reader, bytes.Buffer
		size = int64(l.Len())
	}
	data, err := readLimited(r, size, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("input: %w", err)
	}
	return readNamed("input", data)
}

// ReadFile is Read on a file; errors name the file.
func ReadFile(path string) ([]Deal, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64 // a regular file's size, to refuse it unread or read it in one allocation
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	if size > MaxFileSize {
		return nil, tooBig(path)
	}
	data, err := readLimited(f, size, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return readNamed(path, data)
}

// readLimited reads r to its end, but no further than one byte past
// limit, and stops early at a chunk holding a NUL byte, so that
// /dev/zero or a binary file fails at once. size, if known, is the
// expected length. The text is built as a string so that the cells can be
// substrings of it without a second copy.
func readLimited(r io.Reader, size, limit int64) (string, error) {
	var b strings.Builder
	b.Grow(int(min(size, limit)) + 1)
	lr := io.LimitReader(r, limit+1)
	buf := make([]byte, 1<<16)
	for {
		n, err := lr.Read(buf)
		b.Write(buf[:n])
		if bytes.IndexByte(buf[:n], 0) >= 0 || err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
	}
}

func tooBig(name string) error {
	return Errors{{File: name, Err: fmt.Errorf("%w: larger than %d bytes (MaxFileSize)", ErrLimit, MaxFileSize)}}
}

func readNamed(name string, data string) ([]Deal, error) {
	if len(data) > MaxFileSize {
		return nil, tooBig(name)
	}
	p := &problems{file: name}
	if i := strings.IndexByte(data, 0); i >= 0 {
		line := 1 + strings.Count(data[:i], "\n")
		col := i - strings.LastIndexByte(data[:i], '\n')
		p.add(line, col, "", fmt.Errorf("%w: a NUL byte (U+0000): this is not a text CSV file", ErrControl))
		return nil, p.err()
	}
	deals, _ := parseDeals(data, false, p)
	return deals, p.err()
}

// binding is a dataset column present in a file, with its position.
type binding struct {
	col *column
	i   int
}

// attrColumn is a user column (not a dataset column) with its position,
// and what Read learnt of its values: whether every non-empty one reads as
// a number, and the cells that read as NaN, an infinity or out of range.
type attrColumn struct {
	name    string
	i       int
	numeric bool
	odd     []*ParseError
}

// parseDeals reads deals.csv. strict (the embedded file) requires every
// dataset column, rejects unknown ones, requires the core values and keeps
// each row's cell positions (in the returned table) for the provenance
// checks.
func parseDeals[T string | []byte](data T, strict bool, p *problems) ([]Deal, *table) {
	// One deal per line at most: allocate once rather than grow a slice of
	// large structs (BenchmarkRead100k).
	n := lines(data)
	deals := make([]Deal, 0, n)
	var present []binding
	var extra []attrColumn
	var kept []record
	headerOK := false
	seen := make(map[string]int, n)
	t := scanTable(data, p, func(t *table) bool {
		required, allowed := minimalColumns, map[string]bool(nil)
		if strict {
			required, allowed = columnNames, columnSet
		}
		hasColumns, namesFree := t.checkHeader(required, allowed, p), t.checkReserved(p)
		if !hasColumns || !namesFree {
			return false
		}
		for i := range columns {
			if j, ok := t.index[columns[i].name]; ok {
				present = append(present, binding{&columns[i], j})
			}
		}
		for i, h := range t.header {
			if h != "" && !columnSet[h] && t.index[h] == i {
				extra = append(extra, attrColumn{name: h, i: i, numeric: true})
			}
		}
		headerOK = true
		return true
	}, func(t *table, rec *record) {
		deals = append(deals, Deal{})
		d := &deals[len(deals)-1]
		ok := parseDeal(d, rec, present, extra, strict, t, p)
		if first, dup := seen[d.ID]; dup && d.ID != "" {
			p.addf(rec.line, rec.cols[t.index["id"]], "id", ErrDuplicateID, "%q already used on line %d", d.ID, first)
			ok = false
		} else {
			seen[d.ID] = rec.line
		}
		if !ok {
			deals = deals[:len(deals)-1]
			return
		}
		if strict {
			kept = append(kept, rec.clone())
		}
	})
	if !headerOK {
		return nil, nil
	}
	if reportNumbers(extra, p) {
		sortProblems(p)
	}
	t.rows = kept
	return deals, t
}

// parseDeal reads one row into d; it reports every bad cell and returns
// false if there was any.
func parseDeal(d *Deal, rec *record, present []binding, extra []attrColumn, strict bool, t *table, p *problems) bool {
	d.Line = rec.line
	before := len(p.list)
	for _, b := range present {
		if err := b.col.set(d, rec.cells[b.i]); err != nil {
			p.add(rec.line, rec.cols[b.i], b.col.name, err)
		}
	}
	if strict {
		for _, name := range requiredValues {
			if rec.cell(t, name) == "" {
				line, col := rec.pos(t, name)
				p.add(line, col, name, fmt.Errorf("%w (every deal needs %s)", ErrRequired, name))
			}
		}
	}
	if len(extra) > 0 {
		d.Attrs = make(map[string]string, len(extra))
		for k := range extra {
			a := &extra[k]
			v := rec.cells[a.i]
			d.Attrs[a.name] = v
			if a.numeric && v != "" {
				a.note(v, rec.line, rec.cols[a.i], p.file)
			}
		}
	}
	if len(p.list) == before {
		for _, e := range checkDates(d) {
			line, col := rec.pos(t, e.field)
			p.add(line, col, e.field, e.err)
		}
	}
	return len(p.list) == before
}

// note classifies one value of a column that has held only numbers so far.
func (a *attrColumn) note(v string, line, col int, file string) {
	if plainNumber(v) {
		return
	}
	_, err := parseNumber(v)
	switch {
	case err == nil:
	case errors.Is(err, ErrNumber):
		if len(a.odd) < MaxErrors {
			a.odd = append(a.odd, &ParseError{File: file, Line: line, Column: col, Field: a.name, Err: err})
		}
	default:
		a.numeric, a.odd = false, nil
	}
}

// plainNumber reports whether s is a decimal number with at most 300
// digits and no exponent, such as -12 or 0.375: certainly finite, so that
// the common case needs no strconv.ParseFloat.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && digits <= 300
}

// reportNumbers reports the NaN, infinite and out-of-range values of the
// columns that are otherwise numeric, and whether there were any.
func reportNumbers(extra []attrColumn, p *problems) bool {
	any := false
	for _, a := range extra {
		if a.numeric {
			for _, e := range a.odd {
				p.add(e.Line, e.Column, e.Field, e.Err)
				any = true
			}
		}
	}
	return any
}

type fieldError struct {
	field string
	err   error
}

// checkDates applies the rules that tie the date columns together.
func checkDates(d *Deal) []fieldError {
	var errs []fieldError
	add := func(field string, err error) { errs = append(errs, fieldError{field, err}) }
	if d.Start.IsZero() {
		add("start", fmt.Errorf("%w (every deal needs a start date)", ErrRequired))
		return errs
	}
	if d.EndType == "" {
		switch {
		case !d.End.IsZero():
			d.EndType = EndTypeBreakdown
		default:
			add("end", fmt.Errorf("%w: no end date and no end_type (set end, or end_type ongoing or unknown)", ErrNoEnd))
			return errs
		}
	}
	switch d.EndType {
	case EndTypeBreakdown, EndTypeExpired, EndTypeSuperseded:
		if d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s needs an end date", ErrNoEnd, d.EndType))
		}
	case EndTypeOngoing, EndTypeUnknown:
		if !d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s takes no end date (record it in end_alt, or change end_type)", ErrUnexpectedEnd, d.EndType))
		}
	}
	if d.EndType == EndTypeUnknown && d.LastSeen.IsZero() {
		add("last_seen", fmt.Errorf("%w: end_type unknown needs last_seen, the last date a source reports the deal in force", ErrRequired))
	}
	after := func(field string, x Date) {
		if !x.IsZero() && x.Before(d.Start) {
			add(field, fmt.Errorf("%w: %s is before start %s", ErrEndBeforeStart, x, d.Start))
		}
	}
	after("end", d.End)
	after("last_seen", d.LastSeen)
	for _, a := range d.EndAlt {
		after("end_alt", a.Date)
	}
	return errs
}
