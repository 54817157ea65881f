package external

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// checkRead is the property every reader must keep on any input: no
// panic; an error is a dataset.Errors of ParseErrors naming the file; a
// success gives deals with a start, a known end type, and a duration the
// censoring rule can compute.
func checkRead(t *testing.T, data *Data, err error) {
	t.Helper()
	if err != nil {
		var es dataset.Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error %v (%T) is not a dataset.Errors", err, err)
		}
		for _, e := range es {
			if e.File != "fuzz.csv" {
				t.Fatalf("error %q does not name the file", e)
			}
		}
		return
	}
	if data == nil {
		return
	}
	for i := range data.Deals {
		d := &data.Deals[i]
		if d.Start.IsZero() || !slices.Contains(knownEnds, d.EndType) {
			t.Fatalf("deal %+v", d)
		}
		if dur, ok := d.Duration(dataset.AsOf()); ok && (dur.Days < 0 || dur.Lower > dur.Days || dur.Days > dur.Upper) {
			t.Fatalf("deal %s: duration %+v", d.ID, dur)
		}
	}
}

// knownEnds are the end types a reader may give.
var knownEnds = []dataset.EndType{dataset.EndTypeBreakdown, dataset.EndTypeExpired, dataset.EndTypeSuperseded, dataset.EndTypeUnknown}

func seed(f *testing.F, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(strings.ReplaceAll(string(b), "\r\n", "\n"))
}

func FuzzReadEthPrio(f *testing.F) {
	seed(f, "testdata/ethprio_quirks.csv")
	f.Add(ethRecord(map[string]string{"end_day": "31", "end_month": "2"}))
	f.Fuzz(func(t *testing.T, s string) {
		data, err := ReadEthPrio(strings.NewReader(s), "fuzz.csv")
		checkRead(t, data, err)
	})
}

func FuzzReadUCDPPAD(f *testing.F) {
	seed(f, "testdata/ucdp_pad_quirks.csv")
	f.Fuzz(func(t *testing.T, s string) {
		data, err := ReadUCDPPAD(strings.NewReader(s), "fuzz.csv")
		checkRead(t, data, err)
	})
}

func FuzzReadPAX(f *testing.F) {
	seed(f, "testdata/pax.csv")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ReadPAX(strings.NewReader(s), "fuzz.csv")
		checkRead(t, nil, err)
		for _, a := range got {
			if a.ID == "" || a.Date.IsZero() {
				t.Fatalf("agreement %+v", a)
			}
		}
	})
}
