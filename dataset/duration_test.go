package dataset

import "testing"

// TestDuration checks the censoring rule and the precision bounds on
// hand-computed cases.
func TestDuration(t *testing.T) {
	asOf := MustDate("2026-11-22")
	tests := []struct {
		name               string
		deal               Deal
		days, lower, upper int
		event              bool
		basis              string
	}{
		// Shakai: 24 April to 10 June 2004 is 47 days.
		{"day to day, breakdown", Deal{Start: MustDate("2004-04-24"), End: MustDate("2004-06-10"), EndType: EndTypeBreakdown}, 47, 47, 47, true, "end"},
		{"expired is censored", Deal{Start: MustDate("2021-11-09"), End: MustDate("2021-12-09"), EndType: EndTypeExpired}, 30, 30, 30, false, "end"},
		// Month start (Nov 2004: 1..30) to day end 2005-02-07: 69..98, mid from 15 Nov = 84.
		{"month start", Deal{Start: MustDate("2004-11"), End: MustDate("2005-02-07"), EndType: EndTypeBreakdown}, 84, 69, 98, true, "end"},
		// Year end 2009 (1 Jan..31 Dec, mid 1 Jul) from 2008-07-01: 184..548, mid 365.
		{"year end", Deal{Start: MustDate("2008-07-01"), End: MustDate("2009"), EndType: EndTypeBreakdown}, 365, 184, 548, true, "end"},
		{"same month, bounds clamp at zero", Deal{Start: MustDate("2007-05"), End: MustDate("2007-05"), EndType: EndTypeBreakdown}, 0, 0, 30, true, "end"},
		{"unknown end censored at last_seen", Deal{Start: MustDate("2008-07-24"), EndType: EndTypeUnknown, LastSeen: MustDate("2008-11-05")}, 104, 104, 104, false, "last_seen"},
		{"ongoing censored at as-of", Deal{Start: MustDate("2026-11-01"), EndType: EndTypeOngoing}, 21, 21, 21, false, "as_of"},
		{"end after as-of is censored at as-of", Deal{Start: MustDate("2026-11-01"), End: MustDate("2026-12-01"), EndType: EndTypeBreakdown}, 21, 21, 21, false, "as_of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := tt.deal.Duration(asOf)
			if !ok {
				t.Fatal("not counted")
			}
			if d.Days != tt.days || d.Lower != tt.lower || d.Upper != tt.upper || d.Event != tt.event || d.Basis != tt.basis {
				t.Errorf("got %d [%d, %d] event=%v basis=%s; want %d [%d, %d] event=%v basis=%s",
					d.Days, d.Lower, d.Upper, d.Event, d.Basis, tt.days, tt.lower, tt.upper, tt.event, tt.basis)
			}
		})
	}
	if _, ok := (&Deal{Start: MustDate("2027-01-01"), EndType: EndTypeOngoing}).Duration(asOf); ok {
		t.Error("a deal starting after the as-of date was counted")
	}
}
