package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// testdata/aml.csv is R's aml data (survival package) as deals: each starts
// on 2000-01-01 and lasts `time` days, a breakdown when status is 1 and
// expired (censored) when 0; arm is the group, nonmaint its 0/1 indicator.
// It lets these tests compare the commands' output with the R values in
// ../../analysis/testdata/r.

func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestRunExitKinds(t *testing.T) {
	tests := []struct {
		args  []string
		usage bool // a usageError (exit 2) rather than a failure (exit 1)
		help  bool
	}{
		{args: nil, usage: true},
		{args: []string{"bogus"}, usage: true},
		{args: []string{"list", "--format", "xml"}, usage: true},
		{args: []string{"list", "--asof", "2020"}, usage: true},
		{args: []string{"list", "--where", "kind"}, usage: true},
		{args: []string{"list", "--nope"}, usage: true},
		{args: []string{"summary", "--where", "start<notadate"}, usage: true},
		{args: []string{"summary", "--where", "start>"}, usage: true},
		{args: []string{"list", "--where", "start>=2006-13"}, usage: true},
		{args: []string{"summary", "--where", "colour=red"}, usage: true},
		{args: []string{"chart", "durations", "-o", "x.png", "--where", "colour=red"}, usage: true},
		{args: []string{"summary", "--where", "start>2030"}},
		{args: []string{"show"}, usage: true},
		{args: []string{"compare", "--data", "testdata/aml.csv"}, usage: true},
		{args: []string{"cox", "--data", "testdata/aml.csv", "--covariates", "nonmaint", "--ties", "exact"}, usage: true},
		{args: []string{"list", "-h"}, help: true},
		{args: []string{"list", "--data", "testdata/missing.csv"}},
		{args: []string{"validate", "--data", "testdata/bad.csv"}},
		{args: []string{"cox", "--data", "testdata/aml.csv", "--covariates", "arm"}},
		{args: []string{"list", "--data", "testdata/aml.csv", "--where", "arm=none"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runCmd(t, tt.args...)
			if err == nil {
				t.Fatal("no error")
			}
			var ue usageError
			if got := errors.As(err, &ue); got != tt.usage {
				t.Errorf("usage error = %v, want %v (%v)", got, tt.usage, err)
			}
			if got := errors.Is(err, errHelpShown); got != tt.help {
				t.Errorf("help shown = %v, want %v", got, tt.help)
			}
		})
	}
}

func TestValidateReportsPositions(t *testing.T) {
	out, _, err := runCmd(t, "validate", "--data", "testdata/bad.csv")
	if err == nil {
		t.Fatal("bad.csv validated")
	}
	for _, want := range []string{
		"testdata/bad.csv:2:10: start: bad date \"2004-02-30\"",
		"testdata/bad.csv:3:22: end: end before start",
		"testdata/bad.csv:4:1: id: duplicate id",
		"testdata/bad.csv:5:20: end_type: value outside the vocabulary",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCmd(t, "validate", "--data", "testdata/aml.csv")
	if err != nil || out != "23 deals, 0 problems\n" {
		t.Errorf("validate aml.csv = %q, %v", out, err)
	}
}

// rRow returns the record of an R output CSV whose first fields match key.
func rRow(t *testing.T, path string, key ...string) map[string]string {
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
	for _, r := range recs[1:] {
		if strings.Join(r[:len(key)], ",") == strings.Join(key, ",") {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = r[i]
			}
			return m
		}
	}
	t.Fatalf("%s has no row %v", path, key)
	return nil
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func closeTo(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func TestCompareJSONMatchesR(t *testing.T) {
	out, _, err := runCmd(t, "compare", "--data", "testdata/aml.csv", "--by", "arm", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Chisq  float64 `json:"chisq"`
		DF     int     `json:"df"`
		P      float64 `json:"p"`
		Groups []struct {
			Group    string  `json:"group"`
			N        int     `json:"n"`
			Observed float64 `json:"observed"`
			Expected float64 `json:"expected"`
		} `json:"groups"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := rRow(t, "../../analysis/testdata/r/logrank.csv", "aml")
	if !closeTo(got.Chisq, num(t, want["chisq"])) || !closeTo(got.P, num(t, want["p"])) || got.DF != 1 {
		t.Errorf("chisq %v p %v df %d; R: %s %s", got.Chisq, got.P, got.DF, want["chisq"], want["p"])
	}
	for _, g := range got.Groups {
		w := rRow(t, "../../analysis/testdata/r/logrank_groups.csv", "aml", g.Group)
		if !closeTo(g.Observed, num(t, w["observed"])) || !closeTo(g.Expected, num(t, w["expected"])) {
			t.Errorf("%s: O %v E %v; R: %s %s", g.Group, g.Observed, g.Expected, w["observed"], w["expected"])
		}
	}
	if got.Warnings == nil {
		t.Error("warnings must be an array, not null")
	}
}

func TestCoxJSONMatchesR(t *testing.T) {
	out, _, err := runCmd(t, "cox", "--data", "testdata/aml.csv", "--covariates", "nonmaint", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		N, Events int
		Terms     []map[string]any `json:"terms"`
		LogLik    float64          `json:"loglik"`
		LRChisq   float64          `json:"lr_chisq"`
		LRP       float64          `json:"lr_p"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := rRow(t, "../../analysis/testdata/r/cox_expected.csv", "aml", "efron")
	if len(got.Terms) != 1 {
		t.Fatalf("%d terms", len(got.Terms))
	}
	for _, k := range []string{"coef", "exp_coef", "se", "z", "p", "lower", "upper"} {
		if v, _ := got.Terms[0][k].(float64); !closeTo(v, num(t, want[k])) {
			t.Errorf("%s = %v, R %s", k, v, want[k])
		}
	}
	if !closeTo(got.LogLik, num(t, want["loglik"])) || !closeTo(got.LRChisq, num(t, want["lr_chisq"])) || !closeTo(got.LRP, num(t, want["lr_p"])) {
		t.Errorf("loglik %v lr %v p %v; R %s %s %s", got.LogLik, got.LRChisq, got.LRP, want["loglik"], want["lr_chisq"], want["lr_p"])
	}
}

func TestSurvivalCSVMatchesR(t *testing.T) {
	out, _, err := runCmd(t, "survival", "--data", "testdata/aml.csv", "--by", "arm", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper" {
		t.Fatalf("header %v", recs[0])
	}
	f, _ := os.Open("../../analysis/testdata/r/km_aml.csv")
	defer f.Close()
	all, _ := csv.NewReader(f).ReadAll()
	var want [][]string // the per-arm rows; "(all)" is the pooled curve
	for _, r := range all {
		if r[0] != "(all)" {
			want = append(want, r)
		}
	}
	if len(recs) != len(want) {
		t.Fatalf("%d rows, R has %d", len(recs), len(want))
	}
	for i := 1; i < len(want); i++ {
		for j := range want[i] {
			g, w := recs[i][j], want[i][j]
			if j == 0 || w == "NA" || w == "NaN" {
				if g != w {
					t.Errorf("row %d col %d: %q, R %q", i, j, g, w)
				}
				continue
			}
			if !closeTo(num(t, g), num(t, w)) {
				t.Errorf("row %d %s: %s, R %s", i, recs[0][j], g, w)
			}
		}
	}
}
