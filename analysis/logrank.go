package analysis

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// ErrSingleGroup is returned (wrapped) by LogRank when every observation
// has the same group label: there is nothing to compare. R's survdiff stops
// with "There is only 1 group" in the same case.
var ErrSingleGroup = errors.New("analysis: the log-rank test needs at least two groups")

// LogRankGroup is one group's line of a log-rank test.
type LogRankGroup struct {
	Group    string
	N        int     // observations
	Observed float64 // events
	Expected float64 // events expected if every group had the pooled hazard
	Variance float64 // diagonal element of the variance matrix of Observed − Expected
}

// LogRankResult is the outcome of a log-rank test.
type LogRankResult struct {
	Chisq float64
	DF    int
	P     float64 // P(χ²_DF > Chisq)
	// Groups are sorted by label (byte order, as R orders factor levels in
	// the C locale).
	Groups []LogRankGroup
	// Warnings say when the p-value should not be trusted.
	Warnings []string
}

// LogRank tests whether the survival curves of two or more groups differ,
// with the log-rank test (Mantel 1966; Peto & Peto 1972) as survdiff
// (rho = 0) in Therneau's survival package for R computes it. At each
// distinct event time t with n subjects at risk, n_k of them in group k,
// and d events,
//
//	E_k   += d n_k / n
//	V_kl  += d (n − d) / (n − 1) · (n_k/n) (δ_kl − n_l/n)
//
// and O_k counts group k's events. The statistic is the quadratic form
// (O − E)ᵀ V⁻ (O − E) over the groups with E_k > 0, dropping the first of
// them to make V invertible; DF is the number of groups with E_k > 0 minus
// one, and P comes from the chi-square distribution with DF degrees of
// freedom. Should the reduced V still be singular (which happens when every
// subject at risk at the first event time fails then, so that V = 0), its
// Moore–Penrose inverse is used, DF is its rank and a warning says so; R's
// solve() stops with an error there.
//
// times and events are as for KaplanMeier; groups[i] labels observation i.
// A single group is an error wrapping ErrSingleGroup. When fewer than two
// groups expect any event, Chisq is 0 and DF 0, and P is 1 as in R (or
// NaN when there are no events at all, where R reports df −1 and p NaN).
//
// The cost is one sort, O(n log n), plus O(K²) per distinct event time for
// K groups.
//
// References: N. Mantel (1966), Evaluation of survival data and two new
// rank order statistics arising in its consideration, Cancer Chemotherapy
// Reports 50(3), 163–170; R. Peto and J. Peto (1972), Asymptotically
// efficient rank invariant test procedures, Journal of the Royal
// Statistical Society A 135(2), 185–207; T. Therneau, survival: Survival
// Analysis, R package, documentation of survdiff.
func LogRank(times []float64, events []bool, groups []string) (*LogRankResult, error) {
	if len(groups) != len(times) {
		return nil, fmt.Errorf("analysis: %d times but %d group labels", len(times), len(groups))
	}
	if err := checkSurvivalInput(times, events); err != nil {
		return nil, err
	}
	index := make(map[string]int)
	for _, g := range groups {
		index[g] = 0
	}
	labels := make([]string, 0, len(index))
	for g := range index {
		labels = append(labels, g)
	}
	if err := checkGroups("", len(labels)); err != nil {
		return nil, err
	}
	if len(labels) < 2 {
		return nil, fmt.Errorf("%w (every observation is in group %q)", ErrSingleGroup, labels[0])
	}
	slices.Sort(labels)
	for k, g := range labels {
		index[g] = k
	}

	obs := make([]survivalObs, len(times))
	for i, t := range times {
		obs[i] = survivalObs{time: t, group: int32(index[groups[i]]), event: events[i]}
	}
	slices.SortFunc(obs, func(a, b survivalObs) int { return cmp.Compare(a.time, b.time) })

	K := len(labels)
	res := &LogRankResult{Groups: make([]LogRankGroup, K)}
	atRisk := make([]float64, K) // n_k
	died := make([]float64, K)   // d_k at the current time
	left := make([]int, K)       // subjects leaving the risk set at the current time
	for k, g := range labels {
		res.Groups[k].Group = g
	}
	for _, o := range obs {
		res.Groups[o.group].N++
		atRisk[o.group]++
	}
	obsE := make([]float64, K)
	v := make([]float64, K*K)
	nRisk := float64(len(obs))
	for i := 0; i < len(obs); {
		t := obs[i].time
		start := i
		d := 0.0
		for ; i < len(obs) && obs[i].time == t; i++ {
			g := obs[i].group
			left[g]++
			if obs[i].event {
				died[g]++
				d++
			}
		}
		if d > 0 {
			for k := range K {
				obsE[k] += d * atRisk[k] / nRisk
				res.Groups[k].Observed += died[k]
			}
			if nRisk > 1 {
				c := d * (nRisk - d) / (nRisk - 1) / nRisk
				for k := range K {
					if atRisk[k] == 0 {
						continue
					}
					ck := c * atRisk[k]
					row := v[k*K : (k+1)*K]
					row[k] += ck
					for l := range K {
						row[l] -= ck * atRisk[l] / nRisk
					}
				}
			}
		}
		for j := start; j < i; j++ {
			g := obs[j].group
			if left[g] > 0 {
				atRisk[g] -= float64(left[g])
				nRisk -= float64(left[g])
				left[g], died[g] = 0, 0
			}
		}
	}
	for k := range K {
		res.Groups[k].Expected = obsE[k]
		res.Groups[k].Variance = v[k*K+k]
	}
	logRankStatistic(res, v)
	logRankWarnings(res)
	return res, nil
}

// survivalObs is one observation of LogRank's input.
type survivalObs struct {
	time  float64
	group int32 // index into the sorted group labels
	event bool
}

// logRankStatistic sets Chisq, DF and P from the groups and the K×K
// variance matrix v (row-major).
func logRankStatistic(res *LogRankResult, v []float64) {
	K := len(res.Groups)
	var use []int // groups with E > 0
	for k, g := range res.Groups {
		if g.Expected > 0 {
			use = append(use, k)
		}
	}
	switch len(use) {
	case 0:
		res.Chisq, res.DF, res.P = 0, 0, math.NaN()
		res.Warnings = append(res.Warnings, "no events: the log-rank test is undefined")
		return
	case 1:
		res.Chisq, res.DF, res.P = 0, 0, 1
		res.Warnings = append(res.Warnings, fmt.Sprintf("only group %q is at risk when events happen: the test has no degrees of freedom", res.Groups[use[0]].Group))
		return
	}
	use = use[1:]
	m := len(use)
	u := mat.NewVecDense(m, nil)
	vv := mat.NewSymDense(m, nil)
	for a, k := range use {
		u.SetVec(a, res.Groups[k].Observed-res.Groups[k].Expected)
		for b, l := range use[a:] {
			vv.SetSym(a, a+b, v[k*K+l])
		}
	}
	var chol mat.Cholesky
	if chol.Factorize(vv) {
		var x mat.VecDense
		if err := chol.SolveVecTo(&x, u); err == nil {
			res.Chisq = mat.Dot(u, &x)
			res.DF = m
			res.P = chiSquareSurvival(res.Chisq, res.DF)
			return
		}
	}
	// Singular: Moore–Penrose inverse from the eigendecomposition.
	var eig mat.EigenSym
	if !eig.Factorize(vv, true) {
		res.Chisq, res.DF, res.P = math.NaN(), 0, math.NaN()
		res.Warnings = append(res.Warnings, "the variance matrix could not be decomposed: no test")
		return
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	maxVal := 0.0
	for _, l := range vals {
		maxVal = math.Max(maxVal, math.Abs(l))
	}
	tol := maxVal * float64(m) * 0x1p-52 * 1e4
	rank := 0
	chisq := 0.0
	for j, l := range vals {
		if l <= tol {
			continue
		}
		rank++
		p := mat.Dot(vecs.ColView(j), u)
		chisq += p * p / l
	}
	res.Chisq, res.DF = chisq, rank
	res.P = chiSquareSurvival(chisq, rank)
	res.Warnings = append(res.Warnings, fmt.Sprintf("the variance matrix is singular: used a generalized inverse of rank %d", rank))
}

// chiSquareSurvival is P(χ²_df > x), 1 for df 0 as R's pchisq gives.
func chiSquareSurvival(x float64, df int) float64 {
	if df == 0 {
		return 1
	}
	return chisqSurvival(x, df)
}

func logRankWarnings(res *LogRankResult) {
	var one, none, few []string
	for _, g := range res.Groups {
		if g.N == 1 {
			one = append(one, fmt.Sprintf("%q", g.Group))
		}
		if g.Observed == 0 {
			none = append(none, fmt.Sprintf("%q", g.Group))
		}
		if g.Expected < 5 {
			few = append(few, fmt.Sprintf("%q (%.2f)", g.Group, g.Expected))
		}
	}
	if len(one) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s only one deal", groupList(one, "has", "have")))
	}
	if len(none) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s no events", groupList(none, "has", "have")))
	}
	if len(few) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s fewer than 5 expected events: the chi-square approximation is doubtful", groupList(few, "has", "have")))
	}
}

// groupList names groups in a sentence: `group "a" has`, `groups "a", "b" have`.
func groupList(names []string, one, many string) string {
	if len(names) == 1 {
		return "group " + names[0] + " " + one
	}
	return "groups " + strings.Join(names, ", ") + " " + many
}
