package main

import (
	"flag"
	"fmt"
	"slices"
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
	fs.Var(&o.where, "where", "keep deals whose `COL=VALUE` (repeatable: the same column ORs, different columns AND; list columns match any item)")
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
		if col, _, ok := strings.Cut(w, "="); !ok || col == "" {
			return usagef("--where %q: want COL=VALUE", w)
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

// filter keeps the deals matching every column named in where (values of
// the same column are alternatives).
func filter(deals []dataset.Deal, where []string) ([]dataset.Deal, error) {
	if len(where) == 0 {
		return deals, nil
	}
	want := map[string][]string{}
	for _, w := range where {
		col, val, _ := strings.Cut(w, "=")
		want[col] = append(want[col], val)
	}
	for col := range want {
		if !slices.Contains(dataset.Columns(), col) && !hasAttr(deals, col) && !derived[col] {
			return nil, usagef("--where %s: no such column (columns: %s)", col, strings.Join(dataset.Columns(), ", "))
		}
	}
	var out []dataset.Deal
	for i := range deals {
		ok := true
		for col, vals := range want {
			if !matches(&deals[i], col, vals) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, deals[i])
		}
	}
	if len(out) == 0 {
		var parts []string
		for _, col := range sortedKeys(want) {
			parts = append(parts, col+" in {"+strings.Join(want[col], ", ")+"}")
		}
		return nil, fmt.Errorf("no deal has %s", strings.Join(parts, " and "))
	}
	return out, nil
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
