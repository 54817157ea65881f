package plots

import (
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestParseSize checks the page sizes a command's --size accepts.
func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w, h vg.Length
		ok   bool
	}{
		{"8x5", 8 * vg.Inch, 5 * vg.Inch, true},
		{"6.5X4", 6.5 * vg.Inch, 4 * vg.Inch, true},
		{"8", 0, 0, false},
		{"0x5", 0, 0, false},
		{"8x-1", 0, 0, false},
		{"axb", 0, 0, false},
	} {
		w, h, err := ParseSize(tc.in)
		if (err == nil) != tc.ok || w != tc.w || h != tc.h {
			t.Errorf("ParseSize(%q) = %v, %v, %v; want %v, %v, ok %v", tc.in, w, h, err, tc.w, tc.h, tc.ok)
		}
	}
}

// TestFormatOf checks the chart formats a file name may ask for.
func TestFormatOf(t *testing.T) {
	for in, want := range map[string]string{"a.png": "png", "dir/b.svg": "svg", "c.pdf": "pdf", "d.jpg": "", "e": ""} {
		got, err := FormatOf(in)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
