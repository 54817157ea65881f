package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// timelineRow is one bar of the Timeline: a deal from its start to its end
// (or the as-of date, or its last report), in days since 1970-01-01.
type timelineRow struct {
	ID         string
	Start, End float64
	Open       bool // still in force at the as-of date, or end unknown
	Mediator   string
	Color      color.Color
}

// timelineRows returns the deals as calendar bars, earliest first, and the
// ids of deals that start after asOf. Dates are placed at their middle day
// (dataset.Date.Mid), as the durations are.
func timelineRows(deals []dataset.Deal, asOf dataset.Date) (rows []timelineRow, skipped []string) {
	for _, d := range chronological(deals) {
		dur, ok := d.Duration(asOf)
		if !ok {
			skipped = append(skipped, d.ID)
			continue
		}
		start := float64(d.Start.Mid())
		rows = append(rows, timelineRow{
			ID:       d.ID,
			Start:    start,
			End:      start + float64(dur.Days),
			Open:     dur.Basis == "as_of" || dur.Basis == "last_seen",
			Mediator: string(d.MediatorType),
			Color:    mediatorColors.Of(string(d.MediatorType)),
		})
	}
	return rows, skipped
}

// govBand is one government's time in office, clipped to the chart.
type govBand struct {
	Name   string // the short name: the name before any " (", e.g. "PTI-led coalition"
	ID     string
	X0, X1 float64 // days since 1970-01-01
	Shade  bool    // alternate bands are shaded
}

// governmentBands returns the governments in office between lo and hi
// (days since 1970-01-01), sorted by start, clipped to [lo, hi], shaded
// alternately. A government without an end is in office to hi.
func governmentBands(govs []dataset.Government, lo, hi float64) []govBand {
	gs := slices.Clone(govs)
	slices.SortStableFunc(gs, func(a, b dataset.Government) int { return cmp.Compare(a.Start.Mid(), b.Start.Mid()) })
	var bands []govBand
	for _, g := range gs {
		x0, _ := g.Start.Span()
		x1 := hi
		if !g.End.IsZero() {
			_, last := g.End.Span()
			x1 = float64(last + 1)
		}
		a, b := math.Max(float64(x0), lo), math.Min(x1, hi)
		if b <= a {
			continue
		}
		bands = append(bands, govBand{Name: clipLabel(shortName(g.Name)), ID: clipLabel(g.ID), X0: a, X1: b, Shade: len(bands)%2 == 0})
	}
	return bands
}

// bandShades draws government bands over the full height of the data area.
type bandShades struct{ Bands []govBand }

func (s bandShades) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	for _, b := range s.Bands {
		if b.Shade {
			c.FillPolygon(bandGrey, rectPts(vg.Rectangle{Min: vg.Point{X: trX(b.X0), Y: c.Min.Y}, Max: vg.Point{X: trX(b.X1), Y: c.Max.Y}}))
		}
	}
}

// placeBandLabels puts each label, centred on its band and kept inside
// [lo, hi], in the first of nrows rows where it does not come within pad of
// a label already placed; it returns each label's row and left x, row -1
// when no row has room.
func placeBandLabels(centers, widths []vg.Length, lo, hi, pad vg.Length, nrows int) (rows []int, xs []vg.Length) {
	right := make([]vg.Length, nrows) // right end of the last label per row
	for r := range right {
		right[r] = lo - pad - 1
	}
	for i := range centers {
		x := centers[i] - widths[i]/2
		x = max(lo, min(x, hi-widths[i]))
		row := -1
		for r := 0; r < nrows; r++ {
			if x >= right[r]+pad {
				row = r
				right[r] = x + widths[i]
				break
			}
		}
		rows = append(rows, row)
		xs = append(xs, x)
	}
	return rows, xs
}

// Timeline draws every deal as a bar on a calendar axis from 1 January 2004
// (or the year of the earliest deal) to the as-of date, one row per deal,
// earliest at the top, coloured by mediator_type, with an arrow on deals
// still in force or with an unknown end. The governments of the day are
// shaded as alternating bands, named above the chart. Ticks fall on
// 1 January (YearTicks).
func Timeline(deals []dataset.Deal, governments []dataset.Government, asOf dataset.Date, meta Meta) (*plot.Plot, error) {
	rows, skipped := timelineRows(deals, asOf)
	if len(rows) == 0 {
		return nil, fmt.Errorf("plots: Timeline: no deal starts on or before %s", asOf)
	}
	useSans()
	lo := dayNumber(2004, time.January, 1)
	for _, r := range rows {
		lo = math.Min(lo, dayNumber(yearOf(r.Start), time.January, 1))
	}
	_, last := asOf.Span()
	hi := float64(last + 1)
	bands := governmentBands(governments, lo, hi)

	p := newPlot()
	all := rows
	rows = rows[:min(len(rows), MaxRows)]
	n := len(rows)
	ids := make([]string, n)
	rb := make([]rangeBar, n)
	var meds []string
	for i, r := range rows {
		y := float64(n - 1 - i)
		ids[n-1-i] = r.ID
		rb[i] = rangeBar{Y: y, X0: r.Start, X1: r.End, Lo: r.Start, Hi: r.Start, Color: r.Color, Open: r.Open}
		meds = append(meds, r.Mediator)
	}
	bars := newRangeBars(rb)
	bars.MinWidth = 3
	p.Add(bandShades{bands}, bars)
	p.NominalY(clipLabels(ids)...)
	p.Y.Tick.Label.Font = sans(smallSize, false)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Min, p.X.Max = lo, hi
	every := 1
	if yearOf(hi)-yearOf(lo) > 12 {
		every = 2
	}
	p.X.Tick.Marker = YearTicks{Every: every}
	p.X.Label.Text = "Year (ticks on 1 January)"

	var legend []legendEntry
	for _, m := range presentInOrder(vocab("mediator_type"), meds) {
		legend = append(legend, legendEntry{Label: dataset.Label("mediator_type", m), Thumb: swatch(mediatorColors.Of(m))})
	}
	legend = append(legend, legendEntry{Label: "Still in force or end unknown", Thumb: arrowThumb(inkMid)})
	notes := []string{"Colour: the principal mediator. Shaded bands: the government in office, labelled with its short name or, where the band is narrow, its id in the codebook. Bars start at each deal's start date and end at its end, the as-of date or its last report; very short deals are drawn 3 points wide."}
	notes = append(notes, rowNotes(n, len(all), skipped)...)
	sub := busiestGovernment(all, bands)
	lsty := textStyle(smallSize, false, inkMid)
	const labelRows = 3
	strip := linesHeight(lsty, labelRows, 1.25) + 2
	body := func(c draw.Canvas) {
		pc := c
		pc.Max.Y -= strip
		p.Draw(pc)
		dc := p.DataCanvas(pc)
		trX, _ := p.Transforms(&dc)
		centers, widths := make([]vg.Length, len(bands)), make([]vg.Length, len(bands))
		labels := make([]string, len(bands))
		for i, b := range bands {
			centers[i] = (trX(b.X0) + trX(b.X1)) / 2
			labels[i] = bandLabel(lsty, b, trX(b.X1)-trX(b.X0))
			widths[i] = lsty.Width(labels[i])
		}
		rowsOf, xs := placeBandLabels(centers, widths, dc.Min.X, dc.Max.X, 8, labelRows)
		lh := lineHeight(lsty, 1.25)
		tick := draw.LineStyle{Color: inkLight, Width: vg.Points(0.6)}
		for _, b := range bands {
			if b.Shade {
				c.FillPolygon(bandGrey, rectPts(vg.Rectangle{Min: vg.Point{X: trX(b.X0), Y: dc.Max.Y}, Max: vg.Point{X: trX(b.X1), Y: c.Max.Y}}))
			}
		}
		for i := range bands {
			if rowsOf[i] < 0 {
				continue
			}
			base := c.Max.Y - vg.Length(rowsOf[i]+1)*lh + 3
			c.FillText(lsty, vg.Point{X: xs[i], Y: base}, labels[i])
			if rowsOf[i] > 0 { // a leader down to the band
				c.StrokeLine2(tick, centers[i], base-2, centers[i], dc.Max.Y)
			}
		}
	}
	return frame(meta, "Every deal on the calendar", sub, legend, notes, body,
		9*vg.Inch, rowChartHeight(n, 0.6*vg.Inch)), nil
}

// busiestGovernment says under which government most deals began.
func busiestGovernment(rows []timelineRow, bands []govBand) string {
	count := make([]int, len(bands))
	for _, r := range rows {
		for i, b := range bands {
			if r.Start >= b.X0 && r.Start < b.X1 {
				count[i]++
				break
			}
		}
	}
	best := -1
	for i, k := range count {
		if k > 0 && (best < 0 || k > count[best]) {
			best = i
		}
	}
	if best < 0 {
		return fmt.Sprintf("%s from %d", analysis.Plural(len(rows), "deal", "deals"), yearOf(rows[0].Start))
	}
	return fmt.Sprintf("%d of the %d deals began under %s", count[best], len(rows), shortName(bands[best].Name))
}

// shortName is a government's name up to any parenthesis:
// "PTI-led coalition (PM Imran Khan)" → "PTI-led coalition".
func shortName(name string) string {
	if i := strings.Index(name, " ("); i > 0 {
		return name[:i]
	}
	return name
}

// bandLabel is the band's short name when it fits in about 1.3 times the
// band's width, else its id (e.g. "caretaker-2018").
func bandLabel(sty text.Style, b govBand, width vg.Length) string {
	if b.ID == "" || sty.Width(b.Name) <= 1.3*width {
		return b.Name
	}
	return b.ID
}
