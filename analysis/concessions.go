package analysis

import (
	"fmt"
	"math"
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
	// LogRankP is the p-value of R's survdiff between the two groups;
	// LogRankPHolm and LogRankPBH are it adjusted over every category
	// tested (Holm; Benjamini–Hochberg), as R's p.adjust. NaN when not
	// tested.
	LogRankP, LogRankPHolm, LogRankPBH float64
	// Cox is the single-covariate Cox model (Efron ties); nil if it could
	// not be fitted. HR = exp(coef).
	Cox *Cox
	// Firth is the same model by Firth's penalised likelihood (profile
	// limits, penalised likelihood-ratio p), finite where the deals with
	// or without the category never broke down; nil if not fitted.
	Firth *Firth
	// Adjusted is the Cox model with the category and the start year
	// (Efron ties): Terms[0] is the category's hazard ratio at a given
	// start year. nil if not fitted.
	Adjusted *Cox
	Warnings []string
}

// FirthHR returns the Firth hazard ratio, its profile-likelihood limits
// and penalised likelihood-ratio p, NaN when not fitted.
func (r *ConcessionRow) FirthHR() (hr, lo, hi, p float64) {
	if r.Firth == nil || len(r.Firth.Terms) == 0 {
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	t := r.Firth.Terms[0]
	return t.ExpCoef, t.Lower, t.Upper, t.P
}

// AdjustedHR returns the start-year-adjusted hazard ratio with its 95%
// limits and Wald p, NaN when not fitted.
func (r *ConcessionRow) AdjustedHR() (hr, lo, hi, p float64) {
	if r.Adjusted == nil || len(r.Adjusted.Terms) == 0 {
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	t := r.Adjusted.Terms[0]
	return t.ExpCoef, t.Lower, t.Upper, t.P
}

// CoxLRP returns the likelihood-ratio p of the one-covariate Cox model,
// NaN when not fitted.
func (r *ConcessionRow) CoxLRP() float64 {
	if r.Cox == nil {
		return math.NaN()
	}
	return r.Cox.LRP
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
	// All treats censored times as durations: it is no finding, and is
	// printed only in the full table with that caveat; PerConcession is
	// the valid measure.
	Ended, All RankCorrelation
	// PerConcession is the Cox model of breakdown on the number of state
	// concessions (hazard ratio per concession); Era the Cox model on the
	// start year (hazard ratio per year: do later deals break down
	// faster?). nil where they could not be fitted.
	PerConcession, Era *Cox
	Warnings           []string
}

// RankCorrelation is Spearman's rho and Kendall's tau-b with permutation
// p-values, over N deals. Above MaxRankPermN deals they hold the
// large-sample approximations instead (Approx). KendallPerm.P is NaN where
// it was not asked for.
type RankCorrelation struct {
	N                         int
	Spearman, Kendall         float64
	SpearmanPerm, KendallPerm PermResult
}

// rankCorrelation computes both coefficients with seeded permutation
// p-values (see MaxRankPermN for large samples); with fewer than 4 pairs
// it returns NaNs.
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
	if len(x) > MaxRankPermN {
		rc.SpearmanPerm = PermResult{P: SpearmanTApprox(rc.Spearman, len(x)), Observed: rc.Spearman, Approx: true, approx: "t approximation"}
		if rc.Kendall, err = KendallTauB(x, y); err != nil || !kendallP {
			return rc, err
		}
		rc.KendallPerm = PermResult{P: KendallZApprox(x, y, rc.Kendall), Observed: rc.Kendall, Approx: true, approx: "normal approximation"}
		return rc, nil
	}
	if rc.SpearmanPerm, err = PermutationCorrelation(midRanks(x), midRanks(y), pearson, permOptions); err != nil {
		return rc, err
	}
	if rc.Kendall, err = KendallTauB(x, y); err != nil || !kendallP {
		return rc, err
	}
	tau := kendallTauBFixedX(x)
	if len(x) <= smallN {
		tau = kendallTauBPairs
	}
	rc.KendallPerm, err = PermutationCorrelation(x, y, tau, permOptions)
	return rc, err
}

// PermRounds is the number of Monte Carlo permutations drawn where exact
// enumeration (up to ExactPermLimit arrangements) is too large, with no
// early stop, so that every Monte Carlo p has a standard error below
// 0.005; PermSeed makes the p-values reproducible.
const (
	PermRounds       = 10000
	PermSeed         = 20041124
	minGroupForTests = 2
)

var permOptions = ExactFirst(PermRounds, PermSeed)

// AnalyzeConcessions compares, for every state concession and militant
// commitment in the vocabularies (frame columns has:NAME and
// commits:NAME), the deals with and without it:
//
//   - Kaplan–Meier medians (censored deals count until they leave
//     observation) and their difference;
//   - the log-rank test (LogRank, R's survdiff);
//   - the hazard ratio from a one-covariate Cox model (Efron ties), with
//     its likelihood-ratio p;
//   - the same by Firth's penalised likelihood (FirthCox), valid with few
//     events and finite under separation;
//   - the hazard ratio adjusted for the start year (Cox on the category
//     and start_year);
//   - the log-rank p adjusted over the categories tested, by Holm and by
//     Benjamini–Hochberg (R's p.adjust).
//
// It also fits the era effect (Cox on start_year), the Cox model on the
// number of state concessions (n_concessions), and Spearman's rho and
// Kendall's tau-b between n_concessions and days with permutation
// p-values.
func AnalyzeConcessions(s *Sample, categories []string) (*Concessions, error) {
	year, err := s.Covariate("start_year")
	if err != nil {
		return nil, err
	}
	out := &Concessions{}
	var tested []float64
	for _, col := range categories {
		x, err := s.Covariate(col)
		if err != nil {
			return nil, err
		}
		row := concessionRow(s, col, x, year)
		out.Rows = append(out.Rows, row)
		tested = append(tested, row.LogRankP)
	}
	holm, err := Holm(tested)
	if err != nil {
		return nil, err
	}
	bh, err := BenjaminiHochberg(tested)
	if err != nil {
		return nil, err
	}
	for i := range out.Rows {
		out.Rows[i].LogRankPHolm, out.Rows[i].LogRankPBH = holm[i], bh[i]
	}
	n, err := s.Covariate("n_concessions")
	if err != nil {
		return nil, err
	}
	if out.PerConcession, err = CoxPH(s.Times, s.Events, columnMatrix(n), []string{"n_concessions"}, Efron); err != nil {
		out.Warnings = append(out.Warnings, "Cox model on the number of concessions not fitted: "+err.Error())
	}
	if out.Era, err = CoxPH(s.Times, s.Events, columnMatrix(year), []string{"start_year"}, Efron); err != nil {
		out.Warnings = append(out.Warnings, "Cox model on the start year not fitted: "+err.Error())
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

func concessionRow(s *Sample, col string, x, year []float64) ConcessionRow {
	side, _, _ := strings.Cut(col, ":")
	cat := categoryLabel(col)
	row := ConcessionRow{Category: cat, Column: col, Side: map[string]string{"has": "state concession", "commits": "militant commitment"}[side],
		Diff: math.NaN(), LogRankP: math.NaN(), LogRankPHolm: math.NaN(), LogRankPBH: math.NaN()}
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
	if cox, err := CoxPH(s.Times, s.Events, columnMatrix(x), []string{col}, Efron); err == nil {
		row.Cox = cox
		for _, w := range cox.Warnings {
			row.Warnings = append(row.Warnings, cat+" (Cox): "+w)
		}
	} else {
		row.Warnings = append(row.Warnings, cat+" (Cox): "+err.Error())
	}
	if f, err := FirthCox(s.Times, s.Events, columnMatrix(x), []string{col}); err == nil {
		row.Firth = f
	}
	xy := make([][]float64, len(x))
	for i := range x {
		xy[i] = []float64{x[i], year[i]}
	}
	if adj, err := CoxPH(s.Times, s.Events, xy, []string{col, "start_year"}, Efron); err == nil {
		row.Adjusted = adj
	}
	return row
}

func columnMatrix(x []float64) [][]float64 {
	m := make([][]float64, len(x))
	for i, v := range x {
		m[i] = []float64{v}
	}
	return m
}

// ConcessionTable lays out the analysis for people and programs: one row
// per category that at least one deal has. The era effect and the Cox
// model on the number of concessions are in the notes (and in EraTable);
// the rank correlation over all deals, which treats censored times as
// durations, is in the notes with that caveat only.
// A nil c gives the table with no rows.
func ConcessionTable(c *Concessions) *Table {
	if c == nil {
		c = &Concessions{}
	}
	t := &Table{
		Name:  "concessions",
		Title: "Concessions and commitments versus how long deals lasted",
		Columns: []string{"category", "side", "n_with", "n_without", "breakdowns_with", "breakdowns_without", "median_with", "median_without", "difference",
			"logrank_p", "logrank_p_holm", "logrank_p_bh", "hazard_ratio", "hr_lower", "hr_upper", "cox_lr_p",
			"firth_hr", "firth_lower", "firth_upper", "firth_p", "year_adjusted_hr", "year_adjusted_lower", "year_adjusted_upper", "year_adjusted_p"},
		Notes: []string{
			"median_with/median_without: Kaplan–Meier median days (censored deals count until they leave observation); difference = with − without, NA unless both are reached.",
			"logrank_p: log-rank test (R survdiff); logrank_p_holm and logrank_p_bh: the same adjusted over every category tested (Holm; Benjamini–Hochberg, R p.adjust). With this many comparisons, read the adjusted columns.",
			"hazard_ratio: one-covariate Cox model (Efron ties) with 95% Wald limits and its likelihood-ratio p (cox_lr_p); above 1 means the deals with the category broke down faster.",
			"firth_*: the same model by Firth's penalised likelihood (Heinze & Schemper 2001): profile-likelihood 95% limits and penalised likelihood-ratio p; finite where a group never broke down.",
			"year_adjusted_*: Cox model with the category and the start year, the category's hazard ratio at a given start year, 95% Wald limits and Wald p.",
			"No permutation p is given: the plain permutation test assumes both groups are censored alike, which they are not here (Heinze, Gnant & Schemper 2003).",
			"These are associations among a few dozen deals, not effects: concessions were granted where the state was weaker or the militants stronger.",
		},
	}
	t.Numeric = make([]bool, len(t.Columns))
	for i := 2; i < len(t.Numeric); i++ {
		t.Numeric[i] = true
	}
	for _, w := range c.Warnings {
		t.Typed = append(t.Typed, ClassifyWarning("", w))
	}
	for _, r := range c.Rows {
		if r.NWith == 0 {
			continue
		}
		hr, lo, hi := r.HR()
		fhr, flo, fhi, fp := r.FirthHR()
		ahr, alo, ahi, ap := r.AdjustedHR()
		t.add(txt(r.Category), txt(r.Side), count(r.NWith), count(r.NWithout), count(r.EvWith), count(r.EvWithout),
			est(r.MedianWith.Estimate, r.MedianWith.Reached), est(r.MedianWithout.Estimate, r.MedianWithout.Reached), days(r.Diff),
			pval(r.LogRankP), pval(r.LogRankPHolm), pval(r.LogRankPBH), num(hr, 2), num(lo, 2), num(hi, 2), pval(r.CoxLRP()),
			num(fhr, 2), num(flo, 2), num(fhi, 2), pval(fp), num(ahr, 2), num(alo, 2), num(ahi, 2), pval(ap))
		for _, w := range r.Warnings {
			t.Typed = append(t.Typed, plainConcessionWarning(ClassifyWarning(r.Category, w)))
		}
	}
	t.Typed = UniqueWarnings(t.Typed)
	t.Warnings = GatherWarnings(t.Typed)
	t.Notes = append(t.Notes, eraSentence(c.Era), perConcessionSentence(c.PerConcession),
		fmt.Sprintf("Rank correlation of the number of state concessions with days, over the %d deals that broke down: Spearman rho %s (%s %s, %s), Kendall tau-b %s (p %s); it leaves out every deal still in force.",
			c.Ended.N, fmtNum(c.Ended.Spearman, 2), c.Ended.SpearmanPerm.pName(), FormatPermP(c.Ended.SpearmanPerm), c.Ended.SpearmanPerm.Method(), fmtNum(c.Ended.Kendall, 2), FormatPermP(c.Ended.KendallPerm)),
		fmt.Sprintf("Over all %d deals, with censored durations treated as durations: rho %s (%s %s), tau-b %s. Not a valid test (a censored time is not a duration; deals whose end is unknown enter with short censored times); the Cox model on the number of concessions above is the valid measure.",
			c.All.N, fmtNum(c.All.Spearman, 2), c.All.SpearmanPerm.pName(), FormatPermP(c.All.SpearmanPerm), fmtNum(c.All.Kendall, 2)))
	return t
}

// eraSentence states the era effect: the hazard ratio per start year.
func eraSentence(era *Cox) string {
	if era == nil || len(era.Terms) == 0 {
		return "Era: the Cox model on the start year could not be fitted."
	}
	e := era.Terms[0]
	return fmt.Sprintf("Era: hazard ratio %s per start year (95%% CI %s–%s, Wald p %s, likelihood-ratio p %s; Cox, Efron ties); above 1 means later deals broke down faster.",
		fmtNum(e.ExpCoef, 2), fmtNum(e.Lower, 2), fmtNum(e.Upper, 2), FormatP(e.P), FormatP(era.LRP))
}

// perConcessionSentence states the Cox model on the number of concessions.
func perConcessionSentence(pc *Cox) string {
	if pc == nil || len(pc.Terms) == 0 {
		return "The Cox model on the number of state concessions could not be fitted."
	}
	e := pc.Terms[0]
	return fmt.Sprintf("Number of state concessions: hazard ratio %s per concession (95%% CI %s–%s, Wald p %s; Cox, Efron ties), the valid measure with censored deals.",
		fmtNum(e.ExpCoef, 2), fmtNum(e.Lower, 2), fmtNum(e.Upper, 2), FormatP(e.P))
}

// EraTable lays out the era effect and the Cox model on the number of
// state concessions: one row per model, the hazard ratio per start year or
// per concession.
func EraTable(c *Concessions) *Table {
	t := &Table{
		Name:    "era",
		Title:   "Era and number of concessions (Cox, Efron ties)",
		Columns: []string{"covariate", "hazard_ratio", "hr_lower", "hr_upper", "wald_p", "lr_p", "n", "breakdowns"},
		Numeric: []bool{false, true, true, true, true, true, true, true},
		Notes:   []string{"hazard_ratio per start year (start_year) or per state concession (n_concessions), 95% Wald limits; above 1 means a higher hazard of breakdown. Matches R's coxph."},
	}
	for _, m := range []*Cox{c.Era, c.PerConcession} {
		if m == nil || len(m.Terms) == 0 {
			continue
		}
		e := m.Terms[0]
		t.add(txt(e.Term), num(e.ExpCoef, 2), num(e.Lower, 2), num(e.Upper, 2), pval(e.P), pval(m.LRP), count(m.N), count(m.Events))
		for _, w := range m.Warnings {
			t.Typed = append(t.Typed, ClassifyWarning(e.Term, w))
		}
	}
	t.Warnings = WarningStrings(t.Typed)
	return t
}

// plainConcessionWarning says LogRank's warnings about the two groups of a
// category in plain words ("the deals with it" rather than group "with").
func plainConcessionWarning(w Warning) Warning {
	for _, side := range []string{"with", "without"} {
		old := `group "` + side + `" has fewer than 5 expected events: the chi-square approximation is doubtful`
		if w.Message == old {
			w.Message = "fewer than 5 breakdowns expected among the deals " + side + " it: the log-rank p is approximate"
		}
	}
	return w
}
