package analysis

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
)

// ExactPermLimit is the number of arrangements up to which ExactFirst
// enumerates a permutation distribution exactly (10 million: every
// two-group split of 35 deals with up to 7 in the smaller group, well
// under a second with PermutationSum).
const ExactPermLimit = 10_000_000

// ExactFirst returns permutation options that enumerate every arrangement
// when there are at most ExactPermLimit, and otherwise draw exactly rounds
// seeded random arrangements, with no sequential early stop, so that the
// Monte Carlo error is known in advance and small (10,000 draws give a
// standard error below 0.005).
func ExactFirst(rounds int, seed uint64) PermOptions {
	return PermOptions{ExactLimit: ExactPermLimit, Rounds: rounds, Seed: seed}
}

// MonteCarloSE returns the Monte Carlo standard error of r.P: 0 when the
// distribution was enumerated exactly, and otherwise the binomial
// sqrt(P(1 − P)/Rounds) (for a sequentially stopped test, Rounds draws and
// P = Stop/Rounds, an approximation).
func (r PermResult) MonteCarloSE() float64 {
	if r.Exact || r.Rounds <= 0 {
		return 0
	}
	return math.Sqrt(r.P * (1 - r.P) / float64(r.Rounds))
}

// Method says how r.P was computed, for notes and warnings: "exact over N
// arrangements", "Monte Carlo, N draws, standard error S" or, for a
// large-sample approximation, its name ("t approximation", "normal
// approximation").
func (r PermResult) Method() string {
	if r.Approx {
		return cmp.Or(r.approx, "large-sample approximation")
	}
	if r.Exact {
		return fmt.Sprintf("exact over %d arrangements", r.Rounds)
	}
	return fmt.Sprintf("Monte Carlo, %d draws, standard error %.2g", r.Rounds, r.MonteCarloSE())
}

// pName names the p-value in a sentence: "permutation p", or "p" where
// it is a large-sample approximation.
func (r PermResult) pName() string {
	if r.Approx {
		return "p"
	}
	return "permutation p"
}

// FormatPermP formats a permutation p-value for people with no more
// figures than it supports: an exact p as fmtP does (two significant
// figures, "<0.001" below that); a Monte Carlo p rounded to the decimal
// place of its standard error, ⌊−log₁₀ SE⌋ places (at least one, at most
// two significant figures), so that 0.68 from 10,000 draws (SE 0.0047)
// prints "0.68" and 0.91 from 22 draws (SE 0.06) prints "0.9". A Monte
// Carlo p that rounds to 0 prints as "<" the last place, e.g. "<0.01".
func FormatPermP(r PermResult) string {
	if math.IsNaN(r.P) {
		return "NA"
	}
	if r.Exact || r.Approx {
		return FormatP(r.P)
	}
	se := r.MonteCarloSE()
	d := 1
	if se > 0 {
		d = max(1, int(math.Floor(-math.Log10(se))))
	}
	if r.P > 0 {
		// At most two significant figures.
		d = min(d, max(1, 1-int(math.Floor(math.Log10(r.P)))))
	}
	s := strconv.FormatFloat(r.P, 'f', d, 64)
	if v, _ := strconv.ParseFloat(s, 64); v == 0 {
		return "<" + strconv.FormatFloat(math.Pow(10, -float64(d)), 'f', d, 64)
	}
	return s
}
