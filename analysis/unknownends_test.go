package analysis

import (
	"slices"
	"strconv"
	"strings"
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

// TestSensitivityUnknownEndsMatchR checks the unknown-end rows of
// AnalyzeSensitivity on the embedded deals against R
// (unknownends_expected.csv): breakdowns, the Kaplan–Meier median and the
// Aalen–Johansen share broken down by day 365; and the summary note's
// ranges.
func TestSensitivityUnknownEndsMatchR(t *testing.T) {
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
	sv, err := AnalyzeSensitivity(deals, dataset.AsOf(), nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := readRCSV(t, "unknownends_expected.csv")
	if len(sv.UnknownEnds) != len(want) {
		t.Fatalf("%d unknown-end scenarios; R %d", len(sv.UnknownEnds), len(want))
	}
	for i, w := range want {
		sc := sv.UnknownEnds[i]
		if sc.Name != w["scenario"] || strconv.Itoa(sc.Breakdowns) != w["breakdowns"] {
			t.Errorf("scenario %d: %q with %d breakdowns; R %q with %s", i, sc.Name, sc.Breakdowns, w["scenario"], w["breakdowns"])
		}
		if m := rNumber(t, w["median"]); sc.Median.Estimate != m {
			t.Errorf("%s: median %v; R %v", sc.Name, sc.Median.Estimate, m)
		}
		if b := rNumber(t, w["breakdown_365"]); !near(sc.Breakdown365, b, 1e-9) {
			t.Errorf("%s: breakdown by day 365 %v; R %v", sc.Name, sc.Breakdown365, b)
		}
	}
	var b strings.Builder
	if err := SensitivityTable(sv, true).Write(&b, "text"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"the median runs 104–343.5 days", "by day 365 49%–69%", "343.5", "+109.5"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("sensitivity table lacks %q:\n%s", s, b.String())
		}
	}
}
