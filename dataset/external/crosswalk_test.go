package external

import (
	"testing"

	"github.com/truce-lab/truce/dataset"
)

func TestCrosswalk(t *testing.T) {
	eth, err := ReadEthPrioFile("testdata/ethprio_quirks.csv")
	if err != nil {
		t.Fatal(err)
	}
	pax, err := ReadPAXFile("testdata/pax.csv")
	if err != nil {
		t.Fatal(err)
	}
	deals := []dataset.Deal{
		// As sararogha-2005: ETH/PRIO one day later and ending in 2005-07
		// (CODEBOOK.md D-27); PA-X the same day.
		{ID: "sararogha", Start: dataset.MustDate("2005-02-07"), End: dataset.MustDate("2007-08-18"), EndType: dataset.EndTypeBreakdown,
			EthPrioIDs: []string{"1002"}, PaxIDs: []string{"1532"}},
		{ID: "unknown-end", Start: dataset.MustDate("1993-03"), EndType: dataset.EndTypeUnknown, LastSeen: dataset.MustDate("1993-04"),
			EthPrioIDs: []string{"1011"}, PaxIDs: []string{"9999"}},
		{ID: "no-crossref", Start: dataset.MustDate("2000")},
	}
	got := Crosswalk(deals, eth.Deals, pax)
	want := []CrosswalkRow{
		{Deal: "sararogha", Dataset: "ETH/PRIO", ExtID: "1002", Found: true,
			Start: deals[0].Start, ExtStart: dataset.MustDate("2005-02-08"), StartDiff: Diff{OK: true, Days: 1, Min: 1, Max: 1},
			End: deals[0].End, ExtEnd: dataset.MustDate("2005-07"), EndType: dataset.EndTypeBreakdown, ExtEndType: dataset.EndTypeBreakdown, ExtEnded: "2",
			EndDiff: Diff{OK: true, Days: -764, Min: -778, Max: -748}},
		{Deal: "sararogha", Dataset: "PA-X", ExtID: "1532", Found: true,
			Start: deals[0].Start, ExtStart: deals[0].Start, StartDiff: Diff{OK: true},
			End: deals[0].End, EndType: dataset.EndTypeBreakdown},
		{Deal: "unknown-end", Dataset: "ETH/PRIO", ExtID: "1011", Found: true,
			Start: deals[1].Start, ExtStart: dataset.MustDate("1993-03-20"), StartDiff: Diff{OK: true, Days: 5, Min: -11, Max: 19},
			EndType: dataset.EndTypeUnknown, ExtEnd: dataset.MustDate("1993-05-24"), ExtEndType: dataset.EndTypeUnknown, ExtEnded: "-1"},
		{Deal: "unknown-end", Dataset: "PA-X", ExtID: "9999", Start: deals[1].Start, EndType: dataset.EndTypeUnknown},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if !got[0].StartDiff.OK || got[0].StartDiff.Agrees() || !got[2].StartDiff.Agrees() || got[3].StartDiff.Agrees() {
		t.Error("Agrees: a one-day difference disagrees, a day within the truce month agrees, a missing record does not agree")
	}
}
