package analysis

import (
	"regexp"
	"strconv"
	"strings"
)

// WarningKind classifies a warning, so that a table can print each fact
// once and a briefing can gather the warnings of many tables into one
// plain-language list.
type WarningKind string

// The kinds of warning the analysis gives.
const (
	WarnFewEvents          WarningKind = "few-events"          // too few events for the estimate or test to be reliable
	WarnFewObservations    WarningKind = "few-observations"    // too few observations
	WarnAllCensored        WarningKind = "all-censored"        // no event at all
	WarnSmallGroup         WarningKind = "small-group"         // a group with one deal, or too few to test
	WarnNoEventsInGroup    WarningKind = "no-events-in-group"  // a group without events
	WarnChiSquare          WarningKind = "chi-square"          // expected counts too small for the chi-square approximation
	WarnSingular           WarningKind = "singular"            // a singular variance or information matrix
	WarnMonotoneLikelihood WarningKind = "monotone-likelihood" // a coefficient may be infinite
	WarnNoConvergence      WarningKind = "no-convergence"      // an iterative fit did not converge
	WarnConstant           WarningKind = "constant-covariate"  // a covariate without variation, dropped
	WarnFewPerCovariate    WarningKind = "events-per-covariate"
	WarnFewArrangements    WarningKind = "few-arrangements" // an exact test that cannot reach p < 0.05
	WarnMonteCarlo         WarningKind = "monte-carlo"      // a p-value or interval with Monte Carlo error
	WarnLowPower           WarningKind = "low-power"        // few deals overall
	WarnOther              WarningKind = "other"
)

// Warning is one fact a reader must see beside a result.
type Warning struct {
	Kind  WarningKind
	Group string // the group or category it concerns; "" for the whole analysis
	// Figures are the numbers the message states, by name (for example
	// "events": 3), so that programs need not parse the sentence.
	Figures map[string]float64
	Message string // a plain sentence, without the group
}

// String returns "group: message", or the message alone.
func (w Warning) String() string {
	if w.Group == "" {
		return w.Message
	}
	return w.Group + ": " + w.Message
}

// WarningStrings returns the warnings as the sentences of the []string
// Warnings fields that results carry.
func WarningStrings(ws []Warning) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.String()
	}
	return out
}

// UniqueWarnings returns the warnings with every repeat of the same kind,
// group and message left out, in their first order: a table states each
// fact once.
func UniqueWarnings(ws []Warning) []Warning {
	type key struct {
		kind       WarningKind
		group, msg string
	}
	seen := map[key]bool{}
	var out []Warning
	for _, w := range ws {
		k := key{w.Kind, w.Group, w.Message}
		if !seen[k] {
			seen[k] = true
			out = append(out, w)
		}
	}
	return out
}

// warningPatterns map the sentences of the existing []string warnings
// (km.go, logrank.go, cox.go, permutation.go, concessions.go) to their
// kind; the first matching substring wins.
var warningPatterns = []struct {
	substr string
	kind   WarningKind
}{
	{"every observation is censored", WarnAllCensored},
	{"no events: the log-rank test", WarnAllCensored},
	{"did not converge", WarnNoConvergence},
	{"monotone likelihood", WarnMonotoneLikelihood},
	{"may be infinite", WarnMonotoneLikelihood},
	{"is constant", WarnConstant},
	{"per covariate", WarnFewPerCovariate},
	{"events for", WarnFewPerCovariate},
	{"singular", WarnSingular},
	{"could not be decomposed", WarnSingular},
	{"no degrees of freedom", WarnSmallGroup},
	{"chi-square approximation", WarnChiSquare},
	{"only one deal", WarnSmallGroup},
	{"too few to test", WarnSmallGroup},
	{"no events", WarnNoEventsInGroup},
	{"events:", WarnFewEvents},
	{" event:", WarnFewEvents},
	{"endings:", WarnFewEvents},
	{" ending:", WarnFewEvents},
	{"observations:", WarnFewObservations},
	{"arrangements:", WarnFewArrangements},
	{"random permutations", WarnMonteCarlo},
	{"Monte Carlo", WarnMonteCarlo},
	{"little power", WarnLowPower},
}

// ClassifyWarning turns one of the existing warning sentences into a
// Warning of its kind (WarnOther when no pattern matches), so that the
// []string Warnings of every result keep working while tables and the
// briefing move to typed values. It leaves Figures empty: a producer that
// builds a Warning itself fills them, except for the expected count of a
// chi-square warning about one group, which moves from the sentence to
// Figures["expected"]. A sentence of
// the form "group: message" or "group (Cox): message", as concessions.go
// writes them, is split when group is the given one.
func ClassifyWarning(group, sentence string) Warning {
	w := Warning{Group: group, Message: sentence, Kind: WarnOther}
	if group != "" {
		if rest, ok := strings.CutPrefix(sentence, group+": "); ok {
			w.Message = rest
		} else if rest, ok := strings.CutPrefix(sentence, group+" (Cox): "); ok {
			w.Message = "Cox model: " + rest
		}
	}
	for _, p := range warningPatterns {
		if strings.Contains(w.Message, p.substr) {
			w.Kind = p.kind
			break
		}
	}
	if w.Kind == WarnChiSquare {
		// `group "with" (1.41) has fewer than 5 expected events`: the
		// figure goes to Figures, so that the same fact about several
		// categories reads the same and is gathered once.
		if m := expectedFigure.FindAllStringSubmatch(w.Message, -1); len(m) == 1 {
			if v, err := strconv.ParseFloat(m[0][1], 64); err == nil {
				w.Figures = map[string]float64{"expected": v}
				w.Message = expectedFigure.ReplaceAllString(w.Message, "")
			}
		}
	}
	return w
}

// expectedFigure is the expected count LogRank's chi-square warning gives
// after a group's name.
var expectedFigure = regexp.MustCompile(` \(([0-9]+(?:\.[0-9]+)?)\)`)
