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
	// More than MaxErrors problems, a duplicate id among them, and a late
	// value that makes a column of numbers text only for a reader that
	// goes on past the 50th problem (found in review).
	"full before the text": "id,start,end,n\na,2004,2005,NaN\n" + rows("p", 29, "2004,bad,1") + "a,2004,bad,1\n" +
		rows("q", 25, "2004,bad,1") + "zz1,2004,2005,many\n" + rows("g", 3, "2004,2005,1"),
}

// rows is n CSV rows prefix0,rest … prefix(n-1),rest.
func rows(prefix string, n int, rest string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s%d,%s\n", prefix, i, rest)
	}
	return b.String()
}

// TestReadSplit checks that reading in parts gives what one pass gives:
// the same deals and the same problems in the same order.
func TestReadSplit(t *testing.T) {
	for name, in := range splitCases {
		t.Run(name, func(t *testing.T) { compareSplit(t, in) })
	}
}

// TestReadSplitBig checks files of more than minSplitBytes a part, split
// in three as Read splits them on a three-core machine, with unique ids
// and with ids repeated across the parts.
func TestReadSplitBig(t *testing.T) {
	const n = 3 * minSplitBytes / 30 // rows of about 30 bytes: three parts' worth
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
			for i := range n {
				fmt.Fprintf(&b, "d%d,2004-01-%02d,,ongoing,%d\n", i%tc.ids, 1+i%28, i)
			}
			sc, tab := openTable(b.String(), &problems{})
			if tab == nil || len(sc.split(3, minSplitBytes)) != 3 {
				t.Fatal("the file does not split in three")
			}
			split, err := readIn(b.String(), 3, minSplitBytes)
			one, oneErr := readIn(b.String(), 1, 0)
			if fmt.Sprint(err) != fmt.Sprint(oneErr) {
				t.Fatalf("three parts and one pass differ:\n%v\n%v", err, oneErr)
			}
			switch {
			case tc.wants == "" && (err != nil || len(split) != n || !reflect.DeepEqual(split, one)):
				t.Fatalf("got %d deals, error %v; want %d deals as one pass reads them", len(split), err, n)
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
