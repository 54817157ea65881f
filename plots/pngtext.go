package plots

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"git.sr.ht/~sbinet/gg"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// pngCanvas is a vgimg canvas that draws upright text itself, from a
// cache of rasterised glyphs. vgimg v0.17.0 builds a new font face for
// every string, rasterises every glyph anew and resamples each glyph's mask
// through a bilinear transform; about a third of a briefing's rendering
// time went there (issue 12). pngCanvas rasterises each glyph once per
// face, size, resolution and quarter-pixel position (glyphCache) and
// composites its mask directly. Rotated or scaled text (the matrix chart's
// column labels, the y-axis titles) still goes through vgimg. The text is
// placed at the same positions; its pixels differ from vgimg's only by that
// resampling and by less than 1/8 pixel of rounding.
//
// pngCanvas makes the graphics context itself and hands it to vgimg
// (vgimg.UseImageWithContext), so it can read the current transform.
type pngCanvas struct {
	*vgimg.Canvas
	ctx    *gg.Context
	img    *image.RGBA
	colors []color.Color // the colour stack, as vgimg keeps it
	faces  map[faceKey]xfont.Face
}

func newPNGCanvas(w, h vg.Length, dpi int) *pngCanvas {
	// The image and its context are made here, as vgimg.NewWith makes them
	// for UseWH (size rounded to whole pixels, butt caps, y upwards), but
	// without NewWith's second image: gg.NewContextForImage copies the
	// image it is given (a tenth of a briefing's PNG time, issue 12).
	img := newRGBA(int(float64(w/vg.Inch)*float64(dpi)+0.5), int(float64(h/vg.Inch)*float64(dpi)+0.5))
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	c := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
	return &pngCanvas{Canvas: c, ctx: ctx, img: img, colors: []color.Color{color.Black}, faces: map[faceKey]xfont.Face{}}
}

// pixels keeps the pixel buffers of finished PNG canvases for the next
// one: a briefing renders its charts on every core, and each fresh image of
// 1600 × 1500 pixels cost its page faults anew (a tenth of the PNG time).
// vgimg.NewWith paints every pixel of the image with the background before
// anything is drawn, so a buffer need not be cleared.
var pixels sync.Pool // of *[]byte

// newRGBA returns a w × h image, on a buffer from pixels if one is large
// enough.
func newRGBA(w, h int) *image.RGBA {
	if p, ok := pixels.Get().(*[]byte); ok && cap(*p) >= 4*w*h {
		return &image.RGBA{Pix: (*p)[:4*w*h], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	}
	return image.NewRGBA(image.Rect(0, 0, w, h))
}

// release gives the canvas's pixels back to pixels; the canvas is not
// used again.
func (c *pngCanvas) release() {
	p := c.img.Pix[:cap(c.img.Pix)]
	c.img = nil
	pixels.Put(&p)
}

// SetColor, Push and Pop implement vg.Canvas, keeping track of the colour.
func (c *pngCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.colors[len(c.colors)-1] = clr
	c.Canvas.SetColor(clr)
}

func (c *pngCanvas) Push() {
	c.colors = append(c.colors, c.colors[len(c.colors)-1])
	c.Canvas.Push()
}

func (c *pngCanvas) Pop() {
	c.colors = c.colors[:len(c.colors)-1]
	c.Canvas.Pop()
}

// FillString implements vg.Canvas.
func (c *pngCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Size == 0 {
		return
	}
	dpi := c.DPI()
	_, h := c.Size()
	H := float64(c.img.Bounds().Dy())
	// vgimg draws at (x, h−y) after flipping y once more (InvertY); the
	// device position of text-space (u, v) is then T(u, H−v).
	dev := func(u, v float64) (float64, float64) { return c.ctx.TransformPoint(u, H-v) }
	x, y := pt.X.Dots(dpi), h.Dots(dpi)-pt.Y.Dots(dpi)
	x0, y0 := dev(x, y)
	x1, y1 := dev(x+1, y)
	x2, y2 := dev(x, y+1)
	if math.Abs(x1-x0-1) > 1e-9 || math.Abs(y1-y0) > 1e-9 || math.Abs(x2-x0) > 1e-9 || math.Abs(y2-y0-1) > 1e-9 {
		c.Canvas.FillString(f, pt, s) // rotated or scaled
		return
	}
	key := faceKey{f.Face, f.Font.Size, dpi}
	face := c.faces[key]
	if face == nil {
		face = f.FontFace(dpi)
		c.faces[key] = face
	}
	src := image.NewUniform(c.colors[len(c.colors)-1])
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x0 * 64)), Y: fixed.Int26_6(math.Round(y0 * 64))}
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, advance, ok := glyphs.glyph(key, face, dot, r)
		prev = r
		if !ok {
			continue
		}
		draw.DrawMask(c.img, dr, src, image.Point{}, mask, image.Point{}, draw.Over)
		dot.X += advance
	}
}

// faceKey names a face at a size and resolution.
type faceKey struct {
	font *sfnt.Font
	size vg.Length
	dpi  float64
}

type glyphKey struct {
	face         faceKey
	r            rune
	fracX, fracY fixed.Int26_6 // quarter-pixel position within a pixel
}

type glyphVal struct {
	dr      image.Rectangle // relative to the whole-pixel position
	mask    *image.Alpha    // origin at (0, 0), drawn at dr.Min
	advance fixed.Int26_6
	ok      bool
}

// glyphCache holds rasterised glyphs, shared by all charts (they are drawn
// concurrently, hence the lock). It stops growing at maxGlyphs entries.
type glyphCache struct {
	mu sync.Mutex
	m  map[glyphKey]glyphVal
}

const maxGlyphs = 100_000

var glyphs = glyphCache{m: map[glyphKey]glyphVal{}}

// glyph returns glyph r of face drawn at dot rounded to a quarter pixel:
// its rectangle on the image, its mask and its advance.
func (g *glyphCache) glyph(key faceKey, face xfont.Face, dot fixed.Point26_6, r rune) (image.Rectangle, *image.Alpha, fixed.Int26_6, bool) {
	q := fixed.Point26_6{X: (dot.X + 8) &^ 15, Y: (dot.Y + 8) &^ 15}
	whole := image.Point{X: q.X.Floor(), Y: q.Y.Floor()}
	k := glyphKey{key, r, q.X & 63, q.Y & 63}
	g.mu.Lock()
	v, hit := g.m[k]
	g.mu.Unlock()
	if !hit {
		v = rasterise(face, fixed.Point26_6{X: k.fracX, Y: k.fracY}, r)
		g.mu.Lock()
		if len(g.m) < maxGlyphs {
			g.m[k] = v
		}
		g.mu.Unlock()
	}
	return v.dr.Add(whole), v.mask, v.advance, v.ok
}

// rasterise draws glyph r at dot (within the first pixel) and copies its
// mask, which the face reuses for its next glyph.
func rasterise(face xfont.Face, dot fixed.Point26_6, r rune) glyphVal {
	dr, mask, maskp, advance, ok := face.Glyph(dot, r)
	if !ok {
		return glyphVal{}
	}
	m := image.NewAlpha(image.Rectangle{Max: dr.Size()})
	draw.Draw(m, m.Bounds(), mask, maskp, draw.Src)
	return glyphVal{dr: dr, mask: m, advance: advance, ok: true}
}
