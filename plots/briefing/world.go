package briefing

import (
	"fmt"
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
// it the briefing cites external.StoredFigures instead.
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
// the chart, rendered at dpi; without it, a paragraph citing
// external.StoredFigures beside truce's own figures. Files it adds are put
// in files.
func worldSection(a *Analyses, opts Options, files map[string][]byte) ([]block, error) {
	blocks := []block{heading{level: 2, text: "Beside the world's ceasefires and peace agreements"}}
	if !slices.ContainsFunc(a.Deals(), func(d dataset.Deal) bool { return slices.Contains(dataset.AnalysedKinds(), d.Kind) }) {
		return append(blocks, para{"The comparison needs agreements or ceasefires; the deals analysed here have none."}), nil
	}
	if opts.World == nil || opts.World.EthPrio == nil {
		text, err := storedWorldText(a)
		if err != nil {
			return nil, err
		}
		return append(blocks, para{text}), nil
	}
	var main *analysis.WorldComparison
	var tabs []*analysis.Table
	for _, o := range analysis.WorldOutcomes {
		c, err := analysis.World(a.Deals(), a.AsOf(), opts.World.EthPrio, opts.World.UCDPPAD, o)
		if err != nil {
			return nil, err
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
		return nil, err
	}
	files[ch.name+".png"], files[ch.name+".svg"] = ch.png, ch.svg
	blocks = append(blocks, para{worldText(main)}, figure{file: ch.name + ".png", alt: "Chart: " + ch.caption, caption: ch.caption, svg: ch.svg})
	for _, t := range tabs {
		for _, f := range []string{"md", "csv"} {
			var b strings.Builder
			if err := t.Write(&b, f); err != nil {
				return nil, err
			}
			files["table-"+t.Name+"."+f] = []byte(b.String())
		}
		blocks = append(blocks, tableGrid(t, "table-"+t.Name+".csv"))
	}
	return blocks, nil
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

// storedWorldText is the section without the public files: truce's share
// broken down within a year and its median, beside the figures the
// committed generator computed from ETH/PRIO and UCDP PAD
// (external.StoredFigures), with their sources and the caveats.
func storedWorldText(a *Analyses) (string, error) {
	c, err := truceOnly(a)
	if err != nil {
		return "", err
	}
	get := func(key string) (external.StoredFigure, error) {
		f, ok := external.StoredFigureByKey(key)
		if !ok {
			return f, fmt.Errorf("briefing: no stored world figure %q", key)
		}
		return f, nil
	}
	keys := []string{"ethprio-all/breakdown/ended_by_365", "ethprio-all/breakdown-or-unclear/ended_by_365",
		"ethprio-asia/breakdown/ended_by_365", "ucdp-pad-intrastate/breakdown/ended_by_365", "ethprio-all/any-end/median_days"}
	var fs []external.StoredFigure
	for _, k := range keys {
		f, err := get(k)
		if err != nil {
			return "", err
		}
		fs = append(fs, f)
	}
	share := func(f external.StoredFigure) string {
		return fmt.Sprintf("%.0f%% (95%% CI %.0f–%.0f%%)", 100*f.Value, 100*f.Lower, 100*f.Upper)
	}
	med := fs[4]
	return fmt.Sprintf("Counted as the public data are (Kaplan–Meier, expiry and unknown ends censored), %.0f%% of the %d deals analysed here had broken down within a year (%s). "+
		"Elsewhere, by the same method: %s of the %s ceasefires of ETH/PRIO worldwide, 1989–2020, or %s if its ends of unclear kind are counted as breakdowns; "+
		"%s of its %d ceasefires in Asia; and %s of the %d intrastate peace agreements of UCDP PAD, 1975–2021. "+
		"Half of all ETH/PRIO ceasefires ended in some way within %.0f days (95%% CI %.0f–%.0f). "+
		"Caveats: the units differ (local deals and jirga undertakings against national and local ceasefires of every kind and written peace agreements); "+
		"ETH/PRIO's end codes are read on meanings inferred from its data, its codebook could not be consulted; no test is given here because the files are not distributed with truce. "+
		"Figures computed from the public files by the program dataset/external/internal/worldfigures (stored in the package dataset/external). Sources: %s; %s. "+
		"With the files, truce report --ethprio FILE --ucdp-pad FILE adds the curves, intervals and log-rank tests.",
		100*c.EndedBy[len(c.EndedBy)-1], c.N, medianText(c.Median),
		share(fs[0]), analysis.Thousands(fs[0].N), share(fs[1]), share(fs[2]), fs[2].N, share(fs[3]), fs[3].N,
		med.Value, med.Lower, med.Upper, fs[0].Source, fs[3].Source), nil
}

// truceOnly is the breakdown figure of the deals analysed (analysis.World's
// reference group) at a year.
func truceOnly(a *Analyses) (*analysis.WorldFigure, error) {
	groups, err := analysis.WorldGroups(a.Deals(), a.AsOf(), nil, nil, analysis.WorldBreakdown)
	if err != nil {
		return nil, err
	}
	km, err := analysis.KaplanMeier(groups[0].Times, groups[0].Events)
	if err != nil {
		return nil, err
	}
	return &analysis.WorldFigure{N: km.N, Events: km.Events, Median: km.Median(), EndedBy: []float64{1 - km.Surv(365)}}, nil
}

// withWorld puts the world section (worldSection) before the "How sure are
// we" heading of the briefing's blocks, or at the end if there is none.
func withWorld(bl []block, a *Analyses, opts Options, files map[string][]byte) ([]block, error) {
	w, err := worldSection(a, opts, files)
	if err != nil {
		return nil, err
	}
	at := slices.IndexFunc(bl, func(b block) bool { h, ok := b.(heading); return ok && h.level == 2 && h.text == howSureHeading })
	if at < 0 {
		at = len(bl)
	}
	return slices.Insert(bl, at, w...), nil
}
