package analysis

import (
	"testing"
)

// TestNelsonAalenMatchesR compares NelsonAalen with R's
// survfit(..., ctype = 1) cumhaz and std.chaz
// (testdata/r/nelsonaalen_reference.R → nelsonaalen_expected.csv).
func TestNelsonAalenMatchesR(t *testing.T) {
	want := map[string][]map[string]string{}
	var names []string
	for _, r := range readRCSV(t, "nelsonaalen_expected.csv") {
		if want[r["name"]] == nil {
			names = append(names, r["name"])
		}
		want[r["name"]] = append(want[r["name"]], r)
	}
	if len(names) < 5 {
		t.Fatalf("nelsonaalen_expected.csv has %d data sets; want 5", len(names))
	}
	maxDev := 0.0
	for _, name := range names {
		in := readRCSV(t, "input_"+name+".csv")
		times, events := make([]float64, len(in)), make([]bool, len(in))
		for i, r := range in {
			times[i], events[i] = rNumber(t, r["time"]), r["status"] == "1"
		}
		na, err := NelsonAalen(times, events)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows := want[name]
		if len(na.Rows) != len(rows) {
			t.Fatalf("%s: %d rows; R %d", name, len(na.Rows), len(rows))
		}
		for i, r := range rows {
			g := na.Rows[i]
			for _, c := range []struct {
				col string
				got float64
			}{{"time", g.Time}, {"n_risk", float64(g.NRisk)}, {"n_event", float64(g.NEvent)}, {"cumhaz", g.CumHaz}, {"std_chaz", g.SE}} {
				w := rNumber(t, r[c.col])
				if !near(c.got, w, 1e-12) {
					t.Errorf("%s row %d %s: got %v, R %v", name, i, c.col, c.got, w)
				}
				if d := c.got - w; d > maxDev || -d > maxDev {
					maxDev = max(d, -d)
				}
			}
		}
	}
	t.Logf("largest deviation from R: %.3g", maxDev)
}
