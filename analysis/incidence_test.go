package analysis

import (
	"math"
	"strconv"
	"testing"
)

// incidenceStates are R's state names in the order of survfit's pstate
// columns: "(s0)" (no ending yet) and the endings.
var incidenceStates = append([]string{"(s0)"}, EndingNames...)

// incidenceValues returns a row's estimate, standard error and limits for
// state s (0 = no ending yet, k = cause k).
func incidenceValues(r IncidenceRow, s int) [4]float64 {
	if s == 0 {
		return [4]float64{r.None, r.NoneSE, r.NoneLower, r.NoneUpper}
	}
	k := s - 1
	return [4]float64{r.Inc[k], r.SE[k], r.Lower[k], r.Upper[k]}
}

// TestAalenJohansenMatchesR compares AalenJohansen and AalenJohansenBy with
// R's multi-state survfit (pstate, infinitesimal-jackknife std.err, log
// limits) on the embedded deals and on seeded random data with all three
// endings (testdata/r/incidence_reference.R → incidence_expected.csv).
func TestAalenJohansenMatchesR(t *testing.T) {
	type key struct{ name, group string }
	want := map[key][]map[string]string{}
	var order []key
	for _, r := range readRCSV(t, "incidence_expected.csv") {
		k := key{r["name"], r["group"]}
		if want[k] == nil {
			order = append(order, k)
		}
		want[k] = append(want[k], r)
	}
	if len(order) != 4 {
		t.Fatalf("incidence_expected.csv has %d fits; want 4", len(order))
	}
	e := loadEmbeddedDeals(t)
	random := readRCSV(t, "incidence_input_random.csv")
	rt, rc, rg := make([]float64, len(random)), make([]int, len(random)), make([]string, len(random))
	for i, r := range random {
		rt[i] = rNumber(t, r["time"])
		rc[i], _ = strconv.Atoi(r["status"])
		rg[i] = r["group"]
	}
	fits := map[key]*Incidence{}
	var err error
	if fits[key{"deals", "(all)"}], err = AalenJohansen(e.times, e.causes, EndingNames, 0.95); err != nil {
		t.Fatal(err)
	}
	if fits[key{"random", "(all)"}], err = AalenJohansen(rt, rc, EndingNames, 0.95); err != nil {
		t.Fatal(err)
	}
	byGroup, err := AalenJohansenBy(rt, rc, EndingNames, rg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range byGroup {
		fits[key{"random", g.Group}] = g.Incidence
	}
	maxDev := 0.0
	for _, k := range order {
		fit := fits[k]
		if fit == nil {
			t.Fatalf("no Go fit for %v", k)
		}
		rows := want[k]
		nt := len(rows) / len(incidenceStates)
		if len(fit.Rows) != nt {
			t.Fatalf("%v: %d rows; R %d", k, len(fit.Rows), nt)
		}
		for j, r := range rows {
			s, i := j/nt, j%nt
			if r["state"] != incidenceStates[s] {
				t.Fatalf("%v: row %d is state %s; want %s", k, j, r["state"], incidenceStates[s])
			}
			g := fit.Rows[i]
			if g.Time != rNumber(t, r["time"]) || strconv.Itoa(g.NRisk) != r["n_risk"] {
				t.Fatalf("%v row %d: time %v n.risk %d; R %s %s", k, i, g.Time, g.NRisk, r["time"], r["n_risk"])
			}
			got := incidenceValues(g, s)
			for c, col := range []string{"pstate", "std_err", "lower", "upper"} {
				w := rNumber(t, r[col])
				if !near(got[c], w, 1e-9) {
					t.Errorf("%v t=%v %s %s: got %v, R %v", k, g.Time, r["state"], col, got[c], w)
				}
				if !math.IsNaN(w) {
					maxDev = math.Max(maxDev, math.Abs(got[c]-w))
				}
			}
		}
	}
	t.Logf("largest deviation from R: %.3g", maxDev)
}

// TestIncidenceOnEmbeddedDeals pins the headline figures of issue 9 on the
// embedded data (R, incidence_reference.R's printout: 45.7% broken down by
// day 213 and 52.0% by day 313; at a year 31% in force, 52% broken down,
// 17% expired or superseded).
func TestIncidenceOnEmbeddedDeals(t *testing.T) {
	e := loadEmbeddedDeals(t)
	inc, err := AalenJohansen(e.times, e.causes, EndingNames, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	b := inc.Cause("breakdown")
	tests := []struct {
		day                   float64
		none, broke, otherEnd float64
	}{
		{213, math.NaN(), 0.457, math.NaN()},
		{313, math.NaN(), 0.520, math.NaN()},
		{365, 0.31, 0.52, 0.17},
	}
	for _, tc := range tests {
		none, share := inc.At(tc.day)
		check := func(what string, got, want float64) {
			if !math.IsNaN(want) && math.Abs(got-want) > 0.005 {
				t.Errorf("day %v %s: %.4f; want %.3f", tc.day, what, got, want)
			}
		}
		check("in force", none, tc.none)
		check("broken down", share[b], tc.broke)
		check("expired or superseded", share[inc.Cause("expired")]+share[inc.Cause("superseded")], tc.otherEnd)
	}
	if got, ok := inc.TimeTo(b, 0.5); !ok || got != 313 {
		t.Errorf("time by which half broke down: %v (%v); want 313", got, ok)
	}
	if _, ok := inc.TimeTo(b, 0.9); ok {
		t.Errorf("90%% broke down: reached; want never (other endings take more than 10%%)")
	}
}

func TestAalenJohansenRejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		times  []float64
		causes []int
		conf   float64
	}{
		{"lengths", []float64{1, 2}, []int{1}, 0.95},
		{"empty", nil, nil, 0.95},
		{"cause too large", []float64{1}, []int{4}, 0.95},
		{"negative cause", []float64{1}, []int{-1}, 0.95},
		{"negative time", []float64{-1}, []int{1}, 0.95},
		{"NaN time", []float64{math.NaN()}, []int{1}, 0.95},
		{"conf", []float64{1}, []int{1}, 1},
	}
	for _, tc := range tests {
		if _, err := AalenJohansen(tc.times, tc.causes, EndingNames, tc.conf); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// TestAalenJohansenSingleCauseIsKaplanMeier: with one cause the
// Aalen–Johansen "no ending yet" curve is the Kaplan–Meier curve.
func TestAalenJohansenSingleCauseIsKaplanMeier(t *testing.T) {
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false}
	causes := make([]int, len(events))
	for i, e := range events {
		if e {
			causes[i] = 1
		}
	}
	inc, err := AalenJohansen(times, causes, []string{"event"}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	km, err := KaplanMeier(times, events)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range inc.Rows {
		if math.Abs(r.None-km.Rows[i].Surv) > 1e-14 || math.Abs(r.None+r.Inc[0]-1) > 1e-14 {
			t.Errorf("t=%v: AJ %v + %v; KM %v", r.Time, r.None, r.Inc[0], km.Rows[i].Surv)
		}
	}
}
