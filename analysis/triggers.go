package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// TriggerRow counts the deals that ended with one trigger.
type TriggerRow struct {
	Trigger  string
	N        int
	Share    float64        // of the deals with a known end
	ByWho    map[string]int // broken_by value -> deals
	Median   Quantile       // Kaplan–Meier median days of these deals
	Examples []string       // deal ids
}

// Triggers tallies how deals ended: one row per trigger (frame column
// trigger) with counts by who broke the deal (broken_by) and the median
// duration, over the deals whose end is known (trigger not "none" or
// "unknown"); unknown and open deals are counted in Open.
type Triggers struct {
	Rows      []TriggerRow
	Ended     int
	Open      int      // deals not ended, or whose end or cause is unknown
	BrokenBy  []string // the broken_by values that occur, in vocabulary order
	Breakdown int      // deals whose end was a breakdown
	Warnings  []string
}

// AnalyzeTriggers builds the trigger tally from the frame's trigger and
// broken_by columns.
func AnalyzeTriggers(s *Sample) (*Triggers, error) {
	trig, err := s.Labels("trigger")
	if err != nil {
		return nil, err
	}
	who, err := s.Labels("broken_by")
	if err != nil {
		return nil, err
	}
	out := &Triggers{}
	rows := map[string]*TriggerRow{}
	whoSeen := map[string]bool{}
	for i, t := range trig {
		if s.Events[i] {
			out.Breakdown++
		}
		if t == string(dataset.TriggerNone) || t == string(dataset.TriggerUnknown) || t == NoValue {
			out.Open++
			continue
		}
		out.Ended++
		r := rows[t]
		if r == nil {
			r = &TriggerRow{Trigger: t, ByWho: map[string]int{}}
			rows[t] = r
		}
		r.N++
		r.ByWho[who[i]]++
		whoSeen[who[i]] = true
		r.Examples = append(r.Examples, s.IDs[i])
	}
	for _, w := range dataset.BrokenByValues() {
		if whoSeen[string(w)] {
			out.BrokenBy = append(out.BrokenBy, string(w))
		}
	}
	for _, r := range rows {
		r.Share = float64(r.N) / float64(out.Ended)
		times, events := s.subsetBy(trig, r.Trigger)
		km, err := KaplanMeier(times, events)
		if err != nil {
			return nil, err
		}
		r.Median = km.Median()
		out.Rows = append(out.Rows, *r)
	}
	slices.SortFunc(out.Rows, func(a, b TriggerRow) int {
		if a.N != b.N {
			return b.N - a.N
		}
		if a.Trigger < b.Trigger {
			return -1
		}
		return 1
	})
	if out.Ended < 10 {
		out.Warnings = append(out.Warnings, "only "+Plural(out.Ended, "deal", "deals")+" with a known end: shares are rough")
	}
	return out, nil
}

// TriggerTable lays out the trigger tally, one column per broken_by value.
// A nil tr gives the table with no rows.
func TriggerTable(tr *Triggers) *Table {
	if tr == nil {
		tr = &Triggers{}
	}
	t := &Table{
		Name:     "triggers",
		Title:    "What ended the deals, and who broke them",
		Columns:  []string{"trigger", "n", "share"},
		Numeric:  []bool{false, true, true},
		Warnings: tr.Warnings,
		Notes: []string{
			fmt.Sprintf("%s with a known end; %d with the end or its cause unknown, or still open, are not in the shares.", Plural(tr.Ended, "deal", "deals"), tr.Open),
			"median_days: Kaplan–Meier median of the deals with that trigger (expired and superseded deals are censored).",
		},
	}
	for _, w := range tr.BrokenBy {
		t.Columns = append(t.Columns, "by_"+w)
		t.Numeric = append(t.Numeric, true)
	}
	t.Columns = append(t.Columns, "median_days", "deals")
	t.Numeric = append(t.Numeric, true, false)
	for _, r := range tr.Rows {
		row := []cell{txt(r.Trigger), count(r.N), num(r.Share, 2)}
		for _, w := range tr.BrokenBy {
			row = append(row, count(r.ByWho[w]))
		}
		row = append(row, est(r.Median.Estimate, r.Median.Reached), txt(joinIDs(r.Examples, 4)))
		t.add(row...)
	}
	return t
}

// joinIDs lists up to max ids, then "and N more".
func joinIDs(ids []string, limit int) string {
	if len(ids) <= limit {
		return joinComma(ids)
	}
	return fmt.Sprintf("%s and %d more", joinComma(ids[:limit]), len(ids)-limit)
}

func joinComma(s []string) string { return strings.Join(s, ", ") }
