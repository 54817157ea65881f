package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// PermutationSum tests a linear two-group statistic, the sum of the
// scores of the deals whose label is true, by permuting the labels with
// their number fixed; the p-value is two-sided about the statistic's
// permutation mean k·mean(scores): the share of arrangements with
// |S − E S| ≥ |S_obs − E S|.
//
// It gives the same answer as PermutationGroups with that statistic, faster:
// exact enumeration walks the k-subsets depth first carrying the running
// sum, O(1) per arrangement rather than O(n), and Monte Carlo sums k drawn
// scores. With log-rank scores it is the permutation log-rank test
// (AnalyzeConcessions).
func PermutationSum(scores []float64, labels []bool, opts PermOptions) (PermResult, error) {
	n := len(scores)
	if len(labels) != n {
		return PermResult{}, fmt.Errorf("analysis: PermutationSum: %d scores and %d labels; want equal lengths", n, len(labels))
	}
	k, obs, total := 0, 0.0, 0.0
	for i, l := range labels {
		if math.IsNaN(scores[i]) || math.IsInf(scores[i], 0) {
			return PermResult{}, errors.New("analysis: PermutationSum: scores must be finite")
		}
		total += scores[i]
		if l {
			k++
			obs += scores[i]
		}
	}
	if k == 0 || k == n {
		return PermResult{}, fmt.Errorf("analysis: PermutationSum: %d of %d labels are true; want two non-empty groups", k, n)
	}
	limit, rounds, err := opts.resolve()
	if err != nil {
		return PermResult{}, err
	}
	mean := float64(k) * total / float64(n)
	thr := math.Abs(obs-mean) * (1 - permRelTol)
	res := PermResult{Observed: obs}
	if all, ok := binomialAtMost(n, k, limit); ok {
		count := 0
		var walk func(from, left int, sum float64)
		walk = func(from, left int, sum float64) {
			if left == 0 {
				if math.Abs(sum-mean) >= thr {
					count++
				}
				return
			}
			for i := from; i <= n-left; i++ {
				walk(i+1, left-1, sum+scores[i])
			}
		}
		walk(0, k, 0)
		res.P, res.Exact, res.Rounds = float64(count)/float64(all), true, all
		res.Warnings = permExactWarnings(all)
		return res, nil
	}
	rng := rand.NewPCG(opts.Seed, pcgStream)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return monteCarlo(res, rounds, opts, func() (bool, error) {
		// A partial Fisher–Yates shuffle: the first k positions are a
		// uniform random k-subset.
		sum := 0.0
		for i := range k {
			j := i + int(permUintN(rng, uint64(n-i)))
			idx[i], idx[j] = idx[j], idx[i]
			sum += scores[idx[i]]
		}
		return math.Abs(sum-mean) >= thr, nil
	})
}
