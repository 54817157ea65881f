package analysis

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The reference values in testdata/r/ come from R 4.2.2 and survival 3.5.3;
// testdata/r/km_logrank_reference.R writes them and says how to regenerate.

// kmRefSets are the data sets of km_logrank_reference.R (input_<name>.csv).
var kmRefSets = []string{
	"aml", "ties", "event_censor_ties", "all_censored_group", "single_group",
	"four_groups", "median_edges", "last_censored", "random60",
}

// kmTol is the agreement required with R: 1e-6, relative above 1.
func kmTol(want float64) float64 { return 1e-6 * math.Max(1, math.Abs(want)) }

func kmInt(t *testing.T, s string) int {
	t.Helper()
	v, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("bad integer %q: %v", s, err)
	}
	return v
}

// kmInput is one data set of km_logrank_reference.R.
type kmInput struct {
	times  []float64
	events []bool
	groups []string
}

func kmReadInput(t *testing.T, name string) kmInput {
	t.Helper()
	var in kmInput
	for _, r := range readRCSV(t, "input_"+name+".csv") {
		in.times = append(in.times, rNumber(t, r["time"]))
		in.events = append(in.events, r["status"] == "1")
		in.groups = append(in.groups, r["group"])
	}
	return in
}

// subset returns the observations of group g, or all of them for "(all)".
func (in kmInput) subset(g string) ([]float64, []bool) {
	if g == "(all)" {
		return in.times, in.events
	}
	var ts []float64
	var es []bool
	for i, gi := range in.groups {
		if gi == g {
			ts = append(ts, in.times[i])
			es = append(es, in.events[i])
		}
	}
	return ts, es
}

// kmDeviation tracks the largest deviation from R seen by a test.
type kmDeviation struct {
	max  float64
	what string
}

// check reports got != want beyond kmTol; NaN must match NaN.
func (d *kmDeviation) check(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) || math.IsNaN(got) {
		if math.IsNaN(want) != math.IsNaN(got) {
			t.Errorf("%s = %v, R gives %v", what, got, want)
		}
		return
	}
	diff := math.Abs(got - want)
	if diff > kmTol(want) {
		t.Errorf("%s = %.15g, R gives %.15g (diff %.3g)", what, got, want, diff)
	}
	if diff > d.max {
		d.max, d.what = diff, what
	}
}

func TestKaplanMeierMatchesR(t *testing.T) {
	var dev kmDeviation
	for _, name := range kmRefSets {
		t.Run(name, func(t *testing.T) {
			in := kmReadInput(t, name)
			want := make(map[string][]map[string]string)
			var order []string
			for _, r := range readRCSV(t, "km_"+name+".csv") {
				if _, ok := want[r["group"]]; !ok {
					order = append(order, r["group"])
				}
				want[r["group"]] = append(want[r["group"]], r)
			}
			for _, g := range order {
				times, events := in.subset(g)
				km, err := KaplanMeier(times, events)
				if err != nil {
					t.Fatalf("group %s: %v", g, err)
				}
				rows := want[g]
				if len(km.Rows) != len(rows) {
					t.Fatalf("group %s: %d rows, R has %d", g, len(km.Rows), len(rows))
				}
				if km.N != len(times) {
					t.Errorf("group %s: N = %d, want %d", g, km.N, len(times))
				}
				events0 := 0
				for i, r := range rows {
					got := km.Rows[i]
					at := name + "/" + g + " t=" + r["time"]
					if got.Time != rNumber(t, r["time"]) || got.NRisk != kmInt(t, r["n_risk"]) ||
						got.NEvent != kmInt(t, r["n_event"]) || got.NCensor != kmInt(t, r["n_censor"]) {
						t.Errorf("%s: row %+v, R has time %s n.risk %s n.event %s n.censor %s",
							at, got, r["time"], r["n_risk"], r["n_event"], r["n_censor"])
					}
					events0 += got.NEvent
					dev.check(t, at+" surv", got.Surv, rNumber(t, r["surv"]))
					dev.check(t, at+" std.err", got.StdErr, rNumber(t, r["std_err"]))
					dev.check(t, at+" lower", got.Lower, rNumber(t, r["lower"]))
					dev.check(t, at+" upper", got.Upper, rNumber(t, r["upper"]))
				}
				if km.Events != events0 {
					t.Errorf("group %s: Events = %d, rows sum to %d", g, km.Events, events0)
				}
			}
		})
	}
	t.Logf("largest deviation from R: %.3g (%s)", dev.max, dev.what)
}

func TestKaplanMeierConfMatchesR(t *testing.T) {
	// km_aml_conf90.csv: survfit(..., conf.int = 0.90) on aml's two groups.
	var dev kmDeviation
	in := kmReadInput(t, "aml")
	fits := make(map[string]*KM)
	next := make(map[string]int)
	for _, r := range readRCSV(t, "km_aml_conf90.csv") {
		g := r["group"]
		if fits[g] == nil {
			times, events := in.subset(g)
			km, err := KaplanMeierConf(times, events, 0.90)
			if err != nil {
				t.Fatal(err)
			}
			if km.Conf != 0.90 {
				t.Errorf("Conf = %v, want 0.90", km.Conf)
			}
			fits[g] = km
		}
		row := fits[g].Rows[next[g]]
		next[g]++
		if row.Time != rNumber(t, r["time"]) {
			t.Fatalf("%s: time %v, R has %s", g, row.Time, r["time"])
		}
		at := "aml/" + g + " t=" + r["time"]
		dev.check(t, at+" lower 90%", row.Lower, rNumber(t, r["lower"]))
		dev.check(t, at+" upper 90%", row.Upper, rNumber(t, r["upper"]))
	}
	t.Logf("largest deviation from R: %.3g (%s)", dev.max, dev.what)
}

func TestKaplanMeierSummaryMatchesR(t *testing.T) {
	var dev kmDeviation
	inputs := make(map[string]kmInput)
	for _, r := range readRCSV(t, "km_summary.csv") {
		name, g := r["name"], r["group"]
		in, ok := inputs[name]
		if !ok {
			in = kmReadInput(t, name)
			inputs[name] = in
		}
		times, events := in.subset(g)
		km, err := KaplanMeier(times, events)
		if err != nil {
			t.Fatal(err)
		}
		at := name + "/" + g
		med := km.Median()
		for _, c := range []struct {
			what    string
			got     float64
			reached bool
			want    string
		}{
			{"median", med.Estimate, med.Reached, r["median"]},
			{"median lower", med.Lower, med.LowerReached, r["median_lower"]},
			{"median upper", med.Upper, med.UpperReached, r["median_upper"]},
		} {
			w := rNumber(t, c.want)
			if c.reached == math.IsNaN(w) {
				t.Errorf("%s %s: reached = %v, R gives %s", at, c.what, c.reached, c.want)
			}
			dev.check(t, at+" "+c.what, c.got, w)
		}
		tau := rNumber(t, r["tau"])
		est, se, err := km.RMST(tau)
		if err != nil {
			t.Fatal(err)
		}
		dev.check(t, at+" rmean tau="+r["tau"], est, rNumber(t, r["rmean"]))
		dev.check(t, at+" se(rmean) tau="+r["tau"], se, rNumber(t, r["rmean_se"]))
	}
	t.Logf("largest deviation from R: %.3g (%s)", dev.max, dev.what)
}

// TestMedianEndsAtHalf pins the one place where R's print(survfit) and
// quantile(survfit, 0.5) disagree: median_edges/end_half falls to exactly
// 0.5 at t = 3 and its last three subjects are censored (t = 4, 5, 6).
// print gives 3, quantile gives (3 + 6)/2 = 4.5 (km_summary.csv); Median
// follows print.
func TestMedianEndsAtHalf(t *testing.T) {
	km, err := KaplanMeier([]float64{1, 2, 3, 4, 5, 6}, []bool{true, true, true, false, false, false})
	if err != nil {
		t.Fatal(err)
	}
	if m := km.Median(); m.Estimate != 3 || !m.Reached {
		t.Errorf("Median = %+v, want 3 (print(survfit))", m)
	}
	// S = 0.5 on [3, 7), then falls at 7: the median is (3 + 7)/2 = 5 in
	// both print and quantile (median_edges/flat_half).
	km, err = KaplanMeier([]float64{1, 2, 3, 4, 7, 9}, []bool{true, true, true, false, true, false})
	if err != nil {
		t.Fatal(err)
	}
	if m := km.Median(); m.Estimate != 5 {
		t.Errorf("Median = %+v, want 5", m)
	}
}

// TestKaplanMeierAMLPublished checks the aml values recorded in
// R 4.2 / survival 3.5 printed to 4 decimals, independently
// of the CSV files.
func TestKaplanMeierAMLPublished(t *testing.T) {
	// Maintained: 9 13 13+ 18 23 28+ 31 34 45+ 48 161+.
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false}
	km, err := KaplanMeier(times, events)
	if err != nil {
		t.Fatal(err)
	}
	at := []float64{9, 13, 18, 23, 31, 34, 48}
	surv := []float64{.9091, .8182, .7159, .6136, .4909, .3682, .1841}
	se := []float64{.0867, .1163, .1397, .1526, .1642, .1627, .1535}
	for i, ti := range at {
		j := slices.IndexFunc(km.Rows, func(r KMRow) bool { return r.Time == ti })
		if j < 0 {
			t.Fatalf("no row at t = %v", ti)
		}
		r := km.Rows[j]
		if math.Abs(r.Surv-surv[i]) > 5e-5 || math.Abs(r.StdErr-se[i]) > 5e-5 {
			t.Errorf("t = %v: S = %.4f se = %.4f, R: %.4f %.4f", ti, r.Surv, r.StdErr, surv[i], se[i])
		}
		if got := km.Surv(ti); got != r.Surv {
			t.Errorf("Surv(%v) = %v, want %v", ti, got, r.Surv)
		}
	}
	r := km.Rows[slices.IndexFunc(km.Rows, func(r KMRow) bool { return r.Time == 31 })]
	if math.Abs(r.Lower-.2549) > 5e-5 || math.Abs(r.Upper-.946) > 5e-4 {
		t.Errorf("95%% CI at t = 31: %.4f–%.4f, R: .2549–.946", r.Lower, r.Upper)
	}
	// The step function: 1 before the first event, left limits, the last
	// value after the last time.
	for _, c := range []struct{ t, want float64 }{
		{0, 1}, {8.99, 1}, {12.99, km.Rows[0].Surv}, {13, km.Rows[1].Surv},
		{160, km.Rows[len(km.Rows)-1].Surv}, {1e6, km.Rows[len(km.Rows)-1].Surv},
	} {
		if got := km.Surv(c.t); got != c.want {
			t.Errorf("Surv(%v) = %v, want %v", c.t, got, c.want)
		}
	}
	if !math.IsNaN(km.Surv(math.NaN())) {
		t.Error("Surv(NaN) is not NaN")
	}
}

func TestKaplanMeierErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		times  []float64
		events []bool
		want   string
	}{
		{"empty", nil, nil, "no observations"},
		{"mismatch", []float64{1, 2}, []bool{true}, "2 times but 1 event flags"},
		{"NaN", []float64{1, math.NaN()}, []bool{true, true}, "time 1 is NaN"},
		{"Inf", []float64{math.Inf(1)}, []bool{true}, "time 0 is +Inf"},
		{"negative", []float64{3, -1}, []bool{true, false}, "time 1 is -1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := KaplanMeier(c.times, c.events)
			if err == nil || !strings.HasPrefix(err.Error(), "analysis: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want an error containing %q", err, c.want)
			}
		})
	}
	for _, conf := range []float64{0, 1, -0.5, math.NaN()} {
		if _, err := KaplanMeierConf([]float64{1}, []bool{true}, conf); err == nil {
			t.Errorf("KaplanMeierConf(conf = %v) succeeded", conf)
		}
	}
	km, err := KaplanMeier([]float64{1, 2}, []bool{true, false})
	if err != nil {
		t.Fatal(err)
	}
	for _, tau := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, _, err := km.RMST(tau); err == nil {
			t.Errorf("RMST(%v) succeeded", tau)
		}
	}
	if est, se, err := km.RMST(0); err != nil || est != 0 || se != 0 {
		t.Errorf("RMST(0) = %v, %v, %v; want 0, 0, nil", est, se, err)
	}
}

func TestKaplanMeierWarnings(t *testing.T) {
	many := func(n int, event func(i int) bool) ([]float64, []bool) {
		ts, es := make([]float64, n), make([]bool, n)
		for i := range n {
			ts[i], es[i] = float64(i+1), event(i)
		}
		return ts, es
	}
	for _, c := range []struct {
		name string
		n    int
		ev   func(i int) bool
		want []string
	}{
		{"fine", 20, func(i int) bool { return i%2 == 0 }, nil},
		{"all censored", 20, func(int) bool { return false }, []string{"every observation is censored"}},
		{"few events", 20, func(i int) bool { return i < 4 }, []string{"only 4 events"}},
		{"small n", 8, func(int) bool { return true }, []string{"only 8 observations"}},
		{"small and censored", 3, func(int) bool { return false }, []string{"every observation is censored", "only 3 observations"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ts, es := many(c.n, c.ev)
			km, err := KaplanMeier(ts, es)
			if err != nil {
				t.Fatal(err)
			}
			if len(km.Warnings) != len(c.want) {
				t.Fatalf("Warnings = %q, want %d containing %q", km.Warnings, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.Contains(km.Warnings[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, km.Warnings[i], w)
				}
			}
		})
	}
}
