package briefing

import (
	"bytes"
	"fmt"
	"image/png"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/truce-lab/truce/dataset"
)

// embedded is the briefing of the embedded dataset with the default
// options, built once and shared by the tests (building is most of their
// time).
var embedded = sync.OnceValues(func() (*Briefing, error) {
	data, err := dataset.Load()
	if err != nil {
		return nil, err
	}
	return Build(data, Options{})
})

func embeddedBriefing(t testing.TB) *Briefing {
	t.Helper()
	b, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReportFiles(t *testing.T) {
	files := embeddedBriefing(t).Files
	html := string(files["briefing.html"])
	md := string(files["briefing.md"])
	for _, name := range ChartNames() {
		base := "chart-" + name
		img, err := png.Decode(bytes.NewReader(files[base+".png"]))
		if err != nil {
			t.Errorf("%s.png: %v", base, err)
			continue
		}
		// 200 DPI: every chart is 8 or 9 inches wide.
		if w := img.Bounds().Dx(); w != 1600 && w != 1800 {
			t.Errorf("%s.png is %d px wide, want 8 or 9 inches at 200 DPI", base, w)
		}
		if !strings.HasPrefix(string(files[base+".svg"]), "<?xml") {
			t.Errorf("%s.svg is not SVG", base)
		}
		if n := len(files[base+".svg"]); n > 300<<10 {
			t.Errorf("%s.svg is %d bytes, want at most 300 KB", base, n)
		}
		if shown := slices.Contains(shownCharts, name); shown != strings.Contains(md, "]("+base+".png)") {
			t.Errorf("briefing.md shows %s: %v, want %v", base, !shown, shown)
		}
	}
	// The HTML is self-contained: charts inline, no address to fetch; the
	// only addresses are links a reader follows.
	if n := strings.Count(html, `<img src="data:image/svg+xml;base64,`); n != len(shownCharts) {
		t.Errorf("briefing.html inlines %d charts, want %d", n, len(shownCharts))
	}
	if m := regexp.MustCompile(`(?i)src="(https?:)?//`).FindString(html); m != "" {
		t.Errorf("briefing.html fetches %q", m)
	}
	if strings.Contains(html, "<link") || strings.Contains(html, "<script") {
		t.Error("briefing.html links a stylesheet or script")
	}
	if strings.Contains(html, "`") {
		t.Error("briefing.html has a Markdown backtick")
	}
	for _, table := range TableNames("mediator_type") {
		for _, ext := range []string{".md", ".csv"} {
			if len(files["table-"+table+ext]) == 0 {
				t.Errorf("no table-%s%s", table, ext)
			}
		}
	}
}

// TestBriefingNumbersMatchTables checks the headline figures against the
// analysis the tables come from.
func TestBriefingNumbersMatchTables(t *testing.T) {
	b := embeddedBriefing(t)
	files, r := b.Files, b.Analyses
	md := string(files["briefing.md"])
	o, c := r.Overall, r.Competing
	k := c.Inc.Cause("breakdown")
	want := []string{
		fmt.Sprintf("Of the %d agreements and ceasefires, %d broke down", o.N, o.Breakdowns),
		fmt.Sprintf("Half had broken down by day %.0f, and %.0f%% within a year", c.Inc.TimeTo(k, 0.5).Estimate, 100*c.Inc.At(365).Inc[k]),
		fmt.Sprintf("If no deal could expire (Kaplan–Meier): %.0f days", o.Median.Estimate),
		fmt.Sprintf("of the %d breakdowns", r.Triggers.Breakdowns),
	}
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("briefing.md lacks %q", w)
		}
	}
	// The triggers table and chart count the same breakdowns, and the
	// headline says so with the same denominator.
	sum := 0
	for _, row := range r.Triggers.Rows {
		sum += row.N
	}
	if sum != o.Breakdowns || r.Triggers.Breakdowns != o.Breakdowns {
		t.Errorf("triggers count %d (rows %d), want the %d breakdowns", r.Triggers.Breakdowns, sum, o.Breakdowns)
	}
	// No raw codes where a person reads: no snake_case word in the text.
	text := regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(string(files["briefing.html"]), " ")
	if m := regexp.MustCompile(`\b[a-z]+_[a-z0-9_]+\b`).FindAllString(text, 5); len(m) > 0 {
		t.Errorf("briefing.html shows raw codes %q", m)
	}
	if n := len(regexp.MustCompile(`(?m)^\s*Warning`).FindAllString(text, -1)); n > 3 {
		t.Errorf("briefing.html has %d lines starting with Warning, want at most 3", n)
	}
	// The summary table in the folder carries the same median.
	if !strings.Contains(string(files["table-summary.csv"]), fmt.Sprintf(",%.0f,", o.Median.Estimate)) {
		t.Errorf("table-summary.csv lacks the median %.0f", o.Median.Estimate)
	}
}

func TestReportDeterministic(t *testing.T) {
	a := embeddedBriefing(t).Files
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	second, err := Build(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := second.Files
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestWriteFilesRollsBack(t *testing.T) {
	dir := t.TempDir()
	// A folder where a file should go makes the rename fail after other
	// files were written: those this call created must go again.
	os.Mkdir(filepath.Join(dir, "b.txt"), 0o755)
	os.WriteFile(filepath.Join(dir, "b.txt", "x"), nil, 0o644)
	err := writeFiles(dir, map[string][]byte{"a.txt": []byte("a"), "b.txt": []byte("b")})
	if err == nil {
		t.Fatal("no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "b.txt" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left %v, want only the pre-existing b.txt", names)
	}
}

// generatedDeals returns n synthetic deals with every field the report
// uses, for timing; their ids say they are generated.
func generatedDeals(n int) []dataset.Deal {
	r := rand.New(rand.NewPCG(3, 4))
	mediators := []dataset.MediatorType{"jirga", "religious-party", "afghan-taliban", "none"}
	triggers := []dataset.Trigger{"military-operation", "militant-attack", "drone-strike", "unmet-demands"}
	var deals []dataset.Deal
	for i := range n {
		start := dataset.Date{Y: 2004 + r.IntN(21), M: time.Month(1 + r.IntN(12)), D: 1 + r.IntN(28), Prec: dataset.Day}
		end := dataset.Date{Y: start.Y + 1 + r.IntN(2), M: start.M, D: start.D, Prec: dataset.Day}
		d := dataset.Deal{ID: fmt.Sprintf("gen-%04d", i), Name: "generated", Kind: dataset.KindAgreement, Start: start, End: end,
			EndType: dataset.EndTypeBreakdown, MediatorType: mediators[i%4], Trigger: triggers[i%4], BrokenBy: "militants", Government: "ppp-2008"}
		for _, c := range dataset.Concessions() {
			if r.IntN(4) == 0 {
				d.StateConcessions = append(d.StateConcessions, c)
			}
		}
		if i%5 == 0 {
			d.EndType, d.End, d.LastSeen = dataset.EndTypeUnknown, dataset.Date{}, start
		}
		deals = append(deals, d)
	}
	return deals
}

// generatedData is n generated deals with the embedded governments.
func generatedData(b testing.TB, n int) *dataset.Data {
	data, err := dataset.Load()
	if err != nil {
		b.Fatal(err)
	}
	return &dataset.Data{Deals: generatedDeals(n), Governments: data.Governments}
}

// BenchmarkReport is the whole briefing on the embedded dataset: every
// analysis, chart (PNG and SVG), table and the Markdown and HTML (target:
// under 1 s on 2 cores; aim 300 ms).
func BenchmarkReport(b *testing.B) {
	data, err := dataset.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Build(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReport1000 is the briefing on 1,000 generated deals, to show
// that rendering does not grow badly with the number of deals.
func BenchmarkReport1000(b *testing.B) {
	data := generatedData(b, 1000)
	for b.Loop() {
		if _, err := Build(data, Options{Version: "generated"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTables computes every analysis table on the embedded dataset
// (target: under 5 ms).
func BenchmarkTables(b *testing.B) {
	data, err := dataset.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		a, err := Analyse(data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		Tables(a)
	}
}

// TestAnalyseOnly checks that Options.Only computes only what the named
// chart or table needs, and that Tables leaves out the rest.
func TestAnalyseOnly(t *testing.T) {
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		only   string
		tables string // the tables Tables returns, sorted
	}{
		{"durations", "durations"},
		{"summary", "durations incidence summary"},
		{"summary-by-mediator_type", "durations summary-by-mediator_type"},
		{"concessions", "concessions durations era"},
		{"sensitivity", "concessions durations era sensitivity"},
		{"triggers", "durations triggers"},
		{"survival", "durations incidence summary"},
	}
	for _, tt := range tests {
		a, err := Analyse(data, Options{Only: []string{tt.only}})
		if err != nil {
			t.Fatalf("%s: %v", tt.only, err)
		}
		got := strings.Join(slices.Sorted(maps.Keys(Tables(a))), " ")
		if got != tt.tables {
			t.Errorf("Only %s: tables %q, want %q", tt.only, got, tt.tables)
		}
	}
	// Every table and chart name can be asked for alone.
	for _, name := range append(TableNames("mediator_type"), ChartNames()...) {
		a, err := Analyse(data, Options{Only: []string{name}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if slices.Contains(ChartNames(), name) {
			if _, _, err := Chart(name, a); err != nil {
				t.Errorf("chart %s alone: %v", name, err)
			}
		} else if _, ok := Tables(a)[name]; !ok {
			t.Errorf("table %s alone: not built", name)
		}
	}
}
