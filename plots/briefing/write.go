package briefing

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// WriteDir writes every file of the briefing into dir, creating it if
// needed; files there that the briefing does not write are left alone.
// It is WriteDirContext without a way to stop it.
func (b *Briefing) WriteDir(dir string) error {
	return b.WriteDirContext(context.Background(), dir)
}

// WriteDirContext is OpenDir, Write and Close: it writes every file of
// the briefing into dir, all or nothing (see OutputDir).
func (b *Briefing) WriteDirContext(ctx context.Context, dir string) error {
	return writeFilesContext(ctx, dir, b.Files)
}

// An OutputDir is a briefing's output folder, locked for one run, which
// writes all or nothing:
//
//   - OpenDir creates the folder if needed and locks it (flock on the
//     folder itself, released when the process ends, however it ends); a
//     second run into the same folder fails at once with an error saying
//     so. It then removes what interrupted earlier runs left (folders
//     named .truce-report-*, and .NAME.tmp-* files of briefing files); if
//     such a run was killed while it replaced files, the files it had
//     replaced are put back first.
//   - Write writes the files in full into a fresh folder .truce-report-*
//     inside dir, then moves them into place one by one, each move atomic.
//     On any error, or when ctx is cancelled (the command cancels it on
//     SIGINT and SIGTERM), every file and symbolic link that was there
//     before is put back exactly as it was, and whatever the run created
//     is removed.
//   - Close releases the lock and, unless a Write succeeded, removes the
//     folders OpenDir created.
//
// A symbolic link at the name of a briefing file (briefing.md, say) is
// replaced by the new regular file when the run succeeds: the briefing's
// files are written into dir, never through a link to somewhere else. The
// link is left as it was when the run fails. A folder at such a name is an
// error before anything is written.
type OutputDir struct {
	dir     string
	made    []string // folders OpenDir created, deepest first
	unlock  func()
	written bool
}

// OpenDir creates and locks dir and cleans up after earlier runs (see
// OutputDir). The command calls it before building the briefing, so that
// a second run fails before any work.
func OpenDir(dir string) (*OutputDir, error) {
	made, err := makeDir(dir)
	if err != nil {
		return nil, err
	}
	d := &OutputDir{dir: dir, made: made, unlock: func() {}}
	if d.unlock, err = lockDir(dir); err != nil {
		d.unlock = func() {}
		d.Close()
		return nil, err
	}
	if err := removeStale(dir); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// Close releases the lock and removes the folders OpenDir created unless
// a Write succeeded.
func (d *OutputDir) Close() {
	d.unlock()
	if !d.written {
		for _, m := range d.made { // deepest first; only if empty
			os.Remove(m)
		}
	}
}

// Write writes the briefing's files into the folder, all or nothing.
func (d *OutputDir) Write(ctx context.Context, b *Briefing) error {
	return d.write(ctx, b.Files)
}

func writeFiles(dir string, files map[string][]byte) error {
	return writeFilesContext(context.Background(), dir, files)
}

func writeFilesContext(ctx context.Context, dir string, files map[string][]byte) error {
	d, err := OpenDir(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.write(ctx, files)
}

func (d *OutputDir) write(ctx context.Context, files map[string][]byte) error {
	dir := d.dir
	names := make([]string, 0, len(files))
	for n := range files {
		if n == "" || filepath.Base(n) != n || strings.HasPrefix(n, ".") {
			return fmt.Errorf("briefing: bad file name %q", n)
		}
		names = append(names, n)
	}
	slices.Sort(names)
	existed := map[string]fs.FileInfo{}
	for _, n := range names {
		final := filepath.Join(dir, n)
		info, err := os.Lstat(final)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return fmt.Errorf("cannot write %s: %w", final, unwrapPath(err))
		case info.IsDir():
			return fmt.Errorf("cannot write %s: a folder of that name is in the way", final)
		case !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0:
			return fmt.Errorf("cannot write %s: something that is not a file is in the way (%s)", final, info.Mode().Type())
		}
		existed[n] = info
	}
	staging, err := os.MkdirTemp(dir, stagingPrefix)
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	defer os.RemoveAll(staging) // never follows links: the backups of links go with it
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(staging, n), files[n], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, n), unwrapPath(err))
		}
	}
	if err := commit(ctx, dir, staging, names, existed); err != nil {
		return err
	}
	d.written = true
	return nil
}

// stagingPrefix starts the name of a run's temporary folder inside dir.
const stagingPrefix = ".truce-report-"

// In a staging folder: the previous files and links a run replaces
// (backupDir) and the journal of a run that is replacing files (the names
// it creates, one a line). A staging folder with a journal belongs to a
// run interrupted in the middle of replacing files: the next run rolls it
// back (recoverStaging).
const (
	backupDir   = ".old"
	journalFile = ".journal"
)

// commit moves the staged files into dir. It first keeps a copy of every
// file and link it will replace (a hard link to the file, a new link with
// the same target for a link) and writes the journal, then renames; on an
// error or cancellation it puts everything back.
func commit(ctx context.Context, dir, staging string, names []string, existed map[string]fs.FileInfo) (err error) {
	old := filepath.Join(staging, backupDir)
	if err := os.Mkdir(old, 0o700); err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	var created []string
	for _, n := range names {
		info, ok := existed[n]
		if !ok {
			created = append(created, n)
			continue
		}
		if err := keep(filepath.Join(dir, n), filepath.Join(old, n), info); err != nil {
			return fmt.Errorf("cannot keep a copy of %s while it is replaced: %w", filepath.Join(dir, n), unwrapPath(err))
		}
	}
	journal := filepath.Join(staging, journalFile)
	if err := os.WriteFile(journal, []byte(strings.Join(created, "\n")), 0o600); err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	var moved []string
	defer func() {
		if err != nil {
			rollback(dir, old, moved, existed)
		}
	}()
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		final := filepath.Join(dir, n)
		if err := renameFile(filepath.Join(staging, n), final); err != nil {
			return fmt.Errorf("cannot write %s: %w", final, unwrapPath(err))
		}
		moved = append(moved, n)
	}
	// The commit point: without its journal a staging folder is only
	// rubbish to remove.
	if err := os.Remove(journal); err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	return nil
}

// renameFile is os.Rename; tests replace it to make a rename fail.
var renameFile = os.Rename

// keep makes a copy of the file or link at path in backup: a hard link to
// a file (no bytes copied), a link with the same target for a link.
func keep(path, backup string, info fs.FileInfo) error {
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(path)
		if err != nil {
			return err
		}
		return os.Symlink(target, backup)
	}
	return os.Link(path, backup)
}

// rollback puts back what a failed commit replaced: each moved name that
// existed before gets its kept copy back (an atomic rename), each that did
// not is removed.
func rollback(dir, old string, moved []string, existed map[string]fs.FileInfo) {
	for _, n := range moved {
		if _, ok := existed[n]; ok {
			os.Rename(filepath.Join(old, n), filepath.Join(dir, n))
		} else {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// makeDir creates dir and its missing parents and returns the folders it
// created, deepest first.
func makeDir(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err == nil {
			if !info.IsDir() {
				return nil, fmt.Errorf("cannot create output folder %s: %s is not a folder", dir, d)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot create output folder %s: %w", dir, unwrapPath(err))
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		for _, d := range missing {
			os.Remove(d)
		}
		return nil, fmt.Errorf("cannot create output folder %s: %w", dir, unwrapPath(err))
	}
	return missing, nil
}

// removeStale removes what interrupted runs left in dir: their staging
// folders, rolled back first when they hold a journal, and the temporary
// files .NAME.tmp-* of briefing files (NAME briefing.*, chart-*, table-*)
// that earlier versions wrote. The caller holds the lock, so no live run
// owns them.
func removeStale(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", dir, unwrapPath(err))
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if strings.HasPrefix(name, stagingPrefix) && e.IsDir() {
			recoverStaging(dir, path)
			if err := os.RemoveAll(path); err != nil {
				return fmt.Errorf("cannot remove %s, left by an interrupted run: %w", path, unwrapPath(err))
			}
			continue
		}
		if base, _, ok := strings.Cut(strings.TrimPrefix(name, "."), ".tmp-"); ok && strings.HasPrefix(name, ".") && e.Type().IsRegular() && briefingName(base) {
			os.Remove(path)
		}
	}
	return nil
}

// briefingName reports whether name is one a briefing writes.
func briefingName(name string) bool {
	return strings.HasPrefix(name, "briefing.") || strings.HasPrefix(name, "chart-") || strings.HasPrefix(name, "table-")
}

// recoverStaging rolls back the commit of a run that was killed while it
// replaced files (its staging folder still has a journal): the files it
// created are removed and the files and links it replaced are put back.
func recoverStaging(dir, staging string) {
	j, err := os.Open(filepath.Join(staging, journalFile))
	if err != nil {
		return // not yet replacing files, or done: nothing in dir to undo
	}
	sc := bufio.NewScanner(j)
	for sc.Scan() {
		if n := sc.Text(); n != "" && filepath.Base(n) == n {
			os.Remove(filepath.Join(dir, n))
		}
	}
	j.Close()
	old := filepath.Join(staging, backupDir)
	kept, _ := os.ReadDir(old)
	for _, e := range kept {
		os.Rename(filepath.Join(old, e.Name()), filepath.Join(dir, e.Name()))
	}
}

// unwrapPath drops the path from an *fs.PathError or *os.LinkError, which
// may name a temporary file; the callers name the file the user knows.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteFile writes data to path atomically, for a single output such as
// "truce chart -o FILE": in full to a temporary file beside it, made
// readable (0644), then renamed over it; on any error nothing is left
// beside it and an existing file keeps its content. When path is a
// symbolic link the file it points to is written (created if missing) and
// the link kept: the user named this path for the output; a link into a
// folder that does not exist, or to another dangling link, is an error.
// Errors name path, never the temporary file: a missing folder and a
// folder in the way say so.
func WriteFile(path string, data []byte) (err error) {
	target, err := linkTarget(path)
	if err != nil {
		return err
	}
	if info, err := os.Stat(target); err == nil && info.IsDir() {
		return fmt.Errorf("cannot write %s: a folder of that name is in the way", path)
	}
	dir := filepath.Dir(target)
	if info, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	} else if !info.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Chmod(0o644), tmp.Close()); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// linkTarget is path, or the file it links to when path is a symbolic
// link (which need not exist yet, but its folder must).
func linkTarget(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		return resolved, nil
	}
	dest, err := os.Readlink(path)
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(filepath.Dir(path), dest)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(dest))
	if err != nil {
		return "", fmt.Errorf("cannot write %s: it is a symbolic link to %s, in a folder that does not exist", path, dest)
	}
	target := filepath.Join(dir, filepath.Base(dest))
	if info, err := os.Lstat(target); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return "", fmt.Errorf("cannot write %s: it is a symbolic link to %s, a link to nothing", path, dest)
	}
	return target, nil
}
