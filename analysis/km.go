package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// KMRow is one row of a Kaplan–Meier table: a distinct time at which at
// least one event or censoring happens, as in R's
// summary(survfit(Surv(time, status) ~ 1), censored = TRUE).
type KMRow struct {
	Time    float64
	NRisk   int // subjects with time >= Time
	NEvent  int // events at Time
	NCensor int // censorings at Time
	// Surv is the Kaplan–Meier estimate S(Time).
	Surv float64
	// StdErr is Greenwood's standard error of S(Time),
	// S·sqrt(Σ d/(n(n−d))). It is NaN where S = 0 because every subject
	// at risk failed (R prints NaN).
	StdErr float64
	// Lower and Upper are the log-transformed confidence limits
	// exp(log S ∓ z·sqrt(Σ d/(n(n−d)))), Upper capped at 1. Both are NaN
	// where S = 0 (R prints NA).
	Lower, Upper float64
}

// KM is a Kaplan–Meier survival curve with Greenwood standard errors.
type KM struct {
	N      int     // observations
	Events int     // observations that end in an event
	Conf   float64 // confidence level of Lower, Upper and the median's limits
	Rows   []KMRow // one per distinct time, in increasing order
	// Warnings say when the curve should not be trusted.
	Warnings []string
}

// Quantile is a survival time quantile with its confidence limits. A limit
// that the curve never reaches is NaN with its Reached flag false.
type Quantile struct {
	Estimate, Lower, Upper              float64
	Reached, LowerReached, UpperReached bool
}

// KaplanMeier estimates the survival function of right-censored data with
// the product-limit estimator of Kaplan & Meier (1958),
//
//	S(t) = Π_{t_i <= t} (1 − d_i/n_i),
//
// where n_i subjects are at risk (time >= t_i) and d_i fail at the distinct
// time t_i. Its variance is Greenwood's (1926),
//
//	Var S(t) = S(t)² Σ_{t_i <= t} d_i / (n_i (n_i − d_i)),
//
// and the 95% limits are computed on the log scale, exp(log S ± 1.96·σ)
// with σ² = Σ d_i/(n_i(n_i − d_i)), the upper limit capped at 1. This is
// conf.type = "log", the default of survfit in Therneau's survival package
// for R, and the table matches summary(survfit(...), censored = TRUE).
//
// times are durations (finite, >= 0); events[i] is true when observation i
// ended in an event and false when it was censored. Mismatched lengths,
// empty input and non-finite or negative times are errors. The cost is a
// sort, O(n log n), and one pass.
//
// References: E. L. Kaplan and P. Meier (1958), Nonparametric estimation
// from incomplete observations, Journal of the American Statistical
// Association 53(282), 457–481; M. Greenwood (1926), The natural duration
// of cancer, Reports on Public Health and Medical Subjects 33, HMSO;
// T. Therneau, survival: Survival Analysis, R package, documentation of
// survfit.formula and summary.survfit.
func KaplanMeier(times []float64, events []bool) (*KM, error) {
	return KaplanMeierConf(times, events, 0.95)
}

// KaplanMeierConf is KaplanMeier with confidence level conf, 0 < conf < 1,
// for the pointwise limits and the limits of Median (survfit's conf.int).
func KaplanMeierConf(times []float64, events []bool, conf float64) (*KM, error) {
	if !(conf > 0 && conf < 1) {
		return nil, fmt.Errorf("analysis: confidence level %v is not between 0 and 1", conf)
	}
	if err := checkSurvivalInput(times, events); err != nil {
		return nil, err
	}
	// Sorting two float64 slices is several times faster than sorting
	// records by time.
	nEv := 0
	for _, e := range events {
		if e {
			nEv++
		}
	}
	evT, cenT := make([]float64, 0, nEv), make([]float64, 0, len(times)-nEv)
	for i, t := range times {
		if events[i] {
			evT = append(evT, t)
		} else {
			cenT = append(cenT, t)
		}
	}
	slices.Sort(evT)
	slices.Sort(cenT)
	z := distuv.UnitNormal.Quantile(1 - (1-conf)/2)
	km := &KM{N: len(times), Events: len(evT), Conf: conf}
	km.Rows = make([]KMRow, 0, countDistinctMerged(evT, cenT))
	nRisk := len(times)
	s, gw := 1.0, 0.0 // S(t) and Greenwood's sum Σ d/(n(n−d))
	for i, j := 0, 0; i < len(evT) || j < len(cenT); {
		t := math.Inf(1)
		if i < len(evT) {
			t = evT[i]
		}
		if j < len(cenT) && cenT[j] < t {
			t = cenT[j]
		}
		d, c := 0, 0
		for ; i < len(evT) && evT[i] == t; i++ {
			d++
		}
		for ; j < len(cenT) && cenT[j] == t; j++ {
			c++
		}
		row := KMRow{Time: t, NRisk: nRisk, NEvent: d, NCensor: c}
		if d > 0 {
			n := float64(nRisk)
			s *= 1 - float64(d)/n
			if d == nRisk {
				s, gw = 0, math.Inf(1)
			} else {
				gw += float64(d) / (n * (n - float64(d)))
			}
		}
		row.Surv = s
		if s == 0 {
			// R: std.err = 0·Inf = NaN, and conf.type "log" gives NA at S = 0.
			row.StdErr, row.Lower, row.Upper = math.NaN(), math.NaN(), math.NaN()
		} else {
			se := math.Sqrt(gw)
			row.StdErr = s * se
			row.Lower = math.Exp(math.Log(s) - z*se)
			row.Upper = math.Min(1, math.Exp(math.Log(s)+z*se))
		}
		km.Rows = append(km.Rows, row)
		nRisk -= d + c
	}
	switch {
	case km.Events == 0:
		km.Warnings = append(km.Warnings, "every observation is censored: the curve stays at 1 and the median is not reached")
	case km.Events < 5:
		km.Warnings = append(km.Warnings, "only "+Plural(km.Events, "event", "events")+": the curve and its confidence limits are unreliable")
	}
	if km.N < 10 {
		km.Warnings = append(km.Warnings, "only "+Plural(km.N, "observation", "observations")+": the curve and its confidence limits are unreliable")
	}
	return km, nil
}

// countDistinctMerged counts the distinct values of two sorted slices
// taken together.
func countDistinctMerged(a, b []float64) int {
	n := 0
	for i, j := 0, 0; i < len(a) || j < len(b); n++ {
		t := math.Inf(1)
		if i < len(a) {
			t = a[i]
		}
		if j < len(b) && b[j] < t {
			t = b[j]
		}
		for ; i < len(a) && a[i] == t; i++ {
		}
		for ; j < len(b) && b[j] == t; j++ {
		}
	}
	return n
}

// checkSurvivalInput checks that times and events have the same, non-zero
// length and that every time is a finite duration >= 0.
func checkSurvivalInput(times []float64, events []bool) error {
	if len(times) != len(events) {
		return fmt.Errorf("analysis: %d times but %d event flags", len(times), len(events))
	}
	if len(times) == 0 {
		return errors.New("analysis: no observations")
	}
	for i, t := range times {
		if err := checkSurvivalTime(i, t); err != nil {
			return err
		}
	}
	return nil
}

func checkSurvivalTime(i int, t float64) error {
	switch {
	case math.IsNaN(t):
		return fmt.Errorf("analysis: time %d is NaN", i)
	case math.IsInf(t, 0):
		return fmt.Errorf("analysis: time %d is %v, want a finite duration", i, t)
	case t < 0:
		return fmt.Errorf("analysis: time %d is %v, want a duration >= 0", i, t)
	}
	return nil
}

// Surv returns the estimate S(t), a right-continuous step function: 1
// before the first time, and after the last time the last value (R's
// summary(fit, times = t, extend = TRUE)). Surv(NaN) is NaN, and so is
// Surv of a nil *KM.
func (km *KM) Surv(t float64) float64 {
	if km == nil || math.IsNaN(t) {
		return math.NaN()
	}
	// The first row after t; the one before it holds S(t).
	i := sort.Search(len(km.Rows), func(i int) bool { return km.Rows[i].Time > t })
	if i == 0 {
		return 1
	}
	return km.Rows[i-1].Surv
}

// At returns S(t), its confidence limits and the number at risk at t, as
// R's summary(fit, times = t, extend = TRUE) does: S and its limits are
// those of the last row at or before t (1 before the first row, the last
// value past the last row); the number at risk counts the times >= t.
func (km *KM) At(t float64) (s, lower, upper float64, risk int) {
	s, lower, upper = 1, 1, 1
	found := false
	for _, r := range km.Rows {
		if r.Time <= t {
			s, lower, upper = r.Surv, r.Lower, r.Upper
		}
		if r.Time >= t && !found {
			risk, found = r.NRisk, true
		}
	}
	return s, lower, upper, risk
}

// medianTolerance is survival's tolerance, sqrt(.Machine$double.eps), for
// deciding that a curve equals 0.5.
var medianTolerance = math.Sqrt(0x1p-52)

// Median returns the median survival time and its confidence limits as
// print(survfit) in R's survival package reports them (median, 0.95LCL,
// 0.95UCL; survival:::survmean): the median is the first time at which
// S(t) <= 0.5, and the limits are the first times at which the lower and
// the upper pointwise limits fall to 0.5 or below (R. Brookmeyer and
// J. Crowley (1982), A confidence interval for the median survival time,
// Biometrics 38(1), 29–41). When S equals 0.5 (within sqrt(machine epsilon)) on an interval
// that ends with a later drop, the median is the midpoint of that interval:
// the time S reached 0.5 and the next time the curve falls. When the curve
// ends at exactly 0.5 (the last subjects censored), the median is the time
// it reached 0.5; R's quantile(survfit, 0.5) reports the midpoint to the
// last observed time instead. A quantity never reached is NaN, with its
// Reached flag false; so is every quantity of a nil *KM.
func (km *KM) Median() Quantile {
	if km == nil {
		return Quantile{Estimate: math.NaN(), Lower: math.NaN(), Upper: math.NaN()}
	}
	var q Quantile
	col := func(f func(r KMRow) float64) (float64, bool) {
		return firstAtOrBelowHalf(km.Rows, f)
	}
	q.Estimate, q.Reached = col(func(r KMRow) float64 { return r.Surv })
	q.Lower, q.LowerReached = col(func(r KMRow) float64 { return r.Lower })
	q.Upper, q.UpperReached = col(func(r KMRow) float64 { return r.Upper })
	return q
}

// firstAtOrBelowHalf is survival's minmin: the first time at which y(t) <
// 0.5 + tol, ignoring NaN, or the midpoint to the next lower value when
// that y is 0.5.
func firstAtOrBelowHalf(rows []KMRow, y func(KMRow) float64) (float64, bool) {
	first := -1
	for i, r := range rows {
		v := y(r)
		if math.IsNaN(v) || !(v < 0.5+medianTolerance) {
			continue
		}
		if first < 0 {
			first = i
			if math.Abs(v-0.5) >= medianTolerance {
				return r.Time, true
			}
			continue
		}
		if v < y(rows[first]) {
			return (rows[first].Time + r.Time) / 2, true
		}
	}
	if first < 0 {
		return math.NaN(), false
	}
	return rows[first].Time, true
}

// RMST returns the restricted mean survival time up to tau, the area under
// the Kaplan–Meier curve from 0 to tau, and its standard error
//
//	se² = Σ_{t_i <= tau} A_i² d_i / (n_i (n_i − d_i)),  A_i = ∫_{t_i}^{tau} S(u) du,
//
// as print(survfit, rmean = tau) in R's survival package computes *rmean and
// *se(rmean) (survival:::survmean; terms with n_i = d_i count 0). A tau
// past the last time extends the last value of the curve, as R does. tau
// must be finite and >= 0; a nil *KM is an error.
func (km *KM) RMST(tau float64) (est, se float64, err error) {
	if km == nil {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: RMST of a nil Kaplan–Meier estimate")
	}
	if math.IsNaN(tau) || math.IsInf(tau, 0) || tau < 0 {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: RMST horizon %v is not a finite time >= 0", tau)
	}
	m := sort.Search(len(km.Rows), func(i int) bool { return km.Rows[i].Time > tau })
	rows := km.Rows[:m]
	// rect[j] is the area of the step that starts at rows[j-1] (or at 0 for
	// j = 0) and ends at rows[j] (or at tau for j = m).
	prevT, prevS := 0.0, 1.0
	rect := make([]float64, m+1)
	for j, r := range rows {
		rect[j] = (r.Time - prevT) * prevS
		prevT, prevS = r.Time, r.Surv
	}
	rect[m] = (tau - prevT) * prevS
	var after, v float64 // after = A_i, the area from rows[i] to tau
	for i := m - 1; i >= 0; i-- {
		after += rect[i+1]
		r := rows[i]
		if r.NEvent > 0 && r.NRisk > r.NEvent {
			n, d := float64(r.NRisk), float64(r.NEvent)
			v += after * after * d / (n * (n - d))
		}
	}
	return after + rect[0], math.Sqrt(v), nil
}
