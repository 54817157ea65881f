package analysis

import (
	"fmt"
	"math"
	"strconv"
)

// GroupSummary describes the survival of one group of deals.
type GroupSummary struct {
	Group            string
	N, Breakdowns    int
	Median           Quantile // Kaplan–Meier median with its 95% limits
	RMST, RMSTSE     float64  // restricted mean survival time up to Tau, days
	Tau              float64
	Shortest         float64
	ShortestCensored bool
	Longest          float64
	LongestCensored  bool
	KM               *KM
}

// Summarize returns one GroupSummary per level of the column by (sorted),
// or one for all deals when by is "". tau is the RMST horizon in days.
//
// Methods: Kaplan–Meier (KaplanMeier) for the median and its log-scale
// confidence limits as R's print(survfit) gives them; RMST as
// print(survfit, rmean = tau). A nil or empty sample, and a column with
// more than MaxGroups values, are errors.
func Summarize(s *Sample, by string, tau float64) ([]GroupSummary, []string, error) {
	if s == nil || s.Len() == 0 {
		return nil, nil, fmt.Errorf("analysis: Summarize: no deals")
	}
	labels, err := groupLabels(s, by)
	if err != nil {
		return nil, nil, err
	}
	groups := levels(labels)
	if err := checkGroups(by, len(groups)); err != nil {
		return nil, nil, err
	}
	var out []GroupSummary
	var warnings []string
	for _, g := range groups {
		times, events := s.subsetBy(labels, g)
		km, err := KaplanMeier(times, events)
		if err != nil {
			return nil, nil, err
		}
		gs := GroupSummary{Group: g, N: km.N, Breakdowns: km.Events, Median: km.Median(), Tau: tau, KM: km}
		if gs.RMST, gs.RMSTSE, err = km.RMST(tau); err != nil {
			return nil, nil, err
		}
		gs.Shortest, gs.Longest = math.Inf(1), math.Inf(-1)
		for i, t := range times {
			if t < gs.Shortest || (t == gs.Shortest && events[i]) {
				gs.Shortest, gs.ShortestCensored = t, !events[i]
			}
			if t > gs.Longest || (t == gs.Longest && !events[i]) {
				gs.Longest, gs.LongestCensored = t, !events[i]
			}
		}
		for _, w := range km.Warnings {
			warnings = append(warnings, prefixGroup(by, g, w))
		}
		if km.N == 1 && km.Events == 1 {
			warnings = append(warnings, prefixGroup(by, g, "a group with one deal: its median is that deal's duration"))
		} else if km.N == 1 {
			warnings = append(warnings, prefixGroup(by, g, "a group with one deal, still in force when last observed: its median is not reached"))
		}
		out = append(out, gs)
	}
	return out, warnings, nil
}

// groupLabels returns the labels of by, or "all" for every deal.
func groupLabels(s *Sample, by string) ([]string, error) {
	if by == "" {
		labels := make([]string, s.Len())
		for i := range labels {
			labels[i] = "all"
		}
		return labels, nil
	}
	return s.Labels(by)
}

func prefixGroup(by, group, w string) string {
	if by == "" {
		return w
	}
	return fmt.Sprintf("%s=%s: %s", by, group, w)
}

// daysWithMark formats a duration with R's "+" for a censored time.
func daysWithMark(t float64, censored bool) string {
	s := fmtNum(t, 0)
	if censored {
		s += "+"
	}
	return s
}

// SummaryTable lays out group summaries: n, breakdowns, the median with
// its 95% limits ("not reached" where the curve never falls to 0.5), the
// RMST and the shortest and longest durations.
func SummaryTable(by string, groups []GroupSummary, warnings []string) *Table {
	col := by
	if col == "" {
		col = "group"
	}
	tau := 0.0
	if len(groups) > 0 {
		tau = groups[0].Tau
	}
	t := &Table{
		Name:    "summary",
		Title:   "Deal survival by " + col,
		Columns: []string{col, "n", "breakdowns", "median_days", "median_lower", "median_upper", fmt.Sprintf("rmst_%g", tau), "rmst_se", "shortest", "longest"},
		Numeric: []bool{false, true, true, true, true, true, true, true, true, true},
		Notes: []string{
			"median_days: Kaplan–Meier median survival in days, with 95% log-scale confidence limits (R survfit's defaults); censored deals count until they leave observation.",
			fmt.Sprintf("rmst_%g: restricted mean survival time, the average days in force within the first %g days (R print(survfit, rmean = %g)).", tau, tau, tau),
			"+ marks a censored time.",
		},
		Warnings: warnings,
	}
	for _, g := range groups {
		t.add(txt(g.Group), count(g.N), count(g.Breakdowns),
			est(g.Median.Estimate, g.Median.Reached), est(g.Median.Lower, g.Median.LowerReached), est(g.Median.Upper, g.Median.UpperReached),
			num(g.RMST, 1), num(g.RMSTSE, 1), txt(daysWithMark(g.Shortest, g.ShortestCensored)), txt(daysWithMark(g.Longest, g.LongestCensored)))
	}
	return t
}

// fmtStdErr prints an undefined standard error as R does: NaN (R prints
// the limits beside it as NA).
func fmtStdErr(x float64) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return fmtFull(x)
}

// SurvivalTable is the Kaplan–Meier table of every group in the shape of
// R's summary(survfit(...), censored = TRUE): one row per group and
// distinct time with an event or a censoring. Numbers are written in full
// precision so they can be checked against R. A group without a KM has no
// rows.
func SurvivalTable(groups []GroupSummary) *Table {
	t := &Table{
		Name:    "survival",
		Title:   "Kaplan–Meier estimates",
		Columns: []string{"group", "time", "n_risk", "n_event", "n_censor", "surv", "std_err", "lower", "upper"},
		Numeric: []bool{false, true, true, true, true, true, true, true, true},
		Notes:   []string{"surv: Kaplan–Meier estimate; std_err: Greenwood standard error of surv; lower/upper: 95% log-transformed confidence limits (R survfit conf.type = \"log\")."},
	}
	for _, g := range groups {
		if g.KM == nil {
			continue
		}
		for _, r := range g.KM.Rows {
			t.Rows = append(t.Rows, []string{g.Group, fmtFull(r.Time), strconv.Itoa(r.NRisk), strconv.Itoa(r.NEvent), strconv.Itoa(r.NCensor),
				fmtFull(r.Surv), fmtStdErr(r.StdErr), fmtFull(r.Lower), fmtFull(r.Upper)})
		}
		t.Warnings = append(t.Warnings, g.KM.Warnings...)
	}
	return t
}

// CheckTau checks a horizon for the restricted mean survival time: a
// positive, finite number of days.
func CheckTau(tau float64) error {
	if !(tau > 0 && !math.IsInf(tau, 0)) {
		return fmt.Errorf("analysis: want a positive number of days")
	}
	return nil
}
