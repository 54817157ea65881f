package briefing

import (
	"math"

	"github.com/truce-lab/truce/analysis"
)

// testedRows are the concession and commitment comparisons that were
// tested (at least one deal on each side), with the analysis's log-rank p
// adjusted over them (ConcessionRow.LogRankPHolm, LogRankPBH) and Firth's
// penalised Cox model (ConcessionRow.FirthHR), which stays valid where one
// side has no breakdown or the groups are censored unalike (Heinze &
// Schemper 2001).
func testedRows(c *analysis.Concessions) []analysis.ConcessionRow {
	if c == nil {
		return nil
	}
	var out []analysis.ConcessionRow
	for _, r := range c.Rows {
		if !math.IsNaN(r.LogRankP) {
			out = append(out, r)
		}
	}
	return out
}

// smallestAdjusted returns the comparison with the smallest Holm-adjusted
// p (ties: the smallest unadjusted p).
func smallestAdjusted(rows []analysis.ConcessionRow) (analysis.ConcessionRow, bool) {
	best, ok := analysis.ConcessionRow{LogRankPHolm: math.Inf(1)}, false
	for _, r := range rows {
		if r.LogRankPHolm < best.LogRankPHolm || r.LogRankPHolm == best.LogRankPHolm && r.LogRankP < best.LogRankP {
			best, ok = r, true
		}
	}
	return best, ok
}
