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
	Name   string
	Median Quantile // overall Kaplan–Meier median, days
	// Breakdown365 is the Aalen–Johansen share broken down by day 365,
	// expiry and supersession competing.
	Breakdown365 float64
	Breakdowns   int       // events
	P            []float64 // log-rank p per tested category, in Sensitivity.Categories order
}

// Sensitivity shows how far the headline figures move when the uncertain
// dates move.
type Sensitivity struct {
	Categories []string   // frame columns tested (has:NAME, commits:NAME)
	Scenarios  []Scenario // the date readings, the coded data first
	// UnknownEnds are the readings of the deals whose end is unknown
	// (UnknownEndScenarios, in its order), the dates as coded.
	UnknownEnds []Scenario
	Warnings    []string
}

// ScenarioRange returns the range of the reached medians and of the
// 365-day breakdown shares over the scenarios (NaN when there is none).
func ScenarioRange(scs []Scenario) (medLo, medHi, b365Lo, b365Hi float64) {
	medLo, medHi, b365Lo, b365Hi = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, sc := range scs {
		if sc.Median.Reached {
			medLo, medHi = math.Min(medLo, sc.Median.Estimate), math.Max(medHi, sc.Median.Estimate)
		}
		if !math.IsNaN(sc.Breakdown365) {
			b365Lo, b365Hi = math.Min(b365Lo, sc.Breakdown365), math.Max(b365Hi, sc.Breakdown365)
		}
	}
	if math.IsInf(medLo, 1) {
		medLo, medHi = math.NaN(), math.NaN()
	}
	if math.IsInf(b365Lo, 1) {
		b365Lo, b365Hi = math.NaN(), math.NaN()
	}
	return medLo, medHi, b365Lo, b365Hi
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
//     read as a breakdown on that date;
//
// and, apart in UnknownEnds, under each reading of the deals whose end is
// unknown (UnknownEndScenarios). Every scenario also gets the
// Aalen–Johansen share broken down by day 365.
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
		ids, times, causes := scenarioDurations(deals, asOf, bound)
		sc, err := scenarioFigures(name, ids, times, causes, out.Categories, flags)
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
	for _, u := range UnknownEndScenarios(deals, asOf) {
		sc, err := scenarioFigures(u.Name, u.IDs, u.Times, u.Causes, out.Categories, flags)
		if err != nil {
			out.Warnings = append(out.Warnings, fmt.Sprintf("scenario %s skipped: %v", u.Name, err))
			continue
		}
		out.UnknownEnds = append(out.UnknownEnds, sc)
	}
	return out, nil
}

// scenarioDurations returns the counted deals' ids, days and cause codes
// (as Endings) under the codebook's censoring rule, in the deals' order;
// bound picks the point durations (""), or the "lower" or "upper" bounds.
func scenarioDurations(deals []dataset.Deal, asOf dataset.Date, bound string) (ids []string, times []float64, causes []int) {
	ids, _, causes = Endings(deals, asOf)
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
		times = append(times, float64(t))
	}
	return ids, times, causes
}

// scenarioFigures computes a scenario's figures from cause codes (1 is a
// breakdown, the event of the median and the log-rank tests).
func scenarioFigures(name string, ids []string, times []float64, causes []int, categories []string, flags map[string]map[string]bool) (Scenario, error) {
	events := make([]bool, len(causes))
	for i, c := range causes {
		events[i] = c == 1
	}
	km, err := KaplanMeier(times, events)
	if err != nil {
		return Scenario{}, err
	}
	sc := Scenario{Name: name, Median: km.Median(), Breakdowns: km.Events, Breakdown365: math.NaN()}
	if inc, err := AalenJohansen(times, causes, EndingNames(), 0.95); err == nil {
		sc.Breakdown365 = inc.At(365).Inc[0]
	}
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

// SensitivityTable lays out the date scenarios and the range of each
// figure across them, then the unknown-end scenarios and their range, with
// a short summary of both ranges in the notes. With moversOnly, only the
// date scenarios that move the median or carry a p-value across 0.05 are
// listed (the range row still covers all); every unknown-end scenario is.
// A nil sv gives the table with no rows.
func SensitivityTable(sv *Sensitivity, moversOnly bool) *Table {
	if sv == nil {
		sv = &Sensitivity{}
	}
	t := &Table{
		Name:     "sensitivity",
		Title:    "How far the headline figures move with the uncertain dates and the unknown ends",
		Columns:  []string{"scenario", "median_days", "median_change", "breakdowns", "breakdown_365"},
		Numeric:  []bool{false, true, true, true, true},
		Warnings: sv.Warnings,
		Notes: []string{
			"Each row recomputes the overall Kaplan–Meier median, the share broken down by day 365 (breakdown_365: Aalen–Johansen, expiry and supersession competing) and the log-rank p-value of each concession comparison (p:CATEGORY) under one reading of the data.",
			"Lower/upper bounds move every month- or year-precision date to the end of its span that makes the deal shortest or longest; each alternative row replaces one deal's date with the alternative a source gives.",
			"Unknown ends: the deals whose end is unknown are left out, taken as breakdowns on the day they were last reported, or censored 30, 180 or 365 days after it (the codebook asks for results with and without them).",
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
	row := func(sc Scenario) {
		change := math.NaN()
		if sc.Median.Reached && coded.Reached {
			change = sc.Median.Estimate - coded.Estimate
		}
		cells := []cell{txt(sc.Name), est(sc.Median.Estimate, sc.Median.Reached), {signed(change), fmtFull(change)}, count(sc.Breakdowns), num(sc.Breakdown365, 3)}
		for _, p := range sc.P {
			cells = append(cells, pval(p))
		}
		t.add(cells...)
	}
	rangeRow := func(name string, scs []Scenario) (string, string) {
		lo, hi, blo, bhi := ScenarioRange(scs)
		cells := []cell{txt(name), txt(fmtDays(lo) + "–" + fmtDays(hi)), {signed(hi - lo), fmtFull(hi - lo)}, txt(""), txt(fmtNum(blo, 3) + "–" + fmtNum(bhi, 3))}
		for j := range sv.Categories {
			pLo, pHi := math.Inf(1), math.Inf(-1)
			for _, sc := range scs {
				if p := sc.P[j]; !math.IsNaN(p) {
					pLo, pHi = math.Min(pLo, p), math.Max(pHi, p)
				}
			}
			cells = append(cells, txt(FormatP(pLo)+"–"+FormatP(pHi)))
		}
		t.add(cells...)
		return fmtDays(lo) + "–" + fmtDays(hi), fmtPercent(blo) + "–" + fmtPercent(bhi)
	}
	quiet := 0
	for k, sc := range sv.Scenarios {
		if moversOnly && k > 0 && !moves(sc, sv.Scenarios[0]) {
			quiet++
			continue
		}
		row(sc)
	}
	if quiet > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%s leave the median unchanged and no p-value crosses 0.05; they are in the CSV and in `truce sensitivity`.", Plural(quiet, "other date reading", "other date readings")))
	}
	dMed, dB := rangeRow("range across date readings", sv.Scenarios)
	summary := fmt.Sprintf("Summary: across the %s the median runs %s days and the share broken down by day 365 %s",
		Plural(len(sv.Scenarios), "date reading", "date readings"), dMed, dB)
	if len(sv.UnknownEnds) > 0 {
		for _, sc := range sv.UnknownEnds {
			row(sc)
		}
		uMed, uB := rangeRow("range across unknown-end readings", sv.UnknownEnds)
		summary += fmt.Sprintf("; across the %s the median runs %s days and the share broken down by day 365 %s",
			Plural(len(sv.UnknownEnds), "unknown-end reading", "unknown-end readings"), uMed, uB)
	}
	t.Notes = append(t.Notes, summary+".")
	return t
}

// fmtPercent formats a share as a whole percentage, "NA" when NaN.
func fmtPercent(x float64) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return fmtNum(100*x, 0) + "%"
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
		return "+" + fmtDays(x)
	}
	return fmtDays(x)
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
