package dataset

import (
	"fmt"
	"strings"
)

// Describe returns deal id in full, for a person to read: its name, every
// non-empty column (Value) and attribute, its duration as of asOf with the
// date it runs to and the basis, its notes, and then its evidence (each
// citation's field, source and quote, a paraphrase marked) and sources
// (Reference and note), or, without citations, its source ids. false when
// there is no such deal.
func (d *Data) Describe(id string, asOf Date) (string, bool) {
	deal, ok := d.Deal(id)
	if !ok {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", deal.ID, deal.Name)
	for _, col := range columnNames {
		if v := Value(deal, col); v != "" && col != "id" && col != "name" && col != "sources" && col != "notes" {
			fmt.Fprintf(&b, "  %-21s %s\n", col, v)
		}
	}
	for k, v := range deal.Attrs.All() {
		fmt.Fprintf(&b, "  %-21s %s\n", k, v)
	}
	if dur, ok := deal.Duration(asOf); ok {
		fmt.Fprintf(&b, "  %-21s %s (to %s, %s)\n", "days", dur, dur.Until, dur.Basis)
	}
	if deal.Notes != "" {
		fmt.Fprintf(&b, "\nNotes: %s\n", deal.Notes)
	}
	cites := d.CitationsOf(deal.ID)
	if len(cites) == 0 {
		if len(deal.Sources) > 0 {
			fmt.Fprintf(&b, "\nSources: %s\n", strings.Join(deal.Sources, "; "))
		}
		return b.String(), true
	}
	b.WriteString("\nEvidence:\n")
	for _, c := range cites {
		q := "“" + c.Quote + "”"
		if c.Type == CitationParaphrase {
			q = "(paraphrase) " + c.Quote
		}
		fmt.Fprintf(&b, "  %-21s [%s] %s\n", c.Field, c.Source, q)
	}
	b.WriteString("\nSources:\n")
	for _, sid := range deal.Sources {
		if s, ok := d.Source(sid); ok {
			fmt.Fprintf(&b, "  %s\n", s.Reference())
			if s.Notes != "" {
				fmt.Fprintf(&b, "      note: %s\n", s.Notes)
			}
		}
	}
	return b.String(), true
}
