package dataset

import "strings"

// Label returns the words a reader sees for value of a categorical
// column: "afghan-taliban" of mediator_type is "Afghan Taliban",
// "checkpoint-removal" of state_concessions is "Checkpoint removal",
// "ttp-chapter" of militant_group is "TTP chapter". It is the one label
// function for charts, tables and prose. Values of the codebook's
// vocabularies (Vocabularies) get the names below; any other value (a
// user's own category) has its hyphens and underscores read as spaces and
// its first letter capitalised; the empty value is "(blank)". Known
// acronyms (TTP, TNSM, FATA, PPP, PML-N, PTI, PDM) stay upper case. The
// column is used only where one code means different things in two
// columns; it may be empty.
func Label(column, value string) string {
	if value == "" {
		return "(blank)"
	}
	if l, ok := valueLabels[column+"="+value]; ok {
		return l
	}
	if l, ok := valueLabels[value]; ok {
		return l
	}
	words := strings.FieldsFunc(value, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		if up, ok := acronyms[strings.ToLower(w)]; ok {
			words[i] = up
		} else if w == "taliban" {
			words[i] = "Taliban"
		}
	}
	s := strings.Join(words, " ")
	if s == "" {
		return value
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var acronyms = map[string]string{"ttp": "TTP", "tnsm": "TNSM", "fata": "FATA", "ppp": "PPP", "pmln": "PML-N", "pti": "PTI", "pdm": "PDM"}

// valueLabels are the names that the general rule of Label would get
// wrong (wording from CODEBOOK.md), keyed by value or, where a code means
// something else in another column, by "column=value".
var valueLabels = map[string]string{
	"mediator_type=none":         "No mediator",
	"state_concessions=other":    "Other concession",
	"militant_commitments=other": "Other commitment",
	"lashkar-e-islam":            "Lashkar-e-Islam",
	"gul-bahadur":                "Gul Bahadur",
	"nazir-group":                "Nazir group",
	"pre-ttp":                    "Pre-TTP local commanders",
	"no-cross-border":            "No cross-border movement",
	"perks-development":          "Perks or development",
	"musharraf":                  "Musharraf",
	"third-party":                "Third party",
}

// ColumnLabel returns the words a reader sees for a column name: the
// columns of deals.csv (Columns), the derived columns of Frame and the
// columns of the analysis tables. "mediator_type" is "mediator type",
// "rmst_365" is "restricted mean days (to day 365)", "has:amnesty" is
// "amnesty (state concession)". Any other name has its underscores read as
// spaces. Labels are lower case, to be used inside a sentence or
// capitalised by the caller ("by mediator type").
func ColumnLabel(col string) string {
	if l, ok := columnLabels[col]; ok {
		return l
	}
	if side, v, ok := strings.Cut(col, ":"); ok {
		switch side {
		case "has":
			return strings.ToLower(Label("state_concessions", v)) + " (state concession)"
		case "commits":
			return strings.ToLower(Label("militant_commitments", v)) + " (militant commitment)"
		case "p":
			return "p (" + strings.ToLower(Label("", v)) + ")"
		}
	}
	if tau, ok := strings.CutPrefix(col, "rmst_"); ok && tau != "se" {
		return "restricted mean days (to day " + tau + ")"
	}
	if w, ok := strings.CutPrefix(col, "by_"); ok {
		return "broken by " + strings.ToLower(Label("broken_by", w))
	}
	return strings.ReplaceAll(col, "_", " ")
}

var columnLabels = map[string]string{
	"id":                 "deal",
	"end_type":           "how it ended",
	"pax_id":             "PA-X id",
	"ethprio_id":         "ETH/PRIO id",
	"n":                  "deals",
	"n_concessions":      "number of concessions",
	"n_risk":             "at risk",
	"n_event":            "breakdowns",
	"n_censor":           "censored",
	"surv":               "share holding",
	"std_err":            "standard error",
	"lower":              "lower limit",
	"upper":              "upper limit",
	"days":               "days",
	"days_lower":         "days (shortest)",
	"days_upper":         "days (longest)",
	"median_days":        "median days",
	"median_lower":       "median, lower limit",
	"median_upper":       "median, upper limit",
	"rmst_se":            "restricted mean, standard error",
	"n_with":             "deals with",
	"n_without":          "deals without",
	"breakdowns_with":    "breakdowns with",
	"breakdowns_without": "breakdowns without",
	"median_with":        "median days with",
	"median_without":     "median days without",
	"logrank_p":          "log-rank p",
	"permutation_p":      "permutation p",
	"hazard_ratio":       "hazard ratio",
	"hr_lower":           "hazard ratio, lower limit",
	"hr_upper":           "hazard ratio, upper limit",
	"median_change":      "change in median days",
}
