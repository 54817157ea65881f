package main

import (
	"flag"
	"io"
	"strconv"
	"strings"

	"github.com/truce-lab/truce/analysis"
)

func init() {
	analysisCommand("durations", "each deal's days with the bounds date precision allows, and its censoring")
	analysisCommand("summary", "n, breakdowns, median with CI, RMST, shortest and longest, overall or --by COL", byFlag,
		func(fs *flag.FlagSet, o *options) {
			fs.Float64Var(&o.tau, "tau", 365, "horizon in `DAYS` for the restricted mean survival time")
		})
	analysisCommand("survival", "Kaplan–Meier table (R's summary(survfit, censored = TRUE)), overall or --by COL", byFlag,
		func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.cumhaz, "cumhaz", false, "add the Nelson–Aalen cumulative hazard and its standard error")
			fs.IntVar(&o.bootstrap, "bootstrap", 0, "add a percentile bootstrap interval for the median from `N` resamples (with --format csv or json only that table is written)")
			fs.Uint64Var(&o.seed, "seed", 20041124, "seed `S` of the bootstrap resamples")
		})
	analysisCommand("compare", "log-rank test between the groups of --by COL (R's survdiff)", byFlag)
	analysisCommand("cox", "Cox proportional-hazards regression on --covariates a,b[,has:CONCESSION] (--strata COL), with its proportional-hazards check",
		func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.strata, "strata", "", "stratify by this `COL`: a baseline hazard per group (R's strata())")
			fs.StringVar(&o.covariates, "covariates", "", "comma-separated numeric or boolean `COLS` (has:CONCESSION, commits:COMMITMENT, n_concessions, start_year, or your own)")
			fs.StringVar(&o.ties, "ties", "efron", "tie `METHOD`: efron (R's default) or breslow")
		})
	analysisCommand("incidence", "cumulative incidence of each ending (breakdown, expired, superseded; Aalen–Johansen), overall or --by COL", byFlag)
	analysisCommand("fit", "Weibull, log-normal and log-logistic models with AIC (R's survreg), intercept only or on --covariates a,b",
		func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.covariates, "covariates", "", "comma-separated numeric or boolean `COLS` (none: intercept only)")
		})
	analysisCommand("concessions", "concessions and commitments versus how long deals lasted")
	analysisCommand("triggers", "what ended the deals, by trigger and by who broke them")
	analysisCommand("sensitivity", "the headline figures at the date bounds and under each alternative date")
}

// analysisFlags are the options of the analysis commands beyond the
// shared ones (options embeds them).
type analysisFlags struct {
	strata    string // cox --strata
	cumhaz    bool   // survival --cumhaz
	bootstrap int    // survival --bootstrap
	seed      uint64 // survival --seed
}

func byFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.by, "by", "", "group by this `COL` (e.g. mediator_type, kind, scope, government, decade, militant_group, has:sharia, or your own)")
}

// analysisCommand registers the command that prints the library's report
// of that name (analysis.BuildReport) for the selected deals, with the
// table flags and the given ones.
func analysisCommand(name, summary string, flags ...func(fs *flag.FlagSet, o *options)) {
	register(name, command{summary: summary,
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			for _, f := range flags {
				f(fs, o)
			}
		},
		run: func(o *options, args []string, w io.Writer) error {
			opts, err := o.reportOptions(name)
			if err != nil {
				return err
			}
			if err := noArgs(name, args); err != nil {
				return err
			}
			sel, err := o.selection()
			if err != nil {
				return err
			}
			r, err := analysis.BuildReport(name, sel, opts)
			if err != nil {
				return err
			}
			return r.Write(w, o.format, sel.Note)
		}})
}

// reportOptions are the report's options from the flags, checked as the
// command named needs them.
func (o *options) reportOptions(name string) (analysis.ReportOptions, error) {
	opts := analysis.ReportOptions{By: o.by, Tau: o.tau, Covariates: analysis.SplitColumns(o.covariates),
		Survival: analysis.SurvivalOptions{CumHaz: o.cumhaz, Bootstrap: analysis.BootOptions{Rounds: o.bootstrap, Seed: o.seed}}}
	switch {
	case name == "survival" && o.bootstrap < 0:
		return opts, usagef("--bootstrap %d: want a number of resamples, 0 for none", o.bootstrap)
	case name == "compare" && o.by == "":
		return opts, usagef("compare needs --by COL")
	case name == "cox" && o.covariates == "":
		return opts, usagef("cox needs --covariates a,b (e.g. has:prisoner-release,n_concessions)")
	case name == "cox":
		ties, err := analysis.ParseTies(o.ties)
		if err != nil {
			return opts, flagError("--ties "+strconv.Quote(o.ties), err)
		}
		opts.Cox = analysis.CoxSpec{Covariates: strings.Split(o.covariates, ","), Strata: o.strata, Ties: ties}
	}
	return opts, nil
}

func noArgs(name string, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments (got %q)", name, args)
	}
	return nil
}
