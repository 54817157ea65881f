package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Holm adjusts p-values for multiple comparisons with Holm's (1979)
// step-down method, which controls the family-wise error rate: with the m
// p-values sorted increasingly, p₍₁₎ ≤ … ≤ p₍ₘ₎,
//
//	p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎).
//
// The result is in the input order and equals R's
// p.adjust(p, method = "holm"). NaN values (tests not done) stay NaN and
// are not counted in m, as p.adjust does with NA. A p-value outside [0, 1]
// is an error.
//
// Reference: S. Holm (1979), A simple sequentially rejective multiple test
// procedure, Scandinavian Journal of Statistics 6(2), 65–70.
func Holm(p []float64) ([]float64, error) {
	return adjustP(p, func(sorted []float64) []float64 {
		m := float64(len(sorted))
		out := make([]float64, len(sorted))
		run := 0.0
		for i, v := range sorted {
			run = math.Max(run, (m-float64(i))*v)
			out[i] = math.Min(1, run)
		}
		return out
	})
}

// BenjaminiHochberg adjusts p-values with the step-up method of Benjamini
// & Hochberg (1995), which controls the false discovery rate: with the m
// p-values sorted increasingly,
//
//	p̃₍ᵢ₎ = min(1, min_{j ≥ i} m·p₍ⱼ₎ / j).
//
// The result is in the input order and equals R's
// p.adjust(p, method = "BH"); NaN is handled as in Holm.
//
// Reference: Y. Benjamini and Y. Hochberg (1995), Controlling the false
// discovery rate: a practical and powerful approach to multiple testing,
// JRSS B 57(1), 289–300.
func BenjaminiHochberg(p []float64) ([]float64, error) {
	return adjustP(p, func(sorted []float64) []float64 {
		m := float64(len(sorted))
		out := make([]float64, len(sorted))
		run := math.Inf(1)
		for i := len(sorted) - 1; i >= 0; i-- {
			run = math.Min(run, m*sorted[i]/float64(i+1))
			out[i] = math.Min(1, run)
		}
		return out
	})
}

// adjustP sorts the non-NaN p-values, applies adjust to them in increasing
// order and returns the adjusted values in the input order.
func adjustP(p []float64, adjust func(sorted []float64) []float64) ([]float64, error) {
	idx := make([]int, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			continue
		}
		if v < 0 || v > 1 {
			return nil, fmt.Errorf("analysis: p-value %d is %v; want a number between 0 and 1", i, v)
		}
		idx = append(idx, i)
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	sorted := make([]float64, len(idx))
	for k, i := range idx {
		sorted[k] = p[i]
	}
	adj := adjust(sorted)
	out := make([]float64, len(p))
	for i := range out {
		out[i] = math.NaN()
	}
	for k, i := range idx {
		out[i] = adj[k]
	}
	return out, nil
}
