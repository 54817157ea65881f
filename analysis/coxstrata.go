package analysis

import (
	"fmt"
	"slices"
)

// CoxPHStrata fits a stratified Cox model,
//
//	h(t | x, stratum s) = h₀ₛ(t) · exp(βᵀx),
//
// with a separate baseline hazard in each stratum and common coefficients:
// the log partial likelihood is the sum of the strata's, each risk set
// holding only the observations of the event's stratum (Kalbfleisch &
// Prentice 2002, §4.4; Therneau & Grambsch 2000, §3.1). It matches R's
// coxph(Surv(time, status) ~ x + strata(g)); everything else is as in
// CoxPH. strata[i] labels observation i's stratum; one label for every
// observation gives CoxPH's fit.
//
// References: J. D. Kalbfleisch and R. L. Prentice (2002), The Statistical
// Analysis of Failure Time Data, 2nd ed., Wiley; Therneau & Grambsch (2000).
func CoxPHStrata(times []float64, events []bool, x [][]float64, names []string, strata []string, ties Ties) (*Cox, error) {
	codes, err := strataCodes(strata, len(times))
	if err != nil {
		return nil, err
	}
	return coxPH(times, events, x, names, codes, nil, ties)
}

// strataCodes numbers the stratum labels by their sorted order.
func strataCodes(strata []string, n int) ([]int, error) {
	if len(strata) != n {
		return nil, fmt.Errorf("analysis: %d times but %d strata labels", n, len(strata))
	}
	lv := levels(strata)
	codes := make([]int, n)
	for i, s := range strata {
		codes[i], _ = slices.BinarySearch(lv, s)
	}
	return codes, nil
}
