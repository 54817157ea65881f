package briefing

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// WriteDir writes every file of the briefing into dir, creating it if
// needed; files there that the briefing does not write are left alone.
func (b *Briefing) WriteDir(dir string) error { return writeFiles(dir, b.Files) }

// writeFiles writes every file into dir safely: each is first written in
// full to a temporary name in dir, then all are renamed into place. On any
// error the temporary files and the files this call created are removed;
// files that were there before are never deleted (an existing file that
// was already replaced keeps its new content).
func writeFiles(dir string, files map[string][]byte) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create output folder: %w", err)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	temps := map[string]string{}
	var created []string
	defer func() {
		if err == nil {
			return
		}
		for _, t := range temps {
			os.Remove(t)
		}
		for _, c := range created {
			os.Remove(c)
		}
	}()
	for _, n := range names {
		f, err := os.CreateTemp(dir, "."+n+".tmp-*")
		if err != nil {
			return fmt.Errorf("cannot write in %s: %w", dir, err)
		}
		temps[n] = f.Name()
		_, werr := f.Write(files[n])
		cerr := f.Close()
		if err := errors.Join(werr, cerr, os.Chmod(f.Name(), 0o644)); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, n), err)
		}
	}
	for _, n := range names {
		final := filepath.Join(dir, n)
		_, statErr := os.Stat(final)
		if err := os.Rename(temps[n], final); err != nil {
			return fmt.Errorf("writing %s: %w", final, err)
		}
		delete(temps, n)
		if errors.Is(statErr, os.ErrNotExist) {
			created = append(created, final)
		}
	}
	return nil
}
