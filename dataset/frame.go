package dataset

import (
	"math"
	"slices"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Frame returns the deals as a gota DataFrame, one row per deal, with
// durations as of the dataset's AsOf() date. See FrameAt.
func Frame(deals []Deal) dataframe.DataFrame { return FrameAt(deals, AsOf()) }

// FrameAt returns the deals as a gota DataFrame with durations as of asOf.
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
	n := len(deals)
	var cols []series.Series
	for _, c := range columns {
		vals := make([]string, n)
		for i := range deals {
			vals[i] = c.get(&deals[i])
		}
		cols = append(cols, series.New(vals, series.String, c.name))
	}
	startYear, days, lower, upper := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	nConc, nComm := make([]int, n), make([]int, n)
	event, counted := make([]bool, n), make([]bool, n)
	decade := make([]string, n)
	for i := range deals {
		d := &deals[i]
		startYear[i] = d.Start.Y
		decade[i] = strconv.Itoa(d.Start.Y/10*10) + "s"
		nConc[i], nComm[i] = len(d.StateConcessions), len(d.MilitantCommitments)
		if dur, ok := d.Duration(asOf); ok {
			days[i], lower[i], upper[i], event[i], counted[i] = dur.Days, dur.Lower, dur.Upper, dur.Event, true
		}
	}
	cols = append(cols,
		series.New(startYear, series.Int, "start_year"),
		series.New(decade, series.String, "decade"),
		series.New(days, series.Int, "days"),
		series.New(lower, series.Int, "days_lower"),
		series.New(upper, series.Int, "days_upper"),
		series.New(event, series.Bool, "event"),
		series.New(counted, series.Bool, "counted"),
		series.New(nConc, series.Int, "n_concessions"),
		series.New(nComm, series.Int, "n_commitments"),
	)
	flags := func(prefix string, vocab []string, has func(*Deal, string) bool) {
		for _, v := range vocab {
			b := make([]bool, n)
			for i := range deals {
				b[i] = has(&deals[i], v)
			}
			cols = append(cols, series.New(b, series.Bool, prefix+v))
		}
	}
	flags("has:", Concessions(), (*Deal).Has)
	flags("commits:", Commitments(), (*Deal).Commits)
	for _, name := range attrNames(deals) {
		cols = append(cols, attrSeries(deals, name))
	}
	return dataframe.New(cols...)
}

func attrNames(deals []Deal) []string {
	var names []string
	seen := map[string]bool{}
	for i := range deals {
		for k := range deals[i].Attrs {
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
// (empty values become NaN), else a String series.
func attrSeries(deals []Deal, name string) series.Series {
	floats := make([]float64, len(deals))
	strs := make([]string, len(deals))
	numeric := true
	for i := range deals {
		v := deals[i].Attrs[name]
		strs[i] = v
		if v == "" {
			floats[i] = math.NaN()
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			numeric = false
		}
		floats[i] = f
	}
	if numeric {
		return series.New(floats, series.Float, name)
	}
	return series.New(strs, series.String, name)
}
