package analysis

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Dist is the error distribution of a parametric survival model.
type Dist int

const (
	// Weibull: log T = η + σ·W with W extreme-value (minimum), S(w) =
	// exp(−eʷ); the hazard is monotone, rising when σ < 1.
	Weibull Dist = iota
	// LogNormal: W standard normal.
	LogNormal
	// LogLogistic: W logistic, S(w) = 1/(1 + eʷ); the hazard rises then
	// falls when σ < 1.
	LogLogistic
)

// String returns the name R's survreg uses: "weibull", "lognormal" or
// "loglogistic".
func (d Dist) String() string {
	switch d {
	case Weibull:
		return "weibull"
	case LogNormal:
		return "lognormal"
	case LogLogistic:
		return "loglogistic"
	}
	return fmt.Sprintf("Dist(%d)", int(d))
}

// SurvRegTerm is one coefficient of a parametric survival model: on the
// log-time scale, so exp(Coef) is a time ratio (above 1: longer-lasting).
type SurvRegTerm struct {
	Term     string
	Coef, SE float64
	Z, P     float64 // Wald z and its two-sided p-value
}

// SurvReg is a fitted accelerated-failure-time model.
type SurvReg struct {
	Dist       Dist
	N, Events  int
	Terms      []SurvRegTerm // "(Intercept)" first, then the covariates
	Scale      float64       // σ
	LogScaleSE float64       // standard error of log σ
	LogLik     float64       // log-likelihood of the times (with the Jacobian of log t)
	// AIC = −2·LogLik + 2·(number of coefficients + 1), R's AIC(survreg).
	AIC        float64
	Iterations int
}

// SurvRegFit fits a parametric accelerated-failure-time model by maximum
// likelihood, as R's survreg(Surv(time, status) ~ x, dist = d) does:
//
//	log Tᵢ = xᵢᵀβ + σ·Wᵢ,
//
// with an intercept in β and W from the distribution d. With wᵢ =
// (log tᵢ − xᵢᵀβ)/σ the log-likelihood is
//
//	ℓ = Σ_events [log f(wᵢ) − log σ − log tᵢ] + Σ_censored log S(wᵢ),
//
// the density of T itself, so AIC compares the three distributions (and
// R's loglik is reproduced). The fit is Newton–Raphson on (β, log σ) with
// the analytic gradient and Hessian and step halving, from the
// least-squares fit of log t on x with its residual standard deviation as
// σ; it stops when the log-likelihood changes by less than
// 1e-10 (relative) and the gradient is below 1e-6. Where the Hessian is
// not negative definite (far from the optimum) the step is regularised
// (Levenberg–Marquardt: a multiple of the identity is added). Standard errors come from the inverse of the observed
// information.
//
// times must be > 0 (a deal that ends on its first day: add part of a day,
// as the tests do); x is nil or one row of covariates per observation,
// with names as in CoxPH.
//
// References: J. D. Kalbfleisch and R. L. Prentice (2002), The Statistical
// Analysis of Failure Time Data, 2nd ed., ch. 2–3; T. Therneau, survival:
// documentation of survreg and survreg.distributions; H. Akaike (1974), A
// new look at the statistical model identification, IEEE Transactions on
// Automatic Control 19(6), 716–723.
func SurvRegFit(times []float64, events []bool, x [][]float64, names []string, d Dist) (*SurvReg, error) {
	n := len(times)
	if n == 0 {
		return nil, errors.New("analysis: SurvRegFit: no observations")
	}
	if len(events) != n || (x != nil && len(x) != n) {
		return nil, fmt.Errorf("analysis: SurvRegFit: %d times, %d event flags and %d covariate rows; want equal lengths", n, len(events), len(x))
	}
	if d != Weibull && d != LogNormal && d != LogLogistic {
		return nil, fmt.Errorf("analysis: SurvRegFit: unknown distribution %d", int(d))
	}
	p := 0
	if x != nil {
		p = len(x[0])
	}
	if names == nil {
		for j := range p {
			names = append(names, fmt.Sprintf("x%d", j+1))
		}
	} else if len(names) != p {
		return nil, fmt.Errorf("analysis: SurvRegFit: %d names for %d covariates", len(names), p)
	}
	k := p + 1 // coefficients with the intercept
	design := make([][]float64, n)
	y := make([]float64, n)
	res := &SurvReg{Dist: d, N: n}
	for i, t := range times {
		if math.IsNaN(t) || math.IsInf(t, 0) || t <= 0 {
			return nil, fmt.Errorf("analysis: SurvRegFit: time %d is %v; want a finite duration > 0", i, t)
		}
		y[i] = math.Log(t)
		design[i] = make([]float64, k)
		design[i][0] = 1
		if p > 0 {
			if len(x[i]) != p {
				return nil, fmt.Errorf("analysis: SurvRegFit: covariate row %d has %d values; want %d", i, len(x[i]), p)
			}
			for j, v := range x[i] {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, fmt.Errorf("analysis: SurvRegFit: covariate %s of observation %d is %v; want a finite number", names[j], i, v)
				}
				design[i][j+1] = v
			}
		}
		if events[i] {
			res.Events++
		}
	}
	if res.Events == 0 {
		return nil, errors.New("analysis: SurvRegFit: no events (every observation is censored)")
	}
	theta, err := survRegStart(y, design)
	if err != nil {
		return nil, err
	}
	ll, grad, hess := survRegEval(d, y, events, design, theta)
	converged := false
	for iter := 1; iter <= 200; iter++ {
		step, err := survRegStep(grad, hess)
		if err != nil {
			return nil, err
		}
		var next []float64
		var nll float64
		for half := 0; ; half++ {
			next = make([]float64, k+1)
			s := math.Pow(0.5, float64(half))
			for j := range next {
				next[j] = theta[j] + s*step[j]
			}
			nll, _, _ = survRegEval(d, y, events, design, next)
			if !math.IsNaN(nll) && nll >= ll-1e-12*math.Abs(ll) {
				break
			}
			if half == 40 {
				return nil, errors.New("analysis: SurvRegFit: step halving failed to raise the likelihood")
			}
		}
		change := math.Abs(nll - ll)
		theta = next
		ll, grad, hess = survRegEval(d, y, events, design, theta)
		res.Iterations = iter
		maxGrad := 0.0
		for _, g := range grad {
			maxGrad = math.Max(maxGrad, math.Abs(g))
		}
		if change <= 1e-10*math.Abs(ll) && maxGrad < 1e-6 {
			converged = true
			break
		}
	}
	if !converged {
		return nil, errors.New("analysis: SurvRegFit: no convergence in 200 iterations")
	}
	neg := mat.NewDense(k+1, k+1, nil)
	neg.Scale(-1, hess)
	var cov mat.Dense
	if err := cov.Inverse(neg); err != nil {
		return nil, fmt.Errorf("analysis: SurvRegFit: singular information matrix at the estimate: %v", err)
	}
	for j := range k {
		term := "(Intercept)"
		if j > 0 {
			term = names[j-1]
		}
		se := math.Sqrt(cov.At(j, j))
		z := theta[j] / se
		res.Terms = append(res.Terms, SurvRegTerm{Term: term, Coef: theta[j], SE: se, Z: z, P: math.Erfc(math.Abs(z) / math.Sqrt2)})
	}
	res.Scale = math.Exp(theta[k])
	res.LogScaleSE = math.Sqrt(cov.At(k, k))
	res.LogLik = ll
	res.AIC = -2*ll + 2*float64(k+1)
	return res, nil
}

// survRegEval returns the log-likelihood, gradient and Hessian in
// θ = (β, log σ). For each observation, with a = ∂ℓᵢ/∂w and b = ∂²ℓᵢ/∂w²
// of log f (events) or log S (censored):
//
//	∂ℓᵢ/∂β = −a·x/σ,  ∂ℓᵢ/∂τ = −a·w − δᵢ,
//	∂²ℓᵢ/∂β∂βᵀ = b·xxᵀ/σ²,  ∂²ℓᵢ/∂β∂τ = (b·w + a)·x/σ,  ∂²ℓᵢ/∂τ² = b·w² + a·w.
func survRegEval(d Dist, y []float64, events []bool, design [][]float64, theta []float64) (float64, []float64, *mat.Dense) {
	k := len(theta) - 1
	tau := theta[k]
	sigma := math.Exp(tau)
	ll := 0.0
	grad := make([]float64, k+1)
	hess := mat.NewDense(k+1, k+1, nil)
	for i, yi := range y {
		eta := 0.0
		for j := range k {
			eta += design[i][j] * theta[j]
		}
		w := (yi - eta) / sigma
		lv, a, b := survRegDensity(d, w, events[i])
		delta := 0.0
		if events[i] {
			lv -= tau + yi
			delta = 1
		}
		ll += lv
		x := design[i]
		for r := range k {
			grad[r] -= a * x[r] / sigma
			for c := range k {
				hess.Set(r, c, hess.At(r, c)+b*x[r]*x[c]/(sigma*sigma))
			}
			cross := (b*w + a) * x[r] / sigma
			hess.Set(r, k, hess.At(r, k)+cross)
			hess.Set(k, r, hess.At(k, r)+cross)
		}
		grad[k] += -a*w - delta
		hess.Set(k, k, hess.At(k, k)+b*w*w+a*w)
	}
	return ll, grad, hess
}

// survRegDensity returns log f(w) and its first two derivatives in w for an
// event, or log S(w) and its derivatives for a censored observation.
func survRegDensity(d Dist, w float64, event bool) (l, a, b float64) {
	switch d {
	case Weibull:
		e := math.Exp(w)
		if event {
			return w - e, 1 - e, -e
		}
		return -e, -e, -e
	case LogLogistic:
		// p = eʷ/(1 + eʷ), computed stably; log(1 + eʷ) likewise.
		p := 1 / (1 + math.Exp(-w))
		log1pe := math.Max(w, 0) + math.Log1p(math.Exp(-math.Abs(w)))
		if event {
			return w - 2*log1pe, 1 - 2*p, -2 * p * (1 - p)
		}
		return -log1pe, -p, -p * (1 - p)
	}
	// LogNormal.
	if event {
		return -w*w/2 - 0.5*math.Log(2*math.Pi), -w, -1
	}
	s := math.Erfc(w/math.Sqrt2) / 2 // S(w) = Φ(−w)
	lambda := math.Exp(-w*w/2-0.5*math.Log(2*math.Pi)) / s
	return math.Log(s), -lambda, lambda * (w - lambda)
}

// survRegStart returns the starting θ: least squares of log t on the design
// (every time as if it were an event), log of the residual standard
// deviation (at least 0.1) as log σ.
func survRegStart(y []float64, design [][]float64) ([]float64, error) {
	n, k := len(y), len(design[0])
	xm := mat.NewDense(n, k, nil)
	for i, row := range design {
		xm.SetRow(i, row)
	}
	var beta mat.VecDense
	if err := beta.SolveVec(xm, mat.NewVecDense(n, y)); err != nil {
		return nil, fmt.Errorf("analysis: SurvRegFit: the covariates are collinear or constant: %v", err)
	}
	ss := 0.0
	for i, row := range design {
		r := y[i] - mat.Dot(mat.NewVecDense(k, row), &beta)
		ss += r * r
	}
	theta := make([]float64, k+1)
	for j := range k {
		theta[j] = beta.AtVec(j)
	}
	theta[k] = math.Log(math.Max(math.Sqrt(ss/float64(n)), 0.1))
	return theta, nil
}

// survRegStep returns the Newton step (−H)⁻¹g, adding μ·I to −H (μ growing
// tenfold from 1e-6 of its largest diagonal) until it is positive definite.
func survRegStep(grad []float64, hess *mat.Dense) ([]float64, error) {
	m := len(grad)
	scale := 0.0
	for j := range m {
		scale = math.Max(scale, math.Abs(hess.At(j, j)))
	}
	for mu := 0.0; mu <= 1e12*math.Max(scale, 1); {
		a := mat.NewSymDense(m, nil)
		for r := range m {
			for c := r; c < m; c++ {
				a.SetSym(r, c, -(hess.At(r, c)+hess.At(c, r))/2)
			}
			a.SetSym(r, r, a.At(r, r)+mu)
		}
		var chol mat.Cholesky
		if chol.Factorize(a) {
			var step mat.VecDense
			if err := chol.SolveVecTo(&step, mat.NewVecDense(m, grad)); err == nil {
				return step.RawVector().Data, nil
			}
		}
		if mu == 0 {
			mu = 1e-6 * math.Max(scale, 1)
		} else {
			mu *= 10
		}
	}
	return nil, errors.New("analysis: SurvRegFit: the information matrix is singular (collinear or constant covariates?)")
}
