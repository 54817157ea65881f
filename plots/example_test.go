package plots_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots"
)

// A Kaplan–Meier chart of the maintained arm of R's aml data, rendered as
// a PNG in memory (plots.Save writes a file instead; .svg and .pdf work too).
func ExampleSurvival() {
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false}
	km, err := analysis.KaplanMeier(times, events)
	if err != nil {
		panic(err)
	}
	meta := plots.Meta{Title: "Weeks in remission", Version: dataset.Version, AsOf: dataset.AsOf()}
	p, err := plots.Survival([]plots.Curve{{Label: "maintained", KM: km}}, meta)
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := plots.Render(&buf, p, "png", plots.RenderOptions{DPI: 100}); err != nil {
		panic(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		panic(err)
	}
	fmt.Println(img.Bounds().Dx(), "x", img.Bounds().Dy(), "pixels")
	fmt.Println(meta.SourceLine())
	// Output:
	// 800 x 640 pixels
	// Source: truce dataset v0.2.0, as of 2026-12-01; sources in the codebook.
}
