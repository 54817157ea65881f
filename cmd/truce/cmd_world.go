package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
	"github.com/truce-lab/truce/plots"
	"github.com/truce-lab/truce/plots/briefing"
)

func init() {
	register("world", command{
		summary: "Pakistan's deals beside ETH/PRIO ceasefires (worldwide, Asia, Pakistan) and UCDP intrastate peace agreements: medians, share broken down by 30/90/365 days, log-rank tests",
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			worldFlags(fs, o)
			outcomes := make([]string, len(analysis.WorldOutcomes))
			for i, x := range analysis.WorldOutcomes {
				outcomes[i] = x.String()
			}
			fs.StringVar(&o.outcome, "outcome", "breakdown", "which ends are the event: `"+strings.Join(outcomes, "|")+"`")
			fs.StringVar(&o.out, "o", "", "also draw the curves of time to breakdown to this `FILE` (.png, .svg or .pdf)")
			fs.IntVar(&o.dpi, "dpi", 200, "PNG resolution in dots per inch")
		},
		run: runWorld,
	})
}

// worldFlags are the public files of the world comparison, for world and
// report.
func worldFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.ethprio, "ethprio", "", "the ETH/PRIO Civil Conflict Ceasefire `FILE` (CSV, one row per actor and ceasefire)")
	fs.StringVar(&o.ucdpPad, "ucdp-pad", "", "the UCDP Peace Agreement Dataset `FILE` (CSV, v22.1 layout); needs --ethprio")
}

// worldData reads --ethprio and --ucdp-pad (external.Load), printing the
// readers' warnings to stderr; nil without --ethprio.
func (o *options) worldData() (*briefing.World, error) {
	if o.ethprio == "" {
		if o.ucdpPad != "" {
			return nil, usagef("--ucdp-pad needs --ethprio FILE")
		}
		return nil, nil
	}
	w := &briefing.World{}
	for _, f := range []struct {
		path, format string
		into         **external.Data
	}{{o.ethprio, "ethprio", &w.EthPrio}, {o.ucdpPad, "ucdp-pad", &w.UCDPPAD}} {
		if f.path == "" {
			continue
		}
		d, err := external.Load(f.path, f.format)
		if err != nil {
			return nil, err
		}
		for _, m := range d.Warnings {
			fmt.Fprintln(o.stderr, "truce: warning:", m)
		}
		*f.into = d
	}
	return w, nil
}

func runWorld(o *options, args []string, w io.Writer) error {
	if err := noArgs("world", args); err != nil {
		return err
	}
	if o.ethprio == "" {
		return usagef("world needs --ethprio FILE (and optionally --ucdp-pad FILE): the public files are not distributed with truce")
	}
	i := slices.IndexFunc(analysis.WorldOutcomes, func(x analysis.WorldOutcome) bool { return x.String() == o.outcome })
	if i < 0 {
		return usagef("--outcome %q: want breakdown, breakdown-or-unclear or any-end", o.outcome)
	}
	if o.out != "" && !slices.Contains(plots.Formats(), strings.TrimPrefix(filepath.Ext(o.out), ".")) {
		return usagef("-o %s: the extension must be .png, .svg or .pdf", o.out)
	}
	world, err := o.worldData()
	if err != nil {
		return err
	}
	data, err := o.readData()
	if err != nil {
		return err
	}
	sel, err := dataset.Select(data.Deals, o.conds(), o.asOfDate())
	if err != nil {
		return whereError(err)
	}
	c, err := analysis.World(sel.Deals, sel.AsOf, world.EthPrio, world.UCDPPAD, analysis.WorldOutcomes[i])
	if err != nil {
		return err
	}
	t := c.Table()
	t.Notes = append([]string{sel.Note}, t.Notes...)
	if err := t.Write(w, o.format); err != nil {
		return err
	}
	if o.out == "" {
		return nil
	}
	if c.Outcome != analysis.WorldBreakdown {
		if c, err = analysis.World(sel.Deals, sel.AsOf, world.EthPrio, world.UCDPPAD, analysis.WorldBreakdown); err != nil {
			return err
		}
	}
	p, _, err := briefing.WorldChart(c, plots.Meta{Version: dataset.Version, AsOf: sel.AsOf})
	if err != nil {
		return err
	}
	if err := saveChart(p, o.out, plots.RenderOptions{DPI: o.dpi}); err != nil {
		return err
	}
	fmt.Fprintf(o.stderr, "wrote %s (time to breakdown)\n", o.out)
	return nil
}
