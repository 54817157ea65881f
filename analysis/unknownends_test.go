package analysis

import (
	"slices"
	"strconv"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// TestUnknownEndScenariosMatchR compares the scenarios on the embedded
// deals with R, which rebuilds them independently from deals_input.csv
// (unknownends_reference.R → unknownends_expected.csv): the number of deals
// and breakdowns and the Kaplan–Meier median with its limits. On dataset
// v0.2.0 the medians run from 93 days (every unknown end a breakdown at
// last_seen) to 343.5 (censored 365 days after last_seen).
func TestUnknownEndScenariosMatchR(t *testing.T) {
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	var deals []dataset.Deal
	for _, d := range data.Deals {
		if slices.Contains(analysedKinds, d.Kind) {
			deals = append(deals, d)
		}
	}
	scs := UnknownEndScenarios(deals, dataset.AsOf())
	want := readRCSV(t, "unknownends_expected.csv")
	if len(scs) != len(want) {
		t.Fatalf("%d scenarios; R %d", len(scs), len(want))
	}
	for i, w := range want {
		sc := scs[i]
		if sc.Name != w["scenario"] || strconv.Itoa(len(sc.Times)) != w["n"] || len(sc.IDs) != len(sc.Times) || len(sc.Causes) != len(sc.Times) {
			t.Fatalf("scenario %d: %q with %d deals; R %q with %s", i, sc.Name, len(sc.Times), w["scenario"], w["n"])
		}
		events := make([]bool, len(sc.Causes))
		b := 0
		for j, c := range sc.Causes {
			events[j] = c == 1
			if events[j] {
				b++
			}
		}
		if strconv.Itoa(b) != w["breakdowns"] {
			t.Errorf("%s: %d breakdowns; R %s", sc.Name, b, w["breakdowns"])
		}
		km, err := KaplanMeier(sc.Times, events)
		if err != nil {
			t.Fatal(err)
		}
		m := km.Median()
		for _, c := range []struct {
			col string
			got float64
		}{{"median", m.Estimate}, {"median_lower", m.Lower}, {"median_upper", m.Upper}} {
			if r := rNumber(t, w[c.col]); !near(c.got, r, 0) {
				t.Errorf("%s %s: %v; R %v", sc.Name, c.col, c.got, r)
			}
		}
	}
}
