package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// ZPHTerm is one line of a proportional-hazards test: a covariate, or
// "GLOBAL" for all of them together.
type ZPHTerm struct {
	Term  string
	Chisq float64
	DF    int
	P     float64
}

// ZPH is the proportional-hazards check of a Cox model.
type ZPH struct {
	Fit    *Cox      // the model tested
	Terms  []ZPHTerm // one per covariate, in the order of Fit.Terms
	Global ZPHTerm
}

// CoxZPH fits the Cox model (stratified when strata is not nil, as
// CoxPHStrata) and tests its proportional-hazards assumption as R's
// cox.zph(fit, transform = "km") in survival 3.x does (Grambsch &
// Therneau 1994). The test is the score test of γ = 0 in the extended
// model with time-varying coefficients β + γ·g(t), at (β̂, 0):
//
//	U_γ = Σ_events g(t_i)·(x_i − x̄(t_i))       (g-weighted Schoenfeld residuals)
//	I   = Σ_events [ V(t_i)   g V(t_i) ; g V(t_i)   g² V(t_i) ]
//
// where x̄ and V are the risk-set mean and covariance of x at β̂ (with
// Efron's or Breslow's handling of ties, as in the fit) and
// g(t) = 1 − Ŝ(t−) is one minus the left-continuous Kaplan–Meier curve of
// all the data, centred at its mean over the events. The test of covariate
// j uses the score (0, U_γj) and the information block of (β, γ_j):
// χ² = uᵀ I⁻¹ u on 1 degree of freedom; GLOBAL uses all of γ, on p.
// A small p-value says the covariate's hazard ratio changes with time.
//
// x and names are as for CoxPH, except that no covariate may be constant.
//
// References: P. M. Grambsch and T. M. Therneau (1994), Proportional
// hazards tests and diagnostics based on weighted residuals, Biometrika
// 81(3), 515–526; D. Schoenfeld (1982), Partial residuals for the
// proportional hazards regression model, Biometrika 69(1), 239–241;
// T. Therneau, survival: documentation and source of cox.zph.
func CoxZPH(times []float64, events []bool, x [][]float64, names []string, strata []string, ties Ties) (*ZPH, error) {
	var codes []int
	if strata != nil {
		var err error
		if codes, err = strataCodes(strata, len(times)); err != nil {
			return nil, err
		}
	}
	order := timeOrder(times, codes) // the fit's, then the check's read backwards
	fit, err := coxPH(times, events, x, names, codes, order, ties)
	if err != nil {
		return nil, err
	}
	p := len(x[0])
	if len(fit.Terms) != p {
		return nil, errors.New("analysis: CoxZPH: a constant covariate was dropped from the model; drop it from x")
	}
	if codes == nil {
		codes = make([]int, len(times))
	}
	km, err := KaplanMeier(times, events)
	if err != nil {
		return nil, err
	}
	// g(t) = 1 − S(t−), centred over the events.
	g := make([]float64, len(times))
	gMean, nev := 0.0, 0
	for i, t := range times {
		k := sort.Search(len(km.Rows), func(i int) bool { return km.Rows[i].Time >= t })
		prev := 1.0
		if k > 0 {
			prev = km.Rows[k-1].Surv
		}
		g[i] = 1 - prev
		if events[i] {
			gMean += g[i]
			nev++
		}
	}
	gMean /= float64(nev)
	for i := range g {
		g[i] -= gMean
	}
	beta := make([]float64, p)
	for j, term := range fit.Terms {
		beta[j] = term.Coef
	}
	slices.Reverse(order)
	u, info := zphScore(times, events, x, codes, order, g, beta, ties == Efron)
	out := &ZPH{Fit: fit}
	test := func(idx []int) float64 {
		m := len(idx)
		a := mat.NewSymDense(m, nil)
		v := mat.NewVecDense(m, nil)
		for r, i := range idx {
			v.SetVec(r, u[i])
			for c, j := range idx {
				a.SetSym(r, c, info[i][j])
			}
		}
		var chol mat.Cholesky
		if !chol.Factorize(a) {
			return math.NaN()
		}
		var s mat.VecDense
		if err := chol.SolveVecTo(&s, v); err != nil {
			return math.NaN()
		}
		return mat.Dot(v, &s)
	}
	base := make([]int, p)
	for j := range base {
		base[j] = j
	}
	for j, term := range fit.Terms {
		chi := test(append(slices.Clone(base), p+j))
		out.Terms = append(out.Terms, ZPHTerm{Term: term.Term, Chisq: chi, DF: 1, P: chisqSurvival(chi, 1)})
	}
	all := make([]int, 2*p)
	for j := range all {
		all[j] = j
	}
	chi := test(all)
	out.Global = ZPHTerm{Term: "GLOBAL", Chisq: chi, DF: p, P: chisqSurvival(chi, p)}
	if math.IsNaN(chi) {
		return nil, fmt.Errorf("analysis: CoxZPH: the information matrix of the time-varying model is singular")
	}
	return out, nil
}

// zphScore returns the score vector (0, U_γ) and the 2p×2p information
// matrix of the time-varying model at (β, 0), stratum by stratum; order
// lists the observations by stratum and, within each, by time descending.
func zphScore(times []float64, events []bool, x [][]float64, strata, order []int, g []float64, beta []float64, efron bool) ([]float64, [][]float64) {
	n, p := len(times), len(beta)
	mean := make([]float64, p)
	for _, row := range x {
		for j, v := range row {
			mean[j] += v / float64(n)
		}
	}
	zs := make([]float64, n*p) // one backing array for the centred rows
	z := make([][]float64, n)
	w := make([]float64, n)
	for i, row := range x {
		z[i] = zs[i*p : (i+1)*p : (i+1)*p]
		eta := 0.0
		for j, v := range row {
			z[i][j] = v - mean[j]
			eta += beta[j] * z[i][j]
		}
		w[i] = math.Exp(eta)
	}
	u := make([]float64, 2*p)
	info := make([][]float64, 2*p)
	for i := range info {
		info[i] = make([]float64, 2*p)
	}
	var s0 float64
	s1, s2 := make([]float64, p), make([]float64, p*p)
	d1, d2 := make([]float64, p), make([]float64, p*p) // sums over the tied events
	m := make([]float64, p)
	for r := 0; r < n; {
		if r == 0 || strata[order[r]] != strata[order[r-1]] {
			s0 = 0
			clear(s1)
			clear(s2)
		}
		t, st := times[order[r]], strata[order[r]]
		end := r
		var d0 float64
		nd := 0
		clear(d1)
		clear(d2)
		gt := 0.0
		for ; end < n && times[order[end]] == t && strata[order[end]] == st; end++ {
			i := order[end]
			s0 += w[i]
			for a := range p {
				s1[a] += w[i] * z[i][a]
				for b := range p {
					s2[a*p+b] += w[i] * z[i][a] * z[i][b]
				}
			}
			if events[i] {
				nd++
				gt = g[i]
				d0 += w[i]
				for a := range p {
					d1[a] += w[i] * z[i][a]
					u[p+a] += g[i] * z[i][a]
					for b := range p {
						d2[a*p+b] += w[i] * z[i][a] * z[i][b]
					}
				}
			}
		}
		for k := range nd {
			frac := 0.0
			if efron {
				frac = float64(k) / float64(nd)
			}
			den := s0 - frac*d0
			for a := range p {
				m[a] = (s1[a] - frac*d1[a]) / den
				u[p+a] -= gt * m[a]
			}
			for a := range p {
				for b := range p {
					v := (s2[a*p+b]-frac*d2[a*p+b])/den - m[a]*m[b]
					info[a][b] += v
					info[a][p+b] += gt * v
					info[p+a][b] += gt * v
					info[p+a][p+b] += gt * gt * v
				}
			}
		}
		r = end
	}
	return u, info
}
