package briefing

import (
	"math"

	"github.com/truce-lab/truce/analysis"
)

// ConcessionTest is one concession or commitment comparison with its
// p-values adjusted for the number of comparisons, and Firth's penalised
// Cox model, which stays valid where one side has no breakdown or the
// groups are censored unalike (Heinze & Schemper 2001).
type ConcessionTest struct {
	Row       analysis.ConcessionRow
	Holm, BH  float64         // log-rank p adjusted over Tested (analysis.Holm, analysis.BenjaminiHochberg)
	Firth     *analysis.Firth // nil when it could not be fitted
	FirthNote string          // why not, when Firth is nil
}

// adjustTests adjusts the log-rank p-values of the comparisons that have
// one (at least one deal on each side) and fits Firth's model to each.
func adjustTests(s *analysis.Sample, c *analysis.Concessions) ([]ConcessionTest, error) {
	var tests []ConcessionTest
	var ps []float64
	for _, r := range c.Rows {
		if math.IsNaN(r.LogRankP) {
			continue
		}
		t := ConcessionTest{Row: r}
		x, err := s.Covariate(r.Column)
		if err != nil {
			return nil, err
		}
		m := make([][]float64, len(x))
		for i, v := range x {
			m[i] = []float64{v}
		}
		if t.Firth, err = analysis.FirthCox(s.Times, s.Events, m, []string{r.Category}); err != nil {
			t.Firth, t.FirthNote = nil, err.Error()
		}
		tests = append(tests, t)
		ps = append(ps, r.LogRankP)
	}
	if len(ps) == 0 {
		return nil, nil
	}
	holm, err := analysis.Holm(ps)
	if err != nil {
		return nil, err
	}
	bh, err := analysis.BenjaminiHochberg(ps)
	if err != nil {
		return nil, err
	}
	for i := range tests {
		tests[i].Holm, tests[i].BH = holm[i], bh[i]
	}
	return tests, nil
}

// smallestAdjusted returns the test with the smallest Holm-adjusted p
// (ties: the smallest unadjusted p).
func smallestAdjusted(tests []ConcessionTest) (ConcessionTest, bool) {
	best, ok := ConcessionTest{Holm: math.Inf(1)}, false
	for _, t := range tests {
		if t.Holm < best.Holm || t.Holm == best.Holm && t.Row.LogRankP < best.Row.LogRankP {
			best, ok = t, true
		}
	}
	return best, ok
}
