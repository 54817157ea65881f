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
		count[d.Attrs["country"]]++
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
		if d.Attrs["conflict_type"] == "intrastate" {
			intra++
		}
		if d.EndType == dataset.Breakdown {
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
