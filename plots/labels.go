package plots

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
)

// labelPlacement is where placeLabels put one label.
type labelPlacement struct {
	Rect   vg.Rectangle
	OK     bool // false when no candidate position was free
	Leader bool // placed away from its point: draw a leader line
}

// Candidate directions around a point, in order of preference: right,
// left, above, below, then the diagonals.
var labelDirs = [][2]float64{{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, 1}, {1, -1}, {-1, -1}}

const (
	labelRings = 12             // distances tried
	labelStep  = vg.Length(5)   // distance added per ring
	labelPad   = vg.Length(1)   // minimum gap between boxes
	labelGap   = vg.Length(2.5) // gap between a point's glyph and its label
)

// placeLabels is a greedy label placer. Labels are placed the most
// crowded first (crowdedFirst); each goes to the first candidate position,
// ring by ring outwards from its point and in the order of labelDirs,
// whose box (grown by labelPad) lies inside bounds and overlaps none of:
// the labels already placed, the glyph boxes (squares of half-side r) of
// all anchors, and the obstacles. A label that finds no free position
// within labelRings rings is not placed (OK false). Placed boxes therefore
// never overlap each other or any point. sizes[i] is the width (X) and
// height (Y) of label i; a label of zero width is not placed. The boxes
// are kept in a uniform grid (rectGrid), so each test looks only at the
// boxes nearby: the cost grows linearly with the number of points when
// labels are few or spread out.
func placeLabels(anchors, sizes []vg.Point, r vg.Length, obstacles []vg.Rectangle, bounds vg.Rectangle) []labelPlacement {
	blocked := newRectGrid(bounds, 24)
	for _, a := range anchors {
		blocked.add(vg.Rectangle{Min: vg.Point{X: a.X - r, Y: a.Y - r}, Max: vg.Point{X: a.X + r, Y: a.Y + r}})
	}
	for _, o := range obstacles {
		blocked.add(o)
	}
	out := make([]labelPlacement, len(anchors))
	for _, i := range crowdedFirst(anchors, sizes, 8*r) {
		a := anchors[i]
		w, h := sizes[i].X, sizes[i].Y
	search:
		for ring := 0; ring < labelRings; ring++ {
			d := r + labelGap + vg.Length(ring)*labelStep
			for _, dir := range labelDirs {
				cx := a.X + vg.Length(dir[0])*(d+w/2)
				cy := a.Y + vg.Length(dir[1])*(d+h/2)
				if dir[0] != 0 && dir[1] != 0 { // diagonals: corner at distance d
					cx = a.X + vg.Length(dir[0])*(d*0.7+w/2)
					cy = a.Y + vg.Length(dir[1])*(d*0.7+h/2)
				}
				rect := vg.Rectangle{Min: vg.Point{X: cx - w/2, Y: cy - h/2}, Max: vg.Point{X: cx + w/2, Y: cy + h/2}}
				if !inside(rect, bounds) || blocked.hits(grow(rect, labelPad)) {
					continue
				}
				out[i] = labelPlacement{Rect: rect, OK: true, Leader: ring > 1}
				blocked.add(rect)
				break search
			}
		}
	}
	return out
}

// rectGrid is a set of rectangles indexed by the square cells of a grid
// over bounds that they touch (rectangles outside bounds go to the edge
// cells), for overlap tests that look only at nearby rectangles.
type rectGrid struct {
	min        vg.Point
	cell       vg.Length
	cols, rows int
	cells      [][]int32 // indices into rects
	rects      []vg.Rectangle
}

func newRectGrid(bounds vg.Rectangle, cell vg.Length) *rectGrid {
	cols := max(1, int((bounds.Max.X-bounds.Min.X)/cell)+1)
	rows := max(1, int((bounds.Max.Y-bounds.Min.Y)/cell)+1)
	return &rectGrid{min: bounds.Min, cell: cell, cols: cols, rows: rows, cells: make([][]int32, cols*rows)}
}

// span returns the range of cells r touches, clamped to the grid.
func (g *rectGrid) span(r vg.Rectangle) (c0, c1, r0, r1 int) {
	idx := func(v, lo vg.Length, n int) int {
		k := int(math.Floor(float64((v - lo) / g.cell)))
		return min(max(k, 0), n-1)
	}
	return idx(r.Min.X, g.min.X, g.cols), idx(r.Max.X, g.min.X, g.cols), idx(r.Min.Y, g.min.Y, g.rows), idx(r.Max.Y, g.min.Y, g.rows)
}

func (g *rectGrid) add(r vg.Rectangle) {
	id := int32(len(g.rects))
	g.rects = append(g.rects, r)
	c0, c1, r0, r1 := g.span(r)
	for y := r0; y <= r1; y++ {
		for x := c0; x <= c1; x++ {
			g.cells[y*g.cols+x] = append(g.cells[y*g.cols+x], id)
		}
	}
}

// hits reports whether r overlaps any rectangle of the grid.
func (g *rectGrid) hits(r vg.Rectangle) bool {
	c0, c1, r0, r1 := g.span(r)
	for y := r0; y <= r1; y++ {
		for x := c0; x <= c1; x++ {
			for _, id := range g.cells[y*g.cols+x] {
				if overlaps(r, g.rects[id]) {
					return true
				}
			}
		}
	}
	return false
}

func grow(r vg.Rectangle, d vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X - d, Y: r.Min.Y - d}, Max: vg.Point{X: r.Max.X + d, Y: r.Max.Y + d}}
}

func inside(r, bounds vg.Rectangle) bool {
	return r.Min.X >= bounds.Min.X && r.Max.X <= bounds.Max.X && r.Min.Y >= bounds.Min.Y && r.Max.Y <= bounds.Max.Y
}

// overlaps reports whether two rectangles share interior area.
func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// crowdedFirst returns the labels to place (those of non-zero width)
// ordered by the number of other labelled anchors within radius, most
// first (ties in input order), so that labels in crowded places get the
// near positions. Neighbours are counted through a grid of cells of side
// radius.
func crowdedFirst(anchors, sizes []vg.Point, radius vg.Length) []int {
	var idx []int
	for i := range anchors {
		if sizes[i].X > 0 {
			idx = append(idx, i)
		}
	}
	type cell struct{ x, y int }
	at := func(p vg.Point) cell {
		return cell{int(math.Floor(float64(p.X / radius))), int(math.Floor(float64(p.Y / radius)))}
	}
	cells := map[cell][]int{}
	for _, i := range idx {
		c := at(anchors[i])
		cells[c] = append(cells[c], i)
	}
	n := make([]int, len(anchors))
	for _, i := range idx {
		a, c := anchors[i], at(anchors[i])
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, j := range cells[cell{c.x + dx, c.y + dy}] {
					b := anchors[j]
					if x, y := a.X-b.X, a.Y-b.Y; i != j && x*x+y*y <= radius*radius {
						n[i]++
					}
				}
			}
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(n[b], n[a]) })
	return idx
}
