package plots

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Limits of a rendered chart, checked by CheckSize and Render. A chart
// smaller than MinSide has no room for its text; MaxSide is far beyond any
// page or screen; the pixel limits keep a PNG's memory (4 bytes a pixel
// while drawing) under about 256 MB.
const (
	MinSide      = 1 * vg.Inch  // smallest width or height
	MaxSide      = 50 * vg.Inch // largest width or height (127 cm)
	MinDPI       = 10           // lowest PNG resolution
	MaxDPI       = 1200         // highest PNG resolution
	MaxPixelSide = 20_000       // most PNG pixels along either side
	MaxPixels    = 64_000_000   // most PNG pixels in all
)

// CheckSize reports whether a chart of w × h (vg.Inch is one inch) at dpi
// can be rendered, with an error that names the value at fault: w and h
// must each be 0 (the chart's default size) or a finite length in
// [MinSide, MaxSide]; dpi 0 (DefaultDPI) or in [MinDPI, MaxDPI]; and a PNG
// of that size at that resolution at most MaxPixelSide pixels a side and
// MaxPixels in all. NaN and infinite sizes are errors. A command can call
// it on its flags before doing any work; Render applies the same checks
// (the pixel limits to PNG only) and never draws a chart that fails them.
func CheckSize(w, h vg.Length, dpi int) error {
	if err := checkOptions(w, h, dpi); err != nil {
		return err
	}
	if dpi == 0 {
		dpi = DefaultDPI
	}
	return checkPixels(w, h, dpi)
}

// ParseSize reads a page size "WxH" in inches, e.g. "8x5" (X in either
// case), both sides positive; CheckSize checks the limits.
func ParseSize(s string) (w, h vg.Length, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	wf, err1 := strconv.ParseFloat(ws, 64)
	hf, err2 := strconv.ParseFloat(hs, 64)
	if !ok || err1 != nil || err2 != nil || wf <= 0 || hf <= 0 {
		return 0, 0, fmt.Errorf("plots: want WxH in inches, e.g. 8x5")
	}
	return vg.Length(wf) * vg.Inch, vg.Length(hf) * vg.Inch, nil
}

// checkOptions checks the sides and the resolution as given (0 for
// defaults), without the pixel limits.
func checkOptions(w, h vg.Length, dpi int) error {
	if err := checkSide("width", w); err != nil {
		return err
	}
	if err := checkSide("height", h); err != nil {
		return err
	}
	if dpi != 0 && (dpi < MinDPI || dpi > MaxDPI) {
		return fmt.Errorf("plots: resolution %d DPI is outside %d–%d", dpi, MinDPI, MaxDPI)
	}
	return nil
}

func checkSide(name string, l vg.Length) error {
	if l == 0 {
		return nil
	}
	if !(l >= MinSide && l <= MaxSide) { // also false for NaN
		return fmt.Errorf("plots: %s %s is outside %g–%g inches", name, inches(l), MinSide/vg.Inch, MaxSide/vg.Inch)
	}
	return nil
}

func checkPixels(w, h vg.Length, dpi int) error {
	pw, ph := float64(w/vg.Inch)*float64(dpi), float64(h/vg.Inch)*float64(dpi)
	if pw > MaxPixelSide || ph > MaxPixelSide || pw*ph > MaxPixels {
		return fmt.Errorf("plots: %s × %s inches at %d DPI is %.0f × %.0f pixels; the most is %d a side and %d million in all",
			inches(w), inches(h), dpi, pw, ph, MaxPixelSide, MaxPixels/1_000_000)
	}
	return nil
}

func inches(l vg.Length) string {
	v := float64(l / vg.Inch)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%.4g", v)
}

// resolve returns the page size and resolution of o for p: the chart's
// default size where o gives none, DefaultDPI where o.DPI is 0, checked
// as CheckSize does (the pixel limits only when raster is true).
func (o RenderOptions) resolve(p *plot.Plot, raster bool) (w, h vg.Length, dpi int, err error) {
	if err := checkOptions(o.Width, o.Height, o.DPI); err != nil {
		return 0, 0, 0, err
	}
	w, h = 8*vg.Inch, 5*vg.Inch
	if dw, dh, ok := DefaultSize(p); ok {
		w, h = dw, dh
	}
	if o.Width != 0 {
		w = o.Width
	}
	if o.Height != 0 {
		h = o.Height
	}
	dpi = o.DPI
	if dpi == 0 {
		dpi = DefaultDPI
	}
	if raster {
		if err := checkPixels(w, h, dpi); err != nil {
			return 0, 0, 0, err
		}
	}
	return w, h, dpi, nil
}
