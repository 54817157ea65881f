package analysis

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// readRCSV reads testdata/r/<file>, written by the R scripts beside it,
// into records keyed by the header's names.
func readRCSV(t *testing.T, file string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "r", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", file)
	}
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for j, name := range recs[0] {
			m[name] = rec[j]
		}
		out = append(out, m)
	}
	return out
}

// rNumber parses a number as R printed it: NA and NaN become NaN, and Inf
// is accepted.
func rNumber(t *testing.T, s string) float64 {
	t.Helper()
	if s == "NA" || s == "NaN" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad number %q: %v", s, err)
	}
	return v
}
