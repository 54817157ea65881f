package analysis

import (
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// testDeals are synthetic deals for the table tests: ids say what they are.
const testDealsCSV = `id,start,end,end_type,last_seen,state_concessions,mediator_type,trigger,broken_by
t1,2004-01-01,2004-01-11,breakdown,,amnesty,jirga,military-operation,state
t2,2004-01-01,2004-01-21,breakdown,,amnesty;sharia,jirga,militant-attack,militants
t3,2004-01-01,2004-01-31,expired,,sharia,none,expiry,none
t4,2004-01-01,2004-02-10,breakdown,,,none,drone-strike,third-party
t5,2004-01-01,,unknown,2004-02-20,amnesty,jirga,unknown,unknown
t6,2030-01-01,,ongoing,,,none,none,none
`

func testSample(t *testing.T) *Sample {
	t.Helper()
	deals, err := dataset.Read(strings.NewReader(testDealsCSV))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSample(dataset.FrameAt(deals, dataset.MustDate("2026-11-22")))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNewSample(t *testing.T) {
	s := testSample(t)
	// t6 starts after the as-of date and is not counted.
	wantIDs := "t1 t2 t3 t4 t5"
	wantTimes := []float64{10, 20, 30, 40, 50}
	wantEvents := []bool{true, true, false, true, false}
	if got := strings.Join(s.IDs, " "); got != wantIDs {
		t.Fatalf("ids = %s, want %s", got, wantIDs)
	}
	for i := range wantTimes {
		if s.Times[i] != wantTimes[i] || s.Events[i] != wantEvents[i] {
			t.Errorf("%s: (%v, %v), want (%v, %v)", s.IDs[i], s.Times[i], s.Events[i], wantTimes[i], wantEvents[i])
		}
	}
	labels, err := s.Labels("has:sharia")
	if err != nil || strings.Join(labels, " ") != "no yes yes no no" {
		t.Errorf("has:sharia labels = %v, %v", labels, err)
	}
	x, err := s.Covariate("n_concessions")
	if err != nil || x[1] != 2 || x[3] != 0 {
		t.Errorf("n_concessions = %v, %v", x, err)
	}
	if _, err := s.Covariate("mediator_type"); err == nil {
		t.Error("a text covariate was accepted")
	}
}
