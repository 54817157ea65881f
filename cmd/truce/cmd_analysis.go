package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
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
		flags: func(fs *flag.FlagSet, o *options) { tableFlags(fs, o); byFlag(fs, o) }, run: runSurvival})
	register("compare", command{summary: "log-rank test between the groups of --by COL (R's survdiff)",
		flags: func(fs *flag.FlagSet, o *options) { tableFlags(fs, o); byFlag(fs, o) }, run: runCompare})
	register("cox", command{summary: "Cox proportional-hazards regression on --covariates a,b[,has:CONCESSION]",
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			fs.StringVar(&o.covariates, "covariates", "", "comma-separated numeric or boolean `COLS` (has:CONCESSION, commits:COMMITMENT, n_concessions, start_year, or your own)")
			fs.StringVar(&o.ties, "ties", "efron", "tie `METHOD`: efron (R's default) or breslow")
		}, run: runCox})
	register("concessions", command{summary: "concessions and commitments versus how long deals lasted", flags: tableFlags, run: runConcessions})
	register("triggers", command{summary: "what ended the deals, by trigger and by who broke them", flags: tableFlags, run: runTriggers})
	register("sensitivity", command{summary: "the headline figures at the date bounds and under each alternative date", flags: tableFlags, run: runSensitivity})
}

func byFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.by, "by", "", "group by this `COL` (e.g. mediator_type, kind, scope, government, decade, militant_group, has:sharia, or your own)")
}

func tauFlag(fs *flag.FlagSet, o *options) {
	fs.Float64Var(&o.tau, "tau", 365, "horizon in `DAYS` for the restricted mean survival time")
}

// analysisKinds are the kinds analysed unless --where names kind.
var analysisKinds = []string{"agreement", "ceasefire"}

// sample loads the deals for an analysis command and reads their survival
// data from the gota frame. Unless --where names kind, talks that produced
// no deal are left out; the returned note says which deals were used.
func (o *options) sample() (*analysis.Sample, []dataset.Deal, string, error) {
	_, deals, err := o.load()
	if err != nil {
		return nil, nil, "", err
	}
	note := "Deals analysed: all"
	if len(o.where) > 0 {
		note = "Deals analysed: those matching " + strings.Join(o.where, ", ")
	}
	if codesKind(deals) && !namesColumn(o.where, "kind") {
		where := []string{}
		for _, k := range analysisKinds {
			where = append(where, "kind="+k)
		}
		if deals, err = filter(deals, where); err != nil {
			return nil, nil, "", err
		}
		note = "Deals analysed: agreements and ceasefires (talks that produced no deal are left out; add --where kind=talks to study them)"
		if len(o.where) > 0 {
			note += ", matching " + strings.Join(o.where, ", ")
		}
	}
	s, err := analysis.NewSample(dataset.FrameAt(deals, o.asOfDate()))
	if err != nil {
		return nil, nil, "", err
	}
	note += fmt.Sprintf("; %d deals, as of %s.", s.Len(), o.asOfDate())
	return s, deals, note, nil
}

// namesColumn reports whether any --where condition is on col.
func namesColumn(where []string, col string) bool {
	for _, w := range where {
		if c, err := parseCond(w); err == nil && c.col == col {
			return true
		}
	}
	return false
}

// codesKind reports whether the deals have the kind column filled in.
func codesKind(deals []dataset.Deal) bool {
	for i := range deals {
		if deals[i].Kind != "" {
			return true
		}
	}
	return false
}

func noArgs(name string, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments (got %q)", name, args)
	}
	return nil
}

func runDurations(o *options, args []string, w io.Writer) error {
	if err := noArgs("durations", args); err != nil {
		return err
	}
	_, deals, note, err := o.sample()
	if err != nil {
		return err
	}
	t := &analysis.Table{Name: "durations", Title: "How long each deal lasted",
		Columns: []string{"id", "start", "end", "end_type", "days", "days_lower", "days_upper", "event", "until", "basis"},
		Numeric: []bool{false, false, false, false, true, true, true, false, false, false},
		Notes: []string{note,
			"days: from the middle day of each date's span; days_lower/days_upper: the shortest and longest the date precision allows.",
			"event=true: broke down. Otherwise censored at until: the end (expired, superseded), last_seen (end unknown) or the as-of date (ongoing)."}}
	for i := range deals {
		d := &deals[i]
		dur, ok := d.Duration(o.asOfDate())
		if !ok {
			continue
		}
		t.Rows = append(t.Rows, []string{d.ID, d.Start.String(), d.End.String(), string(d.EndType), strconv.Itoa(dur.Days),
			strconv.Itoa(dur.Lower), strconv.Itoa(dur.Upper), strconv.FormatBool(dur.Event), dur.Until.String(), dur.Basis})
	}
	return t.Write(w, o.format)
}

func runSummary(o *options, args []string, w io.Writer) error {
	if err := noArgs("summary", args); err != nil {
		return err
	}
	s, _, note, err := o.sample()
	if err != nil {
		return err
	}
	groups, warnings, err := analysis.Summarize(s, o.by, o.tau)
	if err != nil {
		return err
	}
	t := analysis.SummaryTable(o.by, groups, warnings)
	t.Notes = append([]string{note}, t.Notes...)
	return t.Write(w, o.format)
}

func runSurvival(o *options, args []string, w io.Writer) error {
	if err := noArgs("survival", args); err != nil {
		return err
	}
	s, _, note, err := o.sample()
	if err != nil {
		return err
	}
	groups, _, err := analysis.Summarize(s, o.by, 365)
	if err != nil {
		return err
	}
	t := analysis.SurvivalTable(groups)
	t.Notes = append([]string{note}, t.Notes...)
	return t.Write(w, o.format)
}

func runCompare(o *options, args []string, w io.Writer) error {
	if err := noArgs("compare", args); err != nil {
		return err
	}
	if o.by == "" {
		return usagef("compare needs --by COL")
	}
	s, _, note, err := o.sample()
	if err != nil {
		return err
	}
	labels, err := s.Labels(o.by)
	if err != nil {
		return err
	}
	lr, err := analysis.LogRank(s.Times, s.Events, labels)
	if err != nil {
		return err
	}
	if o.format == "json" {
		type group struct {
			Group    string  `json:"group"`
			N        int     `json:"n"`
			Observed float64 `json:"observed"`
			Expected float64 `json:"expected"`
		}
		out := struct {
			Chisq    float64  `json:"chisq"`
			DF       int      `json:"df"`
			P        float64  `json:"p"`
			Groups   []group  `json:"groups"`
			Warnings []string `json:"warnings"`
		}{lr.Chisq, lr.DF, lr.P, nil, nonNil(lr.Warnings)}
		for _, g := range lr.Groups {
			out.Groups = append(out.Groups, group{g.Group, g.N, g.Observed, g.Expected})
		}
		return writeJSON(w, out)
	}
	t := &analysis.Table{Name: "compare", Title: "Log-rank test by " + o.by,
		Columns:  []string{o.by, "n", "observed", "expected", "o_minus_e"},
		Numeric:  []bool{false, true, true, true, true},
		Warnings: lr.Warnings,
		Notes: []string{note, fmt.Sprintf("Log-rank chi-square %.3f on %d df, p = %s (R survdiff). Observed and expected breakdowns if every group had the pooled hazard.",
			lr.Chisq, lr.DF, strconv.FormatFloat(lr.P, 'g', 3, 64))}}
	for _, g := range lr.Groups {
		t.Rows = append(t.Rows, []string{g.Group, strconv.Itoa(g.N), strconv.FormatFloat(g.Observed, 'f', 0, 64),
			strconv.FormatFloat(g.Expected, 'f', 2, 64), strconv.FormatFloat(g.Observed-g.Expected, 'f', 2, 64)})
	}
	return t.Write(w, o.format)
}

func runCox(o *options, args []string, w io.Writer) error {
	if err := noArgs("cox", args); err != nil {
		return err
	}
	if o.covariates == "" {
		return usagef("cox needs --covariates a,b (e.g. has:prisoner-release,n_concessions)")
	}
	ties := map[string]analysis.Ties{"efron": analysis.Efron, "breslow": analysis.Breslow}
	method, ok := ties[o.ties]
	if !ok {
		return usagef("--ties %q: want efron or breslow", o.ties)
	}
	s, _, note, err := o.sample()
	if err != nil {
		return err
	}
	names := strings.Split(o.covariates, ",")
	x := make([][]float64, s.Len())
	for i := range x {
		x[i] = make([]float64, len(names))
	}
	for j, name := range names {
		col, err := s.Covariate(strings.TrimSpace(name))
		if err != nil {
			return err
		}
		for i, v := range col {
			x[i][j] = v
		}
	}
	cox, err := analysis.CoxPH(s.Times, s.Events, x, names, method)
	if err != nil {
		return err
	}
	if o.format == "json" {
		type term struct {
			Term    string  `json:"term"`
			Coef    float64 `json:"coef"`
			ExpCoef float64 `json:"exp_coef"`
			SE      float64 `json:"se"`
			Z       float64 `json:"z"`
			P       float64 `json:"p"`
			Lower   float64 `json:"lower"`
			Upper   float64 `json:"upper"`
		}
		out := struct {
			N        int      `json:"n"`
			Events   int      `json:"events"`
			Terms    []term   `json:"terms"`
			LogLik   float64  `json:"loglik"`
			LRChisq  float64  `json:"lr_chisq"`
			LRDF     int      `json:"lr_df"`
			LRP      float64  `json:"lr_p"`
			Warnings []string `json:"warnings"`
		}{N: cox.N, Events: cox.Events, LogLik: cox.LogLik, LRChisq: cox.LRChisq, LRDF: cox.LRDF, LRP: cox.LRP, Warnings: nonNil(cox.Warnings)}
		for _, t := range cox.Terms {
			out.Terms = append(out.Terms, term{t.Term, t.Coef, t.ExpCoef, t.SE, t.Z, t.P, t.Lower, t.Upper})
		}
		return writeJSON(w, out)
	}
	t := &analysis.Table{Name: "cox", Title: fmt.Sprintf("Cox proportional-hazards model (%s ties)", cox.Ties),
		Columns:  []string{"term", "coef", "hazard_ratio", "se", "z", "p", "hr_lower", "hr_upper"},
		Numeric:  []bool{false, true, true, true, true, true, true, true},
		Warnings: cox.Warnings,
		Notes: []string{note, fmt.Sprintf("n = %d, breakdowns = %d. Likelihood-ratio test %.2f on %d df, p = %s; Wald %.2f, p = %s; score %.2f, p = %s.",
			cox.N, cox.Events, cox.LRChisq, cox.LRDF, fmtG(cox.LRP), cox.WaldChisq, fmtG(cox.WaldP), cox.ScoreChisq, fmtG(cox.ScoreP)),
			"hazard_ratio above 1: deals with more of the covariate broke down faster. 95% limits. Matches R's coxph."}}
	for _, c := range cox.Terms {
		t.Rows = append(t.Rows, []string{c.Term, fmtF(c.Coef, 3), fmtF(c.ExpCoef, 3), fmtF(c.SE, 3), fmtF(c.Z, 2), fmtG(c.P), fmtF(c.Lower, 3), fmtF(c.Upper, 3)})
	}
	return t.Write(w, o.format)
}

func concessionColumns() []string {
	var cols []string
	for _, c := range dataset.Concessions {
		cols = append(cols, "has:"+c)
	}
	for _, c := range dataset.Commitments {
		cols = append(cols, "commits:"+c)
	}
	return cols
}

func runConcessions(o *options, args []string, w io.Writer) error {
	if err := noArgs("concessions", args); err != nil {
		return err
	}
	s, _, note, err := o.sample()
	if err != nil {
		return err
	}
	c, err := analysis.AnalyzeConcessions(s, concessionColumns())
	if err != nil {
		return err
	}
	t := analysis.ConcessionTable(c)
	t.Notes = append([]string{note}, t.Notes...)
	return t.Write(w, o.format)
}

func runTriggers(o *options, args []string, w io.Writer) error {
	if err := noArgs("triggers", args); err != nil {
		return err
	}
	s, _, note, err := o.sample()
	if err != nil {
		return err
	}
	tr, err := analysis.AnalyzeTriggers(s)
	if err != nil {
		return err
	}
	t := analysis.TriggerTable(tr)
	t.Notes = append([]string{note}, t.Notes...)
	return t.Write(w, o.format)
}

func runSensitivity(o *options, args []string, w io.Writer) error {
	if err := noArgs("sensitivity", args); err != nil {
		return err
	}
	s, deals, note, err := o.sample()
	if err != nil {
		return err
	}
	c, err := analysis.AnalyzeConcessions(s, concessionColumns())
	if err != nil {
		return err
	}
	sv, err := analysis.AnalyzeSensitivity(deals, o.asOfDate(), sensitivityColumns(c), 3)
	if err != nil {
		return err
	}
	t := analysis.SensitivityTable(sv, false)
	t.Notes = append([]string{note}, t.Notes...)
	return t.Write(w, o.format)
}

// sensitivityColumns are the comparisons the sensitivity analysis follows:
// the five with the smallest log-rank p among those with at least three
// deals on each side.
func sensitivityColumns(c *analysis.Concessions) []string {
	var rows []analysis.ConcessionRow
	for _, r := range c.Rows {
		if r.NWith >= 3 && r.NWithout >= 3 && !math.IsNaN(r.LogRankP) {
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b analysis.ConcessionRow) int { return cmp.Compare(a.LogRankP, b.LogRankP) })
	var cols []string
	for _, r := range rows[:min(5, len(rows))] {
		cols = append(cols, r.Column)
	}
	return cols
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func fmtF(x float64, d int) string { return strconv.FormatFloat(x, 'f', d, 64) }
func fmtG(x float64) string        { return strconv.FormatFloat(x, 'g', 3, 64) }
