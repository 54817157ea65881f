package external

import "testing"

func TestLoad(t *testing.T) {
	tests := []struct {
		path, format string
		wantDeals    int
		wantSource   string
		wantErr      bool
	}{
		{"testdata/ethprio_quirks.csv", "ethprio", 11, "ethprio", false}, // 13 actor-rows, 11 ceasefires
		{"testdata/ucdp_pad_quirks.csv", "ucdp-pad", 5, "ucdp-pad", false},
		{"testdata/ucdp_pad_quirks.csv", "ucdp", 0, "", true},
		{"testdata/ucdp_pad_quirks.csv", "ethprio", 0, "", true}, // wrong columns
		{"testdata/missing.csv", "ethprio", 0, "", true},
	}
	for _, tt := range tests {
		got, err := Load(tt.path, tt.format)
		if (err != nil) != tt.wantErr {
			t.Errorf("Load(%s, %s): error %v, want error %v", tt.path, tt.format, err, tt.wantErr)
			continue
		}
		if err == nil && (len(got.Deals) != tt.wantDeals || got.Source != tt.wantSource || len(got.Warnings) == 0) {
			t.Errorf("Load(%s, %s): %d deals from %q with %d warnings, want %d from %q with warnings",
				tt.path, tt.format, len(got.Deals), got.Source, len(got.Warnings), tt.wantDeals, tt.wantSource)
		}
	}
}
