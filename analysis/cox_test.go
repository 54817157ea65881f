package analysis

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The reference values in testdata/r/cox_expected.csv and cox_warnings.csv
// come from R 4.2.2 / survival 3.5.3: testdata/r/cox_reference.R.

type coxInput struct {
	times  []float64
	events []bool
	x      [][]float64
	names  []string
}

// coxReadInput reads testdata/r/cox_input_<name>.csv (time,status,x1,...).
func coxReadInput(t *testing.T, name string) coxInput {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "r", "cox_input_"+name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	in := coxInput{names: recs[0][2:]}
	for _, rec := range recs[1:] {
		in.times = append(in.times, rNumber(t, rec[0]))
		in.events = append(in.events, rec[1] == "1")
		row := make([]float64, len(rec)-2)
		for j := range row {
			row[j] = rNumber(t, rec[j+2])
		}
		in.x = append(in.x, row)
	}
	return in
}

// coxClose reports whether got agrees with want to 1e-6, relative for
// |want| > 1 (R's separated fits have coefficients near 22 and standard
// errors near 1e4).
func coxClose(got, want float64) bool { return coxCloseTol(got, want, 1e-6) }

func coxCloseTol(got, want, tol float64) bool {
	if math.IsInf(want, 0) || math.IsNaN(want) {
		return got == want || (math.IsNaN(want) && math.IsNaN(got))
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func TestCoxPHMatchesR(t *testing.T) {
	rows := readRCSV(t, "cox_expected.csv")
	warns := readRCSV(t, "cox_warnings.csv")
	type key struct{ name, ties string }
	var order []key
	byKey := map[key][]map[string]string{}
	for _, r := range rows {
		k := key{r["name"], r["ties"]}
		if byKey[k] == nil {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], r)
	}
	if len(order) < 10 {
		t.Fatalf("cox_expected.csv has %d fits; want at least 10", len(order))
	}
	maxDev := 0.0
	for _, k := range order {
		t.Run(k.name+"/"+k.ties, func(t *testing.T) {
			in := coxReadInput(t, k.name)
			ties := Efron
			if k.ties == "breslow" {
				ties = Breslow
			}
			res, err := CoxPH(in.times, in.events, in.x, in.names, ties)
			if err != nil {
				t.Fatal(err)
			}
			want := byKey[k]
			if len(res.Terms) != len(want) {
				t.Fatalf("%d terms; R has %d", len(res.Terms), len(want))
			}
			// R ran out of iterations on "noconv": its loglik,
			// -log(1 + 5e^-β) ≈ -7e-11, is computed as the log of a number
			// next to 1, so β, the score and the information rest on the
			// last bits of exp(); Go's math.Exp and glibc's exp differ by
			// an ulp there and the fits agree only to about 6e-7 (relative).
			// Everywhere else the tolerance is 1e-6 and agreement ~5e-8.
			tol := 1e-6
			if k.name == "noconv" {
				tol = 1e-5
			}
			check := func(what string, got float64, w string) {
				t.Helper()
				wv := rNumber(t, w)
				if !coxCloseTol(got, wv, tol) {
					t.Errorf("%s = %.15g; R %.15g", what, got, wv)
				}
				if !math.IsInf(wv, 0) && k.name != "noconv" {
					maxDev = math.Max(maxDev, math.Abs(got-wv)/math.Max(1, math.Abs(wv)))
				}
			}
			for i, w := range want {
				tm := res.Terms[i]
				if tm.Term != w["term"] {
					t.Errorf("term %d is %q; R %q", i, tm.Term, w["term"])
				}
				check(w["term"]+" coef", tm.Coef, w["coef"])
				check(w["term"]+" exp(coef)", tm.ExpCoef, w["exp_coef"])
				check(w["term"]+" se", tm.SE, w["se"])
				check(w["term"]+" z", tm.Z, w["z"])
				check(w["term"]+" p", tm.P, w["p"])
				check(w["term"]+" lower", tm.Lower, w["lower"])
				check(w["term"]+" upper", tm.Upper, w["upper"])
			}
			w := want[0]
			check("loglik0", res.LogLik0, w["loglik0"])
			check("loglik", res.LogLik, w["loglik"])
			check("LR chisq", res.LRChisq, w["lr_chisq"])
			check("LR p", res.LRP, w["lr_p"])
			check("Wald chisq", res.WaldChisq, w["wald_chisq"])
			check("score chisq", res.ScoreChisq, w["score_chisq"])
			check("score p", res.ScoreP, w["score_p"])
			if strconv.Itoa(res.LRDF) != w["lr_df"] || res.WaldDF != res.LRDF {
				t.Errorf("df = %d (Wald %d); R %s", res.LRDF, res.WaldDF, w["lr_df"])
			}
			// R's warnings must have a counterpart; no R warning, no
			// such warning from us.
			rInf, rNoConv := false, false
			for _, wr := range warns {
				if wr["name"] == k.name && wr["ties"] == k.ties {
					rInf = rInf || strings.Contains(wr["warning"], "coefficient may be infinite")
					rNoConv = rNoConv || strings.Contains(wr["warning"], "Ran out of iterations")
				}
			}
			wantIter := w["iter"]
			if rNoConv {
				wantIter = "20" // R's coxfit6 leaves its loop counter at iter.max + 1 = 21
			}
			if strconv.Itoa(res.Iterations) != wantIter {
				t.Errorf("iterations = %d; want %s (R %s)", res.Iterations, wantIter, w["iter"])
			}
			if res.Converged == rNoConv {
				t.Errorf("Converged = %v; R ran out of iterations: %v", res.Converged, rNoConv)
			}
			if rNoConv != coxHasWarning(res.Warnings, "did not converge") {
				t.Errorf("non-convergence warning: R %v; Go warnings %q", rNoConv, res.Warnings)
			}
			goInf := false
			for _, msg := range res.Warnings {
				if strings.Contains(msg, "loglik converged before covariate") {
					goInf = true
					if !strings.Contains(msg, "covariate x1;") {
						t.Errorf("warning %q does not name x1 (R: variable 1)", msg)
					}
				}
			}
			if rInf != goInf {
				t.Errorf("infinite-coefficient warning: Go %v, R %v; warnings %q", goInf, rInf, res.Warnings)
			}
		})
	}
	t.Logf("max relative deviation from R: %.3g", maxDev)
}

// R's printed (rounded) values for aml (R 4.2 / survival 3.5), as a check
// on the CSV itself.
func TestCoxPHAMLPublished(t *testing.T) {
	in := coxReadInput(t, "aml")
	res, err := CoxPH(in.times, in.events, in.x, []string{"xNonmaintained"}, Efron)
	if err != nil {
		t.Fatal(err)
	}
	tm := res.Terms[0]
	for _, c := range []struct {
		what      string
		got, want float64
		tol       float64
	}{
		{"coef", tm.Coef, 0.9155, 5e-5},
		{"exp(coef)", tm.ExpCoef, 2.4981, 5e-5},
		{"se", tm.SE, 0.5119, 5e-5},
		{"z", tm.Z, 1.788, 5e-4},
		{"p", tm.P, 0.0737, 5e-5},
		{"lower", tm.Lower, 0.9159, 5e-5},
		{"upper", tm.Upper, 6.813, 5e-4},
		{"LR", res.LRChisq, 3.38, 5e-3},
		{"LR p", res.LRP, 0.066, 5e-4},
	} {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s = %.6g; R printed %.6g", c.what, c.got, c.want)
		}
	}
	if res.N != 23 || res.Events != 18 {
		t.Errorf("N, Events = %d, %d; want 23, 18", res.N, res.Events)
	}
}

func TestCoxPHSeparation(t *testing.T) {
	in := coxReadInput(t, "sep")
	for _, ties := range []Ties{Efron, Breslow} {
		res, err := CoxPH(in.times, in.events, in.x, in.names, ties)
		if err != nil {
			t.Fatal(err)
		}
		if b := res.Terms[0].Coef; b < 15 {
			t.Errorf("%v: coef = %g; want a large positive value (monotone likelihood)", ties, b)
		}
		if !coxHasWarning(res.Warnings, "coefficient may be infinite") {
			t.Errorf("%v: no infinite-coefficient warning: %q", ties, res.Warnings)
		}
	}
}

func coxHasWarning(ws []string, sub string) bool {
	for _, w := range ws {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// A constant covariate is dropped with a warning; the other coefficients are
// those of the model without it (R: NA coefficient, the same others).
func TestCoxPHConstantCovariateDropped(t *testing.T) {
	in := coxReadInput(t, "ties")
	x := make([][]float64, len(in.x))
	for i, row := range in.x {
		x[i] = []float64{row[0], 3, row[1]}
	}
	res, err := CoxPH(in.times, in.events, x, []string{"x1", "const", "x2"}, Efron)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := CoxPH(in.times, in.events, in.x, in.names, Efron)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Terms) != 2 || res.Terms[0].Term != "x1" || res.Terms[1].Term != "x2" {
		t.Fatalf("terms %+v; want x1, x2", res.Terms)
	}
	for i := range res.Terms {
		if !coxClose(res.Terms[i].Coef, ref.Terms[i].Coef) || !coxClose(res.Terms[i].SE, ref.Terms[i].SE) {
			t.Errorf("%s: %+v; without the constant %+v", res.Terms[i].Term, res.Terms[i], ref.Terms[i])
		}
	}
	if res.LRDF != 2 {
		t.Errorf("LRDF = %d; want 2", res.LRDF)
	}
	if !coxHasWarning(res.Warnings, "const is constant") {
		t.Errorf("no constant-covariate warning: %q", res.Warnings)
	}
}

func TestCoxPHWarnings(t *testing.T) {
	aml := coxReadInput(t, "aml")       // 18 events, 1 covariate
	ties := coxReadInput(t, "ties")     // 23 events, 2 covariates
	evcens := coxReadInput(t, "evcens") // 11 events, 1 covariate
	tiesPlus := ties
	tiesPlus.x = make([][]float64, len(ties.x))
	for i, row := range ties.x {
		tiesPlus.x[i] = []float64{row[0], row[1], float64(i % 3)}
	}
	for _, c := range []struct {
		name string
		in   coxInput
		want string // "" = no warnings
	}{
		{"aml, 18 events for 1 covariate", aml, ""},
		{"ties, 23 events for 2 covariates", ties, ""},
		{"evcens, 11 events for 1 covariate", evcens, ""},
		{"ties, 23 events for 3 covariates", tiesPlus, "only 23 events for 3 covariates (fewer than 10 per covariate)"},
	} {
		res, err := CoxPH(c.in.times, c.in.events, c.in.x, nil, Efron)
		if err != nil {
			t.Fatal(err)
		}
		if c.want == "" && len(res.Warnings) > 0 {
			t.Errorf("%s: unexpected warnings %q", c.name, res.Warnings)
		}
		if c.want != "" && !coxHasWarning(res.Warnings, c.want) {
			t.Errorf("%s: warnings %q; want one containing %q", c.name, res.Warnings, c.want)
		}
	}
}

// Default names and input order: rows need not be sorted by time.
func TestCoxPHOrderInvariance(t *testing.T) {
	in := coxReadInput(t, "sim3")
	n := len(in.times)
	rt, re, rx := make([]float64, n), make([]bool, n), make([][]float64, n)
	for i := range in.times {
		j := (i*37 + 11) % n // a permutation: gcd(37, 80) = 1
		rt[j], re[j], rx[j] = in.times[i], in.events[i], in.x[i]
	}
	a, err := CoxPH(in.times, in.events, in.x, nil, Efron)
	if err != nil {
		t.Fatal(err)
	}
	b, err := CoxPH(rt, re, rx, nil, Efron)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Terms {
		if a.Terms[i].Term != "x"+strconv.Itoa(i+1) {
			t.Errorf("default name %q", a.Terms[i].Term)
		}
		if math.Abs(a.Terms[i].Coef-b.Terms[i].Coef) > 1e-10 {
			t.Errorf("%s: %g vs %g after reordering rows", a.Terms[i].Term, a.Terms[i].Coef, b.Terms[i].Coef)
		}
	}
}

func TestCoxPHErrors(t *testing.T) {
	in := coxReadInput(t, "ties")
	collinear := make([][]float64, len(in.x))
	for i, row := range in.x {
		collinear[i] = []float64{row[0], row[1], 2*row[0] - row[1]/10}
	}
	allConst := make([][]float64, len(in.x))
	for i := range allConst {
		allConst[i] = []float64{1}
	}
	censored := make([]bool, len(in.events))
	oneCol := [][]float64{{1}, {2}}
	for _, c := range []struct {
		name   string
		times  []float64
		events []bool
		x      [][]float64
		names  []string
		ties   Ties
		want   string
	}{
		{"empty", nil, nil, nil, nil, Efron, "no observations"},
		{"lengths", []float64{1, 2}, []bool{true}, oneCol, nil, Efron, "equal lengths"},
		{"negative time", []float64{1, -2}, []bool{true, true}, oneCol, nil, Efron, "time 1 is -2"},
		{"NaN time", []float64{1, math.NaN()}, []bool{true, true}, oneCol, nil, Efron, "time 1 is NaN"},
		{"NaN covariate", []float64{1, 2}, []bool{true, true}, [][]float64{{1}, {math.NaN()}}, nil, Efron, "x1 of observation 1 is NaN"},
		{"ragged", []float64{1, 2}, []bool{true, true}, [][]float64{{1}, {2, 3}}, nil, Efron, "row 1 has 2 values"},
		{"no covariates", []float64{1, 2}, []bool{true, true}, [][]float64{{}, {}}, nil, Efron, "no covariates"},
		{"names", []float64{1, 2}, []bool{true, true}, oneCol, []string{"a", "b"}, Efron, "2 names for 1 covariates"},
		{"ties", []float64{1, 2}, []bool{true, true}, oneCol, nil, Ties(7), "unknown ties"},
		{"no events", in.times, censored, in.x, nil, Efron, "no events"},
		{"all constant", in.times, in.events, allConst, nil, Efron, "every covariate is constant"},
		{"collinear", in.times, in.events, collinear, []string{"a", "b", "c"}, Efron, "singular: covariate(s) c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := CoxPH(c.times, c.events, c.x, c.names, c.ties)
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			if !strings.HasPrefix(err.Error(), "analysis: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q; want prefix \"analysis: \" and %q", err, c.want)
			}
		})
	}
}

func TestTiesString(t *testing.T) {
	if Efron.String() != "efron" || Breslow.String() != "breslow" {
		t.Errorf("got %q, %q", Efron, Breslow)
	}
}

// TestCoxNotEstimableMessage: a covariate whose deals all left observation
// before the first breakdown has no variance in any risk set; R's coxph
// gives its coefficient as NA. The error says so rather than naming a
// linear dependence among covariates that is not there.
func TestCoxNotEstimableMessage(t *testing.T) {
	tests := []struct {
		name    string
		x       [][]float64
		names   []string
		want    string
		notWant string
	}{
		{"censored before any breakdown", [][]float64{{1}, {1}, {0}, {0}, {0}, {0}}, []string{"disarm"}, "coefficient of disarm is not estimable", "linear"},
		{"collinear", [][]float64{{1, 2}, {0, 0}, {1, 2}, {0, 0}, {1, 2}, {0, 0}}, []string{"a", "b"}, "linear combinations", "not estimable"},
	}
	times := []float64{1, 2, 5, 6, 7, 8}
	events := []bool{false, false, true, true, false, true}
	for _, tc := range tests {
		_, err := CoxPH(times, events, tc.x, tc.names, Efron)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), tc.notWant) {
			t.Errorf("%s: error %v; want one saying %q", tc.name, err, tc.want)
		}
	}
}
