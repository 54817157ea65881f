package dataset

import (
	"io"
	"strings"
)

// recordReader is what scanTable needs of a CSV reader: encoding/csv's
// Reader, or plainReader for input without quotes.
type recordReader interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// plainReader reads CSV that holds no '"', where encoding/csv's rules
// reduce to: a record is a line, fields are split at every comma, a CR
// before the line end is dropped and empty lines are skipped. It gives the
// same records and field positions as a csv.Reader with FieldsPerRecord -1
// and ReuseRecord (FuzzPlainReader checks this), but copies the input once
// instead of once per record (not at all when Read has it as a string) and skips the quote handling: the cells are
// substrings of one string.
type plainReader struct {
	s     string
	off   int // the start of the next line
	line  int // the current record's line
	cells []string
	cols  []int
}

func newPlainReader(data string) *plainReader { return &plainReader{s: data} }

// Read returns the next record; the slice is reused by the next call.
func (r *plainReader) Read() ([]string, error) {
	for r.off < len(r.s) {
		rest := r.s[r.off:]
		ln := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			ln, r.off = rest[:i], r.off+i+1
		} else {
			r.off = len(r.s)
		}
		r.line++
		ln = strings.TrimSuffix(ln, "\r")
		if ln == "" {
			continue
		}
		r.cells, r.cols = r.cells[:0], r.cols[:0]
		col := 1
		for {
			i := strings.IndexByte(ln, ',')
			if i < 0 {
				r.cells, r.cols = append(r.cells, ln), append(r.cols, col)
				return r.cells, nil
			}
			r.cells, r.cols = append(r.cells, ln[:i]), append(r.cols, col)
			ln, col = ln[i+1:], col+i+1
		}
	}
	return nil, io.EOF
}

// FieldPos returns the line and 1-based byte column where a field of the
// last record starts.
func (r *plainReader) FieldPos(field int) (line, column int) { return r.line, r.cols[field] }
