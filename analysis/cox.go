package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Ties names how the Cox partial likelihood treats events that share a time.
type Ties int

const (
	// Efron's approximation (Efron 1977), the default here and in R's
	// survival::coxph. For d events tied at one time, with risk-set sum R and
	// tied-event sum D of exp(βᵀx), the denominator of the k-th event
	// (k = 0, …, d−1) is R − (k/d)·D instead of R.
	Efron Ties = iota
	// Breslow's approximation (Breslow 1974): every tied event has the full
	// risk set R as its denominator. Simpler and slightly more biased towards
	// zero than Efron's when ties are many.
	Breslow
)

// String returns "efron" or "breslow", the names R uses.
func (t Ties) String() string {
	switch t {
	case Efron:
		return "efron"
	case Breslow:
		return "breslow"
	}
	return fmt.Sprintf("Ties(%d)", int(t))
}

// ParseTies reads a tie method by the name R uses: "efron" or "breslow".
func ParseTies(name string) (Ties, error) {
	for _, t := range []Ties{Efron, Breslow} {
		if t.String() == name {
			return t, nil
		}
	}
	return 0, fmt.Errorf("analysis: want efron or breslow")
}

// CoxTerm is one covariate's row of a Cox model summary, as printed by R's
// summary(coxph(...)).
type CoxTerm struct {
	Term    string
	Coef    float64 // β, the log hazard ratio per unit of the covariate
	ExpCoef float64 // exp(β), the hazard ratio
	SE      float64 // sqrt of the diagonal of the inverse information matrix
	Z       float64 // Wald z = β / SE
	P       float64 // two-sided Wald p-value, P(|N(0,1)| ≥ |z|)
	Lower   float64 // 95% confidence interval of exp(β): exp(β − 1.96·SE)
	Upper   float64 // exp(β + 1.96·SE)
}

// Cox is a fitted Cox proportional-hazards model.
type Cox struct {
	N      int // observations
	Events int // observations with an event
	Ties   Ties
	Terms  []CoxTerm // fitted covariates, in input order (constant ones dropped)

	LogLik0 float64 // log partial likelihood at β = 0
	LogLik  float64 // log partial likelihood at the estimate

	// Likelihood-ratio test of β = 0: 2·(LogLik − LogLik0) on LRDF degrees
	// of freedom (the number of fitted terms).
	LRChisq float64
	LRDF    int
	LRP     float64

	// Wald test of β = 0: βᵀ I(β) β, with I the observed information.
	WaldChisq float64
	WaldDF    int
	WaldP     float64

	// Score test of β = 0: U(0)ᵀ I(0)⁻¹ U(0) on LRDF degrees of freedom.
	// With one binary covariate and no tied event times it equals the
	// log-rank statistic; with ties it differs slightly (aml: 3.42 with
	// Efron's ties, 3.32 with Breslow's, log-rank 3.40).
	ScoreChisq float64
	ScoreP     float64

	Iterations int  // Newton–Raphson iterations, counted as R counts them
	Converged  bool // the log-likelihood converged (coefficients may still be infinite: see Warnings)
	Warnings   []string
}

// Constants of R's coxph.control(), survival 3.5.
const (
	coxEps      = 1e-9                 // convergence: |1 − loglik_old/loglik_new| ≤ coxEps
	coxMaxIter  = 20                   // iter.max
	coxTolerInf = 3.16227766016838e-05 // toler.inf = sqrt(coxEps)
	// toler.chol = .Machine$double.eps^0.75: a pivot of the LDLᵀ
	// factorisation below this fraction of the largest diagonal marks the
	// column as redundant.
	coxTolerChol = 1.818989403545856e-12
	z975         = 1.959963984540054 // qnorm(0.975)
)

// CoxPH fits the Cox proportional-hazards model (Cox 1972)
//
//	h(t | x) = h₀(t) · exp(βᵀx)
//
// by maximising the log partial likelihood
//
//	ℓ(β) = Σ_events [ βᵀxᵢ − log Σ_{j ∈ R(tᵢ)} exp(βᵀxⱼ) ],
//
// where the risk set R(t) holds every observation with time ≥ t (an
// observation censored at t is still at risk for events at t). Tied event
// times use Efron's (1977) or Breslow's (1974) approximation.
//
// times are durations (≥ 0), events marks an event (true) or censoring
// (false), x holds one row of p covariates per observation, and names gives
// the p covariate names (nil means "x1", "x2", …).
//
// The algorithm is that of R's survival::coxph.fit (C routine coxfit6;
// Therneau & Grambsch 2000, ch. 3): covariates are centred and scaled by
// their mean absolute deviation; Newton–Raphson starts at β = 0 and stops
// when |1 − ℓ_old/ℓ_new| ≤ 1e-9, at most 20 iterations; a step that lowers
// ℓ is shrunk towards the last good β (step halving, more aggressively each
// time). Observations are sorted by time once (O(n log n)); each iteration
// then accumulates the risk-set sums Σexp(βᵀx), Σexp(βᵀx)·x and
// Σexp(βᵀx)·xxᵀ from the latest time backwards, O(n·p²).
// Standard errors come from the inverse of the observed information at the
// estimate, and the score test from the information at β = 0.
//
// Reported as warnings, never hidden:
//   - non-convergence after 20 iterations;
//   - monotone likelihood (a coefficient running off to ±∞, for example a
//     covariate that separates the events perfectly): flagged, as R does,
//     when the last Newton step of a coefficient is still larger than
//     1e-9 and than sqrt(1e-9)·|β|. Its β, SE and Wald test are then
//     meaningless; the likelihood-ratio test is still usable;
//   - fewer than 10 events per covariate (Peduzzi et al. 1995);
//   - a constant covariate, which is dropped from the model (R keeps it with
//     an NA coefficient); Terms then lists only the fitted covariates.
//
// Errors: bad input, no events, every covariate constant, and a singular
// information matrix at β = 0 (collinear covariates, where R would report an
// NA coefficient and "X matrix deemed to be singular").
//
// References: D. R. Cox (1972), Regression models and life-tables, JRSS B 34,
// 187–220. B. Efron (1977), The efficiency of Cox's likelihood function for
// censored data, JASA 72, 557–565. N. Breslow (1974), Covariance analysis of
// censored survival data, Biometrics 30, 89–99. T. M. Therneau and
// P. M. Grambsch (2000), Modeling Survival Data: Extending the Cox Model,
// Springer. P. Peduzzi et al. (1995), Importance of events per independent
// variable in proportional hazards regression analysis II, J Clin Epidemiol
// 48, 1503–1510.
func CoxPH(times []float64, events []bool, x [][]float64, names []string, ties Ties) (*Cox, error) {
	return coxPH(times, events, x, names, nil, nil, ties)
}

// coxPH is CoxPH with optional strata: strata[i] numbers observation i's
// stratum, and each risk set holds only the observations of the event's
// stratum (nil: one stratum). CoxPHStrata documents it. order is
// timeOrder(times, strata) if the caller has it already (CoxZPH), else
// nil.
func coxPH(times []float64, events []bool, x [][]float64, names []string, strata, order []int, ties Ties) (*Cox, error) {
	n := len(times)
	if n == 0 {
		return nil, errors.New("analysis: CoxPH: no observations")
	}
	if len(events) != n || len(x) != n {
		return nil, fmt.Errorf("analysis: CoxPH: %d times, %d event flags and %d covariate rows; want equal lengths", n, len(events), len(x))
	}
	if ties != Efron && ties != Breslow {
		return nil, fmt.Errorf("analysis: CoxPH: unknown ties method %d; want Efron or Breslow", int(ties))
	}
	p := len(x[0])
	if p == 0 {
		return nil, errors.New("analysis: CoxPH: no covariates")
	}
	if names == nil {
		names = make([]string, p)
		for j := range names {
			names[j] = fmt.Sprintf("x%d", j+1)
		}
	} else if len(names) != p {
		return nil, fmt.Errorf("analysis: CoxPH: %d names for %d covariates", len(names), p)
	}
	nev := 0
	for i, t := range times {
		if math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
			return nil, fmt.Errorf("analysis: CoxPH: time %d is %v; want a finite duration >= 0", i, t)
		}
		if len(x[i]) != p {
			return nil, fmt.Errorf("analysis: CoxPH: covariate row %d has %d values; want %d", i, len(x[i]), p)
		}
		for j, v := range x[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("analysis: CoxPH: covariate %s of observation %d is %v; want a finite number", names[j], i, v)
			}
		}
		if events[i] {
			nev++
		}
	}
	if nev == 0 {
		return nil, errors.New("analysis: CoxPH: no events (every observation is censored); the model cannot be estimated")
	}

	res := &Cox{N: n, Events: nev, Ties: ties}

	// Drop constant covariates.
	var keep []int
	for j := 0; j < p; j++ {
		constant := true
		for i := 1; i < n; i++ {
			if x[i][j] != x[0][j] {
				constant = false
				break
			}
		}
		if constant {
			res.Warnings = append(res.Warnings, fmt.Sprintf("covariate %s is constant (%v); it was dropped from the model", names[j], x[0][j]))
			continue
		}
		keep = append(keep, j)
	}
	if len(keep) == 0 {
		return nil, errors.New("analysis: CoxPH: every covariate is constant; nothing to estimate")
	}
	// Sort once by time (ascending); the fit and the check of each covariate walk from the latest time back.
	if order == nil {
		order = timeOrder(times, strata)
	}
	var flat []string
	for _, j := range keep {
		if !variesAtSomeEvent(times, events, x, j, strata, order) {
			flat = append(flat, names[j])
		}
	}
	if len(flat) > 0 {
		return nil, fmt.Errorf("analysis: CoxPH: the coefficient of %s is not estimable (R gives NA): it does not vary among the deals at risk at any breakdown, as when every deal with it left observation before the first breakdown", strings.Join(flat, ", "))
	}
	q := len(keep)
	if nev < 10*q {
		res.Warnings = append(res.Warnings, fmt.Sprintf("only %s for %s (fewer than 10 per covariate): estimates may be biased and confidence intervals unreliable", Plural(nev, "event", "events"), Plural(q, "covariate", "covariates")))
	}

	f := &coxFit{n: n, p: q, efron: ties == Efron}
	f.time = make([]float64, n)
	f.status = make([]bool, n)
	for r, i := range order {
		f.time[r] = times[i]
		f.status[r] = events[i]
	}
	if strata != nil {
		f.strata = make([]int, n)
		for r, i := range order {
			f.strata[r] = strata[i]
		}
	}
	// Centre and scale each covariate as coxfit6 does: z = (x − mean)·s with
	// s = n / Σ|x − mean|.
	f.z = make([][]float64, q)
	scale := make([]float64, q)
	for k, j := range keep {
		col := make([]float64, n)
		mean := 0.0
		for _, i := range order {
			mean += x[i][j]
		}
		mean /= float64(n)
		mad := 0.0
		for r, i := range order {
			col[r] = x[i][j] - mean
			mad += math.Abs(col[r])
		}
		s := 1.0
		if mad > 0 {
			s = float64(n) / mad
		}
		for r := range col {
			col[r] *= s
		}
		scale[k] = s
		f.z[k] = col
	}
	f.alloc()

	// Iteration 0: β = 0.
	beta := make([]float64, q)
	newbeta := make([]float64, q)
	ll0 := f.eval(beta)
	res.LogLik0 = ll0
	if math.IsNaN(ll0) || math.IsInf(ll0, 0) {
		return nil, errors.New("analysis: CoxPH: log-likelihood at beta = 0 is not finite")
	}
	info := f.imatFull()
	ch := newLDL(info, coxTolerChol)
	if ch.rank < q {
		var bad []string
		for k, d := range ch.d {
			if d == 0 {
				bad = append(bad, names[keep[k]])
			}
		}
		return nil, fmt.Errorf("analysis: CoxPH: the information matrix is singular: covariate(s) %s are linear combinations of the others (collinear); drop them", strings.Join(bad, ", "))
	}
	step := ch.solve(f.u)
	score := 0.0
	for k := range step {
		score += f.u[k] * step[k]
	}
	res.ScoreChisq = score

	// Main loop, as in coxfit6.
	best := ll0
	for k := range newbeta {
		newbeta[k] = beta[k] + step[k]
	}
	halving := 0
	converged := false
	var newlk float64
	iter := 1
	for ; iter <= coxMaxIter; iter++ {
		newlk = f.eval(newbeta)
		info = f.imatFull()
		ch = newLDL(info, coxTolerChol)
		finite := !math.IsNaN(newlk) && !math.IsInf(newlk, 0)
		for k := 0; k < q && finite; k++ {
			if math.IsNaN(f.u[k]) || math.IsInf(f.u[k], 0) {
				finite = false
			}
			for _, v := range info[k] {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					finite = false
				}
			}
		}
		if finite && (math.Abs(1-best/newlk) <= coxEps || (best == 0 && newlk == 0)) {
			best = newlk
			copy(beta, newbeta)
			converged = true
			break
		}
		if !finite || newlk < best {
			halving++
			for k := range newbeta {
				newbeta[k] = (newbeta[k] + float64(halving)*beta[k]) / float64(halving+1)
			}
		} else {
			halving = 0
			best = newlk
			st := ch.solve(f.u)
			for k := range newbeta {
				beta[k] = newbeta[k]
				newbeta[k] += st[k]
			}
		}
	}
	if !converged {
		// Ran out of iterations: report the last β that raised the
		// likelihood. (R's coxfit6 leaves its counter at iter.max + 1 = 21
		// here; we report the 20 iterations done.)
		best = f.eval(beta)
		info = f.imatFull()
		ch = newLDL(info, coxTolerChol)
		iter = coxMaxIter
	}
	res.Iterations = iter
	res.Converged = converged
	res.LogLik = best

	variance := ch.inverse()
	for k := 0; k < q; k++ {
		if variance[k][k] <= 0 || math.IsNaN(variance[k][k]) {
			return nil, fmt.Errorf("analysis: CoxPH: the information matrix is singular at the estimate (covariate %s); its standard error cannot be computed", names[keep[k]])
		}
	}
	// Last Newton step (in the original units), R's test for infinite β.
	lastStep := make([]float64, q)
	for k := 0; k < q; k++ {
		for l := 0; l < q; l++ {
			lastStep[k] += f.u[l] * variance[l][k]
		}
		lastStep[k] *= scale[k]
	}

	wald := 0.0
	for k := 0; k < q; k++ {
		for l := 0; l < q; l++ {
			wald += beta[k] * info[k][l] * beta[l]
		}
	}
	res.Terms = make([]CoxTerm, q)
	maxLP := 0.0
	for k, j := range keep {
		b := beta[k] * scale[k]
		se := math.Sqrt(variance[k][k]) * scale[k]
		z := b / se
		res.Terms[k] = CoxTerm{
			Term:    names[j],
			Coef:    b,
			ExpCoef: math.Exp(b),
			SE:      se,
			Z:       z,
			P:       math.Erfc(math.Abs(z) / math.Sqrt2),
			Lower:   math.Exp(b - z975*se),
			Upper:   math.Exp(b + z975*se),
		}
	}
	for r := 0; r < n; r++ {
		lp := 0.0
		for k := 0; k < q; k++ {
			lp += beta[k] * f.z[k][r]
		}
		maxLP = math.Max(maxLP, lp)
	}
	res.LRChisq = 2 * (res.LogLik - res.LogLik0)
	res.LRDF = q
	res.LRP = chisqSurvival(res.LRChisq, q)
	res.WaldChisq = wald
	res.WaldDF = q
	res.WaldP = chisqSurvival(wald, q)
	res.ScoreP = chisqSurvival(score, q)

	if !converged {
		res.Warnings = append(res.Warnings, fmt.Sprintf("Newton-Raphson did not converge in %d iterations (R: \"Ran out of iterations and did not converge\"); the estimates are from the last step that raised the likelihood; a coefficient may be infinite (monotone likelihood)", coxMaxIter))
		if maxLP > 500 {
			res.Warnings = append(res.Warnings, "one or more coefficients may be infinite (linear predictor above 500)")
		}
	} else {
		var inf []string
		for k, j := range keep {
			if math.IsNaN(f.u[k]) || math.IsInf(f.u[k], 0) ||
				(math.Abs(lastStep[k]) > coxEps && math.Abs(lastStep[k]) > coxTolerInf*math.Abs(res.Terms[k].Coef)) {
				inf = append(inf, names[j])
			}
		}
		if len(inf) > 0 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("loglik converged before covariate %s; coefficient may be infinite (monotone likelihood, e.g. a covariate that separates events perfectly): its coefficient, standard error, confidence interval and Wald test are meaningless; use the likelihood-ratio test", strings.Join(inf, ", ")))
		}
	}
	return res, nil
}

// chisqSurvival returns P(χ²_df ≥ x).
func chisqSurvival(x float64, df int) float64 {
	switch {
	case math.IsNaN(x):
		return math.NaN()
	case x <= 0:
		return 1
	case df == 1: // P(χ²₁ > x) = P(|Z| > √x) = erfc(√(x/2)), exactly
		return math.Erfc(math.Sqrt(x / 2))
	case df == 2: // the χ²₂ distribution is exponential with mean 2
		return math.Exp(-x / 2)
	}
	return distuv.ChiSquared{K: float64(df)}.Survival(x)
}

// coxFit holds the sorted data and work space of one fit.
type coxFit struct {
	n, p   int
	efron  bool
	time   []float64   // ascending
	status []bool      // event flags, in time order
	z      [][]float64 // z[k][r]: covariate k of the r-th observation, centred and scaled
	strata []int       // stratum of the r-th observation (sorted by stratum, then time); nil: one stratum

	// Results of eval: score vector and information (lower triangle, imat[i*p+j], j ≤ i).
	u    []float64
	imat []float64
	// Work space.
	a, a2, cmat, cmat2, zr []float64
}

func (f *coxFit) alloc() {
	p := f.p
	f.u = make([]float64, p)
	f.imat = make([]float64, p*p)
	f.a = make([]float64, p)
	f.a2 = make([]float64, p)
	f.cmat = make([]float64, p*p)
	f.cmat2 = make([]float64, p*p)
	f.zr = make([]float64, p)
}

// eval returns the log partial likelihood at beta and leaves its gradient in
// f.u and the observed information in f.imat (the sums of coxfit6_iter).
func (f *coxFit) eval(beta []float64) float64 {
	p := f.p
	u, imat, a, a2, cmat, cmat2, zr := f.u, f.imat, f.a, f.a2, f.cmat, f.cmat2, f.zr
	clear(u)
	clear(imat)
	clear(a)
	clear(a2)
	clear(cmat)
	clear(cmat2)
	loglik := 0.0
	denom := 0.0
	for r := f.n - 1; r >= 0; {
		if f.newStratum(r) {
			// The risk sets of the next stratum start empty.
			denom = 0
			clear(a)
			clear(cmat)
		}
		dtime, start := f.time[r], r
		ndead := 0
		denom2 := 0.0
		for ; r >= 0 && f.time[r] == dtime && (r == start || !f.newStratum(r)); r-- {
			zbeta := 0.0
			for k := 0; k < p; k++ {
				zr[k] = f.z[k][r]
				zbeta += beta[k] * zr[k]
			}
			risk := math.Exp(zbeta)
			if !f.status[r] {
				denom += risk
				for i := 0; i < p; i++ {
					a[i] += risk * zr[i]
					for j := 0; j <= i; j++ {
						cmat[i*p+j] += risk * zr[i] * zr[j]
					}
				}
			} else {
				ndead++
				denom2 += risk
				loglik += zbeta
				for i := 0; i < p; i++ {
					u[i] += zr[i]
					a2[i] += risk * zr[i]
					for j := 0; j <= i; j++ {
						cmat2[i*p+j] += risk * zr[i] * zr[j]
					}
				}
			}
		}
		if ndead == 0 {
			continue
		}
		if !f.efron || ndead == 1 {
			// Breslow: every tied event sees the whole risk set.
			d := float64(ndead)
			denom += denom2
			loglik -= d * math.Log(denom)
			for i := 0; i < p; i++ {
				a[i] += a2[i]
				mean := a[i] / denom
				u[i] -= d * mean
				for j := 0; j <= i; j++ {
					cmat[i*p+j] += cmat2[i*p+j]
					imat[i*p+j] += d * (cmat[i*p+j] - mean*a[j]) / denom
				}
			}
		} else {
			// Efron: the tied events leave the risk set a fraction 1/d at
			// a time; adding D/d per term visits the same d denominators
			// R − (k/d)·D, k = d−1, …, 0.
			d := float64(ndead)
			for k := 0; k < ndead; k++ {
				denom += denom2 / d
				loglik -= math.Log(denom)
				for i := 0; i < p; i++ {
					a[i] += a2[i] / d
					mean := a[i] / denom
					u[i] -= mean
					for j := 0; j <= i; j++ {
						cmat[i*p+j] += cmat2[i*p+j] / d
						imat[i*p+j] += (cmat[i*p+j] - mean*a[j]) / denom
					}
				}
			}
		}
		clear(a2)
		clear(cmat2)
	}
	return loglik
}

// newStratum reports whether observation r is the last (latest) of its
// stratum, where the backward walk of eval enters a new stratum.
func (f *coxFit) newStratum(r int) bool {
	return f.strata != nil && r < f.n-1 && f.strata[r] != f.strata[r+1]
}

// imatFull returns the information matrix as a full symmetric matrix.
func (f *coxFit) imatFull() [][]float64 {
	p := f.p
	m := make([][]float64, p)
	for i := range m {
		m[i] = make([]float64, p)
	}
	for i := 0; i < p; i++ {
		for j := 0; j <= i; j++ {
			m[i][j] = f.imat[i*p+j]
			m[j][i] = f.imat[i*p+j]
		}
	}
	return m
}

// ldl is the factorisation A = L·D·Lᵀ (L unit lower triangular) of a
// symmetric non-negative definite matrix, as in survival's cholesky2: a
// pivot below toler × the largest diagonal marks its column as redundant
// (d = 0), and solves and inverses then give that column zero.
type ldl struct {
	l    [][]float64
	d    []float64
	rank int
}

func newLDL(a [][]float64, toler float64) *ldl {
	n := len(a)
	l := make([][]float64, n)
	for i := range l {
		l[i] = slices.Clone(a[i])
	}
	eps := 0.0
	for i := 0; i < n; i++ {
		if l[i][i] > eps {
			eps = l[i][i]
		}
	}
	c := &ldl{l: l, d: make([]float64, n)}
	if eps == 0 || math.IsInf(eps, 0) {
		return c
	}
	eps *= toler
	for i := 0; i < n; i++ {
		pivot := l[i][i]
		if math.IsNaN(pivot) || math.IsInf(pivot, 0) || pivot < eps {
			c.d[i] = 0
			continue
		}
		c.d[i] = pivot
		c.rank++
		for j := i + 1; j < n; j++ {
			t := l[j][i] / pivot
			l[j][i] = t
			l[j][j] -= t * t * pivot
			for k := j + 1; k < n; k++ {
				l[k][j] -= t * l[k][i]
			}
		}
	}
	return c
}

// solve returns A⁻¹y (a generalised inverse when A is rank deficient).
func (c *ldl) solve(y []float64) []float64 {
	n := len(y)
	b := slices.Clone(y)
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if c.d[j] != 0 {
				b[i] -= b[j] * c.l[i][j]
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		if c.d[i] == 0 {
			b[i] = 0
			continue
		}
		t := b[i] / c.d[i]
		for j := i + 1; j < n; j++ {
			t -= b[j] * c.l[j][i]
		}
		b[i] = t
	}
	return b
}

// inverse returns A⁻¹, with zero rows and columns for redundant columns.
func (c *ldl) inverse() [][]float64 {
	n := len(c.d)
	inv := make([][]float64, n)
	e := make([]float64, n)
	for j := 0; j < n; j++ {
		clear(e)
		e[j] = 1
		inv[j] = c.solve(e)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			s := (inv[i][j] + inv[j][i]) / 2
			inv[i][j], inv[j][i] = s, s
		}
	}
	return inv
}

// variesAtSomeEvent reports whether covariate j takes more than one value
// among the observations at risk (in the same stratum; strata nil is one)
// at some event time: otherwise its partial likelihood is flat and its
// coefficient not estimable. Risk sets are built from the longest time
// down, keeping the running minimum and maximum.
func variesAtSomeEvent(times []float64, events []bool, x [][]float64, j int, strata []int, order []int) bool {
	stratum := func(i int) int {
		if strata == nil {
			return 0
		}
		return strata[i]
	}
	// order is the fit's (stratum, then time ascending): read backwards it
	// is each stratum from its longest time down, sorted once for every
	// covariate (the sort was a quarter of `truce cox` at 100,000 deals).
	at := func(k int) int { return order[len(order)-1-k] }
	for i := 0; i < len(order); {
		lo, hi := math.Inf(1), math.Inf(-1)
		s := stratum(at(i))
		for i < len(order) && stratum(at(i)) == s {
			k, event := i, false
			for k < len(order) && stratum(at(k)) == s && times[at(k)] == times[at(i)] {
				v := x[at(k)][j]
				lo, hi = math.Min(lo, v), math.Max(hi, v)
				event = event || events[at(k)]
				k++
			}
			if event && hi > lo {
				return true
			}
			i = k
		}
	}
	return false
}
