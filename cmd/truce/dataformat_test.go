package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Fixtures of the external readers (dataset/external/testdata): 13 ETH/PRIO
// actor-rows making 11 ceasefires, 2 of them in Pakistan; 5 UCDP PAD
// agreements, 4 intrastate.
const (
	ethFixture = "../../dataset/external/testdata/ethprio_quirks.csv"
	padFixture = "../../dataset/external/testdata/ucdp_pad_quirks.csv"
)

// summaryN runs summary --format csv and returns group → n.
func summaryN(t *testing.T, args ...string) (map[string]string, string) {
	t.Helper()
	out, errOut, err := runCmd(t, append([]string{"summary", "--format", "csv"}, args...)...)
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]string{}
	for _, r := range recs[1:] {
		n[r[0]] = r[1]
	}
	return n, errOut
}

func TestDataFormat(t *testing.T) {
	tests := []struct {
		args     []string
		want     map[string]string
		wantWarn string
	}{
		{[]string{"--data", ethFixture, "--data-format", "ethprio"}, map[string]string{"all": "11"}, "inferred, unconfirmed meanings"},
		{[]string{"--data", ethFixture, "--data-format", "ethprio", "--where", "country=Pakistan"}, map[string]string{"all": "2"}, "ETH/PRIO ended codes"},
		{[]string{"--data", ethFixture, "--data-format", "ethprio", "--where", "country=Pakistan", "--where", "country=India", "--by", "country"}, map[string]string{"India": "1", "Pakistan": "2"}, "ETH/PRIO"},
		{[]string{"--data", padFixture, "--data-format", "ucdp-pad"}, map[string]string{"all": "5"}, "agreements with an end date before the agreement date: 1;"},
		{[]string{"--data", padFixture, "--data-format", "ucdp-pad", "--by", "conflict_type"}, map[string]string{"interstate": "1", "intrastate": "4"}, "UCDP PAD"},
		{[]string{"--data", padFixture, "--data-format", "ucdp-pad", "--where", "third_party=yes", "--by", "region"}, map[string]string{"Africa": "1", "Asia": "2"}, "UCDP PAD"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, warn := summaryN(t, tt.args...)
			if len(got) != len(tt.want) {
				t.Errorf("groups %v, want %v", got, tt.want)
			}
			for g, n := range tt.want {
				if got[g] != n {
					t.Errorf("%s: n %s, want %s", g, got[g], n)
				}
			}
			if !strings.Contains(warn, "truce: warning: ") || !strings.Contains(warn, tt.wantWarn) {
				t.Errorf("stderr %q does not carry the reader's warning %q", warn, tt.wantWarn)
			}
		})
	}
}

func TestDataFormatErrors(t *testing.T) {
	tests := []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{"summary", "--data-format", "ethprio"}, true, "needs --data"},
		{[]string{"summary", "--data", ethFixture, "--data-format", "acled"}, true, `--data-format "acled"`},
		{[]string{"validate", "--data", padFixture, "--data-format", "ethprio"}, false, `ucdp_pad_quirks.csv:1: missing required column "uniq_id"`},
		{[]string{"list", "--data", ethFixture, "--data-format", "ethprio", "--where", "colour=red"}, true, "colour"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := runCmd(t, tt.args...)
			if err == nil {
				t.Fatal("no error")
			}
			_, isUsage := err.(usageError)
			if isUsage != tt.usage || !strings.Contains(out+err.Error(), tt.want) {
				t.Errorf("error %v (usage %v), want %q (usage %v)", err, isUsage, tt.want, tt.usage)
			}
		})
	}
}

// sharedFile returns a file of ../shared/data (never committed), or skips.
func sharedFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not found: the external copies in ../shared/data are not committed (licence); this test runs only where they are", path)
	}
	return path
}

// TestDataFormatShared is issue 13's check: summary counts one row per
// ceasefire (2,203 uniq_id in 4,091 actor-rows) and one per agreement
// (374 paid).
func TestDataFormatShared(t *testing.T) {
	for _, tt := range []struct {
		file, format, want string
	}{
		{"eth-prio-civil-conflict-ceasefires-1989-2020.csv", "ethprio", "2203"},
		{"ucdp-peace-agreements-v22.1.csv", "ucdp-pad", "374"},
	} {
		got, _ := summaryN(t, "--data", sharedFile(t, tt.file), "--data-format", tt.format)
		if got["all"] != tt.want {
			t.Errorf("%s: n %s, want %s", tt.format, got["all"], tt.want)
		}
	}
}
