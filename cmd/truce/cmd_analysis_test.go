package main

import (
	"encoding/csv"
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
