package external

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/truce-lab/truce/dataset"
)

// sheet is a CSV file being read: its header, with names trimmed of
// spaces (UCDP PAD writes "ref " and "return "), and the position of every
// cell, so that each problem is reported as file:line:column.
type sheet struct {
	file   string
	r      *csv.Reader
	index  map[string]int
	errs   dataset.Errors
	line   int // line of the current record
	record []string
}

// openSheet checks the encoding, drops a UTF-8 byte-order mark (ETH/PRIO's
// file starts with one) and reads the header. encoding/csv already accepts
// CRLF line ends. Empty header names (UCDP PAD's header ends with one) are
// ignored; a missing required column or a duplicated name is an error.
func openSheet(file string, data []byte, required []string) (*sheet, error) {
	s := &sheet{file: file, index: map[string]int{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		s.add(line, 0, "", dataset.ErrEncoding)
		return nil, s.errs
	}
	if len(bytes.TrimSpace(data)) == 0 {
		s.add(0, 0, "", dataset.ErrEmpty)
		return nil, s.errs
	}
	s.r = csv.NewReader(bytes.NewReader(data))
	s.r.FieldsPerRecord = -1 // checked here, to report the line
	header, err := s.r.Read()
	if err != nil {
		s.csvError(err)
		return nil, s.errs
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if _, dup := s.index[h]; dup {
			_, col := s.r.FieldPos(i)
			s.add(1, col, h, fmt.Errorf("%w %q", dataset.ErrDuplicateCol, h))
			continue
		}
		s.index[h] = i
	}
	for _, name := range required {
		if _, ok := s.index[name]; !ok {
			s.add(1, 0, "", fmt.Errorf("%w %q", dataset.ErrMissingColumn, name))
		}
	}
	if len(s.errs) > 0 {
		return nil, s.errs
	}
	return s, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// next reads the next record; it returns false at the end of the file or
// after a syntax error (reported).
func (s *sheet) next() bool {
	for {
		rec, err := s.r.Read()
		if err == io.EOF {
			return false
		}
		if err != nil {
			s.csvError(err)
			return false
		}
		s.line, _ = s.r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		s.record = rec
		return true
	}
}

// cell returns the trimmed value of a column in the current record; a
// short record reads as empty cells (checked by the caller through has).
func (s *sheet) cell(name string) string {
	i, ok := s.index[name]
	if !ok || i >= len(s.record) {
		return ""
	}
	return strings.TrimSpace(s.record[i])
}

// pos is the line and column of a column's cell in the current record.
func (s *sheet) pos(name string) (line, col int) {
	i, ok := s.index[name]
	if !ok || i >= len(s.record) {
		return s.line, 0
	}
	return s.r.FieldPos(i)
}

// short reports (once) a record with fewer fields than the header needs.
func (s *sheet) short(required []string) bool {
	for _, name := range required {
		if s.index[name] >= len(s.record) {
			s.add(s.line, 0, "", fmt.Errorf("%w: %d fields, column %q needs %d", dataset.ErrFieldCount, len(s.record), name, s.index[name]+1))
			return true
		}
	}
	return false
}

func (s *sheet) add(line, col int, field string, err error) {
	if len(s.errs) < dataset.MaxErrors {
		s.errs = append(s.errs, &dataset.ParseError{File: s.file, Line: line, Column: col, Field: field, Err: err})
	}
}

// bad reports a problem with a cell of the current record.
func (s *sheet) bad(field string, err error) {
	line, col := s.pos(field)
	s.add(line, col, field, err)
}

func (s *sheet) csvError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		s.add(pe.Line, pe.Column, "", fmt.Errorf("%w: %v", dataset.ErrSyntax, pe.Err))
		return
	}
	s.add(0, 0, "", fmt.Errorf("%w: %v", dataset.ErrSyntax, err))
}

// integer parses a whole-number cell.
func (s *sheet) integer(field string) (int, bool) {
	v := s.cell(field)
	n, err := strconv.Atoi(v)
	if err != nil {
		s.bad(field, fmt.Errorf("%w: %q is not a whole number", dataset.ErrCategory, v))
		return 0, false
	}
	return n, true
}

// err returns the problems found, or nil.
func (s *sheet) err() error {
	if len(s.errs) == 0 {
		return nil
	}
	return s.errs
}
