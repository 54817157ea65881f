package analysis_test

import (
	"fmt"
	"slices"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// The shares of the embedded agreements and ceasefires in each state a
// year after they began, with expiry and supersession as competing
// endings (R: summary(survfit(Surv(time, factor(status)) ~ 1), times = 365)).
func ExampleAalenJohansen() {
	data, err := dataset.Load()
	if err != nil {
		panic(err)
	}
	var deals []dataset.Deal
	for _, d := range data.Deals {
		if d.Kind == dataset.KindAgreement || d.Kind == dataset.KindCeasefire {
			deals = append(deals, d)
		}
	}
	_, times, causes := analysis.Endings(deals, dataset.AsOf())
	inc, err := analysis.AalenJohansen(times, causes, analysis.EndingNames(), 0.95)
	if err != nil {
		panic(err)
	}
	r := inc.At(365)
	fmt.Printf("in force    %.3f\n", r.None)
	for k, name := range inc.Causes {
		fmt.Printf("%-11s %.3f (95%% CI %.3f–%.3f)\n", name, r.Inc[k], r.Lower[k], r.Upper[k])
	}
	half := inc.TimeTo(slices.Index(inc.Causes, "breakdown"), 0.5)
	fmt.Printf("half had broken down by day %.0f\n", half.Estimate)
	// Output:
	// in force    0.260
	// breakdown   0.602 (95% CI 0.445–0.814)
	// expired     0.068 (95% CI 0.018–0.260)
	// superseded  0.070 (95% CI 0.018–0.269)
	// half had broken down by day 313
}
