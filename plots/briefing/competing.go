package briefing

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots"
)

// Competing is the competing-risk reading of the headline: a deal can end
// in a breakdown, by expiring as agreed or by being superseded, and a deal
// that expired can no longer break down. The cumulative incidence of each
// ending is the Aalen–Johansen estimate (analysis.AalenJohansen, checked
// against R's multi-state survfit), with the endings of analysis.Endings.
type Competing struct {
	Inc *analysis.Incidence // the coded data
	// Dates are the estimate with every duration at the shortest and at
	// the longest its dates allow (month- and year-only dates).
	Dates [2]*analysis.Incidence
	// Unknown are the estimates under analysis.UnknownEndScenarios: the
	// deals whose end is unknown left out, broken down at last_seen, or
	// censored 30, 180 and 365 days after it.
	Unknown []ScenarioIncidence
}

// ScenarioIncidence is the estimate under one reading of the data.
type ScenarioIncidence struct {
	Name string
	Inc  *analysis.Incidence
}

// headlineDay is the horizon of "share after a year".
const headlineDay = 365

func analyseCompeting(s *analysis.Sample, deals []dataset.Deal, asOf dataset.Date) (*Competing, error) {
	all, err := analysis.AnalyzeIncidence(s, deals, asOf, "")
	if err != nil {
		return nil, err
	}
	c := &Competing{Inc: all[0].Incidence}
	ids, times, causes := analysis.Endings(deals, asOf)
	byID := map[string]dataset.Duration{}
	for i := range deals {
		if dur, ok := deals[i].Duration(asOf); ok {
			byID[deals[i].ID] = dur
		}
	}
	for b := range 2 {
		tb := make([]float64, len(times))
		for i, id := range ids {
			tb[i] = float64(byID[id].Lower)
			if b == 1 {
				tb[i] = float64(byID[id].Upper)
			}
		}
		if c.Dates[b], err = analysis.AalenJohansen(tb, causes, analysis.EndingNames(), 0.95); err != nil {
			return nil, err
		}
	}
	for _, sc := range analysis.UnknownEndScenarios(deals, asOf) {
		inc, err := analysis.AalenJohansen(sc.Times, sc.Causes, analysis.EndingNames(), 0.95)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", sc.Name, err)
		}
		c.Unknown = append(c.Unknown, ScenarioIncidence{sc.Name, inc})
	}
	return c, nil
}

// half is the time by which half of the deals had broken down.
func half(inc *analysis.Incidence) analysis.Quantile {
	return inc.TimeTo(inc.Cause("breakdown"), 0.5)
}

// brokenBy is the share broken down by day t.
func brokenBy(inc *analysis.Incidence, t float64) float64 {
	return inc.At(t).Inc[inc.Cause("breakdown")]
}

// span is the smallest and largest of f over the estimates; a time that is
// not reached counts as +Inf.
func span(incs []*analysis.Incidence, f func(*analysis.Incidence) float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, inc := range incs {
		v := f(inc)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

func halfDays(inc *analysis.Incidence) float64 {
	if q := half(inc); q.Reached {
		return q.Estimate
	}
	return math.Inf(1)
}

func (c *Competing) unknownIncs() []*analysis.Incidence {
	var out []*analysis.Incidence
	for _, u := range c.Unknown {
		out = append(out, u.Inc)
	}
	return out
}

// notBrokenKM is the share not yet broken down, 1 − F_breakdown, with its
// limits, laid out as a KM so that plots.Survival draws it. Its censoring
// marks are the deals censored, not those that expired or were superseded.
// Before the first breakdown the incidence is 0 with no standard error and
// its log-scale limits are undefined (NA in R); the share is then 1 with
// both limits at 1, as a Kaplan–Meier curve's are before its first event,
// so that the band starts at time 0 instead of not at all.
func notBrokenKM(inc *analysis.Incidence) *analysis.KM {
	k := inc.Cause("breakdown")
	km := &analysis.KM{N: inc.N, Events: inc.Events[k], Conf: inc.Conf}
	for _, r := range inc.Rows {
		lower, upper := 1-r.Upper[k], 1-r.Lower[k]
		if r.Inc[k] == 0 && r.SE[k] == 0 {
			lower, upper = 1, 1
		}
		km.Rows = append(km.Rows, analysis.KMRow{Time: r.Time, NRisk: r.NRisk, NEvent: r.NEvent[k], NCensor: r.NCensor,
			Surv: 1 - r.Inc[k], StdErr: r.SE[k], Lower: lower, Upper: upper})
	}
	return km
}

// IncidenceChart is the share of deals not yet broken down when expiry and
// supersession count as endings (Aalen–Johansen), beside the Kaplan–Meier
// curve, which reads as if no deal could expire. Only the headline curve
// has a band: two overlapping bands would muddy its colour.
func IncidenceChart(a *Analyses) (*plot.Plot, string, error) {
	c := a.Competing
	meta := a.meta("How fast the deals broke down")
	meta.Height = leadChartHeight
	h := half(c.Inc)
	meta.Subtitle = fmt.Sprintf("Half had broken down by day %s; %s within a year", estText(h), pct(brokenBy(c.Inc, headlineDay)))
	meta.Notes = []string{"Blue: one minus the Aalen–Johansen cumulative incidence of breakdown, with expiry and supersession as competing endings. Grey: Kaplan–Meier, which censors expired and superseded deals, as if no deal could expire. Shaded: pointwise 95% limits of the blue curve."}
	p, err := plots.Survival([]plots.Curve{
		{Label: "not yet broken down", KM: notBrokenKM(c.Inc), Color: inkBlue},
		{Label: "if no deal could expire", KM: a.Overall.KM, Color: lightGrey, NoBand: true},
	}, meta)
	return p, fmt.Sprintf("Share of the %d deals not yet broken down, by days since each began.", c.Inc.N), err
}

// leadChartHeight is the first page's chart's height (8 inches wide):
// printed across the text column, under the key figures, it still fits on
// the first page of Letter and A4 paper.
const leadChartHeight = 5.6 * vg.Inch

var (
	inkBlue   = color.RGBA{0x00, 0x72, 0xB2, 0xff} // the Okabe–Ito blue of plots
	lightGrey = color.RGBA{0x99, 0x99, 0x99, 0xff}
)
