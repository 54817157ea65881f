package dataset

import (
	"fmt"
	"slices"
	"strings"
)

// AnalysedKinds returns the kinds of deal analysed by default: agreements
// and ceasefires. Talks that produced no deal have no lifespan to speak of
// and are left out unless a condition names the kind column.
func AnalysedKinds() []Kind { return []Kind{KindAgreement, KindCeasefire} }

// Selection is the deals an analysis uses and the date it measures them to.
type Selection struct {
	Deals []Deal // the deals selected, in input order; may share the input's array: do not modify
	AsOf  Date   // open deals are censored here
	// Note says in one sentence which deals were analysed and as of when,
	// for the notes under a table.
	Note string
}

// Select applies the selection policy every analysis of the command and
// the briefing uses, so that a Go program gets the same numbers:
//
//  1. the conditions are applied with Filter;
//  2. unless a condition names the kind column, or no deal has a kind
//     (a user's CSV without it), only AnalysedKinds are kept;
//  3. durations are measured to asOf, or to AsOf() when asOf is the zero
//     Date (the as-of rule).
//
// No deal left is an error wrapping ErrNoMatch.
func Select(deals []Deal, conds []Cond, asOf Date) (*Selection, error) {
	if asOf.IsZero() {
		asOf = AsOf()
	}
	keep, n, err := filterMask(deals, conds)
	if err != nil {
		return nil, err
	}
	what := []string{}
	for _, c := range conds {
		what = append(what, c.String())
	}
	note := "Deals analysed: all"
	if len(conds) > 0 {
		note = "Deals analysed: those matching " + strings.Join(what, ", ")
	}
	namesKind := slices.ContainsFunc(conds, func(c Cond) bool { return c.Column == "kind" })
	codesKind := false
	for i := range deals {
		codesKind = codesKind || keep[i] && deals[i].Kind != ""
	}
	if codesKind && !namesKind {
		kinds := AnalysedKinds()
		for i := range deals {
			if keep[i] && !slices.Contains(kinds, deals[i].Kind) {
				keep[i] = false
				n--
			}
		}
		note = "Deals analysed: agreements and ceasefires (talks that produced no deal are left out; add --where kind=talks to study them)"
		if len(conds) > 0 {
			note += ", matching " + strings.Join(what, ", ")
		}
	}
	kept := copyKept(deals, keep, n) // shares deals when all are kept
	if len(kept) == 0 {
		return nil, fmt.Errorf("%w %s", ErrNoMatch, strings.Join(what, " "))
	}
	counted := 0
	for i := range kept {
		if _, ok := kept[i].Duration(asOf); ok {
			counted++
		}
	}
	note += fmt.Sprintf("; %d deals, as of %s.", counted, asOf)
	return &Selection{Deals: kept, AsOf: asOf, Note: note}, nil
}
