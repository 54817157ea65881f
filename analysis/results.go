package analysis

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/truce-lab/truce/dataset"
)

// LogRankTable lays out a log-rank test between the groups of column by:
// observed and expected breakdowns per group, with the test in the notes.
func LogRankTable(by string, lr *LogRankResult) *Table {
	t := &Table{Name: "compare", Title: "Log-rank test by " + by,
		Columns:  []string{by, "n", "observed", "expected", "o_minus_e"},
		Numeric:  []bool{false, true, true, true, true},
		Warnings: lr.Warnings,
		Notes: []string{fmt.Sprintf("Log-rank chi-square %.3f on %d df, p = %s (R survdiff). Observed and expected breakdowns if every group had the pooled hazard.",
			lr.Chisq, lr.DF, FormatP(lr.P))}}
	for _, g := range lr.Groups {
		t.add(txt(g.Group), count(g.N), num(g.Observed, 0), num(g.Expected, 2), num(g.Observed-g.Expected, 2))
	}
	return t
}

// MarshalJSON writes the test with full-precision numbers: chisq, df, p,
// groups (group, n, observed, expected) and warnings (never null). NaN is
// null and an infinity "Inf" or "-Inf" (jsonFloat).
func (lr *LogRankResult) MarshalJSON() ([]byte, error) {
	type group struct {
		Group    string    `json:"group"`
		N        int       `json:"n"`
		Observed jsonFloat `json:"observed"`
		Expected jsonFloat `json:"expected"`
	}
	out := struct {
		Chisq    jsonFloat `json:"chisq"`
		DF       int       `json:"df"`
		P        jsonFloat `json:"p"`
		Groups   []group   `json:"groups"`
		Warnings []string  `json:"warnings"`
	}{jsonFloat(lr.Chisq), lr.DF, jsonFloat(lr.P), nil, nonNil(lr.Warnings)}
	for _, g := range lr.Groups {
		out.Groups = append(out.Groups, group{g.Group, g.N, jsonFloat(g.Observed), jsonFloat(g.Expected)})
	}
	return json.Marshal(out)
}

// CoxTable lays out a Cox model: one row per term with its coefficient,
// hazard ratio and 95% limits, and the three global tests in the notes.
func CoxTable(cox *Cox) *Table {
	t := &Table{Name: "cox", Title: fmt.Sprintf("Cox proportional-hazards model (%s ties)", cox.Ties),
		Columns:  []string{"term", "coef", "hazard_ratio", "se", "z", "p", "hr_lower", "hr_upper"},
		Numeric:  []bool{false, true, true, true, true, true, true, true},
		Warnings: cox.Warnings,
		Notes: []string{fmt.Sprintf("n = %d, breakdowns = %d. Likelihood-ratio test %.2f on %d df, p = %s; Wald %.2f, p = %s; score %.2f, p = %s.",
			cox.N, cox.Events, cox.LRChisq, cox.LRDF, FormatP(cox.LRP), cox.WaldChisq, FormatP(cox.WaldP), cox.ScoreChisq, FormatP(cox.ScoreP)),
			"hazard_ratio above 1: deals with more of the covariate broke down faster. 95% limits. Matches R's coxph."}}
	for _, c := range cox.Terms {
		t.add(txt(c.Term), num(c.Coef, 3), num(c.ExpCoef, 3), num(c.SE, 3), num(c.Z, 2), pval(c.P), num(c.Lower, 3), num(c.Upper, 3))
	}
	return t
}

// MarshalJSON writes the model with full-precision numbers: n, events,
// terms (term, coef, exp_coef, se, z, p, lower, upper), loglik, the
// likelihood-ratio test and warnings (never null). NaN is null and an
// infinity (a coefficient that diverged) "Inf" or "-Inf" (jsonFloat).
func (cox *Cox) MarshalJSON() ([]byte, error) {
	type term struct {
		Term    string    `json:"term"`
		Coef    jsonFloat `json:"coef"`
		ExpCoef jsonFloat `json:"exp_coef"`
		SE      jsonFloat `json:"se"`
		Z       jsonFloat `json:"z"`
		P       jsonFloat `json:"p"`
		Lower   jsonFloat `json:"lower"`
		Upper   jsonFloat `json:"upper"`
	}
	out := struct {
		N        int       `json:"n"`
		Events   int       `json:"events"`
		Terms    []term    `json:"terms"`
		LogLik   jsonFloat `json:"loglik"`
		LRChisq  jsonFloat `json:"lr_chisq"`
		LRDF     int       `json:"lr_df"`
		LRP      jsonFloat `json:"lr_p"`
		Warnings []string  `json:"warnings"`
	}{N: cox.N, Events: cox.Events, LogLik: jsonFloat(cox.LogLik), LRChisq: jsonFloat(cox.LRChisq), LRDF: cox.LRDF, LRP: jsonFloat(cox.LRP), Warnings: nonNil(cox.Warnings)}
	for _, t := range cox.Terms {
		out.Terms = append(out.Terms, term{t.Term, jsonFloat(t.Coef), jsonFloat(t.ExpCoef), jsonFloat(t.SE), jsonFloat(t.Z), jsonFloat(t.P), jsonFloat(t.Lower), jsonFloat(t.Upper)})
	}
	return json.Marshal(out)
}

// ConcessionColumns returns the frame columns of every state concession
// (has:NAME) and militant commitment (commits:NAME), in codebook order:
// the categories AnalyzeConcessions compares.
func ConcessionColumns() []string {
	var cols []string
	for _, c := range dataset.Concessions() {
		cols = append(cols, "has:"+c)
	}
	for _, c := range dataset.Commitments() {
		cols = append(cols, "commits:"+c)
	}
	return cols
}

// SensitivityColumns are the comparisons the sensitivity analysis follows:
// the five with the smallest log-rank p among those with at least three
// deals on each side.
func SensitivityColumns(c *Concessions) []string {
	var rows []ConcessionRow
	for _, r := range c.Rows {
		if r.NWith >= 3 && r.NWithout >= 3 && !math.IsNaN(r.LogRankP) {
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b ConcessionRow) int { return cmp.Compare(a.LogRankP, b.LogRankP) })
	var cols []string
	for _, r := range rows[:min(5, len(rows))] {
		cols = append(cols, r.Column)
	}
	return cols
}
