package briefing

import (
	"fmt"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// caveats gathers what limits the answers into one plain-language list,
// each fact once: the warnings of every analysis are reduced to their kind
// (analysis.ClassifyWarning) and each kind is said once, in words.
func caveats(a *Analyses) []string {
	c := a.Competing
	n := endCounts(a)
	var out []string
	dayOne := 0
	for i := range a.Deals() {
		d := &a.Deals()[i]
		if dur, ok := d.Duration(a.AsOf()); ok && d.EndType == dataset.EndTypeUnknown && dur.Days == 0 {
			dayOne++
		}
	}
	out = append(out, fmt.Sprintf("The %s with no reported end matter most: they count only until a source last reports them in force (for %d of them, the day they began). Had they all broken down then, half of all deals would have broken down by day %s; had each held a year longer, by day %s; without them, by day %s.",
		analysis.Plural(n[dataset.EndTypeUnknown], "deal", "deals"), dayOne, days(halfDays(c.Unknown[1].Inc)), days(halfDays(c.Unknown[len(c.Unknown)-1].Inc)), days(halfDays(c.Unknown[0].Inc))))
	dLo, dHi := span(c.Dates[:], halfDays)
	out = append(out, fmt.Sprintf("Many dates are known only to the month or year: read at their shortest and longest, they put the time until half had broken down at %s (every reading in Appendix B).", daysRange(dLo, dHi)))
	out = append(out, fmt.Sprintf("Few deals (%d, with %s): every estimate has a wide confidence interval, and finding no difference is not evidence that there is none.",
		a.Overall.N, analysis.Plural(a.Overall.Breakdowns, "breakdown", "breakdowns")))
	k := c.Inc.Cause("breakdown")
	out = append(out, fmt.Sprintf("The Kaplan–Meier figures beside the headline treat deals that expired or were superseded as if they might still have broken down, which overstates the share broken down (%s within a year, against %s).",
		pct(1-a.Overall.KM.Surv(headlineDay)), pct(c.Inc.At(headlineDay).Inc[k])))
	if len(a.Tests) > 0 {
		out = append(out, fmt.Sprintf("Many comparisons: %d concessions and commitments are tested, so a few small p-values are expected by chance. The briefing quotes p-values adjusted for this (Holm; Benjamini–Hochberg in the full table).", len(a.Tests)))
	}
	if s := eraCaveat(a.Concessions); s != "" {
		out = append(out, s)
	}
	out = append(out, "Concessions were not assigned at random: they reflect the balance of force when a deal was made, so a link between a concession and a deal's length would not show that the concession caused it.")
	if s := smallGroupCaveat(a); s != "" {
		out = append(out, s)
	}
	return out
}

// smallGroupCaveat says once which groups and comparisons rest on few
// deals or few breakdowns, from the analyses' own warnings.
func smallGroupCaveat(a *Analyses) string {
	kinds := map[analysis.WarningKind][]string{}
	add := func(group string, ws []string) {
		for _, w := range ws {
			cw := analysis.ClassifyWarning(group, w)
			if group != "" && !slices.Contains(kinds[cw.Kind], group) {
				kinds[cw.Kind] = append(kinds[cw.Kind], group)
			}
		}
	}
	for _, g := range a.ByGroups {
		for _, w := range a.ByWarnings {
			if strings.HasPrefix(w, g.Group+":") || strings.Contains(w, " "+g.Group+" ") {
				add(dataset.Label(a.By, g.Group), []string{w})
			}
		}
	}
	if a.Concessions != nil {
		for _, r := range a.Concessions.Rows {
			if r.NWith > 0 {
				add(strings.ToLower(shortCategoryLabel(r)), r.Warnings)
			}
		}
	}
	var groups []string
	for _, k := range []analysis.WarningKind{analysis.WarnSmallGroup, analysis.WarnFewEvents, analysis.WarnNoEventsInGroup, analysis.WarnMonotoneLikelihood, analysis.WarnFewArrangements, analysis.WarnChiSquare} {
		for _, g := range kinds[k] {
			if !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
		}
	}
	if len(groups) == 0 {
		return ""
	}
	return fmt.Sprintf("Small groups: the figures for %s rest on very few deals or breakdowns and are the roughest; a group of a single deal is not tested, and where one side has no breakdown only the Firth test is meaningful.",
		analysis.JoinAnd(groups))
}

func methods(a *Analyses) []string {
	return []string{
		"Duration: days from the start (signing, announcement or first day of a ceasefire) to the end under the codebook's end rule. Month- or year-only dates use the middle day of their span; the readings at the shortest and longest durations they allow give the ranges.",
		fmt.Sprintf("Endings: breakdown, expiry and supersession are competing endings; a deal in force at %s, or whose end is not reported (at the last date a source reports it in force), is censored.", humanDate(a.AsOf())),
		"Headline: Aalen–Johansen cumulative incidence of each ending, with infinitesimal-jackknife standard errors and log-scale 95% limits (as R's survival package, multi-state survfit); the time until half had broken down is the first time the breakdown incidence reaches 50%, its limits where the pointwise limits do.",
		"The Kaplan–Meier figures (Greenwood standard errors, log-scale limits, medians as R computes them) treat expiry and supersession as censoring: the reading if no deal could expire.",
		"Unknown ends: the estimate is recomputed without those deals, with each a breakdown at its last report, and with each censored 30, 180 and 365 days after it.",
		"Comparisons: log-rank test (R survdiff) for each concession and commitment, adjusted for the number of comparisons by Holm's method (and Benjamini–Hochberg); hazard ratios from one-covariate Cox models (Efron ties); Firth's penalised-likelihood Cox model (as R's coxphf) with its likelihood-ratio test, which stays valid when one side has no breakdown.",
		"Definitions: the counting rule and every category are defined in the dataset's codebook, dataset/CODEBOOK.md.",
	}
}

// eraCaveat says whether later deals broke down faster (the Cox model on
// the start year, analysis.Concessions.Era).
func eraCaveat(c *analysis.Concessions) string {
	if c == nil || c.Era == nil || len(c.Era.Terms) == 0 {
		return ""
	}
	e := c.Era.Terms[0]
	verdict := "The era shows no clear trend"
	if e.P < 0.05 && e.ExpCoef > 1 {
		verdict = "Later deals broke down faster"
	} else if e.P < 0.05 {
		verdict = "Later deals lasted longer"
	}
	return fmt.Sprintf("%s: hazard ratio %.2f per start year (95%% CI %.2f to %.2f, p %s). The full table in Appendix B gives each comparison with the start year held fixed.",
		verdict, e.ExpCoef, e.Lower, e.Upper, pText(e.P))
}
