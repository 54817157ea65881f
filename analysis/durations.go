package analysis

import (
	"fmt"
	"strconv"

	"github.com/truce-lab/truce/dataset"
)

// DurationsTable lists each deal's duration as of asOf: the days from the
// middle day of each date's span, the bounds date precision allows, whether
// the deal broke down, and the date and basis its time runs to. Deals that
// start after asOf are left out. The command's durations and list, and the
// briefing's durations table, are this table.
func DurationsTable(deals []dataset.Deal, asOf dataset.Date) *Table {
	t := &Table{Name: "durations", Title: "How long each deal lasted",
		Columns: []string{"id", "kind", "start", "end", "end_type", "days", "days_lower", "days_upper", "event", "until", "basis", "trigger", "mediator_type"},
		Numeric: []bool{false, false, false, false, false, true, true, true, false, false, false, false, false},
		Notes: []string{
			"days: from the middle day of each date's span; days_lower/days_upper: the shortest and longest the date precision allows.",
			"event=true: broke down. Otherwise censored at until: the end (expired, superseded), last_seen (end unknown) or the as-of date (ongoing)."}}
	for i := range deals {
		d := &deals[i]
		dur, ok := d.Duration(asOf)
		if !ok {
			continue
		}
		t.Rows = append(t.Rows, []string{d.ID, string(d.Kind), d.Start.String(), d.End.String(), string(d.EndType),
			strconv.Itoa(dur.Days), strconv.Itoa(dur.Lower), strconv.Itoa(dur.Upper), strconv.FormatBool(dur.Event),
			dur.Until.String(), dur.Basis, string(d.Trigger), string(d.MediatorType)})
	}
	return t
}

// DealsTable is DurationsTable named "deals", titled with the number of
// deals and the as-of date: the command's list.
func DealsTable(deals []dataset.Deal, asOf dataset.Date) *Table {
	t := DurationsTable(deals, asOf)
	t.Name, t.Title = "deals", fmt.Sprintf("%s (as of %s)", Plural(len(deals), "deal", "deals"), asOf)
	return t
}
