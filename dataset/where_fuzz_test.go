package dataset

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseCond: no --where condition makes ParseCond or Filter panic; a
// condition that parses prints back to itself, an order comparison's
// value is a date (date columns) or a number, a rejected one wraps
// ErrWhere, and Filter keeps a subset of the deals in their order (issue
// 14: a fuzz target for the --where language).
func FuzzParseCond(f *testing.F) {
	for _, s := range []string{"kind=agreement", "start>=2006", "start<notadate", "start>", "start>=2006-13",
		"n<5", "n>1e400", "end<=2021-12", "state_concessions!=amnesty", "decade=2000s", "=x", "a==b", "start_year<2022", "start>2006-02-30", "n>NaN"} {
		f.Add(s)
	}
	deals, err := Read(strings.NewReader(whereCSV))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCond(s)
		if err != nil {
			if !errors.Is(err, ErrWhere) {
				t.Fatalf("ParseCond(%q): error %v does not wrap ErrWhere", s, err)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("ParseCond(%q).String() = %q", s, c.String())
		}
		if c.Op != "=" && c.Op != "!=" {
			_, derr := ParseDate(c.Value)
			_, ferr := strconv.ParseFloat(c.Value, 64)
			if derr != nil && ferr != nil {
				t.Fatalf("ParseCond(%q) accepted %q, neither a date nor a number", s, c.Value)
			}
		}
		got, err := Filter(deals, []Cond{c})
		if err != nil {
			if !errors.Is(err, ErrWhere) {
				t.Fatalf("Filter(%q): error %v does not wrap ErrWhere", s, err)
			}
			return
		}
		j := 0
		for _, d := range got {
			for j < len(deals) && deals[j].ID != d.ID {
				j++
			}
			if j == len(deals) {
				t.Fatalf("Filter(%q) = %v: not a subset in order", s, ids(got))
			}
			j++
		}
	})
}
