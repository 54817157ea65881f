package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"reflect"
	"unsafe"

	pdf "codeberg.org/go-pdf/fpdf"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// pdfCanvas works around three bugs of gonum/plot v0.17.0's vgpdf:
//
//   - Text is written as UTF-8 bytes into fonts encoded as cp1252, so an en
//     dash comes out as "â€“". pdfCanvas registers every face with fpdf as a
//     UTF-8 (Unicode, subset on output) font before vgpdf does; vgpdf's own
//     registration under the same name is then a no-op.
//   - Every embedded font is stored under the same file key ("font.z"), so
//     the last face registered replaces the others: bold titles are drawn
//     with the regular face. UTF-8 fonts are stored per face.
//   - A bold face is registered under style "" but selected with style "B"
//     ("undefined font"). pdfCanvas renames bold faces into a variant of
//     their own with normal weight; the glyphs are still the bold face's.
//   - Colours are passed to the PDF premultiplied by their alpha, so a
//     translucent light blue band turns grey (199,204,207 over white).
//     SetColor hands vgpdf the straight (non-premultiplied) components.
//
// vgpdf keeps its fpdf document in an unexported field; pdfCanvas reaches
// it by reflection (gonum/plot is pinned to v0.17.0, and TestPDFText fails
// if the field moves).
type pdfCanvas struct {
	*vgpdf.Canvas
	doc   *pdf.Fpdf
	fonts map[string]bool // faces registered as UTF-8, by name
}

func newPDFCanvas(w, h vg.Length) (*pdfCanvas, error) {
	c := vgpdf.New(w, h)
	c.EmbedFonts(true)
	f := reflect.ValueOf(c).Elem().FieldByName("doc")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*pdf.Fpdf]() {
		return nil, fmt.Errorf("plots: PDF: gonum/plot's vgpdf has changed (no fpdf document found)")
	}
	doc := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(*pdf.Fpdf)
	return &pdfCanvas{Canvas: c, doc: doc, fonts: map[string]bool{}}, nil
}

// FillString implements vg.Canvas.
func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Weight == xfont.WeightBold {
		f.Font.Variant += "Bold"
		f.Font.Weight = xfont.WeightNormal
	}
	if name := f.Name(); !c.fonts[name] {
		var raw bytes.Buffer
		if _, err := f.Face.WriteSourceTo(nil, &raw); err == nil {
			c.doc.AddUTF8FontFromBytes(name, "", raw.Bytes())
		}
		c.fonts[name] = true
	}
	c.Canvas.FillString(f, pt, s)
}

// SetColor implements vg.Canvas: see pdfCanvas.
func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.Canvas.SetColor(straight(color.NRGBA64Model.Convert(clr).(color.NRGBA64)))
}

// err reports an error fpdf recorded while drawing.
func (c *pdfCanvas) err() error {
	if err := c.doc.Error(); err != nil {
		return fmt.Errorf("plots: PDF: %w", err)
	}
	return nil
}

// straight is a colour whose RGBA method returns components that are NOT
// premultiplied by alpha, which is what vgpdf (wrongly) expects. It is
// used only to pass colours to vgpdf.
type straight color.NRGBA64

func (s straight) RGBA() (r, g, b, a uint32) {
	return uint32(s.R), uint32(s.G), uint32(s.B), uint32(s.A)
}
