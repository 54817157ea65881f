package briefing

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// TestInternalLinksResolve checks that every deal link of the HTML and the
// Markdown has its appendix entry, and that every source with an address
// is a link in both.
func TestInternalLinksResolve(t *testing.T) {
	b := embeddedBriefing(t)
	html, md := string(b.Files["briefing.html"]), string(b.Files["briefing.md"])
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		ids[m[1]] = true
	}
	links := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(html, -1)
	if len(links) == 0 {
		t.Fatal("no deal links in briefing.html")
	}
	for _, m := range links {
		if !ids[m[1]] {
			t.Errorf("briefing.html links #%s, which is not there", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(md, -1) {
		if !strings.Contains(md, `<a id="`+m[1]+`"></a>`) {
			t.Errorf("briefing.md links #%s, which is not there", m[1])
		}
	}
	for _, e := range dealList(b.Analyses) {
		for _, s := range e.sources {
			if s.url == "" {
				continue
			}
			if !strings.Contains(html, `href="`+strings.ReplaceAll(s.url, "&", "&amp;")+`"`) {
				t.Errorf("briefing.html does not link %s", s.url)
			}
			if !strings.Contains(md, "]("+s.url+")") {
				t.Errorf("briefing.md does not link %s", s.url)
			}
		}
	}
}

// TestNotBrokenKM checks that the first page's curve is one minus the
// Aalen–Johansen incidence of breakdown, with the limits swapped.
func TestNotBrokenKM(t *testing.T) {
	c := embeddedBriefing(t).Analyses.Competing
	km := notBrokenKM(c.Inc)
	k := c.Inc.Cause("breakdown")
	if len(km.Rows) != len(c.Inc.Rows) || km.Events != c.Inc.Events[k] {
		t.Fatalf("%d rows and %d events, want %d and %d", len(km.Rows), km.Events, len(c.Inc.Rows), c.Inc.Events[k])
	}
	for i, r := range c.Inc.Rows {
		got := km.Rows[i]
		wantLo, wantUp := 1-r.Upper[k], 1-r.Lower[k]
		if r.Inc[k] == 0 { // before the first breakdown: no uncertainty, limits at the estimate
			wantLo, wantUp = 1, 1
		}
		if math.Abs(got.Surv-(1-r.Inc[k])) > 1e-12 || math.Abs(got.Lower-wantLo) > 1e-12 || math.Abs(got.Upper-wantUp) > 1e-12 {
			t.Errorf("row %d: surv %v limits %v–%v, want %v and %v–%v", i, got.Surv, got.Lower, got.Upper, 1-r.Inc[k], wantLo, wantUp)
		}
	}
	// So the band is drawn over the whole curve, not cut at the first row.
	if first := c.Inc.Rows[0]; first.Inc[k] != 0 || !math.IsNaN(first.Lower[k]) {
		t.Errorf("first row %+v: the embedded data no longer start with an undefined limit; this test checks nothing", first)
	}
	for i, r := range km.Rows {
		if math.IsNaN(r.Lower) || math.IsNaN(r.Upper) {
			t.Errorf("row %d (day %v): undefined limit, the band would stop there", i, r.Time)
		}
	}
	// The time the curve reaches one half is the headline's.
	if h := half(c.Inc); !h.Reached || km.Surv(h.Estimate) > 0.5 {
		t.Errorf("curve at the headline time %v: %v, want at most one half", h.Estimate, km.Surv(h.Estimate))
	}
}

func TestReadingCells(t *testing.T) {
	a := embeddedBriefing(t).Analyses
	tests := []struct{ name, deal, text string }{
		{"coded", "", "as coded (middle of each month- or year-only date)"},
		{"all at upper bounds", "", "every duration at the longest its dates allow"},
		{"swat-2008 end 2008-07 (no-such-source)", "swat-2008", "ended in Jul\u00a02008, as no-such-source reports"},
		{"swat-2008 start 2008-05-21 (no-such-source)", "swat-2008", "began on 21\u00a0May\u00a02008, as no-such-source reports"},
	}
	for _, tt := range tests {
		c := readingCells(a, tt.name)
		deal := strings.Join(c[0].deals, ",")
		if deal != tt.deal || c[1].text != tt.text {
			t.Errorf("%q: deal %q, text %q; want %q, %q", tt.name, deal, c[1].text, tt.deal, tt.text)
		}
	}
}

// TestEndCountsAsOf checks that the counts of how the deals ended add up
// to the deals analysed, and the breakdowns to those the triggers count,
// at the dataset's date and at an earlier one.
func TestEndCountsAsOf(t *testing.T) {
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, asOf := range []dataset.Date{{}, dataset.MustDate("2010-01-01")} {
		a, err := Analyse(data, Options{AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		n, sum := endCounts(a), 0
		for _, k := range n {
			sum += k
		}
		if sum != a.Overall.N || n[dataset.EndTypeBreakdown] != a.Overall.Breakdowns || a.Triggers.Breakdowns != a.Overall.Breakdowns {
			t.Errorf("as of %v: counts %v add up to %d of %d deals; breakdowns %d, triggers %d, want %d",
				asOf, n, sum, a.Overall.N, n[dataset.EndTypeBreakdown], a.Triggers.Breakdowns, a.Overall.Breakdowns)
		}
	}
}

// TestRangesMatchSensitivity checks the first page's ranges of the share
// broken down within a year against analysis.AnalyzeSensitivity's own
// Aalen–Johansen figures: the date bounds and the unknown-end readings.
func TestRangesMatchSensitivity(t *testing.T) {
	a := embeddedBriefing(t).Analyses
	c, sv := a.Competing, a.Sensitivity
	year := func(i *analysis.Incidence) float64 { return brokenBy(i, headlineDay) }
	var bounds []analysis.Scenario
	for _, sc := range sv.Scenarios {
		if sc.Name == "all at lower bounds" || sc.Name == "all at upper bounds" {
			bounds = append(bounds, sc)
		}
	}
	for _, tt := range []struct {
		name string
		incs []*analysis.Incidence
		scs  []analysis.Scenario
	}{{"dates", c.Dates[:], bounds}, {"unknown ends", c.unknownIncs(), sv.UnknownEnds}} {
		lo, hi := span(tt.incs, year)
		_, _, wantLo, wantHi := analysis.ScenarioRange(tt.scs)
		if len(tt.scs) < 2 || math.Abs(lo-wantLo) > 1e-12 || math.Abs(hi-wantHi) > 1e-12 {
			t.Errorf("%s: %v to %v, sensitivity %v to %v (%d scenarios)", tt.name, lo, hi, wantLo, wantHi, len(tt.scs))
		}
	}
}
