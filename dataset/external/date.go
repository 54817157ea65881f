package external

import (
	"fmt"

	"github.com/truce-lab/truce/dataset"
)

// splitDate builds a date from year, month and day numbers in which -1
// means unknown and 0 not applicable (the ETH/PRIO convention, README of
// the shared data copy and CODEBOOK.md §7.2). The date keeps the precision
// it has: an unknown or inapplicable day gives a month, an unknown month a
// year, an unknown year no date (ok false); a day or month without the
// larger unit is dropped with it.
//
// A day the month does not have (ETH/PRIO has 1994-02-31 and 2020-06-31)
// is dropped too, keeping the month, and dayDropped is true so that the
// caller can warn. A month outside 1–12 or a year outside 1900–2100 is an
// error.
func splitDate(y, m, d int) (date dataset.Date, ok, dayDropped bool, err error) {
	if y <= 0 {
		return dataset.Date{}, false, false, nil
	}
	if m <= 0 {
		date, err = dataset.ParseDate(fmt.Sprintf("%04d", y))
		return date, err == nil, false, err
	}
	month, err := dataset.ParseDate(fmt.Sprintf("%04d-%02d", y, m))
	if err != nil || d <= 0 {
		return month, err == nil, false, err
	}
	date, err = dataset.ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	if err != nil {
		return month, true, true, nil
	}
	return date, true, false, nil
}
