package briefing

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"gonum.org/v1/plot"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
	"github.com/truce-lab/truce/plots"
)

// World is the public data the briefing sets Pakistan's deals beside
// (Options.World): the ETH/PRIO ceasefires (external.ReadEthPrioFile) and,
// optionally, the UCDP PAD agreements (external.ReadUCDPPADFile). Without
// it the briefing cites external.StoredFigures() instead.
type World struct {
	EthPrio, UCDPPAD *external.Data
}

// worldDisplayDays is where the world chart's curves are cut: every time
// past it is censored there for the drawing only, so that truce's curve
// (a few years) is not squeezed by decades of ETH/PRIO and UCDP follow-up.
// The figures in the table use the full times.
const worldDisplayDays = 1095

// WorldChart draws the Kaplan–Meier curve of time to breakdown of every
// group of c (analysis.World under analysis.WorldBreakdown), cut at three
// years for display, with the caveat that the units differ.
func WorldChart(c *analysis.WorldComparison, meta plots.Meta) (*plot.Plot, string, error) {
	if c == nil || len(c.Figures) == 0 {
		return nil, "", fmt.Errorf("briefing: world chart: no comparison")
	}
	var curves []plots.Curve
	for _, f := range c.Figures {
		km, err := cutKM(f.KM, worldDisplayDays)
		if err != nil {
			return nil, "", fmt.Errorf("briefing: world chart: %s: %w", f.Name, err)
		}
		curves = append(curves, plots.Curve{Label: f.Name, KM: km})
	}
	if meta.Title == "" {
		meta.Title = "Pakistan's deals beside the world's ceasefires and peace agreements"
	}
	meta.Notes = append(meta.Notes,
		fmt.Sprintf("Curves cut at %s days for display: the legend counts the breakdowns within that time; the table's figures use every time.", analysis.Thousands(worldDisplayDays)),
		"Units differ: truce's local deals and jirga undertakings, ETH/PRIO's national and local ceasefires of every kind, UCDP's written peace agreements.",
		"Sources: ETH/PRIO Civil Conflict Ceasefire Dataset (Clayton et al. 2022); UCDP Peace Agreement Dataset v22.1 (Pettersson et al. 2019).")
	p, err := plots.Survival(curves, meta)
	caption := "Share of each group not yet broken down, by days since it began (Kaplan–Meier). ETH/PRIO's end codes are read on inferred meanings; expiry, supersession and unknown ends are censored."
	return p, caption, err
}

// cutKM refits km's data with every time past cut censored at cut. The KM
// keeps its rows, so the data are rebuilt from them.
func cutKM(km *analysis.KM, cut float64) (*analysis.KM, error) {
	var times []float64
	var events []bool
	for _, r := range km.Rows {
		t, ev := r.Time, true
		if t > cut {
			t, ev = cut, false
		}
		for range r.NEvent {
			times, events = append(times, t), append(events, ev)
		}
		for range r.NCensor {
			times, events = append(times, t), append(events, false)
		}
	}
	return analysis.KaplanMeier(times, events)
}

// worldSection returns the briefing's section on the world: with
// opts.World, the comparison's table for each outcome (analysis.World) and
// the chart, rendered at dpi; without it, the stored figures
// (external.StoredFigures()) beside truce's own (storedWorld). Both end with
// the datasets' references; method, an item for the Methods appendix, says
// where the figures come from. Files it adds are put in files.
func worldSection(a *Analyses, opts Options, files map[string][]byte) (blocks []block, method string, err error) {
	blocks = []block{heading{level: 2, text: "Beside the world's ceasefires and peace agreements"}}
	if !slices.ContainsFunc(a.Deals(), func(d dataset.Deal) bool { return slices.Contains(dataset.AnalysedKinds(), d.Kind) }) {
		return append(blocks, para{"The comparison needs agreements or ceasefires; the deals analysed here have none."}), "", nil
	}
	if opts.World == nil || opts.World.EthPrio == nil {
		bl, method, err := storedWorld(a)
		if err != nil {
			return nil, "", err
		}
		return append(blocks, bl...), method, nil
	}
	var main *analysis.WorldComparison
	var tabs []*analysis.Table
	for _, o := range analysis.WorldOutcomes() {
		c, err := analysis.World(a.Deals(), a.AsOf(), opts.World.EthPrio, opts.World.UCDPPAD, o)
		if err != nil {
			return nil, "", err
		}
		if o == analysis.WorldBreakdown {
			main = c
		}
		tabs = append(tabs, c.Table())
	}
	ch, err := renderChart("world", func(*Analyses) (*plot.Plot, string, error) {
		return WorldChart(main, a.meta(""))
	}, a, opts.DPI)
	if err != nil {
		return nil, "", err
	}
	files[ch.name+".png"], files[ch.name+".svg"] = ch.png, ch.svg
	blocks = append(blocks, para{worldText(main)}, figure{file: ch.name + ".png", alt: "Chart: " + ch.caption, caption: ch.caption, svg: ch.svg})
	for _, t := range tabs {
		for _, f := range []string{"md", "csv"} {
			var b strings.Builder
			if err := t.Write(&b, f); err != nil {
				return nil, "", err
			}
			files["table-"+t.Name+"."+f] = []byte(b.String())
		}
		blocks = append(blocks, tableGrid(t, "table-"+t.Name+".csv"))
	}
	blocks = append(blocks, references{lead: "Sources:", refs: worldRefs})
	return blocks, "World comparison: Kaplan–Meier estimates from the public files given to truce report (--ethprio, --ucdp-pad), with log-rank tests against truce's deals, Holm-adjusted; the notes under its tables give every caveat.", nil
}

// worldRefs are the articles that introduce the datasets of the world
// comparison (dataset/external's package documentation), linked by DOI.
var worldRefs = []sourceRef{
	{text: "ETH/PRIO Civil Conflict Ceasefire Dataset, 1989–2020: Clayton et al. (2022), Journal of Conflict Resolution", url: "https://doi.org/10.1177/00220027221129195"},
	{text: "UCDP Peace Agreement Dataset v22.1: Pettersson, Högbladh & Öberg (2019), Journal of Peace Research 56(4)", url: "https://doi.org/10.1177/0022343319856046"},
}

// worldText states the breakdown comparison in words: each group's share
// broken down within the last horizon with its 95% limits and its
// Holm-adjusted log-rank p against truce's deals, then the first caveats
// (units, end codes); the notes under the tables give them all.
func worldText(c *analysis.WorldComparison) string {
	last := len(c.Horizons) - 1
	share := func(f analysis.WorldFigure) string {
		return fmt.Sprintf("%.0f%% (95%% CI %.0f–%.0f%%", 100*f.EndedBy[last], 100*f.EndedByLower[last], 100*f.EndedByUpper[last])
	}
	ref := c.Figures[0]
	var parts []string
	for _, f := range c.Figures[1:] {
		parts = append(parts, fmt.Sprintf("%s %s; p %s)", f.Name, share(f), analysis.FormatP(f.PHolm)))
	}
	caveats := c.Caveats()
	return fmt.Sprintf("Within %g days %s) of the %d deals analysed here had broken down (%s). By the same method: %s. "+
		"p: log-rank test against truce's deals, Holm-adjusted over the %s. %s The notes under the tables give the other caveats.",
		c.Horizons[last], share(ref), ref.N, medianText(ref.Median), strings.Join(parts, "; "),
		analysis.Plural(c.Tests, "test", "tests"), strings.Join(caveats[:min(2, len(caveats))], " "))
}

func medianText(m analysis.Quantile) string {
	if !m.Reached {
		return "median not reached"
	}
	up := "not reached"
	if m.UpperReached {
		up = fmt.Sprintf("%.0f", m.Upper)
	}
	lo := "not reached"
	if m.LowerReached {
		lo = fmt.Sprintf("%.0f", m.Lower)
	}
	return fmt.Sprintf("median %.0f days, 95%% CI %s–%s", m.Estimate, lo, up)
}

// storedWorld is the section without the public files: a few sentences
// and a table that set truce's share broken down within a year and its
// median, counted as the public data are (Kaplan–Meier, expiry,
// supersession and unknown ends censored), beside the figures the
// committed generator computed from ETH/PRIO and UCDP PAD
// (external.StoredFigures()); then the caveats in one sentence and the
// references. method tells the Methods appendix where the figures come
// from.
func storedWorld(a *Analyses) (blocks []block, method string, err error) {
	tr, err := truceOnly(a)
	if err != nil {
		return nil, "", err
	}
	get := func(key string) (external.StoredFigure, error) {
		f, ok := external.StoredFigureByKey(key)
		if !ok {
			return f, fmt.Errorf("briefing: no stored world figure %q", key)
		}
		return f, nil
	}
	rows := []struct{ label, group, outcome string }{
		{"Ceasefires worldwide, 1989–2020 (ETH/PRIO)", "ethprio-all", "breakdown"},
		{"The same, with ends of unclear kind counted as breakdowns", "ethprio-all", "breakdown-or-unclear"},
		{"Ceasefires in Asia, 1989–2020 (ETH/PRIO)", "ethprio-asia", "breakdown"},
		{"Intrastate peace agreements, 1975–2021 (UCDP)", "ucdp-pad-intrastate", "breakdown"},
	}
	g := grid{title: "Broken down within a year, counted as the public datasets count",
		columns: []string{"group", "deals", "broken down within a year (95% CI)", "median days to breakdown (95% CI)"},
		numeric: []bool{false, true, true, true},
		rows: [][]cell{{{text: "Pakistani state and Taliban (this briefing)"}, {text: fmt.Sprint(tr.N)},
			{text: shareCI(tr.EndedBy[0], tr.EndedByLower[0], tr.EndedByUpper[0]), nowrap: true}, {text: medianCI(tr.Median), nowrap: true}}}}
	var others []float64
	var files []string
	for _, r := range rows {
		f, err := get(r.group + "/" + r.outcome + "/ended_by_365")
		if err != nil {
			return nil, "", err
		}
		med := "not computed"
		if m, ok := external.StoredFigureByKey(r.group + "/" + r.outcome + "/median_days"); ok {
			med = medianCI(analysis.Quantile{Estimate: m.Value, Lower: m.Lower, Upper: m.Upper, Reached: m.Reached, LowerReached: m.LowerReached, UpperReached: m.UpperReached})
		}
		if r.outcome == "breakdown" {
			others = append(others, f.Value)
		}
		g.rows = append(g.rows, []cell{{text: r.label}, {text: analysis.Thousands(f.N)},
			{text: shareCI(f.Value, f.Lower, f.Upper), nowrap: true}, {text: med, nowrap: true}})
		for _, name := range csvName.FindAllString(f.Source, -1) {
			if !slices.Contains(files, name) {
				files = append(files, name)
			}
		}
	}
	anyEnd, err := get("ethprio-all/any-end/median_days")
	if err != nil {
		return nil, "", err
	}
	g.notes = []string{fmt.Sprintf("Ceasefires also end fast in other ways: half of all ETH/PRIO ceasefires had ended in some recorded way within %.0f days (95%% CI %.0f to %.0f).", anyEnd.Value, anyEnd.Lower, anyEnd.Upper)}
	lo, hi := slices.Min(others), slices.Max(others)
	c := a.Competing
	text := fmt.Sprintf("Counted as the public datasets count (Kaplan–Meier: a deal that expired, was superseded or has no reported end is treated as if it might still break down), "+
		"%s of the %d deals analysed here had broken down within a year, against %s of the ceasefires and peace agreements below. "+
		"%s",
		pct(tr.EndedBy[0]), tr.N, pctRange(lo, hi), headlineBeside(pct(brokenBy(c.Inc, headlineDay)), pct(tr.EndedBy[0])))
	caveats := "The units differ (local deals and jirga undertakings here; national and local ceasefires of every kind, and written peace agreements, there), " +
		"ETH/PRIO's end codes are read on meanings inferred from its data, and no test of the differences is given, as the public files are not distributed with truce."
	method = fmt.Sprintf("World comparison: the figures for the public datasets were computed from the files %s by the program dataset/external/internal/worldfigures and stored in the package dataset/external, as the files are not distributed with truce; "+
		"truce report --ethprio FILE --ucdp-pad FILE, given the files, adds the curves, intervals and log-rank tests.", analysis.JoinAnd(files))
	return []block{para{text}, g, para{caveats}, references{lead: "Sources:", refs: worldRefs}}, method, nil
}

// headlineBeside sets the headline's share broken down within a year
// beside the comparison's: the Kaplan–Meier share is never the smaller,
// and is larger when some deals expired or were superseded first.
func headlineBeside(headline, km string) string {
	if headline == km {
		return "The headline, which counts expiry and supersession as endings, gives the same share."
	}
	return "The headline's " + headline + " is lower because it counts expiry and supersession as endings."
}

// csvName finds the file names in a stored figure's source.
var csvName = regexp.MustCompile(`[\w.-]+\.csv`)

// shareCI is "71% (52 to 84%)".
func shareCI(v, lo, hi float64) string {
	return fmt.Sprintf("%s (%.0f to %s)", pct(v), 100*lo, pct(hi))
}

// medianCI is "213 (69 to 498)", with "not reached" for a median or limit
// the data never reach.
func medianCI(m analysis.Quantile) string {
	if !m.Reached {
		return "not reached"
	}
	lo, up := "not reached", "not reached"
	if m.LowerReached {
		lo = analysis.Thousands(int(math.Round(m.Lower)))
	}
	if m.UpperReached {
		up = analysis.Thousands(int(math.Round(m.Upper)))
	}
	return fmt.Sprintf("%s (%s to %s)", analysis.Thousands(int(math.Round(m.Estimate))), lo, up)
}

// truceOnly is the breakdown figure of the deals analysed (analysis.World's
// reference group) at a year: the Kaplan–Meier share broken down, 1 − S,
// with its 95% limits, and the median.
func truceOnly(a *Analyses) (*analysis.WorldFigure, error) {
	groups, err := analysis.WorldGroups(a.Deals(), a.AsOf(), nil, nil, analysis.WorldBreakdown)
	if err != nil {
		return nil, err
	}
	km, err := analysis.KaplanMeier(groups[0].Times, groups[0].Events)
	if err != nil {
		return nil, err
	}
	s, lo, hi, _ := km.At(headlineDay)
	return &analysis.WorldFigure{N: km.N, Events: km.Events, Median: km.Median(), KM: km,
		EndedBy: []float64{1 - s}, EndedByLower: []float64{1 - hi}, EndedByUpper: []float64{1 - lo}}, nil
}

// withWorld puts the world section (worldSection) before the "How sure are
// we" heading of the briefing's blocks, or at the end if there is none, and
// its item of method at the end of the Methods appendix.
func withWorld(bl []block, a *Analyses, opts Options, files map[string][]byte) ([]block, error) {
	w, method, err := worldSection(a, opts, files)
	if err != nil {
		return nil, err
	}
	if method != "" {
		if i := slices.IndexFunc(bl, func(b block) bool { l, ok := b.(bullets); return ok && l.class == "methods" }); i >= 0 {
			m := bl[i].(bullets)
			m.items = append(slices.Clip(m.items), method)
			bl[i] = m
		}
	}
	at := slices.IndexFunc(bl, func(b block) bool { h, ok := b.(heading); return ok && h.level == 2 && h.text == howSureHeading })
	if at < 0 {
		at = len(bl)
	}
	return slices.Insert(bl, at, w...), nil
}
