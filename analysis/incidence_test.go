package analysis

import (
	"math"
	"strconv"
	"testing"
)

// incidenceStates are R's state names in the order of survfit's pstate
// columns: "(s0)" (no ending yet) and the endings.
var incidenceStates = append([]string{"(s0)"}, EndingNames()...)

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
	if fits[key{"deals", "(all)"}], err = AalenJohansen(e.times, e.causes, EndingNames(), 0.95); err != nil {
		t.Fatal(err)
	}
	if fits[key{"random", "(all)"}], err = AalenJohansen(rt, rc, EndingNames(), 0.95); err != nil {
		t.Fatal(err)
	}
	byGroup, err := AalenJohansenBy(rt, rc, EndingNames(), rg, 0.95)
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

// TestIncidenceOnEmbeddedDeals pins the headline figures on the embedded
// data (dataset v0.2.0), as R prints them (incidence_reference.R's summary
// at 213, 313 and 365 days): 45.3% broken down by day 213 and 52.8% by day
// 313; at a year 26.0% in force, 60.2% broken down, 6.8% expired and 7.0%
// superseded.
func TestIncidenceOnEmbeddedDeals(t *testing.T) {
	e := loadEmbeddedDeals(t)
	inc, err := AalenJohansen(e.times, e.causes, EndingNames(), 0.95)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		day  float64
		want [4]float64 // in force, breakdown, expired, superseded
	}{
		{0, [4]float64{1, 0, 0, 0}},
		{213, [4]float64{0.4452174, 0.4533333, 0.06811594, 0.03333333}},
		{313, [4]float64{0.3339130, 0.5275362, 0.06811594, 0.07043478}},
		{365, [4]float64{0.2597101, 0.6017391, 0.06811594, 0.07043478}},
	}
	for _, tc := range tests {
		r := inc.At(tc.day)
		got := [4]float64{r.None, r.Inc[0], r.Inc[1], r.Inc[2]}
		for s := range got {
			if math.Abs(got[s]-tc.want[s]) > 5e-7 {
				t.Errorf("day %v state %s: %.7f; R %.7f", tc.day, incidenceStates[s], got[s], tc.want[s])
			}
		}
		if r.Time != tc.day {
			t.Errorf("At(%v).Time = %v", tc.day, r.Time)
		}
	}
	if r := inc.At(math.NaN()); !math.IsNaN(r.None) || !math.IsNaN(r.Inc[0]) {
		t.Errorf("At(NaN) = %v, %v; want NaN", r.None, r.Inc)
	}
}

// TestIncidenceTimeTo checks TimeTo against its definition applied to R's
// pointwise estimates and limits (incidence_expected.csv): the first time
// each column reaches q. On the embedded deals (dataset v0.2.0) half had
// broken down by day 313 (R: 0.528 at 313, 0.490 at 234).
func TestIncidenceTimeTo(t *testing.T) {
	e := loadEmbeddedDeals(t)
	inc, err := AalenJohansen(e.times, e.causes, EndingNames(), 0.95)
	if err != nil {
		t.Fatal(err)
	}
	rRows := readRCSV(t, "incidence_expected.csv")
	firstR := func(state, col string, q float64) (float64, bool) {
		for _, r := range rRows {
			if r["name"] == "deals" && r["state"] == state {
				if v := rNumber(t, r[col]); !math.IsNaN(v) && v >= q-1e-8 {
					return rNumber(t, r["time"]), true
				}
			}
		}
		return math.NaN(), false
	}
	for _, tc := range []struct {
		cause string
		q     float64
	}{{"breakdown", 0.25}, {"breakdown", 0.5}, {"breakdown", 0.6}, {"expired", 0.1}, {"superseded", 0.5}} {
		got := inc.TimeTo(inc.Cause(tc.cause), tc.q)
		for _, c := range []struct {
			col     string
			got     float64
			reached bool
		}{{"pstate", got.Estimate, got.Reached}, {"upper", got.Lower, got.LowerReached}, {"lower", got.Upper, got.UpperReached}} {
			w, ok := firstR(tc.cause, c.col, tc.q)
			if ok != c.reached || (ok && w != c.got) {
				t.Errorf("%s q=%v from R's %s: %v (%v); want %v (%v)", tc.cause, tc.q, c.col, c.got, c.reached, w, ok)
			}
		}
	}
	if got := inc.TimeTo(inc.Cause("breakdown"), 0.5); got.Estimate != 313 {
		t.Errorf("time by which half broke down: %v; R says 313", got.Estimate)
	}
	if got := inc.TimeTo(inc.Cause("breakdown"), 0.9); got.Reached {
		t.Errorf("90%% broke down by %v; want never (other endings take more than 10%%)", got.Estimate)
	}
	if got := inc.TimeTo(-1, 0.5); got.Reached || !math.IsNaN(got.Estimate) {
		t.Errorf("unknown cause: %+v", got)
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
		if _, err := AalenJohansen(tc.times, tc.causes, EndingNames(), tc.conf); err == nil {
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
