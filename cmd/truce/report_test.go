package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommandWritesSafely(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "mine.txt")
	os.WriteFile(keep, []byte("not the report's"), 0o644)
	if _, _, err := runCmd(t, "report", "-o", dir); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if b, _ := os.ReadFile(keep); string(b) != "not the report's" {
		t.Error("the report touched a file it did not write")
	}
	if info, err := os.Stat(filepath.Join(dir, "briefing.html")); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("briefing.html: %v %v", info, err)
	}
	// An output path under a regular file cannot be created: a clear error
	// and nothing written.
	_, _, err := runCmd(t, "report", "-o", filepath.Join(keep, "sub"))
	if err == nil || !strings.Contains(err.Error(), "cannot create output folder") {
		t.Errorf("error = %v", err)
	}
}

// TestReportMinimalCSV: report works for every CSV the README says is
// enough (id, start, end, end_type), all-open data, one deal and an early
// as-of date (issue 14, item 3).
func TestReportMinimalCSV(t *testing.T) {
	for _, args := range [][]string{
		{"--data", "testdata/minimal.csv"},
		{"--data", "testdata/allopen.csv"},
		{"--where", "id=shakai-2004"},
		{"--asof", "2004-05-01"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			if _, _, err := runCmd(t, append([]string{"report", "-o", dir}, args...)...); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, "briefing.html")); err != nil {
				t.Error(err)
			}
		})
	}
}
