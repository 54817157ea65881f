// Package analysis computes the statistics a briefing on peace deals needs:
// durations, Kaplan–Meier survival with Greenwood standard errors and a
// bootstrap interval for the median, the Nelson–Aalen cumulative hazard,
// restricted mean survival time, Aalen–Johansen cumulative incidence of
// competing endings (breakdown, expiry, supersession), the log-rank test,
// Cox proportional-hazards regression (stratified, with the cox.zph
// proportional-hazards test, and Firth's penalised version for few events),
// Weibull, log-normal and log-logistic fits, Holm and Benjamini–Hochberg
// adjustment, rank correlations and permutation tests, and the tables built
// on them.
//
// Conventions:
//   - The statistical core works on plain slices: times (days, >= 0), event
//     flags (true = the deal broke down, false = censored) and, where needed,
//     group labels or covariates. Bad input returns an error prefixed
//     "analysis: "; nothing panics on data.
//   - Every result carries Warnings, plain sentences that say when a number
//     should not be trusted (too few events for a chi-square approximation,
//     every observation censored, a group with one deal, non-convergence),
//     in the style of golang.org/x/perf/benchmath. Commands print them.
//     ClassifyWarning turns a sentence into a typed Warning (kind, group,
//     figures), so that tables print each fact once (UniqueWarnings), and
//     GatherWarnings turns the Typed warnings of many tables into one short
//     list of plain sentences (a briefing's "How sure are we").
//   - Tables (Table) round numbers for people in text and Markdown and
//     carry them at full precision in CSV and JSON (Table.Full); a median
//     that falls between two times keeps its .5.
//   - What each of truce's analysis commands prints is a Report
//     (BuildReport by command name, or SummaryReport, CoxReport, ... one by
//     one): its tables in order and the one CSV and JSON hold, so that a Go
//     program gets the command's output from the same code.
//   - Every estimator names its method and source in its doc comment, and its
//     tests compare it with R's survival package (scripts and their output
//     in testdata/r/, so the tests do not need R).
package analysis
