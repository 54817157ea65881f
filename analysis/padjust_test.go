package analysis

import (
	"math"
	"strconv"
	"testing"
)

// TestPAdjustMatchesR compares Holm and BenjaminiHochberg with R's
// p.adjust (testdata/r/padjust_reference.R → padjust_expected.csv).
func TestPAdjustMatchesR(t *testing.T) {
	type set struct{ p, holm, bh []float64 }
	sets := map[string]*set{}
	var names []string
	for _, r := range readRCSV(t, "padjust_expected.csv") {
		s := sets[r["name"]]
		if s == nil {
			s = &set{}
			sets[r["name"]] = s
			names = append(names, r["name"])
		}
		if i, _ := strconv.Atoi(r["i"]); i != len(s.p) {
			t.Fatalf("%s: row %s out of order", r["name"], r["i"])
		}
		s.p = append(s.p, rNumber(t, r["p"]))
		s.holm = append(s.holm, rNumber(t, r["holm"]))
		s.bh = append(s.bh, rNumber(t, r["bh"]))
	}
	if len(names) < 6 {
		t.Fatalf("padjust_expected.csv has %d sets; want 6", len(names))
	}
	for _, name := range names {
		s := sets[name]
		for _, m := range []struct {
			method string
			adjust func([]float64) ([]float64, error)
			want   []float64
		}{{"holm", Holm, s.holm}, {"BH", BenjaminiHochberg, s.bh}} {
			got, err := m.adjust(s.p)
			if err != nil {
				t.Fatalf("%s %s: %v", name, m.method, err)
			}
			for i := range got {
				if !near(got[i], m.want[i], 1e-12) {
					t.Errorf("%s %s [%d]: got %v, R %v", name, m.method, i, got[i], m.want[i])
				}
			}
		}
	}
}

func TestPAdjustRejectsBadP(t *testing.T) {
	for _, p := range [][]float64{{0.1, 1.2}, {-0.01}, {math.Inf(1)}} {
		if _, err := Holm(p); err == nil {
			t.Errorf("Holm(%v): no error", p)
		}
		if _, err := BenjaminiHochberg(p); err == nil {
			t.Errorf("BenjaminiHochberg(%v): no error", p)
		}
	}
}

// TestPAdjustOfConcessionLogRanks adjusts the log-rank p-values of the 19
// concessions and commitments that the embedded deals can test (at least 2
// deals with and 2 without) and compares the p-values and both adjustments
// with R (padjust_reference.R → padjust_deals.csv). Issue 9: nothing
// survives adjustment; the smallest BH value is about 0.79, every Holm value 1.
func TestPAdjustOfConcessionLogRanks(t *testing.T) {
	e := loadEmbeddedDeals(t)
	ev := e.breakdowns()
	rows := readRCSV(t, "padjust_deals.csv")
	if len(rows) != 19 {
		t.Fatalf("padjust_deals.csv has %d categories; want 19", len(rows))
	}
	p := make([]float64, len(rows))
	for i, r := range rows {
		x := e.flag(t, r["category"])
		groups := make([]string, len(x))
		for j, v := range x {
			groups[j] = map[bool]string{true: "with", false: "without"}[v == 1]
		}
		lr, err := LogRank(e.times, ev, groups)
		if err != nil {
			t.Fatalf("%s: %v", r["category"], err)
		}
		p[i] = lr.P
		if w := rNumber(t, r["logrank_p"]); !near(p[i], w, 1e-12) {
			t.Errorf("%s: log-rank p %v, R %v", r["category"], p[i], w)
		}
	}
	holm, err := Holm(p)
	if err != nil {
		t.Fatal(err)
	}
	bh, err := BenjaminiHochberg(p)
	if err != nil {
		t.Fatal(err)
	}
	minBH := 1.0
	for i, r := range rows {
		if w := rNumber(t, r["holm"]); !near(holm[i], w, 1e-12) {
			t.Errorf("%s: Holm %v, R %v", r["category"], holm[i], w)
		}
		if w := rNumber(t, r["bh"]); !near(bh[i], w, 1e-12) {
			t.Errorf("%s: BH %v, R %v", r["category"], bh[i], w)
		}
		minBH = min(minBH, bh[i])
	}
	if minBH < 0.78 || minBH > 0.79 {
		t.Errorf("smallest BH-adjusted p %v; R says about 0.787 on dataset v0.2.0", minBH)
	}
}
