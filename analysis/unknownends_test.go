package analysis

import (
	"slices"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// TestUnknownEndScenariosOnEmbeddedDeals pins the Kaplan–Meier medians that
// issue 9 reports, recomputed in R by its author: all unknown ends as
// breakdowns at last_seen, 27 days; censored 30 days later, 313; 180 days
// later, 498; and, from R's survfit on the scenario data written out of
// this function, 213 without them and 508 censored a year later. It also
// checks what each scenario does to the deals (18 of the 35 embedded
// agreements and ceasefires have an unknown end).
func TestUnknownEndScenariosOnEmbeddedDeals(t *testing.T) {
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	var deals []dataset.Deal
	nUnknown := 0
	for _, d := range data.Deals {
		if slices.Contains(analysedKinds, d.Kind) {
			deals = append(deals, d)
			if d.EndType == dataset.EndUnknown {
				nUnknown++
			}
		}
	}
	_, baseTimes, _ := Endings(deals, dataset.AsOf)
	scs := UnknownEndScenarios(deals, dataset.AsOf)
	tests := []struct {
		name     string
		n        int
		median   float64
		breakdns int
	}{
		{"without unknown ends", len(baseTimes) - nUnknown, 213, 14},
		{"unknown ends broke down at last_seen", len(baseTimes), 27, 14 + nUnknown},
		{"unknown ends censored 30 days after last_seen", len(baseTimes), 313, 14},
		{"unknown ends censored 180 days after last_seen", len(baseTimes), 498, 14},
		{"unknown ends censored 365 days after last_seen", len(baseTimes), 508, 14},
	}
	if len(scs) != len(tests) {
		t.Fatalf("%d scenarios; want %d", len(scs), len(tests))
	}
	for i, tc := range tests {
		sc := scs[i]
		if sc.Name != tc.name || len(sc.Times) != tc.n || len(sc.IDs) != tc.n || len(sc.Causes) != tc.n {
			t.Fatalf("scenario %d: %q with %d deals; want %q with %d", i, sc.Name, len(sc.Times), tc.name, tc.n)
		}
		events := make([]bool, len(sc.Causes))
		b := 0
		for j, c := range sc.Causes {
			events[j] = c == 1
			if events[j] {
				b++
			}
		}
		if b != tc.breakdns {
			t.Errorf("%s: %d breakdowns; want %d", tc.name, b, tc.breakdns)
		}
		km, err := KaplanMeier(sc.Times, events)
		if err != nil {
			t.Fatal(err)
		}
		if m := km.Median(); m.Estimate != tc.median {
			t.Errorf("%s: median %v; issue 9 (R) says %v", tc.name, m.Estimate, tc.median)
		}
	}
	if nUnknown != 18 || len(baseTimes) != 35 {
		t.Errorf("%d of %d deals with an unknown end; want 18 of 35 (dataset %s)", nUnknown, len(baseTimes), dataset.Version)
	}
}
