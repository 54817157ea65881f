package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestNilAndInconsistentValues: no exported function panics on nil or
// inconsistent values; each returns an error or a documented zero value
// (issue 14, item 6).
func TestNilAndInconsistentValues(t *testing.T) {
	if _, _, err := Summarize(nil, "", 365); err == nil {
		t.Error("Summarize(nil): no error")
	}
	if _, _, err := Summarize(&Sample{}, "", 365); err == nil {
		t.Error("Summarize(empty sample): no error")
	}
	var km *KM
	if q := km.Median(); q.Reached || !math.IsNaN(q.Estimate) || !math.IsNaN(q.Lower) || !math.IsNaN(q.Upper) {
		t.Errorf("(*KM)(nil).Median() = %+v, want NaN not reached", q)
	}
	if s := km.Surv(10); !math.IsNaN(s) {
		t.Errorf("(*KM)(nil).Surv(10) = %v, want NaN", s)
	}
	if _, _, err := km.RMST(365); err == nil {
		t.Error("(*KM)(nil).RMST: no error")
	}
	for name, tab := range map[string]*Table{
		"concessions": ConcessionTable(nil),
		"triggers":    TriggerTable(nil),
		"sensitivity": SensitivityTable(nil, true),
		"survival":    SurvivalTable([]GroupSummary{{Group: "a"}}),
	} {
		if len(tab.Rows) != 0 || len(tab.Columns) == 0 {
			t.Errorf("%s of nil: %d rows, %d columns; want no rows and the columns", name, len(tab.Rows), len(tab.Columns))
		}
		for _, f := range Formats() {
			if err := tab.Write(&bytes.Buffer{}, f); err != nil {
				t.Errorf("%s of nil, %s: %v", name, f, err)
			}
		}
	}
	long := &Table{Name: "x", Columns: []string{"a"}, Rows: [][]string{{"1", "2"}}}
	for _, f := range Formats() {
		if err := long.Write(&bytes.Buffer{}, f); err == nil || !strings.Contains(err.Error(), "row 1 has 2 cells for 1 columns") {
			t.Errorf("row longer than its columns, %s: err = %v", f, err)
		}
	}
	var nilTable *Table
	if err := nilTable.Write(&bytes.Buffer{}, "text"); err == nil {
		t.Error("(*Table)(nil).Write: no error")
	}
}

// TestJSONNeverFailsOnNaN: in JSON a numeric cell or figure that is NaN
// is null and an infinite one "Inf" or "-Inf", in a table, a log-rank
// result and a Cox model (issue 14, item 2).
func TestJSONNeverFailsOnNaN(t *testing.T) {
	tab := &Table{Name: "x", Columns: []string{"g", "v"}, Numeric: []bool{false, true},
		Rows: [][]string{{"a", "NaN"}, {"b", "Inf"}, {"c", "-Inf"}, {"d", "1.5"}, {"e", "NA"}}}
	var b bytes.Buffer
	if err := tab.Write(&b, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct{ Rows []map[string]any }
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []any{nil, "Inf", "-Inf", 1.5, nil}
	for i, r := range got.Rows {
		if r["v"] != want[i] {
			t.Errorf("row %d: v = %v, want %v", i, r["v"], want[i])
		}
	}
	lr := &LogRankResult{Chisq: math.NaN(), P: math.NaN(), Groups: []LogRankGroup{{Group: "a", N: 2, Observed: 0, Expected: math.Inf(1)}}}
	cox := &Cox{LogLik: math.NaN(), Terms: []CoxTerm{{Term: "x", Coef: math.Inf(1), SE: math.NaN(), P: 0.5}}}
	for name, v := range map[string]any{"logrank": lr, "cox": cox} {
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(string(out), "null") || !strings.Contains(string(out), `"Inf"`) || strings.Contains(string(out), "NaN") {
			t.Errorf("%s: %s", name, out)
		}
	}
	if out, _ := json.Marshal(cox); !strings.Contains(string(out), `"p":`+strconv.FormatFloat(0.5, 'g', -1, 64)) {
		t.Errorf("cox: finite p lost: %s", out)
	}
}

// TestTooManyGroups: grouping by a column with more than MaxGroups values
// is an error naming the column and suggesting a coarser one (issue 14,
// item 12).
func TestTooManyGroups(t *testing.T) {
	n := MaxGroups + 1
	times, events, groups := make([]float64, n), make([]bool, n), make([]string, n)
	for i := range n {
		times[i], events[i], groups[i] = float64(i+1), true, strconv.Itoa(i)
	}
	if _, err := LogRank(times, events, groups); !errors.Is(err, ErrTooManyGroups) {
		t.Errorf("LogRank with %d groups: err = %v", n, err)
	}
	if _, err := LogRank(times[:MaxGroups], events[:MaxGroups], groups[:MaxGroups]); err != nil {
		t.Errorf("LogRank with MaxGroups groups: %v", err)
	}
}
