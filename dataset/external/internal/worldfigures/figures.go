package main

import (
	"fmt"
	"math"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
)

// group is one set of survival times: days in force and whether the time
// ends in a breakdown (the event; every other end is censored, as
// CODEBOOK.md §5.5 does for truce's own rows).
type group struct {
	Name   string
	Times  []float64
	Events []bool
}

// horizons are the days at which the share broken down is reported.
var horizons = []float64{30, 90, 365}

// figure is the summary of one group.
type figure struct {
	Group       string
	N, Events   int
	Median      analysis.Quantile // Kaplan–Meier median, 95% log-scale limits
	ShareBy     []float64         // 1 − S(t) at each of horizons
	CensoredAt0 int               // times of 0 that are censored (no information)
}

// Outcome says which ends are events.
type outcome int

const (
	// breakdown: the event is a breakdown; expiry, supersession and unknown
	// ends are censored (CODEBOOK.md §5.5).
	breakdown outcome = iota
	// anyEnd: every recorded end is the event, whatever its type, including
	// ETH/PRIO's code -1 ceasefires with an end date (Attrs end_date). It
	// does not depend on the inferred meanings of ETH/PRIO's codes 1, 2
	// and 4.
	anyEnd
	// unclearAsBreakdown: as breakdown, but an ETH/PRIO code -1 ceasefire
	// with an end date (how it ended is unclear) also counts as a breakdown
	// there: the bound on the other side of breakdown's, which censors them.
	unclearAsBreakdown
)

func (o outcome) String() string {
	switch o {
	case anyEnd:
		return "any-end"
	case unclearAsBreakdown:
		return "breakdown-or-unclear"
	}
	return "breakdown"
}

// asUnclearBreakdown returns a copy of d in which an end date of unclear
// kind (Attrs end_date) is a breakdown.
func asUnclearBreakdown(d dataset.Deal) dataset.Deal {
	if d.End.IsZero() && d.Attrs["end_date"] != "" {
		if end, err := dataset.ParseDate(d.Attrs["end_date"]); err == nil {
			d.End, d.EndType, d.LastSeen = end, dataset.EndTypeBreakdown, dataset.Date{}
		}
	}
	return d
}

// asAnyEnd returns a copy of d whose recorded end, of any type, is a
// breakdown, so that Deal.Duration counts it as the event.
func asAnyEnd(d dataset.Deal) dataset.Deal {
	switch {
	case !d.End.IsZero():
		d.EndType = dataset.EndTypeBreakdown
	case d.Attrs["end_date"] != "":
		if end, err := dataset.ParseDate(d.Attrs["end_date"]); err == nil {
			d.End, d.EndType, d.LastSeen = end, dataset.EndTypeBreakdown, dataset.Date{}
		}
	}
	return d
}

// newGroup collects the deals that keep returns true for, with their
// durations as of asOf (Deal.Duration: point estimate in days).
func newGroup(name string, deals []dataset.Deal, asOf dataset.Date, out outcome, keep func(*dataset.Deal) bool) group {
	g := group{Name: name}
	for i := range deals {
		d := deals[i]
		if !keep(&d) {
			continue
		}
		switch out {
		case anyEnd:
			d = asAnyEnd(d)
		case unclearAsBreakdown:
			d = asUnclearBreakdown(d)
		}
		dur, ok := d.Duration(asOf)
		if !ok {
			continue
		}
		g.Times = append(g.Times, float64(dur.Days))
		g.Events = append(g.Events, dur.Event)
	}
	return g
}

// summarize fits the Kaplan–Meier curve of a group.
func summarize(g group) (figure, error) {
	km, err := analysis.KaplanMeier(g.Times, g.Events)
	if err != nil {
		return figure{}, fmt.Errorf("%s: %w", g.Name, err)
	}
	f := figure{Group: g.Name, N: km.N, Events: km.Events, Median: km.Median()}
	for _, h := range horizons {
		f.ShareBy = append(f.ShareBy, 1-km.Surv(h))
	}
	for i, t := range g.Times {
		if t == 0 && !g.Events[i] {
			f.CensoredAt0++
		}
	}
	return f, nil
}

// groups builds the comparison groups from truce's embedded data and the
// two external datasets.
func groups(truce *dataset.Data, eth, pad *external.Data, out outcome) []group {
	all := func(*dataset.Deal) bool { return true }
	return []group{
		newGroup("truce: Pakistan state–Taliban deals", truce.Deals, dataset.AsOf(), out, func(d *dataset.Deal) bool { return d.Kind != dataset.KindTalks }),
		newGroup("ETH/PRIO: all ceasefires", eth.Deals, eth.Coverage, out, all),
		newGroup("ETH/PRIO: Asia", eth.Deals, eth.Coverage, out, func(d *dataset.Deal) bool { return d.Region == "Asia" }),
		newGroup("ETH/PRIO: Pakistan", eth.Deals, eth.Coverage, out, func(d *dataset.Deal) bool { return d.Attrs["country"] == "Pakistan" }),
		newGroup("UCDP PAD: intrastate agreements", pad.Deals, pad.Coverage, out, func(d *dataset.Deal) bool { return d.Attrs["conflict_type"] == "intrastate" }),
	}
}

// logRank compares the first group (truce) with another.
func logRank(a, b group) (*analysis.LogRankResult, error) {
	times := append(append([]float64(nil), a.Times...), b.Times...)
	events := append(append([]bool(nil), a.Events...), b.Events...)
	labels := make([]string, 0, len(times))
	for range a.Times {
		labels = append(labels, "a")
	}
	for range b.Times {
		labels = append(labels, "b")
	}
	return analysis.LogRank(times, events, labels)
}

// days formats a median or limit: a whole number of days, or "not reached".
func days(v float64, reached bool) string {
	if !reached || math.IsNaN(v) {
		return "not reached"
	}
	return fmt.Sprintf("%g", v)
}
