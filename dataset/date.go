package dataset

import (
	"errors"
	"fmt"
	"time"
)

// Precision is how much of a date is known.
type Precision uint8

// The precisions a date in the dataset can have.
const (
	NoDate Precision = iota // the zero Date: no date
	Year                    // YYYY
	Month                   // YYYY-MM
	Day                     // YYYY-MM-DD
)

// Date is a calendar date that keeps its precision: 2008-05 is a month, not
// 1 May 2008. The zero value means "no date".
type Date struct {
	Y    int
	M    time.Month
	D    int
	Prec Precision
}

// ErrDate is wrapped by every date error.
var ErrDate = errors.New("bad date")

// ParseDate reads YYYY-MM-DD, YYYY-MM or YYYY. The empty string is the zero
// Date. Impossible dates such as 2004-02-30 are errors.
func ParseDate(s string) (Date, error) {
	bad := func(why string) (Date, error) {
		return Date{}, fmt.Errorf("%w %q: %s (want YYYY-MM-DD, YYYY-MM or YYYY)", ErrDate, s, why)
	}
	if s == "" {
		return Date{}, nil
	}
	num := func(t string) (int, bool) {
		n := 0
		for _, c := range []byte(t) {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	var d Date
	var ok bool
	switch {
	case len(s) == 4:
		d.Prec = Year
	case len(s) == 7 && s[4] == '-':
		d.Prec = Month
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		d.Prec = Day
	default:
		return bad("not a date in ISO form")
	}
	if d.Y, ok = num(s[:4]); !ok {
		return bad("year is not a number")
	}
	if d.Y < 1900 || d.Y > 2100 {
		return bad("year out of range 1900-2100")
	}
	if d.Prec >= Month {
		m, ok := num(s[5:7])
		if !ok || m < 1 || m > 12 {
			return bad("month must be 01-12")
		}
		d.M = time.Month(m)
	}
	if d.Prec == Day {
		day, ok := num(s[8:10])
		if !ok || day < 1 || day > daysIn(d.Y, d.M) {
			return bad(fmt.Sprintf("no such day in %d-%02d", d.Y, d.M))
		}
		d.D = day
	}
	return d, nil
}

// MustDate is ParseDate for literals known to be valid; it panics otherwise.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic("dataset: " + err.Error())
	}
	return d
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	case time.January, time.March, time.May, time.July, time.August, time.October, time.December:
		return 31
	}
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() // a month out of range, normalised
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.Prec == NoDate }

// String formats d at its precision; the zero Date is "".
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// dayNumber counts days since 1970-01-01 of the proleptic Gregorian
// calendar. A day within its month is counted by Howard Hinnant's
// days_from_civil (http://howardhinnant.github.io/date_algorithms.html),
// five times faster than time.Date, which durations of 100,000 deals call
// several times each; other days (day 0, month 13) are normalised by
// time.Date.
func dayNumber(y int, m time.Month, d int) int {
	if m < time.January || m > time.December || d < 1 || d > 28 && d > daysIn(y, m) {
		return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	mm := int(m)
	if mm <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (mm + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Span returns the first and last day the date can stand for, as days since
// 1970-01-01: a month spans its first to last day, a year 1 January to
// 31 December.
func (d Date) Span() (first, last int) {
	switch d.Prec {
	case Year:
		return dayNumber(d.Y, 1, 1), dayNumber(d.Y, 12, 31)
	case Month:
		return dayNumber(d.Y, d.M, 1), dayNumber(d.Y, d.M, daysIn(d.Y, d.M))
	case Day:
		n := dayNumber(d.Y, d.M, d.D)
		return n, n
	}
	return 0, 0
}

// Mid returns the day used as the point estimate, as days since 1970-01-01:
// the day itself, the 15th of a month, or 1 July of a year (CODEBOOK.md,
// "Dates and durations").
func (d Date) Mid() int {
	switch d.Prec {
	case Year:
		return dayNumber(d.Y, 7, 1)
	case Month:
		return dayNumber(d.Y, d.M, 15)
	}
	first, _ := d.Span()
	return first
}

// Time returns the first day of d at midnight UTC.
func (d Date) Time() time.Time {
	first, _ := d.Span()
	return time.Unix(int64(first)*86400, 0).UTC()
}

// Dates of different precision compare by the days they can stand for
// (their Span): 2006 stands for 1 January to 31 December 2006, so
// 2006-09-05 is neither before nor after 2006, while it is after 2005 and
// before 2007. Before and After are certainties; Compare reports 0 when
// the two spans overlap (the dates may be the same day).

// Before reports whether d certainly ends before e begins, i.e. the last
// day of d precedes the first day of e.
func (d Date) Before(e Date) bool {
	_, last := d.Span()
	first, _ := e.Span()
	return last < first
}

// After reports whether d certainly begins after e ends, i.e. the first
// day of d follows the last day of e.
func (d Date) After(e Date) bool { return e.Before(d) }

// Compare returns -1 if d is certainly before e, +1 if d is certainly after
// e, and 0 if their spans overlap. For two day-precision dates this is the
// ordinary calendar order.
func (d Date) Compare(e Date) int {
	switch {
	case d.Before(e):
		return -1
	case d.After(e):
		return 1
	}
	return 0
}
