package analysis_test

import (
	"fmt"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// The embedded deals as the truce command analyses them: dataset.Select
// keeps agreements and ceasefires, SampleOf reads their survival data from
// the gota frame. "truce summary" prints the same median.
func ExampleNewSample() {
	data, err := dataset.Load()
	if err != nil {
		panic(err)
	}
	sel, err := dataset.Select(data.Deals, nil, dataset.AsOf())
	if err != nil {
		panic(err)
	}
	s, err := analysis.NewSample(dataset.FrameAt(sel.Deals, sel.AsOf)) // or analysis.SampleOf(sel.Deals, sel.AsOf)
	if err != nil {
		panic(err)
	}
	breakdowns := 0
	for _, e := range s.Events {
		if e {
			breakdowns++
		}
	}
	fmt.Println(s.Len(), "deals,", breakdowns, "breakdowns")
	// Output:
	// 35 deals, 23 breakdowns
}

func ExampleSummarize() {
	data, err := dataset.Load()
	if err != nil {
		panic(err)
	}
	sel, err := dataset.Select(data.Deals, nil, dataset.Date{})
	if err != nil {
		panic(err)
	}
	s, err := analysis.SampleOf(sel.Deals, sel.AsOf)
	if err != nil {
		panic(err)
	}
	groups, _, err := analysis.Summarize(s, "", 365)
	if err != nil {
		panic(err)
	}
	g := groups[0]
	fmt.Printf("n %d, breakdowns %d, median %.0f days (95%% CI from %.0f), RMST(365) %.1f\n",
		g.N, g.Breakdowns, g.Median.Estimate, g.Median.Lower, g.RMST)
	// Output:
	// n 35, breakdowns 23, median 234 days (95% CI from 93), RMST(365) 208.4
}

// R's aml data (survival package): weeks to relapse by maintenance
// chemotherapy. R 4.2 / survival 3.5, survdiff(Surv(time, status) ~ x,
// aml): observed 7 and 11, expected 10.68934 and 7.31066, chi-square 3.4
// on 1 df, p = 0.06534.
func ExampleLogRank() {
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false, true, true, true, true, true, false, true, true, true, true, true, true}
	groups := []string{"Maintained", "Maintained", "Maintained", "Maintained", "Maintained", "Maintained", "Maintained", "Maintained", "Maintained", "Maintained", "Maintained",
		"Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained", "Nonmaintained"}
	lr, err := analysis.LogRank(times, events, groups)
	if err != nil {
		panic(err)
	}
	for _, g := range lr.Groups {
		fmt.Printf("%-13s n %2d observed %2.0f expected %5.2f\n", g.Group, g.N, g.Observed, g.Expected)
	}
	fmt.Printf("chi-square %.2f on %d df, p = %.4f\n", lr.Chisq, lr.DF, lr.P)
	// Output:
	// Maintained    n 11 observed  7 expected 10.69
	// Nonmaintained n 12 observed 11 expected  7.31
	// chi-square 3.40 on 1 df, p = 0.0653
}

// The same data as a Cox model with one binary covariate (1 =
// not maintained). R, coxph(Surv(time, status) ~ x, aml): coef 0.915533,
// exp(coef) 2.498105, 95% limits 0.915907 to 6.8135, p 0.073715;
// likelihood-ratio test 3.38 on 1 df.
func ExampleCoxPH() {
	times := []float64{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45}
	events := []bool{true, true, false, true, true, false, true, true, false, true, false, true, true, true, true, true, false, true, true, true, true, true, true}
	x := make([][]float64, len(times))
	for i := range x {
		x[i] = []float64{0}
		if i >= 11 {
			x[i][0] = 1
		}
	}
	fit, err := analysis.CoxPH(times, events, x, []string{"nonmaintained"}, analysis.Efron)
	if err != nil {
		panic(err)
	}
	t := fit.Terms[0]
	fmt.Printf("%s: coef %.4f, hazard ratio %.3f (95%% CI %.3f to %.3f), p = %.4f\n", t.Term, t.Coef, t.ExpCoef, t.Lower, t.Upper, t.P)
	fmt.Printf("likelihood-ratio test %.2f on %d df, p = %.4f\n", fit.LRChisq, fit.LRDF, fit.LRP)
	// Output:
	// nonmaintained: coef 0.9155, hazard ratio 2.498 (95% CI 0.916 to 6.813), p = 0.0737
	// likelihood-ratio test 3.38 on 1 df, p = 0.0658
}
