package plots

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	stdadler32 "hash/adler32"
	"image"
	"image/color"
	imgdraw "image/draw"
	"image/png"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"

	"github.com/truce-lab/truce/dataset"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// pdfStreams returns the inflated content of every Flate stream of a PDF
// written by fpdf, and the raw file.
func pdfStreams(t *testing.T, b []byte) [][]byte {
	t.Helper()
	var out [][]byte
	re := regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`)
	for _, m := range re.FindAllSubmatch(b, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not compressed
		}
		d, err := io.ReadAll(zr)
		if err == nil {
			out = append(out, d)
		}
	}
	return out
}

// pdfTexts returns the strings shown (Tj) in a content stream, decoded from
// the UTF-16BE fpdf writes for Unicode fonts, each with the font resource
// selected (Tf) before it.
func pdfTexts(content []byte) (texts, fonts []string) {
	re := regexp.MustCompile(`(?s)/(\S+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\)Tj`)
	font := ""
	for _, m := range re.FindAllSubmatch(content, -1) {
		if m[1] != nil {
			font = string(m[1])
			continue
		}
		raw := unescapePDF(m[2])
		u := make([]uint16, len(raw)/2)
		for i := range u {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		texts = append(texts, string(utf16.Decode(u)))
		fonts = append(fonts, font)
	}
	return texts, fonts
}

func unescapePDF(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			default:
				out = append(out, s[i])
			}
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// TestPDFText opens a PDF chart and checks what issue 11 found broken: the
// note's en dash ("Kaplan–Meier", not "Kaplanâ€“Meier"), the title in the
// bold face with its own embedded font file, and the confidence band in
// the curve's colour (Okabe–Ito blue 0,114,178 at 22% opacity, not the
// premultiplied 0,25,39 that shows as grey 199,204,207).
func TestPDFText(t *testing.T) {
	p, err := testCharts(t, 30)["survival-groups"]()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, p, "pdf", RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	var texts, fonts []string
	var content []byte
	var fontFiles []string
	for _, s := range pdfStreams(t, file) {
		if bytes.Contains(s, []byte(" Tf")) {
			content = s
			texts, fonts = pdfTexts(s)
		}
		if f, err := sfnt.Parse(s); err == nil {
			name, _ := f.Name(nil, sfnt.NameIDFull)
			fontFiles = append(fontFiles, name)
		}
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "Kaplan–Meier estimates") || strings.Contains(all, "â€") {
		t.Errorf("the note's en dash is lost; text: %.300q", all)
	}
	title := "How long deals held before breaking down"
	var titleFont, noteFont string
	for i, s := range texts {
		if s == title {
			titleFont = fonts[i]
		}
		if strings.HasPrefix(s, "Kaplan–Meier") {
			noteFont = fonts[i]
		}
	}
	if titleFont == "" || titleFont == noteFont {
		t.Errorf("title font %q, note font %q: want two faces", titleFont, noteFont)
	}
	// The title's font resource names a bold font.
	re := regexp.MustCompile(`/` + regexp.QuoteMeta(titleFont) + ` (\d+) 0 R`)
	m := re.FindSubmatch(file)
	if m == nil {
		t.Fatalf("no font resource %s", titleFont)
	}
	obj := regexp.MustCompile(`(?s)\n` + string(m[1]) + ` 0 obj(.*?)endobj`).FindSubmatch(file)
	if obj == nil || !bytes.Contains(bytes.ToLower(obj[1]), []byte("bold")) {
		t.Errorf("title font object is not bold: %.200q", obj)
	}
	if !strings.Contains(strings.Join(fontFiles, ","), "Liberation Sans Bold") || len(fontFiles) < 2 {
		t.Errorf("embedded font files %q: want the regular and the bold face", fontFiles)
	}
	// The band: the curve's blue as fill colour under an opacity of 0.22,
	// and never the premultiplied colour.
	if !bytes.Contains(content, []byte("0.000 0.447 0.698 rg")) || bytes.Contains(content, []byte("0.000 0.098 0.153 rg")) {
		t.Errorf("band fill colour wrong")
	}
	if !bytes.Contains(file, []byte("/ca 0.220")) {
		t.Errorf("no 22%% fill opacity in the PDF")
	}
}

// TestBandSwatch checks in the PNG that the legend swatch of the
// confidence band has the colour of the band itself (issue 11: it was grey
// in every format), and that a curve with NoBand has no band and no
// swatch: pixels of exactly each band colour over white are counted in the
// legend row (the top sixth) and in the body.
func TestBandSwatch(t *testing.T) {
	deals := synthDeals(30, 3)
	asOf := dataset.MustDate("2026-11-22")
	km := kmOf(deals, asOf, func(*dataset.Deal) bool { return true })
	early := kmOf(deals, asOf, func(d *dataset.Deal) bool { return d.Start.Y < 2015 })
	meta := Meta{Version: "test", AsOf: asOf}
	for _, tc := range []struct {
		name   string
		curves []Curve
		banded []bool // whether each curve's band must show
	}{
		{"one curve", []Curve{{Label: "All deals", KM: km}}, []bool{true}},
		{"headline and comparison", []Curve{{Label: "All deals", KM: km}, {Label: "Before 2015", KM: early, NoBand: true}}, []bool{true, false}},
	} {
		p, err := Survival(tc.curves, meta)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Render(&buf, p, "png", RenderOptions{DPI: 72}); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for i, cv := range tc.curves {
			want := color.RGBAModel.Convert(blendOverWhite(bandColor(cv.color(i)))).(color.RGBA)
			// The band covers thousands of pixels and its swatch (14 × 9
			// points) about a hundred; without a band, a few pixels at the
			// edges of the curve's line can still match by antialiasing.
			top, body := countColor(img, want)
			switch {
			case tc.banded[i] && (top < 50 || body < 1000):
				t.Errorf("%s, %s: pixels of the band colour %v: %d in the legend row, %d in the body", tc.name, cv.Label, want, top, body)
			case !tc.banded[i] && (top > 0 || body > 50):
				t.Errorf("%s, %s: no band wanted, but %d pixels in the legend row and %d in the body have its colour", tc.name, cv.Label, top, body)
			}
		}
	}
}

// countColor counts the pixels of img within 2 of want on every channel:
// in its top sixth (the legend row) and below.
func countColor(img image.Image, want color.RGBA) (top, body int) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if near(color.RGBAModel.Convert(img.At(x, y)).(color.RGBA), want, 2) {
				if y < b.Dy()/6 {
					top++
				} else {
					body++
				}
			}
		}
	}
	return top, body
}

func blendOverWhite(c color.Color) color.Color {
	r, g, b, a := c.RGBA()
	k := 0xffff - a
	return color.RGBA64{uint16(r + k), uint16(g + k), uint16(b + k), 0xffff}
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

// TestSVGSize renders every chart of 200 deals (the row charts show
// MaxRows of them) as SVG: each embeds its fonts, subset to the glyphs
// drawn, within 300 KB (issue 11: 1.1 MB with whole faces), and each
// embedded font parses and has outlines for the characters drawn.
func TestSVGSize(t *testing.T) {
	for name, build := range testCharts(t, 200) {
		p, err := build()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Render(&buf, p, "svg", RenderOptions{}); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 300_000 {
			t.Errorf("%s: SVG of %d bytes, want at most 300,000", name, buf.Len())
		}
		svg := buf.String()
		faces := regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)\)`).FindAllStringSubmatch(svg, -1)
		if len(faces) != 2 || !strings.Contains(svg, "font-weight:bold;font-style:normal;\n") {
			t.Fatalf("%s: %d embedded faces, want regular and bold", name, len(faces))
		}
		for _, f := range faces {
			checkSubset(t, name, f[1], "Median0123456789")
		}
	}
}

func checkSubset(t *testing.T, name, b64 string, chars string) {
	t.Helper()
	data, err := decodeBase64(b64)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("%s: subset font does not parse: %v", name, err)
	}
	var buf sfnt.Buffer
	for _, r := range chars {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue // not drawn in this face
		}
		segs, err := f.LoadGlyph(&buf, g, 1<<6*12, nil)
		if err != nil {
			t.Errorf("%s: glyph %q: %v", name, r, err)
		}
		_ = segs
	}
}

func TestSubsetTTF(t *testing.T) {
	p, err := testCharts(t, 30)["triggers"]()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, p, "svg", RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)\)`).FindStringSubmatch(buf.String())
	data, _ := decodeBase64(m[1])
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var sb sfnt.Buffer
	// Drawn letters keep their outlines; a letter never drawn in these
	// charts (the Greek capital Omega) keeps its id but loses its outline.
	for r, want := range map[rune]bool{'W': true, 'h': true, 'Ω': false} {
		g, err := f.GlyphIndex(&sb, r)
		if err != nil || g == 0 {
			t.Fatalf("%q not in cmap", r)
		}
		segs, err := f.LoadGlyph(&sb, g, 1<<6*12, nil)
		if err != nil {
			t.Fatal(err)
		}
		if (len(segs) > 0) != want {
			t.Errorf("%q: %d segments, want outline %v", r, len(segs), want)
		}
	}
	if len(data) > 60_000 {
		t.Errorf("subset of %d bytes", len(data))
	}
}

// TestPNGEncoding checks the PNG writer: the decoded pixels equal the
// drawn ones, and the zlib stream's Adler-32 checksum is right (checked by
// compress/zlib at the end of the stream), for images with few colours and
// with many, rows equal to the row above, rows that differ in one pixel,
// long runs of equal pixels, and an odd width (the tail of the two-pixel
// steps).
func TestPNGEncoding(t *testing.T) {
	type pattern func(x, y int) (r, g, b uint8)
	for name, tc := range map[string]struct {
		w, h int
		px   pattern
	}{
		"one colour":  {40, 30, func(x, y int) (uint8, uint8, uint8) { return 0, 0, 7 }},
		"256 colours": {40, 30, func(x, y int) (uint8, uint8, uint8) { k := (y*40 + x) % 256; return uint8(k), 0, 7 }},
		"257 colours": {40, 30, func(x, y int) (uint8, uint8, uint8) { k := (y*40 + x) % 257; return uint8(k), uint8(k >> 8), 7 }},
		"equal rows":  {41, 30, func(x, y int) (uint8, uint8, uint8) { return uint8(x), uint8(3 * x), 9 }},
		"one pixel differs": {41, 30, func(x, y int) (uint8, uint8, uint8) {
			if x == y {
				return 255, 0, 0
			}
			return 255, 255, 255
		}},
		"bands and runs": {1601, 200, func(x, y int) (uint8, uint8, uint8) {
			if y%7 == 0 && x > 100 && x < 900 {
				return uint8(y), uint8(x), 0
			}
			return 250, 250, uint8(y / 50)
		}},
	} {
		t.Run(name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, tc.w, tc.h))
			for y := range tc.h {
				for x := range tc.w {
					r, g, b := tc.px(x, y)
					img.SetRGBA(x, y, color.RGBA{r, g, b, 255})
				}
			}
			var buf bytes.Buffer
			if err := encodePNG(&buf, img); err != nil {
				t.Fatal(err)
			}
			if _, err := io.ReadAll(mustZlib(t, idat(t, buf.Bytes()))); err != nil {
				t.Fatalf("zlib stream: %v", err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			for y := range tc.h {
				for x := range tc.w {
					if c := color.RGBAModel.Convert(got.At(x, y)); c != img.At(x, y) {
						t.Fatalf("pixel %d,%d = %v, want %v", x, y, c, img.At(x, y))
					}
				}
			}
		})
	}
}

// idat returns the concatenated IDAT data of a PNG file.
func idat(t *testing.T, png []byte) []byte {
	var out []byte
	for p := png[8:]; len(p) >= 12; {
		n := int(binary.BigEndian.Uint32(p))
		if string(p[4:8]) == "IDAT" {
			out = append(out, p[8:8+n]...)
		}
		p = p[12+n:]
	}
	if len(out) == 0 {
		t.Fatal("no IDAT chunk")
	}
	return out
}

func mustZlib(t *testing.T, data []byte) io.Reader {
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("zlib header: %v", err)
	}
	return r
}

// TestAdler32 checks the checksum with its run-of-zeros step against
// hash/adler32, across the 5,552-byte blocks it reduces in.
func TestAdler32(t *testing.T) {
	data := make([]byte, 3*5552+13)
	for i := range data {
		if i%1000 > 600 {
			data[i] = byte(i * 7)
		}
	}
	for _, cut := range []int{0, 1, 8, 5551, 5552, 5553, len(data)} {
		got := adler32(1).update(data[:cut]).update(data[cut:])
		if want := stdadler32.Checksum(data); uint32(got) != want {
			t.Errorf("split at %d: %#x, want %#x", cut, uint32(got), want)
		}
	}
	for _, n := range []int{0, 1, 7, 5552, 100000} {
		got := adler32(1).update(data[:700]).zeros(n)
		if want := stdadler32.Checksum(append(slices.Clone(data[:700]), make([]byte, n)...)); uint32(got) != want {
			t.Errorf("%d zeros: %#x, want %#x", n, uint32(got), want)
		}
	}
}

// TestOpaque compares opaque with image.RGBA.Opaque on images with one
// translucent pixel in each place that matters: the first row, a row
// equal to the one above but for that pixel, the last pixel of an odd
// width.
func TestOpaque(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y int // the translucent pixel; -1: none
	}{
		{"opaque", -1, -1},
		{"first row", 3, 0},
		{"repeated row", 10, 5},
		{"last pixel", 40, 9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, 41, 10))
			imgdraw.Draw(img, img.Bounds(), image.White, image.Point{}, imgdraw.Src)
			if tc.x >= 0 {
				img.SetRGBA(tc.x, tc.y, color.RGBA{0, 0, 0, 128})
			}
			if got, want := opaque(img), img.Opaque(); got != want {
				t.Errorf("opaque = %v, image.RGBA.Opaque = %v", got, want)
			}
		})
	}
}

// BenchmarkRenderPNG renders each chart of 17 generated deals as PNG at the
// default 200 DPI, as a briefing does.
func BenchmarkRenderPNG(b *testing.B) {
	charts := testCharts(b, 17)
	for _, name := range []string{"durations", "survival-groups", "scatter", "timeline"} {
		p, err := charts[name]()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, p, "png", RenderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func decodeBase64(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }

// TestPNGText compares a chart drawn by pngCanvas (cached glyphs, drawn
// directly) with the same chart drawn by vgimg alone: the text lands in the
// same places, so no pixel differs by more than half the range (measured:
// at most 96 of 255, where vgimg's bilinear resampling softens an edge).
func TestPNGText(t *testing.T) {
	p, err := testCharts(t, 17)["survival-groups"]()
	if err != nil {
		t.Fatal(err)
	}
	w, h, _ := DefaultSize(p)
	ref := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(100))
	p.Draw(draw.New(ref))
	pc := newPNGCanvas(w, h, 100)
	p.Draw(draw.New(pc))
	a, b := ref.Image().(*image.RGBA), pc.img
	if a.Bounds() != b.Bounds() {
		t.Fatalf("bounds %v, %v", a.Bounds(), b.Bounds())
	}
	worst, differ := 0, 0
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		worst = max(worst, d, -d)
		if d != 0 {
			differ++
		}
	}
	if worst > 128 || differ > len(a.Pix)/20 {
		t.Errorf("largest difference %d of 255, %d of %d channel values differ", worst, differ, len(a.Pix))
	}
}

// TestCurveColor: a curve with a Color is drawn in it (its band too); one
// without takes the palette in order.
func TestCurveColor(t *testing.T) {
	km := amlKM(t)
	if got := (Curve{KM: km, Color: orange}).color(0); got != orange {
		t.Errorf("given colour: %v", got)
	}
	if got := (Curve{KM: km}).color(1); got != curveColors[1] {
		t.Errorf("default colour: %v", got)
	}
}
