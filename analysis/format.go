package analysis

import (
	"math"
	"strconv"
	"strings"
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

// fmtFull formats a number for machine-readable output: the shortest form
// that reads back exactly; NaN is "NA", infinities "Inf" and "-Inf".
func fmtFull(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return fmtNum(x, 0)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// fmtDays formats a number of days for people: whole days as they are, and
// a median that falls between two times (an average, such as 874.5) with
// its .5 kept rather than rounded half to even.
func fmtDays(x float64) string {
	if x == math.Trunc(x) || math.IsNaN(x) || math.IsInf(x, 0) {
		return fmtNum(x, 0)
	}
	return fmtNum(x, 1)
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

// fmtEstimate formats a median for people: the days (fmtDays), or "not
// reached".
func fmtEstimate(x float64, reached bool) string {
	if !reached {
		return "not reached"
	}
	return fmtDays(x)
}

// cell is one table cell: text for people (text and Markdown) and full for
// programs (CSV and JSON), which carry numbers at full precision.
type cell struct{ text, full string }

// txt is a cell that reads the same for people and programs.
func txt(s string) cell { return cell{s, s} }

// num is a number rounded to decimals for people and in full for programs.
func num(x float64, decimals int) cell { return cell{fmtNum(x, decimals), fmtFull(x)} }

// days is a number of days (fmtDays for people).
func days(x float64) cell { return cell{fmtDays(x), fmtFull(x)} }

// pval is a p-value (FormatP for people).
func pval(p float64) cell { return cell{FormatP(p), fmtFull(p)} }

// est is a median or other quantile: "not reached" for people and NA for
// programs when it was not reached.
func est(x float64, reached bool) cell {
	if !reached {
		return cell{fmtEstimate(x, reached), "NA"}
	}
	return days(x)
}

// count is an integer.
func count(n int) cell { return txt(strconv.Itoa(n)) }

// Plural says a count with the word that fits it: Plural(1, "deal",
// "deals") is "1 deal", Plural(3, "deal", "deals") "3 deals". Every count
// printed for people goes through it.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// JoinAnd lists names as "a", "a and b" or "a, b and c".
func JoinAnd(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
