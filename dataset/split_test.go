package dataset

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// readIn reads data as Read does, in up to parts runs of lines of at least
// minBytes each.
func readIn(data string, parts, minBytes int) ([]Deal, error) {
	p := &problems{file: "in.csv"}
	deals, _ := parseDeals(data, false, p, parts, minBytes)
	return deals, p.err()
}

// splitCases are inputs whose reading depends on rows in other parts of
// the file: duplicate ids across parts (of good and of failed rows), a
// column of numbers with a bad value far from its first, a column that
// stops being numeric late, blank lines and bad field counts at the
// boundaries, and more problems than MaxErrors.
var splitCases = map[string]string{
	"good":          userCSV,
	"duplicates":    "id,start,end\na,2004,2005\nb,2004,2005\nc,2004,2005\na,2006,2007\nb,2006,x\nb,2006,2007\n",
	"failed first":  "id,start,end\na,2004,x\nb,2004,2005\na,2004,2005\n",
	"numbers":       "id,start,end,n\na,2004,2005,1\nb,2004,2005,2\nc,2004,2005,NaN\nd,2004,2005,3\ne,2004,2005,Inf\n",
	"late text":     "id,start,end,n\na,2004,2005,1\nb,2004,2005,NaN\nc,2004,2005,3\nd,2004,2005,many\n",
	"blank lines":   "id,start,end\n\na,2004,2005\n\n\r\nb,2004,2005\nc,2004\n\nd,2004,2005\r\n",
	"many problems": "id,start,end\n" + strings.Repeat("a,x,y\n", MaxErrors+5),
	"no rows":       "id,start,end\n\n\n\n",
}

// TestReadSplit checks that reading in parts gives what one pass gives:
// the same deals and the same problems in the same order.
func TestReadSplit(t *testing.T) {
	for name, in := range splitCases {
		t.Run(name, func(t *testing.T) { compareSplit(t, in) })
	}
}

// TestReadSplitBig checks files large enough that Read splits them on its
// own, with unique ids and with ids repeated across the parts.
func TestReadSplitBig(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ids   int // distinct ids, repeated in turn
		wants string
	}{
		{"unique", 1 << 30, ""},
		{"repeated", minSplitBytes / 20, "already used on line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("id,start,end,end_type,n\n")
			for i := range 3 * minSplitBytes / 30 {
				fmt.Fprintf(&b, "d%d,2004-01-%02d,,ongoing,%d\n", i%tc.ids, 1+i%28, i)
			}
			deals, err := Read(strings.NewReader(b.String()))
			p := &problems{file: "input"}
			one, _ := parseDeals(b.String(), false, p, 1, 0)
			if fmt.Sprint(err) != fmt.Sprint(p.err()) {
				t.Fatalf("Read and one pass differ:\n%v\n%v", err, p.err())
			}
			switch {
			case tc.wants == "" && (err != nil || len(deals) != 3*minSplitBytes/30 || !reflect.DeepEqual(deals, one)):
				t.Fatalf("got %d deals, error %v; want %d deals as one pass reads them", len(deals), err, 3*minSplitBytes/30)
			case tc.wants != "" && (err == nil || !strings.Contains(err.Error(), tc.wants)):
				t.Fatalf("got error %v, want %q", err, tc.wants)
			}
		})
	}
}

func FuzzReadSplit(f *testing.F) {
	for _, in := range splitCases {
		f.Add(in)
	}
	f.Fuzz(compareSplit)
}

func compareSplit(t *testing.T, in string) {
	want, wantErr := readIn(in, 1, 0)
	for parts := 2; parts <= 4; parts++ {
		got, err := readIn(in, parts, 1)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("%d parts: problems\n%v\none pass:\n%v", parts, err, wantErr)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%d parts: %d deals, one pass %d, or their fields differ", parts, len(got), len(want))
		}
	}
}
