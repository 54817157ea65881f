package plots

import (
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
)

// dayNumber is days since 1970-01-01, the x unit of calendar charts (the
// unit of dataset.Date.Mid and Span).
func dayNumber(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// yearOf returns the calendar year of day number x.
func yearOf(x float64) int {
	return time.Unix(int64(math.Floor(x))*86400, 0).UTC().Year()
}

// YearTicks is a plot.Ticker for an axis in days since 1970-01-01: a tick
// on every 1 January in range, labelled with the year on every Every-th year
// (years divisible by Every) and unlabelled (a minor tick) otherwise.
// Every <= 1 labels every year.
type YearTicks struct{ Every int }

// Ticks implements plot.Ticker.
func (t YearTicks) Ticks(min, max float64) []plot.Tick {
	every := max1(t.Every)
	var ticks []plot.Tick
	for y := yearOf(min); ; y++ {
		x := dayNumber(y, time.January, 1)
		if x > max {
			break
		}
		if x < min {
			continue
		}
		label := ""
		if y%every == 0 {
			label = strconv.Itoa(y)
		}
		ticks = append(ticks, plot.Tick{Value: x, Label: label})
	}
	return ticks
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// dayStep picks the spacing of day ticks so that an axis to max days gets
// at most 9 labelled ticks: weeks or months (7 to 180 days) while they
// fit, then round hundreds and thousands.
func dayStep(max float64) float64 {
	for _, s := range []float64{7, 14, 30, 60, 90, 180, 250, 500, 1000, 2000, 5000} {
		if max/s <= 8 {
			return s
		}
	}
	return 5000 * math.Ceil(max/5000/8)
}

// dayTicks returns ticks at 0, step, 2·step, ... up to max.
func dayTicks(max float64) plot.Ticker {
	step := dayStep(max)
	return plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		var ticks []plot.Tick
		for v := 0.0; v <= hi+1e-9; v += step {
			if v >= lo-1e-9 {
				ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
			}
		}
		return ticks
	})
}

// countTicks labels whole numbers from 0 with a step that gives at most
// about 8 labels.
func countTicks(lo, hi float64) []plot.Tick {
	step := 1.0
	for hi/step > 8 {
		switch {
		case step == 1:
			step = 2
		case step == 2:
			step = 5
		default:
			step *= 2
		}
	}
	var ticks []plot.Tick
	for v := 0.0; v <= hi+1e-9; v += step {
		if v >= lo-1e-9 {
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.Itoa(int(v))})
		}
	}
	return ticks
}
