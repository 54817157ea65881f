package briefing

import (
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// Options choose what a briefing covers and how it is rendered. The zero
// value is the command's default: every deal dataset.Select keeps, as of
// the dataset's date, compared by mediator_type, PNGs at 200 DPI.
type Options struct {
	Where   []dataset.Cond // filter conditions (see dataset.Cond)
	AsOf    dataset.Date   // zero: dataset.AsOf()
	By      string         // grouping column of the by-group section; "": mediator_type
	DPI     int            // PNG resolution; 0: 200
	Version string         // dataset version printed on the briefing; "": dataset.Version
	World   *World         // public data for the world section (world.go); nil: stored figures
	// Only names the charts and tables wanted (see ChartNames and Tables),
	// so that Analyse computes only what they need; empty means all. Build
	// ignores it.
	Only []string
}

// Parts of the analyses, and which chart or table needs which.
const (
	partOverall     = "overall"
	partBy          = "by"
	partConcessions = "concessions"
	partTriggers    = "triggers"
	partSensitivity = "sensitivity"
)

var needs = map[string][]string{
	"survival": {partOverall}, "incidence": {partOverall}, "era": {partConcessions}, "survival-by": {partBy}, "concessions": {partConcessions}, "forest": {partConcessions},
	"summary": {partOverall}, "triggers": {partTriggers}, "sensitivity": {partConcessions, partSensitivity},
}

// needed reports whether a part of the analyses is needed for opts.Only.
func (o Options) needed(part string) bool {
	if len(o.Only) == 0 {
		return true
	}
	for _, name := range o.Only {
		if strings.HasPrefix(name, "summary-by-") {
			name = "survival-by"
		}
		if slices.Contains(needs[name], part) {
			return true
		}
	}
	return false
}

func (o Options) withDefaults() Options {
	if o.By == "" {
		o.By = "mediator_type"
	}
	if o.DPI == 0 {
		o.DPI = 200
	}
	if o.Version == "" {
		o.Version = dataset.Version
	}
	return o
}

// Analyses are everything a briefing is computed from: the selected
// deals and every analysis of its tables and charts.
type Analyses struct {
	Data      *dataset.Data      // provenance (no sources for a user's CSV)
	All       []dataset.Deal     // every deal matching the conditions, talks included
	Selection *dataset.Selection // the deals analysed, as of when, and the note saying so
	Sample    *analysis.Sample
	By        string
	Version   string

	// The analyses; those Options.Only does not need are left zero.
	Overall     analysis.GroupSummary
	ByGroups    []analysis.GroupSummary
	ByWarnings  []string
	ByTest      *analysis.LogRankResult // nil when the test could not be computed (see ByWarnings)
	Concessions *analysis.Concessions
	Triggers    *analysis.Triggers
	Sensitivity *analysis.Sensitivity
	Competing   *Competing               // the competing-risk headline figures
	Tests       []analysis.ConcessionRow // the concession comparisons tested (testedRows)
}

// Deals are the deals analysed.
func (a *Analyses) Deals() []dataset.Deal { return a.Selection.Deals }

// AsOf is the date durations are measured to.
func (a *Analyses) AsOf() dataset.Date { return a.Selection.AsOf }

// Analyse selects the deals of data with dataset.Select and computes the
// analyses of the briefing: all of them, or those opts.Only needs.
func Analyse(data *dataset.Data, opts Options) (*Analyses, error) {
	opts = opts.withDefaults()
	all, err := dataset.Filter(data.Deals, opts.Where)
	if err != nil {
		return nil, err
	}
	sel, err := dataset.Select(data.Deals, opts.Where, opts.AsOf)
	if err != nil {
		return nil, err
	}
	s, err := analysis.SampleOf(sel.Deals, sel.AsOf)
	if err != nil {
		return nil, err
	}
	a := &Analyses{Data: data, All: all, Selection: sel, Sample: s, By: opts.By, Version: opts.Version}
	if opts.needed(partOverall) {
		overall, _, err := analysis.Summarize(s, "", 365)
		if err != nil {
			return nil, err
		}
		a.Overall = overall[0]
		if a.Competing, err = analyseCompeting(s, sel.Deals, sel.AsOf); err != nil {
			return nil, err
		}
	}
	if opts.needed(partBy) {
		if a.ByGroups, a.ByWarnings, err = analysis.Summarize(s, a.By, 365); err != nil {
			return nil, err
		}
		labels, err := s.Labels(a.By)
		if err != nil {
			return nil, err
		}
		if a.ByTest, err = analysis.LogRank(s.Times, s.Events, labels); err != nil {
			a.ByWarnings = append(a.ByWarnings, "log-rank test not computed: "+err.Error())
			a.ByTest = nil
		}
	}
	if opts.needed(partConcessions) {
		if a.Concessions, err = analysis.AnalyzeConcessions(s, analysis.ConcessionColumns()); err != nil {
			return nil, err
		}
		a.Tests = testedRows(a.Concessions)
	}
	if opts.needed(partTriggers) {
		if a.Triggers, err = analysis.AnalyzeTriggers(s); err != nil {
			return nil, err
		}
	}
	if opts.needed(partSensitivity) {
		if a.Sensitivity, err = analysis.AnalyzeSensitivity(sel.Deals, sel.AsOf, analysis.SensitivityColumns(a.Concessions), 3); err != nil {
			return nil, err
		}
	}
	return a, nil
}
