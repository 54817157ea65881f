package analysis

import (
	"math"
	"strconv"
	"testing"
)

// TestSpearmanTApproxMatchesR checks the large-sample Spearman p-value
// against R's cor.test(method = "spearman", exact = FALSE)
// (testdata/r/rank_asymptotic_reference.R), and that rankCorrelation uses
// it above MaxRankPermN pairs.
func TestSpearmanTApproxMatchesR(t *testing.T) {
	for _, r := range readRCSV(t, "rank_asymptotic.csv") {
		n, _ := strconv.Atoi(r["n"])
		k, _ := strconv.Atoi(r["k"])
		wantRho, _ := strconv.ParseFloat(r["rho"], 64)
		wantP, _ := strconv.ParseFloat(r["p"], 64)
		x, y := make([]float64, n), make([]float64, n)
		for i := 1; i <= n; i++ {
			x[i-1] = float64(i % 7)
			y[i-1] = float64((37*i)%101 + k*(i%7))
		}
		rc, err := rankCorrelation(x, y, true)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(rc.Spearman-wantRho) > 1e-12 {
			t.Errorf("n=%d k=%d: rho %v, R %v", n, k, rc.Spearman, wantRho)
		}
		if !rc.SpearmanPerm.Approx || math.Abs(rc.SpearmanPerm.P-wantP) > 1e-9*math.Max(wantP, 1e-300)+1e-15 {
			t.Errorf("n=%d k=%d: p %v (approx %v), R %v", n, k, rc.SpearmanPerm.P, rc.SpearmanPerm.Approx, wantP)
		}
		if !math.IsNaN(rc.KendallPerm.P) {
			t.Errorf("n=%d: Kendall permutation p %v computed above MaxRankPermN", n, rc.KendallPerm.P)
		}
	}
	if p := SpearmanTApprox(0.5, 2); !math.IsNaN(p) {
		t.Errorf("n=2: p %v, want NaN", p)
	}
}
