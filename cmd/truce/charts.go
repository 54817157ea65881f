package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"

	"gonum.org/v1/plot"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots"
)

// chart is one rendered chart of the briefing.
type chart struct {
	name, title, caption string
	png, svg             []byte
}

// chartNames are the charts `truce chart` can draw, in briefing order.
var chartNames = []string{"durations", "timeline", "survival", "survival-by", "matrix", "concessions", "forest", "triggers"}

// buildChart draws one named chart from the analyses.
func buildChart(name string, in *reportInput, r *reportResults) (*plot.Plot, string, error) {
	meta := plots.Meta{Version: in.version, AsOf: in.asOf}
	switch name {
	case "durations":
		meta.Title = "How long each deal lasted"
		p, err := plots.Durations(in.deals, in.asOf, meta)
		return p, "Days from start to end for every deal analysed; whiskers: the range date precision allows; arrows: not broken down when last observed.", err
	case "timeline":
		meta.Title = "Deals on the calendar, by mediator"
		var govs []dataset.Government
		if in.data != nil {
			govs = in.data.Governments
		}
		p, err := plots.Timeline(in.deals, govs, in.asOf, meta)
		return p, "Each deal as a bar from its start to its end, coloured by the kind of mediator; shaded bands are the federal governments of the day.", err
	case "survival":
		meta.Title = "Share of deals still in force"
		p, err := plots.Survival([]plots.Curve{{Label: "all deals", KM: r.overall.KM}}, meta)
		return p, "Kaplan–Meier estimate with its 95% confidence band; + marks a censored deal; the table under the plot gives the number of deals still at risk.", err
	case "survival-by":
		meta.Title = "Share of deals still in force, by " + in.by
		var curves []plots.Curve
		for _, g := range r.byGroups {
			curves = append(curves, plots.Curve{Label: g.Group, KM: g.KM})
		}
		if r.byTest != nil {
			meta.Subtitle = groupFinding(in.by, r)
		}
		p, err := plots.Survival(curves, meta)
		return p, "Kaplan–Meier curves by " + in.by + ".", err
	case "matrix":
		meta.Title = "What each deal gave and got"
		p, err := plots.Matrix(in.deals, meta)
		return p, "Rows: deals in order of start; columns: the state concessions and militant commitments sources report.", err
	case "concessions":
		meta.Title = "More concessions, longer deals?"
		var pts []plots.Point
		unlabelled := 0
		for i := range in.deals {
			d := &in.deals[i]
			dur, ok := d.Duration(in.asOf)
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
			meta.Notes = append(meta.Notes, fmt.Sprintf("The %d unlabelled rings at 1 are deals last reported in force on the day they began.", unlabelled))
		}
		e := r.concessions.Ended
		meta.Notes = append(meta.Notes, fmt.Sprintf("Spearman's rho over the %d deals that broke down (censored deals excluded).", e.N))
		p, err := plots.ConcessionScatter(pts, e.Spearman, e.SpearmanPerm.P, e.N, meta)
		return p, "Number of state concessions against days in force (log scale); open markers are censored deals, which the correlation leaves out.", err
	case "forest":
		meta.Title = "Hazard of breakdown with and without each concession"
		var rows []plots.ForestRow
		for _, row := range r.concessions.Rows {
			if row.NWith < 2 || row.NWithout < 2 {
				continue
			}
			hr, lo, hi := row.HR()
			rows = append(rows, plots.ForestRow{Label: row.Category, Est: hr, Lo: lo, Hi: hi, N: fmt.Sprintf("%d vs %d", row.NWith, row.NWithout)})
		}
		p, err := plots.Forest(rows, "hazard ratio (log scale): above 1, deals with it broke down faster", meta)
		return p, "One-covariate Cox models (Efron ties), 95% confidence intervals; categories with fewer than two deals on either side are left out.", err
	case "triggers":
		meta.Title = "What ended the deals"
		p, err := plots.Triggers(in.deals, meta)
		return p, "Deals that broke down, by the trigger the sources report, stacked by who broke the deal.", err
	}
	return nil, "", fmt.Errorf("no chart %q (charts: %v)", name, chartNames)
}

// reportCharts draws every chart as PNG and SVG, on as many goroutines as
// there are CPUs: the charts are independent and rendering is most of a
// briefing's time. The result is in chartNames order whatever the timing.
func reportCharts(in *reportInput, r *reportResults) ([]chart, error) {
	out := make([]chart, len(chartNames))
	errs := make([]error, len(chartNames))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, name := range chartNames {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = renderChart(name, in, r)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func renderChart(name string, in *reportInput, r *reportResults) (chart, error) {
	p, caption, err := buildChart(name, in, r)
	if err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	var png, svg bytes.Buffer
	if err := plots.Render(&png, p, "png", plots.RenderOptions{DPI: in.dpi}); err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	if err := plots.Render(&svg, p, "svg", plots.RenderOptions{}); err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	return chart{name: "chart-" + name, title: p.Title.Text, caption: caption, png: png.Bytes(), svg: svg.Bytes()}, nil
}

// groupFinding states in one line whether the groups' curves differ.
func groupFinding(by string, r *reportResults) string {
	best, bestMed := "", math.Inf(-1)
	for _, g := range r.byGroups {
		if g.N >= 3 && g.Median.Reached && g.Median.Estimate > bestMed && g.Group != "unknown" && g.Group != "(none)" {
			best, bestMed = g.Group, g.Median.Estimate
		}
	}
	verdict := "no clear difference between the groups"
	if r.byTest.P < 0.05 {
		verdict = "the groups differ"
	}
	s := fmt.Sprintf("Log-rank p = %s: %s", pText(r.byTest.P), verdict)
	if best != "" {
		s += fmt.Sprintf("; longest median among groups of 3 or more: %s, %.0f days", best, bestMed)
	}
	return s + "."
}
