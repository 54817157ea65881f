package plots

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"gonum.org/v1/plot/vg"
)

// Fill implements vg.Canvas. An opaque axis-aligned rectangle (a plot's
// background, a panel, a bar) is filled in two parts: the pixels it
// covers fully are copied in with draw.Draw, where the rasteriser would
// paint exactly the colour, only many times slower; the strips of partly
// covered pixels along its edges (at most one pixel thick) go to the
// rasteriser, which gives each of those pixels the same coverage as for
// the whole rectangle: the coverage of a pixel is the area of the shape
// inside it, and the edges keep their device coordinates. The background
// and panel fills were a third of a briefing's PNG time (issue 12); the
// output is byte-identical. Any other path goes to vgimg.
func (c *pngCanvas) Fill(p vg.Path) {
	col := c.colors[len(c.colors)-1]
	if _, _, _, a := col.RGBA(); a == 0xffff {
		if x0, y0, x1, y1, ok := c.deviceRect(p); ok && c.fillRect(col, x0, y0, x1, y1) {
			return
		}
	}
	c.Canvas.Fill(p)
}

// deviceRect returns the device (pixel) coordinates of p when p is a
// closed axis-aligned rectangle: move, three or four lines, close.
func (c *pngCanvas) deviceRect(p vg.Path) (x0, y0, x1, y1 float64, ok bool) {
	n := len(p)
	if n < 5 || n > 6 || p[0].Type != vg.MoveComp || p[n-1].Type != vg.CloseComp {
		return 0, 0, 0, 0, false
	}
	dpi := c.DPI()
	var xs, ys [5]float64
	for i, comp := range p[:n-1] {
		if i > 0 && comp.Type != vg.LineComp {
			return 0, 0, 0, 0, false
		}
		xs[i], ys[i] = c.ctx.TransformPoint(comp.Pos.X.Dots(dpi), comp.Pos.Y.Dots(dpi))
	}
	if n == 6 && (xs[4] != xs[0] || ys[4] != ys[0]) {
		return 0, 0, 0, 0, false
	}
	// Consecutive corners share x or y, alternately.
	vertical := xs[0] == xs[1]
	for i := range 4 {
		j := (i + 1) % 4
		if (i%2 == 0) == vertical {
			if xs[i] != xs[j] {
				return 0, 0, 0, 0, false
			}
		} else if ys[i] != ys[j] {
			return 0, 0, 0, 0, false
		}
	}
	return min(xs[0], xs[2]), min(ys[0], ys[2]), max(xs[0], xs[2]), max(ys[0], ys[2]), true
}

// fillRect fills the device rectangle (x0, y0)–(x1, y1) with an opaque
// colour as described at Fill; false (nothing drawn) when it covers no
// whole pixel of the image.
func (c *pngCanvas) fillRect(col color.Color, x0, y0, x1, y1 float64) bool {
	b := c.img.Bounds()
	ix0, iy0 := max(int(math.Ceil(x0)), b.Min.X), max(int(math.Ceil(y0)), b.Min.Y)
	ix1, iy1 := min(int(math.Floor(x1)), b.Max.X), min(int(math.Floor(y1)), b.Max.Y)
	if ix0 >= ix1 || iy0 >= iy1 {
		return false
	}
	draw.Draw(c.img, image.Rect(ix0, iy0, ix1, iy1), image.NewUniform(color.RGBA64Model.Convert(col)), image.Point{}, draw.Src)
	fx0, fy0, fx1, fy1 := float64(ix0), float64(iy0), float64(ix1), float64(iy1)
	if y0 < fy0 && iy0 > b.Min.Y {
		c.rasterRect(x0, y0, x1, fy0) // top strip, corners included
	}
	if y1 > fy1 && iy1 < b.Max.Y {
		c.rasterRect(x0, fy1, x1, y1) // bottom strip, corners included
	}
	if x0 < fx0 && ix0 > b.Min.X {
		c.rasterRect(x0, fy0, fx0, fy1)
	}
	if x1 > fx1 && ix1 < b.Max.X {
		c.rasterRect(fx1, fy0, x1, fy1)
	}
	return true
}

// rasterRect fills a rectangle given in device coordinates with the
// current colour through the graphics context's rasteriser.
func (c *pngCanvas) rasterRect(x0, y0, x1, y1 float64) {
	c.ctx.Push()
	c.ctx.Identity()
	c.ctx.MoveTo(x0, y0)
	c.ctx.LineTo(x1, y0)
	c.ctx.LineTo(x1, y1)
	c.ctx.LineTo(x0, y1)
	c.ctx.ClosePath()
	c.ctx.Fill()
	c.ctx.Pop()
}
