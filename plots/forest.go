package plots

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ForestRow is one estimate of a forest plot: a ratio (e.g. a hazard
// ratio) with its confidence limits, and a note on the numbers behind it.
type ForestRow struct {
	Label       string
	Est, Lo, Hi float64
	N           string // e.g. "7 vs 18"
}

// forestMark is how one row is drawn. Limits outside the axis, zero,
// negative, infinite or NaN become arrows to the axis edge; an estimate
// that is not a positive finite number makes the row "not estimable".
type forestMark struct {
	Y                float64
	Est, Lo, Hi      float64 // clamped to the axis, finite
	LoArrow, HiArrow bool
	NotEstimable     bool
	Text             string // "2.10 (0.85 to 5.20)" or "not estimable"
}

func usable(v float64) bool { return v > 0 && !math.IsInf(v, 0) && !math.IsNaN(v) }

// Ratios outside [minRatio, maxRatio] are off the axis: limits there become
// arrows, and an estimate there is "not estimable" (typically a Cox fit
// with a monotone likelihood, whose coefficient runs off to infinity).
const (
	minRatio = 0.01

	maxRatio = 100.0
)

func estimable(r ForestRow) bool { return usable(r.Est) && r.Est >= minRatio && r.Est <= maxRatio }

// forestRange returns the x range of a forest plot: 1 and the estimates
// and limits of the estimable rows that lie in [minRatio, maxRatio],
// widened by a factor of 1.3 on each side.
func forestRange(rows []ForestRow) (lo, hi float64) {
	lo, hi = 1, 1
	for _, r := range rows {
		if !estimable(r) {
			continue
		}
		for _, v := range []float64{r.Est, r.Lo, r.Hi} {
			if usable(v) && v >= minRatio && v <= maxRatio {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	return lo / 1.3, hi * 1.3
}

// fmtRatio prints a ratio with 2 decimals below 10, else with
// 3 significant digits.
func fmtRatio(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NA"
	case math.IsInf(v, 1):
		return "inf"
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// forestMarks lays out the rows top-down (the first row at the top) on
// the axis [lo, hi].
func forestMarks(rows []ForestRow, lo, hi float64) []forestMark {
	n := len(rows)
	out := make([]forestMark, n)
	for i, r := range rows {
		m := forestMark{Y: float64(n - 1 - i)}
		if !estimable(r) {
			m.NotEstimable = true
			m.Text = "not estimable"
			out[i] = m
			continue
		}
		m.Est = math.Min(math.Max(r.Est, lo), hi)
		m.Lo, m.Hi = r.Lo, r.Hi
		if !usable(r.Lo) || r.Lo < lo {
			m.Lo, m.LoArrow = lo, true
		}
		if !usable(r.Hi) || r.Hi > hi {
			m.Hi, m.HiArrow = hi, true
		}
		m.Lo, m.Hi = math.Min(m.Lo, m.Est), math.Max(m.Hi, m.Est)
		m.Text = fmt.Sprintf("%s (%s to %s)", fmtRatio(r.Est), fmtRatio(r.Lo), fmtRatio(r.Hi))
		out[i] = m
	}
	return out
}

// forestPlotter draws forest marks.
type forestPlotter struct{ Marks []forestMark }

func (f forestPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	return math.NaN(), math.NaN(), -0.5, float64(len(f.Marks)) - 0.5
}

func (f forestPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ci := draw.LineStyle{Color: inkDark, Width: vg.Points(1.4)}
	ns := textStyle(smallSize, false, inkMid)
	ns.XAlign = draw.XCenter
	for _, m := range f.Marks {
		y := trY(m.Y)
		if m.NotEstimable {
			w, h := ns.Width("not estimable")/2+3, capHeight(ns)/2+3
			c.FillPolygon(white, rectPts(vg.Rectangle{Min: vg.Point{X: trX(1) - w, Y: y - h}, Max: vg.Point{X: trX(1) + w, Y: y + h}}))
			fillMid(c, ns, vg.Point{X: trX(1), Y: y}, "not estimable")
			continue
		}
		x0, x1 := trX(m.Lo), trX(m.Hi)
		c.StrokeLine2(ci, x0, y, x1, y)
		if m.LoArrow {
			c.FillPolygon(inkDark, []vg.Point{{X: x0 - 2, Y: y}, {X: x0 + 5, Y: y + 4}, {X: x0 + 5, Y: y - 4}})
		}
		if m.HiArrow {
			c.FillPolygon(inkDark, []vg.Point{{X: x1 + 2, Y: y}, {X: x1 - 5, Y: y + 4}, {X: x1 - 5, Y: y - 4}})
		}
		c.DrawGlyph(draw.GlyphStyle{Color: blue, Radius: vg.Points(4.5), Shape: draw.BoxGlyph{}}, vg.Point{X: trX(m.Est), Y: y})
	}
}

// refLine is a dashed vertical line at x = 1.
type refLine struct{ X float64 }

func (r refLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x := trX(r.X)
	c.StrokeLine2(draw.LineStyle{Color: inkMid, Width: vg.Points(1), Dashes: []vg.Length{4, 3}}, x, c.Min.Y, x, c.Max.Y)
}

// ratioTicks labels a log axis of ratios at 1, 2 and 5 times powers of
// ten, or at powers of ten only when the axis spans more than two of them.
func ratioTicks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	ms := []float64{1, 2, 5}
	if max/min > 300 {
		ms = []float64{1}
	}
	for e := -3; e <= 3; e++ {
		for _, m := range ms {
			v := m * math.Pow(10, float64(e))
			if v >= min*0.999 && v <= max*1.001 {
				ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
			}
		}
	}
	return ticks
}

// Forest draws a forest plot of ratios on a log x axis with a dashed line
// at 1: one row per ForestRow, top-down in the order given, a square at the
// estimate and a line between the limits, and beside the plot the estimate
// with its interval and the N column. Limits that are infinite, NaN, not
// positive or beyond the axis are drawn as arrows to the axis edge; rows
// whose estimate is not a positive finite number read "not estimable".
// Nothing infinite reaches the plotters. xlabel names the ratio, e.g.
// "Hazard ratio of breakdown (log scale)".
func Forest(rows []ForestRow, xlabel string, meta Meta) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("plots: Forest: no rows")
	}
	useSans()
	lo, hi := forestRange(rows)
	marks := forestMarks(rows, lo, hi)
	p := newPlot()
	labels := make([]string, len(rows))
	rows = slices.Clone(rows)
	for i, r := range rows {
		rows[i].Label, rows[i].N = clipLabel(r.Label), clipLabel(r.N)
		labels[len(rows)-1-i] = rows[i].Label
	}
	p.Add(refLine{1}, forestPlotter{marks})
	p.NominalY(labels...)
	p.X.Scale = plot.LogScale{}
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = plot.TickerFunc(ratioTicks)
	// The x title is drawn under the axis by the body: gonum/plot pads a
	// log axis for its label as if it sat at the arithmetic middle.
	p.Y.Min, p.Y.Max = -0.6, float64(len(rows))-0.4

	txt := textStyle(smallSize, false, inkDark)
	head := textStyle(smallSize, true, inkDark)
	col1, col2 := head.Width("Estimate (95% CI)"), head.Width("N")
	for i, m := range marks {
		col1 = max(col1, txt.Width(m.Text))
		col2 = max(col2, txt.Width(rows[i].N))
	}
	body := func(c draw.Canvas) {
		pc := c
		pc.Max.X -= col1 + col2 + 30
		pc.Max.Y -= lineHeight(head, 1.4)
		xl := textStyle(labelSize, false, inkDark)
		pc.Min.Y += lineHeight(xl, 1.3)
		p.Draw(pc)
		dc := p.DataCanvas(pc)
		_, trY := p.Transforms(&dc)
		x1 := dc.Max.X + 14
		x2 := x1 + col1 + 14
		hy := pc.Max.Y + 4
		c.FillText(head, vg.Point{X: x1, Y: hy}, "Estimate (95% CI)")
		c.FillText(head, vg.Point{X: x2, Y: hy}, "N")
		xl.XAlign = draw.XCenter
		c.FillText(xl, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: c.Min.Y + xl.FontExtents().Descent}, xlabel)
		for i, m := range marks {
			y := trY(m.Y)
			fillMid(c, txt, vg.Point{X: x1, Y: y}, m.Text)
			fillMid(c, txt, vg.Point{X: x2, Y: y}, rows[i].N)
		}
	}
	var below, above, unclear int
	for _, r := range rows {
		switch {
		case usable(r.Hi) && r.Hi < 1:
			below++
		case usable(r.Lo) && r.Lo > 1:
			above++
		default:
			unclear++
		}
	}
	sub := fmt.Sprintf("%d of %d intervals lie wholly below 1 and %d wholly above 1", below, len(rows), above)
	if below+above == 0 {
		sub = "Every interval includes 1: no clear difference"
	}
	notes := []string{fmt.Sprintf("Squares: estimates; lines: 95%% confidence intervals; arrows: a limit beyond the axis or not finite. Not estimable: no finite estimate between %g and %g (e.g. no breakdown in one group).", minRatio, maxRatio)}
	h := rowChartHeight(len(rows), 0) + 0.4*vg.Inch
	h = min(h, max(4.5*vg.Inch, 2.6*vg.Inch+vg.Length(len(rows))*0.32*vg.Inch))
	return frame(meta, "What goes with earlier breakdown", sub, nil, notes, body, 8*vg.Inch, h), nil
}
