package analysis

import (
	"math"
	"strconv"
)

// fmtNum formats a number with the given decimals; NaN is "NA", as R prints it.
func fmtNum(x float64, decimals int) string {
	if math.IsNaN(x) {
		return "NA"
	}
	if math.IsInf(x, 0) {
		if x > 0 {
			return "Inf"
		}
		return "-Inf"
	}
	return strconv.FormatFloat(x, 'f', decimals, 64)
}

// fmtFull formats a number for machine-readable output: shortest exact form.
func fmtFull(x float64) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// FormatP formats a p-value for people: two significant digits, "<0.001"
// below 0.001, "NA" when it was not computed. Tables and the briefing use it.
func FormatP(p float64) string {
	switch {
	case math.IsNaN(p):
		return "NA"
	case p < 0.001:
		return "<0.001"
	}
	return strconv.FormatFloat(p, 'g', 2, 64)
}

// fmtQuantile formats a median for people: the days, or "not reached".
func fmtEstimate(x float64, reached bool) string {
	if !reached {
		return "not reached"
	}
	return fmtNum(x, 0)
}

// Plural says a count with the word that fits it: Plural(1, "deal",
// "deals") is "1 deal", Plural(3, "deal", "deals") "3 deals". Every count
// printed for people goes through it.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
