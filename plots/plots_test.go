package plots

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// All deals in these tests are synthetic ("test-…"): they describe no real deal.

var testAsOf = dataset.MustDate("2020-01-01")

func deal(id, start, end string, et dataset.EndType) dataset.Deal {
	d := dataset.Deal{ID: id, Start: dataset.MustDate(start), EndType: et}
	switch et {
	case dataset.EndTypeUnknown:
		d.LastSeen = dataset.MustDate(end)
	case dataset.EndTypeOngoing:
	default:
		d.End = dataset.MustDate(end)
	}
	return d
}

func TestDurationBars(t *testing.T) {
	deals := []dataset.Deal{
		deal("test-late", "2021-01-01", "", dataset.EndTypeOngoing),           // starts after as-of
		deal("test-b", "2010-03-01", "", dataset.EndTypeOngoing),              // censored at as-of
		deal("test-a", "2005-01-01", "2005-01-31", dataset.EndTypeBreakdown),  // 30 days, event
		deal("test-c", "2012-05", "2012-07", dataset.EndTypeUnknown),          // month precision
		deal("test-d", "2015-01-01", "2015-04-11", dataset.EndTypeSuperseded), // 100 days, censored
	}
	bars, skipped := durationBars(deals, testAsOf)
	want := []struct {
		id, label, end string
		days           float64
		event, open    bool
		whisker        bool
		clr            color.Color
	}{
		{"test-a", "30", "breakdown", 30, true, false, false, vermillion},
		{"test-b", "3593+", "ongoing", 3593, false, true, false, bluishGreen},
		{"test-c", "61+", "unknown", 61, false, true, true, grey},
		{"test-d", "100+", "superseded", 100, false, false, false, skyBlue},
	}
	if len(bars) != len(want) {
		t.Fatalf("got %d bars, want %d", len(bars), len(want))
	}
	for i, w := range want {
		b := bars[i]
		if b.ID != w.id || b.Label != w.label || b.EndType != w.end || b.Days != w.days || b.Event != w.event || b.Open != w.open || b.Color != w.clr {
			t.Errorf("bar %d = %+v, want %+v", i, b, w)
		}
		if (b.Lower != b.Upper) != w.whisker {
			t.Errorf("bar %s: whisker %v–%v, want whisker %v", b.ID, b.Lower, b.Upper, w.whisker)
		}
	}
	if !slices.Equal(skipped, []string{"test-late"}) {
		t.Errorf("skipped = %v", skipped)
	}
}

func TestYearTicks(t *testing.T) {
	lo, hi := dayNumber(2003, 6, 1), dayNumber(2025, 11, 22)
	for _, every := range []int{1, 2} {
		ticks := YearTicks{Every: every}.Ticks(lo, hi)
		if len(ticks) != 22 { // 1 January 2004 … 2025
			t.Errorf("Every %d: %d ticks, want 22", every, len(ticks))
		}
		for _, tk := range ticks {
			d := time.Unix(int64(tk.Value)*86400, 0).UTC()
			if d.Month() != time.January || d.Day() != 1 {
				t.Errorf("tick at %v, not on 1 January", d)
			}
			wantLabel := d.Year()%every == 0
			if (tk.Label != "") != wantLabel || (wantLabel && tk.Label != itoa(d.Year())) {
				t.Errorf("Every %d: tick %v labelled %q", every, d, tk.Label)
			}
		}
	}
}

func TestTimelineRowsAndBands(t *testing.T) {
	deals := []dataset.Deal{
		deal("test-b", "2010-01-01", "2010-01-11", dataset.EndTypeBreakdown),
		deal("test-a", "2005-06-01", "", dataset.EndTypeOngoing),
	}
	deals[0].MediatorType = "jirga"
	deals[1].MediatorType = "none"
	rows, _ := timelineRows(deals, testAsOf)
	if rows[0].ID != "test-a" || rows[1].ID != "test-b" {
		t.Fatalf("order %v, %v", rows[0].ID, rows[1].ID)
	}
	if rows[1].End-rows[1].Start != 10 || rows[0].Open != true || rows[1].Open {
		t.Errorf("rows %+v", rows)
	}
	if rows[0].Color != mediatorColors["none"] || rows[1].Color != mediatorColors["jirga"] {
		t.Errorf("colours %v %v", rows[0].Color, rows[1].Color)
	}
	lo, hi := dayNumber(2004, 1, 1), dayNumber(2020, 1, 2)
	bands := governmentBands(synthGovernments(), lo, hi)
	if len(bands) != 5 { // g1 … g4 start before 2020; later ones are outside
		t.Fatalf("%d bands: %+v", len(bands), bands)
	}
	if bands[0].X0 != lo || bands[len(bands)-1].X1 != hi {
		t.Errorf("bands not clipped: %+v", bands)
	}
	for i, b := range bands {
		if b.Shade != (i%2 == 0) {
			t.Errorf("band %d shade %v", i, b.Shade)
		}
		if i > 0 && b.X0 != bands[i-1].X1 {
			t.Errorf("gap between bands %d and %d", i-1, i)
		}
	}
}

func TestPlaceBandLabels(t *testing.T) {
	rows, xs := placeBandLabels([]vg.Length{50, 60, 70, 300}, []vg.Length{40, 40, 40, 40}, 0, 310, 8, 2)
	if !slices.Equal(rows, []int{0, 1, -1, 0}) {
		t.Errorf("rows %v", rows)
	}
	if xs[3] != 270 { // kept inside [0, 310]
		t.Errorf("x of the last label %v, want 270", xs[3])
	}
}

// amlKM is the Kaplan–Meier curve of R's aml data, Maintained group
// (R survival::aml): 9 13 13+ 18 23 28+ 31 34 45+ 48 161+.
func amlKM(t testing.TB) *analysis.KM {
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false}
	km, err := analysis.KaplanMeier(times, events)
	if err != nil {
		t.Fatal(err)
	}
	return km
}

func TestSurvivalData(t *testing.T) {
	km := amlKM(t)
	pts := stepPoints(km)
	if pts[0].X != 0 || pts[0].Y != 1 {
		t.Errorf("first vertex %v, want (0, 1)", pts[0])
	}
	if last := pts[len(pts)-1]; last.X != 161 || math.Abs(last.Y-0.1841) > 1e-4 {
		t.Errorf("last vertex %v, want (161, .1841) (R)", last)
	}
	marks := censorMarks(km)
	if len(marks) != 4 || marks[0].X != 13 || marks[3].X != 161 {
		t.Errorf("censor marks %v", marks)
	}
	band := ciBand(km)
	for _, p := range band {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) || p.Y < 0 || p.Y > 1 {
			t.Fatalf("band point %v", p)
		}
	}
	// n at risk (time >= t), counted by hand from the data above.
	got := numberAtRisk(km, []float64{0, 10, 20, 50, 200})
	if !slices.Equal(got, []int{11, 10, 7, 1, 0}) {
		t.Errorf("number at risk %v", got)
	}
	// A curve that falls to 0 has NaN limits at the end: the band stops.
	km0, _ := analysis.KaplanMeier([]float64{1, 2}, []bool{true, true})
	for _, p := range ciBand(km0) {
		if math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
			t.Fatalf("band of a curve reaching 0 has %v", p)
		}
	}
}

func TestPlaceLabelsNeverOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	bounds := vg.Rectangle{Max: vg.Point{X: 400, Y: 300}}
	for trial := 0; trial < 50; trial++ {
		n := 10 + r.IntN(60)
		anchors, sizes := make([]vg.Point, n), make([]vg.Point, n)
		for i := range anchors {
			// Crowded: clusters of identical and near-identical points.
			anchors[i] = vg.Point{X: vg.Length(20 + r.IntN(8)*45), Y: vg.Length(20 + r.Float64()*260)}
			sizes[i] = vg.Point{X: vg.Length(30 + r.IntN(30)), Y: 9}
		}
		obstacle := vg.Rectangle{Min: vg.Point{X: 300, Y: 250}, Max: vg.Point{X: 400, Y: 300}}
		const radius = 3.5
		places := placeLabels(anchors, sizes, radius, []vg.Rectangle{obstacle}, bounds)
		placed := 0
		for i, a := range places {
			if !a.OK {
				continue
			}
			placed++
			if !inside(a.Rect, bounds) || overlaps(a.Rect, obstacle) {
				t.Fatalf("trial %d: label %d at %v outside bounds or on the obstacle", trial, i, a.Rect)
			}
			if w, h := a.Rect.Size().X, a.Rect.Size().Y; math.Abs(float64(w-sizes[i].X)) > 1e-9 || math.Abs(float64(h-sizes[i].Y)) > 1e-9 {
				t.Fatalf("label %d resized", i)
			}
			for j, b := range places[i+1:] {
				if b.OK && overlaps(a.Rect, b.Rect) {
					t.Fatalf("trial %d: labels %d and %d overlap: %v %v", trial, i, i+1+j, a.Rect, b.Rect)
				}
			}
			for j, p := range anchors {
				g := vg.Rectangle{Min: vg.Point{X: p.X - radius, Y: p.Y - radius}, Max: vg.Point{X: p.X + radius, Y: p.Y + radius}}
				if overlaps(a.Rect, g) {
					t.Fatalf("trial %d: label %d covers point %d", trial, i, j)
				}
			}
		}
		if placed < n*3/4 {
			t.Errorf("trial %d: only %d of %d labels placed", trial, placed, n)
		}
	}
}

func TestDodge(t *testing.T) {
	pts := []Point{{"test-a", 1, 100, false}, {"test-b", 1, 100, false}, {"test-c", 1, 101, false}, {"test-d", 2, 100, false}, {"test-e", 1, 5000, false}}
	off := dodge(pts, 0.04, 0.1)
	want := []float64{0, 0.1, -0.1, 0, 0}
	for i := range want {
		if math.Abs(off[i]-want[i]) > 1e-12 {
			t.Errorf("offsets %v, want %v", off, want)
			break
		}
	}
}

func TestForestMarks(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	rows := []ForestRow{
		{"test-ok", 2, 1.2, 3.5, "5 vs 5"},
		{"test-hi-inf", 3, 1.1, inf, "2 vs 8"},
		{"test-lo-zero", 0.5, 0, 0.9, "3 vs 7"},
		{"test-nan", nan, nan, nan, "0 vs 10"},
		{"test-monotone", 1e-9, 0, inf, "1 vs 9"},
	}
	lo, hi := forestRange(rows)
	if !(lo > 0 && hi < 10 && lo < 0.9/1.2 && hi > 3.5*1.2) {
		t.Errorf("range %v–%v", lo, hi)
	}
	m := forestMarks(rows, lo, hi)
	for _, k := range m {
		for _, v := range []float64{k.Est, k.Lo, k.Hi, k.Y} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("mark %+v is not finite", k)
			}
		}
	}
	if m[0].LoArrow || m[0].HiArrow || m[0].NotEstimable || m[0].Y != 4 {
		t.Errorf("row 0 %+v", m[0])
	}
	if !m[1].HiArrow || m[1].Hi != hi || !m[2].LoArrow || m[2].Lo != lo {
		t.Errorf("arrows: %+v %+v", m[1], m[2])
	}
	if !m[3].NotEstimable || !m[4].NotEstimable || m[3].Text != "not estimable" {
		t.Errorf("not estimable: %+v %+v", m[3], m[4])
	}
	if m[1].Text != "3.00 (1.10 to inf)" {
		t.Errorf("text %q", m[1].Text)
	}
}

func TestMatrixData(t *testing.T) {
	a := deal("test-a", "2006-01-01", "2006-02-01", dataset.EndTypeBreakdown)
	a.StateConcessions = []string{"amnesty", "other"}
	a.MilitantCommitments = []string{"disarm"}
	b := deal("test-b", "2005-01-01", "2005-02-01", dataset.EndTypeBreakdown)
	b.StateConcessions = []string{"amnesty"}
	ids, cols, present := matrixData([]dataset.Deal{a, b})
	if !slices.Equal(ids, []string{"test-b", "test-a"}) {
		t.Errorf("rows %v", ids)
	}
	if len(cols) != len(dataset.Concessions())+len(dataset.Commitments()) {
		t.Fatalf("%d columns", len(cols))
	}
	for i, c := range dataset.Concessions() {
		if cols[i].Key != c || cols[i].Group != 0 || cols[i].X != float64(i) {
			t.Errorf("column %d = %+v", i, cols[i])
		}
	}
	first := cols[len(dataset.Concessions())]
	if first.Key != dataset.Commitments()[0] || first.X != float64(len(dataset.Concessions()))+1 {
		t.Errorf("commitments start with %+v, want a gap", first)
	}
	if cols[0].Label != "Amnesty (2)" || cols[0].Count != 2 {
		t.Errorf("label %q", cols[0].Label)
	}
	disarm := slices.IndexFunc(cols, func(c matrixCol) bool { return c.Key == "disarm" })
	if !present[1][0] || !present[0][0] || present[0][disarm] || !present[1][disarm] {
		t.Errorf("presence %v", present)
	}
}

func TestTriggerRows(t *testing.T) {
	mk := func(id string, et dataset.EndType, trig, ev string) dataset.Deal {
		d := deal(id, "2005-01-01", "2005-02-01", et)
		d.Trigger, d.EndEvent = dataset.Trigger(trig), dataset.EndEvent(ev)
		return d
	}
	rows := triggerRows([]dataset.Deal{
		mk("test-a", dataset.EndTypeBreakdown, "drone-strike", "operation"),
		mk("test-b", dataset.EndTypeBreakdown, "military-operation", "declaration"),
		mk("test-c", dataset.EndTypeBreakdown, "drone-strike", "declaration"),
		mk("test-d", dataset.EndTypeBreakdown, "drone-strike", "operation"),
		mk("test-e", dataset.EndTypeExpired, "none", "expiry"), // not a breakdown
	}, dataset.Date{})
	if len(rows) != 2 || rows[0].Trigger != "drone-strike" || rows[0].Total != 3 || rows[1].Trigger != "military-operation" {
		t.Fatalf("rows %+v", rows)
	}
	want := []triggerSeg{{"declaration", 1}, {"operation", 2}} // end_event vocabulary order
	if !slices.Equal(rows[0].Segs, want) {
		t.Errorf("segments %v, want %v", rows[0].Segs, want)
	}
	// As of a date before the breakdowns, none is counted (as
	// analysis.AnalyzeTriggers counts them).
	if rows := triggerRows([]dataset.Deal{mk("test-a", dataset.EndTypeBreakdown, "drone-strike", "operation")}, dataset.MustDate("2005-01-15")); len(rows) != 0 {
		t.Errorf("as of 2005-01-15: rows %+v, want none", rows)
	}
}

func TestLegendEntries(t *testing.T) {
	got := presentInOrder(vocab("end_type"), []string{"ongoing", "breakdown", "ongoing", "zzz"})
	if !slices.Equal(got, []string{"breakdown", "ongoing", "zzz"}) {
		t.Errorf("presentInOrder %v", got)
	}
}

// testCharts builds every chart from synthetic deals.
func testCharts(t testing.TB, n int) map[string]func() (*plot.Plot, error) {
	deals := synthDeals(n, 3)
	meta := Meta{Version: "test", AsOf: dataset.MustDate("2026-11-22")}
	return allCharts(deals, synthGovernments(), meta.AsOf, meta)
}

// TestMetaHeight checks that Meta.Height replaces a chart's designed
// height, within the limits, and that the chart still grows to fit its
// text.
func TestMetaHeight(t *testing.T) {
	km := amlKM(t)
	for _, tc := range []struct {
		name      string
		height    vg.Length
		want      vg.Length // 0: taller than the height asked, for the text
		wantTexty bool
	}{
		{"designed", 0, 6.4 * vg.Inch, false},
		{"shorter", 5 * vg.Inch, 5 * vg.Inch, false},
		{"taller", 9 * vg.Inch, 9 * vg.Inch, false},
		{"too tall", 100 * vg.Inch, maxHeight, false},
		{"too short for the text", 1.5 * vg.Inch, 0, true},
	} {
		p, err := Survival([]Curve{{Label: "maintained", KM: km}}, Meta{Title: "Weeks in remission", Height: tc.height})
		if err != nil {
			t.Fatal(err)
		}
		w, h, _ := DefaultSize(p)
		switch {
		case w != 8*vg.Inch:
			t.Errorf("%s: width %v, want 8 inches", tc.name, w)
		case tc.wantTexty && h <= tc.height:
			t.Errorf("%s: height %v, want more than %v for the text", tc.name, h, tc.height)
		case !tc.wantTexty && h != tc.want:
			t.Errorf("%s: height %v, want %v", tc.name, h, tc.want)
		}
	}
}

func TestRenderPNGSize(t *testing.T) {
	for name, build := range testCharts(t, 40) {
		p, err := build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w, h, ok := DefaultSize(p)
		if !ok || w <= 0 || h <= 0 {
			t.Fatalf("%s: no default size", name)
		}
		for _, opt := range []RenderOptions{{DPI: 60}, {DPI: 100, Width: 5 * vg.Inch, Height: 3 * vg.Inch}} {
			var buf bytes.Buffer
			if err := Render(&buf, p, "png", opt); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			ww, hh := w, h
			if opt.Width != 0 {
				ww, hh = opt.Width, opt.Height
			}
			wantW, wantH := int(math.Round(float64(ww/vg.Inch)*float64(opt.DPI))), int(math.Round(float64(hh/vg.Inch)*float64(opt.DPI)))
			if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
				t.Errorf("%s at %+v: %d×%d pixels, want %d×%d", name, opt, b.Dx(), b.Dy(), wantW, wantH)
			}
		}
	}
}

func TestRenderDeterministic(t *testing.T) {
	for _, format := range []string{"png", "svg"} {
		var first []byte
		for run := 0; run < 2; run++ {
			p, err := testCharts(t, 30)["survival-groups"]()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Render(&buf, p, format, RenderOptions{DPI: 72}); err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Errorf("%s differs between runs", format)
			}
		}
		if format == "svg" && !bytes.Contains(first, []byte("@font-face")) {
			t.Errorf("svg does not embed its fonts")
		}
	}
}

func TestRenderPDFAndErrors(t *testing.T) {
	p, err := Triggers(synthDeals(30, 1), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, p, "pdf", RenderOptions{}); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Errorf("pdf: %v", err)
	}
	for _, c := range []struct {
		format string
		opt    RenderOptions
	}{{"gif", RenderOptions{}}, {"png", RenderOptions{DPI: -1}}, {"png", RenderOptions{Width: -1}}, {"png", RenderOptions{DPI: 1200, Width: 30 * vg.Inch}}} {
		buf.Reset()
		if err := Render(&buf, p, c.format, c.opt); err == nil || buf.Len() != 0 {
			t.Errorf("%s %+v: err %v, %d bytes written", c.format, c.opt, err, buf.Len())
		}
	}
}

func TestSave(t *testing.T) {
	p, err := Triggers(synthDeals(30, 1), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "t.png")
	if err := Save(p, good, RenderOptions{DPI: 50}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(good); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("saved file: %v %v", fi, err)
	}
	// A directory in the way: the rename fails and the temporary file goes.
	blocker := filepath.Join(dir, "blocked.png")
	os.Mkdir(blocker, 0o755)
	os.WriteFile(filepath.Join(blocker, "x"), nil, 0o644)
	for _, path := range []string{
		filepath.Join(dir, "no-such-dir", "t.png"),
		filepath.Join(dir, "t.gif"),
		blocker,
	} {
		if err := Save(p, path, RenderOptions{DPI: 50}); err == nil {
			t.Errorf("%s: no error", path)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "blocked.png t.png" {
		t.Errorf("left in the folder: %v", names)
	}
}

func TestChartErrors(t *testing.T) {
	empty := []dataset.Deal{}
	if _, err := Durations(empty, testAsOf, Meta{}); err == nil {
		t.Error("Durations of no deals")
	}
	if _, err := Survival(nil, Meta{}); err == nil {
		t.Error("Survival of no curves")
	}
	if _, err := ConcessionScatter([]Point{{"test-a", 1, math.Inf(1), false}}, 0, 1, 1, Meta{}); err == nil {
		t.Error("scatter with Inf days")
	}
	if _, err := Triggers([]dataset.Deal{deal("test-a", "2005-01-01", "", dataset.EndTypeOngoing)}, Meta{}); err == nil {
		t.Error("Triggers without breakdowns")
	}
	// Non-finite forest rows and a NaN rho still render.
	inf := math.Inf(1)
	p, err := Forest([]ForestRow{{"test-a", inf, inf, inf, "1 vs 1"}, {"test-b", 2, 0, inf, "1 vs 1"}}, "Ratio", Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Render(&bytes.Buffer{}, p, "png", RenderOptions{DPI: 40}); err != nil {
		t.Error(err)
	}
	p, err = ConcessionScatter([]Point{{"test-a", 0, 0, true}}, math.NaN(), math.NaN(), 1, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Render(&bytes.Buffer{}, p, "svg", RenderOptions{}); err != nil {
		t.Error(err)
	}
}

func TestSourceLine(t *testing.T) {
	m := Meta{Version: "0.1.0", AsOf: dataset.MustDate("2026-11-22")}
	if got := m.SourceLine(); got != "Source: truce dataset v0.1.0, as of 2026-11-22; sources in the codebook." {
		t.Errorf("%q", got)
	}
}

// TestRiskRows: curves of one sample share one number-at-risk row; curves
// of different samples keep a row each.
func TestRiskRows(t *testing.T) {
	aml := amlKM(t)
	other, err := analysis.KaplanMeier([]float64{5, 8, 12}, []bool{true, false, true})
	if err != nil {
		t.Fatal(err)
	}
	at := []float64{0, 10, 20}
	tests := []struct {
		name   string
		curves []Curve
		labels []string
	}{
		{"one curve", []Curve{{Label: "all", KM: aml}}, []string{"all"}},
		{"same sample", []Curve{{Label: "a", KM: aml}, {Label: "b", KM: aml}}, []string{"both curves"}},
		{"three, same sample", []Curve{{Label: "a", KM: aml}, {Label: "b", KM: aml}, {Label: "c", KM: aml}}, []string{"every curve"}},
		{"different samples", []Curve{{Label: "a", KM: aml}, {Label: "b", KM: other}}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		rows := riskRows(tt.curves, at)
		var got []string
		for _, r := range rows {
			got = append(got, r.label)
		}
		if !slices.Equal(got, tt.labels) {
			t.Errorf("%s: rows %v, want %v", tt.name, got, tt.labels)
		}
		// aml: 11 at risk at 0, 10 at 10 (one event at 9), 7 at 20.
		if want := []int{11, 10, 7}; !slices.Equal(rows[0].n, want) {
			t.Errorf("%s: first row %v, want %v", tt.name, rows[0].n, want)
		}
	}
}
