package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/truce-lab/truce/dataset"
)

// matrixCol is one column of the Matrix chart.
type matrixCol struct {
	Key   string  // vocabulary value
	Label string  // dataset.Label of Key, with the count of deals: "Amnesty (12)"
	X     float64 // position; the commitments block starts after a gap
	Group int     // 0 state concessions, 1 militant commitments
	Count int
}

// matrixData returns the rows (deal ids, earliest first), the columns
// (dataset.Concessions(), then dataset.Commitments() after a one-column gap)
// and the presence of each column's value in each deal.
func matrixData(deals []dataset.Deal) (ids []string, cols []matrixCol, present [][]bool) {
	sorted := chronological(deals)
	for _, c := range dataset.Concessions() {
		cols = append(cols, matrixCol{Key: c, X: float64(len(cols)), Group: 0})
	}
	gapAt := float64(len(cols)) + 1
	for i, c := range dataset.Commitments() {
		cols = append(cols, matrixCol{Key: c, X: gapAt + float64(i), Group: 1})
	}
	present = make([][]bool, len(sorted))
	for i := range sorted {
		d := &sorted[i]
		ids = append(ids, d.ID)
		present[i] = make([]bool, len(cols))
		for j := range cols {
			if cols[j].Group == 0 {
				present[i][j] = d.Has(cols[j].Key)
			} else {
				present[i][j] = d.Commits(cols[j].Key)
			}
			if present[i][j] {
				cols[j].Count++
			}
		}
	}
	for j := range cols {
		column := "state_concessions"
		if cols[j].Group == 1 {
			column = "militant_commitments"
		}
		cols[j].Label = fmt.Sprintf("%s (%d)", dataset.Label(column, cols[j].Key), cols[j].Count)
	}
	return ids, cols, present
}

var groupColors = []color.Color{blue, orange}

// cells draws the matrix.
type cells struct {
	Cols    []matrixCol
	Present [][]bool // rows top-down
}

func (m cells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, m.Cols[len(m.Cols)-1].X + 0.5, -0.5, float64(len(m.Present)) - 0.5
}

// Plot draws the empty cells as one grey bar per column cut into cells by
// white rules between the rows, then the filled cells on top: the same
// picture as one square per cell, with about a quarter of the shapes (an
// SVG of 150 deals is then 140 KB instead of 430).
func (m cells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(m.Present)
	if n == 0 {
		return
	}
	empty := color.RGBA{0xee, 0xee, 0xee, 0xff}
	hw := (trX(1) - trX(0)) * 0.42
	hh := (trY(1) - trY(0)) * 0.40
	cell := func(x, y float64) vg.Rectangle {
		ctr := vg.Point{X: trX(x), Y: trY(y)}
		return vg.Rectangle{Min: vg.Point{X: ctr.X - hw, Y: ctr.Y - hh}, Max: vg.Point{X: ctr.X + hw, Y: ctr.Y + hh}}
	}
	for _, col := range m.Cols {
		top, bottom := cell(col.X, float64(n-1)), cell(col.X, 0)
		c.FillPolygon(empty, rectPts(vg.Rectangle{Min: bottom.Min, Max: top.Max}))
	}
	left, right := cell(m.Cols[0].X, 0).Min.X, cell(m.Cols[len(m.Cols)-1].X, 0).Max.X
	for y := 0; y+1 < n; y++ {
		below, above := cell(0, float64(y)), cell(0, float64(y+1))
		c.FillPolygon(white, rectPts(vg.Rectangle{Min: vg.Point{X: left, Y: below.Max.Y}, Max: vg.Point{X: right, Y: above.Min.Y}}))
	}
	for i, row := range m.Present {
		y := float64(n - 1 - i)
		for j, col := range m.Cols {
			if row[j] {
				c.FillPolygon(groupColors[col.Group], rectPts(cell(col.X, y)))
			}
		}
	}
}

// Matrix draws a presence matrix: one row per deal (earliest at the top),
// one column per state concession (dataset.Concessions() order, blue) and,
// after a gap, per militant commitment (dataset.Commitments() order,
// orange). Column labels, rotated at the top, carry the number of deals
// with each item.
func Matrix(deals []dataset.Deal, meta Meta) (*plot.Plot, error) {
	if len(deals) == 0 {
		return nil, fmt.Errorf("plots: Matrix: no deals")
	}
	useSans()
	ids, cols, present := matrixData(deals)
	all := len(ids)
	ids, present = ids[:min(all, MaxRows)], present[:min(all, MaxRows)]
	p := newPlot()
	n := len(ids)
	ylabels := make([]string, n)
	for i, id := range ids {
		ylabels[n-1-i] = id
	}
	p.Add(cells{cols, present})
	p.NominalY(clipLabels(ylabels)...)
	p.Y.Tick.Label.Font = sans(smallSize, false)
	p.HideX()
	p.X.Padding = 0
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5

	lab := textStyle(smallSize, false, inkDark)
	lab.Rotation = math.Pi / 4
	var longest vg.Length
	for _, c := range cols {
		longest = max(longest, lab.Width(c.Label))
	}
	strip := longest*0.72 + 10
	body := func(c draw.Canvas) {
		pc := c
		pc.Max.Y -= strip
		pc.Max.X -= strip * 0.95 // the last labels lean right
		p.Draw(pc)
		dc := p.DataCanvas(pc)
		trX, _ := p.Transforms(&dc)
		for _, col := range cols {
			c.FillText(lab, vg.Point{X: trX(col.X) - 2, Y: dc.Max.Y + 5}, col.Label)
		}
	}
	var most matrixCol
	for _, c := range cols {
		if c.Group == 0 && c.Key != "other" && c.Count > most.Count {
			most = c
		}
	}
	sub := fmt.Sprintf("The most common state concession: %s, in %d of %d deals", lowerFirst(dataset.Label("state_concessions", most.Key)), most.Count, all)
	if most.Count == 0 {
		sub = "No state concession is recorded in these deals"
	}
	legend := []legendEntry{
		{Label: "State concession given", Thumb: swatch(blue)},
		{Label: "Militant commitment made", Thumb: swatch(orange)},
		{Label: "Not recorded", Thumb: swatch(color.RGBA{0xee, 0xee, 0xee, 0xff})},
	}
	notes := []string{"Rows: deals from the earliest (top). Columns: the state concessions and militant commitments the codebook lists; the number of deals with each is in brackets. A blank cell means the deal's sources record no such item."}
	notes = append(notes, rowNotes(n, all, nil)...)
	return frame(meta, "What each deal offered and asked", sub, legend, notes, body,
		9*vg.Inch, rowChartHeight(n, strip)), nil
}

func lowerFirst(s string) string {
	if s == "" || (len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
