package dataset

import "testing"

// TestNilData: the look-ups of a nil *Data find nothing instead of
// panicking (issue 14, item 6).
func TestNilData(t *testing.T) {
	var d *Data
	if deal, ok := d.Deal("shakai-2004"); ok || deal != nil {
		t.Error("(*Data)(nil).Deal found a deal")
	}
	if s, ok := d.Source("x"); ok || s != nil {
		t.Error("(*Data)(nil).Source found a source")
	}
	if c := d.CitationsOf("shakai-2004"); c != nil {
		t.Error("(*Data)(nil).CitationsOf found citations")
	}
}
