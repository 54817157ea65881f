package dataset

import (
	"errors"
	"strings"
	"testing"
)

const whereCSV = `id,kind,start,end,state_concessions,n
a,agreement,2004-04-24,2004-06-10,amnesty;prisoner-release,3
b,talks,2008-05,2008-07,,10
c,ceasefire,2021,2021-12-09,prisoner-release,
d,agreement,2006-09-05,2006-11,,
e,agreement,2006,2007,,
`

func ids(deals []Deal) string {
	var s []string
	for _, d := range deals {
		s = append(s, d.ID)
	}
	return strings.Join(s, " ")
}

func TestFilter(t *testing.T) {
	deals, err := Read(strings.NewReader(whereCSV))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		where []string
		want  string
	}{
		{[]string{"kind=agreement", "kind=ceasefire"}, "a c d e"},      // same column: OR
		{[]string{"kind=agreement", "state_concessions=amnesty"}, "a"}, // different columns: AND
		{[]string{"state_concessions=prisoner-release"}, "a c"},        // list columns match any item
		{[]string{"start>2006"}, "b c"},                                // after 31 December 2006: not 2006-09-05
		{[]string{"start>=2006"}, "b c d e"},                           // not certainly before 2006
		{[]string{"start<2006"}, "a"},
		{[]string{"start<=2006"}, "a d e"},
		{[]string{"start<2008-05-01"}, "a d e"},                    // 2008-05 may be 1 May: not certainly before
		{[]string{"start>=2008-05-01"}, "b c"},                     // ... so it passes the complement
		{[]string{"start>2006-09"}, "b c"},                         // year 2006 overlaps September 2006
		{[]string{"start_year>2004", "start_year<=2008"}, "b d e"}, // derived numeric column
		{[]string{"n>5"}, "b"},                                     // numbers compare as numbers, not text
		{[]string{"kind!=talks"}, "a c d e"},
		{[]string{"n!=3"}, "b c d e"}, // an empty cell differs from 3
		{[]string{"n<100"}, "a b"},    // an empty cell satisfies no comparison
	}
	for _, tt := range tests {
		conds, err := ParseConds(tt.where)
		if err != nil {
			t.Errorf("%v: %v", tt.where, err)
			continue
		}
		got, err := Filter(deals, conds)
		if err != nil {
			t.Errorf("%v: %v", tt.where, err)
			continue
		}
		if ids(got) != tt.want {
			t.Errorf("%v kept %q, want %q", tt.where, ids(got), tt.want)
		}
	}
	if _, err := Filter(deals, []Cond{{"colour", "=", "red"}}); !errors.Is(err, ErrWhere) {
		t.Errorf("an unknown column: err = %v, want ErrWhere", err)
	}
}

func TestParseCondRejects(t *testing.T) {
	for _, s := range []string{"start<notadate", "start>", "start>=2006-13", "n>ten", "start_year<20x", "=x", "kind"} {
		if _, err := ParseCond(s); !errors.Is(err, ErrWhere) {
			t.Errorf("ParseCond(%q) err = %v, want ErrWhere", s, err)
		}
	}
	for _, s := range []string{"start>=2006", "end<2010-05", "n>-1.5", "kind=", "id!=x"} {
		if _, err := ParseCond(s); err != nil {
			t.Errorf("ParseCond(%q): %v", s, err)
		}
	}
}

func TestSelect(t *testing.T) {
	deals, err := Read(strings.NewReader(whereCSV))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		where []string
		want  string
	}{
		{nil, "a c d e"},              // default: agreements and ceasefires
		{[]string{"kind=talks"}, "b"}, // naming kind replaces the default
		{[]string{"start>2006"}, "c"}, // conditions and the default together
		{[]string{"kind!=ceasefire"}, "a b d e"},
	}
	for _, tt := range tests {
		conds, err := ParseConds(tt.where)
		if err != nil {
			t.Fatal(err)
		}
		sel, err := Select(deals, conds, Date{})
		if err != nil {
			t.Errorf("%v: %v", tt.where, err)
			continue
		}
		if ids(sel.Deals) != tt.want {
			t.Errorf("Select(%v) = %q, want %q", tt.where, ids(sel.Deals), tt.want)
		}
		if sel.AsOf != AsOf() {
			t.Errorf("Select(%v).AsOf = %v, want the dataset's %v", tt.where, sel.AsOf, AsOf())
		}
	}
	// A CSV without kind keeps every deal.
	noKind, err := Read(strings.NewReader("id,start,end\nx,2004,2005\ny,2010,2011\n"))
	if err != nil {
		t.Fatal(err)
	}
	sel, err := Select(noKind, nil, MustDate("2010-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if ids(sel.Deals) != "x y" || sel.AsOf != MustDate("2010-06-01") {
		t.Errorf("no kind column: %q as of %v", ids(sel.Deals), sel.AsOf)
	}
	if !strings.Contains(sel.Note, "2 deals, as of 2010-06-01") {
		t.Errorf("note %q does not count the deals", sel.Note)
	}
	if _, err := Select(deals, []Cond{{"start", ">", "2030"}}, Date{}); !errors.Is(err, ErrNoMatch) {
		t.Errorf("no deal left: err = %v, want ErrNoMatch", err)
	}
}

func TestDateCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2006-09-05", "2006", 0},
		{"2006-09-05", "2005", 1},
		{"2006-09-05", "2007", -1},
		{"2006-09", "2006-09-30", 0},
		{"2006-09-05", "2006-09-06", -1},
		{"2008-05", "2008-04-30", 1},
	}
	for _, tt := range tests {
		a, b := MustDate(tt.a), MustDate(tt.b)
		if got := a.Compare(b); got != tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if a.After(b) != (tt.want > 0) || a.Before(b) != (tt.want < 0) {
			t.Errorf("%s vs %s: After %v, Before %v, want Compare %d", tt.a, tt.b, a.After(b), a.Before(b), tt.want)
		}
	}
}
