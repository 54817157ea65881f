package external

import "slices"

// StoredFigure is one figure of the world comparison computed from the
// public ETH/PRIO or UCDP PAD file by the committed generator
// (internal/worldfigures -stored, analysis.World), so that the default
// briefing can cite it without the file, which is never committed.
type StoredFigure struct {
	// Key names the figure: group key, outcome and measure, e.g.
	// "ethprio-all/any-end/median_days".
	Key     string
	Group   string // the group's name, e.g. "ETH/PRIO: all ceasefires"
	Outcome string // analysis.WorldOutcome's String: breakdown, breakdown-or-unclear, any-end
	// Measure is "median_days" (Kaplan–Meier median, 95% log-scale
	// limits) or "ended_by_365" (1 − S(365) as a share, 95% limits).
	Measure string
	// Value and its limits; Reached, LowerReached and UpperReached are false
	// where a median or limit is not reached (the value is then 0).
	Value, Lower, Upper                 float64
	Reached, LowerReached, UpperReached bool
	N, Events                           int
	// Source cites the file the figure was computed from.
	Source string
}

// StoredFigureByKey returns the stored figure with the key, or false.
func StoredFigureByKey(key string) (StoredFigure, bool) {
	for _, f := range StoredFigures() {
		if f.Key == key {
			return f, true
		}
	}
	return StoredFigure{}, false
}

// StoredFigures returns the world-comparison figures the default briefing
// cites without the public files (stored_figures.go, generated).
func StoredFigures() []StoredFigure { return slices.Clone(storedFigures) }
