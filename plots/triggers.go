package plots

import (
	"cmp"
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/truce-lab/truce/dataset"
)

// triggerRow is one bar of the Triggers chart: the breakdowns with one
// proximate cause (trigger), split by what happened at the end (end_event).
type triggerRow struct {
	Trigger string
	Total   int
	Segs    []triggerSeg // in end_event vocabulary order, zero counts left out
}

type triggerSeg struct {
	EndEvent string
	Count    int
}

// endEventColors colours the end_event vocabulary.
var endEventColors = palette{
	"operation":        blue,
	"declaration":      vermillion,
	"resumed-fighting": orange,
	"signatory-killed": reddishPurple,
	"expiry":           skyBlue,
	"supersession":     bluishGreen,
	"none":             inkLight,
	"unknown":          grey,
}

// triggerRows counts the deals that ended in breakdown (by asOf, unless
// it is zero) by trigger and end_event, most frequent trigger first (ties in vocabulary order). A
// breakdown without a coded trigger counts as "unknown", so the bars add
// up to the breakdowns, as analysis.Triggers counts them.
func triggerRows(deals []dataset.Deal, asOf dataset.Date) []triggerRow {
	counts := map[string]map[string]int{}
	var trig, by []string
	for _, d := range deals {
		if d.EndType != dataset.EndTypeBreakdown {
			continue
		}
		if dur, ok := d.Duration(asOf); !asOf.IsZero() && (!ok || !dur.Event) {
			continue // not broken down yet at the as-of date
		}
		t, b := string(d.Trigger), string(d.EndEvent)
		if t == "" {
			t = string(dataset.TriggerUnknown)
		}
		if b == "" {
			b = string(dataset.EndEventUnknown)
		}
		if counts[t] == nil {
			counts[t] = map[string]int{}
		}
		counts[t][b]++
		trig, by = append(trig, t), append(by, b)
	}
	trigOrder := presentInOrder(vocab("trigger"), trig)
	byOrder := presentInOrder(vocab("end_event"), by)
	var rows []triggerRow
	for _, t := range trigOrder {
		r := triggerRow{Trigger: t}
		for _, b := range byOrder {
			if k := counts[t][b]; k > 0 {
				r.Segs = append(r.Segs, triggerSeg{b, k})
				r.Total += k
			}
		}
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, b triggerRow) int { return cmp.Compare(b.Total, a.Total) })
	return rows
}

// stacks draws the stacked bars, top-down, with counts inside segments
// wide enough for them and the total at the end.
type stacks struct{ Rows []triggerRow }

func (s stacks) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, r := range s.Rows {
		xmax = max(xmax, float64(r.Total))
	}
	return 0, xmax, -0.5, float64(len(s.Rows)) - 0.5
}

func (s stacks) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var b []plot.GlyphBox
	for i, r := range s.Rows {
		b = append(b, plot.GlyphBox{X: p.X.Norm(float64(r.Total)), Y: p.Y.Norm(float64(len(s.Rows) - 1 - i)),
			Rectangle: vg.Rectangle{Max: vg.Point{X: 30}}})
	}
	return b
}

func (s stacks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	in := textStyle(smallSize, true, inkDark)
	in.XAlign = draw.XCenter
	tot := textStyle(tickSize, false, inkDark)
	for i, r := range s.Rows {
		y := float64(len(s.Rows) - 1 - i)
		y0, y1 := trY(y-0.32), trY(y+0.32)
		x := 0
		for _, sg := range r.Segs {
			a, b := trX(float64(x)), trX(float64(x+sg.Count))
			clr := endEventColors.Of(sg.EndEvent)
			c.FillPolygon(clr, rectPts(vg.Rectangle{Min: vg.Point{X: a, Y: y0}, Max: vg.Point{X: b, Y: y1}}))
			// A white rule between segments.
			c.StrokeLine2(draw.LineStyle{Color: white, Width: 1}, b, y0, b, y1)
			if b-a > in.Width(itoa(sg.Count))+6 {
				st := in
				if ev := dataset.EndEvent(sg.EndEvent); ev == dataset.EndEventOperation || ev == dataset.EndEventDeclaration || ev == dataset.EndEventSignatoryKilled {
					st.Color = white
				}
				fillMid(c, st, vg.Point{X: (a + b) / 2, Y: trY(y)}, itoa(sg.Count))
			}
			x += sg.Count
		}
		fillMid(c, tot, vg.Point{X: trX(float64(r.Total)) + 5, Y: trY(y)}, itoa(r.Total))
	}
}

// Triggers draws the proximate causes of the breakdowns (the trigger
// column of deals whose end_type is breakdown, by meta.AsOf when it is
// set) as horizontal bars, the most
// frequent at the top, stacked by the end event (end_event: what happened
// at the end), so that cause and end are shown apart.
func Triggers(deals []dataset.Deal, meta Meta) (*plot.Plot, error) {
	rows := triggerRows(deals, meta.AsOf)
	if len(rows) == 0 {
		return nil, fmt.Errorf("plots: Triggers: no deal ended in breakdown")
	}
	useSans()
	p := newPlot()
	labels := make([]string, len(rows))
	var bys []string
	total := 0
	for i, r := range rows {
		labels[len(rows)-1-i] = dataset.Label("trigger", r.Trigger)
		for _, s := range r.Segs {
			bys = append(bys, s.EndEvent)
		}
		total += r.Total
	}
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = gridGrey
	p.Add(grid, stacks{rows})
	p.NominalY(clipLabels(labels)...)
	p.X.Min = 0
	p.X.Tick.Marker = plot.TickerFunc(countTicks)
	p.X.Label.Text = "Deals that broke down"
	p.Y.Min, p.Y.Max = -0.6, float64(len(rows))-0.4
	legend := []legendEntry{{Label: "What happened at the end:"}}
	for _, b := range presentInOrder(vocab("end_event"), bys) {
		legend = append(legend, legendEntry{Label: dataset.Label("end_event", b), Thumb: swatch(endEventColors.Of(b))})
	}
	top := rows[0]
	sub := fmt.Sprintf("%s was the most common cause: %d of %d breakdowns", dataset.Label("trigger", top.Trigger), top.Total, total)
	tied := 0
	for _, r := range rows {
		if r.Total == top.Total {
			tied++
		}
	}
	if tied > 2 {
		sub = fmt.Sprintf("%d causes tie as the most common, with %d of %d breakdowns each", tied, top.Total, total)
	} else if tied == 2 {
		sub = fmt.Sprintf("%s and %s were the most common causes: %d of %d breakdowns each", dataset.Label("trigger", top.Trigger), lowerFirst(dataset.Label("trigger", rows[1].Trigger)), top.Total, total)
	}
	notes := []string{"Cause: the proximate cause the sources give for the breakdown; the colours show what happened at the end (the end event), coded apart from the cause."}
	h := max(4*vg.Inch, 2.4*vg.Inch+vg.Length(len(rows))*0.42*vg.Inch)
	return frame(meta, "What set off the breakdowns, and how they ended", sub, legend, notes, plotBody(p), 8*vg.Inch, h), nil
}
