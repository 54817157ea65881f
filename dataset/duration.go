package dataset

import (
	"fmt"
	"strconv"
)

// Duration is how long a deal lasted, or has lasted so far, in days.
//
// Days is the point estimate, from the middle day of each date's span;
// Lower and Upper are the shortest and longest durations the precision of
// the start and end dates allows (CODEBOOK.md, "Dates and durations").
// Event is true when the deal broke down; otherwise the time is censored.
type Duration struct {
	Days, Lower, Upper int
	Event              bool
	// Until is the date the time runs to: the end, last_seen or the as-of date.
	Until Date
	// Basis names which of them: "end", "last_seen" or "as_of".
	Basis string
}

// Duration returns the deal's duration under the codebook's censoring rule,
// as of the given date:
//   - breakdown: the time to the end, an event;
//   - expired or superseded: the time to the end, censored;
//   - ongoing: censored at the as-of date;
//   - unknown: censored at last_seen.
//
// A deal that runs past the as-of date is censored there. ok is false when
// the deal starts after the as-of date, so it cannot be counted at all.
func (d *Deal) Duration(asOf Date) (dur Duration, ok bool) {
	if asOf.Before(d.Start) {
		return Duration{}, false
	}
	switch d.EndType {
	case EndTypeOngoing:
		dur = Duration{Until: asOf, Basis: "as_of"}
	case EndTypeUnknown:
		dur = Duration{Until: d.LastSeen, Basis: "last_seen"}
	default:
		dur = Duration{Until: d.End, Event: d.EndType == EndTypeBreakdown, Basis: "end"}
	}
	if dur.Until.IsZero() {
		dur.Until, dur.Basis = d.Start, "last_seen"
	}
	if asOf.Before(dur.Until) {
		dur = Duration{Until: asOf, Basis: "as_of"}
	}
	sFirst, sLast := d.Start.Span()
	uFirst, uLast := dur.Until.Span()
	dur.Days = max(0, dur.Until.Mid()-d.Start.Mid())
	dur.Lower = max(0, uFirst-sLast)
	dur.Upper = max(0, uLast-sFirst)
	dur.Days = min(max(dur.Days, dur.Lower), dur.Upper)
	return dur, true
}

// String formats the duration for people as R prints survival times: the
// days, "+" when censored, and the bounds date precision allows when they
// differ: "47", "84 (69-98)", "313+".
func (d Duration) String() string {
	s := strconv.Itoa(d.Days)
	if !d.Event {
		s += "+"
	}
	if d.Lower != d.Upper {
		s += fmt.Sprintf(" (%d-%d)", d.Lower, d.Upper)
	}
	return s
}
