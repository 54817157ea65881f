package dataset

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sentinel errors wrapped by ParseError, for errors.Is.
var (
	ErrEmpty          = errors.New("empty file")
	ErrNoRows         = errors.New("header but no rows")
	ErrEncoding       = errors.New("invalid UTF-8")
	ErrSyntax         = errors.New("CSV syntax error")
	ErrFieldCount     = errors.New("wrong number of fields")
	ErrMissingColumn  = errors.New("missing required column")
	ErrUnknownColumn  = errors.New("unknown column")
	ErrDuplicateCol   = errors.New("duplicate column")
	ErrRequired       = errors.New("required value is empty")
	ErrDuplicateID    = errors.New("duplicate id")
	ErrBadID          = errors.New("bad id")
	ErrCategory       = errors.New("value outside the vocabulary")
	ErrEndBeforeStart = errors.New("end before start")
	ErrNoEnd          = errors.New("missing end date")
	ErrUnexpectedEnd  = errors.New("unexpected end date")
	ErrAlternative    = errors.New("bad alternative date")
	ErrMissingSource  = errors.New("citation of a missing source")
	ErrUnknownDeal    = errors.New("citation of a missing deal")
	ErrSources        = errors.New("sources disagree with citations")
	ErrUncited        = errors.New("deal without citations")
	ErrQuote          = errors.New("bad quote")
	ErrLimit          = errors.New("over a limit")
	ErrReservedColumn = errors.New("reserved column name")
	ErrControl        = errors.New("control character")
	ErrNumber         = errors.New("bad number")
)

// ParseError is a problem at one place in a file, in the style of
// encoding/csv's ParseError. Line and Column are 1-based; Column counts
// bytes, as encoding/csv does. Column is 0 when the whole line is meant.
type ParseError struct {
	File   string
	Line   int
	Column int
	Field  string // the column name, when known
	Err    error  // wraps one of the sentinel errors
}

// Error formats the problem as file:line:column: field: what is wrong.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// MaxErrors is how many problems a load reports before it stops looking.
const MaxErrors = 50

// Errors is every problem found in one load, in file order. It unwraps to
// its members, so errors.Is and errors.As see each of them.
type Errors []*ParseError

// Error lists every problem, one a line.
func (es Errors) Error() string {
	lines := make([]string, 0, len(es)+1)
	for _, e := range es {
		lines = append(lines, e.Error())
	}
	if len(es) >= MaxErrors {
		lines = append(lines, fmt.Sprintf("too many problems: stopped after %d", MaxErrors))
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// problems collects ParseErrors for one file up to MaxErrors.
type problems struct {
	file string
	list Errors
}

func (p *problems) add(line, col int, field string, err error) {
	if len(p.list) < MaxErrors {
		p.list = append(p.list, &ParseError{File: p.file, Line: line, Column: col, Field: field, Err: err})
	}
}

func (p *problems) addf(line, col int, field string, sentinel error, format string, args ...any) {
	p.add(line, col, field, fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...))
}

func (p *problems) full() bool { return len(p.list) >= MaxErrors }

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return p.list
}

// sortProblems puts problems found after the rows were read (a column's
// numbers are judged once the whole column is seen) back in file order.
func sortProblems(p *problems) {
	slices.SortStableFunc(p.list, func(a, b *ParseError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}
