package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
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

	// dataFormat is --data-format: "" or "truce" for truce's CSV, or one
	// of external.Formats.
	dataFormat string
	// stderr receives the external readers' warnings.
	stderr io.Writer
	// ethprio, ucdpPad and outcome are the world comparison's flags
	// (cmd_world.go).
	ethprio, ucdpPad, outcome string

	analysisFlags // cmd_analysis.go
}

// whereFlag collects repeated --where COL=VALUE filters.
type whereFlag []string

func (w *whereFlag) String() string     { return strings.Join(*w, " ") }
func (w *whereFlag) Set(v string) error { *w = append(*w, v); return nil }

func dataFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.data, "data", "", "read deals from this CSV `FILE` instead of the embedded dataset")
	dataFormatFlag(fs, o)
	fs.StringVar(&o.asOf, "asof", "", "censor open deals at this `DATE` (YYYY-MM-DD; default: the dataset's as-of date)")
	fs.Var(&o.where, "where", "keep deals whose `COL=VALUE` (repeatable: the same column ORs, different columns AND; list columns match any item); also COL!=V, and COL>=V, COL>V, COL<=V, COL<V for dates and numbers, dates by the days they can stand for ('start>2006' is after 2006; quote them: 'start>=2006', 'start_year<2022')")
}

// dataFormatFlag is --data-format, for every command that takes --data.
func dataFormatFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.dataFormat, "data-format", "", "read --data as `FORMAT`: truce (the default, a CSV as dataset/CODEBOOK.md), "+strings.Join(external.Formats, " or ")+" (the public ETH/PRIO ceasefire or UCDP peace agreement files; see dataset/external)")
}

func formatFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.format, "format", "text", "output `FORMAT`: text, md, csv or json")
}

func tableFlags(fs *flag.FlagSet, o *options) {
	dataFlags(fs, o)
	formatFlag(fs, o)
}

func (o *options) check() error {
	if o.format != "" && !slices.Contains(analysis.Formats(), o.format) {
		return usagef("--format %q: want one of %s", o.format, strings.Join(analysis.Formats(), ", "))
	}
	if o.dataFormat != "" && o.dataFormat != "truce" {
		if !slices.Contains(external.Formats, o.dataFormat) {
			return usagef("--data-format %q: want truce, %s", o.dataFormat, strings.Join(external.Formats, " or "))
		}
		if o.data == "" {
			return usagef("--data-format %s needs --data FILE", o.dataFormat)
		}
	}
	if o.asOf != "" {
		if d, err := dataset.ParseDate(o.asOf); err != nil || d.Prec != dataset.Day {
			return usagef("--asof %q: want a day, YYYY-MM-DD", o.asOf)
		}
	}
	if _, err := dataset.ParseConds(o.where); err != nil {
		return usagef("--where: %v", err)
	}
	return nil
}

// asOfDate is the --asof date, or the dataset's (dataset.AsOf).
func (o *options) asOfDate() dataset.Date {
	if o.asOf == "" {
		return dataset.AsOf()
	}
	return dataset.MustDate(o.asOf)
}

// conds are the parsed --where conditions; check has already parsed them.
func (o *options) conds() []dataset.Cond {
	c, _ := dataset.ParseConds(o.where)
	return c
}

// readData reads the embedded dataset, or --data as a Data with deals only
// (no provenance), in --data-format; an external reader's warnings go to
// stderr.
func (o *options) readData() (*dataset.Data, error) {
	if o.data == "" {
		return dataset.Load()
	}
	if o.dataFormat != "" && o.dataFormat != "truce" {
		ext, err := external.Load(o.data, o.dataFormat)
		if err != nil {
			return nil, err
		}
		for _, w := range ext.Warnings {
			fmt.Fprintln(o.stderr, "truce: warning:", w)
		}
		return &dataset.Data{Deals: ext.Deals}, nil
	}
	deals, err := dataset.ReadFile(o.data)
	if err != nil {
		return nil, err
	}
	return &dataset.Data{Deals: deals}, nil
}

// load reads the deals (embedded, or --data) and keeps those matching
// --where, talks included.
func (o *options) load() (*dataset.Data, []dataset.Deal, error) {
	data, err := o.readData()
	if err != nil {
		return nil, nil, err
	}
	deals, err := dataset.Filter(data.Deals, o.conds())
	if err == nil && len(deals) == 0 {
		err = fmt.Errorf("%w %s", dataset.ErrNoMatch, strings.Join(o.where, " "))
	}
	return data, deals, whereError(err)
}

// whereError makes a --where condition on no column a usage error.
func whereError(err error) error {
	if errors.Is(err, dataset.ErrWhere) {
		return usagef("--where: %v", err)
	}
	return err
}
