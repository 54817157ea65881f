package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

func init() {
	register("validate", command{
		summary: "check the dataset (or --data FILE) and report every problem",
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.data, "data", "", "check this CSV `FILE` instead of the embedded dataset")
			dataFormatFlag(fs, o)
		},
		run: runValidate,
	})
	register("list", command{
		summary: "list every deal matching --where, talks included, with the durations table's columns",
		flags:   tableFlags,
		run:     runList,
	})
	register("show", command{
		summary: "show one deal in full with its sources and quotes",
		args:    "ID",
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.data, "data", "", "read deals from this CSV `FILE` instead of the embedded dataset")
			dataFormatFlag(fs, o)
			fs.StringVar(&o.asOf, "asof", "", "censor open deals at this `DATE` (YYYY-MM-DD)")
		},
		run: runShow,
	})
}

func runValidate(o *options, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usagef("validate takes no arguments")
	}
	data, _, err := o.load()
	if err != nil {
		var es dataset.Errors
		if errors.As(err, &es) {
			fmt.Fprintln(stdout, err)
			return fmt.Errorf("%d problem(s) found", len(es))
		}
		return err
	}
	if o.data == "" {
		fmt.Fprintf(stdout, "%d deals, %d sources, %d citations, 0 problems (dataset %s, as of %s)\n",
			len(data.Deals), len(data.Sources), len(data.Citations), dataset.Version, dataset.AsOf())
	} else {
		fmt.Fprintf(stdout, "%d deals, 0 problems\n", len(data.Deals))
	}
	return nil
}

func runList(o *options, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usagef("list takes no arguments")
	}
	_, deals, err := o.load()
	if err != nil {
		return err
	}
	return analysis.DealsTable(deals, o.asOfDate()).Write(stdout, o.format)
}

func runShow(o *options, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return usagef("show takes one deal id")
	}
	o.where = nil
	data, _, err := o.load()
	if err != nil {
		return err
	}
	text, ok := data.Describe(args[0], o.asOfDate())
	if !ok {
		return fmt.Errorf("no deal %q (run 'truce list' for the ids)", args[0])
	}
	_, err = io.WriteString(stdout, text)
	return err
}
