package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ConcessionRow compares the deals that include one category (a state
// concession or a militant commitment) with the deals that do not.
type ConcessionRow struct {
	Category  string // e.g. "prisoner-release"
	Column    string // the frame column: "has:prisoner-release" or "commits:cease-attacks"
	Side      string // "state concession" or "militant commitment"
	NWith     int
	NWithout  int
	EvWith    int // breakdowns among the deals with it
	EvWithout int
	// Kaplan–Meier medians, days, with their 95% limits.
	MedianWith, MedianWithout Quantile
	// Diff is MedianWith − MedianWithout, NaN unless both are reached.
	Diff float64
	// LogRankP is the p-value of R's survdiff between the two groups.
	LogRankP float64
	// Perm is the permutation p-value of the same log-rank statistic.
	Perm PermResult
	// Cox is the single-covariate Cox model (Efron ties); nil if it could
	// not be fitted. HR = exp(coef).
	Cox      *Cox
	Warnings []string
}

// HR returns the hazard ratio with its 95% limits, NaN when not fitted.
func (r *ConcessionRow) HR() (hr, lo, hi float64) {
	if r.Cox == nil || len(r.Cox.Terms) == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	t := r.Cox.Terms[0]
	return t.ExpCoef, t.Lower, t.Upper
}

// Concessions is the concessions-versus-longevity analysis.
type Concessions struct {
	Rows []ConcessionRow
	// Rank correlations between the number of state concessions and the
	// duration in days: over the deals that broke down (exact durations)
	// and over all deals (censored durations used as they are, which
	// understates deals that had not broken down, and is pulled by deals
	// whose end is unknown: they are often the thinly documented ones).
	Ended, All RankCorrelation
	Warnings   []string
}

// RankCorrelation is Spearman's rho and Kendall's tau-b with permutation
// p-values, over N deals. KendallPerm.P is NaN where it was not computed.
type RankCorrelation struct {
	N                         int
	Spearman, Kendall         float64
	SpearmanPerm, KendallPerm PermResult
}

// rankCorrelation computes both coefficients with seeded permutation
// p-values; with fewer than 4 pairs it returns NaNs.
func rankCorrelation(x, y []float64, kendallP bool) (RankCorrelation, error) {
	rc := RankCorrelation{N: len(x), Spearman: math.NaN(), Kendall: math.NaN(),
		SpearmanPerm: PermResult{P: math.NaN()}, KendallPerm: PermResult{P: math.NaN()}}
	if len(x) < 4 {
		return rc, fmt.Errorf("%d deals: too few for a rank correlation", len(x))
	}
	var err error
	if rc.Spearman, err = Spearman(x, y); err != nil {
		return rc, err
	}
	if rc.SpearmanPerm, err = PermutationCorrelation(midRanks(x), midRanks(y), pearson, permOptions); err != nil {
		return rc, err
	}
	if rc.Kendall, err = KendallTauB(x, y); err != nil || !kendallP {
		return rc, err
	}
	tau := KendallTauB
	if len(x) <= smallN {
		tau = kendallTauBPairs
	}
	rc.KendallPerm, err = PermutationCorrelation(x, y, tau, permOptions)
	return rc, err
}

// PermRounds is the most Monte Carlo permutations drawn where exact
// enumeration is too large; PermStop ends the draws early once that many
// are at least as extreme as the data (Besag & Clifford 1991), so only
// small p-values get every round; PermSeed makes the p-values reproducible.
const (
	PermRounds       = 10000
	PermStop         = 20
	PermSeed         = 20041124
	permExactLimit   = 200000
	minGroupForTests = 2
)

var permOptions = PermOptions{ExactLimit: permExactLimit, Rounds: PermRounds, Seed: PermSeed, Stop: PermStop}

// AnalyzeConcessions compares, for every state concession and militant
// commitment in the vocabularies (frame columns has:NAME and
// commits:NAME), the deals with and without it:
//
//   - Kaplan–Meier medians (censored deals count until they leave
//     observation) and their difference;
//   - the log-rank test (LogRank, R's survdiff);
//   - a permutation p-value of the log-rank statistic: O − E of the deals
//     with the category equals the sum of their log-rank scores
//     a_i = δ_i − Λ(t_i), Λ the Nelson–Aalen cumulative hazard (Peto &
//     Peto 1972), so the labels are permuted over fixed scores, exactly
//     when there are at most 200,000 arrangements and otherwise with up to
//     PermRounds seeded random permutations, stopped early by the rule of
//     Besag & Clifford once PermStop are as extreme (the test of
//     coin::logrank_test in R);
//   - the hazard ratio from a one-covariate Cox model (Efron ties).
//
// It also gives Spearman's rho and Kendall's tau-b between n_concessions
// and days with permutation p-values.
func AnalyzeConcessions(s *Sample, categories []string) (*Concessions, error) {
	scores := logRankScores(s.Times, s.Events)
	out := &Concessions{}
	for _, col := range categories {
		x, err := s.Covariate(col)
		if err != nil {
			return nil, err
		}
		row := concessionRow(s, col, x, scores)
		out.Rows = append(out.Rows, row)
	}
	n, err := s.Covariate("n_concessions")
	if err != nil {
		return nil, err
	}
	// Over all deals only Spearman gets a permutation p-value: the figure is
	// secondary (see Concessions.All) and Kendall's would need the full
	// 10,000 rounds whenever the p-value is small.
	if out.All, err = rankCorrelation(n, s.Times, false); err != nil {
		out.Warnings = append(out.Warnings, "rank correlation over all deals not computed: "+err.Error())
	}
	var nEnded, tEnded []float64
	for i, e := range s.Events {
		if e {
			nEnded, tEnded = append(nEnded, n[i]), append(tEnded, s.Times[i])
		}
	}
	if out.Ended, err = rankCorrelation(nEnded, tEnded, true); err != nil {
		out.Warnings = append(out.Warnings, "rank correlation over the deals that broke down not computed: "+err.Error())
	}
	if s.Len() < 20 {
		out.Warnings = append(out.Warnings, "only "+Plural(s.Len(), "deal", "deals")+": every comparison has little power, and a large p-value is no evidence of no effect")
	}
	return out, nil
}

func concessionRow(s *Sample, col string, x []float64, scores []float64) ConcessionRow {
	side, _, _ := strings.Cut(col, ":")
	cat := categoryLabel(col)
	row := ConcessionRow{Category: cat, Column: col, Side: map[string]string{"has": "state concession", "commits": "militant commitment"}[side],
		Diff: math.NaN(), LogRankP: math.NaN(), Perm: PermResult{P: math.NaN()}}
	labels := make([]bool, len(x))
	var tw, to []float64
	var ew, eo []bool
	for i, v := range x {
		labels[i] = v != 0
		if labels[i] {
			tw, ew = append(tw, s.Times[i]), append(ew, s.Events[i])
			row.NWith++
			if s.Events[i] {
				row.EvWith++
			}
		} else {
			to, eo = append(to, s.Times[i]), append(eo, s.Events[i])
			row.NWithout++
			if s.Events[i] {
				row.EvWithout++
			}
		}
	}
	if kmw, err := KaplanMeier(tw, ew); err == nil {
		row.MedianWith = kmw.Median()
	}
	if kmo, err := KaplanMeier(to, eo); err == nil {
		row.MedianWithout = kmo.Median()
	}
	if row.MedianWith.Reached && row.MedianWithout.Reached {
		row.Diff = row.MedianWith.Estimate - row.MedianWithout.Estimate
	}
	if row.NWith < minGroupForTests || row.NWithout < minGroupForTests {
		row.Warnings = append(row.Warnings, fmt.Sprintf("%s: %s with it and %d without: too few to test", cat, Plural(row.NWith, "deal", "deals"), row.NWithout))
		return row
	}
	groups := make([]string, len(labels))
	for i, l := range labels {
		groups[i] = map[bool]string{true: "with", false: "without"}[l]
	}
	if lr, err := LogRank(s.Times, s.Events, groups); err == nil {
		row.LogRankP = lr.P
		for _, w := range lr.Warnings {
			row.Warnings = append(row.Warnings, cat+": "+w)
		}
	}
	if perm, err := PermutationSum(scores, labels, permOptions); err == nil {
		row.Perm = perm
	}
	if cox, err := CoxPH(s.Times, s.Events, columnMatrix(x), []string{col}, Efron); err == nil {
		row.Cox = cox
		for _, w := range cox.Warnings {
			row.Warnings = append(row.Warnings, cat+" (Cox): "+w)
		}
	} else {
		row.Warnings = append(row.Warnings, cat+" (Cox): "+err.Error())
	}
	return row
}

// logRankScores returns a_i = δ_i − Λ(t_i), where Λ is the Nelson–Aalen
// cumulative hazard including the events at t_i. The sum of the scores of
// a group is its O − E in the log-rank test.
func logRankScores(times []float64, events []bool) []float64 {
	n := len(times)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case times[a] < times[b]:
			return -1
		case times[a] > times[b]:
			return 1
		}
		return 0
	})
	scores := make([]float64, n)
	cum := 0.0
	for i := 0; i < n; {
		j, d := i, 0
		for j < n && times[idx[j]] == times[idx[i]] {
			if events[idx[j]] {
				d++
			}
			j++
		}
		cum += float64(d) / float64(n-i)
		for k := i; k < j; k++ {
			scores[idx[k]] = -cum
			if events[idx[k]] {
				scores[idx[k]]++
			}
		}
		i = j
	}
	return scores
}

func columnMatrix(x []float64) [][]float64 {
	m := make([][]float64, len(x))
	for i, v := range x {
		m[i] = []float64{v}
	}
	return m
}

// ConcessionTable lays out the analysis for people and programs: one row
// per category that at least one deal has. A nil c gives the table with
// no rows.
func ConcessionTable(c *Concessions) *Table {
	if c == nil {
		c = &Concessions{}
	}
	t := &Table{
		Name:    "concessions",
		Title:   "Concessions and commitments versus how long deals lasted",
		Columns: []string{"category", "side", "n_with", "n_without", "breakdowns_with", "breakdowns_without", "median_with", "median_without", "difference", "logrank_p", "permutation_p", "hazard_ratio", "hr_lower", "hr_upper"},
		Numeric: []bool{false, false, true, true, true, true, true, true, true, true, true, true, true, true},
		Notes: []string{
			"median_with/median_without: Kaplan–Meier median days (censored deals count until they leave observation); difference = with − without, NA unless both are reached.",
			"logrank_p: log-rank test (R survdiff); permutation_p: the same statistic with the labels permuted (exact where feasible, else seeded random permutations stopped once 20 are as extreme, up to 10,000: Besag & Clifford 1991), safer with few deals.",
			"hazard_ratio: one-covariate Cox model (Efron ties) with 95% limits; above 1 means the deals with the category broke down faster.",
			"These are associations among a few dozen deals, not effects: concessions were granted where the state was weaker or the militants stronger, and many p-values are computed, so some will be small by chance.",
		},
		Warnings: c.Warnings,
	}
	for _, r := range c.Rows {
		if r.NWith == 0 {
			continue
		}
		hr, lo, hi := r.HR()
		t.Rows = append(t.Rows, []string{r.Category, r.Side, strconv.Itoa(r.NWith), strconv.Itoa(r.NWithout), strconv.Itoa(r.EvWith), strconv.Itoa(r.EvWithout),
			fmtEstimate(r.MedianWith.Estimate, r.MedianWith.Reached), fmtEstimate(r.MedianWithout.Estimate, r.MedianWithout.Reached),
			fmtNum(r.Diff, 0), FormatP(r.LogRankP), FormatP(r.Perm.P), fmtNum(hr, 2), fmtNum(lo, 2), fmtNum(hi, 2)})
		t.Warnings = append(t.Warnings, r.Warnings...)
	}
	t.Notes = append(t.Notes,
		fmt.Sprintf("Rank correlation of the number of state concessions with days, over the %d deals that broke down: Spearman rho %s (permutation p %s), Kendall tau-b %s (p %s).",
			c.Ended.N, fmtNum(c.Ended.Spearman, 2), FormatP(c.Ended.SpearmanPerm.P), fmtNum(c.Ended.Kendall, 2), FormatP(c.Ended.KendallPerm.P)),
		fmt.Sprintf("Over all %d deals, with censored durations as they are: rho %s (permutation p %s), tau-b %s; deals whose end is unknown enter with short censored times and are often thinly documented, which inflates this figure.",
			c.All.N, fmtNum(c.All.Spearman, 2), FormatP(c.All.SpearmanPerm.P), fmtNum(c.All.Kendall, 2)))
	return t
}
