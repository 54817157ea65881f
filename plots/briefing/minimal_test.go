package briefing

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// TestBuildMinimalData: a CSV with only the columns the README says are
// enough, all-open data, a one-deal selection and an early as-of date all
// give a briefing; the charts with nothing to draw are left out with a
// line saying why (issue 14, item 3).
func TestBuildMinimalData(t *testing.T) {
	const minimal = "id,start,end,end_type\n" +
		"a,2004-03-01,2004-06-01,breakdown\n" +
		"b,2005-01-01,2006-02-03,breakdown\n" +
		"c,2007-01-01,,ongoing\n" +
		"d,2008-02-01,2008-09-01,breakdown\n"
	const allOpen = "id,start,end,end_type\na,2004-03-01,,ongoing\nb,2005-01-01,,ongoing\n"
	embedded, err := dataset.Load()
	if err != nil {
		t.Fatal(err)
	}
	read := func(csv string) *dataset.Data {
		deals, err := dataset.Read(strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		return &dataset.Data{Deals: deals}
	}
	tests := []struct {
		name    string
		data    *dataset.Data
		opts    Options
		missing []string // charts left out
	}{
		{"minimal columns", read(minimal), Options{}, []string{"forest"}},
		{"all open", read(allOpen), Options{}, []string{"forest", "triggers"}},
		{"one deal", embedded, Options{Where: []dataset.Cond{{Column: "id", Op: "=", Value: "shakai-2004"}}}, []string{"forest"}},
		// Shakai broke down in June 2004: no breakdown yet to chart.
		{"as of 2004-05-01", embedded, Options{AsOf: dataset.MustDate("2004-05-01")}, []string{"forest", "triggers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Build(tt.data, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			md := string(b.Files["briefing.md"])
			for _, name := range ChartNames() {
				_, drawn := b.Files["chart-"+name+".png"]
				left := strings.Contains(md, "The chart "+name+" is left out: ")
				want := slices.Contains(tt.missing, name)
				if drawn == want || left != want {
					t.Errorf("chart %s: drawn %v, said left out %v; want left out %v", name, drawn, left, want)
				}
			}
		})
	}
	// The chart itself is still an error for the chart command.
	a, err := Analyse(read(allOpen), Options{Only: []string{"triggers"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Chart("triggers", a); !errors.Is(err, ErrNoData) {
		t.Errorf("Chart(triggers) on all-open data: err = %v, want ErrNoData", err)
	}
}
