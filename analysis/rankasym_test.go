package analysis

import (
	"math"
	"strconv"
	"testing"
)

// TestRankApproxMatchesR checks the large-sample p-values against R's
// cor.test(exact = FALSE) for Spearman and Kendall
// (testdata/r/rank_asymptotic_reference.R), and that rankCorrelation uses
// them above MaxRankPermN pairs.
func TestRankApproxMatchesR(t *testing.T) {
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-9*want+1e-300 }
	for _, r := range readRCSV(t, "rank_asymptotic.csv") {
		n, _ := strconv.Atoi(r["n"])
		k, _ := strconv.Atoi(r["k"])
		want := map[string]float64{}
		for _, c := range []string{"rho", "p", "tau", "p_kendall"} {
			want[c], _ = strconv.ParseFloat(r[c], 64)
		}
		x, y := rankPairs(n, 7, k)
		rc, err := rankCorrelation(x, y, true)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(rc.Spearman-want["rho"]) > 1e-12 || math.Abs(rc.Kendall-want["tau"]) > 1e-12 {
			t.Errorf("n=%d k=%d: rho %v tau %v, R %v %v", n, k, rc.Spearman, rc.Kendall, want["rho"], want["tau"])
		}
		if !rc.SpearmanPerm.Approx || !near(rc.SpearmanPerm.P, want["p"]) || rc.SpearmanPerm.Method() != "t approximation" {
			t.Errorf("n=%d k=%d: Spearman p %v (%s), R %v", n, k, rc.SpearmanPerm.P, rc.SpearmanPerm.Method(), want["p"])
		}
		if !rc.KendallPerm.Approx || !near(rc.KendallPerm.P, want["p_kendall"]) || rc.KendallPerm.Method() != "normal approximation" {
			t.Errorf("n=%d k=%d: Kendall p %v (%s), R %v", n, k, rc.KendallPerm.P, rc.KendallPerm.Method(), want["p_kendall"])
		}
	}
	if p := SpearmanTApprox(0.5, 2); !math.IsNaN(p) {
		t.Errorf("n=2: p %v, want NaN", p)
	}
}

// TestRankApproxNearPermutation backs MaxRankPermN: at that many pairs,
// with heavy ties in x as in the number of concessions, the large-sample
// p-values agree with the permutation p-values to within four Monte Carlo
// standard errors.
func TestRankApproxNearPermutation(t *testing.T) {
	n := MaxRankPermN
	for _, k := range []int{1, 3} {
		x, y := rankPairs(n, 5, k)
		rc, err := rankCorrelation(x, y, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name   string
			perm   PermResult
			approx float64
		}{
			{"Spearman", rc.SpearmanPerm, SpearmanTApprox(rc.Spearman, n)},
			{"Kendall", rc.KendallPerm, KendallZApprox(x, y, rc.Kendall)},
		} {
			if c.perm.Approx || c.perm.Exact {
				t.Fatalf("k=%d %s: want a Monte Carlo permutation p at %d pairs, got %s", k, c.name, n, c.perm.Method())
			}
			t.Logf("k=%d %s: permutation p %.4f (SE %.4f), approximation %.4f", k, c.name, c.perm.P, c.perm.MonteCarloSE(), c.approx)
			if d := math.Abs(c.perm.P - c.approx); d > 4*c.perm.MonteCarloSE()+1e-3 {
				t.Errorf("k=%d %s: permutation p %.4f (SE %.4f), approximation %.4f", k, c.name, c.perm.P, c.perm.MonteCarloSE(), c.approx)
			}
		}
	}
	if p := KendallZApprox([]float64{1, 2}, []float64{2, 1}, -1); !math.IsNaN(p) {
		t.Errorf("2 pairs: p %v, want NaN", p)
	}
}

// rankPairs is the test data of rank_asymptotic_reference.R: x_i = i mod
// m (heavy ties) and y_i = (37 i mod 101) + k·x_i, i = 1..n.
func rankPairs(n, m, k int) (x, y []float64) {
	x, y = make([]float64, n), make([]float64, n)
	for i := 1; i <= n; i++ {
		x[i-1] = float64(i % m)
		y[i-1] = float64((37*i)%101 + k*(i%m))
	}
	return x, y
}
