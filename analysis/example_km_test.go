package analysis_test

import (
	"fmt"

	"github.com/truce-lab/truce/analysis"
)

// The maintained arm of R's aml data (survival package): weeks to relapse,
// false = censored. The numbers agree with R's survfit and survdiff.
func ExampleKaplanMeier() {
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false}
	km, err := analysis.KaplanMeier(times, events)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("time n.risk n.event surv  std.err lower upper")
	for _, r := range km.Rows {
		if r.NEvent == 0 {
			continue
		}
		fmt.Printf("%4.0f %6d %7d %.3f %7.3f %.3f %.3f\n",
			r.Time, r.NRisk, r.NEvent, r.Surv, r.StdErr, r.Lower, r.Upper)
	}
	m := km.Median()
	fmt.Printf("median %.0f (95%% CI %.0f to ", m.Estimate, m.Lower)
	if m.UpperReached {
		fmt.Printf("%.0f)\n", m.Upper)
	} else {
		fmt.Println("not reached)")
	}
	est, se, _ := km.RMST(40)
	fmt.Printf("restricted mean up to 40 weeks: %.2f (se %.2f)\n", est, se)
	for _, w := range km.Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// time n.risk n.event surv  std.err lower upper
	//    9     11       1 0.909   0.087 0.754 1.000
	//   13     10       1 0.818   0.116 0.619 1.000
	//   18      8       1 0.716   0.140 0.488 1.000
	//   23      7       1 0.614   0.153 0.377 0.999
	//   31      5       1 0.491   0.164 0.255 0.946
	//   34      4       1 0.368   0.163 0.155 0.875
	//   48      2       1 0.184   0.153 0.036 0.944
	// median 31 (95% CI 18 to not reached)
	// restricted mean up to 40 weeks: 28.90 (se 3.47)
}
