package analysis

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rankReadInput reads testdata/r/rank_input_<name>.csv (x,y), written by
// testdata/r/cox_reference.R.
func rankReadInput(t *testing.T, name string) (x, y []float64) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "r", "rank_input_"+name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		x = append(x, rNumber(t, rec[0]))
		y = append(y, rNumber(t, rec[1]))
	}
	return x, y
}

// Reference: R 4.2.2 cor(x, y, method = "spearman" / "kendall") in
// testdata/r/rank_expected.csv.
func TestRankCorrelationsMatchR(t *testing.T) {
	rows := readRCSV(t, "rank_expected.csv")
	if len(rows) < 5 {
		t.Fatalf("rank_expected.csv has %d rows", len(rows))
	}
	maxDev := 0.0
	for _, r := range rows {
		t.Run(r["name"], func(t *testing.T) {
			x, y := rankReadInput(t, r["name"])
			for _, c := range []struct {
				method string
				f      func(x, y []float64) (float64, error)
				want   string
			}{
				{"spearman", Spearman, r["spearman"]},
				{"kendall", KendallTauB, r["kendall"]},
			} {
				got, err := c.f(x, y)
				if err != nil {
					t.Fatalf("%s: %v", c.method, err)
				}
				want := rNumber(t, c.want)
				maxDev = math.Max(maxDev, math.Abs(got-want))
				if math.Abs(got-want) > 1e-6 {
					t.Errorf("%s = %.15g; R %.15g", c.method, got, want)
				}
			}
		})
	}
	t.Logf("max absolute deviation from R: %.3g", maxDev)
}

// kendallBrute is the O(n²) definition of tau-b.
func kendallBrute(x, y []float64) float64 {
	var s, tx, ty float64
	for i := range x {
		for j := 0; j < i; j++ {
			sx := sign(x[i] - x[j])
			sy := sign(y[i] - y[j])
			s += sx * sy
			tx += sx * sx
			ty += sy * sy
		}
	}
	return s / math.Sqrt(tx*ty)
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// Knight's algorithm against the definition, on heavily tied data, and
// independence of row order (gonum's stat.Kendall fails this with ties).
func TestKendallTauBBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 2 + rng.IntN(60)
		levels := 1 + rng.IntN(6)
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = float64(rng.IntN(levels + 1))
			y[i] = float64(rng.IntN(levels+1)) + 0.5*x[i]
		}
		want := kendallBrute(x, y)
		got, err := KendallTauB(x, y)
		if math.IsNaN(want) {
			if err == nil {
				t.Errorf("x=%v y=%v: no error for constant input", x, y)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("n=%d: tau-b %.15g; brute force %.15g", n, got, want)
		}
		rng.Shuffle(n, func(i, j int) { x[i], x[j] = x[j], x[i]; y[i], y[j] = y[j], y[i] })
		again, _ := KendallTauB(x, y)
		if math.Abs(again-got) > 1e-12 {
			t.Errorf("n=%d: tau-b %.15g after shuffling rows; was %.15g", n, again, got)
		}
	}
}

func TestRankCorrelationErrors(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name string
		x, y []float64
		want string
	}{
		{"lengths", []float64{1, 2, 3}, []float64{1, 2}, "equal lengths"},
		{"one pair", []float64{1}, []float64{1}, "want at least 2"},
		{"NaN x", []float64{1, nan}, []float64{1, 2}, "x[1] is NaN"},
		{"Inf y", []float64{1, 2}, []float64{math.Inf(1), 2}, "y[0] is +Inf"},
		{"constant x", []float64{3, 3, 3}, []float64{1, 2, 3}, "x is constant"},
		{"constant y", []float64{1, 2, 3}, []float64{0, 0, 0}, "y is constant"},
	} {
		for _, f := range []struct {
			name string
			fn   func(x, y []float64) (float64, error)
		}{{"Spearman", Spearman}, {"KendallTauB", KendallTauB}} {
			_, err := f.fn(c.x, c.y)
			if err == nil || !strings.HasPrefix(err.Error(), "analysis: "+f.name+": ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s %s: error %v; want %q", f.name, c.name, err, c.want)
			}
		}
	}
}

func TestSpearmanPerfect(t *testing.T) {
	x := []float64{1, 2, 2, 3, 10}
	y := []float64{-5, 0, 0, 7, 8} // same mid-ranks
	if r, _ := Spearman(x, y); math.Abs(r-1) > 1e-15 {
		t.Errorf("rho = %v; want 1", r)
	}
	if r, _ := KendallTauB(x, y); math.Abs(r-1) > 1e-15 {
		t.Errorf("tau-b = %v; want 1", r)
	}
}

// TestFastRankStatistics checks the permutation shortcuts against the
// reference implementations (themselves checked against R) on tied data.
func TestFastRankStatistics(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 50 {
		n := 4 + r.IntN(60)
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = float64(r.IntN(6)), float64(r.IntN(40))
		}
		rho, err1 := Spearman(x, y)
		fast, _ := pearson(midRanks(x), midRanks(y))
		tau, err2 := KendallTauB(x, y)
		pairs, _ := kendallTauBPairs(x, y)
		if err1 != nil || err2 != nil {
			continue // e.g. a constant vector
		}
		if math.Abs(rho-fast) > 1e-12 || math.Abs(tau-pairs) > 1e-12 {
			t.Errorf("trial %d: rho %v vs %v, tau %v vs %v", trial, rho, fast, tau, pairs)
		}
	}
}
