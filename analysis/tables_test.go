package analysis

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/truce-lab/truce/dataset"
)

// amlDeals turns R's aml data (testdata/r/input_aml.csv) into deals that
// start on 2000-01-01 and last `time` days, ending in a breakdown (status 1)
// or expiring (status 0, censored), with the group as a user attribute.
// Going through a CSV and dataset.Frame tests the whole path the commands
// use against R's numbers.
func amlDeals(t *testing.T) []dataset.Deal {
	t.Helper()
	f, err := os.Open("testdata/r/input_aml.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("id,start,end,end_type,arm\n")
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, r := range recs[1:] {
		days, _ := strconv.Atoi(r[0])
		endType := map[string]string{"1": "breakdown", "0": "expired"}[r[1]]
		fmt.Fprintf(&b, "aml-%d,2000-01-01,%s,%s,%s\n", i, start.AddDate(0, 0, days).Format("2006-01-02"), endType, r[2])
	}
	deals, err := dataset.Read(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return deals
}

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

// TestSummarizeMatchesR checks the group summary against R's
// print(survfit(Surv(time, status) ~ x, aml), rmean = 40) as recorded in
// testdata/r/km_summary.csv (median, 95% limits, rmean, se(rmean)).
func TestSummarizeMatchesR(t *testing.T) {
	s, err := NewSample(dataset.Frame(amlDeals(t)))
	if err != nil {
		t.Fatal(err)
	}
	groups, _, err := Summarize(s, "arm", 40)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		group            string
		n, events        int
		median, lo       float64
		upReached        bool
		rmean, rmeanSE   float64
		shortest, longst float64
	}{
		{"Maintained", 11, 7, 31, 18, false, 28.8977272727273, 3.4675776788916, 9, 161},
		{"Nonmaintained", 12, 11, 23, 8, false, 21.9305555555556, 3.83564116318459, 5, 45},
	}
	if len(groups) != len(want) {
		t.Fatalf("%d groups, want %d", len(groups), len(want))
	}
	for i, w := range want {
		g := groups[i]
		if g.Group != w.group || g.N != w.n || g.Breakdowns != w.events {
			t.Errorf("group %d = %s n=%d events=%d, want %s %d %d", i, g.Group, g.N, g.Breakdowns, w.group, w.n, w.events)
		}
		if !near(g.Median.Estimate, w.median, 1e-9) || !near(g.Median.Lower, w.lo, 1e-9) || g.Median.UpperReached != w.upReached {
			t.Errorf("%s median %v, want %v (%v, reached upper %v)", w.group, g.Median, w.median, w.lo, w.upReached)
		}
		if !near(g.RMST, w.rmean, 1e-9) || !near(g.RMSTSE, w.rmeanSE, 1e-9) {
			t.Errorf("%s RMST %v ± %v, want %v ± %v", w.group, g.RMST, g.RMSTSE, w.rmean, w.rmeanSE)
		}
		if g.Shortest != w.shortest || g.Longest != w.longst {
			t.Errorf("%s range %v-%v, want %v-%v", w.group, g.Shortest, g.Longest, w.shortest, w.longst)
		}
	}
	if !groups[0].LongestCensored {
		t.Error("Maintained's longest time, 161+, should be marked censored")
	}
}

// TestLogRankScores checks that the log-rank scores of a group add up to
// its O − E from LogRank (itself checked against R's survdiff).
func TestLogRankScores(t *testing.T) {
	s, err := NewSample(dataset.Frame(amlDeals(t)))
	if err != nil {
		t.Fatal(err)
	}
	arm, err := s.Labels("arm")
	if err != nil {
		t.Fatal(err)
	}
	lr, err := LogRank(s.Times, s.Events, arm)
	if err != nil {
		t.Fatal(err)
	}
	scores := logRankScores(s.Times, s.Events)
	for _, g := range lr.Groups {
		sum := 0.0
		for i, a := range arm {
			if a == g.Group {
				sum += scores[i]
			}
		}
		if !near(sum, g.Observed-g.Expected, 1e-12) {
			t.Errorf("%s: sum of scores %v, O-E %v", g.Group, sum, g.Observed-g.Expected)
		}
	}
	// R survdiff on aml: testdata/r/logrank.csv.
	if !near(lr.Chisq, 3.39638869897759, 1e-9) {
		t.Errorf("chisq %v, want 3.396", lr.Chisq)
	}
}

func TestAnalyzeConcessions(t *testing.T) {
	s := testSample(t)
	c, err := AnalyzeConcessions(s, []string{"has:amnesty", "has:sharia", "has:cash-payment"})
	if err != nil {
		t.Fatal(err)
	}
	// t1 (10), t2 (20) and t5 (50+) have amnesty; t3 (30+) and t4 (40) do not.
	am := c.Rows[0]
	if am.NWith != 3 || am.NWithout != 2 || am.EvWith != 2 || am.EvWithout != 1 {
		t.Errorf("amnesty counts %+v", am)
	}
	// KM with amnesty: S = 2/3 after 10, 1/3 after 20: median 20. Without:
	// 30+ censored, 40 event: S(40) = 0: median 40.
	if am.MedianWith.Estimate != 20 || am.MedianWithout.Estimate != 40 || am.Diff != -20 {
		t.Errorf("amnesty medians %v / %v diff %v, want 20 / 40 / -20", am.MedianWith.Estimate, am.MedianWithout.Estimate, am.Diff)
	}
	if cash := c.Rows[2]; cash.NWith != 0 || !math.IsNaN(cash.LogRankP) {
		t.Errorf("cash-payment: no deal has it, but got n=%d p=%v", cash.NWith, cash.LogRankP)
	}
	tab := ConcessionTable(c)
	if len(tab.Rows) != 2 {
		t.Errorf("table has %d rows, want 2 (categories no deal has are left out)", len(tab.Rows))
	}
}

func TestAnalyzeTriggers(t *testing.T) {
	deals, err := dataset.Read(strings.NewReader(`id,start,end,end_type,end_event,last_seen,trigger,broken_by
a1,2004-01-01,2004-01-11,breakdown,operation,,militant-attack,state
a2,2004-01-01,2004-01-21,breakdown,declaration,,militant-attack,state
a3,2004-01-01,2004-01-31,breakdown,operation,,military-operation,militants
a4,2004-01-01,2004-02-10,breakdown,resumed-fighting,,unknown,unknown
a5,2004-01-01,2004-02-20,expired,expiry,,none,none
a6,2004-01-01,,unknown,unknown,2004-03-01,unknown,unknown
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := SampleOf(deals, dataset.MustDate("2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := AnalyzeTriggers(s)
	if err != nil {
		t.Fatal(err)
	}
	// The rows count the 4 breakdowns, the unknown cause included, so that
	// they add up to the denominator; a5 and a6 did not break down.
	if tr.Breakdowns != 4 || tr.NotBroken != 2 || len(tr.Rows) != 3 {
		t.Fatalf("breakdowns %d, not broken %d, rows %d; want 4 2 3", tr.Breakdowns, tr.NotBroken, len(tr.Rows))
	}
	sum := 0
	for _, r := range tr.Rows {
		sum += r.N
	}
	if sum != tr.Breakdowns {
		t.Errorf("rows add up to %d, want %d", sum, tr.Breakdowns)
	}
	tab := TriggerTable(tr)
	want := [][]string{
		{"militant-attack", "2", "0.50", "declaration 1; operation 1", "state 2", "15", "a1, a2"},
		{"military-operation", "1", "0.25", "operation 1", "militants 1", "30", "a3"},
		{"unknown", "1", "0.25", "resumed-fighting 1", "unknown 1", "40", "a4"},
	}
	for i, w := range want {
		if !slices.Equal(tab.Rows[i], w) {
			t.Errorf("row %d: %q, want %q", i, tab.Rows[i], w)
		}
	}
	if !slices.Equal(tr.EndEvents, []string{"declaration", "operation", "resumed-fighting"}) {
		t.Errorf("end events %v, want vocabulary order", tr.EndEvents)
	}
}

func TestAnalyzeSensitivity(t *testing.T) {
	deals, err := dataset.Read(strings.NewReader(`id,start,end,end_type,end_alt,state_concessions
m1,2004-01,2004-03-01,breakdown,,amnesty
m2,2004-01-01,2004-01-31,breakdown,2004-02-10@src,amnesty
m3,2004-01-01,2004-02-20,breakdown,,
m4,2004-01-01,2004-03-11,breakdown,,
`))
	if err != nil {
		t.Fatal(err)
	}
	sv, err := AnalyzeSensitivity(deals, dataset.MustDate("2026-11-22"), []string{"has:amnesty"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, sc := range sv.Scenarios {
		names = append(names, sc.Name)
	}
	if strings.Join(names, "|") != "coded|all at lower bounds|all at upper bounds|m2 end 2004-02-10 (src)" {
		t.Fatalf("scenarios %q", names)
	}
	// Durations: coded m1 46 (15 Jan to 1 Mar), m2 30, m3 50, m4 70, so
	// S(46) = 0.5 exactly and R's rule takes the midpoint to the next event
	// time: (46+50)/2 = 48. Lower bound: m1 from 31 Jan = 30: 30 30 50 70,
	// S(30) = 0.5 -> (30+50)/2 = 40. Upper: m1 from 1 Jan = 60: 30 50 60 70
	// -> (50+60)/2 = 55. Alternative: m2 ends 10 Feb = 40: 40 46 50 70 ->
	// (46+50)/2 = 48.
	want := []float64{48, 40, 55, 48}
	for i, sc := range sv.Scenarios {
		if sc.Median.Estimate != want[i] {
			t.Errorf("%s: median %v, want %v", sc.Name, sc.Median.Estimate, want[i])
		}
	}
}

// TestScenarioDurationsMatchFrame checks that the sensitivity scenarios'
// direct path gives the same survival data as the gota frame path.
func TestScenarioDurationsMatchFrame(t *testing.T) {
	deals, err := dataset.Read(strings.NewReader(testDealsCSV))
	if err != nil {
		t.Fatal(err)
	}
	asOf := dataset.MustDate("2026-11-22")
	s, err := NewSample(dataset.FrameAt(deals, asOf))
	if err != nil {
		t.Fatal(err)
	}
	ids, times, causes := scenarioDurations(deals, asOf, "")
	if strings.Join(ids, " ") != strings.Join(s.IDs, " ") {
		t.Fatalf("ids %v, frame %v", ids, s.IDs)
	}
	for i := range ids {
		if times[i] != s.Times[i] || (causes[i] == 1) != s.Events[i] {
			t.Errorf("%s: (%v, %v), frame (%v, %v)", ids[i], times[i], causes[i], s.Times[i], s.Events[i])
		}
	}
}
