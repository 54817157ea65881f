package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

// benchSurvivalData returns n seeded observations: exponential event times
// (mean 400, 600 or 900 days by group), censored at a uniform time in
// [0, 2000) days, and three group labels.
func benchSurvivalData(n int) ([]float64, []bool, []string) {
	r := rand.New(rand.NewPCG(20261101, 1))
	labels := []string{"ceasefire", "framework", "comprehensive"}
	means := []float64{400, 600, 900}
	times, events, groups := make([]float64, n), make([]bool, n), make([]string, n)
	for i := range n {
		g := r.IntN(len(labels))
		ev := r.ExpFloat64() * means[g]
		cen := r.Float64() * 2000
		times[i], events[i], groups[i] = math.Min(ev, cen), ev <= cen, labels[g]
	}
	return times, events, groups
}

func BenchmarkKaplanMeier(b *testing.B) {
	times, events, _ := benchSurvivalData(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := KaplanMeier(times, events); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLogRank(b *testing.B) {
	times, events, groups := benchSurvivalData(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LogRank(times, events, groups); err != nil {
			b.Fatal(err)
		}
	}
}
