package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Spearman returns Spearman's rank correlation ρ: Pearson's correlation of
// the mid-ranks of x and of y (tied values share the mean of the ranks they
// occupy), as R's cor(x, y, method = "spearman"). O(n log n).
//
//	ρ = Σ (rxᵢ − r̄)(ryᵢ − r̄) / sqrt(Σ (rxᵢ − r̄)² · Σ (ryᵢ − r̄)²)
//
// Errors: lengths differ, fewer than 2 pairs, NaN or infinite values, or a
// constant x or y (ρ undefined; R returns NA with a warning).
func Spearman(x, y []float64) (float64, error) {
	if err := checkPairs("Spearman", x, y); err != nil {
		return 0, err
	}
	rx, ry := midRanks(x), midRanks(y)
	if isConstant(rx) {
		return 0, fmt.Errorf("analysis: Spearman: x is constant; the correlation is undefined")
	}
	if isConstant(ry) {
		return 0, fmt.Errorf("analysis: Spearman: y is constant; the correlation is undefined")
	}
	return pearson(rx, ry)
}

func isConstant(v []float64) bool {
	for _, x := range v[1:] {
		if x != v[0] {
			return false
		}
	}
	return true
}

// KendallTauB returns Kendall's τ_b (Kendall 1945), the rank correlation
// corrected for ties that R's cor(x, y, method = "kendall") computes:
//
//	τ_b = (C − D) / sqrt((n₀ − n₁)(n₀ − n₂))
//
// with C and D the concordant and discordant pairs, n₀ = n(n−1)/2, n₁ the
// pairs tied in x and n₂ the pairs tied in y. It uses Knight's (1966)
// O(n log n) algorithm: sort by (x, y), count the tied pairs, then count D
// as the swaps of a merge sort of y; C − D = n₀ − n₁ − n₂ + n₃ − 2D, with n₃
// the pairs tied in both. Counts are exact integers. (gonum's stat.Kendall is
// not tau-b and depends on row order when there are ties.)
//
// Errors: lengths differ, fewer than 2 pairs, NaN or infinite values, or a
// constant x or y (τ_b undefined).
//
// References: M. G. Kendall (1945), The treatment of ties in ranking
// problems, Biometrika 33, 239–251. W. R. Knight (1966), A computer method
// for calculating Kendall's tau with ungrouped data, JASA 61, 436–439.
func KendallTauB(x, y []float64) (float64, error) {
	if err := checkPairs("KendallTauB", x, y); err != nil {
		return 0, err
	}
	n := len(x)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(x[a], x[b]); c != 0 {
			return c
		}
		return cmp.Compare(y[a], y[b])
	})
	ys := make([]float64, n)
	for r, i := range idx {
		ys[r] = y[i]
	}
	// Pairs tied in x (n1) and in both x and y (n3): ys is sorted within
	// each run of tied x.
	var n1, n3 int64
	for i := 0; i < n; {
		j := i + 1
		for j < n && x[idx[j]] == x[idx[i]] {
			j++
		}
		n1 += tiedPairs(j - i)
		n3 += sortedTies(ys[i:j])
		i = j
	}
	return tauB(ys, n1, n3)
}

// tauB finishes Knight's count for KendallTauB: ys holds y in the order of
// x, sorted within each run of tied x; n1 counts the pairs tied in x and n3
// those tied in both. It sorts ys in place, counting the swaps (discordant
// pairs) and then the pairs tied in y.
func tauB(ys []float64, n1, n3 int64) (float64, error) {
	d := mergeCountSwaps(ys)
	n2 := sortedTies(ys) // ys is now sorted: pairs tied in y
	n0 := tiedPairs(len(ys))
	if n1 == n0 {
		return 0, fmt.Errorf("analysis: KendallTauB: x is constant; the correlation is undefined")
	}
	if n2 == n0 {
		return 0, fmt.Errorf("analysis: KendallTauB: y is constant; the correlation is undefined")
	}
	s := n0 - n1 - n2 + n3 - 2*d
	return float64(s) / math.Sqrt(float64(n0-n1)*float64(n0-n2)), nil
}

// sortedTies is the number of pairs of equal values in v, which is sorted.
func sortedTies(v []float64) int64 {
	var t int64
	for i := 0; i < len(v); {
		j := i + 1
		for j < len(v) && v[j] == v[i] {
			j++
		}
		t += tiedPairs(j - i)
		i = j
	}
	return t
}

func tiedPairs(m int) int64 { return int64(m) * int64(m-1) / 2 }

// mergeCountSwaps sorts v in place (bottom-up merge sort) and returns the
// number of pairs i < j with v[i] > v[j] (ties are not inversions).
func mergeCountSwaps(v []float64) int64 {
	n := len(v)
	buf := make([]float64, n)
	var swaps int64
	src, dst := v, buf
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid := min(lo+width, n)
			hi := min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if src[j] < src[i] {
					dst[k] = src[j]
					swaps += int64(mid - i)
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
	return swaps
}

// midRanks returns the ranks 1..n of v, ties getting the mean of their ranks.
func midRanks(v []float64) []float64 {
	n := len(v)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(v[a], v[b]) })
	r := make([]float64, n)
	for i := 0; i < n; {
		j := i + 1
		for j < n && v[idx[j]] == v[idx[i]] {
			j++
		}
		mid := float64(i+j+1) / 2 // mean of ranks i+1 … j
		for k := i; k < j; k++ {
			r[idx[k]] = mid
		}
		i = j
	}
	return r
}

func checkPairs(fn string, x, y []float64) error {
	if len(x) != len(y) {
		return fmt.Errorf("analysis: %s: x has %d values and y has %d; want equal lengths", fn, len(x), len(y))
	}
	if len(x) < 2 {
		return fmt.Errorf("analysis: %s: %d pairs; want at least 2", fn, len(x))
	}
	for i := range x {
		if math.IsNaN(x[i]) || math.IsInf(x[i], 0) {
			return fmt.Errorf("analysis: %s: x[%d] is %v; want a finite number", fn, i, x[i])
		}
		if math.IsNaN(y[i]) || math.IsInf(y[i], 0) {
			return fmt.Errorf("analysis: %s: y[%d] is %v; want a finite number", fn, i, y[i])
		}
	}
	return nil
}
