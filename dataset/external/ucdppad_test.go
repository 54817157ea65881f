package external

import (
	"slices"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// TestUCDPPADFixture reads testdata/ucdp_pad_quirks.csv: trailing spaces in
// column names ("ref ", "return "), an empty last header name, and one
// agreement per quirk of v22.1 (README of ../shared/data).
func TestUCDPPADFixture(t *testing.T) {
	data, err := ReadUCDPPADFile("testdata/ucdp_pad_quirks.csv")
	if err != nil {
		t.Fatal(err)
	}
	const wantDeals = 5
	if len(data.Deals) != wantDeals {
		t.Fatalf("%d deals, want %d", len(data.Deals), wantDeals)
	}
	byID := dealsByID(data.Deals)
	for _, w := range []want{
		// ended True with an end date in duration: breakdown there.
		{"ucdp-pad-2001", "1993-03-07", "1993-05-12", dataset.EndTypeBreakdown, "", map[string]string{"mediator": "Pakistan", "third_party": "yes", "country": "Afghanistan", "conflict_type": "intrastate", "region": "Asia", "kind": "agreement"}},
		// end date before the agreement date (paid 1024 in v22.1): flagged.
		{"ucdp-pad-2002", "2000-08-26", "", dataset.EndTypeUnknown, "2000-08-26", map[string]string{"quirk": "end-before-start", "ucdp_end": "2000-01-01", "third_party": "no"}},
		// ended True, no end date (paids 1470–1478 in v22.1).
		{"ucdp-pad-2003", "2014-01-25", "", dataset.EndTypeUnknown, "2014-01-25", map[string]string{"quirk": "ended-without-end-date", "ended": "True"}},
		// ended blank: not ended, censored at the coverage end.
		{"ucdp-pad-2004", "1999-02-21", "", dataset.EndTypeUnknown, "2021-12-31", map[string]string{"conflict_type": "interstate", "country": "India - Pakistan", "ended": ""}},
		// ended False: likewise.
		{"ucdp-pad-2005", "2005-01-09", "", dataset.EndTypeUnknown, "2021-12-31", map[string]string{"ended": "False", "region": "Africa"}},
	} {
		d, ok := byID[w.id]
		if !ok {
			t.Errorf("%s missing", w.id)
			continue
		}
		checkDeal(t, d, w)
	}
	for _, part := range []string{"agreements with an end date before the agreement date: 1;", "agreements ended (True) with no end date: 1;"} {
		if !slices.ContainsFunc(data.Warnings, func(w string) bool { return strings.Contains(w, part) }) {
			t.Errorf("no warning containing %q in %q", part, data.Warnings)
		}
	}
	// The flagged agreement enters as a zero-day censored time, never as a
	// negative or positive duration.
	flagged := byID["ucdp-pad-2002"]
	if dur, ok := flagged.Duration(dataset.AsOf()); !ok || dur.Days != 0 || dur.Event {
		t.Errorf("ucdp-pad-2002: %+v, want 0 days censored", dur)
	}
}

func TestPAXFixture(t *testing.T) {
	got, err := ReadPAXFile("testdata/pax.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, date string }{{"1531", "2004-07-05"}, {"1532", "2005-02-07"}, {"2446", "2022-06-02"}}
	if len(got) != len(want) {
		t.Fatalf("%d agreements, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].ID != w.id || got[i].Date.String() != w.date {
			t.Errorf("row %d: %s %s, want %s %s", i, got[i].ID, got[i].Date, w.id, w.date)
		}
	}
	if got[1].Line != 4 { // the first record spans lines 2–3
		t.Errorf("second agreement on line %d, want 4", got[1].Line)
	}
}
