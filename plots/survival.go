package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/truce-lab/truce/analysis"
)

// Curve is one Kaplan–Meier curve of the Survival chart.
type Curve struct {
	Label string
	KM    *analysis.KM
	// Color is the curve's colour; nil takes the next of the Okabe–Ito
	// colours in order. Give a category's palette colour (for instance
	// CategoryColor(column, value)) to match the other charts.
	Color color.Color
	// NoBand leaves out the curve's confidence band: for a curve drawn
	// only for comparison beside a headline one, whose band would overlap
	// the headline's and muddy its colour.
	NoBand bool
}

// band reports whether the curve, one of curves, gets a confidence band:
// when it does not ask to go without one and there are at most
// maxBandCurves curves.
func (cv Curve) band(curves []Curve) bool {
	return !cv.NoBand && len(curves) <= maxBandCurves
}

// color returns the colour of the i-th curve.
func (cv Curve) color(i int) color.Color {
	if cv.Color != nil {
		return cv.Color
	}
	return curveColors[i%len(curveColors)]
}

// curveColors are given to curves in order.
var curveColors = []color.Color{blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, black}

// stepPoints returns the vertices of the Kaplan–Meier step function for a
// post-step line: (0, 1), then (t, S(t)) at every row. The line is
// horizontal from each vertex to the next time and drops there; it runs to
// the last observed time, censored or not, and no further.
func stepPoints(km *analysis.KM) plotter.XYs {
	pts := plotter.XYs{{X: 0, Y: 1}}
	for _, r := range km.Rows {
		pts = append(pts, plotter.XY{X: r.Time, Y: r.Surv})
	}
	return pts
}

// ciBand returns the outline of the pointwise confidence band of km as a
// polygon of steps: the upper limits forward, the lower limits back. It
// stops at the first time the limits are undefined (S = 0), where the
// curve has reached zero. nil when there is nothing to draw.
func ciBand(km *analysis.KM) plotter.XYs {
	ts, us, ls := []float64{0}, []float64{1}, []float64{1}
	end := 0.0
	if n := len(km.Rows); n > 0 {
		end = km.Rows[n-1].Time
	}
	for _, r := range km.Rows {
		if math.IsNaN(r.Lower) || math.IsNaN(r.Upper) || math.IsInf(r.Lower, 0) || math.IsInf(r.Upper, 0) {
			end = r.Time
			break
		}
		ts, us, ls = append(ts, r.Time), append(us, r.Upper), append(ls, r.Lower)
	}
	if end <= 0 {
		return nil
	}
	var poly plotter.XYs
	next := func(j int) float64 {
		if j+1 < len(ts) {
			return ts[j+1]
		}
		return end
	}
	for j := range ts {
		poly = append(poly, plotter.XY{X: ts[j], Y: us[j]}, plotter.XY{X: next(j), Y: us[j]})
	}
	for j := len(ts) - 1; j >= 0; j-- {
		poly = append(poly, plotter.XY{X: next(j), Y: ls[j]}, plotter.XY{X: ts[j], Y: ls[j]})
	}
	return poly
}

// censorMarks returns the points of censored observations: (t, S(t)) at
// every row with a censoring.
func censorMarks(km *analysis.KM) plotter.XYs {
	var pts plotter.XYs
	for _, r := range km.Rows {
		if r.NCensor > 0 {
			pts = append(pts, plotter.XY{X: r.Time, Y: r.Surv})
		}
	}
	return pts
}

// numberAtRisk returns, for each time, the number of observations still
// at risk (time >= t), as the number-at-risk table under a Kaplan–Meier
// plot shows.
func numberAtRisk(km *analysis.KM, times []float64) []int {
	out := make([]int, len(times))
	for i, t := range times {
		for _, r := range km.Rows {
			if r.Time >= t {
				out[i] = r.NRisk
				break
			}
		}
	}
	return out
}

// survivalSubtitle states the median time to breakdown of each curve.
func survivalSubtitle(curves []Curve) string {
	med := func(km *analysis.KM) string {
		m := km.Median()
		if !m.Reached {
			return "not reached"
		}
		s := fmt.Sprintf("%.0f days", m.Estimate)
		if m.LowerReached {
			up := "not reached"
			if m.UpperReached {
				up = fmt.Sprintf("%.0f", m.Upper)
			}
			s += fmt.Sprintf(" (%.0f%% CI %.0f to %s)", 100*km.Conf, m.Lower, up)
		}
		return s
	}
	if len(curves) == 1 {
		m := curves[0].KM.Median()
		if !m.Reached {
			return fmt.Sprintf("Fewer than half of the %d deals have broken down", curves[0].KM.N)
		}
		return "Half of the deals had broken down within " + med(curves[0].KM)
	}
	var parts []string
	reached := false
	for _, c := range curves {
		reached = reached || c.KM.Median().Reached
	}
	if !reached {
		return "In every group, fewer than half of the deals have broken down: no median is reached"
	}
	for _, c := range curves {
		parts = append(parts, c.Label+", "+med(c.KM))
	}
	return "Median time to breakdown: " + strings.Join(parts, "; ")
}

// Survival draws Kaplan–Meier curves of time to breakdown: post-step lines
// from (0, 100%), pointwise confidence bands (log transform, as the KM
// carries them) as shaded polygons in the curve's colour (not for a curve
// with NoBand, nor with more than two curves), with a legend swatch of
// the same colour, a plus sign at every censored time,
// dashed lines to the median where a curve reaches 50%, and a
// number-at-risk table under the x axis at its ticks. x is days since the
// start of each deal. With an empty meta.Subtitle the subtitle gives each
// curve's median and its confidence interval; non-empty meta.Notes replace
// the default note (which says the curves are Kaplan–Meier estimates), for
// curves estimated otherwise.
func Survival(curves []Curve, meta Meta) (*plot.Plot, error) {
	if len(curves) == 0 {
		return nil, fmt.Errorf("plots: Survival: no curves")
	}
	curves = slices.Clone(curves)
	for i := range curves {
		curves[i].Label = clipLabel(curves[i].Label)
	}
	useSans()
	p := newPlot()
	grid := plotter.NewGrid()
	grid.Vertical.Width = 0
	grid.Horizontal.Color = gridGrey
	p.Add(grid)
	var legend []legendEntry
	maxT := 0.0
	for i, cv := range curves {
		if cv.KM == nil || len(cv.KM.Rows) == 0 {
			return nil, fmt.Errorf("plots: Survival: curve %q has no rows", cv.Label)
		}
		clr := cv.color(i)
		maxT = math.Max(maxT, cv.KM.Rows[len(cv.KM.Rows)-1].Time)
		if band := ciBand(cv.KM); band != nil && cv.band(curves) {
			poly, err := plotter.NewPolygon(band)
			if err != nil {
				return nil, err
			}
			poly.Color = bandColor(clr)
			poly.LineStyle.Width = 0
			p.Add(poly)
		}
		legend = append(legend, legendEntry{
			Label: fmt.Sprintf("%s (n = %d, %d breakdowns)", cv.Label, cv.KM.N, cv.KM.Events),
			Thumb: lineThumb(clr, nil),
		})
	}
	for i, cv := range curves {
		clr := cv.color(i)
		line, err := plotter.NewLine(stepPoints(cv.KM))
		if err != nil {
			return nil, err
		}
		line.StepStyle = plotter.PostStep
		line.LineStyle = draw.LineStyle{Color: clr, Width: vg.Points(2)}
		p.Add(line)
		if marks := censorMarks(cv.KM); len(marks) > 0 {
			sc, err := plotter.NewScatter(marks)
			if err != nil {
				return nil, err
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: clr, Radius: vg.Points(4), Shape: draw.PlusGlyph{}}
			p.Add(sc)
		}
		if m := cv.KM.Median(); m.Reached {
			dash := draw.LineStyle{Color: clr, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
			l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0.5}, {X: m.Estimate, Y: 0.5}, {X: m.Estimate, Y: 0}})
			if err != nil {
				return nil, err
			}
			l.LineStyle = dash
			p.Add(l)
		}
	}
	legend = append(legend, legendEntry{Label: "Censored", Thumb: glyphThumb(inkDark, draw.PlusGlyph{})})
	var bands []color.Color
	for i, cv := range curves {
		if cv.band(curves) && ciBand(cv.KM) != nil {
			bands = append(bands, bandColor(cv.color(i)))
		}
	}
	if len(bands) > 0 {
		legend = append(legend, legendEntry{Label: fmt.Sprintf("%.0f%% confidence band", 100*curves[0].KM.Conf), Thumb: stripes(bands)})
	}
	legend = append(legend, legendEntry{Label: "Median", Thumb: lineThumb(inkDark, []vg.Length{4, 3})})

	p.X.Min, p.X.Max = 0, maxT
	ticks := dayTicks(maxT)
	p.X.Tick.Marker = ticks
	p.X.Label.Text = "Days since the deal began"
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0%"}, {Value: 0.25, Label: "25%"}, {Value: 0.5, Label: "50%"}, {Value: 0.75, Label: "75%"}, {Value: 1, Label: "100%"}}
	p.Y.Label.Text = "Deals not yet broken down"

	body := func(c draw.Canvas) {
		lab := textStyle(smallSize, false, inkDark)
		head := textStyle(smallSize, true, inkDark)
		lh := lineHeight(lab, 1.35)
		var at []float64
		for _, t := range ticks.Ticks(p.X.Min, p.X.Max) {
			if t.Label != "" {
				at = append(at, t.Value)
			}
		}
		rows := riskRows(curves, at)
		tableH := lh*vg.Length(len(rows)+1) + 6
		pc := c
		pc.Min.Y += tableH
		// Make room on the left for the table's row labels.
		need := vg.Length(0)
		for _, r := range rows {
			need = max(need, lab.Width(r.label)+10)
		}
		if dc := p.DataCanvas(pc); dc.Min.X-pc.Min.X < need {
			pc.Min.X += need - (dc.Min.X - pc.Min.X)
		}
		p.Draw(pc)
		dc := p.DataCanvas(pc)
		trX, _ := p.Transforms(&dc)
		y := pc.Min.Y - 4 - head.FontExtents().Ascent
		c.FillText(head, vg.Point{X: c.Min.X + 4, Y: y}, "Number at risk")
		for _, r := range rows {
			y -= lh
			ls := lab
			ls.Color = r.color
			ls.XAlign = draw.XRight
			c.FillText(ls, vg.Point{X: dc.Min.X - 8, Y: y}, r.label)
			ns := lab
			ns.XAlign = draw.XCenter
			for j, n := range r.n {
				c.FillText(ns, vg.Point{X: trX(at[j]), Y: y}, itoa(n))
			}
		}
	}
	notes := []string{"Kaplan–Meier estimates of the share of deals still holding; a deal that expired, was superseded, is still in force or was last reported in force counts as censored at that time. Bands: pointwise log-transformed confidence intervals (Greenwood)."}
	if len(curves) > maxBandCurves {
		notes[0] = strings.Replace(notes[0], "Bands: pointwise", "Confidence bands are left out with more than two curves, where they would hide each other; the intervals are", 1)
	}
	if len(meta.Notes) > 0 { // the caller's notes replace the default one
		notes, meta.Notes = slices.Clone(meta.Notes), nil
	}
	var shaky []string
	for _, cv := range curves {
		if len(cv.KM.Warnings) > 0 {
			shaky = append(shaky, cv.Label)
		}
	}
	switch {
	case len(curves) == 1 && len(shaky) == 1:
		notes = append(notes, "Caution: "+strings.Join(curves[0].KM.Warnings, "; ")+".")
	case len(shaky) > 0:
		notes = append(notes, "Caution: few deals or few breakdowns make these curves and their limits unreliable: "+strings.Join(shaky, ", ")+".")
	}
	return frame(meta, "How long deals held before breaking down", survivalSubtitle(curves), legend, notes, body,
		8*vg.Inch, 6.2*vg.Inch+vg.Length(len(curves))*0.2*vg.Inch), nil
}

// maxBandCurves is the most curves drawn with confidence bands: more
// overlapping bands hide each other.
const maxBandCurves = 2

// bandColor is the fill of a curve's confidence band: the curve's colour
// at 22% opacity. The band's legend swatch uses the same colour.
func bandColor(curve color.Color) color.Color { return withAlpha(curve, 0x38) }

// stripes is a legend symbol of side-by-side swatches, one per colour, for
// an entry that stands for several fills (the bands of two curves).
func stripes(clrs []color.Color) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		w := (c.Max.X - c.Min.X) / vg.Length(len(clrs))
		for i, clr := range clrs {
			x := c.Min.X + vg.Length(i)*w
			c.FillPolygon(clr, rectPts(vg.Rectangle{Min: vg.Point{X: x, Y: c.Min.Y}, Max: vg.Point{X: x + w, Y: c.Max.Y}}))
		}
	}
}

// withAlpha returns c (an opaque colour) at opacity a, as a straight
// (non-premultiplied) colour, so that no precision is lost.
func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

func lineThumb(clr color.Color, dashes []vg.Length) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		mid := (c.Min.Y + c.Max.Y) / 2
		c.StrokeLine2(draw.LineStyle{Color: clr, Width: vg.Points(2), Dashes: dashes}, c.Min.X, mid, c.Max.X, mid)
	}
}

func glyphThumb(clr color.Color, shape draw.GlyphDrawer) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		c.DrawGlyphNoClip(draw.GlyphStyle{Color: clr, Radius: vg.Points(4), Shape: shape}, c.Center())
	}
}

// riskRow is one row of the number-at-risk table under a survival chart.
type riskRow struct {
	label string
	color color.Color
	n     []int
}

// riskRows returns one number-at-risk row per curve at the times at, or a
// single row when every curve has the same numbers (curves of one sample,
// such as a competing-risk curve beside its Kaplan–Meier reading).
func riskRows(curves []Curve, at []float64) []riskRow {
	rows := make([]riskRow, len(curves))
	same := true
	for i, cv := range curves {
		rows[i] = riskRow{cv.Label, cv.color(i), numberAtRisk(cv.KM, at)}
		same = same && slices.Equal(rows[i].n, rows[0].n)
	}
	if len(rows) > 1 && same {
		label := "every curve"
		if len(rows) == 2 {
			label = "both curves"
		}
		return []riskRow{{label, inkDark, rows[0].n}}
	}
	return rows
}
