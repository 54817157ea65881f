package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// Scenario is the headline figures under one reading of the uncertain dates.
type Scenario struct {
	Name       string
	Median     Quantile  // overall Kaplan–Meier median, days
	Breakdowns int       // events
	P          []float64 // log-rank p per tested category, in Sensitivity.Categories order
}

// Sensitivity shows how far the headline figures move when the uncertain
// dates move.
type Sensitivity struct {
	Categories []string   // frame columns tested (has:NAME, commits:NAME)
	Scenarios  []Scenario // the coded data first
	Warnings   []string
}

// AnalyzeSensitivity recomputes the overall median and the log-rank
// p-values of the concession comparisons under each scenario:
//
//   - "coded": the point durations (middle day of each date's span);
//   - "all at lower bounds" and "all at upper bounds": every duration at
//     the shortest or longest its date precision allows;
//   - one scenario per recorded alternative date (start_alt, end_alt): that
//     deal's date replaced by the alternative, the others as coded. An
//     alternative end for a deal coded ongoing or with an unknown end is
//     read as a breakdown on that date.
//
// categories are the frame columns to test; those with fewer than minWith
// deals on either side are skipped. The concession flags come from the
// gota frame of the coded data; the scenarios move only dates, so their
// durations are computed from the deals directly.
func AnalyzeSensitivity(deals []dataset.Deal, asOf dataset.Date, categories []string, minWith int) (*Sensitivity, error) {
	base, err := NewSample(dataset.FrameAt(deals, asOf))
	if err != nil {
		return nil, err
	}
	out := &Sensitivity{}
	flags := map[string]map[string]bool{} // category -> deal id -> has it
	for _, c := range categories {
		x, err := base.Covariate(c)
		if err != nil {
			return nil, err
		}
		with := 0
		flags[c] = map[string]bool{}
		for i, v := range x {
			if v != 0 {
				with++
				flags[c][base.IDs[i]] = true
			}
		}
		if with >= minWith && len(x)-with >= minWith {
			out.Categories = append(out.Categories, c)
		}
	}
	add := func(name string, deals []dataset.Deal, bound string) {
		ids, times, events := scenarioDurations(deals, asOf, bound)
		sc, err := scenarioFigures(name, ids, times, events, out.Categories, flags)
		if err != nil {
			out.Warnings = append(out.Warnings, fmt.Sprintf("scenario %s skipped: %v", name, err))
			return
		}
		out.Scenarios = append(out.Scenarios, sc)
	}
	add("coded", deals, "")
	add("all at lower bounds", deals, "lower")
	add("all at upper bounds", deals, "upper")
	for i := range deals {
		for _, alt := range deals[i].StartAlt {
			changed := slices.Clone(deals)
			changed[i].Start = alt.Date
			add(fmt.Sprintf("%s start %s (%s)", deals[i].ID, alt.Date, alt.Source), changed, "")
		}
		for _, alt := range deals[i].EndAlt {
			changed := slices.Clone(deals)
			changed[i].End = alt.Date
			if t := changed[i].EndType; t == dataset.EndTypeOngoing || t == dataset.EndTypeUnknown {
				changed[i].EndType = dataset.EndTypeBreakdown
			}
			add(fmt.Sprintf("%s end %s (%s)", deals[i].ID, alt.Date, alt.Source), changed, "")
		}
	}
	if len(out.Scenarios) == 0 || out.Scenarios[0].Name != "coded" {
		return nil, fmt.Errorf("analysis: the coded data give no survival figures")
	}
	return out, nil
}

// scenarioDurations returns the counted deals' ids, days and breakdown
// flags under the codebook's censoring rule, in the deals' order; bound
// picks the point durations (""), or the "lower" or "upper" bounds.
func scenarioDurations(deals []dataset.Deal, asOf dataset.Date, bound string) (ids []string, times []float64, events []bool) {
	for i := range deals {
		dur, ok := deals[i].Duration(asOf)
		if !ok {
			continue
		}
		t := dur.Days
		switch bound {
		case "lower":
			t = dur.Lower
		case "upper":
			t = dur.Upper
		}
		ids = append(ids, deals[i].ID)
		times = append(times, float64(t))
		events = append(events, dur.Event)
	}
	return ids, times, events
}

func scenarioFigures(name string, ids []string, times []float64, events []bool, categories []string, flags map[string]map[string]bool) (Scenario, error) {
	km, err := KaplanMeier(times, events)
	if err != nil {
		return Scenario{}, err
	}
	sc := Scenario{Name: name, Median: km.Median(), Breakdowns: km.Events}
	groups := make([]string, len(ids))
	for _, c := range categories {
		for i, id := range ids {
			groups[i] = "without"
			if flags[c][id] {
				groups[i] = "with"
			}
		}
		p := math.NaN()
		if lr, err := LogRank(times, events, groups); err == nil {
			p = lr.P
		}
		sc.P = append(sc.P, p)
	}
	return sc, nil
}

// SensitivityTable lays out the scenarios, then the range of each figure
// across them. With moversOnly, only the scenarios that move the median or
// carry a p-value across 0.05 are listed (the range row still covers all).
// A nil sv gives the table with no rows.
func SensitivityTable(sv *Sensitivity, moversOnly bool) *Table {
	if sv == nil {
		sv = &Sensitivity{}
	}
	t := &Table{
		Name:     "sensitivity",
		Title:    "How far the headline figures move with the uncertain dates",
		Columns:  []string{"scenario", "median_days", "median_change", "breakdowns"},
		Numeric:  []bool{false, true, true, true},
		Warnings: sv.Warnings,
		Notes: []string{
			"Each row recomputes the overall Kaplan–Meier median and the log-rank p-value of each concession comparison (p:CATEGORY) under one reading of the dates.",
			"Lower/upper bounds move every month- or year-precision date to the end of its span that makes the deal shortest or longest; each alternative row replaces one deal's date with the alternative a source gives.",
		},
	}
	for _, c := range sv.Categories {
		t.Columns = append(t.Columns, "p:"+categoryLabel(c))
		t.Numeric = append(t.Numeric, true)
	}
	if len(sv.Scenarios) == 0 {
		return t
	}
	coded := sv.Scenarios[0].Median
	lo, hi := math.Inf(1), math.Inf(-1)
	pLo := make([]float64, len(sv.Categories))
	pHi := make([]float64, len(sv.Categories))
	for j := range pLo {
		pLo[j], pHi[j] = math.Inf(1), math.Inf(-1)
	}
	quiet := 0
	for k, sc := range sv.Scenarios {
		if moversOnly && k > 0 && !moves(sc, sv.Scenarios[0]) {
			quiet++
			// still counted in the range row below
			for j, p := range sc.P {
				if !math.IsNaN(p) {
					pLo[j], pHi[j] = math.Min(pLo[j], p), math.Max(pHi[j], p)
				}
			}
			if sc.Median.Reached {
				lo, hi = math.Min(lo, sc.Median.Estimate), math.Max(hi, sc.Median.Estimate)
			}
			continue
		}
		change := math.NaN()
		if sc.Median.Reached && coded.Reached {
			change = sc.Median.Estimate - coded.Estimate
			lo, hi = math.Min(lo, sc.Median.Estimate), math.Max(hi, sc.Median.Estimate)
		}
		row := []string{sc.Name, fmtEstimate(sc.Median.Estimate, sc.Median.Reached), signed(change), fmt.Sprint(sc.Breakdowns)}
		for j, p := range sc.P {
			row = append(row, FormatP(p))
			if !math.IsNaN(p) {
				pLo[j], pHi[j] = math.Min(pLo[j], p), math.Max(pHi[j], p)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	if quiet > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%d other readings leave the median unchanged and no p-value crosses 0.05; they are in the CSV and in `truce sensitivity`.", quiet))
	}
	rng := []string{"range across scenarios", fmtNum(lo, 0) + "–" + fmtNum(hi, 0), signed(hi - lo), ""}
	for j := range sv.Categories {
		rng = append(rng, FormatP(pLo[j])+"–"+FormatP(pHi[j]))
	}
	t.Rows = append(t.Rows, rng)
	return t
}

// moves reports whether a scenario changes the median or carries a
// p-value across 0.05 relative to the coded data.
func moves(sc, coded Scenario) bool {
	if sc.Median.Reached != coded.Median.Reached || sc.Median.Estimate != coded.Median.Estimate {
		return true
	}
	for j, p := range sc.P {
		if (p < 0.05) != (coded.P[j] < 0.05) {
			return true
		}
	}
	return false
}

func signed(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "NA"
	}
	if x > 0 {
		return "+" + fmtNum(x, 0)
	}
	return fmtNum(x, 0)
}

// categoryLabel names a frame column's category for people:
// "has:sharia" is "sharia", "commits:other" is "other commitment".
func categoryLabel(col string) string {
	side, cat, ok := strings.Cut(col, ":")
	if !ok {
		return col
	}
	if cat == "other" {
		return map[string]string{"has": "other concession", "commits": "other commitment"}[side]
	}
	return cat
}
