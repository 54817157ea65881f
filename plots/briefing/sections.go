package briefing

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// briefing writes the briefing's text from the numbers: headline findings,
// a section per chart and table, methods, coverage and sources.
func blocks(a *Analyses, tables map[string]*analysis.Table, charts []chart) []block {
	first, last := a.Deals()[0].Start.Y, a.Deals()[0].Start.Y
	for i := range a.Deals() {
		first, last = min(first, a.Deals()[i].Start.Y), max(last, a.Deals()[i].Start.Y)
	}
	title := fmt.Sprintf("Deals between the Pakistani state and the Pakistani Taliban, %d–%d: how long they lasted and what ended them", first, last)
	blocks := []block{
		heading{1, title},
		para{fmt.Sprintf("truce dataset v%s, as of %s. %s", a.Version, a.AsOf(), a.Selection.Note)},
		heading{2, "Headline findings"},
		bullets{headlines(a)},
	}
	byChart := map[string]chart{}
	for _, c := range charts {
		byChart[c.name] = c
	}
	section := func(title, text string, chartNames []string, tableNames ...string) {
		blocks = append(blocks, heading{2, title}, para{text})
		for _, n := range chartNames {
			if c, ok := byChart[n]; ok && c.missing != "" {
				blocks = append(blocks, para{fmt.Sprintf("The chart %s is left out: %s.", strings.TrimPrefix(c.name, "chart-"), c.missing)})
			} else if ok {
				blocks = append(blocks, figure{file: c.name + ".png", alt: c.title, caption: c.caption, png: c.png})
			}
		}
		for _, n := range tableNames {
			if t, ok := tables[n]; ok {
				blocks = append(blocks, tableBlock{t: t, csvFile: "table-" + t.Name + ".csv"})
			}
		}
	}
	section("How long the deals lasted",
		"Each bar is one deal, from its start to its end, in days. Whiskers show how far the duration could move given month- or year-only dates; open-ended bars had not broken down when last observed (censored).",
		[]string{"chart-durations", "chart-timeline"}, "durations")
	section("Survival of the deals",
		"The Kaplan–Meier curve gives the share of deals still in force after a given number of days, counting each censored deal only while it was observed. The shaded band is the 95% confidence interval; the dashed line marks the median.",
		[]string{"chart-survival", "chart-survival-by"}, "summary", byTableName(a.By))
	section("Concessions and how long deals lasted",
		"Each state concession and militant commitment is compared between the deals that included it and those that did not. A category that is absent from a deal means no source reports it, not that it was ruled out.",
		[]string{"chart-matrix", "chart-concessions", "chart-forest"}, "concessions")
	section("What ended the deals",
		"The proximate trigger of each deal's end as the sources report it, and who broke the deal.",
		[]string{"chart-triggers"}, "triggers")
	section("How much the uncertain dates matter",
		"Many deals have month-only dates or sources that disagree on when they ended. The headline figures are recomputed at the shortest and longest durations the dates allow and under every alternative date a source gives; the table lists the readings that change something, and the CSV has them all.",
		nil)
	movers := analysis.SensitivityTable(a.Sensitivity, true)
	movers.Notes = append([]string{a.Selection.Note}, movers.Notes...)
	blocks = append(blocks, tableBlock{t: movers, csvFile: "table-sensitivity.csv"})
	blocks = append(blocks, heading{2, "Methods"}, bullets{methods(a)})
	blocks = append(blocks, heading{2, "Data coverage"}, bullets{coverage(a)})
	if src := sourceList(a); len(src) > 0 {
		blocks = append(blocks, heading{2, "Sources"}, para{"Every fact in the dataset is cited; these are the sources of the deals analysed here. The quotes are in dataset/citations.csv and `truce show ID`."}, bullets{src})
	}
	return blocks
}

func headlines(a *Analyses) []string {
	o := a.Overall
	var h []string
	ended := map[dataset.EndType]int{}
	for i := range a.Deals() {
		ended[a.Deals()[i].EndType]++
	}
	dayOne := 0 // unknown ends last reported in force on the day they began
	for i := range a.Deals() {
		if dur, ok := a.Deals()[i].Duration(a.AsOf()); ok && a.Deals()[i].EndType == dataset.EndTypeUnknown && dur.Upper == 0 {
			dayOne++
		}
	}
	h = append(h, fmt.Sprintf("%d deals were analysed: %s ended in a breakdown, %s expired, %s superseded, %s still in force, and %s no reported end. A deal with no reported end counts until a source last reports it in force; for %d of them that is only the day it began, so they say little about how long deals last.",
		o.N, analysis.Plural(ended[dataset.EndTypeBreakdown], "deal", "deals"), fmt.Sprint(ended[dataset.EndTypeExpired]),
		analysis.Plural(ended[dataset.EndTypeSuperseded], "was", "were"), analysis.Plural(ended[dataset.EndTypeOngoing], "is", "are"), analysis.Plural(ended[dataset.EndTypeUnknown], "has", "have"), dayOne))
	if o.Median.Reached {
		h = append(h, fmt.Sprintf("Half of the deals had broken down by day %.0f (Kaplan–Meier median; 95%% confidence interval %s). %s",
			o.Median.Estimate, ciText(o.Median), breakdownRange(a)))
	} else {
		h = append(h, "Fewer than half of the deals broke down while observed, so the median lifespan is not reached. "+breakdownRange(a))
	}
	h = append(h, fmt.Sprintf("In its first year a deal stayed in force for %.0f days on average (restricted mean survival time, standard error %.0f days); %.0f%% were still in force after a year (Kaplan–Meier).",
		o.RMST, o.RMSTSE, 100*o.KM.Surv(365)))
	if len(a.Triggers.Rows) > 0 {
		t := a.Triggers.Rows[0]
		h = append(h, fmt.Sprintf("The commonest end: %s, %d of the %d deals whose end and its cause are known (%.0f%%). %s",
			dataset.Label("trigger", string(t.Trigger)), t.N, a.Triggers.Ended, 100*t.Share, whoBroke(a.Triggers)))
	}
	rows := concessionHighlights(a.Concessions)
	small := 0
	for _, row := range rows {
		if row.Perm.P < 0.05 {
			small++
		}
	}
	for i, row := range rows {
		if i == 2 {
			break
		}
		hr, lo, hi := row.HR()
		which := "Deals with “" + dataset.Label("state_concessions", row.Category) + "”"
		if row.Side == "militant commitment" {
			which = "Deals in which the militants committed to “" + dataset.Label("militant_commitments", row.Category) + "”"
		}
		h = append(h, fmt.Sprintf("%s (%d deals) lasted a median of %s days against %s for the others (log-rank p %s, permutation p %s; hazard ratio %s).",
			which, row.NWith, estText(row.MedianWith), estText(row.MedianWithout), analysis.FormatP(row.LogRankP), analysis.FormatP(row.Perm.P), hrText(hr, lo, hi)))
	}
	h = append(h, fmt.Sprintf("Of %d concession and commitment comparisons, %s a permutation p below 0.05, where about %.1f would by chance alone. With this few deals, treat every comparison as a lead to check, not a finding.",
		len(rows), analysis.Plural(small, "has", "have"), 0.05*float64(len(rows))))
	h = append(h, correlationSentence(a.Concessions))
	if a.ByTest != nil {
		var parts []string
		for _, g := range a.ByGroups {
			parts = append(parts, fmt.Sprintf("%s %s (n=%d)", dataset.Label(a.By, g.Group), estText(g.Median), g.N))
		}
		h = append(h, fmt.Sprintf("Median days by %s: %s; log-rank p %s.", dataset.ColumnLabel(a.By), strings.Join(parts, ", "), analysis.FormatP(a.ByTest.P)))
	}
	if s := sensitivitySentence(a.Sensitivity); s != "" {
		h = append(h, s)
	}
	return h
}

// breakdownRange names the shortest and longest deals that broke down.
func breakdownRange(a *Analyses) string {
	var short, long *dataset.Deal
	var sd, ld int
	for i := range a.Deals() {
		dur, ok := a.Deals()[i].Duration(a.AsOf())
		if !ok || !dur.Event {
			continue
		}
		if short == nil || dur.Days < sd {
			short, sd = &a.Deals()[i], dur.Days
		}
		if long == nil || dur.Days > ld {
			long, ld = &a.Deals()[i], dur.Days
		}
	}
	if short == nil {
		return ""
	}
	return fmt.Sprintf("Of the deals that broke down, the shortest lasted %d days (%s) and the longest %d (%s).", sd, short.ID, ld, long.ID)
}

// sensitivitySentence says how far the median moves across the readings of
// the dates, and whether that changes the picture.
func sensitivitySentence(sv *analysis.Sensitivity) string {
	if len(sv.Scenarios) < 2 || !sv.Scenarios[0].Median.Reached {
		return ""
	}
	coded := sv.Scenarios[0].Median.Estimate
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, sc := range sv.Scenarios {
		if sc.Median.Reached {
			lo, hi = math.Min(lo, sc.Median.Estimate), math.Max(hi, sc.Median.Estimate)
		}
	}
	verdict := "The uncertain dates barely move the median"
	if (hi-lo)/coded > 0.25 {
		verdict = "The uncertain dates matter"
	}
	return fmt.Sprintf("%s: across %d readings of the dates (the bounds of month- and year-only dates, and every alternative date a source gives) the median ranges from %.0f to %.0f days, against %.0f as coded; the sensitivity table shows which dates move it.",
		verdict, len(sv.Scenarios), lo, hi, coded)
}

// correlationSentence says what the rank correlation between the number of
// concessions and the duration shows, from its sign and p-value.
func correlationSentence(c *analysis.Concessions) string {
	e := c.Ended
	if math.IsNaN(e.Spearman) {
		return "Too few deals broke down to correlate the number of concessions with how long deals lasted."
	}
	verdict := "showed no clear association with how long they lasted"
	if e.SpearmanPerm.P < 0.05 {
		verdict = "went with longer deals"
		if e.Spearman < 0 {
			verdict = "went with shorter deals"
		}
	}
	return fmt.Sprintf("Among the %d deals that broke down, the number of state concessions %s (Spearman's rho %.2f, permutation p %s; Kendall's tau-b %.2f). Over all %d deals the figure is rho %.2f (p %s), but deals whose end is unknown enter with short censored times and are often the thinly documented ones, so that figure overstates any link.",
		e.N, verdict, e.Spearman, analysis.FormatP(e.SpearmanPerm.P), e.Kendall, c.All.N, c.All.Spearman, analysis.FormatP(c.All.SpearmanPerm.P))
}

func ciText(q analysis.Quantile) string {
	switch {
	case q.LowerReached && q.UpperReached:
		return fmt.Sprintf("%.0f to %.0f days", q.Lower, q.Upper)
	case q.LowerReached:
		return fmt.Sprintf("%.0f days to an upper limit the data do not reach", q.Lower)
	}
	return "not reached"
}

func estText(q analysis.Quantile) string {
	if !q.Reached {
		return "not reached"
	}
	return fmt.Sprintf("%.0f", q.Estimate)
}

func hrText(hr, lo, hi float64) string {
	if math.IsNaN(hr) {
		return "not estimable"
	}
	return fmt.Sprintf("%.2f, 95%% CI %.2f to %.2f", hr, lo, hi)
}

func whoBroke(tr *analysis.Triggers) string {
	total := map[string]int{}
	for _, r := range tr.Rows {
		for w, n := range r.ByWho {
			total[w] += n
		}
	}
	var parts []string
	for _, by := range dataset.BrokenByValues() {
		if n := total[string(by)]; n > 0 && by != dataset.BrokenByNone {
			parts = append(parts, fmt.Sprintf("%s %d", by, n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Broken by: " + strings.Join(parts, ", ") + "."
}

func methods(a *Analyses) []string {
	return []string{
		"Duration: days from the start (signing, announcement or first day of a ceasefire) to the end under the codebook's end rule. Month- or year-only dates use the middle day of their span; the sensitivity table shows the bounds.",
		fmt.Sprintf("Censoring: a deal that expired, was superseded, is still in force (at %s) or whose end is not reported (at the last date a source reports it in force) is censored, not counted as a breakdown; the event is a breakdown.", a.AsOf()),
		"Kaplan–Meier estimates with Greenwood standard errors and 95% log-scale confidence intervals; medians and restricted mean survival time as R's survival package computes them (tested against R to 1e-6).",
		"Comparisons: log-rank test (R survdiff); for each concession, a permutation p-value of the same statistic (exact where feasible, else seeded random permutations, stopped early once 20 are as extreme, up to 10,000: Besag & Clifford 1991), and a one-covariate Cox model with Efron ties.",
		"What the p-values can and cannot say: the deals are not a random sample, concessions were not assigned at random (they reflect the balance of force when the deal was made), the number of deals is small and many comparisons are made. A small p-value marks a pattern worth a closer look; a large one is not evidence that a concession makes no difference.",
		"Rank correlations (Spearman, Kendall tau-b) use censored durations as they are and so understate the length of deals that had not broken down.",
	}
}

func coverage(a *Analyses) []string {
	kinds := map[string]int{}
	for i := range a.All {
		kinds[string(a.All[i].Kind)]++
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		if k != "" {
			parts = append(parts, fmt.Sprintf("%d %s", kinds[k], k))
		}
	}
	out := []string{fmt.Sprintf("%d rows in the data used (%s); %d analysed.", len(a.All), strings.Join(parts, ", "), len(a.Deals()))}
	out = append(out, fmt.Sprintf("Reporting reviewed up to %s. Later deals, and later news of these ones, are not included.", a.AsOf()))
	out = append(out, "The counting rule (which rows are state agreements, tribal undertakings or talks), every column and every category are defined in dataset/CODEBOOK.md.")
	return out
}

func sourceList(a *Analyses) []string {
	if a.Data == nil || len(a.Data.Sources) == 0 {
		return nil
	}
	used := map[string]bool{}
	for i := range a.Deals() {
		for _, s := range a.Deals()[i].Sources {
			used[s] = true
		}
	}
	var out []string
	for _, id := range slices.Sorted(maps.Keys(used)) {
		s, ok := a.Data.Source(id)
		if !ok {
			continue
		}
		out = append(out, s.Reference())
	}
	slices.Sort(out)
	return out
}

// concessionHighlights returns the tested rows ordered by permutation p.
func concessionHighlights(c *analysis.Concessions) []analysis.ConcessionRow {
	var rows []analysis.ConcessionRow
	for _, r := range c.Rows {
		if !math.IsNaN(r.Perm.P) {
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b analysis.ConcessionRow) int { return cmp.Compare(a.Perm.P, b.Perm.P) })
	return rows
}
