package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

func init() {
	register("report", command{
		summary: "write a finished briefing into -o DIR: charts (PNG, SVG), tables (Markdown, CSV), briefing.md and briefing.html",
		flags: func(fs *flag.FlagSet, o *options) {
			dataFlags(fs, o)
			fs.StringVar(&o.out, "o", "", "output `DIR` (created if needed; files there that the report does not write are left alone)")
			fs.StringVar(&o.by, "by", "mediator_type", "compare the deals grouped by this `COL`")
			fs.IntVar(&o.dpi, "dpi", 200, "PNG resolution in dots per inch")
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
	in, err := o.reportInput()
	if err != nil {
		return err
	}
	files, err := buildReport(in)
	if err != nil {
		return err
	}
	if err := writeFiles(o.out, files); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d files to %s: open %s/briefing.html or briefing.md\n", len(files), o.out, o.out)
	return nil
}

// reportInput is everything a briefing is computed from.
type reportInput struct {
	data    *dataset.Data  // provenance (empty for a user's CSV)
	all     []dataset.Deal // every deal matching --where, talks included
	deals   []dataset.Deal // the deals analysed
	sample  *analysis.Sample
	note    string // which deals were analysed
	asOf    dataset.Date
	by      string
	dpi     int
	version string
}

func (o *options) reportInput() (*reportInput, error) {
	data, all, err := o.load()
	if err != nil {
		return nil, err
	}
	s, deals, note, err := o.sample()
	if err != nil {
		return nil, err
	}
	version := dataset.Version
	if o.data != "" {
		version = dataset.Version + " (user data: " + o.data + ")"
	}
	return &reportInput{data: data, all: all, deals: deals, sample: s, note: note, asOf: o.asOfDate(), by: o.by, dpi: o.dpi, version: version}, nil
}

// analysed loads the deals and computes every analysis of the briefing.
func (o *options) analysed() (*reportInput, *reportResults, error) {
	in, err := o.reportInput()
	if err != nil {
		return nil, nil, err
	}
	r, err := analyse(in)
	return in, r, err
}

// reportResults are the analyses behind a briefing.
type reportResults struct {
	overall     analysis.GroupSummary
	byGroups    []analysis.GroupSummary
	byWarnings  []string
	byTest      *analysis.LogRankResult
	concessions *analysis.Concessions
	triggers    *analysis.Triggers
	sensitivity *analysis.Sensitivity
}

func analyse(in *reportInput) (*reportResults, error) {
	r := &reportResults{}
	all, _, err := analysis.Summarize(in.sample, "", 365)
	if err != nil {
		return nil, err
	}
	r.overall = all[0]
	if r.byGroups, r.byWarnings, err = analysis.Summarize(in.sample, in.by, 365); err != nil {
		return nil, err
	}
	labels, err := in.sample.Labels(in.by)
	if err != nil {
		return nil, err
	}
	if r.byTest, err = analysis.LogRank(in.sample.Times, in.sample.Events, labels); err != nil {
		r.byWarnings = append(r.byWarnings, "log-rank test not computed: "+err.Error())
		r.byTest = nil
	}
	if r.concessions, err = analysis.AnalyzeConcessions(in.sample, concessionColumns()); err != nil {
		return nil, err
	}
	if r.triggers, err = analysis.AnalyzeTriggers(in.sample); err != nil {
		return nil, err
	}
	if r.sensitivity, err = analysis.AnalyzeSensitivity(in.deals, in.asOf, sensitivityColumns(r.concessions), 3); err != nil {
		return nil, err
	}
	return r, nil
}

// buildReport computes the analyses and renders every file of the briefing
// in memory, by file name. Nothing here reads a clock: the same input
// gives the same bytes.
func buildReport(in *reportInput) (map[string][]byte, error) {
	r, err := analyse(in)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	tables := reportTables(in, r)
	for _, t := range tables {
		for _, f := range []string{"md", "csv"} {
			var b strings.Builder
			if err := t.Write(&b, f); err != nil {
				return nil, err
			}
			files["table-"+t.Name+"."+f] = []byte(b.String())
		}
	}
	charts, err := reportCharts(in, r)
	if err != nil {
		return nil, err
	}
	for _, c := range charts {
		files[c.name+".png"] = c.png
		files[c.name+".svg"] = c.svg
	}
	blocks := briefing(in, r, tables, charts)
	title := blocks[0].(heading).text
	files["briefing.md"] = []byte(renderMarkdown(blocks))
	files["briefing.html"] = []byte(renderHTML(title, blocks))
	return files, nil
}

// reportTables are the tables of the briefing, by name.
func reportTables(in *reportInput, r *reportResults) map[string]*analysis.Table {
	summary := analysis.SummaryTable("", []analysis.GroupSummary{r.overall}, r.overall.KM.Warnings)
	byTable := analysis.SummaryTable(in.by, r.byGroups, r.byWarnings)
	byTable.Name = "summary-by-" + strings.ReplaceAll(in.by, ":", "-")
	if r.byTest != nil {
		byTable.Notes = append(byTable.Notes, fmt.Sprintf("Log-rank test across the groups: chi-square %.2f on %d df, p = %s.", r.byTest.Chisq, r.byTest.DF, pText(r.byTest.P)))
		byTable.Warnings = append(byTable.Warnings, r.byTest.Warnings...)
	}
	out := map[string]*analysis.Table{
		"durations":   durationsTable(in),
		"summary":     summary,
		byTable.Name:  byTable,
		"concessions": analysis.ConcessionTable(r.concessions),
		"triggers":    analysis.TriggerTable(r.triggers),
		"sensitivity": analysis.SensitivityTable(r.sensitivity, false),
	}
	for _, t := range out {
		t.Notes = append([]string{in.note}, t.Notes...)
	}
	return out
}

func durationsTable(in *reportInput) *analysis.Table {
	t := &analysis.Table{Name: "durations", Title: "Every deal analysed, with its duration",
		Columns: []string{"id", "name", "start", "end", "end_type", "days", "days_lower", "days_upper", "trigger", "mediator_type"},
		Numeric: []bool{false, false, false, false, false, true, true, true, false, false},
		Notes:   []string{"days: from the middle day of each date's span, with the bounds date precision allows; + marks a censored time."}}
	for i := range in.deals {
		d := &in.deals[i]
		dur, ok := d.Duration(in.asOf)
		if !ok {
			continue
		}
		days := fmt.Sprint(dur.Days)
		if !dur.Event {
			days += "+"
		}
		t.Rows = append(t.Rows, []string{d.ID, d.Name, d.Start.String(), d.End.String(), string(d.EndType), days,
			fmt.Sprint(dur.Lower), fmt.Sprint(dur.Upper), string(d.Trigger), string(d.MediatorType)})
	}
	return t
}

// pText formats a p-value for prose.
func pText(p float64) string {
	if math.IsNaN(p) {
		return "not computed"
	}
	if p < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("%.2g", p)
}

// medianText says a median for prose: "47 days (95% CI 30–120)".
func medianText(q analysis.Quantile) string {
	if !q.Reached {
		return "not reached (fewer than half broke down while observed)"
	}
	lo, hi := "not reached", "not reached"
	if q.LowerReached {
		lo = fmt.Sprintf("%.0f", q.Lower)
	}
	if q.UpperReached {
		hi = fmt.Sprintf("%.0f", q.Upper)
	}
	return fmt.Sprintf("%.0f days (95%% CI %s to %s)", q.Estimate, lo, hi)
}

// concessionHighlights returns the tested rows ordered by permutation p.
func concessionHighlights(c *analysis.Concessions) []analysis.ConcessionRow {
	var rows []analysis.ConcessionRow
	for _, r := range c.Rows {
		if !math.IsNaN(r.Perm.P) {
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b analysis.ConcessionRow) int {
		switch {
		case a.Perm.P < b.Perm.P:
			return -1
		case a.Perm.P > b.Perm.P:
			return 1
		}
		return 0
	})
	return rows
}
