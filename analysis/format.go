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

// fmtP formats a p-value for people: three significant digits, "<0.001"
// below that.
func fmtP(p float64) string {
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
