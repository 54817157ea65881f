package analysis

import "encoding/json"

// ZPHTable lays out the proportional-hazards check of a Cox model (R's
// cox.zph, transform "km"): one row per covariate and GLOBAL.
func ZPHTable(z *ZPH) *Table {
	t := &Table{
		Name:    "cox_zph",
		Title:   "Proportional-hazards check (Schoenfeld residuals, R cox.zph)",
		Columns: []string{"term", "chisq", "df", "p"},
		Numeric: []bool{false, true, true, true},
		Notes:   []string{"A small p says the covariate's hazard ratio changes with time (Grambsch & Therneau 1994; time transformed by the Kaplan–Meier curve, R's default); the Cox hazard ratio is then an average over follow-up."},
	}
	for _, term := range append(append([]ZPHTerm(nil), z.Terms...), z.Global) {
		t.add(txt(term.Term), num(term.Chisq, 3), count(term.DF), pval(term.P))
	}
	return t
}

// MarshalJSON writes the check with full-precision numbers: terms and
// global, each with term, chisq, df and p (the model is not repeated).
func (z *ZPH) MarshalJSON() ([]byte, error) {
	type term struct {
		Term  string  `json:"term"`
		Chisq float64 `json:"chisq"`
		DF    int     `json:"df"`
		P     float64 `json:"p"`
	}
	out := struct {
		Terms  []term `json:"terms"`
		Global term   `json:"global"`
	}{Global: term(z.Global)}
	for _, t := range z.Terms {
		out.Terms = append(out.Terms, term(t))
	}
	return json.Marshal(out)
}
