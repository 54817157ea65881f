package plots

import (
	"cmp"
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
// crowded first (crowdedFirst); each
// goes to the first candidate position, ring by ring outwards from its
// point and in the order of labelDirs, whose box (grown by labelPad) lies
// inside bounds and overlaps none of: the labels already placed, the
// glyph boxes (squares of half-side r) of all anchors, and the obstacles.
// A label that finds no free position within labelRings rings is not
// placed (OK false). Placed boxes therefore never overlap each other or any
// point. sizes[i] is the width (X) and height (Y) of label i.
func placeLabels(anchors, sizes []vg.Point, r vg.Length, obstacles []vg.Rectangle, bounds vg.Rectangle) []labelPlacement {
	blocked := make([]vg.Rectangle, 0, len(anchors)+len(obstacles)+len(anchors))
	for _, a := range anchors {
		blocked = append(blocked, vg.Rectangle{Min: vg.Point{X: a.X - r, Y: a.Y - r}, Max: vg.Point{X: a.X + r, Y: a.Y + r}})
	}
	blocked = append(blocked, obstacles...)
	out := make([]labelPlacement, len(anchors))
	for _, i := range crowdedFirst(anchors, 8*r) {
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
				if !inside(rect, bounds) || hits(grow(rect, labelPad), blocked) {
					continue
				}
				out[i] = labelPlacement{Rect: rect, OK: true, Leader: ring > 1}
				blocked = append(blocked, rect)
				break search
			}
		}
	}
	return out
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

func hits(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, b := range rs {
		if overlaps(r, b) {
			return true
		}
	}
	return false
}

// crowdedFirst orders the anchors by the number of other anchors within
// radius, most first (ties in input order), so that labels in crowded
// places get the near positions.
func crowdedFirst(anchors []vg.Point, radius vg.Length) []int {
	n := make([]int, len(anchors))
	for i, a := range anchors {
		for j, b := range anchors {
			dx, dy := a.X-b.X, a.Y-b.Y
			if i != j && dx*dx+dy*dy <= radius*radius {
				n[i]++
			}
		}
	}
	idx := make([]int, len(anchors))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(n[b], n[a]) })
	return idx
}
