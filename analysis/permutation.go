package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
)

// PermOptions controls a permutation test.
type PermOptions struct {
	// ExactLimit: enumerate every arrangement when there are at most this
	// many (0 means the default, 200000; a negative value always uses Monte
	// Carlo).
	ExactLimit int
	// Rounds: random permutations drawn otherwise (0 means 10000).
	Rounds int
	// Seed of the PCG generator (math/rand/v2) that draws them; the same
	// seed gives the same p-value.
	Seed uint64
	// Stop, when positive, ends a Monte Carlo test as soon as Stop permuted
	// statistics at least as extreme as the observed one have been drawn,
	// with p = Stop/L after L draws (Besag & Clifford 1991, sequential Monte
	// Carlo p-values, Biometrika 78(2)): large p-values, which need little
	// precision, then cost a few dozen draws, and small ones still get up to
	// Rounds. 0 runs every round.
	Stop int
}

// PermResult is the outcome of a permutation test.
type PermResult struct {
	P        float64 // two-sided p-value
	Observed float64 // the statistic on the data as given
	Exact    bool    // every arrangement was enumerated
	Rounds   int     // arrangements enumerated (Exact) or random permutations drawn
	Approx   bool    // P is a large-sample approximation, not a permutation p
	Warnings []string

	approx string // which approximation, for Method
}

const (
	defaultExactLimit = 200000
	defaultRounds     = 10000
	// permRelTol: a permuted statistic counts as at least as extreme as the
	// observed one when |s| ≥ |observed|·(1 − permRelTol), so that values
	// equal in exact arithmetic but not in floating point are counted.
	permRelTol = 1e-9
	// pcgStream is the fixed second word of the PCG state.
	pcgStream = 0x7472756365 // "truce"
)

func (o PermOptions) resolve() (limit, rounds int, err error) {
	limit, rounds = o.ExactLimit, o.Rounds
	if limit == 0 {
		limit = defaultExactLimit
	}
	if rounds == 0 {
		rounds = defaultRounds
	}
	if rounds < 0 {
		return 0, 0, fmt.Errorf("analysis: PermOptions.Rounds is %d; want > 0 (or 0 for the default %d)", rounds, defaultRounds)
	}
	return limit, rounds, nil
}

// PermutationCorrelation tests the association of x and y by permuting y
// against x (the null hypothesis: x and y are exchangeable pairs, i.e.
// independent). The p-value is two-sided: the proportion of permutations π
// with |stat(x, π(y))| ≥ |stat(x, y)|.
//
// When n! ≤ opts.ExactLimit, all n! orderings of y are enumerated (Heap's
// algorithm) and P is exact; with the default limit this means n ≤ 8. For
// rank statistics without ties this reproduces R's exact cor.test p-values.
// Otherwise opts.Rounds random permutations are drawn and, following Phipson &
// Smyth (2010), P = (b + 1)/(m + 1), with b of the m permutations at least as
// extreme: the observed arrangement counts as one of the permutations, so P is
// never 0 and the test is valid.
//
// stat is typically Spearman or KendallTauB. It receives x unchanged and a
// fresh copy of the permuted y; its errors are returned. A NaN statistic is
// an error.
//
// Reference: B. Phipson and G. K. Smyth (2010), Permutation p-values should
// never be zero: calculating exact p-values when permutations are randomly
// drawn, Stat Appl Genet Mol Biol 9(1), article 39.
func PermutationCorrelation(x, y []float64, stat func(x, y []float64) (float64, error), opts PermOptions) (PermResult, error) {
	if stat == nil {
		return PermResult{}, errors.New("analysis: PermutationCorrelation: stat is nil")
	}
	if len(x) != len(y) {
		return PermResult{}, fmt.Errorf("analysis: PermutationCorrelation: x has %d values and y has %d; want equal lengths", len(x), len(y))
	}
	n := len(x)
	if n < 2 {
		return PermResult{}, fmt.Errorf("analysis: PermutationCorrelation: %d pairs; want at least 2", n)
	}
	limit, rounds, err := opts.resolve()
	if err != nil {
		return PermResult{}, err
	}
	obs, err := stat(x, append([]float64(nil), y...))
	if err != nil {
		return PermResult{}, fmt.Errorf("analysis: PermutationCorrelation: statistic on the data: %w", err)
	}
	if math.IsNaN(obs) {
		return PermResult{}, errors.New("analysis: PermutationCorrelation: the statistic on the data is NaN")
	}
	thr := math.Abs(obs) * (1 - permRelTol)
	scratch := make([]float64, n)
	eval := func(perm []float64) (bool, error) {
		copy(scratch, perm)
		s, err := stat(x, scratch)
		if err != nil {
			return false, fmt.Errorf("analysis: PermutationCorrelation: statistic on permuted data: %w", err)
		}
		if math.IsNaN(s) {
			return false, errors.New("analysis: PermutationCorrelation: the statistic on permuted data is NaN")
		}
		return math.Abs(s) >= thr, nil
	}
	res := PermResult{Observed: obs}
	perm := append([]float64(nil), y...)

	if total, ok := factorialAtMost(n, limit); ok {
		// Heap's algorithm (iterative): visits all n! orderings.
		count := 0
		c := make([]int, n)
		hit, err := eval(perm)
		if err != nil {
			return PermResult{}, err
		}
		if hit {
			count++
		}
		for i := 0; i < n; {
			if c[i] < i {
				if i%2 == 0 {
					perm[0], perm[i] = perm[i], perm[0]
				} else {
					perm[c[i]], perm[i] = perm[i], perm[c[i]]
				}
				hit, err := eval(perm)
				if err != nil {
					return PermResult{}, err
				}
				if hit {
					count++
				}
				c[i]++
				i = 0
			} else {
				c[i] = 0
				i++
			}
		}
		res.P = float64(count) / float64(total)
		res.Exact = true
		res.Rounds = total
		res.Warnings = permExactWarnings(total)
		return res, nil
	}

	rng := rand.NewPCG(opts.Seed, pcgStream)
	return monteCarlo(res, rounds, opts, func() (bool, error) {
		shuffleFloats(rng, perm)
		return eval(perm)
	})
}

// PermutationGroups tests a two-group statistic by permuting the group
// labels (the null hypothesis: labels are exchangeable, e.g. survival does
// not depend on whether a deal had a concession). The number of true labels
// is kept fixed; the p-value is the proportion of label arrangements with
// |stat(labels')| ≥ |stat(labels)|, so pass a signed statistic (such as a
// difference of means) or a non-negative one (such as a log-rank
// chi-square).
//
// When C(n, k) ≤ opts.ExactLimit (k true labels among n) every arrangement is
// enumerated and P is exact; otherwise opts.Rounds random arrangements are
// drawn and P = (b + 1)/(m + 1) (Phipson & Smyth 2010).
//
// stat receives a fresh slice on every call; it may modify it but must not
// keep it. Its errors are returned; a NaN statistic is an error.
func PermutationGroups(labels []bool, stat func(labels []bool) (float64, error), opts PermOptions) (PermResult, error) {
	if stat == nil {
		return PermResult{}, errors.New("analysis: PermutationGroups: stat is nil")
	}
	n := len(labels)
	k := 0
	for _, l := range labels {
		if l {
			k++
		}
	}
	if k == 0 || k == n {
		return PermResult{}, fmt.Errorf("analysis: PermutationGroups: %d of %d labels are true; want two non-empty groups", k, n)
	}
	limit, rounds, err := opts.resolve()
	if err != nil {
		return PermResult{}, err
	}
	obs, err := stat(append([]bool(nil), labels...))
	if err != nil {
		return PermResult{}, fmt.Errorf("analysis: PermutationGroups: statistic on the data: %w", err)
	}
	if math.IsNaN(obs) {
		return PermResult{}, errors.New("analysis: PermutationGroups: the statistic on the data is NaN")
	}
	thr := math.Abs(obs) * (1 - permRelTol)
	scratch := make([]bool, n)
	eval := func(lab []bool) (bool, error) {
		copy(scratch, lab)
		s, err := stat(scratch)
		if err != nil {
			return false, fmt.Errorf("analysis: PermutationGroups: statistic on permuted labels: %w", err)
		}
		if math.IsNaN(s) {
			return false, errors.New("analysis: PermutationGroups: the statistic on permuted labels is NaN")
		}
		return math.Abs(s) >= thr, nil
	}
	res := PermResult{Observed: obs}
	lab := make([]bool, n)

	if total, ok := binomialAtMost(n, k, limit); ok {
		// Enumerate the k-subsets of positions in lexicographic order.
		pos := make([]int, k)
		for i := range pos {
			pos[i] = i
		}
		count := 0
		for {
			clear(lab)
			for _, p := range pos {
				lab[p] = true
			}
			hit, err := eval(lab)
			if err != nil {
				return PermResult{}, err
			}
			if hit {
				count++
			}
			i := k - 1
			for i >= 0 && pos[i] == n-k+i {
				i--
			}
			if i < 0 {
				break
			}
			pos[i]++
			for j := i + 1; j < k; j++ {
				pos[j] = pos[j-1] + 1
			}
		}
		res.P = float64(count) / float64(total)
		res.Exact = true
		res.Rounds = total
		res.Warnings = permExactWarnings(total)
		return res, nil
	}

	copy(lab, labels)
	rng := rand.NewPCG(opts.Seed, pcgStream)
	return monteCarlo(res, rounds, opts, func() (bool, error) {
		shuffleBools(rng, lab)
		return eval(lab)
	})
}

// monteCarlo draws up to rounds random arrangements with draw, which
// reports whether the arrangement's statistic is at least as extreme as the
// observed one. p = (b+1)/(m+1) after all m rounds (Phipson & Smyth 2010),
// or Stop/L when the sequential rule of Besag & Clifford (1991) stops
// after L draws.
func monteCarlo(res PermResult, rounds int, opts PermOptions, draw func() (bool, error)) (PermResult, error) {
	b := 0
	for r := 1; r <= rounds; r++ {
		hit, err := draw()
		if err != nil {
			return PermResult{}, err
		}
		if hit {
			b++
		}
		if opts.Stop > 0 && b >= opts.Stop {
			res.P, res.Rounds = float64(b)/float64(r), r
			res.Warnings = []string{fmt.Sprintf("p-value estimated sequentially: stopped after %d random permutations once %d were at least as extreme (Besag & Clifford 1991; seed %d)", r, b, opts.Seed)}
			return res, nil
		}
	}
	res.P = float64(b+1) / float64(rounds+1)
	res.Rounds = rounds
	res.Warnings = permMonteCarloWarnings(res.P, rounds, opts.Seed)
	return res, nil
}

func permExactWarnings(total int) []string {
	if total < 40 {
		return []string{fmt.Sprintf("only %d arrangements: the smallest attainable p-value is %.3g, so the test cannot reach p < 0.05", total, 1/float64(total))}
	}
	return nil
}

func permMonteCarloWarnings(p float64, rounds int, seed uint64) []string {
	se := math.Sqrt(p * (1 - p) / float64(rounds))
	return []string{fmt.Sprintf("p-value estimated from %d random permutations (seed %d); Monte Carlo standard error about %.2g", rounds, seed, se)}
}

// factorialAtMost returns n! and true when n! ≤ limit.
func factorialAtMost(n, limit int) (int, bool) {
	if limit <= 0 {
		return 0, false
	}
	f := 1
	for i := 2; i <= n; i++ {
		if f > limit/i {
			return 0, false
		}
		f *= i
	}
	return f, f <= limit
}

// binomialAtMost returns C(n, k) and true when C(n, k) ≤ limit.
func binomialAtMost(n, k, limit int) (int, bool) {
	if limit <= 0 {
		return 0, false
	}
	k = min(k, n-k)
	lg := func(v int) float64 { l, _ := math.Lgamma(float64(v) + 1); return l }
	if lg(n)-lg(k)-lg(n-k) > math.Log(float64(limit))+1e-6 {
		return 0, false
	}
	c := 1
	for i := 1; i <= k; i++ {
		c = c * (n - k + i) / i // C(n−k+i, i), exact
	}
	return c, c <= limit
}

// permUintN returns a uniform integer in [0, n) from the PCG stream (Lemire's
// multiply-and-reject method), written out so that the permutations drawn
// for a seed depend only on PCG's specified output.
func permUintN(r *rand.PCG, n uint64) uint64 {
	for {
		hi, lo := bits.Mul64(r.Uint64(), n)
		if lo >= n || lo >= -n%n {
			return hi
		}
	}
}

// shuffleFloats and shuffleBools are Fisher–Yates shuffles.
func shuffleFloats(r *rand.PCG, v []float64) {
	for i := len(v) - 1; i > 0; i-- {
		j := permUintN(r, uint64(i+1))
		v[i], v[j] = v[j], v[i]
	}
}

func shuffleBools(r *rand.PCG, v []bool) {
	for i := len(v) - 1; i > 0; i-- {
		j := permUintN(r, uint64(i+1))
		v[i], v[j] = v[j], v[i]
	}
}
