package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

// benchCoxData generates n observations with two covariates (one binary, one
// normal), exponential event times with log hazard ratios 0.5 and −0.3,
// uniform censoring, and times rounded up to whole days (many ties).
func benchCoxData(n int) ([]float64, []bool, [][]float64) {
	rng := rand.New(rand.NewPCG(2026, 11))
	times := make([]float64, n)
	events := make([]bool, n)
	x := make([][]float64, n)
	for i := range times {
		x1 := float64(rng.IntN(2))
		x2 := rng.NormFloat64()
		tev := rng.ExpFloat64() / (0.01 * math.Exp(0.5*x1-0.3*x2))
		tcen := 50 + 400*rng.Float64()
		times[i] = math.Ceil(math.Min(tev, tcen))
		events[i] = tev <= tcen
		x[i] = []float64{x1, x2}
	}
	return times, events, x
}

func BenchmarkCoxPHEfron100k(b *testing.B) {
	times, events, x := benchCoxData(100000)
	names := []string{"x1", "x2"}
	b.ResetTimer()
	for b.Loop() {
		res, err := CoxPH(times, events, x, names, Efron)
		if err != nil || !res.Converged {
			b.Fatal(err, res.Warnings)
		}
	}
}

func BenchmarkKendallTauB100k(b *testing.B) {
	rng := rand.New(rand.NewPCG(1945, 1966))
	n := 100000
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = math.Round(rng.NormFloat64()*100) / 100 // ties
		y[i] = math.Round((x[i]+rng.NormFloat64())*100) / 100
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := KendallTauB(x, y); err != nil {
			b.Fatal(err)
		}
	}
}
