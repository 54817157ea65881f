package briefing

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots"
)

// A ChartFunc builds one chart of the briefing from the analyses and
// returns it with its caption.
type ChartFunc func(a *Analyses) (p *plot.Plot, caption string, err error)

// ErrNoData is wrapped by the error of a chart that has nothing to draw
// for the deals analysed (no deal broke down, no category to compare, ...).
// Build leaves such a chart out of the briefing and prints the reason in
// its place; the chart command reports it as an error.
var ErrNoData = errors.New("nothing to draw")

func noData(reason string) error { return fmt.Errorf("%w: %s", ErrNoData, reason) }

// chartList is every chart, in briefing order.
var chartList = []struct {
	name  string
	build ChartFunc
	about string // what it shows, in a few words
}{
	{"incidence", IncidenceChart, "how fast the deals broke down"},
	{"durations", DurationsChart, "how long each deal lasted"},
	{"timeline", TimelineChart, "the deals on the calendar"},
	{"survival", SurvivalChart, "the Kaplan–Meier curve alone"},
	{"survival-by", SurvivalByChart, "survival by group"},
	{"matrix", MatrixChart, "what each deal gave and got"},
	{"concessions", ConcessionsChart, "the number of concessions against days in force"},
	{"forest", ForestChart, "hazard ratios of the concessions"},
	{"triggers", TriggersChart, "what ended the deals"},
}

// Heights of the charts shown in the briefing (8 inches wide), a little
// under their designed heights, so that each prints across the text
// column with its section's table on one page of Letter and A4 paper. Only
// the plot areas are smaller: the text keeps its size. 0 keeps the
// designed height.
const (
	durationsHeight = 8.0 * vg.Inch // 35 rows of deals: about 0.16 inch a row
	triggersHeight  = 4.4 * vg.Inch
	groupsHeight    = 6.8 * vg.Inch
	forestHeight    = 5.8 * vg.Inch // 19 rows: about 0.17 inch a row
)

// ChartNames returns the names of the briefing's charts, in briefing order.
func ChartNames() []string {
	names := make([]string, len(chartList))
	for i, c := range chartList {
		names[i] = c.name
	}
	return names
}

// Chart builds the named chart (see ChartNames) and its caption.
func Chart(name string, a *Analyses) (*plot.Plot, string, error) {
	for _, c := range chartList {
		if c.name == name {
			return c.build(a)
		}
	}
	return nil, "", fmt.Errorf("briefing: no chart %q (charts: %v)", name, ChartNames())
}

func (a *Analyses) meta(title string) plots.Meta {
	return plots.Meta{Title: title, Version: a.Version, AsOf: a.AsOf()}
}

// DurationsChart is each deal's duration with the range date precision allows.
func DurationsChart(a *Analyses) (*plot.Plot, string, error) {
	meta := a.meta("How long each deal lasted")
	meta.Subtitle = endingsSentence(a)
	meta.Height = durationsHeight
	p, err := plots.Durations(a.Deals(), a.AsOf(), meta)
	return p, "Each deal's days in force, in order of start.", err
}

// TimelineChart is the deals on the calendar, coloured by mediator, over
// the governments of the day.
func TimelineChart(a *Analyses) (*plot.Plot, string, error) {
	var govs []dataset.Government
	if a.Data != nil {
		govs = a.Data.Governments
	}
	p, err := plots.Timeline(a.Deals(), govs, a.AsOf(), a.meta("Deals on the calendar, by mediator"))
	return p, "Each deal as a bar from its start to its end, coloured by the kind of mediator; shaded bands are the federal governments of the day.", err
}

// SurvivalChart is the Kaplan–Meier curve of all deals analysed.
func SurvivalChart(a *Analyses) (*plot.Plot, string, error) {
	p, err := plots.Survival([]plots.Curve{{Label: "all deals", KM: a.Overall.KM}}, a.meta("Share of deals still in force"))
	return p, "Kaplan–Meier estimate with its 95% confidence band; + marks a censored deal; the table under the plot gives the number of deals still at risk.", err
}

// SurvivalByChart is the Kaplan–Meier curves of the groups of Options.By.
func SurvivalByChart(a *Analyses) (*plot.Plot, string, error) {
	meta := a.meta("Share of deals still in force, by " + dataset.ColumnLabel(a.By))
	var curves []plots.Curve
	for _, g := range a.ByGroups {
		curves = append(curves, plots.Curve{Label: dataset.Label(a.By, g.Group), KM: g.KM, Color: plots.CategoryColor(a.By, g.Group)})
	}
	if a.ByTest != nil {
		meta.Subtitle = groupFinding(a)
	}
	meta.Height = groupsHeight
	p, err := plots.Survival(curves, meta)
	return p, "Share of deals still in force, one Kaplan–Meier curve per " + dataset.ColumnLabel(a.By) + ".", err
}

// MatrixChart is what each deal gave and got.
func MatrixChart(a *Analyses) (*plot.Plot, string, error) {
	p, err := plots.Matrix(a.Deals(), a.meta("What each deal gave and got"))
	return p, "Rows: deals in order of start; columns: the state concessions and militant commitments sources report.", err
}

// ConcessionsChart is the number of state concessions against days in force.
func ConcessionsChart(a *Analyses) (*plot.Plot, string, error) {
	meta := a.meta("More concessions, longer deals?")
	var pts []plots.Point
	unlabelled := 0
	deals := a.Deals()
	for i := range deals {
		d := &deals[i]
		dur, ok := d.Duration(a.AsOf())
		if !ok {
			continue
		}
		label := d.ID
		if !dur.Event && dur.Upper == 0 {
			label, unlabelled = "", unlabelled+1 // seen only on the day it began: no duration to speak of
		}
		pts = append(pts, plots.Point{Label: label, X: len(d.StateConcessions), Days: float64(dur.Days), Censored: !dur.Event})
	}
	if unlabelled > 0 {
		meta.Notes = append(meta.Notes, fmt.Sprintf("The %s at 1 %s last reported in force on the day they began.",
			analysis.Plural(unlabelled, "unlabelled ring", "unlabelled rings"), map[bool]string{true: "is a deal", false: "are deals"}[unlabelled == 1]))
	}
	e := a.Concessions.Ended
	meta.Notes = append(meta.Notes, fmt.Sprintf("Spearman's rho over the %s that broke down (censored deals excluded).", analysis.Plural(e.N, "deal", "deals")))
	p, err := plots.ConcessionScatter(pts, e.Spearman, e.SpearmanPerm.P, e.N, meta)
	return p, "Number of state concessions against days in force (log scale); open markers are censored deals, which the correlation leaves out.", err
}

// ForestChart is the hazard ratio of breakdown with and without each
// concession and commitment.
func ForestChart(a *Analyses) (*plot.Plot, string, error) {
	var rows []plots.ForestRow
	for _, row := range a.Concessions.Rows {
		if row.NWith < 2 || row.NWithout < 2 {
			continue
		}
		hr, lo, hi := row.HR()
		rows = append(rows, plots.ForestRow{Label: shortCategoryLabel(row), Est: hr, Lo: lo, Hi: hi, N: fmt.Sprintf("%d vs %d", row.NWith, row.NWithout)})
	}
	if len(rows) == 0 {
		return nil, "", noData("no concession or commitment was in at least two deals and absent from at least two")
	}
	meta := a.meta("Hazard of breakdown with and without each concession")
	meta.Height = forestHeight
	p, err := plots.Forest(rows, "hazard ratio (log scale): above 1, deals with it broke down faster", meta)
	return p, "Hazard ratio of breakdown, deals with each concession or commitment against those without; those with fewer than two deals on either side are left out.", err
}

// TriggersChart is the deals that broke down by trigger, stacked by who
// broke them.
func TriggersChart(a *Analyses) (*plot.Plot, string, error) {
	broke := 0 // by the as-of date, as plots.Triggers and analysis.AnalyzeTriggers count them
	for i := range a.Deals() {
		if dur, ok := a.Deals()[i].Duration(a.AsOf()); ok && dur.Event {
			broke++
		}
	}
	if broke == 0 {
		return nil, "", noData("no deal analysed broke down")
	}
	meta := a.meta("What ended the deals")
	meta.Height = triggersHeight
	p, err := plots.Triggers(a.Deals(), meta)
	return p, fmt.Sprintf("The %d deals that broke down, by the cause the sources give, split by what happened at the end.", broke), err
}

// groupFinding states in one line whether the groups' curves differ. The
// longest median is named among real groups: not "unknown" (the value
// every vocabulary uses for it) nor an empty cell.
func groupFinding(a *Analyses) string {
	best, bestMed := "", math.Inf(-1)
	for _, g := range a.ByGroups {
		if g.N >= 3 && g.Median.Reached && g.Median.Estimate > bestMed && g.Group != "unknown" && g.Group != analysis.NoValue {
			best, bestMed = g.Group, g.Median.Estimate
		}
	}
	verdict := "no clear difference between the groups"
	if a.ByTest.P < 0.05 {
		verdict = "the groups differ"
	}
	s := fmt.Sprintf("Log-rank p = %s: %s", analysis.FormatP(a.ByTest.P), verdict)
	if best != "" {
		s += fmt.Sprintf("; longest median among groups of 3 or more: %s, %.0f days", dataset.Label(a.By, best), bestMed)
	}
	return s + "."
}
