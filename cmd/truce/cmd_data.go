package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

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
	t := analysis.DurationsTable(deals, o.asOfDate())
	t.Name, t.Title = "deals", fmt.Sprintf("%s (as of %s)", analysis.Plural(len(deals), "deal", "deals"), o.asOfDate())
	return t.Write(stdout, o.format)
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
	d, ok := data.Deal(args[0])
	if !ok {
		return fmt.Errorf("no deal %q (run 'truce list' for the ids)", args[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", d.ID, d.Name)
	for _, col := range dataset.Columns() {
		if v := dataset.Value(d, col); v != "" && col != "id" && col != "name" && col != "sources" && col != "notes" {
			fmt.Fprintf(&b, "  %-21s %s\n", col, v)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(d.Attrs)) {
		fmt.Fprintf(&b, "  %-21s %s\n", k, d.Attrs[k])
	}
	if dur, ok := d.Duration(o.asOfDate()); ok {
		fmt.Fprintf(&b, "  %-21s %s (to %s, %s)\n", "days", dur, dur.Until, dur.Basis)
	}
	if d.Notes != "" {
		fmt.Fprintf(&b, "\nNotes: %s\n", d.Notes)
	}
	if cites := data.CitationsOf(d.ID); len(cites) > 0 {
		b.WriteString("\nEvidence:\n")
		for _, c := range cites {
			q := "“" + c.Quote + "”"
			if c.Type == dataset.CitationParaphrase {
				q = "(paraphrase) " + c.Quote
			}
			fmt.Fprintf(&b, "  %-21s [%s] %s\n", c.Field, c.Source, q)
		}
		b.WriteString("\nSources:\n")
		for _, id := range d.Sources {
			if s, ok := data.Source(id); ok {
				fmt.Fprintf(&b, "  %s\n", s.Reference())
				if s.Notes != "" {
					fmt.Fprintf(&b, "      note: %s\n", s.Notes)
				}
			}
		}
	} else if len(d.Sources) > 0 {
		fmt.Fprintf(&b, "\nSources: %s\n", strings.Join(d.Sources, "; "))
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}
