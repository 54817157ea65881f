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
	if strings.ContainsAny(cell, " \t;@") {
		return fmt.Errorf("%w %q: has a space, ';' or '@' (want a slug such as shakai-2004)", ErrBadID, cell)
	}
	d.ID = cell
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
			if cell != "" && !vocab.Allows(cell) {
				return vocabError(vocab, cell)
			}
			*field(d) = cell
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
			for _, it := range items {
				if hasVocab && !vocab.Allows(it) {
					return vocabError(vocab, it)
				}
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

// splitList splits a ;-separated cell, trimming spaces around items.
func splitList(cell string) ([]string, error) {
	if cell == "" {
		return nil, nil
	}
	parts := strings.Split(cell, ";")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("%w: empty item in list %q (want values separated by ';')", ErrCategory, cell)
		}
		if contains(parts[:i], p) { // lists are short: a scan beats a map
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
	return d.Attrs[name]
}
