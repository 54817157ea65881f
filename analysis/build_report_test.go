package analysis

import (
	"bytes"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// TestBuildReport checks that each report lays out the tables its command
// prints, in order, and which one CSV holds.
func TestBuildReport(t *testing.T) {
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	sel, err := dataset.Select(data.Deals, nil, dataset.AsOf())
	if err != nil {
		t.Fatal(err)
	}
	opts := ReportOptions{By: "kind", Tau: 365, Survival: SurvivalOptions{Bootstrap: BootOptions{Rounds: 200, Seed: 1}},
		Cox: CoxSpec{Covariates: []string{"n_concessions"}, Ties: Efron}}
	tests := map[string]struct {
		tables  []string
		primary string
		json    bool
	}{
		"durations":   {[]string{"durations"}, "durations", false},
		"summary":     {[]string{"summary"}, "summary", false},
		"survival":    {[]string{"survival", "bootstrap_median"}, "bootstrap_median", false},
		"compare":     {[]string{"compare"}, "compare", true},
		"cox":         {[]string{"cox", "cox_zph"}, "cox", true},
		"incidence":   {[]string{"incidence"}, "incidence", false},
		"fit":         {[]string{"fit"}, "fit", false},
		"concessions": {[]string{"concessions", "era"}, "concessions", false},
		"triggers":    {[]string{"triggers"}, "triggers", false},
		"sensitivity": {[]string{"sensitivity"}, "sensitivity", false},
	}
	if len(tests) != len(ReportNames()) {
		t.Fatalf("%d reports tested, ReportNames has %d", len(tests), len(ReportNames()))
	}
	for _, name := range ReportNames() {
		want := tests[name]
		r, err := BuildReport(name, sel, opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for _, tb := range r.Tables {
			got = append(got, tb.Name)
		}
		if strings.Join(got, ",") != strings.Join(want.tables, ",") || r.Tables[r.Primary].Name != want.primary || (r.JSON != nil) != want.json {
			t.Errorf("%s: tables %v, primary %q, JSON %v; want %v, %q, %v", name, got, r.Tables[r.Primary].Name, r.JSON != nil, want.tables, want.primary, want.json)
		}
	}
	if _, err := BuildReport("nosuch", sel, opts); err == nil {
		t.Error(`BuildReport("nosuch"): no error`)
	}
}

// TestReportWrite checks that CSV holds the primary table with the note
// first among its notes, and text every table.
func TestReportWrite(t *testing.T) {
	tables := func() (a, b *Table) {
		return &Table{Name: "a", Columns: []string{"x"}, Rows: [][]string{{"1"}}},
			&Table{Name: "b", Columns: []string{"y"}, Rows: [][]string{{"2"}}, Notes: []string{"b's note"}}
	}
	var csv, text bytes.Buffer
	a, b := tables()
	if err := (&Report{Tables: []*Table{a, b}}).Write(&csv, "csv", "the note"); err != nil {
		t.Fatal(err)
	}
	if got := csv.String(); got != "x\n1\n" || len(a.Notes) != 1 || a.Notes[0] != "the note" {
		t.Errorf("csv %q, notes of a %q; want %q, [the note]", got, a.Notes, "x\n1\n")
	}
	a, b = tables()
	if err := (&Report{Tables: []*Table{a, b}}).Write(&text, "text", "the note"); err != nil {
		t.Fatal(err)
	}
	if got := text.String(); got != "x\n-\n1\n\ny\n-\n2\n\nthe note\nb's note\n" {
		t.Errorf("text %q: want both tables, the note under the last", got)
	}
}
