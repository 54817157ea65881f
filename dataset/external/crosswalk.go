package external

import "github.com/truce-lab/truce/dataset"

// CrosswalkRow sets one truce deal beside one record of ETH/PRIO or PA-X
// that its ethprio_id or pax_id names (CODEBOOK.md §7.1).
type CrosswalkRow struct {
	Deal    string // truce id
	Dataset string // "ETH/PRIO" or "PA-X"
	ExtID   string // uniq_id or AgtId
	// Found is false when the id is not in the file given.
	Found bool

	Start, ExtStart dataset.Date
	StartDiff       Diff
	// End is truce's coded end (zero when its end_type is unknown); ExtEnd
	// is ETH/PRIO's end date, including the date a code -1 record gives
	// without saying how the ceasefire ended (PA-X records no end).
	End, ExtEnd         dataset.Date
	EndType, ExtEndType dataset.EndType
	// ExtEnded is ETH/PRIO's raw ended code.
	ExtEnded string
	EndDiff  Diff
}

// Diff is the difference between two dates, external minus truce, in days.
type Diff struct {
	// OK is false when either date is missing.
	OK bool
	// Days is the difference of the dates' middle days (Date.Mid); Min and
	// Max are the smallest and largest differences their precisions allow,
	// so Min <= 0 <= Max means the two dates can be the same day.
	Days, Min, Max int
}

// Agrees reports whether the two dates can be the same day.
func (d Diff) Agrees() bool { return d.OK && d.Min <= 0 && d.Max >= 0 }

func diff(truce, ext dataset.Date) Diff {
	if truce.IsZero() || ext.IsZero() {
		return Diff{}
	}
	tf, tl := truce.Span()
	ef, el := ext.Span()
	return Diff{OK: true, Days: ext.Mid() - truce.Mid(), Min: ef - tl, Max: el - tf}
}

// Crosswalk compares every truce deal that carries an ethprio_id or pax_id
// with the records it names: eth holds the ETH/PRIO deals (ReadEthPrio),
// pax the PA-X agreements (ReadPAX); either may be nil. Rows come in the
// order of deals, ETH/PRIO before PA-X, ids in the order written.
func Crosswalk(deals []dataset.Deal, eth []dataset.Deal, pax []PaxAgreement) []CrosswalkRow {
	ethByID := map[string]*dataset.Deal{}
	for i := range eth {
		for _, id := range eth[i].EthPrioIDs {
			ethByID[id] = &eth[i]
		}
	}
	paxByID := map[string]*PaxAgreement{}
	for i := range pax {
		paxByID[pax[i].ID] = &pax[i]
	}
	var out []CrosswalkRow
	for _, d := range deals {
		for _, id := range d.EthPrioIDs {
			row := CrosswalkRow{Deal: d.ID, Dataset: "ETH/PRIO", ExtID: id, Start: d.Start, End: d.End, EndType: d.EndType}
			if e, ok := ethByID[id]; ok {
				row.Found = true
				row.ExtStart, row.ExtEnd, row.ExtEndType, row.ExtEnded = e.Start, e.End, e.EndType, e.Attrs.Value("ended")
				if claim, err := dataset.ParseDate(e.Attrs.Value("end_date")); row.ExtEnd.IsZero() && err == nil {
					row.ExtEnd = claim
				}
				row.StartDiff, row.EndDiff = diff(d.Start, e.Start), diff(d.End, row.ExtEnd)
			}
			out = append(out, row)
		}
		for _, id := range d.PaxIDs {
			row := CrosswalkRow{Deal: d.ID, Dataset: "PA-X", ExtID: id, Start: d.Start, End: d.End, EndType: d.EndType}
			if a, ok := paxByID[id]; ok {
				row.Found = true
				row.ExtStart = a.Date
				row.StartDiff = diff(d.Start, a.Date)
			}
			out = append(out, row)
		}
	}
	return out
}
