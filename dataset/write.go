package dataset

import (
	"encoding/csv"
	"io"
)

// Write writes deals as a deals.csv file that Read reads back to the same
// deals: every dataset column in file order, then the union of the deals'
// Attrs columns in name order.
func Write(w io.Writer, deals []Deal) error {
	extra := attrNames(deals)
	cw := csv.NewWriter(w)
	if err := cw.Write(append(Columns(), extra...)); err != nil {
		return err
	}
	row := make([]string, len(columns)+len(extra))
	for i := range deals {
		d := &deals[i]
		for j, c := range columns {
			row[j] = c.get(d)
		}
		for j, k := range extra {
			row[len(columns)+j] = d.Attrs.Value(k)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
