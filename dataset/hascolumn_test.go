package dataset

import "testing"

// TestHasColumn checks the columns a command's --by, --strata and
// --covariates may name.
func TestHasColumn(t *testing.T) {
	deals := []Deal{{ID: "a", Attrs: MakeAttrs(map[string]string{"region": "north"})}, {ID: "b"}}
	for _, tc := range []struct {
		col  string
		want bool
	}{
		{"kind", true},          // deals.csv
		{"decade", true},        // derived
		{"n_concessions", true}, // derived
		{"region", true},        // an attribute of one deal
		{"has:" + Concessions()[0], true},
		{"commits:" + Commitments()[0], true},
		{"has:nosuch", false},
		{"nosuch", false},
		{"", false},
	} {
		if got := HasColumn(deals, tc.col); got != tc.want {
			t.Errorf("HasColumn(%q) = %v, want %v", tc.col, got, tc.want)
		}
	}
}

// TestParseDay checks that an as-of date must be a whole day.
func TestParseDay(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{{"2026-12-01", true}, {"2026-12", false}, {"2026", false}, {"", false}, {"2026-02-30", false}} {
		d, err := ParseDay(tc.in)
		if (err == nil) != tc.ok || (tc.ok && d.String() != tc.in) {
			t.Errorf("ParseDay(%q) = %v, %v; want ok %v", tc.in, d, err, tc.ok)
		}
	}
}
