package dataset

import (
	"fmt"
	"io"
	"os"
	"slices"
)

// Read parses a user's deals CSV. It needs only the columns id, start and
// end (and end_type where a deal is ongoing or its end unknown); any other
// dataset column is optional, and columns that are not dataset columns are
// kept in each Deal's Attrs. The error, if any, is an Errors listing every
// problem found (up to MaxErrors) as file:line:column: what is wrong.
func Read(r io.Reader) ([]Deal, error) {
	return readNamed("input", r)
}

// ReadFile is Read on a file; errors name the file.
func ReadFile(path string) ([]Deal, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readNamed(path, f)
}

func readNamed(name string, r io.Reader) ([]Deal, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p := &problems{file: name}
	deals, _ := parseDeals(data, false, p)
	return deals, p.err()
}

// parseDeals reads deals.csv. strict (the embedded file) requires every
// dataset column, rejects unknown ones and requires the core values.
func parseDeals(data []byte, strict bool, p *problems) ([]Deal, *table) {
	t := readTable(data, p)
	if t == nil || t.header == nil {
		return nil, nil
	}
	required, allowed := minimalColumns, []string(nil)
	if strict {
		required, allowed = Columns(), Columns()
	}
	if !t.checkHeader(required, allowed, p) {
		return nil, nil
	}
	var extra []string
	for _, h := range t.header {
		if h != "" && !slices.Contains(Columns(), h) {
			extra = append(extra, h)
		}
	}
	deals := make([]Deal, 0, len(t.rows))
	seen := make(map[string]int, len(t.rows))
	for i := range t.rows {
		rec := &t.rows[i]
		d, ok := parseDeal(t, rec, extra, strict, p)
		if first, dup := seen[d.ID]; dup && d.ID != "" {
			line, col := rec.pos(t, "id")
			p.addf(line, col, "id", ErrDuplicateID, "%q already used on line %d", d.ID, first)
			continue
		}
		seen[d.ID] = rec.line
		if ok {
			deals = append(deals, d)
		}
	}
	return deals, t
}

// parseDeal reads one row; it reports every bad cell and returns ok=false
// if there was any.
func parseDeal(t *table, rec *record, extra []string, strict bool, p *problems) (Deal, bool) {
	d := Deal{Line: rec.line}
	before := len(p.list)
	bad := func(name string, err error) {
		line, col := rec.pos(t, name)
		p.add(line, col, name, err)
	}
	for _, c := range columns {
		if _, present := t.index[c.name]; !present {
			continue
		}
		if err := c.set(&d, rec.cell(t, c.name)); err != nil {
			bad(c.name, err)
		}
	}
	if strict {
		for _, name := range requiredValues {
			if rec.cell(t, name) == "" {
				bad(name, fmt.Errorf("%w (every deal needs %s)", ErrRequired, name))
			}
		}
	}
	if len(extra) > 0 {
		d.Attrs = make(map[string]string, len(extra))
		for _, name := range extra {
			d.Attrs[name] = rec.cell(t, name)
		}
	}
	if len(p.list) == before {
		for _, e := range checkDates(&d) {
			bad(e.field, e.err)
		}
	}
	return d, len(p.list) == before
}

type fieldError struct {
	field string
	err   error
}

// checkDates applies the rules that tie the date columns together.
func checkDates(d *Deal) []fieldError {
	var errs []fieldError
	add := func(field string, err error) { errs = append(errs, fieldError{field, err}) }
	if d.Start.IsZero() {
		add("start", fmt.Errorf("%w (every deal needs a start date)", ErrRequired))
		return errs
	}
	if d.EndType == "" {
		switch {
		case !d.End.IsZero():
			d.EndType = Breakdown
		default:
			add("end", fmt.Errorf("%w: no end date and no end_type (set end, or end_type ongoing or unknown)", ErrNoEnd))
			return errs
		}
	}
	switch d.EndType {
	case Breakdown, Expired, Superseded:
		if d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s needs an end date", ErrNoEnd, d.EndType))
		}
	case Ongoing, EndUnknown:
		if !d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s takes no end date (record it in end_alt, or change end_type)", ErrUnexpectedEnd, d.EndType))
		}
	}
	if d.EndType == EndUnknown && d.LastSeen.IsZero() {
		add("last_seen", fmt.Errorf("%w: end_type unknown needs last_seen, the last date a source reports the deal in force", ErrRequired))
	}
	after := func(field string, x Date) {
		if !x.IsZero() && x.Before(d.Start) {
			add(field, fmt.Errorf("%w: %s is before start %s", ErrEndBeforeStart, x, d.Start))
		}
	}
	after("end", d.End)
	after("last_seen", d.LastSeen)
	for _, a := range d.EndAlt {
		after("end_alt", a.Date)
	}
	return errs
}
