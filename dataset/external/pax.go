package external

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// PaxAgreement is one agreement of a PA-X export: PA-X records the date an
// agreement was signed or announced, not its end.
type PaxAgreement struct {
	ID   string // AgtId
	Name string // Agt
	Date dataset.Date
	Line int
}

// ReadPAX reads a PA-X export (the columns AgtId, Agt and Dat; any others
// are ignored). Dat is dd/mm/yyyy in the paxplorer export and yyyy-mm-dd in
// the older full-coding export (CODEBOOK.md §7.2); both are accepted. A
// byte-order mark and CRLF line ends are accepted; Part, ThrdPart and
// OthAgr hold quoted multi-line text, which encoding/csv reads as one cell.
func ReadPAX(r io.Reader, name string) ([]PaxAgreement, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parsePAX(name, data)
}

// ReadPAXFile is ReadPAX on a file.
func ReadPAXFile(path string) ([]PaxAgreement, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parsePAX(path, data)
}

var paxColumns = []string{"AgtId", "Agt", "Dat"}

func parsePAX(name string, data []byte) ([]PaxAgreement, error) {
	s, err := openSheet(name, data, paxColumns)
	if err != nil {
		return nil, err
	}
	var out []PaxAgreement
	for s.next() {
		if s.short(paxColumns) {
			continue
		}
		a := PaxAgreement{ID: s.cell("AgtId"), Name: s.cell("Agt"), Line: s.line}
		if a.ID == "" {
			s.bad("AgtId", fmt.Errorf("%w: blank (want the PA-X agreement number)", dataset.ErrBadID))
			continue
		}
		if a.Date, err = paxDate(s.cell("Dat")); err != nil {
			s.bad("Dat", err)
			continue
		}
		out = append(out, a)
	}
	if err := s.err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		s.add(0, 0, "", dataset.ErrNoRows)
		return nil, s.err()
	}
	return out, nil
}

// paxDate reads dd/mm/yyyy or an ISO date.
func paxDate(s string) (dataset.Date, error) {
	if day, rest, ok := strings.Cut(s, "/"); ok {
		month, year, ok := strings.Cut(rest, "/")
		if !ok || len(day) != 2 || len(month) != 2 || len(year) != 4 {
			return dataset.Date{}, fmt.Errorf("%w %q (want dd/mm/yyyy or yyyy-mm-dd)", dataset.ErrDate, s)
		}
		s = year + "-" + month + "-" + day
	}
	d, err := dataset.ParseDate(s)
	if err == nil && d.IsZero() {
		err = fmt.Errorf("%w: empty (every PA-X agreement has a date)", dataset.ErrDate)
	}
	return d, err
}
