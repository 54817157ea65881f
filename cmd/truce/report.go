package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots/briefing"
)

func init() {
	register("report", command{
		summary: "write a finished briefing into -o DIR: charts (PNG, SVG), tables (Markdown, CSV), briefing.md and briefing.html",
		flags: func(fs *flag.FlagSet, o *options) {
			dataFlags(fs, o)
			fs.StringVar(&o.out, "o", "", "output `DIR` (created if needed; written all or nothing, locked against a second run; files there that the report does not write are left alone; a link named like a report file is replaced)")
			fs.StringVar(&o.by, "by", "mediator_type", "compare the deals grouped by this `COL`")
			fs.IntVar(&o.dpi, "dpi", 200, "PNG resolution in dots per inch")
			worldFlags(fs, o)
		},
		run: runReport,
	})
}

// errInterrupted is a report stopped by SIGINT or SIGTERM, with the output
// folder left as it was.
var errInterrupted = errors.New("interrupted: the output folder is as it was before")

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
	out, err := briefing.OpenDir(o.out)
	if err != nil {
		return err
	}
	defer out.Close()
	// SIGINT or SIGTERM while building stops the command at once (nothing
	// is written yet); while writing, Write puts back what was there and
	// removes what it created.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type built struct {
		b   *briefing.Briefing
		err error
	}
	done := make(chan built, 1)
	go func() {
		b, err := briefing.Build(data, opts)
		done <- built{b, err}
	}()
	var b *briefing.Briefing
	select {
	case <-ctx.Done():
		return errInterrupted
	case r := <-done:
		if r.err != nil {
			return whereError(r.err)
		}
		b = r.b
	}
	if err := out.Write(ctx, b); err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
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
