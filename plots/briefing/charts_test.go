package briefing

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/plots"
)

// generatedAnalyses are the briefing's analyses of n generated deals.
func generatedAnalyses(t testing.TB, n int) *Analyses {
	t.Helper()
	a, err := Analyse(generatedData(t, n), Options{Version: "generated"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestChartsRenderPNGSize builds every chart through the function the
// briefing uses, on generated data, and checks the PNG has the size asked
// for. (TestReportFiles checks the charts of the embedded data.)
func TestChartsRenderPNGSize(t *testing.T) {
	for set, a := range map[string]*Analyses{"generated": generatedAnalyses(t, 40)} {
		for _, name := range ChartNames() {
			p, caption, err := Chart(name, a)
			if err != nil {
				t.Fatalf("%s %s: %v", set, name, err)
			}
			if caption == "" {
				t.Errorf("%s %s: no caption", set, name)
			}
			w, h, ok := plots.DefaultSize(p)
			if !ok || w <= 0 || h <= 0 {
				t.Fatalf("%s %s: no default size", set, name)
			}
			for _, opt := range []plots.RenderOptions{{DPI: 60}, {DPI: 100, Width: 5 * vg.Inch, Height: 3 * vg.Inch}} {
				var buf bytes.Buffer
				if err := plots.Render(&buf, p, "png", opt); err != nil {
					t.Fatalf("%s %s: %v", set, name, err)
				}
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatalf("%s %s: %v", set, name, err)
				}
				ww, hh := w, h
				if opt.Width != 0 {
					ww, hh = opt.Width, opt.Height
				}
				wantW, wantH := int(math.Round(float64(ww/vg.Inch)*float64(opt.DPI))), int(math.Round(float64(hh/vg.Inch)*float64(opt.DPI)))
				if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
					t.Errorf("%s %s at %+v: %d×%d pixels, want %d×%d", set, name, opt, b.Dx(), b.Dy(), wantW, wantH)
				}
			}
		}
	}
	if _, _, err := Chart("pie", embeddedBriefing(t).Analyses); err == nil {
		t.Error("an unknown chart name was accepted")
	}
}

func TestChartRenderDeterministic(t *testing.T) {
	a := generatedAnalyses(t, 30)
	for _, format := range []string{"png", "svg"} {
		var first []byte
		for run := 0; run < 2; run++ {
			p, _, err := SurvivalByChart(a)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := plots.Render(&buf, p, format, plots.RenderOptions{DPI: 72}); err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Errorf("%s differs between runs", format)
			}
		}
		if format == "svg" && !bytes.Contains(first, []byte("@font-face")) {
			t.Errorf("svg does not embed its fonts")
		}
	}
}

// BenchmarkAllCharts builds and renders every chart (PNG, 96 DPI) for 40
// and 1,000 generated deals.
func BenchmarkAllCharts(b *testing.B) {
	for _, n := range []int{40, 1000} {
		a := generatedAnalyses(b, n)
		for _, name := range ChartNames() {
			b.Run(fmt.Sprintf("%s/deals=%d", name, n), func(b *testing.B) {
				for b.Loop() {
					p, _, err := Chart(name, a)
					if err != nil {
						b.Fatal(err)
					}
					if err := plots.Render(&bytes.Buffer{}, p, "png", plots.RenderOptions{DPI: 96}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
