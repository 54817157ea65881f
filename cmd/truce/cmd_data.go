package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

func init() {
	register("validate", command{
		summary: "check the dataset (or --data FILE) and report every problem",
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.data, "data", "", "check this CSV `FILE` instead of the embedded dataset")
		},
		run: runValidate,
	})
	register("list", command{
		summary: "list the deals with start, end, days, mediator type and end type",
		flags:   tableFlags,
		run:     runList,
	})
	register("show", command{
		summary: "show one deal in full with its sources and quotes",
		args:    "ID",
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.data, "data", "", "read deals from this CSV `FILE` instead of the embedded dataset")
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
			len(data.Deals), len(data.Sources), len(data.Citations), dataset.Version, dataset.AsOf)
	} else {
		fmt.Fprintf(stdout, "%d deals, 0 problems\n", len(data.Deals))
	}
	return nil
}

// daysCell formats a duration for people: "47", "84 (69-98)", with a "+"
// for censored times as R prints them.
func daysCell(d dataset.Duration) string {
	s := strconv.Itoa(d.Days)
	if !d.Event {
		s += "+"
	}
	if d.Lower != d.Upper {
		s += fmt.Sprintf(" (%d-%d)", d.Lower, d.Upper)
	}
	return s
}

func runList(o *options, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usagef("list takes no arguments")
	}
	_, deals, err := o.load()
	if err != nil {
		return err
	}
	t := &analysis.Table{
		Name:    "deals",
		Title:   fmt.Sprintf("%d deals (as of %s)", len(deals), o.asOfDate()),
		Columns: []string{"id", "kind", "start", "end", "end_type", "days", "days_lower", "days_upper", "event", "mediator_type"},
		Numeric: []bool{false, false, false, false, false, true, true, true, false, false},
		Notes: []string{"days: point estimate from the middle of each date's span; days_lower/days_upper: the bounds that date precision allows.",
			"event=true: the deal broke down; otherwise the time is censored (expired, superseded, ongoing at the as-of date, or end unknown: censored at last_seen)."},
	}
	if o.format == "text" || o.format == "md" {
		t.Columns = []string{"id", "kind", "start", "end", "end type", "days", "mediator type"}
		t.Numeric = []bool{false, false, false, false, false, true, false}
		t.Notes = []string{"days: point estimate, with the range date precision allows in brackets; + marks a censored time (the deal had not broken down when last seen)."}
	}
	for i := range deals {
		d := &deals[i]
		dur, ok := d.Duration(o.asOfDate())
		if !ok {
			continue
		}
		end := d.End.String()
		if end == "" && !d.LastSeen.IsZero() {
			end = "seen " + d.LastSeen.String()
		}
		if o.format == "text" || o.format == "md" {
			t.Rows = append(t.Rows, []string{d.ID, string(d.Kind), d.Start.String(), end, string(d.EndType), daysCell(dur), string(d.MediatorType)})
			continue
		}
		t.Rows = append(t.Rows, []string{d.ID, string(d.Kind), d.Start.String(), d.End.String(), string(d.EndType),
			strconv.Itoa(dur.Days), strconv.Itoa(dur.Lower), strconv.Itoa(dur.Upper), strconv.FormatBool(dur.Event), string(d.MediatorType)})
	}
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
	var d *dataset.Deal
	for i := range data.Deals {
		if data.Deals[i].ID == args[0] {
			d = &data.Deals[i]
		}
	}
	if d == nil {
		return fmt.Errorf("no deal %q (run 'truce list' for the ids)", args[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", d.ID, d.Name)
	for _, col := range dataset.Columns() {
		if v := dataset.Value(d, col); v != "" && col != "id" && col != "name" && col != "sources" && col != "notes" {
			fmt.Fprintf(&b, "  %-21s %s\n", col, v)
		}
	}
	for _, k := range sortedKeys(d.Attrs) {
		fmt.Fprintf(&b, "  %-21s %s\n", k, d.Attrs[k])
	}
	if dur, ok := d.Duration(o.asOfDate()); ok {
		fmt.Fprintf(&b, "  %-21s %s (to %s, %s)\n", "days", daysCell(dur), dur.Until, dur.Basis)
	}
	if d.Notes != "" {
		fmt.Fprintf(&b, "\nNotes: %s\n", d.Notes)
	}
	if cites := data.CitationsOf(d.ID); len(cites) > 0 {
		b.WriteString("\nEvidence:\n")
		for _, c := range cites {
			q := "“" + c.Quote + "”"
			if c.Type == "paraphrase" {
				q = "(paraphrase) " + c.Quote
			}
			fmt.Fprintf(&b, "  %-21s [%s] %s\n", c.Field, c.Source, q)
		}
		b.WriteString("\nSources:\n")
		for _, id := range d.Sources {
			if s, ok := data.Source(id); ok {
				loc := s.URL
				if loc == "" {
					loc = "document " + s.Document
				}
				fmt.Fprintf(&b, "  [%s] %s. %s\n", id, s, loc)
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
