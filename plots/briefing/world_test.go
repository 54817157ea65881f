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
// (external.StoredFigures) with their sources.
func TestDefaultBriefingCitesStoredWorldFigures(t *testing.T) {
	md := string(embeddedBriefing(t).Files["briefing.md"])
	f, ok := external.StoredFigureByKey("ethprio-all/breakdown/ended_by_365")
	if !ok {
		t.Fatal("no stored ETH/PRIO figure")
	}
	med, _ := external.StoredFigureByKey("ethprio-all/any-end/median_days")
	for _, want := range []string{
		"## Beside the world's ceasefires and peace agreements",
		fmt.Sprintf("%.0f%% (95%% CI %.0f–%.0f%%) of the 2,203 ceasefires of ETH/PRIO", 100*f.Value, 100*f.Lower, 100*f.Upper),
		fmt.Sprintf("within %.0f days", med.Value),
		"doi:10.1177/00220027221129195", "Journal of Peace Research 56(4)", "The units differ",
	} {
		if !strings.Contains(md, want) && !strings.Contains(md, strings.Replace(want, "The units differ", "the units differ", 1)) {
			t.Errorf("briefing.md lacks %q", want)
		}
	}
	if i, j := strings.Index(md, "## Beside the world"), strings.Index(md, "## "+howSureHeading); i < 0 || j < i {
		t.Error("the world section is not before the caveats")
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
