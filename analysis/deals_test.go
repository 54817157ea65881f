package analysis

import (
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// analysedKinds are the kinds of deal the analysis covers (the command's
// default: agreements and ceasefires, not talks).
var analysedKinds = []dataset.Kind{dataset.KindAgreement, dataset.KindCeasefire}

// embeddedDeals is the embedded data as the R references read it from
// testdata/r/deals_input.csv: one row per agreement or ceasefire counted at
// dataset.AsOf().
type embeddedDeals struct {
	ids    []string
	times  []float64
	causes []int // 0 censored, 1 breakdown, 2 expired, 3 superseded
	deals  map[string]*dataset.Deal
}

func loadEmbeddedDeals(t *testing.T) embeddedDeals {
	t.Helper()
	data, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	var deals []dataset.Deal
	for _, d := range data.Deals {
		if slices.Contains(analysedKinds, d.Kind) {
			deals = append(deals, d)
		}
	}
	var e embeddedDeals
	e.ids, e.times, e.causes = Endings(deals, dataset.AsOf())
	e.deals = map[string]*dataset.Deal{}
	for i := range deals {
		e.deals[deals[i].ID] = &deals[i]
	}
	return e
}

// breakdowns returns the event flags with expiry and supersession censored.
func (e embeddedDeals) breakdowns() []bool {
	ev := make([]bool, len(e.causes))
	for i, c := range e.causes {
		ev[i] = c == 1
	}
	return ev
}

// flag returns a 0/1 covariate: has:NAME or commits:NAME.
func (e embeddedDeals) flag(t *testing.T, col string) []float64 {
	t.Helper()
	x := make([]float64, len(e.ids))
	for i, id := range e.ids {
		d := e.deals[id]
		var on bool
		switch {
		case len(col) > 4 && col[:4] == "has:":
			on = d.Has(col[4:])
		case len(col) > 8 && col[:8] == "commits:":
			on = d.Commits(col[8:])
		default:
			t.Fatalf("unknown flag column %q", col)
		}
		if on {
			x[i] = 1
		}
	}
	return x
}

// update makes TestDealsInputIsEmbeddedData rewrite
// testdata/r/deals_input.csv from the embedded data:
//
//	go test ./analysis -run TestDealsInputIsEmbeddedData -update
//
// then rerun the R scripts in testdata/r that read it (see their headers).
var update = flag.Bool("update", false, "rewrite testdata/r/deals_input.csv from the embedded data")

// writeDealsInput writes the embedded deals as testdata/r/deals_input.csv:
// id, time, status (0 censored, 1 breakdown, 2 expired, 3 superseded),
// start_year, end_type, as_of_time (days from start to dataset.AsOf(), the
// follow-up an unknown end could have had), then one 0/1 column per
// concession (has:NAME) and commitment (commits:NAME) in vocabulary order.
func writeDealsInput(t *testing.T, e embeddedDeals) {
	t.Helper()
	var cols []string
	for _, c := range dataset.Concessions() {
		cols = append(cols, "has:"+c)
	}
	for _, c := range dataset.Commitments() {
		cols = append(cols, "commits:"+c)
	}
	f, err := os.Create(filepath.Join("testdata", "r", "deals_input.csv"))
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(append([]string{"id", "time", "status", "start_year", "end_type", "as_of_time"}, cols...))
	flags := make([][]float64, len(cols))
	for j, c := range cols {
		flags[j] = e.flag(t, c)
	}
	for i, id := range e.ids {
		d := *e.deals[id]
		endType := string(d.EndType)
		d.EndType = dataset.EndTypeOngoing
		toAsOf, _ := d.Duration(dataset.AsOf())
		rec := []string{id, strconv.Itoa(int(e.times[i])), strconv.Itoa(e.causes[i]), strconv.Itoa(d.Start.Y), endType, strconv.Itoa(toAsOf.Days)}
		for j := range cols {
			rec = append(rec, strconv.Itoa(int(flags[j][i])))
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestDealsInputIsEmbeddedData checks that testdata/r/deals_input.csv, which
// the R references read, still equals the embedded data: if the dataset
// changes, regenerate the file and rerun the R scripts that read it.
func TestDealsInputIsEmbeddedData(t *testing.T) {
	e := loadEmbeddedDeals(t)
	if *update {
		writeDealsInput(t, e)
	}
	rows := readRCSV(t, "deals_input.csv")
	if len(rows) != len(e.ids) {
		t.Fatalf("deals_input.csv has %d deals; the embedded data %d", len(rows), len(e.ids))
	}
	fixed := []string{"id", "time", "status", "start_year", "end_type", "as_of_time"}
	flags := map[string][]float64{}
	for col := range rows[0] {
		if !slices.Contains(fixed, col) {
			flags[col] = e.flag(t, col)
		}
	}
	for i, r := range rows {
		if r["id"] != e.ids[i] || r["time"] != strconv.Itoa(int(e.times[i])) || r["status"] != strconv.Itoa(e.causes[i]) ||
			r["start_year"] != strconv.Itoa(e.deals[e.ids[i]].Start.Y) {
			t.Fatalf("row %d: file %v; embedded %s %v %d", i, r, e.ids[i], e.times[i], e.causes[i])
		}
		d := *e.deals[e.ids[i]]
		endType := string(d.EndType)
		d.EndType = dataset.EndTypeOngoing
		toAsOf, _ := d.Duration(dataset.AsOf())
		if r["end_type"] != endType || r["as_of_time"] != strconv.Itoa(toAsOf.Days) {
			t.Fatalf("row %d (%s): end_type %s, as_of_time %s; embedded %s, %d", i, e.ids[i], r["end_type"], r["as_of_time"], endType, toAsOf.Days)
		}
		for col, x := range flags {
			if v, want := r[col], strconv.Itoa(int(x[i])); v != want {
				t.Fatalf("row %d (%s) column %s: file %s, embedded %s", i, e.ids[i], col, v, want)
			}
		}
	}
}
