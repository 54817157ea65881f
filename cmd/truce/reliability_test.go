package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildTruce builds the command once per test into a temporary folder.
func buildTruce(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary: skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "truce")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigCSV writes n generated deals (ids gen-N) with mediators and
// concessions, so that a report on them takes a few seconds.
func bigCSV(t *testing.T, n int) string {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("id,start,end,end_type,mediator_type,state_concessions\n")
	mediators := []string{"jirga", "religious-party", "none"}
	concessions := []string{"prisoner-release", "troop-withdrawal", "compensation", ""}
	for i := range n {
		y, m, d := 2004+r.IntN(15), 1+r.IntN(12), 1+r.IntN(28)
		fmt.Fprintf(&b, "gen-%d,%d-%02d-%02d,%d-%02d-%02d,breakdown,%s,%s\n", i, y, m, d, y+1+r.IntN(3), m, d, mediators[i%3], concessions[i%4])
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// listing is the folder's entries with their sizes, hidden ones included.
func listing(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, e := range entries {
		info, _ := e.Info()
		out[e.Name()] = info.Size()
	}
	return out
}

// TestReportKilledAndRerun: a report killed (SIGKILL) while it writes
// leaves at most its staging folder, which the next run removes; after
// the rerun the folder holds exactly the complete briefing, nothing
// hidden (issue 14, item 8).
func TestReportKilledAndRerun(t *testing.T) {
	bin := buildTruce(t)
	big := bigCSV(t, 400)
	dir := filepath.Join(t.TempDir(), "out")
	if out, err := exec.Command(bin, "report", "-o", dir).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	complete := listing(t, dir)
	for i, delay := range []time.Duration{-1, 50 * time.Millisecond, 300 * time.Millisecond} {
		cmd := exec.Command(bin, "report", "-o", dir, "--data", big, "--dpi", "300")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if delay < 0 { // kill as soon as the run starts writing: a hidden temporary appears
			for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				if m, _ := filepath.Glob(filepath.Join(dir, ".*")); len(m) > 0 {
					break
				}
			}
		} else {
			time.Sleep(delay)
		}
		cmd.Process.Kill()
		cmd.Wait()
		// Killed: either the old briefing is whole, or a staging folder
		// is there for the next run to roll back and remove.
		after := listing(t, dir)
		for name := range after {
			if _, ok := complete[name]; !ok && !strings.HasPrefix(name, ".truce-report-") {
				t.Errorf("kill %d: unexpected %s", i, name)
			}
		}
		if out, err := exec.Command(bin, "report", "-o", dir).CombinedOutput(); err != nil {
			t.Fatalf("rerun %d: %v\n%s", i, err, out)
		}
		if got := listing(t, dir); !equalListing(got, complete) {
			t.Errorf("after kill %d and rerun: %v\nwant %v", i, keys(got), keys(complete))
		}
	}
}

func equalListing(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

func keys(m map[string]int64) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	slices.Sort(k)
	return k
}

// TestReportConcurrent: a second report into a folder another report is
// writing fails at once with a clear message; the first completes, and the
// folder holds one whole briefing (issue 14, item 9).
func TestReportConcurrent(t *testing.T) {
	bin := buildTruce(t)
	big := bigCSV(t, 3000) // a report of a few seconds: still writing when the second starts
	dir := filepath.Join(t.TempDir(), "out")
	first := exec.Command(bin, "report", "-o", dir, "--data", big)
	var firstOut bytes.Buffer
	first.Stdout, first.Stderr = &firstOut, &firstOut
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the first has read its data and locked the folder
	start := time.Now()
	out, err := exec.Command(bin, "report", "-o", dir).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "another truce report is writing there") {
		t.Errorf("second run: %v\n%s", err, out)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second run took %v to fail", d)
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first run: %v\n%s", err, firstOut.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "briefing.md"))
	if err != nil || !strings.Contains(string(b), "user data: "+big) {
		t.Errorf("briefing.md is not the first run's: %v", err)
	}
}

// TestStdoutFull: `truce validate > /dev/full` fails (issue 14, item 4).
func TestStdoutFull(t *testing.T) {
	bin := buildTruce(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full:", err)
	}
	defer full.Close()
	cmd := exec.Command(bin, "validate")
	cmd.Stdout = full
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).ExitStatus() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("stderr = %q", stderr.String())
	}
}

// TestReportLinksAndFolders: through the command, a failed report (a
// folder named like one of its files in the way) leaves a dangling link
// and a link to a file outside as they were, and a successful one replaces
// the links with its files without writing through them (issue 14,
// items 7 and 15).
func TestReportLinksAndFolders(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "notes.md")
	os.WriteFile(outside, []byte("my notes"), 0o644)
	os.Symlink("nowhere/briefing.html", filepath.Join(dir, "briefing.html"))
	os.Symlink(outside, filepath.Join(dir, "briefing.md"))
	os.Mkdir(filepath.Join(dir, "table-triggers.md"), 0o755)
	_, _, err := runCmd(t, "report", "-o", dir)
	if err == nil || !strings.Contains(err.Error(), "table-triggers.md: a folder of that name is in the way") {
		t.Errorf("err = %v", err)
	}
	for name, target := range map[string]string{"briefing.html": "nowhere/briefing.html", "briefing.md": outside} {
		if got, err := os.Readlink(filepath.Join(dir, name)); err != nil || got != target {
			t.Errorf("after a failed run %s: link to %q (%v), want %q", name, got, err, target)
		}
	}
	if got := listing(t, dir); len(got) != 3 {
		t.Errorf("failed run left %v", keys(got))
	}
	os.Remove(filepath.Join(dir, "table-triggers.md"))
	if _, _, err := runCmd(t, "report", "-o", dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"briefing.html", "briefing.md"} {
		if info, err := os.Lstat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			t.Errorf("after a successful run %s: %v %v, want a regular file", name, info, err)
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != "my notes" {
		t.Errorf("wrote through the link: %q", b)
	}
	// A missing folder for chart -o, and a folder named like the output.
	os.Mkdir(filepath.Join(dir, "isdir.png"), 0o755)
	for path, want := range map[string]string{
		filepath.Join(dir, "isdir.png"):            "a folder of that name is in the way",
		filepath.Join(dir, "nonexistent", "a.png"): "does not exist",
	} {
		_, _, err := runCmd(t, "chart", "durations", "-o", path)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), ".tmp") {
			t.Errorf("chart -o %s: err = %v", path, err)
		}
	}
}

// TestReportByColumnWithSlash: a --by column named with a '/' gives a safe
// table file name (issue 14, item 15).
func TestReportByColumnWithSlash(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := runCmd(t, "report", "-o", dir, "--data", "testdata/slash.csv", "--by", "a/b"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "table-summary-by-a-b.csv")); err != nil {
		t.Error(err)
	}
}

// TestReportSignal: SIGTERM or SIGINT stops a report; the folder is as it
// was (a folder the run created is removed) and the exit status is 1
// (issue 14, item 8).
func TestReportSignal(t *testing.T) {
	bin := buildTruce(t)
	big := bigCSV(t, 3000) // a report of a few seconds: still running when signalled
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		parent := t.TempDir()
		dir := filepath.Join(parent, "new")
		cmd := exec.Command(bin, "report", "-o", dir, "--data", big)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(out.String(), "interrupted") {
			t.Errorf("%v: %v %s", sig, err, out.String())
		}
		if entries, _ := os.ReadDir(parent); len(entries) != 0 {
			t.Errorf("%v: left %v", sig, entries)
		}
	}
}

// TestChartConcessionsLinear: the concessions chart's cost grows about
// linearly with the deals (it was quadratic: 0.5 s at 1,000 deals, 39 s at
// 10,000; issue 14, item 10). Four times the deals must take less than
// six times as long (quadratic would be sixteen).
func TestChartConcessionsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing: skipped with -short")
	}
	dir := t.TempDir()
	elapsed := func(n int) time.Duration {
		data := bigCSV(t, n)
		best := time.Duration(1 << 62)
		for range 2 {
			start := time.Now()
			if _, _, err := runCmd(t, "chart", "concessions", "--data", data, "-o", filepath.Join(dir, "c.png")); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := elapsed(1000), elapsed(4000)
	if large > 6*small {
		t.Errorf("chart concessions: %v at 1,000 deals, %v at 4,000", small, large)
	}
	t.Logf("chart concessions: %v at 1,000 deals, %v at 4,000", small, large)
}
