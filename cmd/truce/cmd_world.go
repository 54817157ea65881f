package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"

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
			fs.StringVar(&o.outcome, "outcome", "breakdown", "which ends are the event: `breakdown|breakdown-or-unclear|any-end`")
			fs.StringVar(&o.out, "o", "", "also draw the curves of time to breakdown to this `FILE` (.png, .svg or .pdf)")
			dpiFlag(fs, o)
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
	var err error
	if w.EthPrio, err = external.Load(o.ethprio, "ethprio"); err != nil {
		return nil, err
	}
	o.warn(w.EthPrio.Warnings)
	if o.ucdpPad != "" {
		if w.UCDPPAD, err = external.Load(o.ucdpPad, "ucdp-pad"); err != nil {
			return nil, err
		}
		o.warn(w.UCDPPAD.Warnings)
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
	outcome, err := analysis.ParseWorldOutcome(o.outcome)
	if err != nil {
		return flagError("--outcome "+strconv.Quote(o.outcome), err)
	}
	if o.out != "" {
		if err := checkChartFile(o.out); err != nil {
			return err
		}
	}
	world, err := o.worldData()
	if err != nil {
		return err
	}
	sel, err := o.selection()
	if err != nil {
		return err
	}
	c, err := analysis.World(sel.Deals, sel.AsOf, world.EthPrio, world.UCDPPAD, outcome)
	if err != nil {
		return err
	}
	if err := (&analysis.Report{Tables: []*analysis.Table{c.Table()}}).Write(w, o.format, sel.Note); err != nil {
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
