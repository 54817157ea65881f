package briefing

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset/external"
	"github.com/truce-lab/truce/plots"
)

// TestDefaultBriefingCitesStoredWorldFigures checks that the briefing built
// without the public files carries the stored figures
// (external.StoredFigures()) in a table, truce's own figure counted the same
// way, the caveats, and the references as links; and that the provenance
// (generator, file names) is in the Methods appendix, not in the section.
func TestDefaultBriefingCitesStoredWorldFigures(t *testing.T) {
	b := embeddedBriefing(t)
	md, page := string(b.Files["briefing.md"]), string(b.Files["briefing.html"])
	f, ok := external.StoredFigureByKey("ethprio-all/breakdown/ended_by_365")
	if !ok {
		t.Fatal("no stored ETH/PRIO figure")
	}
	med, _ := external.StoredFigureByKey("ethprio-all/any-end/median_days")
	i, j := strings.Index(md, "## Beside the world"), strings.Index(md, "## "+howSureHeading)
	if i < 0 || j < i {
		t.Fatal("the world section is missing or not before the caveats")
	}
	section := md[i:j]
	km := b.Analyses.Overall.KM
	for _, want := range []string{
		fmt.Sprintf("| Ceasefires worldwide, 1989–2020 (ETH/PRIO) | %s | %.0f%% (%.0f to %.0f%%) |", analysis.Thousands(f.N), 100*f.Value, 100*f.Lower, 100*f.Upper),
		fmt.Sprintf("| Pakistani state and Taliban (this briefing) | %d | %.0f%% (", km.N, 100*(1-km.Surv(365))),
		fmt.Sprintf("within %.0f days", med.Value),
		"Counted as the public datasets count (Kaplan–Meier", "The units differ",
		"[ETH/PRIO Civil Conflict Ceasefire Dataset, 1989–2020: Clayton et al. (2022), Journal of Conflict Resolution](https://doi.org/10.1177/00220027221129195)",
		"Journal of Peace Research 56(4)](https://doi.org/10.1177/0022343319856046)",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the world section of briefing.md lacks %q", want)
		}
	}
	for _, not := range []string{"dataset/external", ".csv", "doi:"} {
		if strings.Contains(section, not) {
			t.Errorf("the world section of briefing.md shows %q: provenance belongs in the Methods appendix", not)
		}
	}
	if m := strings.Index(md, "## Appendix A. Methods"); m < 0 || !strings.Contains(md[m:], "by the program dataset/external/internal/worldfigures") ||
		!strings.Contains(md[m:], "eth-prio-civil-conflict-ceasefires-1989-2020.csv and ucdp-peace-agreements-v22.1.csv") {
		t.Error("the Methods appendix does not say where the world figures come from")
	}
	for _, ref := range worldRefs {
		if !strings.Contains(page, `<a href="`+ref.url+`">`) {
			t.Errorf("briefing.html does not link %s", ref.url)
		}
	}
}

// TestTruceOnly checks truce's own figure of the stored comparison against
// analysis.CompareWorld, which computes the same group's share broken down
// within a year and its limits when the public files are given.
func TestTruceOnly(t *testing.T) {
	a := embeddedBriefing(t).Analyses
	got, err := truceOnly(a)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := analysis.WorldGroups(a.Deals(), a.AsOf(), nil, nil, analysis.WorldBreakdown)
	if err != nil {
		t.Fatal(err)
	}
	c, err := analysis.CompareWorld([]analysis.WorldGroup{groups[0], groups[0]}, analysis.WorldBreakdown, []float64{headlineDay})
	if err != nil {
		t.Fatal(err)
	}
	want := c.Figures[0]
	for _, v := range []struct {
		name      string
		got, want float64
	}{
		{"share", got.EndedBy[0], want.EndedBy[0]},
		{"lower limit", got.EndedByLower[0], want.EndedByLower[0]},
		{"upper limit", got.EndedByUpper[0], want.EndedByUpper[0]},
		{"median", got.Median.Estimate, want.Median.Estimate},
	} {
		if math.Abs(v.got-v.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", v.name, v.got, v.want)
		}
	}
	if got.N != want.N || got.Events != want.Events {
		t.Errorf("n %d, events %d; want %d and %d", got.N, got.Events, want.N, want.Events)
	}
}

// TestCutKM checks the display cut: S is unchanged up to the cut, and the
// times past it are censored there.
func TestCutKM(t *testing.T) {
	times := []float64{5, 10, 10, 40, 200, 300}
	events := []bool{true, true, false, true, true, false}
	km, err := analysis.KaplanMeier(times, events)
	if err != nil {
		t.Fatal(err)
	}
	cut, err := cutKM(km, 100)
	if err != nil {
		t.Fatal(err)
	}
	const wantEvents = 3 // 5, 10, 40; 200 is past the cut
	if cut.N != km.N || cut.Events != wantEvents {
		t.Errorf("n %d events %d, want %d and %d", cut.N, cut.Events, km.N, wantEvents)
	}
	for _, x := range []float64{0, 5, 10, 40, 99, 100} {
		if a, b := km.Surv(x), cut.Surv(x); math.Abs(a-b) > 1e-12 {
			t.Errorf("S(%g): %g after the cut, %g before", x, b, a)
		}
	}
	if last := cut.Rows[len(cut.Rows)-1]; last.Time != 100 || last.NCensor != 2 {
		t.Errorf("last row %+v, want 2 censored at 100", last)
	}
	if _, _, err := WorldChart(nil, plots.Meta{}); err == nil {
		t.Error("WorldChart(nil): no error")
	}
}
