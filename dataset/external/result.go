package external

import "github.com/truce-lab/truce/dataset"

// Data is what a reader returns: one ordinary dataset.Deal per ceasefire or
// agreement, so that every command and chart of truce works on it, and the
// warnings the caller must show beside any result.
type Data struct {
	// Source names the dataset: "ethprio" or "ucdp-pad".
	Source string
	Deals  []dataset.Deal
	// Coverage is the last day the dataset covers. A ceasefire or agreement
	// the dataset does not record as ended is coded end_type unknown with
	// last_seen = Coverage, so it is censored there whatever as-of date the
	// caller uses (CODEBOOK.md §5.5: unknown ends are censored at last_seen).
	Coverage dataset.Date
	// Warnings say which codes were mapped on unconfirmed meanings and which
	// records were handled by a fallback; each names how many deals it
	// touches.
	Warnings []string
}
