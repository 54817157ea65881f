package dataset

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Frame returns the deals as a gota DataFrame, one row per deal, with
// durations as of the dataset's AsOf() date. See FrameAt.
func Frame(deals []Deal) dataframe.DataFrame { return FrameAt(deals, AsOf()) }

// FrameAt returns the deals as a gota DataFrame with durations as of asOf,
// with every column there is. A command that needs a few columns should
// call FrameOf, which builds only those (at 100,000 deals the full frame
// holds about 6 million gota elements).
//
// Columns: every deals.csv column as a String series (dates in their own
// precision, lists ;-joined); the derived Int columns start_year, days,
// days_lower, days_upper, n_concessions and n_commitments, the Bool column
// event (the deal broke down by asOf) and counted (it started by asOf); a
// String column decade ("2000s"); one Bool column per state concession
// named "has:CONCESSION" and per commitment "commits:COMMITMENT"; and each
// user attribute, as a Float series when every value parses as a number,
// else as a String series. Deals that start after asOf have counted=false
// and zero days.
//
// Series are built explicitly from typed slices: gota's own parsing turns
// bad values and "NA" into NaN silently.
func FrameAt(deals []Deal, asOf Date) dataframe.DataFrame {
	names := slices.Concat(columnNames, derivedColumns)
	for _, c := range Concessions() {
		names = append(names, "has:"+c)
	}
	for _, c := range Commitments() {
		names = append(names, "commits:"+c)
	}
	names = append(names, attrNames(deals)...)
	b := frameBuilder{deals: deals, asOf: asOf}
	cols := make([]series.Series, len(names))
	for i, name := range names {
		cols[i], _ = b.series(name)
	}
	return dataframe.New(cols...)
}

// survivalColumns are the columns every frame from FrameOf has: what
// analysis.NewSample reads.
var survivalColumns = []string{"id", "days", "event", "counted"}

// FrameOf returns a gota DataFrame of the deals with durations as of asOf
// and only the SurvivalColumns() followed by the named columns, in the order
// given (repeats and survival columns named again are left out). Any
// column FrameAt builds may be named: a deals.csv column, a derived one,
// has:CONCESSION, commits:COMMITMENT or a user attribute; a name that is
// none of these is an error. The columns are the same series FrameAt
// builds.
func FrameOf(deals []Deal, asOf Date, cols ...string) (dataframe.DataFrame, error) {
	names := slices.Clone(SurvivalColumns())
	for _, c := range cols {
		if !slices.Contains(names, c) {
			names = append(names, c)
		}
	}
	b := frameBuilder{deals: deals, asOf: asOf}
	out := make([]series.Series, len(names))
	for i, name := range names {
		s, err := b.column(name)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		out[i] = s
	}
	return dataframe.New(out...), nil
}

// Column returns one column of the frame FrameOf or FrameAt would build,
// as a gota series, without building a frame: the series an analysis adds
// when it needs one more column. A name that is no column is an error.
func Column(deals []Deal, asOf Date, name string) (series.Series, error) {
	b := frameBuilder{deals: deals, asOf: asOf}
	return b.column(name)
}

func (b *frameBuilder) column(name string) (series.Series, error) {
	s, ok := b.series(name)
	if !ok {
		return series.Series{}, fmt.Errorf("dataset: no column %q (want a deals.csv column, %s, has:CONCESSION, commits:COMMITMENT or a column of the data)", name, strings.Join(derivedColumns, ", "))
	}
	return s, nil
}

// derivedColumns are the columns a frame computes from each deal, before
// the has: and commits: flags.
var derivedColumns = []string{"start_year", "decade", "days", "days_lower", "days_upper", "event", "counted", "n_concessions", "n_commitments"}

// ReservedColumn reports whether a user's column may not take this name
// because a frame derives a column of that name: start_year, decade, days,
// days_lower, days_upper, event, counted, n_concessions, n_commitments, and
// every name starting "has:" or "commits:". Read refuses such columns.
func ReservedColumn(name string) bool {
	return slices.Contains(derivedColumns, name) || strings.HasPrefix(name, "has:") || strings.HasPrefix(name, "commits:")
}

// HasColumn reports whether FrameAt of deals would have column col: a
// deals.csv column, a derived one, has:CONCESSION or commits:COMMITMENT of
// the vocabularies, or an attribute of any deal. Commands check the
// columns their flags name with it before any analysis.
func HasColumn(deals []Deal, col string) bool {
	if columnSet[col] || slices.Contains(derivedColumns, col) {
		return true
	}
	if c, ok := strings.CutPrefix(col, "has:"); ok && slices.Contains(Concessions(), c) {
		return true
	}
	if c, ok := strings.CutPrefix(col, "commits:"); ok && slices.Contains(Commitments(), c) {
		return true
	}
	return hasAttr(deals, col)
}

// frameBuilder builds the series of one frame; it computes the deals'
// durations once, when a column first needs them.
type frameBuilder struct {
	deals []Deal
	asOf  Date
	durs  []Duration
	ok    []bool
}

func (b *frameBuilder) durations() {
	if b.durs != nil {
		return
	}
	b.durs, b.ok = make([]Duration, len(b.deals)), make([]bool, len(b.deals))
	for i := range b.deals {
		b.durs[i], b.ok[i] = b.deals[i].Duration(b.asOf)
	}
}

// series builds the named column; false if there is no such column.
func (b *frameBuilder) series(name string) (series.Series, bool) {
	deals, n := b.deals, len(b.deals)
	if i := slices.Index(columnNames, name); i >= 0 {
		vals := make([]string, n)
		for k := range deals {
			vals[k] = columns[i].get(&deals[k])
		}
		return series.New(vals, series.String, name), true
	}
	ints := func(f func(d *Deal, k int) int) series.Series {
		v := make([]int, n)
		for k := range deals {
			v[k] = f(&deals[k], k)
		}
		return series.New(v, series.Int, name)
	}
	bools := func(f func(d *Deal, k int) bool) series.Series {
		v := make([]bool, n)
		for k := range deals {
			v[k] = f(&deals[k], k)
		}
		return series.New(v, series.Bool, name)
	}
	switch name {
	case "start_year":
		return ints(func(d *Deal, _ int) int { return d.Start.Y }), true
	case "decade":
		v := make([]string, n)
		for k := range deals {
			v[k] = strconv.Itoa(deals[k].Start.Y/10*10) + "s"
		}
		return series.New(v, series.String, name), true
	case "n_concessions":
		return ints(func(d *Deal, _ int) int { return len(d.StateConcessions) }), true
	case "n_commitments":
		return ints(func(d *Deal, _ int) int { return len(d.MilitantCommitments) }), true
	case "days", "days_lower", "days_upper", "event", "counted":
		b.durations()
		switch name {
		case "days":
			return ints(func(_ *Deal, k int) int { return b.durs[k].Days }), true
		case "days_lower":
			return ints(func(_ *Deal, k int) int { return b.durs[k].Lower }), true
		case "days_upper":
			return ints(func(_ *Deal, k int) int { return b.durs[k].Upper }), true
		case "event":
			return bools(func(_ *Deal, k int) bool { return b.durs[k].Event }), true
		}
		return bools(func(_ *Deal, k int) bool { return b.ok[k] }), true
	}
	if c, ok := strings.CutPrefix(name, "has:"); ok && slices.Contains(Concessions(), c) {
		return bools(func(d *Deal, _ int) bool { return d.Has(c) }), true
	}
	if c, ok := strings.CutPrefix(name, "commits:"); ok && slices.Contains(Commitments(), c) {
		return bools(func(d *Deal, _ int) bool { return d.Commits(c) }), true
	}
	if hasAttr(deals, name) {
		return attrSeries(deals, name), true
	}
	return series.Series{}, false
}

// attrNames returns the names of the deals' attributes, sorted.
func attrNames(deals []Deal) []string {
	var names []string
	seen := map[string]bool{}
	for i := range deals {
		if i > 0 && deals[i].Attrs.sharesNames(deals[i-1].Attrs) {
			continue // the deals of one file
		}
		for _, k := range deals[i].Attrs.list() {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	slices.Sort(names)
	return names
}

// attrSeries is a Float series when every non-empty value is a number
// (see parseNumber; empty values become NaN), else a String series.
func attrSeries(deals []Deal, name string) series.Series {
	floats := make([]float64, len(deals))
	numeric := true
	for i := range deals {
		v := deals[i].Attrs.Value(name)
		if v == "" {
			floats[i] = math.NaN()
			continue
		}
		f, err := parseNumber(v)
		if err != nil {
			numeric = false
			break
		}
		floats[i] = f
	}
	if numeric {
		return series.New(floats, series.Float, name)
	}
	strs := make([]string, len(deals))
	for i := range deals {
		strs[i] = deals[i].Attrs.Value(name)
	}
	return series.New(strs, series.String, name)
}

// parseNumber reads a number as strconv.ParseFloat does, but refuses with
// an error wrapping ErrNumber what a column of numbers cannot hold: NaN
// (an empty cell is the missing value), infinities, and numbers beyond
// the range of a float64 (about ±1.8e308). Other errors mean the value is
// not a number at all.
func parseNumber(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange) && math.IsInf(f, 0):
		return 0, fmt.Errorf("%w: %q is beyond the range of a 64-bit float (about ±1.8e308)", ErrNumber, s)
	case err != nil:
		return 0, err
	case math.IsNaN(f):
		return 0, fmt.Errorf("%w: %q is not a number; leave the cell empty for a missing value", ErrNumber, s)
	case math.IsInf(f, 0):
		return 0, fmt.Errorf("%w: %q is infinite; a column of numbers needs finite values", ErrNumber, s)
	}
	return f, nil
}

// SurvivalColumns returns the columns every frame from FrameOf has: what
// analysis.NewSample reads.
func SurvivalColumns() []string { return slices.Clone(survivalColumns) }
