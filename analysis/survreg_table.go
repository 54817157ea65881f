package analysis

import (
	"fmt"
	"math"
	"strings"
)

// SurvRegHalfDay is added to every duration before a parametric fit:
// survreg needs times above 0, and a deal that ended on its first day
// lasted part of it (survreg_reference.R does the same).
const SurvRegHalfDay = 0.5

// ParametricFits fits the Weibull, log-normal and log-logistic
// accelerated-failure-time models (SurvRegFit, R's survreg) to the sample,
// breakdown the event, with the named covariates (none: intercept only),
// after adding SurvRegHalfDay to every duration.
func ParametricFits(s *Sample, covariates []string) ([]*SurvReg, error) {
	times := make([]float64, s.Len())
	for i, t := range s.Times {
		times[i] = t + SurvRegHalfDay
	}
	var x [][]float64
	if len(covariates) > 0 {
		x = make([][]float64, s.Len())
		for i := range x {
			x[i] = make([]float64, len(covariates))
		}
		for j, name := range covariates {
			col, err := s.Covariate(name)
			if err != nil {
				return nil, err
			}
			for i, v := range col {
				x[i][j] = v
			}
		}
	}
	var out []*SurvReg
	for _, d := range []Dist{Weibull, LogNormal, LogLogistic} {
		fit, err := SurvRegFit(times, s.Events, x, covariates, d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d, err)
		}
		out = append(out, fit)
	}
	return out, nil
}

// SurvRegTable lays out parametric fits: one row per distribution and
// term, with the coefficient on the log-time scale, its time ratio
// exp(coef), standard error and Wald p, and the fit's scale,
// log-likelihood and AIC; the note names the lowest AIC.
func SurvRegTable(fits []*SurvReg) *Table {
	t := &Table{
		Name:    "fit",
		Title:   "Parametric survival models (accelerated failure time, R survreg)",
		Columns: []string{"dist", "term", "coef", "time_ratio", "se", "p", "scale", "loglik", "aic"},
		Numeric: []bool{false, false, true, true, true, true, true, true, true},
		Notes: []string{
			fmt.Sprintf("log T = coef·x + scale·W; time_ratio = exp(coef): above 1, deals with more of the covariate lasted longer (for the intercept, exp(coef) is in days: the median for log-normal and log-logistic, the 63rd percentile for Weibull). Half a day (%g) is added to every duration (survreg needs times above 0).", SurvRegHalfDay),
			"AIC = −2·loglik + 2·(coefficients + 1): lower fits better; a difference under 2 is no real difference.",
		},
	}
	best := -1
	for i, f := range fits {
		if best < 0 || f.AIC < fits[best].AIC {
			best = i
		}
		for _, term := range f.Terms {
			t.add(txt(f.Dist.String()), txt(term.Term), num(term.Coef, 3), num(math.Exp(term.Coef), 3), num(term.SE, 3), pval(term.P),
				num(f.Scale, 3), num(f.LogLik, 2), num(f.AIC, 2))
		}
	}
	if best >= 0 {
		var others []string
		for i, f := range fits {
			if i != best {
				others = append(others, fmt.Sprintf("%s %s", f.Dist, fmtNum(f.AIC-fits[best].AIC, 2)))
			}
		}
		t.Notes = append(t.Notes, fmt.Sprintf("Lowest AIC: %s (%s, %s); the others are higher by %s.",
			fits[best].Dist, Plural(fits[best].N, "deal", "deals"), Plural(fits[best].Events, "breakdown", "breakdowns"), strings.Join(others, ", ")))
	}
	return t
}
