package analysis

import (
	"fmt"
	"slices"

	"github.com/truce-lab/truce/dataset"
)

// EndingScenario is the data under one reading of the deals whose end is
// unknown: ids, durations in days and cause codes as Endings returns them
// (1 breakdown, 2 expired, 3 superseded, 0 censored).
type EndingScenario struct {
	Name   string
	IDs    []string
	Times  []float64
	Causes []int
}

// unknownEndDays are the delays after last_seen at which the unknown-end
// scenarios censor those deals.
var unknownEndDays = []int{30, 180, 365}

// UnknownEndScenarios bounds what the deals whose end is unknown
// (end_type unknown, censored at last_seen by the codebook's rule) can do
// to the results, as the codebook asks results to be shown with and
// without them. The scenarios, in order:
//
//   - "without unknown ends": those deals left out;
//   - "unknown ends broke down at last_seen": each a breakdown at its
//     last_seen date, the most pessimistic reading;
//   - "unknown ends censored N days after last_seen" for N in
//     UnknownEndDays(): each still in force N days after it was last
//     reported, censored then (but not after asOf).
//
// The other deals are as Endings gives them.
func UnknownEndScenarios(deals []dataset.Deal, asOf dataset.Date) []EndingScenario {
	ids, times, causes := Endings(deals, asOf)
	unknown := make(map[string]bool)
	untilAsOf := make(map[string]float64)
	for i := range deals {
		d := deals[i]
		if d.EndType != dataset.EndTypeUnknown {
			continue
		}
		unknown[d.ID] = true
		d.EndType = dataset.EndTypeOngoing
		if dur, ok := d.Duration(asOf); ok {
			untilAsOf[d.ID] = float64(dur.Days)
		}
	}
	// build copies the data, changing each unknown-end deal with f (keep
	// false drops it).
	build := func(name string, f func(id string, t float64) (float64, int, bool)) EndingScenario {
		sc := EndingScenario{Name: name}
		for i, id := range ids {
			t, c, keep := times[i], causes[i], true
			if unknown[id] {
				t, c, keep = f(id, t)
			}
			if keep {
				sc.IDs, sc.Times, sc.Causes = append(sc.IDs, id), append(sc.Times, t), append(sc.Causes, c)
			}
		}
		return sc
	}
	out := []EndingScenario{
		build("without unknown ends", func(string, float64) (float64, int, bool) { return 0, 0, false }),
		build("unknown ends broke down at last_seen", func(_ string, t float64) (float64, int, bool) { return t, 1, true }),
	}
	for _, n := range UnknownEndDays() {
		out = append(out, build(fmt.Sprintf("unknown ends censored %d days after last_seen", n), func(id string, t float64) (float64, int, bool) {
			return min(t+float64(n), untilAsOf[id]), 0, true
		}))
	}
	return out
}

// UnknownEndDays returns the delays after last_seen at which the
// unknown-end scenarios censor those deals.
func UnknownEndDays() []int { return slices.Clone(unknownEndDays) }
