package briefing

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/truce-lab/truce/plots"
)

var previewDir = flag.String("preview", "", "write every chart as PNG to this folder, from generated and embedded data")

// TestPreview writes the charts for looking at them; it runs only with
// -preview DIR.
func TestPreview(t *testing.T) {
	if *previewDir == "" {
		t.Skip("no -preview folder")
	}
	if err := os.MkdirAll(*previewDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for set, a := range map[string]*Analyses{"generated": generatedAnalyses(t, 40), "real": embeddedBriefing(t).Analyses} {
		for _, name := range ChartNames() {
			p, _, err := Chart(name, a)
			if err == nil {
				err = plots.Save(p, filepath.Join(*previewDir, set+"-"+name+".png"), plots.RenderOptions{})
			}
			if err != nil {
				t.Errorf("%s %s: %v", set, name, err)
			}
		}
	}
}
