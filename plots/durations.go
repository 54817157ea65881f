package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// durationBar is the data of one bar of the Durations chart.
type durationBar struct {
	ID                 string
	Days, Lower, Upper float64
	Event              bool   // ended in breakdown; otherwise censored
	Open               bool   // may have run on past the bar: ongoing, or end unknown
	EndType            string // the deal's end_type
	Color              color.Color
	Label              string // days, with "+" when censored
}

// chronological returns the deals sorted by start (the middle day of the
// start date, then its first day), then id.
func chronological(deals []dataset.Deal) []dataset.Deal {
	out := slices.Clone(deals)
	slices.SortStableFunc(out, func(a, b dataset.Deal) int {
		if c := cmp.Compare(a.Start.Mid(), b.Start.Mid()); c != 0 {
			return c
		}
		af, _ := a.Start.Span()
		bf, _ := b.Start.Span()
		if c := cmp.Compare(af, bf); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// durationBars returns the bars of the Durations chart, earliest deal
// first, and the ids of deals that start after asOf (they have no
// duration).
func durationBars(deals []dataset.Deal, asOf dataset.Date) (bars []durationBar, skipped []string) {
	for _, d := range chronological(deals) {
		dur, ok := d.Duration(asOf)
		if !ok {
			skipped = append(skipped, d.ID)
			continue
		}
		label := itoa(dur.Days)
		if !dur.Event {
			label += "+"
		}
		bars = append(bars, durationBar{
			ID:   d.ID,
			Days: float64(dur.Days), Lower: float64(dur.Lower), Upper: float64(dur.Upper),
			Event:   dur.Event,
			Open:    dur.Basis == "as_of" || dur.Basis == "last_seen",
			EndType: string(d.EndType),
			Color:   endTypeColors.Of(string(d.EndType)),
			Label:   label,
		})
	}
	return bars, skipped
}

// presentInOrder returns the values of vocab that occur in have, in
// vocabulary order, followed by any values not in vocab, sorted.
func presentInOrder(vocab []string, have []string) []string {
	seen := map[string]bool{}
	for _, h := range have {
		seen[h] = true
	}
	var out []string
	for _, v := range vocab {
		if seen[v] {
			out = append(out, v)
			delete(seen, v)
		}
	}
	var rest []string
	for v := range seen {
		rest = append(rest, v)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

func vocab(column string) []string {
	v, _ := dataset.VocabularyOf(column)
	return v.Values
}

// medianSentence states the Kaplan–Meier median of times and events, or
// that it was not reached.
func medianSentence(n int, times []float64, events []bool) string {
	km, err := analysis.KaplanMeier(times, events)
	if err != nil {
		return ""
	}
	m := km.Median()
	if !m.Reached {
		return fmt.Sprintf("Fewer than half of the %d deals are known to have broken down (%d breakdowns)", n, km.Events)
	}
	return fmt.Sprintf("Half of the %d deals had broken down within %.0f days (Kaplan–Meier median; deals without a breakdown count as censored)", n, m.Estimate)
}

// Durations draws one horizontal bar per deal, earliest at the top, as long
// as the deal lasted (or has lasted, to the as-of date or its last report),
// coloured by end_type, labelled with its days ("+" when no breakdown was
// observed: a censored time), with a whisker from the shortest to the
// longest duration the precision of its dates allows, and an arrow on deals
// still in force or last reported in force. Deals starting after asOf are
// left out and named in a note. With an empty meta.Subtitle the subtitle
// is the Kaplan–Meier median time to breakdown.
func Durations(deals []dataset.Deal, asOf dataset.Date, meta Meta) (*plot.Plot, error) {
	bars, skipped := durationBars(deals, asOf)
	if len(bars) == 0 {
		return nil, fmt.Errorf("plots: Durations: no deal starts on or before %s", asOf)
	}
	useSans()
	p := newPlot()
	all := len(bars)
	times, events := make([]float64, all), make([]bool, all)
	for i, b := range bars {
		times[i], events[i] = b.Days, b.Event
	}
	bars = bars[:min(all, MaxRows)]
	n := len(bars)
	ids := make([]string, n)
	rb := make([]rangeBar, n)
	var types []string
	for i, b := range bars {
		y := float64(n - 1 - i) // earliest at the top
		ids[n-1-i] = b.ID
		rb[i] = rangeBar{Y: y, X0: 0, X1: b.Days, Lo: b.Lower, Hi: b.Upper, Color: b.Color, Open: b.Open, Label: b.Label}
		types = append(types, b.EndType)
	}
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = gridGrey
	p.Add(grid, newRangeBars(rb))
	p.NominalY(clipLabels(ids)...)
	p.Y.Tick.Label.Font = sans(smallSize, false)
	p.X.Min = 0
	p.X.Label.Text = "Days in force"
	p.X.Tick.Marker = dayTicks(p.X.Max)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4

	var legend []legendEntry
	for _, t := range presentInOrder(vocab("end_type"), types) {
		legend = append(legend, legendEntry{Label: dataset.Label("end_type", t), Thumb: swatch(endTypeColors.Of(t))})
	}
	legend = append(legend,
		legendEntry{Label: "Still in force or end unknown", Thumb: arrowThumb(inkMid)},
		legendEntry{Label: "Date uncertainty", Thumb: whiskerThumb})
	notes := []string{"Bars run from the start of each deal to its end, or to the as-of date (in force) or its last report (end unknown). " +
		"\"+\" marks a censored time: no breakdown was observed. Whiskers span the shortest to the longest duration the precision of the dates allows."}
	notes = append(notes, rowNotes(n, all, skipped)...)
	sub := medianSentence(all, times, events)
	return frame(meta, "How long the deals lasted", sub, legend, notes, plotBody(p),
		8*vg.Inch, rowChartHeight(n, 0.3*vg.Inch)), nil
}
