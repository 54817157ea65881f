package external

import (
	"slices"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// want is the expected reading of one fixture record.
type want struct {
	id, start, end string
	endType        dataset.EndType
	lastSeen       string
	attrs          map[string]string
}

func checkDeal(t *testing.T, d dataset.Deal, w want) {
	t.Helper()
	if got := d.Start.String(); got != w.start {
		t.Errorf("%s: start %q, want %q", w.id, got, w.start)
	}
	if got := d.End.String(); got != w.end {
		t.Errorf("%s: end %q, want %q", w.id, got, w.end)
	}
	if d.EndType != w.endType {
		t.Errorf("%s: end_type %q, want %q", w.id, d.EndType, w.endType)
	}
	if got := d.LastSeen.String(); got != w.lastSeen {
		t.Errorf("%s: last_seen %q, want %q", w.id, got, w.lastSeen)
	}
	for k, v := range w.attrs {
		if got := dataset.Value(&d, k); got != v {
			t.Errorf("%s: %s = %q, want %q", w.id, k, got, v)
		}
	}
}

func dealsByID(ds []dataset.Deal) map[string]dataset.Deal {
	m := map[string]dataset.Deal{}
	for _, d := range ds {
		m[d.ID] = d
	}
	return m
}

// TestEthPrioFixture reads testdata/ethprio_quirks.csv (UTF-8 with a BOM,
// CRLF line ends), one hand-made record per quirk; each record's comment
// column says which.
func TestEthPrioFixture(t *testing.T) {
	data, err := ReadEthPrioFile("testdata/ethprio_quirks.csv")
	if err != nil {
		t.Fatal(err)
	}
	const wantDeals = 11 // 13 actor-rows
	if len(data.Deals) != wantDeals {
		t.Fatalf("%d deals, want %d (one per uniq_id)", len(data.Deals), wantDeals)
	}
	byID := dealsByID(data.Deals)
	for _, w := range []want{
		{"ethprio-1001", "2004-03-21", "", dataset.EndTypeUnknown, "2004-03-21", map[string]string{"ended": "-1", "country": "Pakistan", "region": "Asia", "mediated": "no", "purpose": "humanitarian", "start_basis": "effect", "written": "no", "class": "cessation"}},
		{"ethprio-1002", "2005-02-08", "2005-07", dataset.EndTypeBreakdown, "", map[string]string{"actors": "TTP; Government of Pakistan", "mediator": "Jirga", "mediated": "yes", "purpose": "peace-process", "written": "yes", "class": "cessation-with-compliance", "side": "2"}},
		{"ethprio-1003", "1995-01-01", "1995-01-06", dataset.EndTypeSuperseded, "", map[string]string{"start_basis": "effect", "region": "Americas", "written": "unknown"}},
		{"ethprio-1004", "2009-01", "2009-01-20", dataset.EndTypeExpired, "", map[string]string{"start_basis": "declaration", "mediator": "UN, Norway", "purpose": "holiday"}},
		{"ethprio-1005", "1996-12-29", "", dataset.EndTypeUnknown, "2020-12-31", map[string]string{"ended": "0", "class": "definitive"}},
		{"ethprio-1006", "2001-05", "", dataset.EndTypeUnknown, "2001-05", map[string]string{"ended": "3", "start_basis": "declaration", "purpose": "unclear", "region": "Europe"}},
		{"ethprio-1007", "1994-02", "1994-03-10", dataset.EndTypeBreakdown, "", map[string]string{"quirk": "impossible-day"}},
		{"ethprio-1008", "2003-01-29", "", dataset.EndTypeUnknown, "2003-01-29", map[string]string{"ended": "4", "quirk": "ended-without-end-date"}},
		{"ethprio-1009", "2010-06-01", "", dataset.EndTypeUnknown, "2010-06-01", map[string]string{"quirk": "end-before-start", "region": "Africa"}},
		{"ethprio-1010", "2000-11-27", "2001-05-23", dataset.EndTypeBreakdown, "", map[string]string{"ended": "2", "actors": "Government of India; Hizbul Mujahideen"}},
		{"ethprio-1011", "1993-03-20", "", dataset.EndTypeUnknown, "1993-05-24", map[string]string{"end_date": "1993-05-24", "country": "Turkey", "mediator": "", "region": "Middle East"}},
	} {
		d, ok := byID[w.id]
		if !ok {
			t.Errorf("%s missing", w.id)
			continue
		}
		checkDeal(t, d, w)
		if got := d.EthPrioIDs; len(got) != 1 || "ethprio-"+got[0] != w.id {
			t.Errorf("%s: EthPrioIDs %v", w.id, got)
		}
	}
	if d := byID["ethprio-1002"]; d.Line != 3 {
		t.Errorf("ethprio-1002 line %d, want 3 (its first actor-row)", d.Line)
	}
	for _, part := range []string{
		"unconfirmed meanings",
		"ceasefires whose actor-rows disagree on dates or ended: 1;",
		"ceasefires with an end before their start: 1;",
		"ceasefires coded ended (1, 2 or 4) with no end year: 1;",
		"ceasefires with a day their month does not have (e.g. 1994-02-31): 1;",
	} {
		if !slices.ContainsFunc(data.Warnings, func(w string) bool { return strings.Contains(w, part) }) {
			t.Errorf("no warning containing %q in %q", part, data.Warnings)
		}
	}
}

// TestEthPrioDurations checks the censoring the coding produces, through
// the ordinary Deal.Duration, with a caller's as-of date well after the
// data end: a not-ended ceasefire is censored at the end of coverage.
func TestEthPrioDurations(t *testing.T) {
	data, err := ReadEthPrioFile("testdata/ethprio_quirks.csv")
	if err != nil {
		t.Fatal(err)
	}
	byID := dealsByID(data.Deals)
	for _, c := range []struct {
		id    string
		days  int
		event bool
	}{
		{"ethprio-1005", 8768, false}, // 1996-12-29 to 2020-12-31
		{"ethprio-1010", 177, true},   // 2000-11-27 to 2001-05-23
		{"ethprio-1001", 0, false},    // no end information: day 0
		{"ethprio-1003", 5, false},    // superseded: censored
		{"ethprio-1011", 65, false},   // code -1: censored at its end date
	} {
		d := byID[c.id]
		dur, ok := d.Duration(dataset.AsOf())
		if !ok || dur.Days != c.days || dur.Event != c.event {
			t.Errorf("%s: %d days, event %v (ok %v); want %d, %v", c.id, dur.Days, dur.Event, ok, c.days, c.event)
		}
	}
}

// TestEthPrioEndedTable keeps the code table complete and every mapping
// flagged as unconfirmed until the codebook is found.
func TestEthPrioEndedTable(t *testing.T) {
	want := map[int]dataset.EndType{-1: dataset.EndTypeUnknown, 0: dataset.EndTypeUnknown, 1: dataset.EndTypeExpired, 2: dataset.EndTypeBreakdown, 3: dataset.EndTypeUnknown, 4: dataset.EndTypeSuperseded}
	if len(EthPrioEnded()) != len(want) {
		t.Fatalf("%d codes, want %d", len(EthPrioEnded()), len(want))
	}
	for _, e := range EthPrioEnded() {
		if want[e.Code] != e.EndType || e.Confirmed || e.Meaning == "" || e.Evidence == "" {
			t.Errorf("code %d: %+v", e.Code, e)
		}
	}
}
