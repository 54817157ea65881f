package plots

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestCheckSize(t *testing.T) {
	nan, inf := vg.Length(math.NaN()), vg.Length(math.Inf(1))
	in := vg.Inch
	for _, c := range []struct {
		w, h vg.Length
		dpi  int
		want string // part of the error; "" for none
	}{
		{0, 0, 0, ""},
		{8 * in, 5 * in, 200, ""},
		{MaxSide, MinSide, 0, ""},
		{nan, nan, 0, "width NaN"},
		{nan, 5 * in, 0, "width NaN"},
		{5 * in, nan, 0, "height NaN"},
		{inf, 5 * in, 0, "width +Inf"},
		{-1 * in, 5 * in, 0, "width -1"},
		{5 * in, 0.5 * in, 0, "height 0.5"},
		{100000 * in, 100000 * in, 0, "width 1e+05"},
		{8 * in, 5 * in, -1, "resolution -1"},
		{8 * in, 5 * in, 100000, "resolution 100000"},
		{40 * in, 40 * in, 1200, "pixels"},
		{30 * in, 30 * in, 300, "pixels"}, // 9,000 a side but 81 million in all
	} {
		err := CheckSize(c.w, c.h, c.dpi)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("CheckSize(%v, %v, %d) = %v", c.w, c.h, c.dpi, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("CheckSize(%v, %v, %d) = %v, want an error with %q", c.w, c.h, c.dpi, err, c.want)
		}
	}
}

// FuzzRenderSize: no size or resolution makes Render panic; a size that
// CheckSize rejects makes Render fail in every format without writing a
// byte (issue 14: NaN panicked in PNG and wrote "NaNpt" or an A4 page in
// SVG and PDF); a small accepted size renders.
func FuzzRenderSize(f *testing.F) {
	for _, s := range [][3]float64{{49.87, 24.65, 230}, {0, 0, 0}, {math.NaN(), math.NaN(), 0}, {math.NaN(), 5, 0}, {-1, 5, 72}, {1e5, 1e5, 0}, {3, 2, 30}, {math.Inf(1), 1, 1}, {8, 5, 1e5}} {
		f.Add(s[0], s[1], int(s[2]))
	}
	p, err := Triggers(synthDeals(20, 1), Meta{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, wIn, hIn float64, dpi int) {
		w, h := vg.Length(wIn)*vg.Inch, vg.Length(hIn)*vg.Inch
		err := CheckSize(w, h, dpi)
		opt := RenderOptions{DPI: dpi, Width: w, Height: h}
		if err != nil {
			// The pixel limits are PNG's: a vector format may still be
			// drawn when only they fail.
			vectorOK := checkOptions(w, h, dpi) == nil
			for _, format := range Formats() {
				if format != "png" && vectorOK {
					continue
				}
				var buf bytes.Buffer
				if Render(&buf, p, format, opt) == nil || buf.Len() != 0 {
					t.Fatalf("%s %+v: CheckSize says %v but Render wrote %d bytes", format, opt, err, buf.Len())
				}
			}
			return
		}
		if w == 0 || h == 0 || float64(w/vg.Inch*h/vg.Inch)*float64(max(dpi, 1)*max(dpi, 1)) > 200_000 || dpi == 0 {
			return // rendering the defaults or a large PNG costs too much for a fuzz run
		}
		for _, format := range Formats() {
			if err := Render(io.Discard, p, format, opt); err != nil {
				t.Fatalf("%s %+v: %v", format, opt, err)
			}
		}
	})
}
