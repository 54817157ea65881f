// Package briefing assembles the truce briefing: the analyses of the
// selected deals, their tables (Markdown and CSV), charts (PNG and SVG),
// and briefing.md and briefing.html, which say the same thing. The command
// "truce report" is Build followed by WriteDir; a Go program gets the same
// files:
//
//	data, _ := dataset.Load()
//	b, err := briefing.Build(data, briefing.Options{})
//	if err != nil { ... }
//	err = b.WriteDir("briefing")
//
// Nothing here reads a clock: the same data and options give the same bytes.
package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/plots"
)

// Briefing is a finished briefing in memory.
type Briefing struct {
	Title    string
	Analyses *Analyses
	// Files are the briefing's files by name: briefing.md, briefing.html,
	// chart-NAME.png and .svg, table-NAME.md and .csv.
	Files map[string][]byte
}

// Build selects the deals of data (see dataset.Select), computes every
// analysis and renders every file of the briefing in memory.
func Build(data *dataset.Data, opts Options) (*Briefing, error) {
	opts = opts.withDefaults()
	opts.Only = nil
	a, err := Analyse(data, opts)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	tables := Tables(a)
	for _, t := range tables {
		for _, f := range []string{"md", "csv"} {
			var b strings.Builder
			if err := t.Write(&b, f); err != nil {
				return nil, err
			}
			files["table-"+t.Name+"."+f] = []byte(b.String())
		}
	}
	charts, err := renderCharts(a, opts.DPI)
	if err != nil {
		return nil, err
	}
	for _, c := range charts {
		if c.missing != "" {
			continue
		}
		files[c.name+".png"] = c.png
		files[c.name+".svg"] = c.svg
	}
	bl := blocks(a, charts)
	if bl, err = withWorld(bl, a, opts, files); err != nil {
		return nil, err
	}
	title := bl[0].(heading).text
	files["briefing.md"] = []byte(renderMarkdown(bl))
	files["briefing.html"] = []byte(renderHTML(title, bl))
	return &Briefing{Title: title, Analyses: a, Files: files}, nil
}

// chart is one rendered chart of the briefing, or the reason it is left
// out (missing, from an ErrNoData error).
type chart struct {
	name, title, caption string
	png, svg             []byte
	missing              string
}

// renderCharts draws every chart as PNG and SVG, on as many goroutines as
// there are CPUs: the charts are independent and rendering is most of a
// briefing's time. The result is in ChartNames order whatever the timing.
// After the first error the charts not yet started are not rendered.
func renderCharts(a *Analyses, dpi int) ([]chart, error) {
	out := make([]chart, len(chartList))
	errs := make([]error, len(chartList))
	var wg sync.WaitGroup
	var failed atomic.Bool
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, c := range chartList {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if failed.Load() {
				return
			}
			out[i], errs[i] = renderChart(c.name, c.build, a, dpi)
			failed.CompareAndSwap(false, errs[i] != nil)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func renderChart(name string, build ChartFunc, a *Analyses, dpi int) (chart, error) {
	p, caption, err := build(a)
	if errors.Is(err, ErrNoData) {
		return chart{name: "chart-" + name, missing: strings.TrimPrefix(err.Error(), ErrNoData.Error()+": ")}, nil
	}
	if err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	var png, svg bytes.Buffer
	if err := plots.Render(&png, p, "png", plots.RenderOptions{DPI: dpi}); err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	if err := plots.Render(&svg, p, "svg", plots.RenderOptions{}); err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	return chart{name: "chart-" + name, title: p.Title.Text, caption: caption, png: png.Bytes(), svg: svg.Bytes()}, nil
}
