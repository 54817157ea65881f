package main

import (
	"flag"
	"io"
	"strconv"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

func init() {
	register("durations", command{summary: "each deal's days with the bounds date precision allows, and its censoring", flags: tableFlags, run: runDurations})
	register("summary", command{summary: "n, breakdowns, median with CI, RMST, shortest and longest, overall or --by COL",
		flags: func(fs *flag.FlagSet, o *options) { tableFlags(fs, o); byFlag(fs, o); tauFlag(fs, o) }, run: runSummary})
	register("survival", command{summary: "Kaplan–Meier table (R's summary(survfit, censored = TRUE)), overall or --by COL",
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			byFlag(fs, o)
			fs.BoolVar(&o.cumhaz, "cumhaz", false, "add the Nelson–Aalen cumulative hazard and its standard error")
			fs.IntVar(&o.bootstrap, "bootstrap", 0, "add a percentile bootstrap interval for the median from `N` resamples (with --format csv or json only that table is written)")
			fs.Uint64Var(&o.seed, "seed", 20041124, "seed `S` of the bootstrap resamples")
		}, run: runSurvival})
	register("compare", command{summary: "log-rank test between the groups of --by COL (R's survdiff)",
		flags: func(fs *flag.FlagSet, o *options) { tableFlags(fs, o); byFlag(fs, o) }, run: runCompare})
	register("cox", command{summary: "Cox proportional-hazards regression on --covariates a,b[,has:CONCESSION] (--strata COL), with its proportional-hazards check",
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			fs.StringVar(&o.strata, "strata", "", "stratify by this `COL`: a baseline hazard per group (R's strata())")
			fs.StringVar(&o.covariates, "covariates", "", "comma-separated numeric or boolean `COLS` (has:CONCESSION, commits:COMMITMENT, n_concessions, start_year, or your own)")
			fs.StringVar(&o.ties, "ties", "efron", "tie `METHOD`: efron (R's default) or breslow")
		}, run: runCox})
	register("incidence", command{summary: "cumulative incidence of each ending (breakdown, expired, superseded; Aalen–Johansen), overall or --by COL",
		flags: func(fs *flag.FlagSet, o *options) { tableFlags(fs, o); byFlag(fs, o) }, run: runIncidence})
	register("fit", command{summary: "Weibull, log-normal and log-logistic models with AIC (R's survreg), intercept only or on --covariates a,b",
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			fs.StringVar(&o.covariates, "covariates", "", "comma-separated numeric or boolean `COLS` (none: intercept only)")
		}, run: runFit})
	register("concessions", command{summary: "concessions and commitments versus how long deals lasted", flags: tableFlags, run: runConcessions})
	register("triggers", command{summary: "what ended the deals, by trigger and by who broke them", flags: tableFlags, run: runTriggers})
	register("sensitivity", command{summary: "the headline figures at the date bounds and under each alternative date", flags: tableFlags, run: runSensitivity})
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

func tauFlag(fs *flag.FlagSet, o *options) {
	fs.Float64Var(&o.tau, "tau", 365, "horizon in `DAYS` for the restricted mean survival time")
}

// sample reads the deals an analysis command studies, selected by
// dataset.Select (agreements and ceasefires unless --where names kind), and
// their survival sample.
func (o *options) sample() (*analysis.Sample, *dataset.Selection, error) {
	data, err := o.readData()
	if err != nil {
		return nil, nil, err
	}
	sel, err := dataset.Select(data.Deals, o.conds(), o.asOfDate())
	if err != nil {
		return nil, nil, whereError(err)
	}
	s, err := analysis.SampleFor(sel.Deals, sel.AsOf)
	return s, sel, err
}

func noArgs(name string, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments (got %q)", name, args)
	}
	return nil
}

// reportCommand runs an analysis command: no arguments, the selected
// deals' sample, a report written with the selection's note.
func reportCommand(name string, build func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error)) func(*options, []string, io.Writer) error {
	return func(o *options, args []string, w io.Writer) error {
		if err := noArgs(name, args); err != nil {
			return err
		}
		s, sel, err := o.sample()
		if err != nil {
			return err
		}
		r, err := build(o, s, sel)
		if err != nil {
			return err
		}
		return r.Write(w, o.format, sel.Note)
	}
}

var runDurations = reportCommand("durations", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return &analysis.Report{Tables: []*analysis.Table{analysis.DurationsTable(sel.Deals, sel.AsOf)}}, nil
})

var runSummary = reportCommand("summary", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return analysis.SummaryReport(s, o.by, o.tau)
})

func runSurvival(o *options, args []string, w io.Writer) error {
	if o.bootstrap < 0 {
		return usagef("--bootstrap %d: want a number of resamples, 0 for none", o.bootstrap)
	}
	return reportCommand("survival", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
		return analysis.SurvivalReport(s, o.by, analysis.SurvivalOptions{CumHaz: o.cumhaz, Bootstrap: analysis.BootOptions{Rounds: o.bootstrap, Seed: o.seed}})
	})(o, args, w)
}

func runCompare(o *options, args []string, w io.Writer) error {
	if o.by == "" {
		return usagef("compare needs --by COL")
	}
	return reportCommand("compare", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
		return analysis.CompareReport(s, o.by)
	})(o, args, w)
}

func runCox(o *options, args []string, w io.Writer) error {
	if o.covariates == "" {
		return usagef("cox needs --covariates a,b (e.g. has:prisoner-release,n_concessions)")
	}
	ties, err := analysis.ParseTies(o.ties)
	if err != nil {
		return flagError("--ties "+strconv.Quote(o.ties), err)
	}
	return reportCommand("cox", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
		return analysis.CoxReport(s, analysis.CoxSpec{Covariates: strings.Split(o.covariates, ","), Strata: o.strata, Ties: ties})
	})(o, args, w)
}

var runIncidence = reportCommand("incidence", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return analysis.IncidenceReport(s, sel.Deals, sel.AsOf, o.by)
})

var runFit = reportCommand("fit", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return analysis.FitReport(s, analysis.SplitColumns(o.covariates))
})

var runConcessions = reportCommand("concessions", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return analysis.ConcessionsReport(s)
})

var runTriggers = reportCommand("triggers", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return analysis.TriggersReport(s)
})

var runSensitivity = reportCommand("sensitivity", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Report, error) {
	return analysis.SensitivityReport(s, sel.Deals, sel.AsOf)
})
