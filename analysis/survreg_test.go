package analysis

import (
	"math"
	"testing"
)

// TestSurvRegMatchesR compares SurvRegFit with R's survreg
// (testdata/r/survreg_reference.R → survreg_expected.csv) for the three
// distributions on aml (with and without the group), random60, sim3 (three
// covariates) and the embedded deals (breakdowns, half a day added).
func TestSurvRegMatchesR(t *testing.T) {
	type key struct{ name, dist string }
	want := map[key][]map[string]string{}
	var order []key
	for _, r := range readRCSV(t, "survreg_expected.csv") {
		k := key{r["name"], r["dist"]}
		if want[k] == nil {
			order = append(order, k)
		}
		want[k] = append(want[k], r)
	}
	if len(order) != 18 {
		t.Fatalf("survreg_expected.csv has %d fits; want 18", len(order))
	}
	dists := map[string]Dist{"weibull": Weibull, "lognormal": LogNormal, "loglogistic": LogLogistic}
	e := loadEmbeddedDeals(t)
	maxDev := 0.0
	for _, k := range order {
		var in coxInput
		withX := true
		switch k.name {
		case "aml", "aml_x", "random60":
			file := map[string]string{"aml": "aml", "aml_x": "aml", "random60": "random60"}[k.name]
			for _, r := range readRCSV(t, "input_"+file+".csv") {
				in.times = append(in.times, rNumber(t, r["time"]))
				in.events = append(in.events, r["status"] == "1")
				in.x = append(in.x, []float64{map[bool]float64{true: 1, false: 0}[r["group"] == "Nonmaintained"]})
			}
			in.names = []string{"x1"}
			withX = k.name == "aml_x"
		case "sim3":
			in = coxReadInput(t, "sim3")
		case "deals", "deals_x":
			in = coxInput{events: e.breakdowns(), x: columnMatrix(e.flag(t, "has:checkpoint-removal")), names: []string{"x1"}}
			for _, d := range e.times {
				in.times = append(in.times, d+0.5)
			}
			withX = k.name == "deals_x"
		}
		if !withX {
			in.x, in.names = nil, nil
		}
		fit, err := SurvRegFit(in.times, in.events, in.x, in.names, dists[k.dist])
		if err != nil {
			t.Fatalf("%v: %v", k, err)
		}
		rows := want[k]
		if len(fit.Terms) != len(rows) {
			t.Fatalf("%v: %d terms; R %d", k, len(fit.Terms), len(rows))
		}
		for j, r := range rows {
			for _, c := range []struct {
				col string
				got float64
			}{
				{"coef", fit.Terms[j].Coef}, {"se", fit.Terms[j].SE}, {"scale", fit.Scale},
				{"log_scale_se", fit.LogScaleSE}, {"loglik", fit.LogLik}, {"aic", fit.AIC},
			} {
				w := rNumber(t, r[c.col])
				if !coxCloseTol(c.got, w, 1e-5) {
					t.Errorf("%v %s %s: got %.10g, R %.10g", k, r["term"], c.col, c.got, w)
				}
				maxDev = math.Max(maxDev, math.Abs(c.got-w)/math.Max(1, math.Abs(w)))
			}
		}
	}
	t.Logf("largest (relative) deviation from R: %.3g", maxDev)
}

func TestSurvRegRejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		times  []float64
		events []bool
		x      [][]float64
		dist   Dist
	}{
		{"empty", nil, nil, nil, Weibull},
		{"zero time", []float64{0, 1}, []bool{true, true}, nil, Weibull},
		{"no events", []float64{1, 2}, []bool{false, false}, nil, LogNormal},
		{"lengths", []float64{1, 2}, []bool{true}, nil, Weibull},
		{"unknown distribution", []float64{1, 2}, []bool{true, true}, nil, Dist(7)},
		{"NaN covariate", []float64{1, 2}, []bool{true, true}, [][]float64{{math.NaN()}, {1}}, LogLogistic},
	}
	for _, tc := range tests {
		if _, err := SurvRegFit(tc.times, tc.events, tc.x, nil, tc.dist); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
