package analysis

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// embeddedConcessions runs AnalyzeConcessions on the embedded agreements
// and ceasefires, the data of deals_input.csv.
func embeddedConcessions(t *testing.T) *Concessions {
	t.Helper()
	e := loadEmbeddedDeals(t)
	var deals []dataset.Deal
	for _, id := range e.ids {
		deals = append(deals, *e.deals[id])
	}
	s, err := SampleOf(deals, dataset.AsOf())
	if err != nil {
		t.Fatal(err)
	}
	c, err := AnalyzeConcessions(s, ConcessionColumns())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// tableCSV writes t as CSV and reads it back keyed by the first column.
func tableCSV(t *testing.T, tab *Table) map[string]map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := tab.Write(&b, "csv"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for j, c := range recs[0] {
			m[c] = r[j]
		}
		out[r[0]] = m
	}
	return out
}

// TestConcessionTableMatchesR checks every figure of the concessions
// table's CSV (full precision) on the embedded deals against R
// (concessions_reference.R: survdiff, p.adjust, coxph with and without
// start_year; firth_reference.R: Firth's model), and the era and
// per-concession Cox models.
func TestConcessionTableMatchesR(t *testing.T) {
	c := embeddedConcessions(t)
	rows := tableCSV(t, ConcessionTable(c))
	firth := map[string]map[string]string{}
	for _, r := range readRCSV(t, "firth_expected.csv") {
		firth[r["name"]] = r
	}
	get := func(m map[string]string, col string) float64 {
		v, ok := m[col]
		if !ok {
			t.Fatalf("no column %s", col)
		}
		return rNumber(t, v)
	}
	checked := 0
	for _, r := range readRCSV(t, "concessions_expected.csv") {
		name := r["name"]
		if name == "era" || name == "n_concessions" {
			m := map[string]*Cox{"era": c.Era, "n_concessions": c.PerConcession}[name]
			if m == nil {
				t.Fatalf("%s: no model", name)
			}
			e := m.Terms[0]
			for _, tc := range []struct {
				col string
				got float64
			}{{"hr", e.ExpCoef}, {"hr_lower", e.Lower}, {"hr_upper", e.Upper}, {"lr_p", m.LRP}, {"adj_p", e.P}} {
				if w := rNumber(t, r[tc.col]); !near(tc.got, w, 1e-6) {
					t.Errorf("%s %s: %v; R %v", name, tc.col, tc.got, w)
				}
			}
			continue
		}
		row, ok := rows[categoryLabel(name)]
		if !ok {
			t.Errorf("%s: not in the table", name)
			continue
		}
		f := firth["deals_"+name]
		tests := []struct {
			col  string
			want float64
		}{
			{"logrank_p", rNumber(t, r["logrank_p"])}, {"logrank_p_holm", rNumber(t, r["holm"])}, {"logrank_p_bh", rNumber(t, r["bh"])},
			{"hazard_ratio", rNumber(t, r["hr"])}, {"hr_lower", rNumber(t, r["hr_lower"])}, {"hr_upper", rNumber(t, r["hr_upper"])},
			{"cox_lr_p", rNumber(t, r["lr_p"])},
			{"year_adjusted_hr", rNumber(t, r["adj_hr"])}, {"year_adjusted_lower", rNumber(t, r["adj_lower"])},
			{"year_adjusted_upper", rNumber(t, r["adj_upper"])}, {"year_adjusted_p", rNumber(t, r["adj_p"])},
			{"firth_hr", math.Exp(rNumber(t, f["coef"]))}, {"firth_lower", rNumber(t, f["lower"])}, {"firth_upper", rNumber(t, f["upper"])},
			{"firth_p", rNumber(t, f["p"])},
		}
		for _, tc := range tests {
			if got := get(row, tc.col); !near(got, tc.want, 1e-6) {
				t.Errorf("%s %s: %v; R %v", name, tc.col, got, tc.want)
			}
		}
		checked++
	}
	if checked != 19 {
		t.Errorf("%d categories checked; R tests 19", checked)
	}
}

// TestConcessionTableColumns checks that the permutation p is gone, the
// adjusted and Firth columns are there, and the all-deals rank correlation
// is printed only with its caveat.
func TestConcessionTableColumns(t *testing.T) {
	tab := ConcessionTable(embeddedConcessions(t))
	cols := strings.Join(tab.Columns, ",")
	for _, want := range []string{"logrank_p_holm", "logrank_p_bh", "firth_hr", "cox_lr_p", "year_adjusted_hr"} {
		if !strings.Contains(cols, want) {
			t.Errorf("no column %s in %s", want, cols)
		}
	}
	if strings.Contains(cols, "permutation") {
		t.Errorf("the permutation p is still a column: %s", cols)
	}
	notes := strings.Join(tab.Notes, "\n")
	for _, want := range []string{"Not a valid test", "per concession", "Era: hazard ratio 1.09 per start year"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// The briefing's list states each fact once.
	approx := 0
	for _, s := range GatherWarnings(tab.TypedWarnings()) {
		if strings.Contains(s, "the log-rank p is approximate") {
			approx++
		}
	}
	if approx != 1 {
		t.Errorf("%d gathered sentences about approximate log-rank p; want 1", approx)
	}
	// CSV carries full precision; text rounds to 2 decimals.
	csvRows := tableCSV(t, tab)
	if v := csvRows["amnesty"]["hazard_ratio"]; !strings.HasPrefix(v, "0.6708269772") {
		t.Errorf("amnesty hazard_ratio in CSV %q; want R's 0.670826977250794 in full", v)
	}
	var text bytes.Buffer
	if err := tab.Write(&text, "text"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), " 0.83 ") || strings.Contains(text.String(), "0.8302") {
		t.Errorf("text table should round the amnesty hazard ratio to 0.83:\n%s", text.String())
	}
}

// TestEraTableMatchesR checks the era table's rows against R.
func TestEraTableMatchesR(t *testing.T) {
	rows := tableCSV(t, EraTable(embeddedConcessions(t)))
	for _, r := range readRCSV(t, "concessions_expected.csv") {
		term := map[string]string{"era": "start_year", "n_concessions": "n_concessions"}[r["name"]]
		if term == "" {
			continue
		}
		for _, c := range []struct{ col, rcol string }{{"hazard_ratio", "hr"}, {"wald_p", "adj_p"}, {"lr_p", "lr_p"}} {
			if got, w := rNumber(t, rows[term][c.col]), rNumber(t, r[c.rcol]); !near(got, w, 1e-6) {
				t.Errorf("%s %s: %v; R %v", term, c.col, got, w)
			}
		}
	}
}
