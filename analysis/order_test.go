package analysis

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTimeOrder checks the radix sort against a comparison sort of the
// indices by (stratum, time, index), on both sides of radixMin, with many
// ties, negative times, −0, infinities and denormals.
func TestTimeOrder(t *testing.T) {
	special := []float64{0, math.Copysign(0, -1), -1, 1, math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64, -math.MaxFloat64, 1e300, 0.5}
	for _, tc := range []struct {
		name   string
		n      int
		strata int // number of strata, 0 for none
	}{
		{"empty", 0, 0},
		{"one", 1, 0},
		{"small", 100, 0},
		{"small strata", 100, 3},
		{"below radixMin", radixMin - 1, 0},
		{"at radixMin", radixMin, 0},
		{"large", 3 * radixMin, 0},
		{"large strata", 3 * radixMin, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tc.n), 7))
			times := make([]float64, tc.n)
			var strata []int
			if tc.strata > 0 {
				strata = make([]int, tc.n)
			}
			for i := range times {
				switch rng.IntN(4) {
				case 0:
					times[i] = special[rng.IntN(len(special))]
				case 1:
					times[i] = rng.NormFloat64() * 1e3
				default:
					times[i] = float64(rng.IntN(500)) // ties
				}
				if strata != nil {
					strata[i] = rng.IntN(tc.strata)
				}
			}
			want := make([]int, tc.n)
			for i := range want {
				want[i] = i
			}
			slices.SortFunc(want, func(a, b int) int {
				if strata != nil {
					if c := cmp.Compare(strata[a], strata[b]); c != 0 {
						return c
					}
				}
				return cmp.Or(cmp.Compare(times[a], times[b]), cmp.Compare(a, b))
			})
			got := timeOrder(times, strata)
			for r := range want {
				if got[r] != want[r] {
					t.Fatalf("rank %d: got index %d (time %v), want %d (time %v)", r, got[r], times[got[r]], want[r], times[want[r]])
				}
			}
		})
	}
}

// BenchmarkTimeOrder compares, at radixMin and at 100,000 times, the radix
// sort with the comparison sort of the same keys timeOrder uses below
// radixMin, and at 100,000 with the sort of the indices by time that Cox
// used before.
func BenchmarkTimeOrder(b *testing.B) {
	for _, n := range []int{radixMin, 100000} {
		times, _, _ := benchCoxData(n)
		keys := func() ([]uint64, []int) {
			k, order := make([]uint64, n), make([]int, n)
			for i, t := range times {
				k[i], order[i] = sortableBits(t), i
			}
			return k, order
		}
		b.Run(fmt.Sprintf("radix/%d", n), func(b *testing.B) {
			for b.Loop() {
				k, order := keys()
				radixSort(k, make([]uint64, n), order, make([]int, n))
			}
		})
		b.Run(fmt.Sprintf("keys/%d", n), func(b *testing.B) {
			for b.Loop() {
				k, order := keys()
				slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(k[a], k[b]) })
			}
		})
	}
	times, _, _ := benchCoxData(100000)
	b.Run("indices/100000", func(b *testing.B) {
		for b.Loop() {
			order := make([]int, len(times))
			for i := range order {
				order[i] = i
			}
			slices.SortFunc(order, func(a, b int) int { return cmp.Or(cmp.Compare(times[a], times[b]), cmp.Compare(a, b)) })
		}
	})
}
