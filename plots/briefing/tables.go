package briefing

import (
	"fmt"
	"strings"

	"github.com/truce-lab/truce/analysis"
)

// Tables are the briefing's tables, by name: durations, summary,
// summary-by-COL, concessions, triggers and sensitivity. Each carries the
// selection's note first.
func Tables(a *Analyses) map[string]*analysis.Table {
	summary := analysis.SummaryTable("", []analysis.GroupSummary{a.Overall}, a.Overall.KM.Warnings)
	byTable := analysis.SummaryTable(a.By, a.ByGroups, a.ByWarnings)
	byTable.Name = byTableName(a.By)
	if a.ByTest != nil {
		byTable.Notes = append(byTable.Notes, fmt.Sprintf("Log-rank test across the groups: chi-square %.2f on %d df, p = %s.", a.ByTest.Chisq, a.ByTest.DF, analysis.FormatP(a.ByTest.P)))
		byTable.Warnings = append(byTable.Warnings, a.ByTest.Warnings...)
	}
	out := map[string]*analysis.Table{
		"durations":   analysis.DurationsTable(a.Deals(), a.AsOf()),
		"summary":     summary,
		byTable.Name:  byTable,
		"concessions": analysis.ConcessionTable(a.Concessions),
		"triggers":    analysis.TriggerTable(a.Triggers),
		"sensitivity": analysis.SensitivityTable(a.Sensitivity, false),
	}
	for _, t := range out {
		t.Notes = append([]string{a.Selection.Note}, t.Notes...)
	}
	return out
}

// byTableName is the name of the by-group summary table: summary-by-COL.
func byTableName(by string) string { return "summary-by-" + strings.ReplaceAll(by, ":", "-") }
