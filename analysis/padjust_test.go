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
