package dataset_test

import (
	"fmt"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

func ExampleLoad() {
	data, err := dataset.Load()
	if err != nil {
		panic(err)
	}
	d, _ := data.Deal("miranshah-2006")
	dur, _ := d.Duration(dataset.AsOf())
	fmt.Println(d.Name)
	fmt.Println(d.Start, "to", d.End, "-", d.EndType, "after", dur.Days, "days")
	fmt.Println("concessions:", strings.Join(d.StateConcessions, ", "))
	// Output:
	// North Waziristan (Miranshah) Accord
	// 2006-09-05 to 2007-07-15 - breakdown after 313 days
	// concessions: halt-operations, checkpoint-removal, prisoner-release, return-of-weapons, compensation, perks-development, other
}

func ExampleRead() {
	csv := "id,start,end,end_type\nmy-deal,2008-05,2008-07-09,breakdown\nopen-deal,2021-11-09,,ongoing\n"
	deals, err := dataset.Read(strings.NewReader(csv))
	if err != nil {
		panic(err)
	}
	for _, d := range deals {
		dur, _ := d.Duration(dataset.MustDate("2022-01-01"))
		fmt.Printf("%s: %d days (%d to %d), broke down: %v\n", d.ID, dur.Days, dur.Lower, dur.Upper, dur.Event)
	}
	// Output:
	// my-deal: 55 days (39 to 69), broke down: true
	// open-deal: 53 days (53 to 53), broke down: false
}

func ExampleParseDate() {
	for _, s := range []string{"2004-04-24", "2008-05", "2004-02-30"} {
		d, err := dataset.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		first, last := d.Span()
		fmt.Println(d, "spans", last-first+1, "days")
	}
	// Output:
	// 2004-04-24 spans 1 days
	// 2008-05 spans 31 days
	// bad date "2004-02-30": no such day in 2004-02 (want YYYY-MM-DD, YYYY-MM or YYYY)
}

func ExampleSelect() {
	data, err := dataset.Load()
	if err != nil {
		panic(err)
	}
	where, err := dataset.ParseConds([]string{"start>2006", "start<2009"})
	if err != nil {
		panic(err)
	}
	sel, err := dataset.Select(data.Deals, where, dataset.Date{})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(sel.Deals), "deals, as of", sel.AsOf)
	fmt.Println(sel.Deals[0].ID, sel.Deals[0].Kind, sel.Deals[0].Start)
	// Output:
	// 17 deals, as of 2026-12-01
	// bajaur-2007 agreement 2007-03-26
}

func ExampleFrame() {
	deals, err := dataset.Read(strings.NewReader("id,start,end,end_type,state_concessions\n" +
		"a,2008-05-21,2008-07-01,breakdown,amnesty\nb,2009-02-16,,ongoing,\n"))
	if err != nil {
		panic(err)
	}
	df := dataset.FrameAt(deals, dataset.MustDate("2009-12-31"))
	for _, row := range df.Select([]string{"id", "days", "event", "has:amnesty"}).Records() {
		fmt.Println(strings.Join(row, " "))
	}
	// Output:
	// id days event has:amnesty
	// a 41 true true
	// b 318 false false
}
