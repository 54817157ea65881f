package analysis

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// FirthTerm is one covariate's row of a Firth-penalised Cox model.
type FirthTerm struct {
	Term    string
	Coef    float64 // penalised maximum-likelihood β
	ExpCoef float64 // exp(β), the hazard ratio
	SE      float64 // sqrt of the diagonal of I(β̂)⁻¹, as coxphf reports it
	// Lower and Upper are the 95% profile penalised-likelihood limits of
	// exp(β): the hazard ratios where 2·(ℓ*(β̂) − ℓ*_profile) = χ²₁(0.95).
	Lower, Upper float64
	// Chisq and P are the penalised likelihood-ratio test of β = 0,
	// 2·(ℓ*(β̂) − max_{β_j = 0} ℓ*), on one degree of freedom.
	Chisq, P float64
}

// Firth is a Cox model fitted by Firth's penalised partial likelihood.
type Firth struct {
	N, Events int
	Terms     []FirthTerm
	// LogLik0 and LogLik are the penalised log partial likelihoods at β = 0
	// and at the estimate; LRChisq = 2·(LogLik − LogLik0) on LRDF degrees
	// of freedom is the global penalised likelihood-ratio test.
	LogLik0, LogLik float64
	LRChisq         float64
	LRDF            int
	LRP             float64
	Iterations      int
	Warnings        []string
}

const (
	firthMaxIter = 100
	firthTol     = 1e-10
	chisq1q95    = 3.841458820694124 // qchisq(0.95, 1)
)

// FirthCox fits the Cox model with Firth's (1993) bias-reducing penalty, as
// Heinze & Schemper (2001) adapted it to the partial likelihood: it
// maximises
//
//	ℓ*(β) = ℓ(β) + ½·log det I(β),
//
// with ℓ the log partial likelihood with Breslow's handling of ties and I
// its information matrix. The penalty keeps β finite under monotone
// likelihood (a covariate that separates breakdowns, or a group with no
// event), where the ordinary estimate runs to ±∞, and removes most of the
// small-sample bias. It is the method of the R package coxphf (default
// settings: Breslow ties, profile-likelihood limits, penalised
// likelihood-ratio tests).
//
// The estimate solves the penalised score equations
//
//	U*_r(β) = U_r(β) + ½·tr(I(β)⁻¹ ∂I(β)/∂β_r) = 0
//
// by Newton–Raphson, the step matrix −∂U*/∂β taken by central
// differences of the exact U* (I alone, as coxphf uses, omits the
// penalty's curvature and can oscillate), with I as the fall-back where
// that is not positive definite and step halving when ℓ* falls; it stops
// when every penalised score or every step is below 1e-10.
// Each coefficient gets a profile penalised-likelihood interval (the β_j
// where 2·(ℓ*(β̂) − max_{β_j fixed} ℓ*) = χ²₁(0.95), found by bracketing
// and bisection) and a penalised likelihood-ratio test of β_j = 0 on one
// degree of freedom; SE is the Wald standard error from I(β̂)⁻¹ and is
// shown only for orientation, the interval and the test do not use it.
//
// Input as for CoxPH (names nil means "x1", "x2", …). Errors: bad input,
// no events, a constant covariate, a singular information matrix.
//
// References: D. Firth (1993), Bias reduction of maximum likelihood
// estimates, Biometrika 80(1), 27–38; G. Heinze and M. Schemper (2001), A
// solution to the problem of monotone likelihood in Cox regression,
// Biometrics 57(1), 114–119; G. Heinze, M. Ploner, D. Dunkler and
// H. Southworth, coxphf: Cox regression with Firth's penalized likelihood,
// R package.
func FirthCox(times []float64, events []bool, x [][]float64, names []string) (*Firth, error) {
	f, err := newFirthData(times, events, x, names)
	if err != nil {
		return nil, err
	}
	p := f.p
	res := &Firth{N: f.n, Events: f.nev, LRDF: p}
	free := make([]bool, p)
	for j := range free {
		free[j] = true
	}
	beta, ll, iter, err := f.maximise(make([]float64, p), free)
	if err != nil {
		return nil, err
	}
	res.Iterations, res.LogLik = iter, ll
	if res.LogLik0, err = f.penalised(make([]float64, p)); err != nil {
		return nil, err
	}
	res.LRChisq = 2 * (res.LogLik - res.LogLik0)
	res.LRP = chisqSurvival(res.LRChisq, p)
	_, _, info, _ := f.eval(beta, false)
	var inv mat.Dense
	if err := inv.Inverse(mat.NewDense(p, p, info)); err != nil {
		return nil, fmt.Errorf("analysis: FirthCox: the information matrix is singular at the estimate: %v", err)
	}
	for j := range p {
		t := FirthTerm{Term: f.names[j], Coef: beta[j], ExpCoef: math.Exp(beta[j]), SE: math.Sqrt(inv.At(j, j))}
		prof := func(b float64) (float64, error) { return f.profile(beta, j, b) }
		at0, err := prof(0)
		if err != nil {
			return nil, err
		}
		t.Chisq = math.Max(0, 2*(ll-at0))
		t.P = chisqSurvival(t.Chisq, 1)
		lo, err := f.profileLimit(prof, ll, beta[j], -1, t.SE)
		if err != nil {
			return nil, err
		}
		hi, err := f.profileLimit(prof, ll, beta[j], 1, t.SE)
		if err != nil {
			return nil, err
		}
		t.Lower, t.Upper = math.Exp(lo), math.Exp(hi)
		res.Terms = append(res.Terms, t)
	}
	if f.nev < 10*p {
		res.Warnings = append(res.Warnings, fmt.Sprintf("only %s for %s: even the penalised estimates are imprecise; rely on the profile interval and the likelihood-ratio test", Plural(f.nev, "event", "events"), Plural(p, "covariate", "covariates")))
	}
	return res, nil
}

// firthData is the sorted, centred data of a Firth fit.
type firthData struct {
	n, p, nev int
	names     []string
	time      []float64   // descending
	event     []bool      // in the same order
	z         [][]float64 // z[r][k], centred covariates in the same order
}

func newFirthData(times []float64, events []bool, x [][]float64, names []string) (*firthData, error) {
	n := len(times)
	if n == 0 {
		return nil, errors.New("analysis: FirthCox: no observations")
	}
	if len(events) != n || len(x) != n {
		return nil, fmt.Errorf("analysis: FirthCox: %d times, %d event flags and %d covariate rows; want equal lengths", n, len(events), len(x))
	}
	p := len(x[0])
	if p == 0 {
		return nil, errors.New("analysis: FirthCox: no covariates")
	}
	if names == nil {
		names = make([]string, p)
		for j := range names {
			names[j] = fmt.Sprintf("x%d", j+1)
		}
	} else if len(names) != p {
		return nil, fmt.Errorf("analysis: FirthCox: %d names for %d covariates", len(names), p)
	}
	f := &firthData{n: n, p: p, names: names}
	mean := make([]float64, p)
	for i, t := range times {
		if err := checkSurvivalTime(i, t); err != nil {
			return nil, err
		}
		if len(x[i]) != p {
			return nil, fmt.Errorf("analysis: FirthCox: covariate row %d has %d values; want %d", i, len(x[i]), p)
		}
		for j, v := range x[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("analysis: FirthCox: covariate %s of observation %d is %v; want a finite number", names[j], i, v)
			}
			mean[j] += v / float64(n)
		}
		if events[i] {
			f.nev++
		}
	}
	if f.nev == 0 {
		return nil, errors.New("analysis: FirthCox: no events (every observation is censored)")
	}
	for j := range p {
		constant := true
		for i := range x {
			constant = constant && x[i][j] == x[0][j]
		}
		if constant {
			return nil, fmt.Errorf("analysis: FirthCox: covariate %s is constant; drop it", names[j])
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(times[b], times[a]) })
	for _, i := range order {
		f.time = append(f.time, times[i])
		f.event = append(f.event, events[i])
		z := make([]float64, p)
		for j := range p {
			z[j] = x[i][j] - mean[j]
		}
		f.z = append(f.z, z)
	}
	return f, nil
}

// eval returns ℓ(β), U(β), I(β) and, when deriv, ∂I/∂β_r (p matrices), for
// Breslow's partial likelihood. Risk-set sums S0, S1, S2, S3 are
// accumulated from the latest time back.
func (f *firthData) eval(beta []float64, deriv bool) (ll float64, u []float64, info []float64, dinfo [][]float64) {
	p := f.p
	u = make([]float64, p)
	info = make([]float64, p*p)
	if deriv {
		dinfo = make([][]float64, p)
		for r := range dinfo {
			dinfo[r] = make([]float64, p*p)
		}
	}
	s0 := 0.0
	s1 := make([]float64, p)
	s2 := make([]float64, p*p)
	var s3 []float64
	if deriv {
		s3 = make([]float64, p*p*p)
	}
	for r := 0; r < f.n; {
		t := f.time[r]
		end := r
		for ; end < f.n && f.time[end] == t; end++ {
			z := f.z[end]
			eta := 0.0
			for k := range p {
				eta += beta[k] * z[k]
			}
			w := math.Exp(eta)
			s0 += w
			for a := range p {
				s1[a] += w * z[a]
				for b := range p {
					s2[a*p+b] += w * z[a] * z[b]
					if deriv {
						for c := range p {
							s3[(a*p+b)*p+c] += w * z[a] * z[b] * z[c]
						}
					}
				}
			}
		}
		for i := r; i < end; i++ {
			if !f.event[i] {
				continue
			}
			z := f.z[i]
			for k := range p {
				ll += beta[k] * z[k]
				u[k] += z[k] - s1[k]/s0
			}
			ll -= math.Log(s0)
			for a := range p {
				ma := s1[a] / s0
				for b := range p {
					mb := s1[b] / s0
					info[a*p+b] += s2[a*p+b]/s0 - ma*mb
					if deriv {
						for c := range p {
							mc := s1[c] / s0
							dinfo[c][a*p+b] += s3[(a*p+b)*p+c]/s0 - (s2[a*p+b]*mc+s2[a*p+c]*mb+s2[b*p+c]*ma)/s0 + 2*ma*mb*mc
						}
					}
				}
			}
		}
		r = end
	}
	return ll, u, info, dinfo
}

// penalised returns ℓ*(β) = ℓ(β) + ½ log det I(β).
func (f *firthData) penalised(beta []float64) (float64, error) {
	ll, _, info, _ := f.eval(beta, false)
	return penalise(ll, mat.NewDense(f.p, f.p, info))
}

func penalise(ll float64, info *mat.Dense) (float64, error) {
	logDet, sign := mat.LogDet(info)
	if sign <= 0 || math.IsNaN(logDet) || math.IsInf(logDet, 0) {
		return math.NaN(), errors.New("analysis: FirthCox: the information matrix is singular (a covariate without variation among the subjects at risk)")
	}
	return ll + logDet/2, nil
}

// maximise maximises ℓ* over the coordinates marked free, the others held
// at their values in start, and returns β, ℓ*(β) and the iterations.
func (f *firthData) maximise(start []float64, free []bool) ([]float64, float64, int, error) {
	p := f.p
	var idx []int
	for j, ok := range free {
		if ok {
			idx = append(idx, j)
		}
	}
	beta := slices.Clone(start)
	if len(idx) == 0 {
		ll, err := f.penalised(beta)
		return beta, ll, 0, err
	}
	// score returns ℓ*(b) and the penalised score U*(b).
	score := func(b []float64) (float64, []float64, error) {
		ll, u, info, dinfo := f.eval(b, true)
		im := mat.NewDense(p, p, info)
		pl, err := penalise(ll, im)
		if err != nil {
			return 0, nil, err
		}
		var inv mat.Dense
		if err := inv.Inverse(im); err != nil {
			return 0, nil, fmt.Errorf("analysis: FirthCox: singular information matrix: %v", err)
		}
		ustar := make([]float64, p)
		for r := range p {
			tr := 0.0
			for a := range p {
				for b := range p {
					tr += inv.At(a, b) * dinfo[r][b*p+a]
				}
			}
			ustar[r] = u[r] + tr/2
		}
		return pl, ustar, nil
	}
	m := len(idx)
	// hessian returns −∂U*/∂β over the free coordinates by central
	// differences of the exact penalised score. Newton steps with I(β)
	// alone, which leaves out the penalty's curvature, can oscillate
	// around the root.
	hessian := func(b []float64) (*mat.SymDense, error) {
		h := mat.NewSymDense(m, nil)
		cols := make([][]float64, m)
		for c, j := range idx {
			step := 1e-5 * math.Max(1, math.Abs(b[j]))
			up, down := slices.Clone(b), slices.Clone(b)
			up[j] += step
			down[j] -= step
			_, su, err := score(up)
			if err != nil {
				return nil, err
			}
			_, sd, err := score(down)
			if err != nil {
				return nil, err
			}
			cols[c] = make([]float64, m)
			for r, i := range idx {
				cols[c][r] = -(su[i] - sd[i]) / (2 * step)
			}
		}
		for r := range m {
			for c := r; c < m; c++ {
				h.SetSym(r, c, (cols[c][r]+cols[r][c])/2)
			}
		}
		return h, nil
	}
	ll, ustar, err := score(beta)
	if err != nil {
		return nil, 0, 0, err
	}
	for iter := 1; iter <= firthMaxIter; iter++ {
		maxU := 0.0
		us := mat.NewVecDense(m, nil)
		for a, j := range idx {
			us.SetVec(a, ustar[j])
			maxU = math.Max(maxU, math.Abs(ustar[j]))
		}
		if maxU < firthTol {
			return beta, ll, iter - 1, nil
		}
		var delta mat.VecDense
		h, err := hessian(beta)
		if err != nil {
			return nil, 0, 0, err
		}
		var chol mat.Cholesky
		if ok := chol.Factorize(h); !ok || chol.SolveVecTo(&delta, us) != nil {
			// Not concave here: fall back on the information matrix.
			_, _, info, _ := f.eval(beta, false)
			sub := mat.NewDense(m, m, nil)
			for a, ja := range idx {
				for b, jb := range idx {
					sub.Set(a, b, info[ja*p+jb])
				}
			}
			if err := delta.SolveVec(sub, us); err != nil {
				return nil, 0, 0, fmt.Errorf("analysis: FirthCox: singular information matrix: %v", err)
			}
		}
		maxStep := 0.0
		for a := range m {
			maxStep = math.Max(maxStep, math.Abs(delta.AtVec(a)))
		}
		var next, nu []float64
		var nll float64
		for half := 0; ; half++ {
			next = slices.Clone(beta)
			scale := math.Pow(0.5, float64(half))
			for a, j := range idx {
				next[j] += scale * delta.AtVec(a)
			}
			nll, nu, err = score(next)
			if err == nil && nll >= ll-1e-12*math.Abs(ll) {
				break
			}
			if half == 30 {
				return nil, 0, 0, errors.New("analysis: FirthCox: step halving failed to raise the penalised likelihood")
			}
		}
		beta, ll, ustar = next, nll, nu
		if maxStep < firthTol {
			return beta, ll, iter, nil
		}
	}
	return nil, 0, 0, fmt.Errorf("analysis: FirthCox: no convergence in %d iterations", firthMaxIter)
}

// profile returns max ℓ* over the other coefficients with β_j = b, started
// from the full estimate.
func (f *firthData) profile(est []float64, j int, b float64) (float64, error) {
	start := slices.Clone(est)
	start[j] = b
	free := make([]bool, f.p)
	for k := range free {
		free[k] = k != j
	}
	_, ll, _, err := f.maximise(start, free)
	return ll, err
}

// profileLimit finds, in direction dir (−1 or +1) from the estimate b0,
// the β_j at which 2·(llMax − profile(β_j)) = χ²₁(0.95): it brackets the
// root in steps that double from the standard error, then bisects to
// 1e-10.
func (f *firthData) profileLimit(prof func(float64) (float64, error), llMax, b0, dir, se float64) (float64, error) {
	g := func(b float64) (float64, error) {
		v, err := prof(b)
		return 2*(llMax-v) - chisq1q95, err
	}
	inner, w := b0, math.Max(se, 0.1)
	outer := b0 + dir*w
	for k := 0; ; k++ {
		v, err := g(outer)
		if err != nil {
			return math.NaN(), err
		}
		if v > 0 {
			break
		}
		if k == 60 {
			return math.NaN(), errors.New("analysis: FirthCox: the profile likelihood does not fall far enough for a confidence limit")
		}
		inner, w = outer, 2*w
		outer = b0 + dir*w
	}
	for math.Abs(outer-inner) > 1e-10*math.Max(1, math.Abs(outer)) {
		mid := (inner + outer) / 2
		v, err := g(mid)
		if err != nil {
			return math.NaN(), err
		}
		if v > 0 {
			outer = mid
		} else {
			inner = mid
		}
	}
	return (inner + outer) / 2, nil
}
