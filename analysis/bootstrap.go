package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// BootOptions controls a bootstrap.
type BootOptions struct {
	Rounds int     // resamples (0 means 2000)
	Seed   uint64  // seed of the PCG generator; the same seed gives the same interval
	Conf   float64 // confidence level (0 means 0.95)
}

// BootMedian is a percentile bootstrap interval for the Kaplan–Meier median.
type BootMedian struct {
	Median Quantile // the median of the data, with its Brookmeyer–Crowley limits
	// Lower and Upper are the percentile limits; a limit whose order
	// statistic is a resample that never reached 0.5 is NaN with its
	// Reached flag false ("not reached").
	Lower, Upper               float64
	LowerReached, UpperReached bool
	Rounds                     int
	NotReached                 int // resamples whose median was not reached
	Seed                       uint64
	Conf                       float64
	Warnings                   []string
}

// BootstrapMedian gives a percentile bootstrap confidence interval for the
// Kaplan–Meier median (Efron 1981): it draws opts.Rounds resamples of the
// n observations with replacement, computes each resample's median as
// KM.Median does (R's print(survfit)), sorts them, a median that is never
// reached counting as +∞, and takes the order statistics
//
//	lower = m₍ₖ₎, upper = m₍B+1−k₎,  k = ⌊(B + 1)·(1 − conf)/2⌋,
//
// (Davison & Hinkley 1997, §5.2). The resamples come from a PCG generator
// (math/rand/v2) seeded with opts.Seed through Lemire's bounded integers,
// so the interval is reproducible in Go; R's sample() draws other
// resamples, so R's numbers differ by Monte Carlo error. The tests pass
// the same resample indices to R (testdata/r/bootstrap_reference.R) and
// check every resample's median and the limits.
//
// Reference: B. Efron (1981), Censored data and the bootstrap, JASA
// 76(374), 312–319; A. C. Davison and D. V. Hinkley (1997), Bootstrap
// Methods and their Application, Cambridge University Press.
func BootstrapMedian(times []float64, events []bool, opts BootOptions) (*BootMedian, error) {
	if err := checkSurvivalInput(times, events); err != nil {
		return nil, err
	}
	if opts.Rounds == 0 {
		opts.Rounds = 2000
	}
	if opts.Conf == 0 {
		opts.Conf = 0.95
	}
	if !(opts.Conf > 0 && opts.Conf < 1) {
		return nil, fmt.Errorf("analysis: confidence level %v is not between 0 and 1", opts.Conf)
	}
	k := int(math.Floor(float64(opts.Rounds+1) * (1 - opts.Conf) / 2))
	if opts.Rounds < 0 || k < 1 {
		return nil, fmt.Errorf("analysis: BootstrapMedian: %d resamples are too few for a %v interval", opts.Rounds, opts.Conf)
	}
	km, err := KaplanMeier(times, events)
	if err != nil {
		return nil, err
	}
	out := &BootMedian{Median: km.Median(), Rounds: opts.Rounds, Seed: opts.Seed, Conf: opts.Conf}
	meds := make([]float64, 0, opts.Rounds)
	bt, be := make([]float64, len(times)), make([]bool, len(times))
	for _, idx := range bootstrapIndices(len(times), opts.Rounds, opts.Seed) {
		for j, i := range idx {
			bt[j], be[j] = times[i], events[i]
		}
		m := bootMedianOf(bt, be)
		if math.IsInf(m, 1) {
			out.NotReached++
		}
		meds = append(meds, m)
	}
	slices.Sort(meds)
	lo, hi := meds[k-1], meds[opts.Rounds-k]
	out.Lower, out.LowerReached = lo, !math.IsInf(lo, 1)
	out.Upper, out.UpperReached = hi, !math.IsInf(hi, 1)
	if !out.LowerReached {
		out.Lower = math.NaN()
	}
	if !out.UpperReached {
		out.Upper = math.NaN()
	}
	if out.NotReached > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("%d of %d resamples never fell to 0.5; they count as longer than every reached median", out.NotReached, opts.Rounds))
	}
	return out, nil
}

// bootMedianOf returns the Kaplan–Meier median of a resample, +Inf when it
// is not reached.
func bootMedianOf(times []float64, events []bool) float64 {
	km, err := KaplanMeier(times, events)
	if err != nil {
		return math.NaN()
	}
	m := km.Median()
	if !m.Reached {
		return math.Inf(1)
	}
	return m.Estimate
}

// bootstrapIndices returns rounds resamples of 0..n−1 with replacement,
// drawn from PCG(seed, pcgStream) with permUintN.
func bootstrapIndices(n, rounds int, seed uint64) [][]int {
	rng := rand.NewPCG(seed, pcgStream)
	out := make([][]int, rounds)
	for b := range out {
		out[b] = make([]int, n)
		for j := range out[b] {
			out[b][j] = int(permUintN(rng, uint64(n)))
		}
	}
	return out
}
