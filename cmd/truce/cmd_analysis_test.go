package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// randomEndingsCSV writes incidence_input_random.csv (time, status 0–3,
// group; 150 seeded subjects with all three endings, made by
// incidence_reference.R) as deals: each starts on 2000-01-01 and ends
// `time` days later, a breakdown, expiry or supersession by status, or,
// when censored, an unknown end last seen then.
func randomEndingsCSV(t *testing.T) string {
	t.Helper()
	f, err := os.Open("../../analysis/testdata/r/incidence_input_random.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("id,start,end,end_type,last_seen,grp\n")
	for i, r := range recs[1:] {
		day := start.AddDate(0, 0, int(num(t, r[0]))).Format("2006-01-02")
		switch r[1] {
		case "0":
			fmt.Fprintf(&b, "r-%d,2000-01-01,,unknown,%s,%s\n", i, day, r[2])
		default:
			endType := map[string]string{"1": "breakdown", "2": "expired", "3": "superseded"}[r[1]]
			fmt.Fprintf(&b, "r-%d,2000-01-01,%s,%s,,%s\n", i, day, endType, r[2])
		}
	}
	path := filepath.Join(t.TempDir(), "random.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestIncidenceCSVMatchesR runs `truce incidence --format csv` on the
// embedded deals and on random data with all three endings (overall and
// --by group) and compares every estimate, standard error and limit with
// R's multi-state survfit (incidence_expected.csv) to 1e-6.
func TestIncidenceCSVMatchesR(t *testing.T) {
	random := randomEndingsCSV(t)
	tests := []struct {
		name string // the R name in incidence_expected.csv
		args []string
		by   string
	}{
		{"deals", []string{"incidence", "--format", "csv"}, ""},
		{"random", []string{"incidence", "--data", random, "--asof", "2030-01-01", "--format", "csv"}, ""},
		{"random", []string{"incidence", "--data", random, "--asof", "2030-01-01", "--by", "grp", "--format", "csv"}, "grp"},
	}
	for _, tc := range tests {
		out, _, err := runCmd(t, tc.args...)
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]map[string]string{} // group|time -> column -> value
		for _, r := range recs[1:] {
			m := map[string]string{}
			for j, c := range recs[0] {
				m[c] = r[j]
			}
			g := "(all)"
			if tc.by != "" {
				g = "grp=" + m[tc.by]
			}
			got[g+"|"+m["time"]] = m
		}
		f, err := os.Open("../../analysis/testdata/r/incidence_expected.csv")
		if err != nil {
			t.Fatal(err)
		}
		want, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, w := range want[1:] {
			name, group, tm, state := w[0], w[1], w[2], w[4]
			if name != tc.name || (tc.by == "") != (group == "(all)") {
				continue
			}
			if tc.by != "" {
				group = "grp=" + group
			}
			row, ok := got[group+"|"+tm]
			if !ok {
				t.Errorf("%s %s: no row at time %s", tc.name, group, tm)
				continue
			}
			col := state
			if state == "(s0)" {
				col = "in_force"
			}
			pairs := [][2]string{{row[col], w[5]}}
			if col != "in_force" {
				pairs = append(pairs, [2]string{row[col+"_se"], w[6]}, [2]string{row[col+"_lower"], w[7]}, [2]string{row[col+"_upper"], w[8]})
			}
			for k, p := range pairs {
				if !sameNumber(t, p[0], p[1]) {
					t.Errorf("%s %s time %s %s[%d]: %s; R %s", tc.name, group, tm, col, k, p[0], p[1])
				}
			}
			checked++
		}
		if checked < 100 {
			t.Errorf("%v: only %d R rows checked", tc.args, checked)
		}
	}
}

// sameNumber compares a command's cell with R's to 1e-6; NA equals NA.
func sameNumber(t *testing.T, got, want string) bool {
	t.Helper()
	if got == "NA" || want == "NA" {
		return got == want
	}
	g, w := num(t, got), num(t, want)
	return math.Abs(g-w) <= 1e-6*math.Max(1, math.Abs(w))
}

// rRecords reads a CSV written by an R reference into records keyed by
// its header.
func rRecords(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for j, c := range recs[0] {
			m[c] = r[j]
		}
		out = append(out, m)
	}
	return out
}

// strataSimCSV writes coxstrata_input_sim.csv (time, status, stratum, x1,
// x2; coxstrata_reference.R) as deals starting on 2000-01-01: a breakdown
// after `time` days, or an unknown end last seen then.
func strataSimCSV(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("id,start,end,end_type,last_seen,stratum,x1,x2\n")
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, r := range rRecords(t, "../../analysis/testdata/r/coxstrata_input_sim.csv") {
		day := start.AddDate(0, 0, int(num(t, r["time"]))).Format("2006-01-02")
		if r["status"] == "1" {
			fmt.Fprintf(&b, "s-%d,2000-01-01,%s,breakdown,,%s,%s,%s\n", i, day, r["stratum"], r["x1"], r["x2"])
		} else {
			fmt.Fprintf(&b, "s-%d,2000-01-01,,unknown,%s,%s,%s,%s\n", i, day, r["stratum"], r["x1"], r["x2"])
		}
	}
	path := filepath.Join(t.TempDir(), "sim.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCoxStrataJSONMatchesR runs `truce cox --strata` on simulated
// stratified data and compares the coefficients, standard errors,
// log-likelihood and the proportional-hazards check with R's
// coxph(... + strata(stratum)) and cox.zph (coxstrata_reference.R).
func TestCoxStrataJSONMatchesR(t *testing.T) {
	data := strataSimCSV(t)
	for _, ties := range []string{"efron", "breslow"} {
		out, _, err := runCmd(t, "cox", "--data", data, "--asof", "2030-01-01", "--covariates", "x1,x2", "--strata", "stratum", "--ties", ties, "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Terms []struct {
				Term     string
				Coef, SE float64
			} `json:"terms"`
			LogLik  float64 `json:"loglik"`
			PHCheck *struct {
				Terms []struct {
					Term  string
					Chisq float64
					P     float64
				} `json:"terms"`
				Global struct{ Chisq, P float64 } `json:"global"`
			} `json:"ph_check"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, w := range rRecords(t, "../../analysis/testdata/r/coxstrata_expected.csv") {
			if w["name"] != "sim" || w["ties"] != ties {
				continue
			}
			for _, g := range got.Terms {
				if g.Term == w["term"] {
					if !closeTo(g.Coef, num(t, w["coef"])) || !closeTo(g.SE, num(t, w["se"])) || !closeTo(got.LogLik, num(t, w["loglik"])) {
						t.Errorf("%s %s: coef %v se %v loglik %v; R %s %s %s", ties, g.Term, g.Coef, g.SE, got.LogLik, w["coef"], w["se"], w["loglik"])
					}
					checked++
				}
			}
		}
		if checked != 2 {
			t.Errorf("%s: %d terms checked, want 2", ties, checked)
		}
		if got.PHCheck == nil {
			t.Fatalf("%s: no ph_check", ties)
		}
		zchecked := 0
		for _, w := range rRecords(t, "../../analysis/testdata/r/coxzph_expected.csv") {
			if w["name"] != "sim" || w["ties"] != ties || w["strata"] != "TRUE" {
				continue
			}
			gotChisq, gotP := got.PHCheck.Global.Chisq, got.PHCheck.Global.P
			for _, g := range got.PHCheck.Terms {
				if g.Term == w["term"] {
					gotChisq, gotP = g.Chisq, g.P
				}
			}
			if !closeTo(gotChisq, num(t, w["chisq"])) || !closeTo(gotP, num(t, w["p"])) {
				t.Errorf("%s zph %s: chisq %v p %v; R %s %s", ties, w["term"], gotChisq, gotP, w["chisq"], w["p"])
			}
			zchecked++
		}
		if ties == "efron" && zchecked != 3 {
			t.Errorf("%s: %d zph rows checked, want 3", ties, zchecked)
		}
	}
}

// TestSurvivalExtrasMatchR checks `truce survival --cumhaz` against R's
// Nelson–Aalen estimate (nelsonaalen_expected.csv, aml) and
// `truce survival --bootstrap 400 --seed S` against the percentile limits
// R computes from the same resamples (bootstrap_expected.csv, rows -1 and
// -2: lower and upper) on aml and on the embedded deals.
func TestSurvivalExtrasMatchR(t *testing.T) {
	out, _, err := runCmd(t, "survival", "--data", "testdata/aml.csv", "--cumhaz", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byTime := map[string][]string{}
	for _, r := range recs[1:] {
		byTime[r[1]] = r
	}
	checked := 0
	for _, w := range rRecords(t, "../../analysis/testdata/r/nelsonaalen_expected.csv") {
		if w["name"] != "aml" {
			continue
		}
		r, ok := byTime[w["time"]]
		if !ok {
			t.Errorf("no row at time %s", w["time"])
			continue
		}
		if !sameNumber(t, r[9], w["cumhaz"]) || !sameNumber(t, r[10], w["std_chaz"]) {
			t.Errorf("time %s: cumhaz %s se %s; R %s %s", w["time"], r[9], r[10], w["cumhaz"], w["std_chaz"])
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("%d Nelson–Aalen rows checked", checked)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"aml", []string{"--data", "testdata/aml.csv", "--seed", "1"}},
		{"deals", []string{"--seed", "20041124"}},
	}
	for _, tc := range tests {
		out, _, err := runCmd(t, append([]string{"survival", "--bootstrap", "400", "--format", "csv"}, tc.args...)...)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) != 2 || recs[0][2] != "boot_lower" {
			t.Fatalf("%s: %q (%v)", tc.name, out, err)
		}
		limits := map[string]string{}
		for _, w := range rRecords(t, "../../analysis/testdata/r/bootstrap_expected.csv") {
			if w["name"] == tc.name && (w["resample"] == "-1" || w["resample"] == "-2") {
				limits[w["resample"]] = w["median"]
			}
		}
		if !sameNumber(t, recs[1][2], limits["-1"]) || !sameNumber(t, recs[1][3], limits["-2"]) {
			t.Errorf("%s: bootstrap interval %s–%s; R %s–%s", tc.name, recs[1][2], recs[1][3], limits["-1"], limits["-2"])
		}
	}
}

// TestFitCSVMatchesR runs `truce fit` on the embedded deals, intercept
// only and with has:checkpoint-removal, and compares every coefficient,
// standard error, scale, log-likelihood and AIC with R's survreg
// (survreg_expected.csv, names deals and deals_x).
func TestFitCSVMatchesR(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"deals", nil},
		{"deals_x", []string{"--covariates", "has:checkpoint-removal"}},
	}
	want := rRecords(t, "../../analysis/testdata/r/survreg_expected.csv")
	for _, tc := range tests {
		out, _, err := runCmd(t, append([]string{"fit", "--format", "csv"}, tc.args...)...)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var rows []map[string]string
		for _, w := range want {
			if w["name"] == tc.name {
				rows = append(rows, w)
			}
		}
		if len(rows) != len(recs)-1 || len(rows) == 0 {
			t.Fatalf("%s: %d rows; R %d", tc.name, len(recs)-1, len(rows))
		}
		for i, w := range rows {
			r := recs[i+1]
			if r[0] != w["dist"] {
				t.Fatalf("%s row %d: %s; R %s", tc.name, i, r[0], w["dist"])
			}
			for _, c := range [][3]string{{r[2], w["coef"], "coef"}, {r[4], w["se"], "se"}, {r[6], w["scale"], "scale"}, {r[7], w["loglik"], "loglik"}, {r[8], w["aic"], "aic"}} {
				if !sameNumber(t, c[0], c[1]) {
					t.Errorf("%s %s %s %s: %s; R %s", tc.name, r[0], r[1], c[2], c[0], c[1])
				}
			}
		}
	}
}
