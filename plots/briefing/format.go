package briefing

import (
	"fmt"
	"math"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// Formatting for readers: whole days, whole percentages, dates as
// "24 Apr 2004", and "not reached" for a time the data never reach.

func pct(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

func days(x float64) string {
	if math.IsInf(x, 1) || math.IsNaN(x) {
		return "not reached"
	}
	return fmt.Sprintf("%.0f", x)
}

// daysRange is "lo to hi days", or "lo days" when both are equal.
func daysRange(lo, hi float64) string {
	if days(lo) == days(hi) {
		return days(lo) + " days"
	}
	if math.IsInf(hi, 1) {
		return "from " + days(lo) + " days to never reached"
	}
	return days(lo) + " to " + days(hi) + " days"
}

func pctRange(lo, hi float64) string {
	if pct(lo) == pct(hi) {
		return pct(lo)
	}
	return pct(lo) + " to " + pct(hi)
}

func estText(q analysis.Quantile) string {
	if !q.Reached {
		return "not reached"
	}
	return fmt.Sprintf("%.0f", q.Estimate)
}

// ciText is a quantile's 95% limits in words.
func ciText(q analysis.Quantile) string {
	switch {
	case q.LowerReached && q.UpperReached:
		return fmt.Sprintf("%.0f to %.0f days", q.Lower, q.Upper)
	case q.LowerReached:
		return fmt.Sprintf("from %.0f days, upper limit not reached", q.Lower)
	}
	return "not reached"
}

func hrText(hr, lo, hi float64) string {
	if math.IsNaN(hr) {
		return "not estimable"
	}
	return fmt.Sprintf("%.2f (%.2f to %.2f)", hr, lo, hi)
}

func pText(p float64) string {
	if math.IsNaN(p) {
		return "n/a"
	}
	return analysis.FormatP(p)
}

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// humanDate is "24 Apr 2004", "Apr 2004" or "2004" by the date's
// precision, with no-break spaces so that a date never breaks across lines.
func humanDate(d dataset.Date) string {
	switch d.Prec {
	case dataset.Day:
		return fmt.Sprintf("%d\u00a0%s\u00a0%d", d.D, monthAbbr[d.M-1], d.Y)
	case dataset.Month:
		return fmt.Sprintf("%s\u00a0%d", monthAbbr[d.M-1], d.Y)
	case dataset.Year:
		return fmt.Sprint(d.Y)
	}
	return ""
}

// capital returns s with its first letter upper case.
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// noneOr is n in figures, or "none" for 0.
func noneOr(n int) string {
	if n == 0 {
		return "none"
	}
	return fmt.Sprint(n)
}
