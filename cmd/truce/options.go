package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
	"github.com/truce-lab/truce/plots"
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

	set map[string]bool // the flags given on the command line
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

// check validates the flags before any work: every error is a usage
// error (exit 2) that names the flag. Columns (--by, --covariates) are
// checked against the data by checkColumns once it is read.
func (o *options) check() error {
	if (o.set["format"] || o.format != "") && !slices.Contains(analysis.Formats(), o.format) {
		return usagef("--format %q: want one of %s", o.format, strings.Join(analysis.Formats(), ", "))
	}
	if o.set["tau"] && !(o.tau > 0 && !math.IsInf(o.tau, 0)) {
		return usagef("--tau %v: want a positive number of days", o.tau)
	}
	if o.set["dpi"] {
		if err := plots.CheckSize(0, 0, o.dpi); err != nil {
			return usagef("--dpi %d: %s", o.dpi, strings.TrimPrefix(err.Error(), "plots: "))
		}
	}
	if o.size != "" {
		w, h, err := parseSize(o.size)
		if err != nil {
			return err
		}
		if err := plots.CheckSize(w, h, o.dpi); err != nil {
			return usagef("--size %q: %s", o.size, strings.TrimPrefix(err.Error(), "plots: "))
		}
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
// (no provenance), in --data-format (an external reader's warnings go to
// stderr), and checks the columns the flags name (checkColumns).
func (o *options) readData() (*dataset.Data, error) {
	if o.data == "" {
		data, err := dataset.Load()
		if err != nil {
			return nil, err
		}
		return data, o.checkColumns(data)
	}
	if o.dataFormat != "" && o.dataFormat != "truce" {
		ext, err := external.Load(o.data, o.dataFormat)
		if err != nil {
			return nil, err
		}
		for _, w := range ext.Warnings {
			fmt.Fprintln(o.stderr, "truce: warning:", w)
		}
		data := &dataset.Data{Deals: ext.Deals}
		return data, o.checkColumns(data)
	}
	deals, err := dataset.ReadFile(o.data)
	if err != nil {
		return nil, err
	}
	data := &dataset.Data{Deals: deals}
	return data, o.checkColumns(data)
}

// checkColumns checks that the columns --by, --strata and --covariates
// name exist in the data (a dataset column, a derived one such as decade
// or has:NAME, or one of the user's), before any analysis.
func (o *options) checkColumns(data *dataset.Data) error {
	if len(data.Deals) == 0 {
		return nil
	}
	names := dataset.FrameAt(data.Deals[:1], o.asOfDate()).Names()
	exists := func(col string) bool {
		if slices.Contains(names, col) {
			return true
		}
		for i := range data.Deals {
			if _, ok := data.Deals[i].Attrs[col]; ok {
				return true
			}
		}
		return false
	}
	if o.by != "" && !exists(o.by) {
		return usagef("--by %q: no such column (see dataset/CODEBOOK.md; derived columns: decade, start_year, has:CONCESSION, ...)", o.by)
	}
	if o.strata != "" && !exists(o.strata) {
		return usagef("--strata %q: no such column", o.strata)
	}
	if o.covariates != "" {
		for _, c := range strings.Split(o.covariates, ",") {
			if c = strings.TrimSpace(c); !exists(c) {
				return usagef("--covariates: no column %q (concession flags are has:NAME, commitments commits:NAME)", c)
			}
		}
	}
	return nil
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

// whereError makes a --where condition on no column, and a --by column
// with too many groups, usage errors naming the flag.
func whereError(err error) error {
	switch {
	case errors.Is(err, dataset.ErrWhere):
		return usagef("--where: %v", err)
	case errors.Is(err, analysis.ErrTooManyGroups):
		return usagef("--by: %s", strings.TrimPrefix(err.Error(), "analysis: "))
	}
	return err
}
