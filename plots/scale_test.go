package plots

import (
	"io"
	"math"
	"slices"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/dataset"
)

// TestLargeInputs builds and renders every chart from 20,000 generated
// deals. Issue 14 measured the concessions scatter at 1k / 2k / 5k / 10k /
// 20k deals: 0.5 / 1.6 / 7.9 / 39 / 140 s (quadratic label placement).
// Each chart must now take less than 10 s (about 1 s on a 2-core machine;
// the bound leaves room for a loaded CI), and the row charts must show at
// most MaxRows rows and say so.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const n = 20_000
	deals := synthDeals(n, 9)
	meta := Meta{Version: "test", AsOf: testAsOf}
	var pts []Point
	for i := range deals {
		d := &deals[i]
		if dur, ok := d.Duration(testAsOf); ok {
			pts = append(pts, Point{Label: d.ID, X: len(d.StateConcessions), Days: float64(dur.Days), Censored: !dur.Event})
		}
	}
	charts := map[string]func() (*plot.Plot, error){
		"scatter":   func() (*plot.Plot, error) { return ConcessionScatter(pts, 0.1, 0.5, len(pts), meta) },
		"durations": func() (*plot.Plot, error) { return Durations(deals, testAsOf, meta) },
		"timeline":  func() (*plot.Plot, error) { return Timeline(deals, synthGovernments(), testAsOf, meta) },
		"matrix":    func() (*plot.Plot, error) { return Matrix(deals, meta) },
		"triggers":  func() (*plot.Plot, error) { return Triggers(deals, meta) },
		"survival": func() (*plot.Plot, error) {
			return Survival([]Curve{{Label: "All deals", KM: kmOf(deals, testAsOf, func(*dataset.Deal) bool { return true })}}, meta)
		},
	}
	for name, build := range charts {
		start := time.Now()
		p, err := build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := Render(io.Discard, p, "png", RenderOptions{DPI: 50}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if el := time.Since(start); el > 10*time.Second {
			t.Errorf("%s of %d deals took %v", name, n, el)
		} else {
			t.Logf("%s of %d deals: %v", name, n, el.Round(time.Millisecond))
		}
		if _, h, _ := DefaultSize(p); h > maxHeight || math.IsNaN(float64(h)) {
			t.Errorf("%s: height %v", name, h/vg.Inch)
		}
	}
}

func TestExtremeLabels(t *testing.T) {
	pts := []Point{{"a", 0, 5, false}, {"b", 0, 1, false}, {"c", 0, 9, false}, {"d", 1, 3, false}, {"", 1, 100, false}, {"e", 1, 4, false}}
	keep, limited := extremeLabels(pts, 10)
	if limited || !keep[0] || keep[4] {
		t.Errorf("under the limit: keep %v limited %v", keep, limited)
	}
	keep, limited = extremeLabels(pts, 3)
	// At 0 concessions the shortest (b) and longest (c); at 1, d and e
	// (the unlabelled point is never chosen).
	want := []bool{false, true, true, true, false, true}
	if !limited || !slices.Equal(keep, want) {
		t.Errorf("keep %v, want %v", keep, want)
	}
}
