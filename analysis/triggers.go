package analysis

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// TriggerRow counts the breakdowns with one proximate cause (trigger).
type TriggerRow struct {
	Trigger  string
	N        int            // breakdowns with this cause
	Share    float64        // of all breakdowns (Triggers.Breakdowns)
	ByEvent  map[string]int // end_event value -> breakdowns: what happened at the end
	ByWho    map[string]int // broken_by value -> breakdowns
	Median   Quantile       // median days of these breakdowns (all are events)
	Examples []string       // deal ids
}

// Triggers tallies what ended the deals that broke down, keeping the
// proximate cause apart from the end event (codebook, dataset v0.2.0): one
// row per cause (frame column trigger, "unknown" included, so the rows add
// up to Breakdowns), each with its end events (end_event) and who broke the
// deal (broken_by). Every count and share has the same denominator, the
// deals whose end was a breakdown; the other deals are counted in
// NotBroken and are not in the rows.
type Triggers struct {
	Rows       []TriggerRow
	Breakdowns int      // deals whose end was a breakdown: the denominator
	NotBroken  int      // deals that expired, were superseded, are in force or whose end is unknown
	EndEvents  []string // the end_event values that occur, in vocabulary order
	BrokenBy   []string // the broken_by values that occur, in vocabulary order
	Warnings   []string
}

// AnalyzeTriggers builds the tally from the frame's trigger, end_event and
// broken_by columns over the deals whose duration ends in a breakdown.
func AnalyzeTriggers(s *Sample) (*Triggers, error) {
	trig, err := s.Labels("trigger")
	if err != nil {
		return nil, err
	}
	event, err := s.Labels("end_event")
	if err != nil {
		return nil, err
	}
	who, err := s.Labels("broken_by")
	if err != nil {
		return nil, err
	}
	out := &Triggers{}
	rows := map[string]*TriggerRow{}
	days := map[string][]float64{}
	eventSeen, whoSeen := map[string]bool{}, map[string]bool{}
	for i, t := range trig {
		if !s.Events[i] {
			out.NotBroken++
			continue
		}
		out.Breakdowns++
		if t == NoValue {
			t = string(dataset.TriggerUnknown)
		}
		r := rows[t]
		if r == nil {
			r = &TriggerRow{Trigger: t, ByEvent: map[string]int{}, ByWho: map[string]int{}}
			rows[t] = r
		}
		r.N++
		r.ByEvent[event[i]]++
		r.ByWho[who[i]]++
		eventSeen[event[i]], whoSeen[who[i]] = true, true
		r.Examples = append(r.Examples, s.IDs[i])
		days[t] = append(days[t], s.Times[i])
	}
	out.EndEvents = inVocabOrder("end_event", eventSeen)
	out.BrokenBy = inVocabOrder("broken_by", whoSeen)
	for _, r := range rows {
		r.Share = float64(r.N) / float64(out.Breakdowns)
		km, err := KaplanMeier(days[r.Trigger], slices.Repeat([]bool{true}, len(days[r.Trigger])))
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
		return strings.Compare(a.Trigger, b.Trigger)
	})
	if out.Breakdowns < 10 {
		out.Warnings = append(out.Warnings, "only "+Plural(out.Breakdowns, "breakdown", "breakdowns")+": shares are rough")
	}
	return out, nil
}

// inVocabOrder returns the values seen, in the order of the column's
// vocabulary, then any others in byte order.
func inVocabOrder(column string, seen map[string]bool) []string {
	var out []string
	voc, _ := dataset.VocabularyOf(column)
	for _, v := range voc.Values {
		if seen[v] {
			out = append(out, v)
		}
	}
	var rest []string
	for v := range seen {
		if !slices.Contains(out, v) {
			rest = append(rest, v)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// TriggerTable lays out the tally: one row per cause, with its end events
// and who broke the deals, counted over the breakdowns. A nil tr gives the
// table with no rows.
func TriggerTable(tr *Triggers) *Table {
	if tr == nil {
		tr = &Triggers{}
	}
	t := &Table{
		Name:     "triggers",
		Title:    "What ended the deals that broke down: the cause, what happened at the end, and who broke them",
		Columns:  []string{"trigger", "n", "share", "end_events", "broken_by", "median_days", "deals"},
		Numeric:  []bool{false, true, true, false, false, true, false},
		Warnings: tr.Warnings,
		Notes: []string{
			fmt.Sprintf("Counts are of the %s; the %d other deals (expired, superseded, in force or with an unknown end) are not in the table.", Plural(tr.Breakdowns, "deal that broke down", "deals that broke down"), tr.NotBroken),
			"trigger: the proximate cause the sources give; end_events: what happened at the end (an operation, a declaration by one side, resumed fighting ...), kept apart from the cause.",
			"median_days: median days in force of the breakdowns with that cause.",
		},
	}
	for _, r := range tr.Rows {
		t.add(txt(r.Trigger), count(r.N), num(r.Share, 2), txt(countList(r.ByEvent, tr.EndEvents)), txt(countList(r.ByWho, tr.BrokenBy)),
			est(r.Median.Estimate, r.Median.Reached), txt(joinIDs(r.Examples, 4)))
	}
	return t
}

// countList writes counts as "value n; value n" in the given order.
func countList(counts map[string]int, order []string) string {
	var parts []string
	for _, v := range order {
		if n := counts[v]; n > 0 {
			parts = append(parts, v+" "+strconv.Itoa(n))
		}
	}
	return strings.Join(parts, "; ")
}

// joinIDs lists up to max ids, then "and N more".
func joinIDs(ids []string, limit int) string {
	if len(ids) <= limit {
		return joinComma(ids)
	}
	return fmt.Sprintf("%s and %d more", joinComma(ids[:limit]), len(ids)-limit)
}

func joinComma(s []string) string { return strings.Join(s, ", ") }
