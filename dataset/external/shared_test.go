package external

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// sharedData returns the path of a file in ../shared/data (the team's
// read-only copies, never committed), or skips the test.
func sharedData(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not found: the external copies in ../shared/data are not committed (licence); this test runs only where they are", path)
	}
	return path
}

func TestEthPrioShared(t *testing.T) {
	data, err := ReadEthPrioFile(sharedData(t, "eth-prio-civil-conflict-ceasefires-1989-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	const wantAll, wantPakistan, wantAsia = 2203, 65, 695
	count := map[string]int{}
	for _, d := range data.Deals {
		count[d.Attrs.Value("country")]++
		count["region:"+d.Region]++
	}
	if len(data.Deals) != wantAll || count["Pakistan"] != wantPakistan || count["region:Asia"] != wantAsia {
		t.Errorf("ceasefires %d, Pakistan %d, Asia %d; want %d, %d, %d", len(data.Deals), count["Pakistan"], count["region:Asia"], wantAll, wantPakistan, wantAsia)
	}
	for _, w := range data.Warnings {
		t.Log(w)
	}
}

func TestUCDPPADShared(t *testing.T) {
	data, err := ReadUCDPPADFile(sharedData(t, "ucdp-peace-agreements-v22.1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	const wantAll, wantIntra, wantBreakdowns = 374, 342, 128
	intra, breakdowns := 0, 0
	for _, d := range data.Deals {
		if d.Attrs.Value("conflict_type") == "intrastate" {
			intra++
		}
		if d.EndType == dataset.EndTypeBreakdown {
			breakdowns++
		}
	}
	if len(data.Deals) != wantAll || intra != wantIntra || breakdowns != wantBreakdowns {
		t.Errorf("agreements %d, intrastate %d, breakdowns %d; want %d, %d, %d", len(data.Deals), intra, breakdowns, wantAll, wantIntra, wantBreakdowns)
	}
	for _, w := range data.Warnings {
		t.Log(w)
	}
}

// TestCrosswalkShared joins truce's embedded deals with the shared ETH/PRIO
// and PA-X copies: every id in CODEBOOK.md §7.1 must be found, and the
// dates the codebook says agree must agree.
func TestCrosswalkShared(t *testing.T) {
	eth, err := ReadEthPrioFile(sharedData(t, "eth-prio-civil-conflict-ceasefires-1989-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var pax []PaxAgreement
	for _, f := range []string{"pax-pakistan-rows-full-coding-v1to4.csv", "pax-pakistan-rows-metadata-v1to10.csv"} {
		p, err := ReadPAXFile(sharedData(t, f))
		if err != nil {
			t.Fatal(err)
		}
		pax = append(pax, p...)
	}
	truce, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	rows := Crosswalk(truce.Deals, eth.Deals, pax)
	const wantETH, wantPAX = 45, 7 // CODEBOOK.md §7.1
	n := map[string]int{}
	for _, r := range rows {
		if !r.Found {
			t.Errorf("%s: %s %s not in the shared file", r.Deal, r.Dataset, r.ExtID)
		}
		n[r.Dataset]++
	}
	if n["ETH/PRIO"] != wantETH || n["PA-X"] != wantPAX {
		t.Errorf("%v rows, want %d ETH/PRIO and %d PA-X", n, wantETH, wantPAX)
	}
	// CODEBOOK.md §7.1 and the deals' notes: miranshah-2006 and 770009 agree
	// on start and end; D-27: Sararogha ends 2005-07 in ETH/PRIO.
	for _, r := range rows {
		switch {
		case r.ExtID == "770009" && (r.StartDiff.Days != 0 || r.EndDiff.Days != 0):
			t.Errorf("770009: %+v", r)
		case r.ExtID == "770052" && r.ExtEnd.String() != "2005-07":
			t.Errorf("770052: end %s, want 2005-07", r.ExtEnd)
		}
	}
}
