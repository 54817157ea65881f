package plots

import (
	"bytes"
	"image/color"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestPNGFillMatchesRasteriser fills rectangles through pngCanvas.Fill
// (whole pixels copied, edge strips rasterised) and through vgimg's
// rasteriser alone, over a drawn background, and wants the same pixels:
// edges on whole pixels, edges cutting pixels, edges beyond the image, a
// rectangle within one pixel row, a translucent colour, and a triangle.
func TestPNGFillMatchesRasteriser(t *testing.T) {
	rect := func(x0, y0, x1, y1 vg.Length) vg.Path {
		var p vg.Path
		p.Move(vg.Point{X: x0, Y: y0})
		p.Line(vg.Point{X: x1, Y: y0})
		p.Line(vg.Point{X: x1, Y: y1})
		p.Line(vg.Point{X: x0, Y: y1})
		p.Close()
		return p
	}
	var tri vg.Path
	tri.Move(vg.Point{X: 3, Y: 3})
	tri.Line(vg.Point{X: 60, Y: 10})
	tri.Line(vg.Point{X: 20, Y: 50})
	tri.Close()
	opaque, translucent := color.RGBA{R: 200, G: 30, B: 90, A: 255}, color.NRGBA{R: 20, G: 130, B: 200, A: 128}
	tests := []struct {
		name string
		path vg.Path
		col  color.Color
	}{
		{"whole pixels", rect(0, 0, 72, 36), opaque},
		{"background beyond the image", rect(-3.3, -2.1, 200, 100), opaque},
		{"fractional edges", rect(3.37, 5.11, 61.9, 40.02), opaque},
		{"reversed corners", rect(61.9, 40.02, 3.37, 5.11), opaque},
		{"within one pixel row", rect(10, 10.1, 50, 10.3), opaque},
		{"translucent", rect(3.37, 5.11, 61.9, 40.02), translucent},
		{"triangle", tri, opaque},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fast, ref := newPNGCanvas(100, 60, 137), newPNGCanvas(100, 60, 137)
			for _, c := range []*pngCanvas{fast, ref} {
				c.SetColor(color.RGBA{R: 240, G: 240, B: 235, A: 255})
				c.Canvas.Fill(rect(20.5, 7.7, 80.2, 50.9))
				c.SetColor(tt.col)
			}
			fast.Fill(tt.path)
			ref.Canvas.Fill(tt.path)
			if !bytes.Equal(fast.img.Pix, ref.img.Pix) {
				n := 0
				for i := range fast.img.Pix {
					if fast.img.Pix[i] != ref.img.Pix[i] {
						n++
					}
				}
				t.Errorf("%d of %d bytes differ from the rasteriser's", n, len(fast.img.Pix))
			}
		})
	}
}
