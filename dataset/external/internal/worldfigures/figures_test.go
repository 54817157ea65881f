package main

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestFiguresMatchR recomputes the world figures from the shared copies
// and compares them with testdata/world_figures_r.csv, written by
// testdata/world_figures.R with R's survival package (survival 3.5.3):
// counts and medians exactly, shares to 1e-6, log-rank χ² to 1e-6 and
// p-values to a relative 1e-4.
func TestFiguresMatchR(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(shared, ethFile)); err != nil {
		t.Skipf("%s not found: the external copies in ../shared/data are not committed (licence); this test runs only where they are", shared)
	}
	var out bytes.Buffer
	if err := run(&out, shared, true, "", false); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "world_figures_r.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, R has %d", len(got), len(want))
	}
	for i := range want {
		for j, name := range want[0] {
			g, w := got[i][j], want[i][j]
			if i == 0 || g == w {
				continue
			}
			gv, err1 := strconv.ParseFloat(g, 64)
			wv, err2 := strconv.ParseFloat(w, 64)
			tol := 1e-6
			if name == "logrank_p" {
				tol = 1e-4 * math.Abs(wv)
			}
			if err1 != nil || err2 != nil || math.Abs(gv-wv) > tol {
				t.Errorf("%s, %s: %s = %s, R gives %s", got[i][0], got[i][1], name, g, w)
			}
		}
	}
}
