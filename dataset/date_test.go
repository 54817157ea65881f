package dataset

import (
	"errors"
	"testing"
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
