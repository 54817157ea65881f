package analysis

import (
	"math"
	"strings"
	"testing"
)

// TestFirthCoxMatchesR compares FirthCox with the independent R
// implementation in testdata/r/firth_reference.R (firth_expected.csv): the
// aml data, separated data (where the ordinary Cox estimate is infinite),
// two-covariate fits, the 19 concession and commitment comparisons on the
// embedded deals, and checkpoint removal adjusted for the start year.
func TestFirthCoxMatchesR(t *testing.T) {
	rows := readRCSV(t, "firth_expected.csv")
	byName := map[string][]map[string]string{}
	var names []string
	for _, r := range rows {
		if byName[r["name"]] == nil {
			names = append(names, r["name"])
		}
		byName[r["name"]] = append(byName[r["name"]], r)
	}
	if len(names) != 26 {
		t.Fatalf("firth_expected.csv has %d fits; want 26", len(names))
	}
	e := loadEmbeddedDeals(t)
	maxDev := 0.0
	for _, name := range names {
		want := byName[name]
		var in coxInput
		switch {
		case strings.HasPrefix(name, "deals_era_"):
			// R subtracted 2010 from the start year; the fit does not
			// depend on the origin, so the raw years are used here.
			col := strings.TrimPrefix(name, "deals_era_")
			in = coxInput{times: e.times, events: e.breakdowns(), names: []string{col, "start_year"}}
			for i, v := range e.flag(t, col) {
				in.x = append(in.x, []float64{v, float64(e.deals[e.ids[i]].Start.Y)})
			}
		case strings.HasPrefix(name, "deals_"):
			col := strings.TrimPrefix(name, "deals_")
			in = coxInput{times: e.times, events: e.breakdowns(), x: columnMatrix(e.flag(t, col)), names: []string{col}}
		case name == "sim2":
			in = coxReadInput(t, "sim3")
			for i := range in.x {
				in.x[i] = in.x[i][:2]
			}
			in.names = in.names[:2]
		default:
			in = coxReadInput(t, name)
		}
		fit, err := FirthCox(in.times, in.events, in.x, in.names)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(fit.Terms) != len(want) {
			t.Fatalf("%s: %d terms; R %d", name, len(fit.Terms), len(want))
		}
		// The R reference maximises numerically (optimize, optim), to
		// about 1e-8.
		const tol = 1e-6
		for j, w := range want {
			g := fit.Terms[j]
			for _, c := range []struct {
				col string
				got float64
				tol float64
			}{
				{"coef", g.Coef, tol}, {"se", g.SE, tol}, {"lower", g.Lower, tol}, {"upper", g.Upper, tol},
				{"chisq", g.Chisq, tol}, {"p", g.P, tol},
				{"loglik0", fit.LogLik0, 1e-9}, {"loglik", fit.LogLik, 1e-9}, {"lr_chisq", fit.LRChisq, 1e-8},
			} {
				r := rNumber(t, w[c.col])
				if !coxCloseTol(c.got, r, c.tol) {
					t.Errorf("%s %s %s: got %.10g, R %.10g", name, g.Term, c.col, c.got, r)
				}
				maxDev = math.Max(maxDev, math.Abs(c.got-r)/math.Max(1, math.Abs(r)))
			}
		}
	}
	t.Logf("largest (relative) deviation from R: %.3g", maxDev)
}

// TestFirthCoxFiniteUnderSeparation: where the ordinary Cox model reports a
// coefficient that may be infinite, Firth's estimate is finite and its
// profile interval excludes 1.
func TestFirthCoxFiniteUnderSeparation(t *testing.T) {
	in := coxReadInput(t, "sep")
	cox, err := CoxPH(in.times, in.events, in.x, in.names, Breslow)
	if err != nil {
		t.Fatal(err)
	}
	if len(cox.Warnings) == 0 {
		t.Fatal("ordinary Cox: no monotone-likelihood warning on separated data")
	}
	fit, err := FirthCox(in.times, in.events, in.x, in.names)
	if err != nil {
		t.Fatal(err)
	}
	g := fit.Terms[0]
	if math.IsInf(g.Coef, 0) || g.Coef > 10 || !(g.Lower > 1) || math.IsInf(g.Upper, 0) {
		t.Errorf("Firth on separated data: coef %v, HR limits %v–%v; want finite, lower above 1", g.Coef, g.Lower, g.Upper)
	}
}

func TestFirthCoxRejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		times  []float64
		events []bool
		x      [][]float64
	}{
		{"empty", nil, nil, nil},
		{"lengths", []float64{1, 2}, []bool{true}, [][]float64{{1}, {0}}},
		{"no events", []float64{1, 2}, []bool{false, false}, [][]float64{{1}, {0}}},
		{"constant", []float64{1, 2}, []bool{true, true}, [][]float64{{1}, {1}}},
		{"NaN covariate", []float64{1, 2}, []bool{true, true}, [][]float64{{math.NaN()}, {1}}},
		{"ragged", []float64{1, 2}, []bool{true, true}, [][]float64{{1, 2}, {1}}},
	}
	for _, tc := range tests {
		if _, err := FirthCox(tc.times, tc.events, tc.x, nil); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
