package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
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
	// of external.Formats().
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
	fs.StringVar(&o.dataFormat, "data-format", "", "read --data as `FORMAT`: truce (the default, a CSV as dataset/CODEBOOK.md), "+strings.Join(external.Formats(), " or ")+" (the public ETH/PRIO ceasefire or UCDP peace agreement files; see dataset/external)")
}

func formatFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.format, "format", "text", "output `FORMAT`: text, md, csv or json")
}

// dpiFlag is --dpi, for every command that draws a PNG.
func dpiFlag(fs *flag.FlagSet, o *options) {
	fs.IntVar(&o.dpi, "dpi", plots.DefaultDPI, "PNG resolution in dots per inch")
}

func tableFlags(fs *flag.FlagSet, o *options) {
	dataFlags(fs, o)
	formatFlag(fs, o)
}

// check validates the flags before any work: every error is a usage
// error (exit 2) that names the flag. Columns (--by, --covariates) are
// checked against the data by checkColumns once it is read.
func (o *options) check() error {
	if o.set["format"] || o.format != "" {
		if err := analysis.CheckFormat(o.format); err != nil {
			return flagError("--format "+strconv.Quote(o.format), err)
		}
	}
	if o.set["tau"] {
		if err := analysis.CheckTau(o.tau); err != nil {
			return flagError(fmt.Sprintf("--tau %v", o.tau), err)
		}
	}
	if o.set["dpi"] {
		if err := plots.CheckSize(0, 0, o.dpi); err != nil {
			return flagError(fmt.Sprintf("--dpi %d", o.dpi), err)
		}
	}
	if o.size != "" {
		w, h, err := plots.ParseSize(o.size)
		if err == nil {
			err = plots.CheckSize(w, h, o.dpi)
		}
		if err != nil {
			return flagError("--size "+strconv.Quote(o.size), err)
		}
	}
	if err := external.CheckFormat(o.dataFormat); err != nil {
		return flagError("--data-format "+strconv.Quote(o.dataFormat), err)
	}
	if o.dataFormat != "" && o.dataFormat != "truce" && o.data == "" {
		return usagef("--data-format %s needs --data FILE", o.dataFormat)
	}
	if o.asOf != "" {
		if _, err := dataset.ParseDay(o.asOf); err != nil {
			return flagError("--asof "+strconv.Quote(o.asOf), err)
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
