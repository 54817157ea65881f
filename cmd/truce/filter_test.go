package main

import (
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

func TestFilter(t *testing.T) {
	deals, err := dataset.Read(strings.NewReader(`id,kind,start,end,state_concessions,n
a,agreement,2004-04-24,2004-06-10,amnesty;prisoner-release,3
b,talks,2008-05,2008-07,,10
c,ceasefire,2021,2021-12-09,prisoner-release,
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		where []string
		want  string
	}{
		{[]string{"kind=agreement", "kind=ceasefire"}, "a c"},          // same column: OR
		{[]string{"kind=agreement", "state_concessions=amnesty"}, "a"}, // different columns: AND
		{[]string{"state_concessions=prisoner-release"}, "a c"},        // list columns match any item
		{[]string{"start>=2008"}, "b c"},                               // dates compare as ISO text
		{[]string{"start<2008-05-01"}, "a b"},                          // 2008-05 sorts before 2008-05-01
		{[]string{"start_year>2004", "start_year<=2008"}, "b"},         // derived numeric column
		{[]string{"n>5"}, "b"},                                         // numbers compare as numbers, not text
		{[]string{"kind!=talks"}, "a c"},
		{[]string{"n!=3"}, "b c"}, // an empty cell differs from 3
	}
	for _, tt := range tests {
		got, err := filter(deals, tt.where)
		if err != nil {
			t.Errorf("%v: %v", tt.where, err)
			continue
		}
		var ids []string
		for _, d := range got {
			ids = append(ids, d.ID)
		}
		if strings.Join(ids, " ") != tt.want {
			t.Errorf("%v kept %v, want %s", tt.where, ids, tt.want)
		}
	}
	if _, err := filter(deals, []string{"colour=red"}); err == nil {
		t.Error("an unknown column was accepted")
	}
}
