package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// rangeBar is one horizontal bar of a row chart: from X0 to X1 on row Y,
// with an optional whisker from Lo to Hi, an arrow head when the bar is
// open-ended, and a label to the right of everything.
type rangeBar struct {
	Y      float64
	X0, X1 float64
	Lo, Hi float64 // whisker; none when Lo == Hi
	Color  color.Color
	Open   bool
	Label  string
}

// rangeBars draws rangeBar values; it implements plot.Plotter,
// plot.DataRanger and plot.GlyphBoxer.
type rangeBars struct {
	Bars     []rangeBar
	Height   float64   // bar height as a share of a row
	MinWidth vg.Length // bars are drawn at least this wide
	Label    text.Style
}

const arrowLen = vg.Length(7)

func newRangeBars(bars []rangeBar) *rangeBars {
	return &rangeBars{Bars: bars, Height: 0.66, MinWidth: 2.5, Label: textStyle(smallSize, false, inkDark)}
}

func (b *rangeBar) right() float64 {
	r := b.X1
	if b.Hi != b.Lo && b.Hi > r {
		r = b.Hi
	}
	return r
}

// DataRange implements plot.DataRanger.
func (r *rangeBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, b := range r.Bars {
		xmin = math.Min(xmin, math.Min(b.X0, b.Lo))
		xmax = math.Max(xmax, b.right())
		ymin = math.Min(ymin, b.Y-0.5)
		ymax = math.Max(ymax, b.Y+0.5)
	}
	return
}

func (r *rangeBars) labelOffset(b rangeBar) vg.Length {
	off := vg.Length(4)
	if b.Open {
		off += arrowLen
	}
	return off
}

// GlyphBoxes implements plot.GlyphBoxer: room for the labels at the right.
func (r *rangeBars) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for _, b := range r.Bars {
		w := r.labelOffset(b)
		if b.Label != "" {
			w += r.Label.Width(b.Label)
		}
		boxes = append(boxes, plot.GlyphBox{
			X:         p.X.Norm(b.right()),
			Y:         p.Y.Norm(b.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: 0, Y: 0}, Max: vg.Point{X: w, Y: 0}},
		})
	}
	return boxes
}

// Plot implements plot.Plotter.
func (r *rangeBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	whisker := draw.LineStyle{Color: inkDark, Width: vg.Points(0.8)}
	for _, b := range r.Bars {
		y := trY(b.Y)
		half := (trY(b.Y+r.Height/2) - trY(b.Y-r.Height/2)) / 2
		x0, x1 := trX(b.X0), trX(b.X1)
		if x1-x0 < r.MinWidth {
			x1 = x0 + r.MinWidth
		}
		c.FillPolygon(b.Color, rectPts(vg.Rectangle{Min: vg.Point{X: x0, Y: y - half}, Max: vg.Point{X: x1, Y: y + half}}))
		if b.Open {
			c.FillPolygon(b.Color, []vg.Point{{X: x1, Y: y - half*1.25}, {X: x1 + arrowLen, Y: y}, {X: x1, Y: y + half*1.25}})
		}
		if b.Hi != b.Lo {
			lo, hi := trX(b.Lo), trX(b.Hi)
			c.StrokeLine2(whisker, lo, y, hi, y)
			cap := half * 0.6
			c.StrokeLine2(whisker, lo, y-cap, lo, y+cap)
			c.StrokeLine2(whisker, hi, y-cap, hi, y+cap)
		}
		if b.Label != "" {
			right := math.Max(float64(x1), float64(trX(b.right())))
			fillMid(c, r.Label, vg.Point{X: vg.Length(right) + r.labelOffset(b), Y: y}, b.Label)
		}
	}
}

// arrowThumb is the legend symbol of an open-ended bar.
func arrowThumb(clr color.Color) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		r := c.Rectangle
		mid := (r.Min.Y + r.Max.Y) / 2
		x := r.Max.X - arrowLen
		c.FillPolygon(clr, rectPts(vg.Rectangle{Min: vg.Point{X: r.Min.X, Y: mid - 3}, Max: vg.Point{X: x, Y: mid + 3}}))
		c.FillPolygon(clr, []vg.Point{{X: x, Y: r.Min.Y}, {X: r.Max.X, Y: mid}, {X: x, Y: r.Max.Y}})
	}
}

// whiskerThumb is the legend symbol of a whisker.
func whiskerThumb(c *draw.Canvas) {
	r := c.Rectangle
	mid := (r.Min.Y + r.Max.Y) / 2
	s := draw.LineStyle{Color: inkDark, Width: vg.Points(0.8)}
	c.StrokeLine2(s, r.Min.X, mid, r.Max.X, mid)
	c.StrokeLine2(s, r.Min.X, mid-3, r.Min.X, mid+3)
	c.StrokeLine2(s, r.Max.X, mid-3, r.Max.X, mid+3)
}

// plotBody returns a frame body that draws one plot.
func plotBody(p *plot.Plot) func(draw.Canvas) {
	return func(c draw.Canvas) { p.Draw(c) }
}

// MaxRows is the most deals a chart with one row per deal (Durations,
// Timeline, Matrix) draws: beyond about 150 rows the rows are too thin to
// read and drawing them costs more than it shows. Such a chart shows the
// first MaxRows deals by start date and says so in a note; its subtitle
// and counts still cover every deal.
const MaxRows = 150

// rowNotes returns the notes of a row chart that shows shown of all deals
// and leaves out the deals in skipped (they start after the as-of date):
// at most 10 of those are named.
func rowNotes(shown, all int, skipped []string) []string {
	var notes []string
	if shown < all {
		notes = append(notes, fmt.Sprintf("Shown: the first %d of the %d deals by start date; the subtitle and counts cover all %d.", shown, all, all))
	}
	switch {
	case len(skipped) > 10:
		notes = append(notes, fmt.Sprintf("Not shown: %d deals that start after the as-of date, e.g. %s.", len(skipped), strings.Join(clipLabels(slices.Clone(skipped[:10])), ", ")))
	case len(skipped) > 0:
		notes = append(notes, fmt.Sprintf("Not shown (start after the as-of date): %s.", strings.Join(clipLabels(slices.Clone(skipped)), ", ")))
	}
	return notes
}

// rowHeight is the vertical space of one row of a row chart.
const rowHeight = 0.2 * vg.Inch

// rowChartHeight sizes a chart of n rows: the frame takes about 2 inches,
// each row 0.2 inch; at least 4.5 and at most maxHeight inches (beyond
// about 180 rows the rows get thinner and their labels overlap: split such
// charts).
func rowChartHeight(n int, extra vg.Length) vg.Length {
	h := 2.1*vg.Inch + extra + vg.Length(n)*rowHeight
	return min(max(h, 4.5*vg.Inch), maxHeight)
}

const maxHeight = 40 * vg.Inch

// fillMid draws txt with its capital letters and digits centred vertically
// on pt (YCenter centres ascent and descent, which puts digits low).
func fillMid(c draw.Canvas, sty text.Style, pt vg.Point, txt string) {
	sty.YAlign = draw.YBottom
	pt.Y -= capHeight(sty) / 2
	c.FillText(sty, pt, txt)
}

// capHeight is the height of a capital letter of sty: 0.73 em for
// Liberation Sans (Arial metrics).
func capHeight(sty text.Style) vg.Length { return sty.Font.Size * 0.73 }
