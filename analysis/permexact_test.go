package analysis

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestFormatPermP(t *testing.T) {
	tests := []struct {
		name string
		r    PermResult
		want string
	}{
		{"exact", PermResult{P: 0.0126, Exact: true, Rounds: 6545}, "0.013"},
		{"exact small", PermResult{P: 0.0004, Exact: true, Rounds: 6545}, "<0.001"},
		{"10,000 draws", PermResult{P: 0.6812, Rounds: 10000}, "0.68"},             // SE 0.0047
		{"22 draws", PermResult{P: 0.9091, Rounds: 22}, "0.9"},                     // SE 0.061
		{"5 draws", PermResult{P: 0.4, Rounds: 5}, "0.4"},                          // SE 0.22: still one decimal
		{"small p, many draws", PermResult{P: 0.00123, Rounds: 1000000}, "0.0012"}, // SE 3.5e-5, two figures
		{"small p, few draws", PermResult{P: 0.003, Rounds: 1000}, "<0.01"},        // SE 0.0017
		{"NaN", PermResult{P: math.NaN()}, "NA"},
	}
	for _, tc := range tests {
		if got := FormatPermP(tc.r); got != tc.want {
			t.Errorf("%s: FormatPermP = %q; want %q (SE %.2g)", tc.name, got, tc.want, tc.r.MonteCarloSE())
		}
	}
}

// TestExactFirstEnumeratesUpToTenMillion: 7 of 35 (6,724,520 arrangements)
// is enumerated; 8 of 35 (23,535,820) is drawn, with every round and a
// standard error.
func TestExactFirstEnumeratesUpToTenMillion(t *testing.T) {
	e := loadEmbeddedDeals(t)
	scores := logRankScores(e.times, e.breakdowns())
	labels := func(k int) []bool {
		l := make([]bool, len(scores))
		for i := range k {
			l[i*4%len(l)] = true
		}
		return l
	}
	tests := []struct {
		k      int
		exact  bool
		rounds int
	}{
		{3, true, 6545},
		{7, true, 6724520},
		{8, false, 10000},
	}
	for _, tc := range tests {
		r, err := PermutationSum(scores, labels(tc.k), ExactFirst(10000, PermSeed))
		if err != nil {
			t.Fatal(err)
		}
		if r.Exact != tc.exact || r.Rounds != tc.rounds {
			t.Errorf("%d of %d: exact %v after %d; want %v after %d", tc.k, len(scores), r.Exact, r.Rounds, tc.exact, tc.rounds)
		}
		se := r.MonteCarloSE()
		if tc.exact != (se == 0) || (!tc.exact && !(se > 0 && se < 0.005)) {
			t.Errorf("%d of %d: Monte Carlo SE %v", tc.k, len(scores), se)
		}
		if want := map[bool]string{true: "exact over", false: "Monte Carlo, 10000 draws"}[tc.exact]; !strings.HasPrefix(r.Method(), want) {
			t.Errorf("%d of %d: Method %q; want it to start %q", tc.k, len(scores), r.Method(), want)
		}
	}
}

// logRankScores returns a_i = δ_i − Λ(t_i), where Λ is the Nelson–Aalen
// cumulative hazard including the events at t_i. The sum of the scores of
// a group is its O − E in the log-rank test.
func logRankScores(times []float64, events []bool) []float64 {
	n := len(times)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case times[a] < times[b]:
			return -1
		case times[a] > times[b]:
			return 1
		}
		return 0
	})
	scores := make([]float64, n)
	cum := 0.0
	for i := 0; i < n; {
		j, d := i, 0
		for j < n && times[idx[j]] == times[idx[i]] {
			if events[idx[j]] {
				d++
			}
			j++
		}
		cum += float64(d) / float64(n-i)
		for k := i; k < j; k++ {
			scores[idx[k]] = -cum
			if events[idx[k]] {
				scores[idx[k]]++
			}
		}
		i = j
	}
	return scores
}
