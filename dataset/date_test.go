package dataset

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		prec      Precision
		first     string // first day of the span, as a Day date
		last, mid string
	}{
		{"2004-04-24", Day, "2004-04-24", "2004-04-24", "2004-04-24"},
		{"2008-02", Month, "2008-02-01", "2008-02-29", "2008-02-15"}, // leap year
		{"2007", Year, "2007-01-01", "2007-12-31", "2007-07-01"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tt.in, err)
		}
		if d.Prec != tt.prec || d.String() != tt.in {
			t.Errorf("ParseDate(%q) = %v (prec %d), want prec %d", tt.in, d, d.Prec, tt.prec)
		}
		first, last := d.Span()
		f, _ := MustDate(tt.first).Span()
		l, _ := MustDate(tt.last).Span()
		m, _ := MustDate(tt.mid).Span()
		if first != f || last != l || d.Mid() != m {
			t.Errorf("%s: span %d..%d mid %d, want %d..%d mid %d", tt.in, first, last, d.Mid(), f, l, m)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{"2004-02-30", "2003-02-29", "2004-13", "2004-00", "04-05-2004", "2004/05/01", "20040501", "2004-5-1", "abcd", "1850", " 2004", "2004-04-31"} {
		if _, err := ParseDate(in); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q) error = %v, want ErrDate", in, err)
		}
	}
}

// TestDayNumberMatchesTime checks the civil-day arithmetic of dayNumber
// and daysIn against time.Date on every day from 1599 to 2401 and on days that need
// normalising (day 0, day 32, month 13, month 0).
func TestDayNumberMatchesTime(t *testing.T) {
	ref := func(y int, m time.Month, d int) int {
		return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	for day := time.Date(1599, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2402; day = day.AddDate(0, 0, 1) {
		if got, want := dayNumber(day.Year(), day.Month(), day.Day()), ref(day.Year(), day.Month(), day.Day()); got != want {
			t.Fatalf("dayNumber(%s) = %d, want %d", day.Format(time.DateOnly), got, want)
		}
		if got, want := daysIn(day.Year(), day.Month()), time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
			t.Fatalf("daysIn(%d, %d) = %d, want %d", day.Year(), day.Month(), got, want)
		}
	}
	for _, c := range []struct {
		y int
		m time.Month
		d int
	}{{2024, 3, 0}, {2023, 2, 29}, {2024, 1, 32}, {2024, 13, 1}, {2024, 0, 15}, {-1, 3, 1}, {0, 2, 29}} {
		if got, want := dayNumber(c.y, c.m, c.d), ref(c.y, c.m, c.d); got != want {
			t.Errorf("dayNumber(%d, %d, %d) = %d, want %d", c.y, c.m, c.d, got, want)
		}
	}
}
