package main

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// shared returns ../shared/data (the team's read-only copies of the public
// files, never committed), or skips the test.
func shared(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(dir, ethFile)); err != nil {
		t.Skipf("%s not found: the external copies in ../shared/data are not committed (licence); this test runs only where they are", dir)
	}
	return dir
}

func generate(t *testing.T, m mode) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(&out, shared(t), m, ""); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestFiguresMatchR recomputes the world figures from the shared copies
// and compares them with testdata/world_figures_r.csv, written by
// testdata/world_figures.R with R's survival package (survival 3.5.3, R
// 4.2.2): counts and medians exactly, shares, limits and log-rank χ² to
// 1e-6, p-values (raw and Holm-adjusted) to a relative 1e-4.
func TestFiguresMatchR(t *testing.T) {
	got, err := csv.NewReader(strings.NewReader(generate(t, csvMode))).ReadAll()
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
	if len(got) != len(want) || len(got[0]) != len(want[0]) {
		t.Fatalf("%d rows × %d columns, R has %d × %d", len(got), len(got[0]), len(want), len(want[0]))
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
			if strings.HasPrefix(name, "logrank_p") {
				tol = 1e-4 * math.Abs(wv)
			}
			if err1 != nil || err2 != nil || math.Abs(gv-wv) > tol {
				t.Errorf("%s, %s: %s = %s, R gives %s", got[i][0], got[i][1], name, g, w)
			}
		}
	}
}

// TestStoredFiguresCurrent checks that dataset/external/stored_figures.go,
// which the default briefing cites, is what the generator writes from the
// shared copies.
func TestStoredFiguresCurrent(t *testing.T) {
	got := generate(t, storedMode)
	want, err := os.ReadFile(filepath.Join("..", "..", "stored_figures.go"))
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("dataset/external/stored_figures.go is stale: regenerate it with\n\tgo run ./dataset/external/internal/worldfigures -shared ../shared/data -stored > dataset/external/stored_figures.go\ngenerator output:\n%s", got)
	}
}

// TestCrosswalkSectionCurrent checks that the crosswalk section of
// dataset/CODEBOOK.md (§7.4, between its markers) is what the generator
// writes, and that every pair has an explanation (the generator fails
// otherwise).
func TestCrosswalkSectionCurrent(t *testing.T) {
	got := generate(t, crosswalkMode)
	book, err := os.ReadFile(filepath.Join("..", "..", "..", "CODEBOOK.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(book)
	i, j := strings.Index(s, codebookStart), strings.Index(s, codebookEnd)
	if i < 0 || j < i {
		t.Fatalf("CODEBOOK.md has no crosswalk section between %q and %q", codebookStart, codebookEnd)
	}
	if section := s[i : j+len(codebookEnd)+1]; section != got {
		t.Errorf("CODEBOOK.md §7.4 differs from the generator: replace it with the output of\n\tgo run ./dataset/external/internal/worldfigures -shared ../shared/data -crosswalk")
	}
}

// TestWhyNotesComplete checks the committed explanations on their own:
// every row has a deal, an id and a sentence (runs everywhere).
func TestWhyNotesComplete(t *testing.T) {
	why, err := whyNotes()
	if err != nil {
		t.Fatal(err)
	}
	const wantPairs = 52 // 45 ETH/PRIO + 7 PA-X (CODEBOOK.md §7.1)
	if len(why) != wantPairs {
		t.Errorf("%d explanations, want %d", len(why), wantPairs)
	}
}
