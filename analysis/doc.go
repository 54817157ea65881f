// Package analysis computes the statistics a briefing on peace deals needs:
// durations, Kaplan–Meier survival with Greenwood standard errors, restricted
// mean survival time, the log-rank test, Cox proportional-hazards regression,
// rank correlations with permutation p-values, and the tables built on them.
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
//   - Every estimator names its method and source in its doc comment, and its
//     tests compare it with R's survival package (scripts and their output
//     in testdata/r/, so the tests do not need R).
package analysis
