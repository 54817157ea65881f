package dataset

import (
	"fmt"
	"strings"
)

// column ties a deals.csv column to its Deal field: get formats the field
// for writing, set parses and checks a cell. Reading, writing and the
// DataFrame view all go through this one table.
type column struct {
	name string
	get  func(d *Deal) string
	set  func(d *Deal, cell string) error
	list bool // a ;-separated list of items
}

// Columns lists the deals.csv columns in file order.
func Columns() []string { return append([]string(nil), columnNames...) }

// columnNames and columnSet are the deals.csv column names, computed once.
var columnNames, columnSet = func() ([]string, map[string]bool) {
	names := make([]string, len(columns))
	for i, c := range columns {
		names[i] = c.name
	}
	return names, set(names)
}()

// minimalColumns are the only columns a user's CSV must have.
var minimalColumns = []string{"id", "start", "end"}

// requiredValues are the columns that may not be empty in the embedded file.
var requiredValues = []string{"id", "name", "kind", "scope", "start", "end_type", "end_event", "certainty", "sources"}

var columns = []column{
	{"id", func(d *Deal) string { return d.ID }, setID, false},
	text("name", func(d *Deal) *string { return &d.Name }),
	category("kind", func(d *Deal) *string { return (*string)(&d.Kind) }),
	category("scope", func(d *Deal) *string { return (*string)(&d.Scope) }),
	date("start", func(d *Deal) *Date { return &d.Start }),
	alts("start_alt", func(d *Deal) *[]Alt { return &d.StartAlt }),
	date("end", func(d *Deal) *Date { return &d.End }),
	category("end_type", func(d *Deal) *string { return (*string)(&d.EndType) }),
	category("end_event", func(d *Deal) *string { return (*string)(&d.EndEvent) }),
	alts("end_alt", func(d *Deal) *[]Alt { return &d.EndAlt }),
	date("last_seen", func(d *Deal) *Date { return &d.LastSeen }),
	category("certainty", func(d *Deal) *string { return (*string)(&d.Certainty) }),
	text("state_party", func(d *Deal) *string { return &d.StateParty }),
	category("state_level", func(d *Deal) *string { return (*string)(&d.StateLevel) }),
	category("government", func(d *Deal) *string { return &d.Government }),
	text("militant_party", func(d *Deal) *string { return &d.MilitantParty }),
	category("militant_group", func(d *Deal) *string { return (*string)(&d.MilitantGroup) }),
	text("militant_leader", func(d *Deal) *string { return &d.MilitantLead }),
	text("region", func(d *Deal) *string { return &d.Region }),
	text("mediator", func(d *Deal) *string { return &d.Mediator }),
	category("mediator_type", func(d *Deal) *string { return (*string)(&d.MediatorType) }),
	category("written", func(d *Deal) *string { return (*string)(&d.Written) }),
	list("state_concessions", func(d *Deal) *[]string { return &d.StateConcessions }),
	list("militant_commitments", func(d *Deal) *[]string { return &d.MilitantCommitments }),
	list("militant_demands", func(d *Deal) *[]string { return &d.MilitantDemands }),
	category("trigger", func(d *Deal) *string { return (*string)(&d.Trigger) }),
	text("trigger_detail", func(d *Deal) *string { return &d.TriggerDetail }),
	category("broken_by", func(d *Deal) *string { return (*string)(&d.BrokenBy) }),
	list("pax_id", func(d *Deal) *[]string { return &d.PaxIDs }),
	list("ethprio_id", func(d *Deal) *[]string { return &d.EthPrioIDs }),
	list("sources", func(d *Deal) *[]string { return &d.Sources }),
	text("notes", func(d *Deal) *string { return &d.Notes }),
}

func setID(d *Deal, cell string) error {
	if cell == "" {
		return fmt.Errorf("%w: blank (want a slug such as shakai-2004)", ErrBadID)
	}
	if len(cell) > MaxIDBytes {
		return fmt.Errorf("%w: %d bytes long (at most %d; want a slug such as shakai-2004)", ErrBadID, len(cell), MaxIDBytes)
	}
	for i := 0; i < len(cell); i++ {
		switch c := cell[i]; {
		case c == '\t' || c == ' ' || c == ';' || c == '@':
			return fmt.Errorf("%w %q: has a space, ';' or '@' (want a slug such as shakai-2004)", ErrBadID, cell)
		case c < 0x20 || c == 0x7f:
			return fmt.Errorf("%w: %w in %q (want a slug such as shakai-2004)", ErrBadID, noControl(cell), cell)
		}
	}
	d.ID = cell
	return nil
}

// noControl reports the first control character (U+0000–U+001F, U+007F)
// of s: such bytes break one-line listings and have no place in an id or a
// category.
func noControl(s string) error {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return fmt.Errorf("%w U+%04X at byte %d", ErrControl, c, i+1)
		}
	}
	return nil
}

func text(name string, field func(*Deal) *string) column {
	return column{name, func(d *Deal) string { return *field(d) },
		func(d *Deal, cell string) error { *field(d) = cell; return nil }, false}
}

func date(name string, field func(*Deal) *Date) column {
	return column{name, func(d *Deal) string { return field(d).String() },
		func(d *Deal, cell string) (err error) { *field(d), err = ParseDate(cell); return err }, false}
}

// category checks a single value against the column's vocabulary when the
// column has one; an empty cell is allowed here and checked by the caller.
func category(name string, field func(*Deal) *string) column {
	vocab, _ := VocabularyOf(name)
	return column{name, func(d *Deal) string { return *field(d) },
		func(d *Deal, cell string) error {
			if cell == "" {
				*field(d) = ""
				return nil
			}
			v, ok := canonical(vocab, cell)
			if !ok {
				return vocabError(vocab, cell)
			}
			*field(d) = v
			return nil
		}, false}
}

// list parses a ;-separated cell, checking each item against the column's
// vocabulary when it has one.
func list(name string, field func(*Deal) *[]string) column {
	vocab, hasVocab := VocabularyOf(name)
	return column{name, func(d *Deal) string { return strings.Join(*field(d), ";") },
		func(d *Deal, cell string) error {
			items, err := splitList(cell)
			if err != nil {
				return err
			}
			for i, it := range items {
				if !hasVocab {
					if err := noControl(it); err != nil {
						return fmt.Errorf("%w in item %q", err, it)
					}
					continue
				}
				v, ok := canonical(vocab, it)
				if !ok {
					return vocabError(vocab, it)
				}
				items[i] = v
			}
			*field(d) = items
			return nil
		}, true}
}

func alts(name string, field func(*Deal) *[]Alt) column {
	return column{name,
		func(d *Deal) string {
			parts := make([]string, len(*field(d)))
			for i, a := range *field(d) {
				parts[i] = a.String()
			}
			return strings.Join(parts, ";")
		},
		func(d *Deal, cell string) error {
			items, err := splitList(cell)
			if err != nil {
				return err
			}
			var out []Alt
			for _, it := range items {
				ds, src, ok := strings.Cut(it, "@")
				if !ok || src == "" {
					return fmt.Errorf("%w %q (want DATE@SOURCE_ID, e.g. 2004-06-17@arabnews-2004-06-21)", ErrAlternative, it)
				}
				dt, err := ParseDate(ds)
				if err != nil {
					return err
				}
				if dt.IsZero() {
					return fmt.Errorf("%w %q: no date (want DATE@SOURCE_ID)", ErrAlternative, it)
				}
				out = append(out, Alt{Date: dt, Source: src})
			}
			*field(d) = out
			return nil
		}, true}
}

// canonical returns the vocabulary's own copy of s, so that equal values
// share one string instead of each pointing into the text it was read from.
func canonical(v Vocabulary, s string) (string, bool) {
	for _, x := range v.Values {
		if x == s {
			return x, true
		}
	}
	return "", false
}

// splitList splits a ;-separated cell of at most MaxListItems items,
// trimming spaces around items. Duplicates are found by a scan for short
// lists and a set for long ones, so the check is linear in the cell.
func splitList(cell string) ([]string, error) {
	if cell == "" {
		return nil, nil
	}
	if n := strings.Count(cell, ";") + 1; n > MaxListItems {
		return nil, fmt.Errorf("%w: %d items in one list (at most %d)", ErrLimit, n, MaxListItems)
	}
	parts := strings.Split(cell, ";")
	var seen map[string]bool
	if len(parts) > 16 {
		seen = make(map[string]bool, len(parts))
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("%w: empty item in list %q (want values separated by ';')", ErrCategory, cell)
		}
		var dup bool
		if seen != nil {
			dup = seen[p]
			seen[p] = true
		} else {
			dup = contains(parts[:i], p)
		}
		if dup {
			return nil, fmt.Errorf("%w: %q listed twice", ErrCategory, p)
		}
		parts[i] = p
	}
	return parts, nil
}

func vocabError(v Vocabulary, got string) error {
	return fmt.Errorf("%w: %q (want one of %s)", ErrCategory, got, strings.Join(v.Values, ", "))
}

// Value returns a deal's cell in the named column as written in the CSV:
// a dataset column, a derived column (decade, start_year) or a user
// attribute; "" if the deal has no such value.
func Value(d *Deal, name string) string {
	for _, c := range columns {
		if c.name == name {
			return c.get(d)
		}
	}
	switch name {
	case "decade":
		return fmt.Sprintf("%ds", d.Start.Y/10*10)
	case "start_year":
		return fmt.Sprint(d.Start.Y)
	}
	return d.Attrs.Value(name)
}
