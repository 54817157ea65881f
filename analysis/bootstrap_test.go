package analysis

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestBootstrapMedianMatchesR checks BootstrapMedian against R on the same
// resamples (testdata/r/bootstrap_reference.R): the committed indices must
// be the ones the seed draws, every resample's median must equal R's, and
// so must the percentile limits.
func TestBootstrapMedianMatchesR(t *testing.T) {
	e := loadEmbeddedDeals(t)
	var aml coxInput
	for _, r := range readRCSV(t, "input_aml.csv") {
		aml.times = append(aml.times, rNumber(t, r["time"]))
		aml.events = append(aml.events, r["status"] == "1")
	}
	want := map[string]map[int]float64{}
	for _, r := range readRCSV(t, "bootstrap_expected.csv") {
		if want[r["name"]] == nil {
			want[r["name"]] = map[int]float64{}
		}
		i, _ := strconv.Atoi(r["resample"])
		want[r["name"]][i] = rNumber(t, r["median"])
	}
	tests := []struct {
		name   string
		times  []float64
		events []bool
		seed   uint64
	}{
		{"aml", aml.times, aml.events, 1},
		{"deals", e.times, e.breakdowns(), 20041124},
	}
	for _, tc := range tests {
		const rounds = 400
		idx := bootstrapIndices(len(tc.times), rounds, tc.seed)
		file := readRCSV(t, "bootstrap_indices_"+tc.name+".csv")
		if len(file) != rounds {
			t.Fatalf("%s: %d resamples in the file; want %d", tc.name, len(file), rounds)
		}
		w := want[tc.name]
		bt, be := make([]float64, len(tc.times)), make([]bool, len(tc.times))
		for b, r := range file {
			fields := strings.Fields(r["indices"])
			for j, f := range fields {
				if f != strconv.Itoa(idx[b][j]) {
					t.Fatalf("%s resample %d: the file's indices differ from seed %d's; regenerate", tc.name, b, tc.seed)
				}
				bt[j], be[j] = tc.times[idx[b][j]], tc.events[idx[b][j]]
			}
			got := bootMedianOf(bt, be)
			if math.IsInf(got, 1) {
				got = math.NaN() // R: NA
			}
			if !near(got, w[b], 1e-12) {
				t.Errorf("%s resample %d: median %v, R %v", tc.name, b, got, w[b])
			}
		}
		res, err := BootstrapMedian(tc.times, tc.events, BootOptions{Rounds: rounds, Seed: tc.seed})
		if err != nil {
			t.Fatal(err)
		}
		if !near(res.Lower, w[-1], 1e-12) || !near(res.Upper, w[-2], 1e-12) {
			t.Errorf("%s: interval %v–%v; R %v–%v", tc.name, res.Lower, res.Upper, w[-1], w[-2])
		}
	}
}

// TestBootstrapMedianInvariants: the same seed gives the same interval,
// the interval holds the median, and more confidence never narrows it.
func TestBootstrapMedianInvariants(t *testing.T) {
	e := loadEmbeddedDeals(t)
	ev := e.breakdowns()
	a, err := BootstrapMedian(e.times, ev, BootOptions{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := BootstrapMedian(e.times, ev, BootOptions{Seed: 7})
	if a.Lower != b.Lower || a.Upper != b.Upper || a.NotReached != b.NotReached {
		t.Errorf("same seed, different intervals: %+v, %+v", a, b)
	}
	if a.Rounds != 2000 || a.Conf != 0.95 {
		t.Errorf("defaults: %d rounds, conf %v; want 2000, 0.95", a.Rounds, a.Conf)
	}
	if !(a.Lower <= a.Median.Estimate) || (a.UpperReached && a.Upper < a.Median.Estimate) {
		t.Errorf("interval %v–%v does not hold the median %v", a.Lower, a.Upper, a.Median.Estimate)
	}
	c, _ := BootstrapMedian(e.times, ev, BootOptions{Seed: 7, Conf: 0.99})
	if c.Lower > a.Lower || (c.UpperReached && a.UpperReached && c.Upper < a.Upper) {
		t.Errorf("99%% interval %v–%v narrower than 95%% %v–%v", c.Lower, c.Upper, a.Lower, a.Upper)
	}
	for _, opts := range []BootOptions{{Rounds: 10}, {Rounds: -1}, {Conf: 1.5}} {
		if _, err := BootstrapMedian(e.times, ev, opts); err == nil {
			t.Errorf("%+v: no error", opts)
		}
	}
}
