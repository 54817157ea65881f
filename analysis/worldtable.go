package analysis

import (
	"fmt"
	"strconv"
	"strings"
)

// worldMinAtRisk is the number still at risk at the last horizon below
// which a group's share ended there rests on too few deals to quote.
const worldMinAtRisk = 10

// Table is the comparison as a table: one row per group with n, events,
// the zero-day censored records, the median with its 95% limits, the share
// ended by each horizon (with 95% limits and the number at risk at the
// last), and the log-rank test against the first group with its Holm
// adjustment. The notes state the method and Caveats; the warnings are the
// curves' and the tests'.
func (c *WorldComparison) Table() *Table {
	events := "breakdowns"
	if c.Outcome == WorldAnyEnd {
		events = "ends"
	}
	last := len(c.Horizons) - 1
	h := func(i int) string { return strconv.FormatFloat(c.Horizons[i], 'f', -1, 64) }
	cols := []string{"group", "n", events, "censored_at_0", "median_days", "median_lower", "median_upper"}
	for i := range c.Horizons {
		cols = append(cols, "ended_by_"+h(i))
	}
	cols = append(cols, "ended_by_"+h(last)+"_lower", "ended_by_"+h(last)+"_upper", "at_risk_"+h(last), "logrank_chisq", "p", "p_holm")
	numeric := make([]bool, len(cols))
	for i := 1; i < len(cols); i++ {
		numeric[i] = true
	}
	t := &Table{
		Name:    "world-" + c.Outcome.String(),
		Title:   c.Outcome.Title(),
		Columns: cols,
		Numeric: numeric,
		Notes: append([]string{
			"median_days: Kaplan–Meier median in days with 95% log-scale limits (R survfit's defaults).",
			fmt.Sprintf("ended_by_t: 1 − S(t), the share of the group that had %s within t days, with 95%% limits at %s days; every other end is censored, so this is not a competing-risks cumulative incidence.", c.eventPhrase(), h(last)),
			fmt.Sprintf("censored_at_0: records with no end information, entered as zero-day censored times: they count in n but add nothing to the estimates. at_risk_%s: deals still observed at %s days.", h(last), h(last)),
			fmt.Sprintf("logrank: each group against %s (R's survdiff on the two groups); p_holm adjusts p for the %s (Holm, R's p.adjust).", c.Figures[0].Name, Plural(c.Tests, "test", "tests")),
		}, c.Caveats()...),
	}
	for _, f := range c.Figures {
		row := []string{f.Name, strconv.Itoa(f.N), strconv.Itoa(f.Events), strconv.Itoa(f.CensoredAt0),
			fmtEstimate(f.Median.Estimate, f.Median.Reached), fmtEstimate(f.Median.Lower, f.Median.LowerReached), fmtEstimate(f.Median.Upper, f.Median.UpperReached)}
		for _, e := range f.EndedBy {
			row = append(row, fmtNum(100*e, 1))
		}
		row = append(row, fmtNum(100*f.EndedByLower[last], 1), fmtNum(100*f.EndedByUpper[last], 1), strconv.Itoa(f.AtRisk[last]))
		if f.LogRank == nil {
			row = append(row, "", "", "")
		} else {
			row = append(row, fmtNum(f.LogRank.Chisq, 2), FormatP(f.LogRank.P), FormatP(f.PHolm))
			for _, w := range f.LogRank.Warnings {
				t.Warnings = append(t.Warnings, f.Name+" against "+c.Figures[0].Name+": "+w)
			}
		}
		for _, w := range f.KM.Warnings {
			t.Warnings = append(t.Warnings, f.Name+": "+w)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (c *WorldComparison) eventPhrase() string {
	switch c.Outcome {
	case WorldAnyEnd:
		return "ended in any recorded way"
	case WorldBreakdownOrUnclear:
		return "broken down or ended in a way ETH/PRIO leaves unclear"
	}
	return "broken down"
}

// Caveats are the sentences to print beside any figure of the comparison:
// that the units differ, how far the external end codes are confirmed, how
// many records carry no end information, and which groups' late shares
// rest on too few deals.
func (c *WorldComparison) Caveats() []string {
	var units []string
	has := map[string]*WorldFigure{}
	for i := range c.Figures {
		f := &c.Figures[i]
		has[f.Key] = f
		if f.Key != WorldEthPrioAsia && f.Key != WorldEthPrioPakistan {
			units = append(units, fmt.Sprintf("%s: %s", strings.SplitN(f.Name, ":", 2)[0], f.Unit))
		}
	}
	out := []string{"The units differ: " + strings.Join(units, "; ") + ". The comparison sets unlike things side by side and says nothing about why they last as they do."}
	if f, ok := has[WorldEthPrioAll]; ok {
		out = append(out,
			"ETH/PRIO's ended codes are read as 1 expired, 2 breakdown, 4 superseded on evidence from the data, not from its codebook, which could not be consulted (external.EthPrioEnded()): the breakdown comparison with ETH/PRIO depends on that reading; time to any recorded end does not.",
			fmt.Sprintf("%s of %s ETH/PRIO ceasefires carry no usable end information (code -1 without an end date, code 3, or an end code without an end year) and enter as zero-day censored times.", Thousands(f.CensoredAt0), Thousands(f.N)))
	}
	if _, ok := has[WorldUCDPIntrastate]; ok {
		out = append(out, "UCDP PAD: ended = True is read as a breakdown at the date in its duration column (its codebook could not be consulted either); agreements ended without an end date, or with an end before the start, are censored at day 0.")
	}
	last := len(c.Horizons) - 1
	for _, f := range c.Figures {
		if f.AtRisk[last] < worldMinAtRisk {
			out = append(out, fmt.Sprintf("%s: only %s still at risk at %g days (%s in all): the share there is imprecise; quote it only with its interval.",
				f.Name, Plural(f.AtRisk[last], "deal", "deals"), c.Horizons[last], Plural(f.Events, "event", "events")))
		}
	}
	return out
}

// Thousands writes a count with a comma between thousands (2,203).
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
