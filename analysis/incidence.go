package analysis

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// IncidenceRow is one row of an Aalen–Johansen table: a distinct time at
// which at least one ending or censoring happens, as in R's
// survfit(Surv(time, factor(status)) ~ 1) with a factor status.
type IncidenceRow struct {
	Time    float64
	NRisk   int   // subjects with time >= Time, all still in the initial state
	NEvent  []int // endings of each cause at Time
	NCensor int   // censorings at Time
	// None is the probability that no ending has happened by Time (R's
	// "(s0)" column of pstate), with its standard error and limits.
	None, NoneSE, NoneLower, NoneUpper float64
	// Inc[k] is the cumulative incidence of cause k by Time, after the
	// endings at Time; SE, Lower and Upper are its standard error and
	// confidence limits. None + Σ Inc = 1.
	Inc, SE, Lower, Upper []float64
}

// Incidence is an Aalen–Johansen estimate of the cumulative incidence of
// competing endings.
type Incidence struct {
	N      int      // observations
	Events []int    // endings of each cause
	Causes []string // the names of the causes, in the order of Inc
	Conf   float64  // confidence level of the limits
	Rows   []IncidenceRow
	// Warnings say when the estimate should not be trusted.
	Warnings []string
}

// AalenJohansen estimates the cumulative incidence of competing endings
// (causes) from right-censored data with the Aalen–Johansen estimator
// (Aalen & Johansen 1978), the multi-state product-limit estimator. With
// n_i subjects at risk just before the distinct time t_i and d_ki of them
// ending by cause k there,
//
//	S(t)  = Π_{t_i <= t} (1 − Σ_k d_ki/n_i)          no ending yet
//	F_k(t) = Σ_{t_i <= t} S(t_i−) · d_ki / n_i       cumulative incidence of k
//
// so that S + Σ_k F_k = 1. Unlike 1 − Kaplan–Meier with the other causes
// censored, F_k does not count subjects that ended otherwise as if they
// could still end by cause k.
//
// Standard errors are the infinitesimal jackknife (IJ) of Therneau's
// survival package for R, the default for multi-state survfit: the
// influence of subject j on each hazard increment,
// ∂λ_ki/∂w_j = (dN_jk(t_i) − Y_j(t_i)·λ_ki)/n_i, is carried through the
// product p(t_i) = p(t_i−)·H(t_i), and Var p_s(t) = Σ_j U_js(t)². The
// limits are conf.type = "log", survfit's default: exp(log p ∓ z·se/p),
// the upper capped at 1, NaN where p = 0. The table matches
// survfit(Surv(time, factor(status)) ~ 1) (pstate, std.err, lower, upper).
//
// times are durations (finite, >= 0); causes[i] is 0 when observation i
// was censored and k (1 <= k <= len(names)) when it ended by cause k,
// named names[k−1]. conf is the confidence level, 0 < conf < 1. The cost
// is O(n log n) for the sort and O(n·K² + T·K³) for the estimates and
// their variances, T the number of distinct times.
//
// References: O. O. Aalen and S. Johansen (1978), An empirical transition
// matrix for non-homogeneous Markov chains based on censored observations,
// Scandinavian Journal of Statistics 5(3), 141–150; T. Therneau, survival
// package vignette "Multi-state models and competing risks"; Therneau &
// Grambsch (2000), Modeling Survival Data, Springer.
func AalenJohansen(times []float64, causes []int, names []string, conf float64) (*Incidence, error) {
	if !(conf > 0 && conf < 1) {
		return nil, fmt.Errorf("analysis: confidence level %v is not between 0 and 1", conf)
	}
	if len(causes) != len(times) {
		return nil, fmt.Errorf("analysis: %d times but %d causes", len(times), len(causes))
	}
	if len(names) == 0 {
		return nil, errors.New("analysis: AalenJohansen: no cause names")
	}
	if len(times) == 0 {
		return nil, errors.New("analysis: no observations")
	}
	K := len(names)
	inc := &Incidence{N: len(times), Events: make([]int, K), Causes: slices.Clone(names), Conf: conf}
	for i, t := range times {
		if err := checkSurvivalTime(i, t); err != nil {
			return nil, err
		}
		c := causes[i]
		if c < 0 || c > K {
			return nil, fmt.Errorf("analysis: cause %d of observation %d; want 0 (censored) to %d", c, i, K)
		}
		if c > 0 {
			inc.Events[c-1]++
		}
	}
	n := len(times)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(times[a], times[b]) })

	z := distuv.UnitNormal.Quantile(1 - (1-conf)/2)
	// p[0] is S, p[k] is F_k. Subjects still at risk have never ended, so
	// they all share one influence vector uR; a subject that has left
	// keeps its own, and the left subjects enter the variance only
	// through the second moments D = Σ_j u_j u_jᵀ, which the common linear
	// update at each ending time transforms as M·D·Mᵀ. The variances are
	// those of the subject-by-subject IJ sums, at O(n·K² + T·K³) cost.
	S := K + 1
	p := make([]float64, S)
	p[0] = 1
	uR := make([]float64, S)
	D := make([]float64, S*S)
	M := make([]float64, S*S)
	tmp := make([]float64, S*S)
	uE := make([]float64, S)
	lambda := make([]float64, K)
	d := make([]int, K)
	atRisk := n
	for r := 0; r < n; {
		t := times[order[r]]
		end := r
		clear(d)
		for end < n && times[order[end]] == t {
			if c := causes[order[end]]; c > 0 {
				d[c-1]++
			}
			end++
		}
		row := IncidenceRow{Time: t, NRisk: atRisk, NEvent: slices.Clone(d)}
		total := 0
		for _, v := range d {
			total += v
		}
		row.NCensor = end - r - total
		if total > 0 {
			nr := float64(atRisk)
			lam := 0.0
			for k := range K {
				lambda[k] = float64(d[k]) / nr
				lam += lambda[k]
			}
			p0 := p[0]
			// Left subjects: u0' = (1−λ)·u0, u_{k+1}' = u_{k+1} + λ_k·u0.
			clear(M)
			M[0] = 1 - lam
			for k := range K {
				M[(k+1)*S+k+1] = 1
				M[(k+1)*S] = lambda[k]
			}
			conjugate(D, M, tmp, S)
			// Subjects ending by cause c at t: dl_k = −λ_k/n + [k = c−1]/n.
			u0 := uR[0]
			for k := range K {
				if d[k] == 0 {
					continue
				}
				dsum := -lam/nr + 1/nr
				for m := range K {
					dl := -lambda[m] / nr
					if m == k {
						dl += 1 / nr
					}
					uE[m+1] = uR[m+1] + u0*lambda[m] + p0*dl
				}
				uE[0] = u0*(1-lam) - p0*dsum
				addOuter(D, uE, float64(d[k]), S)
			}
			// Subjects at risk that did not end at t: dl_k = −λ_k/n.
			for k := range K {
				uR[k+1] += u0*lambda[k] - p0*lambda[k]/nr
			}
			uR[0] = u0*(1-lam) + p0*lam/nr
			for k := range K {
				p[k+1] += p0 * lambda[k]
			}
			p[0] = p0 * (1 - lam)
			if total == atRisk {
				p[0] = 0
			}
		}
		// Censored at t: they leave with the shared vector.
		addOuter(D, uR, float64(row.NCensor), S)
		left := float64(n - end)
		se := make([]float64, S)
		for s := range se {
			se[s] = math.Sqrt(D[s*S+s] + left*uR[s]*uR[s])
		}
		row.None, row.NoneSE = p[0], se[0]
		row.NoneLower, row.NoneUpper = logLimits(p[0], se[0], z)
		row.Inc, row.SE = slices.Clone(p[1:]), se[1:]
		row.Lower, row.Upper = make([]float64, K), make([]float64, K)
		for k := range K {
			row.Lower[k], row.Upper[k] = logLimits(p[k+1], se[k+1], z)
		}
		inc.Rows = append(inc.Rows, row)
		atRisk -= end - r
		r = end
	}
	all := 0
	for _, e := range inc.Events {
		all += e
	}
	switch {
	case all == 0:
		inc.Warnings = append(inc.Warnings, "every observation is censored: every cumulative incidence stays at 0")
	case all < 5:
		inc.Warnings = append(inc.Warnings, "only "+Plural(all, "ending", "endings")+": the estimates and their confidence limits are unreliable")
	}
	if inc.N < 10 {
		inc.Warnings = append(inc.Warnings, "only "+Plural(inc.N, "observation", "observations")+": the estimates and their confidence limits are unreliable")
	}
	return inc, nil
}

// conjugate sets the S×S matrix D to M·D·Mᵀ, using tmp as scratch.
func conjugate(D, M, tmp []float64, S int) {
	for i := range S {
		for j := range S {
			v := 0.0
			for k := range S {
				v += M[i*S+k] * D[k*S+j]
			}
			tmp[i*S+j] = v
		}
	}
	for i := range S {
		for j := range S {
			v := 0.0
			for k := range S {
				v += tmp[i*S+k] * M[j*S+k]
			}
			D[i*S+j] = v
		}
	}
}

// addOuter adds w·u·uᵀ to the S×S matrix D.
func addOuter(D, u []float64, w float64, S int) {
	if w == 0 {
		return
	}
	for i := range S {
		for j := range S {
			D[i*S+j] += w * u[i] * u[j]
		}
	}
}

// logLimits returns survfit's conf.type = "log" limits of a probability p
// with standard error se: exp(log p ∓ z·se/p), the upper capped at 1; NaN
// where p = 0.
func logLimits(p, se, z float64) (lo, hi float64) {
	if p <= 0 {
		return math.NaN(), math.NaN()
	}
	w := z * se / p
	return math.Exp(math.Log(p) - w), math.Min(1, math.Exp(math.Log(p)+w))
}

// At returns the row in force at time t ("what share is in each state at
// t"), a right-continuous step function as R's summary(fit, times = t)
// gives it: before the first time no ending has happened (None 1, every
// incidence 0, standard errors 0, limits as logLimits gives them), after
// the last time the last row holds. The returned row's Time is t and its
// counts are those of the row in force (zero before the first time).
func (c *Incidence) At(t float64) IncidenceRow {
	i := sort.Search(len(c.Rows), func(i int) bool { return c.Rows[i].Time > t })
	K := len(c.Causes)
	if math.IsNaN(t) || i == 0 {
		r := IncidenceRow{Time: t, NRisk: c.N, NEvent: make([]int, K), None: 1,
			Inc: make([]float64, K), SE: make([]float64, K), Lower: make([]float64, K), Upper: make([]float64, K)}
		r.NoneLower, r.NoneUpper = 1, 1
		for k := range K {
			r.Lower[k], r.Upper[k] = math.NaN(), math.NaN()
		}
		if math.IsNaN(t) {
			r.None, r.NoneSE, r.NoneLower, r.NoneUpper = math.NaN(), math.NaN(), math.NaN(), math.NaN()
			for k := range K {
				r.Inc[k], r.SE[k] = math.NaN(), math.NaN()
			}
		}
		return r
	}
	r := c.Rows[i-1]
	r.Time = t
	r.NEvent, r.Inc, r.SE = slices.Clone(r.NEvent), slices.Clone(r.Inc), slices.Clone(r.SE)
	r.Lower, r.Upper = slices.Clone(r.Lower), slices.Clone(r.Upper)
	return r
}

// Cause returns the index in Inc of the named cause, or −1.
func (c *Incidence) Cause(name string) int { return slices.Index(c.Causes, name) }

// TimeTo returns the first time by which the cumulative incidence of cause
// k (an index into Causes) reaches share q, 0 < q < 1: "the time by which
// half had broken down" is TimeTo(k, 0.5). A value within sqrt(machine
// epsilon) of q counts as reaching it, as in KM.Median. The limits invert
// the pointwise limits as Brookmeyer & Crowley's do for the median: Lower
// is the first time the upper limit reaches q, Upper the first time the
// lower limit does. Any of the three is NaN with its Reached flag false
// when it never happens (the incidence need not reach q at all: other
// endings can take more than 1 − q of the subjects). R's survival package
// declines to give quantiles of multi-state curves, so this is checked
// against R's pointwise values, not a quantile function.
func (c *Incidence) TimeTo(k int, q float64) Quantile {
	out := Quantile{Estimate: math.NaN(), Lower: math.NaN(), Upper: math.NaN()}
	if k < 0 || k >= len(c.Causes) || !(q > 0 && q < 1) {
		return out
	}
	first := func(v func(IncidenceRow) float64) (float64, bool) {
		for _, r := range c.Rows {
			if x := v(r); !math.IsNaN(x) && x > q-medianTolerance {
				return r.Time, true
			}
		}
		return math.NaN(), false
	}
	out.Estimate, out.Reached = first(func(r IncidenceRow) float64 { return r.Inc[k] })
	out.Lower, out.LowerReached = first(func(r IncidenceRow) float64 { return r.Upper[k] })
	out.Upper, out.UpperReached = first(func(r IncidenceRow) float64 { return r.Lower[k] })
	return out
}

// GroupIncidence is the Aalen–Johansen estimate of one group.
type GroupIncidence struct {
	Group string
	*Incidence
}

// AalenJohansenBy estimates the cumulative incidence separately in each
// group, as survfit(Surv(time, factor(status)) ~ group) does; groups[i]
// labels observation i and the result is sorted by label (byte order).
func AalenJohansenBy(times []float64, causes []int, names []string, groups []string, conf float64) ([]GroupIncidence, error) {
	if len(groups) != len(times) || len(causes) != len(times) {
		return nil, fmt.Errorf("analysis: %d times, %d causes and %d group labels; want equal lengths", len(times), len(causes), len(groups))
	}
	var out []GroupIncidence
	for _, g := range levels(groups) {
		var tg []float64
		var cg []int
		for i, l := range groups {
			if l == g {
				tg, cg = append(tg, times[i]), append(cg, causes[i])
			}
		}
		inc, err := AalenJohansen(tg, cg, names, conf)
		if err != nil {
			return nil, fmt.Errorf("group %q: %w", g, err)
		}
		out = append(out, GroupIncidence{Group: g, Incidence: inc})
	}
	return out, nil
}
