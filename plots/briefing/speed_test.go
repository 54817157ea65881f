package briefing

import (
	"bytes"
	"testing"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/synth"
)

// peerSample is the 17-deal CSV the R and Python peers of issue 12 read
// (../shared/bench/sample-deals.csv beside the repository).
const peerSample = "../../../shared/bench/sample-deals.csv"

// BenchmarkReportPeerSample builds the briefing of the peers' input, as of
// their date: the work `Rscript peer.R` and `python3 peer.py` do (target:
// a tenth of their time). It skips when ../shared/bench is absent.
func BenchmarkReportPeerSample(b *testing.B) {
	deals, err := dataset.ReadFile(peerSample)
	if err != nil {
		b.Skipf("peers' sample not found (%v): run beside ../shared/bench", err)
	}
	data := &dataset.Data{Deals: deals}
	opts := Options{AsOf: dataset.MustDate("2026-11-22")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(data, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportGen1000 builds the briefing of synth.Deals's 1,000 deals
// (`go run ./cmd/genbig -deals 1000`; target: at most 5 times
// BenchmarkReport, the embedded dataset).
func BenchmarkReportGen1000(b *testing.B) {
	var csv bytes.Buffer
	if err := synth.Deals(&csv, 1000, 42); err != nil {
		b.Fatal(err)
	}
	deals, err := dataset.Read(&csv)
	if err != nil {
		b.Fatal(err)
	}
	data := &dataset.Data{Deals: deals}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
