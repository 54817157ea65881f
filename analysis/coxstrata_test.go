package analysis

import (
	"math"
	"strconv"
	"testing"
)

// stratifiedInput is a data set with a stratum label per observation.
type stratifiedInput struct {
	coxInput
	strata []string
}

// coxStrataInput returns the named data set of coxstrata_reference.R:
// "sim" (coxstrata_input_sim.csv), "deals" (the embedded deals: breakdown
// against has:checkpoint-removal and start year, strata before and from
// 2010) or a cox_input_<name>.csv set without strata.
func coxStrataInput(t *testing.T, name string) stratifiedInput {
	t.Helper()
	switch name {
	case "sim":
		var in stratifiedInput
		in.names = []string{"x1", "x2"}
		for _, r := range readRCSV(t, "coxstrata_input_sim.csv") {
			in.times = append(in.times, rNumber(t, r["time"]))
			in.events = append(in.events, r["status"] == "1")
			in.strata = append(in.strata, r["stratum"])
			in.x = append(in.x, []float64{rNumber(t, r["x1"]), rNumber(t, r["x2"])})
		}
		return in
	case "deals":
		e := loadEmbeddedDeals(t)
		in := stratifiedInput{coxInput: coxInput{times: e.times, events: e.breakdowns(), names: []string{"x1", "x2"}}}
		cp := e.flag(t, "has:checkpoint-removal")
		for i, id := range e.ids {
			y := e.deals[id].Start.Y
			in.x = append(in.x, []float64{cp[i], float64(y)})
			in.strata = append(in.strata, map[bool]string{true: "2000s", false: "2010s+"}[y < 2010])
		}
		return in
	}
	return stratifiedInput{coxInput: coxReadInput(t, name)}
}

// firstColumns keeps the first p covariates.
func (in stratifiedInput) firstColumns(p int) stratifiedInput {
	out := in
	out.x = make([][]float64, len(in.x))
	for i, row := range in.x {
		out.x[i] = row[:p]
	}
	out.names = in.names[:p]
	return out
}

// TestCoxPHStrataMatchesR compares CoxPHStrata with
// coxph(Surv(time, status) ~ x + strata(stratum)) (coxstrata_expected.csv).
func TestCoxPHStrataMatchesR(t *testing.T) {
	type key struct{ name, ties string }
	want := map[key][]map[string]string{}
	var order []key
	for _, r := range readRCSV(t, "coxstrata_expected.csv") {
		k := key{r["name"], r["ties"]}
		if want[k] == nil {
			order = append(order, k)
		}
		want[k] = append(want[k], r)
	}
	if len(order) != 4 {
		t.Fatalf("coxstrata_expected.csv has %d fits; want 4", len(order))
	}
	maxDev := 0.0
	for _, k := range order {
		rows := want[k]
		in := coxStrataInput(t, k.name).firstColumns(len(rows))
		ties := map[string]Ties{"efron": Efron, "breslow": Breslow}[k.ties]
		fit, err := CoxPHStrata(in.times, in.events, in.x, in.names, in.strata, ties)
		if err != nil {
			t.Fatalf("%v: %v", k, err)
		}
		for j, r := range rows {
			for _, c := range []struct {
				col string
				got float64
			}{{"coef", fit.Terms[j].Coef}, {"se", fit.Terms[j].SE}, {"loglik0", fit.LogLik0}, {"loglik", fit.LogLik}, {"score_chisq", fit.ScoreChisq}} {
				w := rNumber(t, r[c.col])
				if !coxCloseTol(c.got, w, 1e-8) {
					t.Errorf("%v %s %s: got %.12g, R %.12g", k, r["term"], c.col, c.got, w)
				}
				maxDev = math.Max(maxDev, math.Abs(c.got-w)/math.Max(1, math.Abs(w)))
			}
		}
	}
	t.Logf("largest (relative) deviation from R: %.3g", maxDev)
}

// TestCoxPHStrataOneStratumIsCoxPH: a single stratum gives CoxPH's fit.
func TestCoxPHStrataOneStratumIsCoxPH(t *testing.T) {
	in := coxReadInput(t, "sim3")
	one := make([]string, len(in.times))
	a, err := CoxPHStrata(in.times, in.events, in.x, in.names, one, Efron)
	if err != nil {
		t.Fatal(err)
	}
	b, err := CoxPH(in.times, in.events, in.x, in.names, Efron)
	if err != nil {
		t.Fatal(err)
	}
	for j := range a.Terms {
		if a.Terms[j] != b.Terms[j] {
			t.Errorf("term %d: strata %+v, plain %+v", j, a.Terms[j], b.Terms[j])
		}
	}
	if _, err := CoxPHStrata(in.times, in.events, in.x, in.names, one[1:], Efron); err == nil {
		t.Error("strata of the wrong length: no error")
	}
}

// TestCoxZPHMatchesR compares CoxZPH with cox.zph(fit, transform = "km")
// (coxzph_expected.csv), per covariate and GLOBAL, with and without strata.
func TestCoxZPHMatchesR(t *testing.T) {
	type key struct{ name, ties, strata string }
	want := map[key][]map[string]string{}
	var order []key
	for _, r := range readRCSV(t, "coxzph_expected.csv") {
		k := key{r["name"], r["ties"], r["strata"]}
		if want[k] == nil {
			order = append(order, k)
		}
		want[k] = append(want[k], r)
	}
	if len(order) != 16 {
		t.Fatalf("coxzph_expected.csv has %d fits; want 16", len(order))
	}
	maxDev := 0.0
	for _, k := range order {
		rows := want[k]
		in := coxStrataInput(t, k.name).firstColumns(len(rows) - 1)
		var strata []string
		if k.strata == "TRUE" {
			strata = in.strata
		}
		ties := map[string]Ties{"efron": Efron, "breslow": Breslow}[k.ties]
		z, err := CoxZPH(in.times, in.events, in.x, in.names, strata, ties)
		if err != nil {
			t.Fatalf("%v: %v", k, err)
		}
		got := append(z.Terms, z.Global)
		for j, r := range rows {
			if got[j].Term != r["term"] || strconv.Itoa(got[j].DF) != r["df"] {
				t.Fatalf("%v row %d: %s df %d; R %s df %s", k, j, got[j].Term, got[j].DF, r["term"], r["df"])
			}
			for _, c := range []struct {
				col string
				got float64
			}{{"chisq", got[j].Chisq}, {"p", got[j].P}} {
				w := rNumber(t, r[c.col])
				if !coxCloseTol(c.got, w, 1e-6) {
					t.Errorf("%v %s %s: got %.12g, R %.12g", k, r["term"], c.col, c.got, w)
				}
				maxDev = math.Max(maxDev, math.Abs(c.got-w)/math.Max(1, math.Abs(w)))
			}
		}
	}
	t.Logf("largest (relative) deviation from R: %.3g", maxDev)
}
