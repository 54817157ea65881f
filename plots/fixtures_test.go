package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// kmOf estimates the Kaplan–Meier curve of the deals that keep says yes to.
func kmOf(deals []dataset.Deal, asOf dataset.Date, keep func(*dataset.Deal) bool) *analysis.KM {
	var times []float64
	var events []bool
	for i := range deals {
		d := &deals[i]
		if !keep(d) {
			continue
		}
		if dur, ok := d.Duration(asOf); ok {
			times = append(times, float64(dur.Days))
			events = append(events, dur.Event)
		}
	}
	km, err := analysis.KaplanMeier(times, events)
	if err != nil {
		panic(err)
	}
	return km
}

// allCharts returns a builder for every chart of the package from one set
// of deals, as the command would call them.
func allCharts(deals []dataset.Deal, govs []dataset.Government, asOf dataset.Date, meta Meta) map[string]func() (*plot.Plot, error) {
	all := func(*dataset.Deal) bool { return true }
	amnesty := func(d *dataset.Deal) bool { return d.Has("amnesty") }
	noAmnesty := func(d *dataset.Deal) bool { return !d.Has("amnesty") }
	var pts []Point
	var xs, ys []float64
	for i := range deals {
		d := &deals[i]
		if dur, ok := d.Duration(asOf); ok {
			pts = append(pts, Point{Label: d.ID, X: len(d.StateConcessions), Days: float64(dur.Days), Censored: !dur.Event})
			xs, ys = append(xs, float64(len(d.StateConcessions))), append(ys, float64(dur.Days))
		}
	}
	rho, err := analysis.Spearman(xs, ys)
	if err != nil {
		rho = math.NaN()
	}
	perm, err := analysis.PermutationCorrelation(xs, ys, analysis.Spearman, analysis.PermOptions{Seed: 1})
	if err != nil {
		perm.P = math.NaN()
	}
	forest := forestFromCox(deals, asOf)
	return map[string]func() (*plot.Plot, error){
		"scatter":   func() (*plot.Plot, error) { return ConcessionScatter(pts, rho, perm.P, len(pts), meta) },
		"forest":    func() (*plot.Plot, error) { return Forest(forest, "Hazard ratio of breakdown (log scale)", meta) },
		"matrix":    func() (*plot.Plot, error) { return Matrix(deals, meta) },
		"triggers":  func() (*plot.Plot, error) { return Triggers(deals, meta) },
		"durations": func() (*plot.Plot, error) { return Durations(deals, asOf, meta) },
		"timeline":  func() (*plot.Plot, error) { return Timeline(deals, govs, asOf, meta) },
		"survival": func() (*plot.Plot, error) {
			return Survival([]Curve{{Label: "All deals", KM: kmOf(deals, asOf, all)}}, meta)
		},
		"survival-groups": func() (*plot.Plot, error) {
			return Survival([]Curve{
				{Label: "Amnesty offered", KM: kmOf(deals, asOf, amnesty)},
				{Label: "No amnesty", KM: kmOf(deals, asOf, noAmnesty)},
			}, meta)
		},
	}
}

// forestFromCox fits one Cox model per state concession (has it or not)
// and returns the hazard ratios as forest rows.
func forestFromCox(deals []dataset.Deal, asOf dataset.Date) []ForestRow {
	var rows []ForestRow
	for _, c := range dataset.Concessions() {
		var times []float64
		var events []bool
		var x [][]float64
		with := 0
		for i := range deals {
			d := &deals[i]
			dur, ok := d.Duration(asOf)
			if !ok {
				continue
			}
			v := 0.0
			if d.Has(c) {
				v, with = 1, with+1
			}
			times, events, x = append(times, float64(dur.Days)), append(events, dur.Event), append(x, []float64{v})
		}
		row := ForestRow{Label: dataset.Label("state_concessions", c), Est: math.NaN(), Lo: math.NaN(), Hi: math.NaN(), N: fmt.Sprintf("%d vs %d", with, len(times)-with)}
		if fit, err := analysis.CoxPH(times, events, x, []string{c}, analysis.Efron); err == nil && len(fit.Terms) == 1 {
			t := fit.Terms[0]
			row.Est, row.Lo, row.Hi = t.ExpCoef, t.Lower, t.Upper
		}
		rows = append(rows, row)
	}
	return rows
}
