package analysis

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// MaxRankPermN is the largest number of pairs for which the rank
// correlations get permutation p-values. Beyond it, as in R's cor.test
// with ties (and for Kendall's tau above 50 pairs in any case), the
// p-values come from the large-sample approximations: Spearman's from the
// t approximation (SpearmanTApprox), Kendall's from the normal
// approximation with the variance corrected for ties (KendallZApprox). At
// 200 pairs these are as close to the permutation p as its own Monte
// Carlo error (TestRankApproxNearPermutation), and a permutation test
// would cost 10,000 draws of an O(n log n) statistic for no better answer.
const MaxRankPermN = 200

// SpearmanTApprox is the two-sided p-value of Spearman's rho over n pairs
// by the t approximation that R's cor.test(method = "spearman",
// exact = FALSE) uses: t = ρ·√((n − 2)/(1 − ρ²)) on n − 2 degrees of
// freedom. It is NaN for n < 3 or ρ outside [−1, 1].
func SpearmanTApprox(rho float64, n int) float64 {
	if n < 3 || math.IsNaN(rho) || math.Abs(rho) > 1 {
		return math.NaN()
	}
	if math.Abs(rho) == 1 {
		return 0
	}
	t := rho * math.Sqrt(float64(n-2)/(1-rho*rho))
	return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 2)}.Survival(math.Abs(t))
}

// KendallZApprox is the two-sided p-value of Kendall's tau-b over the pairs
// (x, y) by the normal approximation that R's cor.test(method = "kendall",
// exact = FALSE) uses: z = S/√Var(S), with S = τ_b·√((n₀ − n₁)(n₀ − n₂))
// the score (concordant minus discordant pairs) and Var(S) corrected for
// the ties t of x and u of y (Kendall 1970, §4.4):
//
//	Var(S) = [n(n−1)(2n+5) − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)]/18
//	       + [Σt(t−1)][Σu(u−1)] / (2n(n−1))
//	       + [Σt(t−1)(t−2)][Σu(u−1)(u−2)] / (9n(n−1)(n−2))
//
// with no continuity correction (R's default). tau is KendallTauB(x, y).
// It is NaN for fewer than 3 pairs.
//
// Reference: M. G. Kendall (1970), Rank correlation methods, 4th ed.,
// Griffin, London; R's cor.test.default.
func KendallZApprox(x, y []float64, tau float64) float64 {
	n := float64(len(x))
	if len(x) < 3 || len(y) != len(x) || math.IsNaN(tau) {
		return math.NaN()
	}
	tx, ty := tieSums(x), tieSums(y)
	n0 := n * (n - 1) / 2
	score := tau * math.Sqrt((n0-tx.pairs)*(n0-ty.pairs))
	v := (n*(n-1)*(2*n+5)-tx.v0-ty.v0)/18 +
		(2*tx.pairs)*(2*ty.pairs)/(2*n*(n-1)) +
		tx.v2*ty.v2/(9*n*(n-1)*(n-2))
	z := score / math.Sqrt(v)
	// 2·P(Z > |z|) through erfc, accurate far into the tail (gonum's
	// UnitNormal.Survival is 0 beyond z ≈ 8.3).
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// tieCounts are sums over the groups of t equal values in a sample: the
// tied pairs Σt(t−1)/2, Σt(t−1)(2t+5) and Σt(t−1)(t−2).
type tieCounts struct{ pairs, v0, v2 float64 }

func tieSums(v []float64) tieCounts {
	s := slices.Clone(v)
	slices.Sort(s)
	var c tieCounts
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		t := float64(j - i)
		c.pairs += t * (t - 1) / 2
		c.v0 += t * (t - 1) * (2*t + 5)
		c.v2 += t * (t - 1) * (t - 2)
		i = j
	}
	return c
}
