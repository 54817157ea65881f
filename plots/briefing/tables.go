package briefing

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/truce-lab/truce/analysis"
)

// Tables are the briefing's tables, by name: durations, summary,
// incidence (the Aalen–Johansen estimate of the headline),
// summary-by-COL, concessions, era, triggers and sensitivity, each with the
// selection's note first. A table whose analysis was not computed (see
// Options.Only) is left out.
func Tables(a *Analyses) map[string]*analysis.Table {
	out := map[string]*analysis.Table{"durations": analysis.DurationsTable(a.Deals(), a.AsOf())}
	if a.Overall.KM != nil {
		out["summary"] = analysis.SummaryTable("", []analysis.GroupSummary{a.Overall}, a.Overall.KM.Warnings)
	}
	if a.Competing != nil {
		out["incidence"] = analysis.IncidenceTable("", []analysis.GroupIncidence{{Group: "(all)", Incidence: a.Competing.Inc}})
	}
	if a.ByGroups != nil {
		byTable := analysis.SummaryTable(a.By, a.ByGroups, a.ByWarnings)
		byTable.Name = byTableName(a.By)
		if a.ByTest != nil {
			byTable.Notes = append(byTable.Notes, fmt.Sprintf("Log-rank test across the groups: chi-square %.2f on %d df, p = %s.", a.ByTest.Chisq, a.ByTest.DF, analysis.FormatP(a.ByTest.P)))
			byTable.Warnings = append(byTable.Warnings, a.ByTest.Warnings...)
		}
		out[byTable.Name] = byTable
	}
	if a.Concessions != nil {
		out["concessions"] = analysis.ConcessionTable(a.Concessions)
		out["era"] = analysis.EraTable(a.Concessions)
	}
	if a.Triggers != nil {
		out["triggers"] = analysis.TriggerTable(a.Triggers)
	}
	if a.Sensitivity != nil {
		out["sensitivity"] = analysis.SensitivityTable(a.Sensitivity, false)
	}
	for _, t := range out {
		t.Notes = append([]string{a.Selection.Note}, t.Notes...)
	}
	return out
}

// TableNames returns the names of the briefing's tables when grouping by
// the column by.
func TableNames(by string) []string {
	return []string{"durations", "summary", "incidence", byTableName(by), "concessions", "era", "triggers", "sensitivity"}
}

// byTableName is the name of the by-group summary table: summary-by-COL,
// with every character of COL other than a letter, digit, '.', '_' or '-'
// made '-', so that it is a safe file name (a user's column may be named
// "a/b" or "has:x").
func byTableName(by string) string {
	return "summary-by-" + strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return r
		}
		return '-'
	}, by)
}
