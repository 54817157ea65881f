package dataset

import (
	"fmt"
	"io"
	"os"
)

// Read parses a user's deals CSV. It needs only the columns id, start and
// end (and end_type where a deal is ongoing or its end unknown); any other
// dataset column is optional, and columns that are not dataset columns are
// kept in each Deal's Attrs. The error, if any, is an Errors listing every
// problem found (up to MaxErrors) as file:line:column: what is wrong.
func Read(r io.Reader) ([]Deal, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("input: %w", err)
	}
	return readNamed("input", data)
}

// ReadFile is Read on a file; errors name the file.
func ReadFile(path string) ([]Deal, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return readNamed(path, data)
}

func readNamed(name string, data []byte) ([]Deal, error) {
	p := &problems{file: name}
	deals, _ := parseDeals(data, false, p)
	return deals, p.err()
}

// parseDeals reads deals.csv. strict (the embedded file) requires every
// dataset column, rejects unknown ones, requires the core values and keeps
// each row's cell positions (in the returned table) for the provenance
// checks.
func parseDeals(data []byte, strict bool, p *problems) ([]Deal, *table) {
	// One deal per line at most: allocate once rather than grow a slice of
	// large structs (BenchmarkRead100k).
	deals := make([]Deal, 0, lines(data))
	var extra []string
	var kept []record
	headerOK := false
	seen := map[string]int{}
	t := scanTable(data, p, func(t *table) bool {
		required, allowed := minimalColumns, map[string]bool(nil)
		if strict {
			required, allowed = columnNames, columnSet
		}
		if !t.checkHeader(required, allowed, p) {
			return false
		}
		for _, h := range t.header {
			if h != "" && !columnSet[h] {
				extra = append(extra, h)
			}
		}
		headerOK = true
		return true
	}, func(t *table, rec *record) {
		deals = append(deals, Deal{})
		d := &deals[len(deals)-1]
		ok := parseDeal(d, t, rec, extra, strict, p)
		if first, dup := seen[d.ID]; dup && d.ID != "" {
			line, col := rec.pos(t, "id")
			p.addf(line, col, "id", ErrDuplicateID, "%q already used on line %d", d.ID, first)
			ok = false
		} else {
			seen[d.ID] = rec.line
		}
		if !ok {
			deals = deals[:len(deals)-1]
			return
		}
		if strict {
			kept = append(kept, rec.clone())
		}
	})
	if !headerOK {
		return nil, nil
	}
	t.rows = kept
	return deals, t
}

// parseDeal reads one row into d; it reports every bad cell and returns
// false if there was any.
func parseDeal(d *Deal, t *table, rec *record, extra []string, strict bool, p *problems) bool {
	d.Line = rec.line
	before := len(p.list)
	bad := func(name string, err error) {
		line, col := rec.pos(t, name)
		p.add(line, col, name, err)
	}
	for _, c := range columns {
		if _, present := t.index[c.name]; !present {
			continue
		}
		if err := c.set(d, rec.cell(t, c.name)); err != nil {
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
		for _, e := range checkDates(d) {
			bad(e.field, e.err)
		}
	}
	return len(p.list) == before
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
			d.EndType = EndTypeBreakdown
		default:
			add("end", fmt.Errorf("%w: no end date and no end_type (set end, or end_type ongoing or unknown)", ErrNoEnd))
			return errs
		}
	}
	switch d.EndType {
	case EndTypeBreakdown, EndTypeExpired, EndTypeSuperseded:
		if d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s needs an end date", ErrNoEnd, d.EndType))
		}
	case EndTypeOngoing, EndTypeUnknown:
		if !d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s takes no end date (record it in end_alt, or change end_type)", ErrUnexpectedEnd, d.EndType))
		}
	}
	if d.EndType == EndTypeUnknown && d.LastSeen.IsZero() {
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
