package plots

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RenderOptions sets the size and resolution of a rendered chart.
type RenderOptions struct {
	// DPI is the resolution of PNG output; 0 means 200, otherwise
	// MinDPI–MaxDPI. SVG and PDF are vector formats and ignore it.
	DPI int
	// Width and Height are the page size (vg.Inch is one inch). Zero means
	// the chart's default size (DefaultSize), or 8 × 5 inches for a plot
	// built elsewhere; otherwise MinSide–MaxSide (see CheckSize). Give
	// both or neither: a single zero takes the default of that dimension.
	Width, Height vg.Length
}

// DefaultDPI is the PNG resolution when RenderOptions.DPI is 0.
const DefaultDPI = 200

// Formats returns the output formats, by file extension without the dot.
func Formats() []string { return []string{"png", "svg", "pdf"} }

// FormatOf returns the format a file name's extension names, one of
// Formats.
func FormatOf(path string) (string, error) {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	if !slices.Contains(Formats(), ext) {
		return "", fmt.Errorf("plots: the extension must be .png, .svg or .pdf")
	}
	return ext, nil
}

// Render draws p in format "png", "svg" or "pdf" and writes it to w. SVG
// embeds the glyphs it uses so that it looks the same everywhere; PNG and
// SVG are byte-identical for the same plot and options; PDF carries a
// creation date. Nothing is written when the options or the format are
// bad: a size or resolution outside the limits of CheckSize (NaN,
// infinite, negative, huge) is an error in every format.
func Render(w io.Writer, p *plot.Plot, format string, opt RenderOptions) error {
	if p == nil {
		return fmt.Errorf("plots: nil plot")
	}
	format = strings.ToLower(format)
	wd, ht, dpi, err := opt.resolve(p, format == "png")
	if err != nil {
		return err
	}
	var c vg.CanvasWriterTo
	switch format {
	case "png":
		pc := newPNGCanvas(wd, ht, dpi)
		defer pc.release()
		c = pc
	case "svg":
		c = newSVGCanvas(wd, ht)
	case "pdf":
		pc, err := newPDFCanvas(wd, ht)
		if err != nil {
			return err
		}
		c = pc
	default:
		return fmt.Errorf("plots: unknown format %q (want png, svg or pdf)", format)
	}
	if err := drawSafely(p, draw.New(c)); err != nil {
		return err
	}
	if pc, ok := c.(*pdfCanvas); ok {
		if err := pc.err(); err != nil {
			return err
		}
	}
	_, err = c.WriteTo(w)
	return err
}

// drawSafely draws p, turning a panic of a plotter (gonum/plot panics on
// some bad input) into an error.
func drawSafely(p *plot.Plot, c draw.Canvas) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plots: drawing failed: %v", r)
		}
	}()
	p.Draw(c)
	return nil
}

// Save renders p to path in the format its extension names (.png, .svg,
// .pdf). It writes atomically: the chart is rendered in memory, written to
// a temporary file in the same folder, made readable (0644) and renamed
// over path. On any error no file is left at path or beside it.
func Save(p *plot.Plot, path string, opt RenderOptions) (err error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	var buf bytes.Buffer
	if err := Render(&buf, p, format, opt); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(buf.Bytes()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
