package analysis

import (
	"math"
	"slices"
	"testing"
)

// TestParseOptions checks the parsers and checks a command runs on its
// flags before any work.
func TestParseOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		want Ties
		ok   bool
	}{{"efron", Efron, true}, {"breslow", Breslow, true}, {"Efron", 0, false}, {"exact", 0, false}} {
		got, err := ParseTies(tc.name)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseTies(%q) = %v, %v; want %v, ok %v", tc.name, got, err, tc.want, tc.ok)
		}
	}
	for _, o := range WorldOutcomes() {
		if got, err := ParseWorldOutcome(o.String()); err != nil || got != o {
			t.Errorf("ParseWorldOutcome(%q) = %v, %v", o, got, err)
		}
	}
	if _, err := ParseWorldOutcome("ended"); err == nil {
		t.Error(`ParseWorldOutcome("ended"): no error`)
	}
	for tau, ok := range map[float64]bool{365: true, 0.5: true, 0: false, -1: false, math.Inf(1): false, math.NaN(): false} {
		if err := CheckTau(tau); (err == nil) != ok {
			t.Errorf("CheckTau(%v) = %v, want ok %v", tau, err, ok)
		}
	}
	for format, ok := range map[string]bool{"text": true, "md": true, "csv": true, "json": true, "": false, "xml": false} {
		if err := CheckFormat(format); (err == nil) != ok {
			t.Errorf("CheckFormat(%q) = %v, want ok %v", format, err, ok)
		}
	}
	for in, want := range map[string][]string{"": nil, "a": {"a"}, " a , b,,c ": {"a", "b", "c"}, ",": nil} {
		if got := SplitColumns(in); !slices.Equal(got, want) {
			t.Errorf("SplitColumns(%q) = %q, want %q", in, got, want)
		}
	}
}
