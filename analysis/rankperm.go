package analysis

import (
	"math"
)

// Fast statistics for permutation tests of rank correlation. Permuting y
// permutes its ranks, so Spearman's rho under permutation is Pearson's r of
// the fixed mid-ranks, which needs no sorting; and Kendall's tau-b of a few
// dozen pairs is cheapest counted pair by pair without allocating.

// pearson returns Pearson's correlation of x and y without allocating; NaN
// when either has no spread.
func pearson(x, y []float64) (float64, error) {
	n := float64(len(x))
	var sx, sy float64
	for i := range x {
		sx += x[i]
		sy += y[i]
	}
	mx, my := sx/n, sy/n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy), nil
}

// kendallTauBPairs is Kendall's tau-b counted over all pairs, O(n²) and
// allocation-free: for the few dozen deals of a permutation test it beats
// the O(n log n) KendallTauB, whose value it equals.
func kendallTauBPairs(x, y []float64) (float64, error) {
	var conc, disc, tx, ty float64 // concordant, discordant, pairs tied only in x, only in y
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			dx, dy := x[i]-x[j], y[i]-y[j]
			switch {
			case dx == 0 && dy == 0:
			case dx == 0:
				tx++
			case dy == 0:
				ty++
			case (dx > 0) == (dy > 0):
				conc++
			default:
				disc++
			}
		}
	}
	return (conc - disc) / math.Sqrt((conc+disc+tx)*(conc+disc+ty)), nil
}

// smallN is the largest sample for which kendallTauBPairs is used.
const smallN = 200
