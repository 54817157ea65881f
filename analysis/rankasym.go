package analysis

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// MaxRankPermN is the largest number of pairs for which the rank
// correlations get permutation p-values. Beyond it a permutation test
// costs more than it tells (10,000 draws of an O(n log n) statistic), and,
// as in R's cor.test, Spearman's p comes from the t approximation
// (SpearmanTApprox) and Kendall's is not computed.
const MaxRankPermN = 1000

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
