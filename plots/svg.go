package plots

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"slices"
	"strings"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// svgCanvas is a vgsvg canvas that embeds only the glyphs it draws.
// vgsvg's EmbedFonts writes each face whole (about 550 KB of base64 per
// face, 1.1 MB per chart); svgCanvas draws with embedding off, records the
// characters drawn with each face, and writes one @font-face per face with
// a subset of the font (subsetTTF) in the same <defs><style> block and with
// the same descriptors vgsvg would write. A chart is then about 100 KB and
// looks the same standalone, in any browser, as before.
type svgCanvas struct {
	*vgsvg.Canvas
	faces map[string]*svgFace // by CSS descriptor
}

type svgFace struct {
	face  font.Face
	runes map[rune]bool
}

func newSVGCanvas(w, h vg.Length) *svgCanvas {
	return &svgCanvas{Canvas: vgsvg.NewWith(vgsvg.UseWH(w, h)), faces: map[string]*svgFace{}}
}

// FillString implements vg.Canvas.
func (c *svgCanvas) FillString(f font.Face, pt vg.Point, s string) {
	key := fmt.Sprintf("%p %v %v %v", f.Face, f.Font.Variant, f.Font.Weight, f.Font.Style)
	u := c.faces[key]
	if u == nil {
		u = &svgFace{face: f, runes: map[rune]bool{}}
		c.faces[key] = u
	}
	for _, r := range s {
		u.runes[r] = true
	}
	c.Canvas.FillString(f, pt, s)
}

// svgHeaderEnd ends the <svg> element's opening tag as vgsvg writes it.
const svgHeaderEnd = "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"

// WriteTo implements io.WriterTo: the SVG with the subset fonts inserted
// after the opening tag.
func (c *svgCanvas) WriteTo(w io.Writer) (int64, error) {
	var body bytes.Buffer
	if _, err := c.Canvas.WriteTo(&body); err != nil {
		return 0, err
	}
	b := body.Bytes()
	i := bytes.Index(b, []byte(svgHeaderEnd))
	if i < 0 {
		return 0, fmt.Errorf("plots: SVG: gonum/plot's vgsvg header has changed")
	}
	i += len(svgHeaderEnd)
	var defs strings.Builder
	if len(c.faces) > 0 {
		defs.WriteString("<defs>\n\t<style>\n")
		keys := make([]string, 0, len(c.faces))
		for k, u := range c.faces {
			keys = append(keys, svgFontDescr(u.face)+"\x00"+k)
		}
		slices.Sort(keys) // a fixed order: the output is byte-identical run to run
		for _, k := range keys {
			u := c.faces[k[strings.IndexByte(k, 0)+1:]]
			if err := writeFontFace(&defs, u); err != nil {
				return 0, err
			}
		}
		defs.WriteString("\t</style>\n</defs>\n")
	}
	n, err := w.Write(b[:i])
	if err != nil {
		return int64(n), err
	}
	m, err := io.WriteString(w, defs.String())
	n += m
	if err != nil {
		return int64(n), err
	}
	m, err = w.Write(b[i:])
	return int64(n + m), err
}

// writeFontFace writes the @font-face rule of one face, subset to the
// characters drawn with it.
func writeFontFace(w *strings.Builder, u *svgFace) error {
	var raw bytes.Buffer
	if _, err := u.face.Face.WriteSourceTo(nil, &raw); err != nil {
		return fmt.Errorf("plots: SVG: font data: %w", err)
	}
	var buf sfnt.Buffer
	var glyphs []uint16
	for r := range u.runes {
		if g, err := u.face.Face.GlyphIndex(&buf, r); err == nil && g != 0 {
			glyphs = append(glyphs, uint16(g))
		}
	}
	slices.Sort(glyphs)
	sub, err := subsetTTF(raw.Bytes(), glyphs)
	if err != nil {
		return fmt.Errorf("plots: SVG: %w", err)
	}
	family, _ := u.face.Face.Name(&buf, sfnt.NameIDFamily)
	fmt.Fprintf(w, "\t\t@font-face{\n\t\t\tfont-family:%q;\n\t\t\tfont-variant:%s;font-weight:%s;font-style:%s;\n",
		family, svgVariant(u.face.Font.Variant), svgWeight(u.face.Font.Weight), svgStyle(u.face.Font.Style))
	fmt.Fprintf(w, "\t\t\tsrc: url(data:font/ttf;charset=utf-8;base64,%s) format(\"truetype\");\n\t\t}\n",
		base64.StdEncoding.EncodeToString(sub))
	return nil
}

// svgFontDescr, svgVariant, svgWeight and svgStyle write a face's CSS
// descriptors as vgsvg v0.17.0 writes them in each <text> element's style,
// so that the @font-face rules match the text.
func svgFontDescr(f font.Face) string {
	var buf sfnt.Buffer
	family, _ := f.Face.Name(&buf, sfnt.NameIDFamily)
	return "font-family:" + family + ";font-variant:" + svgVariant(f.Font.Variant) +
		";font-weight:" + svgWeight(f.Font.Weight) + ";font-style:" + svgStyle(f.Font.Style)
}

func svgVariant(v font.Variant) string {
	switch s := strings.ToLower(string(v)); s {
	case "smallcaps":
		return "small-caps"
	case "mono", "monospace", "sans", "sansserif", "sans-serif", "serif":
		return "normal"
	case "":
		return "none"
	default:
		return s
	}
}

func svgWeight(w xfont.Weight) string {
	switch w {
	case xfont.WeightNormal:
		return "normal"
	case xfont.WeightBold:
		return "bold"
	}
	return fmt.Sprint(400 + 100*int(w))
}

func svgStyle(s xfont.Style) string {
	switch s {
	case xfont.StyleItalic:
		return "italic"
	case xfont.StyleOblique:
		return "oblique"
	}
	return "normal"
}
