package analysis

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
)

// amlWorldGroups splits R's aml data as testdata/r/world_reference.R does.
func amlWorldGroups(t *testing.T) []WorldGroup {
	t.Helper()
	in := kmReadInput(t, "aml")
	groups := []WorldGroup{{Key: "Maintained", Name: "Maintained"}, {Key: "Nonmaintained", Name: "Nonmaintained"}, {Key: "Late", Name: "Late"}}
	for i, tm := range in.times {
		g := 0
		switch {
		case in.groups[i] == "Nonmaintained" && tm > 20:
			g = 2
		case in.groups[i] == "Nonmaintained":
			g = 1
		}
		groups[g].Times = append(groups[g].Times, tm)
		groups[g].Events = append(groups[g].Events, in.events[i])
	}
	return groups
}

// TestCompareWorldMatchesR checks every figure of CompareWorld against
// testdata/r/world_expected.csv (R survival's survfit, summary(times =,
// extend = TRUE), survdiff and p.adjust "holm"), to 1e-9.
func TestCompareWorldMatchesR(t *testing.T) {
	c, err := CompareWorld(amlWorldGroups(t), WorldBreakdown, []float64{10, 30, 45})
	if err != nil {
		t.Fatal(err)
	}
	if c.Tests != 2 {
		t.Errorf("Tests = %d, want 2", c.Tests)
	}
	want := readRCSV(t, "world_expected.csv")
	if len(c.Figures) != len(want) {
		t.Fatalf("%d figures, R has %d", len(c.Figures), len(want))
	}
	near := func(what string, got float64, w string) {
		t.Helper()
		wv := rNumber(t, w)
		if math.IsNaN(wv) != math.IsNaN(got) || !math.IsNaN(wv) && math.Abs(got-wv) > 1e-9 {
			t.Errorf("%s = %v, R gives %s", what, got, w)
		}
	}
	quant := func(v float64, ok bool) float64 {
		if !ok {
			return math.NaN()
		}
		return v
	}
	for i, w := range want {
		f := c.Figures[i]
		g := w["group"]
		if f.Name != g || strconv.Itoa(f.N) != w["n"] || strconv.Itoa(f.Events) != w["events"] || strconv.Itoa(f.AtRisk[2]) != w["at_risk_45"] {
			t.Errorf("row %d: %s n %d events %d at risk %d; R: %s n %s events %s at risk %s", i, f.Name, f.N, f.Events, f.AtRisk[2], g, w["n"], w["events"], w["at_risk_45"])
		}
		near(g+" median", quant(f.Median.Estimate, f.Median.Reached), w["median"])
		near(g+" median lower", quant(f.Median.Lower, f.Median.LowerReached), w["median_lower"])
		near(g+" median upper", quant(f.Median.Upper, f.Median.UpperReached), w["median_upper"])
		for j, h := range []string{"10", "30", "45"} {
			near(g+" ended by "+h, f.EndedBy[j], w["ended_"+h])
		}
		near(g+" ended by 45 lower", f.EndedByLower[2], w["ended_45_lower"])
		near(g+" ended by 45 upper", f.EndedByUpper[2], w["ended_45_upper"])
		if i == 0 {
			if f.LogRank != nil || !math.IsNaN(f.PHolm) {
				t.Errorf("the reference has a test: %+v, p_holm %v", f.LogRank, f.PHolm)
			}
			continue
		}
		near(g+" chisq", f.LogRank.Chisq, w["chisq"])
		near(g+" p", f.LogRank.P, w["p"])
		near(g+" p_holm", f.PHolm, w["p_holm"])
	}
}

// worldDeal is a deal for WorldGroups tests: start 2000-01-01, end after
// days (0: no end), of the given end type and kind.
func worldDeal(id string, kind dataset.Kind, days int, endType dataset.EndType, attrs map[string]string) dataset.Deal {
	start := dataset.MustDate("2000-01-01")
	d := dataset.Deal{ID: id, Kind: kind, Start: start, EndType: endType, Attrs: dataset.MakeAttrs(attrs)}
	if days > 0 {
		d.End = dataset.MustDate(time.Date(2000, 1, 1+days, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
	} else if endType == dataset.EndTypeUnknown {
		d.LastSeen = start
	}
	return d
}

// TestWorldGroups checks which deals each group takes and how each outcome
// codes their ends.
func TestWorldGroups(t *testing.T) {
	truce := []dataset.Deal{
		worldDeal("a", dataset.KindAgreement, 10, dataset.EndTypeBreakdown, nil),
		worldDeal("b", dataset.KindCeasefire, 20, dataset.EndTypeExpired, nil),
		worldDeal("talks", dataset.KindTalks, 5, dataset.EndTypeBreakdown, nil), // left out, as dataset.Select does
	}
	eth := &external.Data{Coverage: dataset.MustDate("2000-12-31"), Deals: []dataset.Deal{
		worldDeal("e1", dataset.KindCeasefire, 30, dataset.EndTypeSuperseded, map[string]string{"country": "Pakistan"}),
		worldDeal("e2", dataset.KindCeasefire, 0, dataset.EndTypeUnknown, map[string]string{"country": "Nepal", "end_date": "2000-01-05"}),
	}}
	eth.Deals[0].Region, eth.Deals[1].Region = "Asia", "Asia"
	pad := &external.Data{Coverage: dataset.MustDate("2000-12-31"), Deals: []dataset.Deal{
		worldDeal("p1", dataset.KindAgreement, 40, dataset.EndTypeBreakdown, map[string]string{"conflict_type": "intrastate"}),
		worldDeal("p2", dataset.KindAgreement, 50, dataset.EndTypeBreakdown, map[string]string{"conflict_type": "interstate"}),
	}}
	tests := []struct {
		o    WorldOutcome
		want map[string]string // key → times with + for censored
	}{
		{WorldBreakdown, map[string]string{WorldTruce: "10 20+", WorldEthPrioAll: "30+ 0+", WorldEthPrioAsia: "30+ 0+", WorldEthPrioPakistan: "30+", WorldUCDPIntrastate: "40"}},
		{WorldBreakdownOrUnclear, map[string]string{WorldTruce: "10 20+", WorldEthPrioAll: "30+ 4", WorldEthPrioPakistan: "30+", WorldUCDPIntrastate: "40"}},
		{WorldAnyEnd, map[string]string{WorldTruce: "10 20", WorldEthPrioAll: "30 4", WorldEthPrioPakistan: "30", WorldUCDPIntrastate: "40"}},
	}
	for _, tt := range tests {
		groups, err := WorldGroups(truce, dataset.MustDate("2001-01-01"), eth, pad, tt.o)
		if err != nil {
			t.Fatal(err)
		}
		if len(groups) != 5 {
			t.Fatalf("%s: %d groups, want 5", tt.o, len(groups))
		}
		for _, g := range groups {
			want, ok := tt.want[g.Key]
			if !ok {
				continue
			}
			var got []string
			for i, x := range g.Times {
				s := strconv.FormatFloat(x, 'f', -1, 64)
				if !g.Events[i] {
					s += "+"
				}
				got = append(got, s)
			}
			if strings.Join(got, " ") != want {
				t.Errorf("%s, %s: %s, want %s", tt.o, g.Key, strings.Join(got, " "), want)
			}
		}
	}
	groups, err := WorldGroups(truce, dataset.Date{}, nil, nil, WorldBreakdown)
	if err != nil || len(groups) != 1 {
		t.Errorf("without external data: %d groups, %v; want truce alone", len(groups), err)
	}
	if _, err := CompareWorld(groups, WorldBreakdown, WorldHorizons()); err == nil {
		t.Error("CompareWorld with the reference alone: no error")
	}
}

// TestWorldTableAndCaveats checks the table's shape and that the caveats
// name what the figures show.
func TestWorldTableAndCaveats(t *testing.T) {
	groups := amlWorldGroups(t)
	groups[0].Key, groups[1].Key, groups[2].Key = WorldTruce, WorldEthPrioAll, WorldUCDPIntrastate
	groups[0].Name, groups[1].Name, groups[2].Name = "truce: x", "ETH/PRIO: all ceasefires", "UCDP PAD: y"
	c, err := CompareWorld(groups, WorldBreakdown, []float64{10, 30, 45})
	if err != nil {
		t.Fatal(err)
	}
	tab := c.Table()
	const wantCols = 16 // group, n, events, censored_at_0, 3 median, 3 shares, 2 limits, at risk, χ², p, p_holm
	if len(tab.Columns) != wantCols || len(tab.Rows) != 3 || tab.Rows[1][len(tab.Columns)-1] != "0.0035" {
		t.Errorf("columns %v, %d rows, p_holm %q; want %d columns, 3 rows, p_holm 0.0035", tab.Columns, len(tab.Rows), tab.Rows[1][len(tab.Columns)-1], wantCols)
	}
	notes := strings.Join(tab.Notes, "\n")
	for _, want := range []string{"The units differ", "ETH/PRIO's ended codes", "0 of 6 ETH/PRIO ceasefires", "UCDP PAD: ended = True", "quote it only with its interval", "2 tests"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1004: "1,004", 2203: "2,203", 1234567: "1,234,567", -2203: "-2,203"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
