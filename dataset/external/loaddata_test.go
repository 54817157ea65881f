package external

import "testing"

// TestCheckFormat checks the data formats --data-format accepts.
func TestCheckFormat(t *testing.T) {
	for in, ok := range map[string]bool{"": true, "truce": true, "ethprio": true, "ucdp-pad": true, "pax": false, "csv": false} {
		if err := CheckFormat(in); (err == nil) != ok {
			t.Errorf("CheckFormat(%q) = %v, want ok %v", in, err, ok)
		}
	}
}

// TestLoadDataEmbedded checks that no path reads the embedded dataset with
// its provenance, and that a missing file is an error.
func TestLoadDataEmbedded(t *testing.T) {
	data, warnings, err := LoadData("", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(data.Deals) == 0 || len(data.Sources) == 0 || warnings != nil {
		t.Fatalf("LoadData(\"\", \"\") = %d deals, %d sources, warnings %v", len(data.Deals), len(data.Sources), warnings)
	}
	for _, format := range []string{"truce", "ethprio"} {
		if _, _, err := LoadData("testdata/no-such-file.csv", format); err == nil {
			t.Errorf("LoadData(missing, %q): no error", format)
		}
	}
}
