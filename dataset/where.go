package dataset

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// ErrWhere is wrapped by every error of the filter language: a condition
// that does not parse, or names no column.
var ErrWhere = errors.New("bad condition")

// ErrNoMatch is returned by Select when no deal is left.
var ErrNoMatch = errors.New("no deal matches")

// Cond is one condition of the filter language, COL OP VALUE, as the
// command's --where flag takes it. Op is one of = != >= > <= <.
//
//   - = keeps deals whose cell equals Value; on a list column (the
//     vocabularies marked Multi, sources, pax_id, ethprio_id) any item may
//     equal it. != keeps the rest, including empty cells.
//   - >, >=, <, <= compare dates on the date columns (start, end,
//     last_seen) and numbers elsewhere; Value must parse as a date there
//     (YYYY, YYYY-MM or YYYY-MM-DD) and as a number elsewhere, or ParseCond
//     and Filter return an error. Dates compare by the days they can stand
//     for (see Date.Compare): start>2006 keeps deals that began after 31
//     December 2006, start<2006 those that began before 1 January 2006, and
//     >= and <= are their complements (start>=2006 keeps every deal not
//     certainly before 2006, so a start written 2006 or 2006-09 passes). An
//     empty cell satisfies no comparison.
type Cond struct {
	Column, Op, Value string
}

func (c Cond) String() string { return c.Column + c.Op + c.Value }

var condPattern = regexp.MustCompile(`^([A-Za-z0-9_:-]+)(>=|<=|!=|=|>|<)(.*)$`)

// dateColumns are the columns whose order comparisons are date comparisons.
var dateColumns = []string{"start", "end", "last_seen"}

// whereDerived are the derived columns Filter and Value accept.
var whereDerived = []string{"decade", "start_year"}

// ParseCond reads one condition, COL=VALUE, COL!=VALUE, COL>=VALUE,
// COL>VALUE, COL<=VALUE or COL<VALUE, and checks that an order
// comparison's value is a date (date columns) or a number.
func ParseCond(s string) (Cond, error) {
	m := condPattern.FindStringSubmatch(s)
	if m == nil {
		return Cond{}, fmt.Errorf("%w %q: want COL=VALUE (or COL!=, COL>=, COL>, COL<=, COL<)", ErrWhere, s)
	}
	c := Cond{m[1], m[2], m[3]}
	if c.Op == "=" || c.Op == "!=" {
		return c, nil
	}
	if slices.Contains(dateColumns, c.Column) {
		if _, err := ParseDate(c.Value); err != nil || c.Value == "" {
			return Cond{}, fmt.Errorf("%w %q: %s compares dates: want YYYY, YYYY-MM or YYYY-MM-DD", ErrWhere, s, c.Column)
		}
		return c, nil
	}
	if _, err := strconv.ParseFloat(c.Value, 64); err != nil {
		return Cond{}, fmt.Errorf("%w %q: %s compares numbers: %q is not a number", ErrWhere, s, c.Column, c.Value)
	}
	return c, nil
}

// ParseConds parses each condition with ParseCond.
func ParseConds(where []string) ([]Cond, error) {
	conds := make([]Cond, 0, len(where))
	for _, w := range where {
		c, err := ParseCond(w)
		if err != nil {
			return nil, err
		}
		conds = append(conds, c)
	}
	return conds, nil
}

// Filter keeps the deals that satisfy the conditions: equalities on the
// same column are alternatives (any may hold), everything else must hold.
// A column that is neither a deals.csv column, a derived column (decade,
// start_year) nor an attribute of some deal is an error. The result may be
// empty; the input is not modified. When every deal is kept the result is
// the input itself (clipped to its length), not a copy: at 1,000,000 deals
// a copy is 640 MB. Do not modify the deals of either.
func Filter(deals []Deal, conds []Cond) ([]Deal, error) {
	keep, n, err := filterMask(deals, conds)
	if err != nil {
		return nil, err
	}
	return copyKept(deals, keep, n), nil
}

// filterMask marks the deals Filter keeps and counts them.
func filterMask(deals []Deal, conds []Cond) (keep []bool, n int, err error) {
	anyOf := map[string][]string{}
	var all []Cond
	for _, c := range conds {
		if !columnSet[c.Column] && !slices.Contains(whereDerived, c.Column) && !hasAttr(deals, c.Column) {
			return nil, 0, fmt.Errorf("%w %s: no such column (columns: %s)", ErrWhere, c, strings.Join(columnNames, ", "))
		}
		if _, err := ParseCond(c.String()); err != nil {
			return nil, 0, err
		}
		if c.Op == "=" {
			anyOf[c.Column] = append(anyOf[c.Column], c.Value)
		} else {
			all = append(all, c)
		}
	}
	keep = make([]bool, len(deals))
	for i := range deals {
		ok := true
		for col, vals := range anyOf {
			ok = ok && matches(&deals[i], col, vals)
		}
		for _, c := range all {
			ok = ok && c.holds(&deals[i])
		}
		keep[i] = ok
		if ok {
			n++
		}
	}
	return keep, n, nil
}

// copyKept returns deals itself when all n are kept, else copies the n
// deals marked in keep into a slice of that size, once:
// a Deal is large (640 bytes), and growing a slice of 100,000 of them by
// append copied them about twice over (BenchmarkAnalysis100k).
func copyKept(deals []Deal, keep []bool, n int) []Deal {
	if n == len(deals) {
		return slices.Clip(deals)
	}
	out := make([]Deal, 0, n)
	for i := range deals {
		if keep[i] {
			out = append(out, deals[i])
		}
	}
	return out
}

// holds applies != or an order comparison to one deal.
func (c Cond) holds(d *Deal) bool {
	if c.Op == "!=" {
		return !matches(d, c.Column, []string{c.Value})
	}
	cell := Value(d, c.Column)
	if cell == "" {
		return false
	}
	var cmp int
	if slices.Contains(dateColumns, c.Column) {
		a, errA := ParseDate(cell)
		b, errB := ParseDate(c.Value)
		if errA != nil || errB != nil {
			return false
		}
		cmp = a.Compare(b) // 0 when the spans overlap: >= and <= hold, > and < do not
	} else {
		a, errA := strconv.ParseFloat(cell, 64)
		b, errB := strconv.ParseFloat(c.Value, 64)
		if errA != nil || errB != nil {
			return false
		}
		switch {
		case a < b:
			cmp = -1
		case a > b:
			cmp = 1
		}
	}
	switch c.Op {
	case ">=":
		return cmp >= 0
	case ">":
		return cmp > 0
	case "<=":
		return cmp <= 0
	}
	return cmp < 0
}

func hasAttr(deals []Deal, col string) bool {
	for i := range deals {
		if _, ok := deals[i].Attrs.Get(col); ok {
			return true
		}
	}
	return false
}

// IsList reports whether a column of deals.csv holds a ;-separated list
// of items (state_concessions, sources, start_alt, ...): the filter
// language's = matches any item of such a cell.
func IsList(col string) bool {
	for _, c := range columns {
		if c.name == col {
			return c.list
		}
	}
	return false
}

func matches(d *Deal, col string, vals []string) bool {
	cell := Value(d, col)
	items := []string{cell}
	if IsList(col) {
		items = strings.Split(cell, ";")
	}
	for _, v := range vals {
		if slices.Contains(items, v) {
			return true
		}
	}
	return false
}
