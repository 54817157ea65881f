package plots

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot"

	"github.com/truce-lab/truce/dataset"
)

var previewDir = flag.String("preview", "", "write every chart as PNG to this folder, from synthetic and (if it loads) real data")

// TestPreview writes the charts for looking at them; it runs only with
// -preview DIR.
func TestPreview(t *testing.T) {
	if *previewDir == "" {
		t.Skip("no -preview folder")
	}
	if err := os.MkdirAll(*previewDir, 0o755); err != nil {
		t.Fatal(err)
	}
	asOf := dataset.MustDate("2026-11-22")
	write := func(name string, p *plot.Plot, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		if err := Save(p, filepath.Join(*previewDir, name+".png"), RenderOptions{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	sets := map[string][]dataset.Deal{"synth": synthDeals(40, 1)}
	govs := map[string][]dataset.Government{"synth": synthGovernments()}
	if d, err := dataset.Load(); err == nil && len(d.Deals) > 0 {
		sets["real"] = d.Deals
		govs["real"] = d.Governments
		asOf = dataset.AsOf
	} else {
		t.Logf("real data not rendered: %v (%d deals)", err, func() int {
			if d == nil {
				return 0
			}
			return len(d.Deals)
		}())
	}
	for name, deals := range sets {
		meta := Meta{Version: dataset.Version, AsOf: asOf}
		for chart, build := range allCharts(deals, govs[name], asOf, meta) {
			p, err := build()
			write(name+"-"+chart, p, err)
		}
	}
}
