package main

import (
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// options are the flags the commands share.
type options struct {
	data   string
	asOf   string
	format string
	where  whereFlag
	by     string
	tau    float64
	out    string
	dpi    int
	size   string

	covariates, ties string
}

// whereFlag collects repeated --where COL=VALUE filters.
type whereFlag []string

func (w *whereFlag) String() string     { return strings.Join(*w, " ") }
func (w *whereFlag) Set(v string) error { *w = append(*w, v); return nil }

func dataFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.data, "data", "", "read deals from this CSV `FILE` instead of the embedded dataset")
	fs.StringVar(&o.asOf, "asof", "", "censor open deals at this `DATE` (YYYY-MM-DD; default: the dataset's as-of date)")
	fs.Var(&o.where, "where", "keep deals whose `COL=VALUE` (repeatable: the same column ORs, different columns AND; list columns match any item); also COL!=V, and COL>=V, COL>V, COL<=V, COL<V for dates and numbers (quote them: 'start>=2006', 'start_year<2022')")
}

func formatFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.format, "format", "text", "output `FORMAT`: text, md, csv or json")
}

func tableFlags(fs *flag.FlagSet, o *options) {
	dataFlags(fs, o)
	formatFlag(fs, o)
}

func (o *options) check() error {
	if o.format != "" && !slices.Contains(analysis.Formats, o.format) {
		return usagef("--format %q: want one of %s", o.format, strings.Join(analysis.Formats, ", "))
	}
	if o.asOf != "" {
		if d, err := dataset.ParseDate(o.asOf); err != nil || d.Prec != dataset.Day {
			return usagef("--asof %q: want a day, YYYY-MM-DD", o.asOf)
		}
	}
	for _, w := range o.where {
		if _, err := parseCond(w); err != nil {
			return err
		}
	}
	return nil
}

// asOfDate is the --asof date, or the dataset's.
func (o *options) asOfDate() dataset.Date {
	if o.asOf == "" {
		return dataset.AsOf
	}
	return dataset.MustDate(o.asOf)
}

// load reads the deals (embedded, or --data) and applies --where. The
// returned Data has provenance only for the embedded dataset.
func (o *options) load() (*dataset.Data, []dataset.Deal, error) {
	var data *dataset.Data
	if o.data == "" {
		d, err := dataset.Load()
		if err != nil {
			return nil, nil, err
		}
		data = d
	} else {
		deals, err := dataset.ReadFile(o.data)
		if err != nil {
			return nil, nil, err
		}
		data = &dataset.Data{Deals: deals}
	}
	deals, err := filter(data.Deals, o.where)
	return data, deals, err
}

// cond is one --where condition.
type cond struct {
	col, op, val string
}

var condPattern = regexp.MustCompile(`^([A-Za-z0-9_:-]+)(>=|<=|!=|=|>|<)(.*)$`)

func parseCond(w string) (cond, error) {
	m := condPattern.FindStringSubmatch(w)
	if m == nil {
		return cond{}, usagef("--where %q: want COL=VALUE (or COL!=, COL>=, COL>, COL<=, COL<)", w)
	}
	return cond{m[1], m[2], m[3]}, nil
}

// filter keeps the deals matching the conditions: equalities on the same
// column are alternatives (any may hold); everything else must hold.
func filter(deals []dataset.Deal, where []string) ([]dataset.Deal, error) {
	if len(where) == 0 {
		return deals, nil
	}
	anyOf := map[string][]string{}
	var all []cond
	for _, w := range where {
		c, err := parseCond(w)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(dataset.Columns(), c.col) && !hasAttr(deals, c.col) && !derived[c.col] {
			return nil, usagef("--where %s: no such column (columns: %s)", c.col, strings.Join(dataset.Columns(), ", "))
		}
		if c.op == "=" {
			anyOf[c.col] = append(anyOf[c.col], c.val)
		} else {
			all = append(all, c)
		}
	}
	var out []dataset.Deal
	for i := range deals {
		ok := true
		for col, vals := range anyOf {
			ok = ok && matches(&deals[i], col, vals)
		}
		for _, c := range all {
			ok = ok && compares(&deals[i], c)
		}
		if ok {
			out = append(out, deals[i])
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no deal matches %s", strings.Join(where, " "))
	}
	return out, nil
}

// compares applies !=, >=, >, <= or <. Numbers compare as numbers; other
// values as text, which orders ISO dates of any precision correctly
// (2008 < 2008-05 < 2008-05-21). An empty cell satisfies only !=.
func compares(d *dataset.Deal, c cond) bool {
	cell := dataset.Value(d, c.col)
	if c.op == "!=" {
		return !matches(d, c.col, []string{c.val})
	}
	if cell == "" {
		return false
	}
	cmp := strings.Compare(cell, c.val)
	a, errA := strconv.ParseFloat(cell, 64)
	b, errB := strconv.ParseFloat(c.val, 64)
	if errA == nil && errB == nil {
		cmp = map[bool]int{true: -1, false: 1}[a < b]
		if a == b {
			cmp = 0
		}
	}
	switch c.op {
	case ">=":
		return cmp >= 0
	case ">":
		return cmp > 0
	case "<=":
		return cmp <= 0
	}
	return cmp < 0
}

// derived are columns computed from others that --where and --by accept.
var derived = map[string]bool{"decade": true, "start_year": true}

func hasAttr(deals []dataset.Deal, col string) bool {
	for i := range deals {
		if _, ok := deals[i].Attrs[col]; ok {
			return true
		}
	}
	return false
}

func matches(d *dataset.Deal, col string, vals []string) bool {
	cell := dataset.Value(d, col)
	items := []string{cell}
	if v, ok := dataset.VocabularyOf(col); (ok && v.Multi) || col == "sources" || col == "pax_id" || col == "ethprio_id" {
		items = strings.Split(cell, ";")
	}
	for _, v := range vals {
		if slices.Contains(items, v) {
			return true
		}
	}
	return false
}
