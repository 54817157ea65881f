package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/truce-lab/truce/dataset/synth"
)

// genBigCSV writes synth.Big's n deals (the shape of the R comparison's
// big.csv) to a file once per benchmark and returns its path.
func genBigCSV(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Big(f, n, 42); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkAnalysis100k runs the three commands of the comparison with
// ../shared/bench/big.R in-process at 100,000 deals, CSV load included.
// Target (issue 12): the three together at most a third of R's time.
func BenchmarkAnalysis100k(b *testing.B) {
	path := genBigCSV(b, 100_000)
	for _, args := range [][]string{
		{"survival", "--data", path, "--by", "grp"},
		{"compare", "--data", path, "--by", "grp"},
		{"cox", "--data", path, "--covariates", "x,b"},
	} {
		b.Run(args[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := run(args, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
