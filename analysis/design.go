package analysis

import "strings"

// Design returns the regression matrix of the named covariate columns
// (Covariate), one row per deal and one column per name, each name
// trimmed of spaces for the look-up.
func (s *Sample) Design(names []string) ([][]float64, error) {
	x := make([][]float64, s.Len())
	for i := range x {
		x[i] = make([]float64, len(names))
	}
	for j, name := range names {
		col, err := s.Covariate(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		for i, v := range col {
			x[i][j] = v
		}
	}
	return x, nil
}

// SplitColumns splits a comma-separated list of column names, trimming
// spaces and dropping empty names.
func SplitColumns(list string) []string {
	var names []string
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}
