package plots

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/truce-lab/truce/dataset"
)

// synthDeals generates n clearly synthetic deals (ids "test-0001", ...)
// with a fixed seed: starts spread over 2004–2025, every vocabulary value
// used, some dates of month or year precision. They stand for no real deal.
func synthDeals(n int, seed uint64) []dataset.Deal {
	r := rand.New(rand.NewPCG(seed, 42))
	pick := func(v []string) string { return v[r.IntN(len(v))] }
	day := func(y int, yday int) dataset.Date {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, yday)
		return dataset.Date{Y: t.Year(), M: t.Month(), D: t.Day(), Prec: dataset.Day}
	}
	ends := []string{"breakdown", "breakdown", "breakdown", "expired", "superseded", "ongoing", "unknown"}
	deals := make([]dataset.Deal, n)
	for i := range deals {
		y := 2004 + r.IntN(22)
		start := day(y, r.IntN(365))
		switch r.IntN(8) {
		case 0:
			start = dataset.Date{Y: start.Y, M: start.M, Prec: dataset.Month}
		case 1:
			start = dataset.Date{Y: start.Y, Prec: dataset.Year}
		}
		d := dataset.Deal{
			ID:           fmt.Sprintf("test-%04d", i+1),
			Start:        start,
			EndType:      dataset.EndType(pick(ends)),
			MediatorType: dataset.MediatorType(pick(vocab("mediator_type"))),
		}
		length := int(r.ExpFloat64() * 200)
		endDay := day(y, r.IntN(365)).Time().AddDate(0, 0, 0)
		_ = endDay
		first, _ := start.Span()
		et := time.Unix(int64(first+length+1)*86400, 0).UTC()
		end := dataset.Date{Y: et.Year(), M: et.Month(), D: et.Day(), Prec: dataset.Day}
		if r.IntN(6) == 0 {
			end = dataset.Date{Y: et.Year(), M: et.Month(), Prec: dataset.Month}
		}
		switch d.EndType {
		case dataset.EndTypeOngoing:
		case dataset.EndTypeUnknown:
			d.LastSeen = end
		default:
			d.End = end
		}
		for _, c := range dataset.Concessions() {
			if r.IntN(4) == 0 {
				d.StateConcessions = append(d.StateConcessions, c)
			}
		}
		for _, c := range dataset.Commitments() {
			if r.IntN(4) == 0 {
				d.MilitantCommitments = append(d.MilitantCommitments, c)
			}
		}
		if d.EndType == dataset.EndTypeBreakdown {
			d.Trigger = dataset.Trigger(pick(vocab("trigger")[:5]))
			d.BrokenBy = dataset.BrokenBy(pick(vocab("broken_by")))
		}
		deals[i] = d
	}
	return deals
}

// synthGovernments is a synthetic table of governments covering 2004–2026.
func synthGovernments() []dataset.Government {
	g := func(id, name, s, e string) dataset.Government {
		var end dataset.Date
		if e != "" {
			end = dataset.MustDate(e)
		}
		return dataset.Government{ID: id, Name: name, Start: dataset.MustDate(s), End: end}
	}
	return []dataset.Government{
		g("test-g1", "Test government one", "1999-10-12", "2008-03-24"),
		g("test-g2", "Test government two", "2008-03-25", "2013-06-04"),
		g("test-g3", "Test three", "2013-06-05", "2018-05-31"),
		g("test-ct", "Test caretaker", "2018-06-01", "2018-08-17"),
		g("test-g4", "Test government four", "2018-08-18", "2022-04-10"),
		g("test-g5", "Test five", "2022-04-11", "2023-08-13"),
		g("test-ct2", "Test caretaker two", "2023-08-14", "2024-03-03"),
		g("test-g6", "Test government six", "2024-03-04", ""),
	}
}
