package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots/briefing"
)

func init() {
	register("report", command{
		summary: "write a finished briefing into -o DIR: charts (PNG, SVG), tables (Markdown, CSV), briefing.md and briefing.html",
		flags: func(fs *flag.FlagSet, o *options) {
			dataFlags(fs, o)
			fs.StringVar(&o.out, "o", "", "output `DIR` (created if needed; files there that the report does not write are left alone)")
			fs.StringVar(&o.by, "by", "mediator_type", "compare the deals grouped by this `COL`")
			fs.IntVar(&o.dpi, "dpi", 200, "PNG resolution in dots per inch")
			worldFlags(fs, o)
		},
		run: runReport,
	})
}

func runReport(o *options, args []string, w io.Writer) error {
	if err := noArgs("report", args); err != nil {
		return err
	}
	if o.out == "" {
		return usagef("report needs -o DIR")
	}
	data, err := o.readData()
	if err != nil {
		return err
	}
	opts := o.briefingOptions()
	if opts.World, err = o.worldData(); err != nil {
		return err
	}
	b, err := briefing.Build(data, opts)
	if err != nil {
		return whereError(err)
	}
	if err := b.WriteDir(o.out); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d files to %s: open %s/briefing.html or briefing.md\n", len(b.Files), o.out, o.out)
	return nil
}

// briefingOptions are the briefing's options from the flags.
func (o *options) briefingOptions() briefing.Options {
	opts := briefing.Options{Where: o.conds(), AsOf: o.asOfDate(), By: o.by, DPI: o.dpi}
	if o.data != "" {
		opts.Version = dataset.Version + " (user data: " + o.data + ")"
	}
	return opts
}

// analysed reads the data once and computes the analyses the named chart
// or table needs.
func (o *options) analysed(name string) (*briefing.Analyses, error) {
	data, err := o.readData()
	if err != nil {
		return nil, err
	}
	opts := o.briefingOptions()
	opts.Only = []string{name}
	a, err := briefing.Analyse(data, opts)
	return a, whereError(err)
}
