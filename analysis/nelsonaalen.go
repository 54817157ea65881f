package analysis

import (
	"cmp"
	"math"
	"slices"
)

// HazardRow is one row of a Nelson–Aalen table: a distinct time at which
// at least one event or censoring happens.
type HazardRow struct {
	Time    float64
	NRisk   int // subjects with time >= Time
	NEvent  int
	NCensor int
	// CumHaz is the Nelson–Aalen cumulative hazard Λ(Time) and SE its
	// standard error.
	CumHaz, SE float64
}

// CumHazard is a Nelson–Aalen cumulative hazard curve.
type CumHazard struct {
	N, Events int
	Rows      []HazardRow
}

// NelsonAalen estimates the cumulative hazard of right-censored data with
// the Nelson–Aalen estimator (Nelson 1969; Aalen 1978),
//
//	Λ(t) = Σ_{t_i <= t} d_i / n_i,
//
// with the variance Σ_{t_i <= t} d_i / n_i² (Aalen's Poisson-type
// estimator), as R's survfit(Surv(time, status) ~ 1, ctype = 1) reports
// them in cumhaz and std.chaz. Input as for KaplanMeier.
//
// References: W. Nelson (1969), Hazard plotting for incomplete failure
// data, Journal of Quality Technology 1, 27–52; O. Aalen (1978),
// Nonparametric inference for a family of counting processes, Annals of
// Statistics 6(4), 701–726; T. Therneau, survival: documentation of
// survfit.formula (ctype).
func NelsonAalen(times []float64, events []bool) (*CumHazard, error) {
	if err := checkSurvivalInput(times, events); err != nil {
		return nil, err
	}
	n := len(times)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(times[a], times[b]) })
	out := &CumHazard{N: n}
	cum, v := 0.0, 0.0
	for r := 0; r < n; {
		t := times[order[r]]
		row := HazardRow{Time: t, NRisk: n - r}
		for ; r < n && times[order[r]] == t; r++ {
			if events[order[r]] {
				row.NEvent++
			} else {
				row.NCensor++
			}
		}
		nr, d := float64(row.NRisk), float64(row.NEvent)
		cum += d / nr
		v += d / (nr * nr)
		row.CumHaz, row.SE = cum, math.Sqrt(v)
		out.Events += row.NEvent
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}
