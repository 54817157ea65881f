package analysis

import (
	"math/rand/v2"
	"testing"
)

// TestKendallTauBFixedXMatches checks the permutation form of Kendall's
// tau-b against KendallTauB, bit for bit, on tied and untied data and on
// many permutations of y, and that it reports a constant y.
func TestKendallTauBFixedXMatches(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	tests := []struct {
		name   string
		x, y   []float64
		levels int // distinct x values; 0: continuous
	}{
		{name: "few x levels, tied y", levels: 5},
		{name: "continuous x", levels: 0},
		{name: "two x levels", levels: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 300
			x, y := make([]float64, n), make([]float64, n)
			for i := range x {
				if tt.levels > 0 {
					x[i] = float64(r.IntN(tt.levels))
				} else {
					x[i] = r.NormFloat64()
				}
				y[i] = float64(r.IntN(40))
			}
			tau := kendallTauBFixedX(x)
			for range 50 {
				r.Shuffle(n, func(i, j int) { y[i], y[j] = y[j], y[i] })
				want, err := KendallTauB(x, append([]float64(nil), y...))
				if err != nil {
					t.Fatal(err)
				}
				got, err := tau(x, append([]float64(nil), y...))
				if err != nil || got != want {
					t.Fatalf("tau = %v, %v; want %v", got, err, want)
				}
			}
		})
	}
	x := []float64{1, 2, 3, 4}
	if _, err := kendallTauBFixedX(x)(x, []float64{5, 5, 5, 5}); err == nil {
		t.Error("constant y: no error")
	}
}
