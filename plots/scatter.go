package plots

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/truce-lab/truce/analysis"
)

// Point is one deal of the concessions scatter.
type Point struct {
	Label    string
	X        int     // number of state concessions
	Days     float64 // duration in days, >= 0
	Censored bool    // no breakdown observed
}

// dodge returns a horizontal offset per point so that points with the same
// X whose log durations lie within tol of the first (shortest) of their
// cluster are spread sideways (0, +step, −step, +2·step, ...) instead of
// hiding each other. Clusters are at most tol high, so that thousands of
// points do not chain into one cluster as tall as the chart. The step
// shrinks for large clusters so that a cluster stays within ±0.45 of its X.
func dodge(points []Point, tol, step float64) []float64 {
	off := make([]float64, len(points))
	idx := make([]int, len(points))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(points[a].X, points[b].X); c != 0 {
			return c
		}
		return cmp.Compare(points[a].Days, points[b].Days)
	})
	for start := 0; start < len(idx); {
		end := start + 1
		for end < len(idx) {
			a, b := points[idx[start]], points[idx[end]]
			if a.X != b.X || math.Log10(b.Days+1)-math.Log10(a.Days+1) >= tol {
				break
			}
			end++
		}
		st := step
		if half := float64((end - start) / 2); half*st > 0.45 {
			st = 0.45 / half
		}
		for k := 0; k < end-start; k++ {
			o := float64((k+1)/2) * st
			if k%2 == 0 {
				o = -o
			}
			off[idx[start+k]] = o
		}
		start = end
	}
	return off
}

// formatP says a p-value on a chart, with analysis.FormatP's figures:
// "p = 0.042", "p <0.001", "p not available".
func formatP(p float64) string {
	if math.IsNaN(p) {
		return "p not available"
	}
	s := analysis.FormatP(p)
	if s[0] == '<' {
		return "p " + s
	}
	return "p = " + s
}

// logDayTicks labels a log axis of days + 1 at 1, 3, 10, 30, ... and puts
// unlabelled ticks at 2, 5, 20, 50, ...
func logDayTicks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for e := 1.0; e <= max*10; e *= 10 {
		for _, m := range []float64{1, 2, 3, 5} {
			v := e * m
			if v < min || v > max {
				continue
			}
			lab := ""
			if m == 1 || m == 3 {
				lab = strconv.FormatFloat(v, 'f', -1, 64)
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: lab})
		}
	}
	return ticks
}

// labelledPoints draws the scatter's points, their labels (placed with
// placeLabels) and the statistics box in the emptiest corner.
type labelledPoints struct {
	XYs      plotter.XYs
	Points   []Point
	Stat     []string // lines of the corner box
	Radius   vg.Length
	omitted  int
	cornerAt int // chosen corner, for tests: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right
}

func (lp *labelledPoints) DataRange() (xmin, xmax, ymin, ymax float64) {
	return plotter.XYRange(lp.XYs)
}

func (lp *labelledPoints) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	boxes := make([]plot.GlyphBox, len(lp.XYs))
	for i, xy := range lp.XYs {
		boxes[i] = plot.GlyphBox{X: p.X.Norm(xy.X), Y: p.Y.Norm(xy.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -lp.Radius, Y: -lp.Radius}, Max: vg.Point{X: lp.Radius, Y: lp.Radius}}}
	}
	return boxes
}

// cornerBox returns the rectangle of a w×h box in corner k of r, inset by m.
func cornerBox(r vg.Rectangle, k int, w, h, m vg.Length) vg.Rectangle {
	x := r.Min.X + m
	if k%2 == 1 {
		x = r.Max.X - m - w
	}
	y := r.Max.Y - m - h
	if k >= 2 {
		y = r.Min.Y + m
	}
	return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
}

// emptiestCorner returns the corner (0 top-left, 1 top-right, 2
// bottom-left, 3 bottom-right) whose box covers the fewest points, the
// first such in that order.
func emptiestCorner(r vg.Rectangle, w, h, m, pr vg.Length, pts []vg.Point) int {
	best, bestN := 0, math.MaxInt
	for k := 0; k < 4; k++ {
		box := grow(cornerBox(r, k, w, h, m), pr)
		n := 0
		for _, p := range pts {
			if p.X >= box.Min.X && p.X <= box.Max.X && p.Y >= box.Min.Y && p.Y <= box.Max.Y {
				n++
			}
		}
		if n < bestN {
			best, bestN = k, n
		}
	}
	return best
}

func (lp *labelledPoints) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	anchors := make([]vg.Point, len(lp.XYs))
	for i, xy := range lp.XYs {
		anchors[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
	}
	// The statistics box.
	st := textStyle(tickSize, false, inkDark)
	lh := lineHeight(st, 1.25)
	var bw vg.Length
	for _, l := range lp.Stat {
		bw = max(bw, st.Width(l))
	}
	bw += 12
	bh := lh*vg.Length(len(lp.Stat)) + 8
	lp.cornerAt = emptiestCorner(c.Rectangle, bw, bh, 6, lp.Radius, anchors)
	box := cornerBox(c.Rectangle, lp.cornerAt, bw, bh, 6)
	c.FillPolygon(withAlpha(bandGrey, 0xf0), rectPts(box))
	y := box.Max.Y - 4
	for _, l := range lp.Stat {
		c.FillText(st, vg.Point{X: box.Min.X + 6, Y: y - st.FontExtents().Ascent}, l)
		y -= lh
	}
	// Labels.
	ls := textStyle(smallSize, false, inkDark)
	sizes := make([]vg.Point, len(lp.Points))
	for i, pt := range lp.Points {
		sizes[i] = vg.Point{X: ls.Width(pt.Label), Y: capHeight(ls) + 3}
	}
	places := placeLabels(anchors, sizes, lp.Radius, []vg.Rectangle{box}, c.Rectangle)
	lp.omitted = 0
	leader := draw.LineStyle{Color: inkLight, Width: vg.Points(0.6)}
	for i, pl := range places {
		if lp.Points[i].Label == "" {
			continue // a point its caller chose not to label
		}
		if !pl.OK {
			lp.omitted++
			continue
		}
		if pl.Leader {
			cx, cy := (pl.Rect.Min.X+pl.Rect.Max.X)/2, (pl.Rect.Min.Y+pl.Rect.Max.Y)/2
			c.StrokeLine2(leader, anchors[i].X, anchors[i].Y, cx, cy)
		}
		c.FillText(ls, vg.Point{X: pl.Rect.Min.X, Y: pl.Rect.Min.Y + 1.5}, lp.Points[i].Label)
	}
	// Points on top.
	for i, pt := range lp.Points {
		g := draw.GlyphStyle{Color: vermillion, Radius: lp.Radius, Shape: draw.CircleGlyph{}}
		if pt.Censored {
			g = draw.GlyphStyle{Color: blue, Radius: lp.Radius, Shape: draw.RingGlyph{}}
		}
		c.DrawGlyph(g, anchors[i])
	}
}

// maxScatterLabels is the most points the concessions scatter labels one
// by one; beyond it only the extremes are labelled (extremeLabels).
const maxScatterLabels = 60

// extremeLabels returns which points keep their label: all of them when
// at most max have one, else only the shortest and the longest labelled
// deal at each number of concessions (ties: the first given). The cost is
// linear in the number of points.
func extremeLabels(points []Point, max int) (keep []bool, limited bool) {
	keep = make([]bool, len(points))
	n := 0
	for i, pt := range points {
		if pt.Label != "" {
			keep[i] = true
			n++
		}
	}
	if n <= max {
		return keep, false
	}
	lo, hi := map[int]int{}, map[int]int{}
	for i, pt := range points {
		keep[i] = false
		if pt.Label == "" {
			continue
		}
		if j, ok := lo[pt.X]; !ok || pt.Days < points[j].Days {
			lo[pt.X] = i
		}
		if j, ok := hi[pt.X]; !ok || pt.Days > points[j].Days {
			hi[pt.X] = i
		}
	}
	for _, i := range lo {
		keep[i] = true
	}
	for _, i := range hi {
		keep[i] = true
	}
	return keep, true
}

// ConcessionScatter plots each deal's duration (days + 1, log scale, so
// that deals of 0 days appear) against the number of state concessions it
// contained, with filled dots for breakdowns and rings for censored times,
// each point labelled with its id by a greedy placer that never lets
// labels overlap each other or the points (with more than 60 labelled
// points, only the shortest and the longest deal at each number of
// concessions, as a note says), and Spearman's rho with its
// p-value in the emptiest corner. Points with the same count and nearly the
// same duration are spread sideways. rho and p come from the caller (e.g.
// analysis.Spearman and its permutation or large-sample p-value) and were
// computed over n deals, which may be fewer than the points shown; NaN
// prints as not available.
// A point with an empty Label is drawn but not labelled.
func ConcessionScatter(points []Point, rho, p float64, n int, meta Meta) (*plot.Plot, error) {
	if len(points) == 0 {
		return nil, fmt.Errorf("plots: ConcessionScatter: no points")
	}
	for _, pt := range points {
		if math.IsNaN(pt.Days) || math.IsInf(pt.Days, 0) || pt.Days < 0 || pt.X < 0 {
			return nil, fmt.Errorf("plots: ConcessionScatter: point %q has %d concessions and %v days; want finite values >= 0", pt.Label, pt.X, pt.Days)
		}
	}
	useSans()
	keep, limited := extremeLabels(points, maxScatterLabels)
	points = slices.Clone(points)
	for i := range points {
		if !keep[i] {
			points[i].Label = ""
		}
		points[i].Label = clipLabel(points[i].Label)
	}
	pl := newPlot()
	off := dodge(points, 0.04, 0.12)
	xys := make(plotter.XYs, len(points))
	maxX, maxY := 0, 1.0
	for i, pt := range points {
		xys[i] = plotter.XY{X: float64(pt.X) + off[i], Y: pt.Days + 1}
		maxX = max(maxX, pt.X)
		maxY = math.Max(maxY, pt.Days+1)
	}
	stat := []string{"Spearman's rho not available"}
	if !math.IsNaN(rho) {
		stat = []string{fmt.Sprintf("Spearman's rho = %.2f", rho), formatP(p) + fmt.Sprintf(" (n = %d)", n)}
	}
	grid := plotter.NewGrid()
	grid.Vertical.Width = 0
	grid.Horizontal.Color = gridGrey
	lp := &labelledPoints{XYs: xys, Points: points, Stat: stat, Radius: vg.Points(3.5)}
	pl.Add(grid, lp)
	pl.X.Min, pl.X.Max = -0.5, float64(maxX)+0.5
	pl.X.Tick.Marker = plot.TickerFunc(countTicks)
	pl.X.Label.Text = "Number of state concessions in the deal"
	pl.Y.Scale = plot.LogScale{}
	pl.Y.Min, pl.Y.Max = 1, math.Max(10, math.Pow(10, math.Ceil(math.Log10(maxY)*4)/4))
	pl.Y.Tick.Marker = plot.TickerFunc(logDayTicks)
	// gonum/plot pads a log axis for its label as if the label sat at the
	// arithmetic middle of the range, which squeezes the data area; the
	// y title goes above the axis instead, as briefings often put it.
	ytitle := "Days in force + 1 (log scale)"
	legend := []legendEntry{
		{Label: "Broke down", Thumb: glyphThumb(vermillion, draw.CircleGlyph{})},
		{Label: "No breakdown observed (censored)", Thumb: glyphThumb(blue, draw.RingGlyph{})},
	}
	var sub string
	switch {
	case math.IsNaN(rho):
		sub = "The rank correlation is not defined for these data"
	case math.IsNaN(p) || p >= 0.05:
		sub = fmt.Sprintf("No clear association between the number of concessions and how long deals lasted (rho = %.2f, %s)", rho, formatP(p))
	case rho > 0:
		sub = fmt.Sprintf("Deals with more concessions lasted longer (rho = %.2f, %s)", rho, formatP(p))
	default:
		sub = fmt.Sprintf("Deals with more concessions broke down sooner (rho = %.2f, %s)", rho, formatP(p))
	}
	notes := []string{"One point per deal; one is added to every duration so that a deal of 0 days can appear on the log scale. Censored durations are lower bounds. Points with the same count and similar durations are spread sideways."}
	if limited {
		notes = append(notes, fmt.Sprintf("With %d deals, only the shortest and the longest deal at each number of concessions are labelled.", len(points)))
	}
	body := func(c draw.Canvas) {
		st := textStyle(labelSize, false, inkDark)
		pc := c
		pc.Max.Y -= lineHeight(st, 1.5)
		pl.Draw(pc)
		c.FillText(st, vg.Point{X: c.Min.X + 4, Y: pc.Max.Y + 4}, ytitle)
		if lp.omitted > 0 {
			ns := textStyle(smallSize, false, inkMid)
			ns.XAlign = draw.XRight
			c.FillText(ns, vg.Point{X: c.Max.X - 4, Y: pc.Max.Y + 4}, fmt.Sprintf("%d labels left out for lack of room", lp.omitted))
		}
	}
	return frame(meta, "Concessions and how long deals lasted", sub, legend, notes, body, 8*vg.Inch, 6.5*vg.Inch), nil
}
