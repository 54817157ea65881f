package main

import (
	"encoding/json"
	"flag"
	"io"
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

// tableCommand runs an analysis command: no arguments, the selected deals'
// sample, a table, the selection's note on top.
func tableCommand(name string, build func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error)) func(*options, []string, io.Writer) error {
	return func(o *options, args []string, w io.Writer) error {
		if err := noArgs(name, args); err != nil {
			return err
		}
		s, sel, err := o.sample()
		if err != nil {
			return err
		}
		t, err := build(o, s, sel)
		if err != nil || t == nil {
			return err
		}
		t.Notes = append([]string{sel.Note}, t.Notes...)
		return t.Write(w, o.format)
	}
}

var runDurations = tableCommand("durations", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
	return analysis.DurationsTable(sel.Deals, sel.AsOf), nil
})

var runSummary = tableCommand("summary", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
	groups, warnings, err := analysis.Summarize(s, o.by, o.tau)
	if err != nil {
		return nil, err
	}
	return analysis.SummaryTable(o.by, groups, warnings), nil
})

func runSurvival(o *options, args []string, w io.Writer) error {
	if o.bootstrap < 0 {
		return usagef("--bootstrap %d: want a number of resamples, 0 for none", o.bootstrap)
	}
	return tableCommand("survival", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
		tables, err := analysis.SurvivalTables(s, o.by, analysis.SurvivalOptions{CumHaz: o.cumhaz, Bootstrap: analysis.BootOptions{Rounds: o.bootstrap, Seed: o.seed}})
		if err != nil {
			return nil, err
		}
		return lastAfterOthers(w, o.format, tables)
	})(o, args, w)
}

// lastAfterOthers writes every table but the last in text or Markdown,
// each followed by a blank line, and returns the last for the command to
// write with the selection's note; CSV and JSON, which hold one table,
// get only the last.
func lastAfterOthers(w io.Writer, format string, tables []*analysis.Table) (*analysis.Table, error) {
	last := tables[len(tables)-1]
	if format == "csv" || format == "json" {
		return last, nil
	}
	for _, t := range tables[:len(tables)-1] {
		if err := t.Write(w, format); err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, "\n"); err != nil {
			return nil, err
		}
	}
	return last, nil
}

func runCompare(o *options, args []string, w io.Writer) error {
	if o.by == "" {
		return usagef("compare needs --by COL")
	}
	return tableCommand("compare", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
		labels, err := s.Labels(o.by)
		if err != nil {
			return nil, err
		}
		lr, err := analysis.LogRank(s.Times, s.Events, labels)
		if err != nil {
			return nil, err
		}
		if o.format == "json" {
			return nil, writeJSON(w, lr)
		}
		return analysis.LogRankTable(o.by, lr), nil
	})(o, args, w)
}

func runCox(o *options, args []string, w io.Writer) error {
	if o.covariates == "" {
		return usagef("cox needs --covariates a,b (e.g. has:prisoner-release,n_concessions)")
	}
	ties := map[string]analysis.Ties{"efron": analysis.Efron, "breslow": analysis.Breslow}
	method, ok := ties[o.ties]
	if !ok {
		return usagef("--ties %q: want efron or breslow", o.ties)
	}
	return tableCommand("cox", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
		names := strings.Split(o.covariates, ",")
		x := make([][]float64, s.Len())
		for i := range x {
			x[i] = make([]float64, len(names))
		}
		for j, name := range names {
			col, err := s.Covariate(strings.TrimSpace(name))
			if err != nil {
				return nil, err
			}
			for i, v := range col {
				x[i][j] = v
			}
		}
		var strata []string
		var err error
		if o.strata != "" {
			if strata, err = s.Labels(o.strata); err != nil {
				return nil, err
			}
		}
		var cox *analysis.Cox
		if strata != nil {
			cox, err = analysis.CoxPHStrata(s.Times, s.Events, x, names, strata, method)
		} else {
			cox, err = analysis.CoxPH(s.Times, s.Events, x, names, method)
		}
		if err != nil {
			return nil, err
		}
		zph, zerr := analysis.CoxZPH(s.Times, s.Events, x, names, strata, method)
		if o.format == "json" {
			return nil, writeJSON(w, coxJSON{cox, zph})
		}
		t := analysis.CoxTable(cox)
		if o.strata != "" {
			t.Title += ", stratified by " + o.strata
		}
		if zerr != nil {
			t.Warnings = append(t.Warnings, "proportional-hazards check not computed: "+zerr.Error())
			return t, nil
		}
		if o.format == "csv" {
			return t, nil
		}
		return lastAfterOthers(w, o.format, []*analysis.Table{t, analysis.ZPHTable(zph)})
	})(o, args, w)
}

// coxJSON is the Cox model's JSON with its proportional-hazards check
// added as "ph_check" (null when it could not be computed).
type coxJSON struct {
	cox *analysis.Cox
	zph *analysis.ZPH
}

func (c coxJSON) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(c.cox)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m["ph_check"], err = json.Marshal(c.zph); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

var runIncidence = tableCommand("incidence", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
	groups, err := analysis.AnalyzeIncidence(s, sel.Deals, sel.AsOf, o.by)
	if err != nil {
		return nil, err
	}
	return analysis.IncidenceTable(o.by, groups), nil
})

var runFit = tableCommand("fit", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
	var names []string
	for _, n := range strings.Split(o.covariates, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	fits, err := analysis.ParametricFits(s, names)
	if err != nil {
		return nil, err
	}
	return analysis.SurvRegTable(fits), nil
})

func runConcessions(o *options, args []string, w io.Writer) error {
	return tableCommand("concessions", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
		c, err := analysis.AnalyzeConcessions(s, analysis.ConcessionColumns())
		if err != nil {
			return nil, err
		}
		if o.format == "csv" || o.format == "json" {
			return analysis.ConcessionTable(c), nil
		}
		return lastAfterOthers(w, o.format, []*analysis.Table{analysis.ConcessionTable(c), analysis.EraTable(c)})
	})(o, args, w)
}

var runTriggers = tableCommand("triggers", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
	tr, err := analysis.AnalyzeTriggers(s)
	if err != nil {
		return nil, err
	}
	return analysis.TriggerTable(tr), nil
})

var runSensitivity = tableCommand("sensitivity", func(o *options, s *analysis.Sample, sel *dataset.Selection) (*analysis.Table, error) {
	c, err := analysis.AnalyzeConcessions(s, analysis.ConcessionColumns())
	if err != nil {
		return nil, err
	}
	sv, err := analysis.AnalyzeSensitivity(sel.Deals, sel.AsOf, analysis.SensitivityColumns(c), 3)
	if err != nil {
		return nil, err
	}
	return analysis.SensitivityTable(sv, false), nil
})

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
