package analysis

import (
	"slices"

	"github.com/truce-lab/truce/dataset"
)

// endingNames are the competing endings of a deal, in the order of the
// cause codes Endings returns (1, 2, 3; 0 is censored).
var endingNames = []string{"breakdown", "expired", "superseded"}

// Endings returns, for every deal counted at asOf (started by then), its
// id, its duration in days (dataset.Deal.Duration's point estimate) and
// how it ended as a cause code for AalenJohansen: 1 breakdown, 2 expired,
// 3 superseded, each at its end date, and 0 (censored) for deals that are
// ongoing, whose end is unknown (censored at last_seen), or whose end falls
// after asOf.
func Endings(deals []dataset.Deal, asOf dataset.Date) (ids []string, times []float64, causes []int) {
	for i := range deals {
		d := &deals[i]
		dur, ok := d.Duration(asOf)
		if !ok {
			continue
		}
		c := 0
		if dur.Basis == "end" {
			switch d.EndType {
			case dataset.EndTypeBreakdown:
				c = 1
			case dataset.EndTypeExpired:
				c = 2
			case dataset.EndTypeSuperseded:
				c = 3
			}
		}
		ids, times, causes = append(ids, d.ID), append(times, float64(dur.Days)), append(causes, c)
	}
	return ids, times, causes
}

// EndingNames returns the competing endings of a deal, in the order of the
// cause codes Endings returns (1, 2, 3; 0 is censored).
func EndingNames() []string { return slices.Clone(endingNames) }
