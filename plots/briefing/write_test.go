package briefing

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// state is what a folder holds: each entry's kind and content (a file's
// bytes, a link's target, "dir" for a folder), hidden entries included.
func state(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[e.Name()] = "link:" + target
		case e.IsDir():
			out[e.Name()] = "dir"
		default:
			b, _ := os.ReadFile(p)
			out[e.Name()] = "file:" + string(b)
		}
	}
	return out
}

// setUp fills dir with an earlier briefing's files, a file of the user's,
// a dangling link named briefing.html and a link briefing.md to a file
// outside the folder.
func setUp(t *testing.T, dir string) (outside string) {
	t.Helper()
	outside = filepath.Join(t.TempDir(), "notes.md")
	must(t, os.WriteFile(outside, []byte("my notes"), 0o644))
	must(t, os.MkdirAll(dir, 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "chart-durations.png"), []byte("old png"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "table-summary.md"), []byte("old summary"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "mine.txt"), []byte("the user's"), 0o644))
	must(t, os.Symlink("nowhere/briefing.html", filepath.Join(dir, "briefing.html")))
	must(t, os.Symlink(outside, filepath.Join(dir, "briefing.md")))
	return outside
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var newFiles = map[string][]byte{
	"briefing.html": []byte("new html"), "briefing.md": []byte("new md"), "chart-durations.png": []byte("new png"),
	"table-summary.md": []byte("new summary"), "table-triggers.md": []byte("new triggers"), "table-triggers.csv": []byte("new csv"),
}

// TestWriteAllOrNothing: a failed write leaves every file and link as it
// was, dangling links included, and removes what it created, folders
// included; a successful one replaces links at the briefing's names and
// never writes through them (issue 14, item 7).
func TestWriteAllOrNothing(t *testing.T) {
	t.Run("a folder in the way", func(t *testing.T) {
		dir := t.TempDir()
		setUp(t, dir)
		must(t, os.Mkdir(filepath.Join(dir, "table-triggers.md"), 0o755))
		before := state(t, dir)
		err := writeFiles(dir, newFiles)
		if err == nil || !strings.Contains(err.Error(), "table-triggers.md: a folder of that name is in the way") || strings.Contains(err.Error(), ".tmp") || strings.Contains(err.Error(), stagingPrefix) {
			t.Errorf("err = %v", err)
		}
		if after := state(t, dir); !mapsEqual(before, after) {
			t.Errorf("folder changed:\nbefore %v\nafter  %v", before, after)
		}
	})
	for _, failAt := range []int{1, 3, len(newFiles)} {
		t.Run("rename fails", func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "new", "sub") // created by the run
			root := filepath.Dir(filepath.Dir(dir))
			made := filepath.Join(t.TempDir(), "out")
			for _, d := range []string{dir, made} {
				n := 0
				renameFile = func(from, to string) error {
					if n++; n == failAt {
						return errors.New("disk on fire")
					}
					return os.Rename(from, to)
				}
				t.Cleanup(func() { renameFile = os.Rename })
				var before map[string]string
				if d == made {
					outside := setUp(t, d)
					before = state(t, d)
					defer func() {
						if b, _ := os.ReadFile(outside); string(b) != "my notes" {
							t.Errorf("wrote through the link: %q", b)
						}
					}()
				}
				err := writeFiles(d, newFiles)
				if err == nil || !strings.Contains(err.Error(), "disk on fire") {
					t.Fatalf("err = %v", err)
				}
				if d == dir {
					if entries, _ := os.ReadDir(root); len(entries) != 0 {
						t.Errorf("folders created by the failed run left: %v", entries)
					}
					continue
				}
				if after := state(t, d); !mapsEqual(before, after) {
					t.Errorf("fail at rename %d: folder changed:\nbefore %v\nafter  %v", failAt, before, after)
				}
			}
		})
	}
	t.Run("success replaces links", func(t *testing.T) {
		dir := t.TempDir()
		outside := setUp(t, dir)
		must(t, writeFiles(dir, newFiles))
		got := state(t, dir)
		want := map[string]string{"mine.txt": "file:the user's"}
		for n, b := range newFiles {
			want[n] = "file:" + string(b)
		}
		if !mapsEqual(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
		if b, _ := os.ReadFile(outside); string(b) != "my notes" {
			t.Errorf("wrote through the link: %q", b)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		dir := t.TempDir()
		setUp(t, dir)
		before := state(t, dir)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := writeFilesContext(ctx, dir, newFiles); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v", err)
		}
		if after := state(t, dir); !mapsEqual(before, after) {
			t.Errorf("folder changed:\nbefore %v\nafter  %v", before, after)
		}
	})
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestWriteLocked: a second run into a folder in use fails at once with a
// clear message and changes nothing (issue 14, item 9).
func TestWriteLocked(t *testing.T) {
	dir := t.TempDir()
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = writeFiles(dir, newFiles)
	if err == nil || !strings.Contains(err.Error(), "another truce report is writing there") {
		t.Errorf("second run: err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("second run wrote %v", entries)
	}
	d.Close()
	if err := writeFiles(dir, newFiles); err != nil {
		t.Errorf("after the first run: %v", err)
	}
}

// TestWriteRemovesStale: what killed runs left is removed, and a run
// killed while it replaced files is rolled back before the new run
// (issue 14, item 8).
func TestWriteRemovesStale(t *testing.T) {
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, ".briefing.md.tmp-123"), []byte("half"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, ".notes.tmp-1"), []byte("not ours"), 0o644))
	// A run killed mid-commit: it had created x.txt and replaced y.txt,
	// whose old content it kept in .old.
	staging := filepath.Join(dir, stagingPrefix+"42")
	must(t, os.MkdirAll(filepath.Join(staging, backupDir), 0o755))
	must(t, os.WriteFile(filepath.Join(staging, journalFile), []byte("x.txt"), 0o600))
	must(t, os.WriteFile(filepath.Join(staging, backupDir, "y.txt"), []byte("old y"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "x.txt"), []byte("new x"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "y.txt"), []byte("new y"), 0o644))
	// A run killed before it replaced anything.
	must(t, os.MkdirAll(filepath.Join(dir, stagingPrefix+"7"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, stagingPrefix+"7", "briefing.md"), []byte("half"), 0o644))

	must(t, writeFiles(dir, map[string][]byte{"briefing.md": []byte("md")}))
	got := state(t, dir)
	want := map[string]string{"briefing.md": "file:md", "y.txt": "file:old y", ".notes.tmp-1": "file:not ours"}
	if !mapsEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestWriteFile: the single-file writer names the real problem, never a
// temporary name, keeps a link and writes the file it points to (issue
// 14, item 15).
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, "isdir.png"), 0o755))
	must(t, os.Symlink("target.png", filepath.Join(dir, "link.png")))
	must(t, os.Symlink("nowhere/x.png", filepath.Join(dir, "dangling.png")))
	tests := []struct {
		path, err string
	}{
		{filepath.Join(dir, "isdir.png"), "a folder of that name is in the way"},
		{filepath.Join(dir, "missing", "a.png"), "the folder " + filepath.Join(dir, "missing") + " does not exist"},
		{filepath.Join(dir, "dangling.png"), "in a folder that does not exist"},
		{filepath.Join(dir, "link.png"), ""},
		{filepath.Join(dir, "a.png"), ""},
	}
	for _, tt := range tests {
		err := WriteFile(tt.path, []byte("png"))
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), ".tmp-")) {
			t.Errorf("%s: err = %v, want %q", tt.path, err, tt.err)
		}
	}
	got := state(t, dir)
	want := map[string]string{"isdir.png": "dir", "link.png": "link:target.png", "dangling.png": "link:nowhere/x.png", "target.png": "file:png", "a.png": "file:png"}
	if !mapsEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
