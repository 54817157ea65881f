package analysis

import (
	"fmt"
	"slices"

	"github.com/truce-lab/truce/dataset"
)

// AnalyzeIncidence estimates, for the deals counted at asOf, the
// cumulative incidence of each ending (EndingNames(): breakdown, expired,
// superseded) by the Aalen–Johansen estimator with 95% limits (Endings
// gives the data), overall (one group "(all)") or, when by is not "",
// separately in each group of that column of s, the deals' sample.
func AnalyzeIncidence(s *Sample, deals []dataset.Deal, asOf dataset.Date, by string) ([]GroupIncidence, error) {
	ids, times, causes := Endings(deals, asOf)
	if !slices.Equal(ids, s.IDs) {
		return nil, fmt.Errorf("analysis: the sample's %d deals are not the %d counted at %s", s.Len(), len(ids), asOf)
	}
	if by == "" {
		inc, err := AalenJohansen(times, causes, EndingNames(), 0.95)
		if err != nil {
			return nil, err
		}
		return []GroupIncidence{{Group: "(all)", Incidence: inc}}, nil
	}
	labels, err := s.Labels(by)
	if err != nil {
		return nil, err
	}
	return AalenJohansenBy(times, causes, EndingNames(), labels, 0.95)
}

// IncidenceTable lays out Aalen–Johansen estimates in the shape of R's
// summary(survfit(Surv(time, factor(status)) ~ 1)): one row per group and
// distinct time, with the number at risk, the share with no ending yet
// (in_force) and, per ending, its cumulative incidence after the endings
// at that time, standard error and 95% limits (columns breakdown,
// breakdown_se, breakdown_lower, breakdown_upper, and so for expired and
// superseded). The group column is there when by is not "". Text and
// Markdown round to 3 decimals; CSV and JSON carry full precision.
func IncidenceTable(by string, groups []GroupIncidence) *Table {
	t := &Table{
		Name:  "incidence",
		Title: "Cumulative incidence of each ending (Aalen–Johansen)",
		Notes: []string{
			"Each ending is a competing risk: a deal that expired or was superseded can no longer break down, so breakdown is the share broken down by that day, not 1 − Kaplan–Meier (which describes a world where deals never expire).",
			"in_force + breakdown + expired + superseded = 1. Standard errors: infinitesimal jackknife; 95% log-scale limits (R's multi-state survfit defaults). Deals still in force or whose end is unknown are censored.",
		},
	}
	if by != "" {
		t.Columns = append(t.Columns, by)
	}
	t.Columns = append(t.Columns, "time", "n_risk", "in_force")
	var causes []string
	if len(groups) > 0 {
		causes = groups[0].Causes
	}
	for _, c := range causes {
		t.Columns = append(t.Columns, c, c+"_se", c+"_lower", c+"_upper")
	}
	t.Numeric = make([]bool, len(t.Columns))
	for i := range t.Numeric {
		t.Numeric[i] = by == "" || i > 0
	}
	for _, g := range groups {
		for _, r := range g.Rows {
			var row []cell
			if by != "" {
				row = append(row, txt(g.Group))
			}
			row = append(row, days(r.Time), count(r.NRisk), num(r.None, 3))
			for k := range g.Causes {
				row = append(row, num(r.Inc[k], 3), num(r.SE[k], 3), num(r.Lower[k], 3), num(r.Upper[k], 3))
			}
			t.add(row...)
		}
		t.Notes = append(t.Notes, IncidenceSentence(groupName(by, g.Group), g.Incidence))
		for _, w := range g.Warnings {
			t.Typed = append(t.Typed, ClassifyWarning(groupName(by, g.Group), w))
		}
	}
	t.Warnings = WarningStrings(t.Typed)
	return t
}

// groupName names a group in a warning: "by=group", or "" overall.
func groupName(by, group string) string {
	if by == "" {
		return ""
	}
	return by + "=" + group
}

// IncidenceSentence states the headline of an Aalen–Johansen estimate: the
// shares in each state a year (365 days) after the start and the day by
// which half had broken down (or that half never had), prefixed with the
// group when it is not "".
func IncidenceSentence(group string, inc *Incidence) string {
	at := inc.At(365)
	s := fmt.Sprintf("At 365 days: %.0f%% in force", 100*at.None)
	for k, c := range inc.Causes {
		s += fmt.Sprintf(", %.0f%% %s", 100*at.Inc[k], c)
	}
	s += "."
	if k := inc.Cause("breakdown"); k >= 0 {
		if half := inc.TimeTo(k, 0.5); half.Reached {
			s += fmt.Sprintf(" Half had broken down by day %s.", fmtDays(half.Estimate))
		} else {
			s += " Fewer than half broke down within the follow-up."
		}
	}
	if group != "" {
		s = group + ": " + s
	}
	return s
}
