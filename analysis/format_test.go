package analysis

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

func TestFmtEstimateKeepsHalf(t *testing.T) {
	tests := []struct {
		x       float64
		reached bool
		want    string
	}{
		{874.5, true, "874.5"},
		{212.5, true, "212.5"}, // half to even would print 212
		{213, true, "213"},
		{0, true, "0"},
		{math.NaN(), true, "NA"},
		{313, false, "not reached"},
	}
	for _, tc := range tests {
		if got := fmtEstimate(tc.x, tc.reached); got != tc.want {
			t.Errorf("fmtEstimate(%v, %v) = %q; want %q", tc.x, tc.reached, got, tc.want)
		}
	}
	if got := signed(-662.5); got != "-662.5" {
		t.Errorf("signed(-662.5) = %q", got)
	}
}

// TestTableMachineFormatsAreFull checks that text rounds while CSV and
// JSON carry the full number, NA as null and infinity as "Inf".
func TestTableMachineFormatsAreFull(t *testing.T) {
	tab := &Table{Columns: []string{"name", "hr", "p", "median"}, Numeric: []bool{false, true, true, true}}
	tab.add(txt("a"), num(0.0312345678901, 2), pval(0.01342), est(874.5, true))
	tab.add(txt("b"), num(math.Inf(1), 2), pval(math.NaN()), est(0, false))
	var text, csvOut, js bytes.Buffer
	for _, w := range []struct {
		format string
		b      *bytes.Buffer
	}{{"text", &text}, {"csv", &csvOut}, {"json", &js}} {
		if err := tab.Write(w.b, w.format); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(text.String(), "0.03") || strings.Contains(text.String(), "0.0312") || !strings.Contains(text.String(), "not reached") {
		t.Errorf("text:\n%s", text.String())
	}
	if want := "a,0.0312345678901,0.01342,874.5\nb,Inf,NA,NA\n"; !strings.HasSuffix(csvOut.String(), want) {
		t.Errorf("csv:\n%s\nwant rows\n%s", csvOut.String(), want)
	}
	var got struct{ Rows []map[string]any }
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Rows[0]["hr"] != 0.0312345678901 || got.Rows[1]["hr"] != "Inf" || got.Rows[1]["p"] != nil || got.Rows[1]["median"] != nil {
		t.Errorf("json rows %v", got.Rows)
	}
}

// TestOneDealGroupMedian: a group with one deal that broke down has that
// deal's duration as its median; one still in force has its median not
// reached, and the warning says so.
func TestOneDealGroupMedian(t *testing.T) {
	deals, err := dataset.Read(strings.NewReader("id,start,end,end_type,last_seen,grp\n" +
		"a,2000-01-01,2000-01-11,breakdown,,x\nb,2000-01-01,,unknown,2000-01-21,y\nc,2000-01-01,2000-02-01,breakdown,,z\nd,2000-01-01,2000-03-01,breakdown,,z\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := SampleOf(deals, dataset.MustDate("2001-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	groups, warnings, err := Summarize(s, "grp", 365)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warnings, "\n")
	for _, want := range []string{"grp=x: a group with one deal: its median is that deal's duration", "grp=y: a group with one deal, still in force when last observed: its median is not reached"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if groups[1].Median.Reached {
		t.Errorf("one censored deal: median %v reached", groups[1].Median.Estimate)
	}
}
