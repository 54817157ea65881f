package analysis

import (
	"fmt"
	"math"
	"slices"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
)

// WorldOutcome says which ends count as the event when Pakistan's deals are
// set beside the world's ceasefires and peace agreements.
type WorldOutcome int

const (
	// WorldBreakdown: the event is a breakdown; expiry, supersession and
	// unknown ends are censored (CODEBOOK.md §5.5), as in every other truce
	// analysis.
	WorldBreakdown WorldOutcome = iota
	// WorldBreakdownOrUnclear is WorldBreakdown, except that an ETH/PRIO
	// ceasefire coded -1 (how it ended is unclear) that gives an end date
	// (Attrs end_date) counts as a breakdown there: the bound on the other
	// side of WorldBreakdown, which censors it.
	WorldBreakdownOrUnclear
	// WorldAnyEnd: every recorded end is the event, whatever its type,
	// including ETH/PRIO's code -1 end dates. It does not depend on the
	// inferred meanings of ETH/PRIO's codes 1, 2 and 4
	// (external.EthPrioEnded()).
	WorldAnyEnd
)

// worldOutcomes are the three definitions of the event, in report order.
var worldOutcomes = []WorldOutcome{WorldBreakdown, WorldBreakdownOrUnclear, WorldAnyEnd}

func (o WorldOutcome) String() string {
	switch o {
	case WorldBreakdownOrUnclear:
		return "breakdown-or-unclear"
	case WorldAnyEnd:
		return "any-end"
	}
	return "breakdown"
}

// ParseWorldOutcome reads an outcome by its String: "breakdown",
// "breakdown-or-unclear" or "any-end".
func ParseWorldOutcome(name string) (WorldOutcome, error) {
	for _, o := range WorldOutcomes() {
		if o.String() == name {
			return o, nil
		}
	}
	return 0, fmt.Errorf("analysis: want breakdown, breakdown-or-unclear or any-end")
}

// Title describes the outcome for a table heading.
func (o WorldOutcome) Title() string {
	switch o {
	case WorldBreakdownOrUnclear:
		return "Time to breakdown, counting ETH/PRIO ends of unclear kind (code -1 with an end date) as breakdowns"
	case WorldAnyEnd:
		return "Time to any recorded end (breakdown, expiry, supersession, or an ETH/PRIO end of unclear kind)"
	}
	return "Time to breakdown (expiry, supersession and unknown ends censored)"
}

// worldHorizons are the days at which the share ended is reported.
var worldHorizons = []float64{30, 90, 365}

// The keys of the comparison groups WorldGroups builds, in order.
const (
	WorldTruce           = "truce"
	WorldEthPrioAll      = "ethprio-all"
	WorldEthPrioAsia     = "ethprio-asia"
	WorldEthPrioPakistan = "ethprio-pakistan"
	WorldUCDPIntrastate  = "ucdp-pad-intrastate"
)

// WorldGroup is one set of survival times of the comparison.
type WorldGroup struct {
	Key, Name string
	// Unit says what one observation is, for the caveat that units differ.
	Unit   string
	Times  []float64 // days (Deal.Duration's point estimate)
	Events []bool
}

// WorldGroups builds the comparison groups under one outcome: truce's deals
// as dataset.Select keeps them with no condition (agreements and
// ceasefires), measured to asOf; then, when eth is not nil, every ETH/PRIO
// ceasefire, those in UCDP region Asia and those located in Pakistan; then,
// when pad is not nil, every intrastate UCDP PAD agreement (Attrs
// conflict_type, external.ReadUCDPPAD). The external deals are measured to
// the end of their dataset's coverage (external.Data.Coverage), where deals
// not recorded as ended are censored. A deal that cannot be counted (it
// starts after the date it is measured to) is left out.
func WorldGroups(truce []dataset.Deal, asOf dataset.Date, eth, pad *external.Data, o WorldOutcome) ([]WorldGroup, error) {
	sel, err := dataset.Select(truce, nil, asOf)
	if err != nil {
		return nil, err
	}
	all := func(*dataset.Deal) bool { return true }
	groups := []WorldGroup{worldGroup(WorldTruce, "truce: Pakistan state–Taliban deals",
		"local deals, tribal undertakings and jirga-brokered truces with one state", sel.Deals, sel.AsOf, o, all)}
	if eth != nil {
		unit := "national and local ceasefires in civil conflicts, unilateral or not, of any purpose"
		groups = append(groups,
			worldGroup(WorldEthPrioAll, "ETH/PRIO: all ceasefires", unit, eth.Deals, eth.Coverage, o, all),
			worldGroup(WorldEthPrioAsia, "ETH/PRIO: Asia", unit, eth.Deals, eth.Coverage, o, func(d *dataset.Deal) bool { return d.Region == "Asia" }),
			worldGroup(WorldEthPrioPakistan, "ETH/PRIO: Pakistan", unit, eth.Deals, eth.Coverage, o, func(d *dataset.Deal) bool { return d.Attrs.Value("country") == "Pakistan" }))
	}
	if pad != nil {
		groups = append(groups, worldGroup(WorldUCDPIntrastate, "UCDP PAD: intrastate agreements",
			"written agreements between primary warring parties on the incompatibility", pad.Deals, pad.Coverage, o,
			func(d *dataset.Deal) bool { return d.Attrs.Value("conflict_type") == "intrastate" }))
	}
	for _, g := range groups {
		if len(g.Times) == 0 {
			return nil, fmt.Errorf("analysis: world comparison: group %q has no deal", g.Name)
		}
	}
	return groups, nil
}

func worldGroup(key, name, unit string, deals []dataset.Deal, asOf dataset.Date, o WorldOutcome, keep func(*dataset.Deal) bool) WorldGroup {
	g := WorldGroup{Key: key, Name: name, Unit: unit}
	for i := range deals {
		d := deals[i]
		if !keep(&d) {
			continue
		}
		d = withOutcome(d, o)
		dur, ok := d.Duration(asOf)
		if !ok {
			continue
		}
		g.Times = append(g.Times, float64(dur.Days))
		g.Events = append(g.Events, dur.Event)
	}
	return g
}

// withOutcome returns a copy of d whose ends that count as the event under
// o are breakdowns, so that Deal.Duration counts them.
func withOutcome(d dataset.Deal, o WorldOutcome) dataset.Deal {
	if o == WorldBreakdown {
		return d
	}
	if o == WorldAnyEnd && !d.End.IsZero() {
		d.EndType = dataset.EndTypeBreakdown
		return d
	}
	if d.End.IsZero() && d.Attrs.Value("end_date") != "" {
		if end, err := dataset.ParseDate(d.Attrs.Value("end_date")); err == nil {
			d.End, d.EndType, d.LastSeen = end, dataset.EndTypeBreakdown, dataset.Date{}
		}
	}
	return d
}

// WorldFigure is the summary of one group.
type WorldFigure struct {
	Key, Name, Unit string
	N, Events       int
	// CensoredAt0 counts the times of 0 that are censored: records with no
	// end information, which add nothing to the estimates but count in N.
	CensoredAt0 int
	// Median is the Kaplan–Meier median with 95% log-scale limits.
	Median Quantile
	// EndedBy is 1 − S(t) at each horizon, with its 95% limits (1 − the
	// limits of S, log scale) and the number still at risk there.
	EndedBy, EndedByLower, EndedByUpper []float64
	AtRisk                              []int
	// LogRank compares the group with the reference (the first group); nil
	// for the reference. PHolm is its p-value adjusted with Holm over the
	// tests of the comparison (NaN for the reference).
	LogRank *LogRankResult
	PHolm   float64
	KM      *KM
}

// WorldComparison is Pakistan's deals beside the world's under one outcome.
type WorldComparison struct {
	Outcome  WorldOutcome
	Horizons []float64
	Figures  []WorldFigure
	// Tests is the number of log-rank tests, each group against the
	// reference, over which PHolm is adjusted.
	Tests int
}

// CompareWorld fits a Kaplan–Meier curve to every group (KaplanMeier: R's
// survfit) and tests each group after the first against the first with
// the log-rank test (LogRank: R's survdiff on the two groups), adjusting
// the p-values for the number of tests with Holm (R's p.adjust). The share
// ended by t is 1 − S(t): the cumulative effect of the event's hazard,
// treating every other end as censoring; it is not a competing-risks
// cumulative incidence.
func CompareWorld(groups []WorldGroup, o WorldOutcome, horizons []float64) (*WorldComparison, error) {
	if len(groups) < 2 {
		return nil, fmt.Errorf("analysis: world comparison needs the reference and at least one other group, got %d", len(groups))
	}
	c := &WorldComparison{Outcome: o, Horizons: horizons, Tests: len(groups) - 1}
	var ps []float64
	for i, g := range groups {
		km, err := KaplanMeier(g.Times, g.Events)
		if err != nil {
			return nil, fmt.Errorf("analysis: %s: %w", g.Name, err)
		}
		f := WorldFigure{Key: g.Key, Name: g.Name, Unit: g.Unit, N: km.N, Events: km.Events, Median: km.Median(), KM: km, PHolm: math.NaN()}
		for _, h := range horizons {
			s, lo, hi, risk := km.At(h)
			f.EndedBy = append(f.EndedBy, 1-s)
			f.EndedByLower = append(f.EndedByLower, 1-hi)
			f.EndedByUpper = append(f.EndedByUpper, 1-lo)
			f.AtRisk = append(f.AtRisk, risk)
		}
		for j, t := range g.Times {
			if t == 0 && !g.Events[j] {
				f.CensoredAt0++
			}
		}
		if i > 0 {
			lr, err := logRankPair(groups[0], g)
			if err != nil {
				return nil, fmt.Errorf("analysis: %s against %s: %w", g.Name, groups[0].Name, err)
			}
			f.LogRank = lr
			ps = append(ps, lr.P)
		}
		c.Figures = append(c.Figures, f)
	}
	adj, err := Holm(ps)
	if err != nil {
		return nil, err
	}
	for i, p := range adj {
		c.Figures[i+1].PHolm = p
	}
	return c, nil
}

// World is WorldGroups followed by CompareWorld at WorldHorizons().
func World(truce []dataset.Deal, asOf dataset.Date, eth, pad *external.Data, o WorldOutcome) (*WorldComparison, error) {
	groups, err := WorldGroups(truce, asOf, eth, pad, o)
	if err != nil {
		return nil, err
	}
	return CompareWorld(groups, o, WorldHorizons())
}

func logRankPair(a, b WorldGroup) (*LogRankResult, error) {
	times := append(append([]float64(nil), a.Times...), b.Times...)
	events := append(append([]bool(nil), a.Events...), b.Events...)
	labels := make([]string, 0, len(times))
	for range a.Times {
		labels = append(labels, "a")
	}
	for range b.Times {
		labels = append(labels, "b")
	}
	return LogRank(times, events, labels)
}

// WorldOutcomes returns the three definitions of the event, in report order.
func WorldOutcomes() []WorldOutcome { return slices.Clone(worldOutcomes) }

// WorldHorizons returns the days at which the share ended is reported.
func WorldHorizons() []float64 { return slices.Clone(worldHorizons) }
