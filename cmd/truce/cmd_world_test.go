package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/truce-lab/truce/analysis"
)

func TestWorldErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"world"}, "needs --ethprio"},
		{[]string{"world", "--ucdp-pad", padFixture}, "needs --ethprio"},
		{[]string{"world", "--ethprio", ethFixture, "--outcome", "collapse"}, `--outcome "collapse"`},
		{[]string{"world", "--ethprio", ethFixture, "-o", "x.gif"}, "extension"},
		{[]string{"report", "-o", "dir", "--ucdp-pad", padFixture}, "needs --ethprio"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runCmd(t, tt.args...)
			if _, ok := err.(usageError); !ok || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a usage error with %q", err, tt.want)
			}
		})
	}
}

// worldCSV runs world --format csv and returns its rows by group name.
func worldCSV(t *testing.T, args ...string) (map[string]map[string]string, string) {
	t.Helper()
	out, errOut, err := runCmd(t, append([]string{"world", "--format", "csv"}, args...)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for j, c := range recs[0] {
			m[c] = r[j]
		}
		rows[r[0]] = m
	}
	return rows, errOut
}

// TestWorldFixtures runs the comparison on the readers' fixtures: the
// embedded deals (35 agreements and ceasefires in dataset 0.2.0) beside 11
// ETH/PRIO ceasefires (2 in Pakistan) and 4 intrastate UCDP agreements.
func TestWorldFixtures(t *testing.T) {
	rows, warn := worldCSV(t, "--ethprio", ethFixture, "--ucdp-pad", padFixture)
	want := map[string]string{"truce: Pakistan state–Taliban deals": "35", "ETH/PRIO: all ceasefires": "11",
		"ETH/PRIO: Pakistan": "2", "UCDP PAD: intrastate agreements": "4"}
	for g, n := range want {
		if rows[g]["n"] != n {
			t.Errorf("%s: n %q, want %s", g, rows[g]["n"], n)
		}
	}
	if len(rows) != 5 || rows["truce: Pakistan state–Taliban deals"]["p_holm"] != "" || rows["ETH/PRIO: all ceasefires"]["p_holm"] == "" {
		t.Errorf("%d groups, want 5, a test for each but truce: %v", len(rows), rows)
	}
	if !strings.Contains(warn, "ETH/PRIO ended codes") || !strings.Contains(warn, "UCDP PAD") {
		t.Errorf("stderr lacks the readers' warnings: %q", warn)
	}
	anyEnd, _ := worldCSV(t, "--ethprio", ethFixture, "--outcome", "any-end")
	if _, ok := anyEnd["UCDP PAD: intrastate agreements"]; ok || anyEnd["ETH/PRIO: all ceasefires"]["ends"] == "" {
		t.Errorf("--outcome any-end without --ucdp-pad: %v", anyEnd)
	}
	chart := filepath.Join(t.TempDir(), "world.svg")
	if _, _, err := runCmd(t, "world", "--ethprio", ethFixture, "-o", chart); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(chart); err != nil || fi.Size() == 0 {
		t.Errorf("chart not written: %v", err)
	}
}

// TestReportWorldSection checks that report --ethprio adds the section with
// its chart and tables.
func TestReportWorldSection(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, err := runCmd(t, "report", "-o", dir, "--ethprio", ethFixture, "--ucdp-pad", padFixture); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	md, err := os.ReadFile(filepath.Join(dir, "briefing.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Beside the world's ceasefires and peace agreements", "chart-world.png", "Holm-adjusted over the 4 tests", "The units differ"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("briefing.md lacks %q", want)
		}
	}
	for _, f := range []string{"chart-world.png", "chart-world.svg", "table-world-breakdown.csv", "table-world-any-end.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written", f)
		}
	}
}

// TestWorldSharedMatchesR runs world on the shared copies and compares n,
// the share broken down by 365 days and the Holm-adjusted log-rank p with the R
// reference of the world figures (world_figures.R, survival 3.5.3).
func TestWorldSharedMatchesR(t *testing.T) {
	eth, pad := sharedFile(t, "eth-prio-civil-conflict-ceasefires-1989-2020.csv"), sharedFile(t, "ucdp-peace-agreements-v22.1.csv")
	rows, _ := worldCSV(t, "--ethprio", eth, "--ucdp-pad", pad)
	f, err := os.Open("../../dataset/external/internal/worldfigures/testdata/world_figures_r.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range ref[1:] {
		if r[0] != "breakdown" {
			continue
		}
		got := rows[r[1]]
		share, _ := strconv.ParseFloat(r[9], 64)
		p := ""
		if r[15] != "NA" {
			v, _ := strconv.ParseFloat(r[15], 64)
			p = analysis.FormatP(v)
		}
		if got["n"] != r[2] || got["ended_by_365"] != strconv.FormatFloat(100*share, 'f', 1, 64) || got["p_holm"] != p {
			t.Errorf("%s: n %s, ended_by_365 %s, p_holm %s; R: n %s, 1 − S(365) %s, Holm p %s", r[1], got["n"], got["ended_by_365"], got["p_holm"], r[2], r[9], r[15])
		}
		checked++
	}
	if checked != 5 {
		t.Errorf("%d groups checked, want 5", checked)
	}
}
