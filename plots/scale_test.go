package plots

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
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

// TestLongText: a 300,000-character id made one PNG take 6 s (issue 14);
// labels are now clipped to maxLabelRunes characters with an ellipsis,
// titles and notes to maxTextRunes.
func TestLongText(t *testing.T) {
	long := strings.Repeat("x", 300_000)
	deals := synthDeals(5, 1)
	deals[0].ID = long
	meta := Meta{Title: long, Notes: []string{long}}
	start := time.Now()
	p, err := Durations(deals, testAsOf, meta)
	if err != nil {
		t.Fatal(err)
	}
	if err := Render(io.Discard, p, "png", RenderOptions{DPI: 100}); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v", el)
	}
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"ééééé", 4, "ééé…"},
	} {
		if got := clip(c.in, c.n); got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// TestRenderConcurrent renders charts on several goroutines at once, as the
// briefing does (the glyph cache is shared): each PNG equals the one
// rendered alone.
func TestRenderConcurrent(t *testing.T) {
	charts := testCharts(t, 17)
	names := []string{"durations", "survival", "triggers", "scatter"}
	want := map[string][]byte{}
	for _, n := range names {
		p, _ := charts[n]()
		var buf bytes.Buffer
		if err := Render(&buf, p, "png", RenderOptions{DPI: 40}); err != nil {
			t.Fatal(err)
		}
		want[n] = buf.Bytes()
	}
	glyphs.mu.Lock()
	clear(glyphs.m)
	glyphs.mu.Unlock()
	got := make([][]byte, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, _ := charts[n]()
			var buf bytes.Buffer
			if err := Render(&buf, p, "png", RenderOptions{DPI: 40}); err != nil {
				t.Error(err)
			}
			got[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i, n := range names {
		if !bytes.Equal(got[i], want[n]) {
			t.Errorf("%s differs when rendered concurrently", n)
		}
	}
}
