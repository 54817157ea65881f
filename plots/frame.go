package plots

import (
	"image/color"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendEntry is one key of a chart's legend row: a label and a function
// that draws its symbol into a small canvas; without one the label is a
// heading for the entries after it.
type legendEntry struct {
	Label string
	Thumb func(c *draw.Canvas)
}

// swatch is a legend symbol: a filled rectangle.
func swatch(clr color.Color) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		c.FillPolygon(clr, rectPts(c.Rectangle))
	}
}

func rectPts(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}

// figure is the frame around every chart: title, subtitle, legend row,
// body, notes and source line. It is the only plotter of an otherwise empty
// plot with hidden axes, so that a chart is still a *plot.Plot.
type figure struct {
	title, subtitle string
	legend          []legendEntry
	notes           []string
	source          string
	body            func(c draw.Canvas)
}

// Frame margins and gaps.
const (
	marginX   = vg.Length(16)
	marginTop = vg.Length(12)
	marginBot = vg.Length(8)
	gap       = vg.Length(6)
)

// Plot implements plot.Plotter: it lays the frame out top-down and bottom-up
// and gives the body what is left.
func (f *figure) Plot(c draw.Canvas, _ *plot.Plot) {
	left, right := c.Min.X+marginX, c.Max.X-marginX
	width := right - left
	y := c.Max.Y - marginTop
	// Header, top-down.
	title := textStyle(titleSize, true, inkDark)
	y = drawLines(c, title, wrap(title, f.title, width), left, y, 1.1)
	if f.subtitle != "" {
		sub := textStyle(subtitleSize, false, inkMid)
		y = drawLines(c, sub, wrap(sub, f.subtitle, width), left, y-2, 1.15)
	}
	if len(f.legend) > 0 {
		y = drawLegendRow(c, f.legend, left, right, y-gap)
	}
	// Footer, bottom-up.
	src := textStyle(sourceSize, false, inkMid)
	note := textStyle(smallSize, false, inkMid)
	var noteLines []string
	for _, n := range f.notes {
		noteLines = append(noteLines, wrap(note, n, width)...)
	}
	srcLines := wrap(src, f.source, width)
	bottom := c.Min.Y + marginBot
	footH := linesHeight(src, len(srcLines), 1.15) + linesHeight(note, len(noteLines), 1.15)
	if len(noteLines) > 0 {
		footH += 3
	}
	top := bottom + footH
	yy := drawLines(c, note, noteLines, left, top, 1.15)
	if len(noteLines) > 0 {
		yy -= 3
	}
	drawLines(c, src, srcLines, left, yy, 1.15)

	if f.body != nil {
		body := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: c.Min.X + marginX/2, Y: top + gap},
			Max: vg.Point{X: c.Max.X - marginX/2, Y: y - gap},
		}}
		if body.Max.Y > body.Min.Y {
			f.body(body)
		}
	}
}

// lineHeight is the distance between baselines of sty at the given
// leading factor.
func lineHeight(sty text.Style, lead float64) vg.Length {
	e := sty.FontExtents()
	return vg.Length(float64(e.Ascent+e.Descent) * lead)
}

func linesHeight(sty text.Style, n int, lead float64) vg.Length {
	return vg.Length(n) * lineHeight(sty, lead)
}

// drawLines draws lines left-aligned with the top of the first at y and
// returns the y below the last.
func drawLines(c draw.Canvas, sty text.Style, lines []string, x, y vg.Length, lead float64) vg.Length {
	e := sty.FontExtents()
	for _, l := range lines {
		c.FillText(sty, vg.Point{X: x, Y: y - e.Ascent}, l)
		y -= lineHeight(sty, lead)
	}
	return y
}

// wrap breaks s into lines no wider than width at spaces; a word wider than
// width gets a line of its own.
func wrap(sty text.Style, s string, width vg.Length) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		cur := ""
		for _, w := range words {
			try := w
			if cur != "" {
				try = cur + " " + w
			}
			if cur != "" && sty.Width(try) > width {
				lines = append(lines, cur)
				cur = w
				continue
			}
			cur = try
		}
		if cur != "" {
			lines = append(lines, cur)
		}
	}
	return lines
}

// legendLayout places legend entries in rows from left to right, wrapping
// at right; it returns the x of each entry's symbol and its row.
func legendLayout(sty text.Style, entries []legendEntry, left, right vg.Length) (xs []vg.Length, rows []int) {
	x, row := left, 0
	for _, e := range entries {
		w := legendSym + 4 + sty.Width(e.Label)
		if e.Thumb == nil {
			w = sty.Width(e.Label) - 8
		}
		if x > left && x+w > right {
			x, row = left, row+1
		}
		xs = append(xs, x)
		rows = append(rows, row)
		x += w + 16
	}
	return xs, rows
}

const legendSym = vg.Length(14)

func drawLegendRow(c draw.Canvas, entries []legendEntry, left, right, y vg.Length) vg.Length {
	sty := textStyle(tickSize, false, inkDark)
	xs, rows := legendLayout(sty, entries, left, right)
	lh := lineHeight(sty, 1.35)
	e := sty.FontExtents()
	for i, en := range entries {
		top := y - vg.Length(rows[i])*lh
		base := top - e.Ascent
		mid := base + e.Ascent*0.35
		box := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: xs[i], Y: mid - 4.5},
			Max: vg.Point{X: xs[i] + legendSym, Y: mid + 4.5},
		}}
		if en.Thumb == nil { // a heading for the entries after it
			c.FillText(sty, vg.Point{X: xs[i], Y: base}, en.Label)
			continue
		}
		en.Thumb(&box)
		c.FillText(sty, vg.Point{X: xs[i] + legendSym + 4, Y: base}, en.Label)
	}
	return y - vg.Length(rows[len(rows)-1]+1)*lh
}

// frame builds the plot that carries a chart: the figure as its only
// plotter, hidden axes, and the chart's default size remembered for Save.
func frame(meta Meta, defTitle, subtitle string, legend []legendEntry, notes []string, body func(draw.Canvas), w, h vg.Length) *plot.Plot {
	useSans()
	p := plot.New()
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	title := meta.Title
	if title == "" {
		title = defTitle
	}
	if meta.Subtitle != "" {
		subtitle = meta.Subtitle
	}
	notes = append(notes, meta.Notes...)
	for i := range notes {
		notes[i] = clip(notes[i], maxTextRunes)
	}
	for i := range legend {
		legend[i].Label = clip(legend[i].Label, 2*maxLabelRunes)
	}
	f := &figure{
		title:    clip(title, maxTextRunes),
		subtitle: clip(subtitle, maxTextRunes),
		legend:   legend,
		notes:    notes,
		source:   clip(meta.SourceLine(), maxTextRunes),
		body:     body,
	}
	p.Add(f)
	switch {
	case meta.Height > 0: // false for NaN
		// The height asked for, leaving the body at least minBody.
		h = min(max(meta.Height, f.chromeHeight(w)+minBody), maxHeight)
	default:
		// The charts size their bodies assuming chromeAllowance of text
		// around them; a long subtitle, legend or notes make the page
		// taller instead of squeezing the body.
		if need := f.chromeHeight(w) + h - chromeAllowance; need > h {
			h = min(need, maxHeight)
		}
	}
	remember(p, w, h)
	return p
}

// chromeAllowance is the height of title, subtitle, legend, notes and source
// line that the charts' default sizes assume.
const chromeAllowance = 2.1 * vg.Inch

// minBody is the least height Meta.Height leaves a chart's body.
const minBody = 1.5 * vg.Inch

// chromeHeight is the height the frame's text takes on a page of width w,
// laid out as Plot lays it out.
func (f *figure) chromeHeight(w vg.Length) vg.Length {
	width := w - 2*marginX
	title := textStyle(titleSize, true, inkDark)
	h := marginTop + linesHeight(title, len(wrap(title, f.title, width)), 1.1)
	if f.subtitle != "" {
		sub := textStyle(subtitleSize, false, inkMid)
		h += 2 + linesHeight(sub, len(wrap(sub, f.subtitle, width)), 1.15)
	}
	if len(f.legend) > 0 {
		sty := textStyle(tickSize, false, inkDark)
		_, rows := legendLayout(sty, f.legend, 0, width)
		h += gap + vg.Length(rows[len(rows)-1]+1)*lineHeight(sty, 1.35)
	}
	note := textStyle(smallSize, false, inkMid)
	for _, n := range f.notes {
		h += linesHeight(note, len(wrap(note, n, width)), 1.15)
	}
	if len(f.notes) > 0 {
		h += 3
	}
	src := textStyle(sourceSize, false, inkMid)
	return h + linesHeight(src, len(wrap(src, f.source, width)), 1.15) + marginBot + 2*gap
}

// Default sizes are kept per plot, weakly, so that Save can use a chart's
// own size without the plot growing a field, and without keeping plots alive.
var sizes sync.Map // weak.Pointer[plot.Plot] → [2]vg.Length

func remember(p *plot.Plot, w, h vg.Length) {
	wp := weak.Make(p)
	sizes.Store(wp, [2]vg.Length{w, h})
	runtime.AddCleanup(p, func(wp weak.Pointer[plot.Plot]) { sizes.Delete(wp) }, wp)
}

// DefaultSize returns the size a chart of this package was designed for;
// ok is false for plots built elsewhere.
func DefaultSize(p *plot.Plot) (w, h vg.Length, ok bool) {
	v, ok := sizes.Load(weak.Make(p))
	if !ok {
		return 0, 0, false
	}
	s := v.([2]vg.Length)
	return s[0], s[1], true
}

func itoa(n int) string { return strconv.Itoa(n) }
