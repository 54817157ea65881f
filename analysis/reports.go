package analysis

import "github.com/truce-lab/truce/dataset"

// The reports of truce's analysis commands: each computes one analysis of
// a sample and lays out its tables (Report), in the order the command
// prints them.

// SummaryReport is Summarize's table, overall or by column by, with the
// restricted mean to day tau.
func SummaryReport(s *Sample, by string, tau float64) (*Report, error) {
	groups, warnings, err := Summarize(s, by, tau)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{SummaryTable(by, groups, warnings)}}, nil
}

// SurvivalReport is SurvivalTables; CSV and JSON hold the last table (the
// bootstrap's when asked for, else the Kaplan–Meier table).
func SurvivalReport(s *Sample, by string, opts SurvivalOptions) (*Report, error) {
	tables, err := SurvivalTables(s, by, opts)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: tables, Primary: len(tables) - 1}, nil
}

// CompareReport is the log-rank test between the groups of column by
// (LogRank); JSON is the full-precision result.
func CompareReport(s *Sample, by string) (*Report, error) {
	labels, err := s.Labels(by)
	if err != nil {
		return nil, err
	}
	lr, err := LogRank(s.Times, s.Events, labels)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{LogRankTable(by, lr)}, JSON: lr}, nil
}

// IncidenceReport is the cumulative incidence of each ending
// (AnalyzeIncidence), overall or by column by.
func IncidenceReport(s *Sample, deals []dataset.Deal, asOf dataset.Date, by string) (*Report, error) {
	groups, err := AnalyzeIncidence(s, deals, asOf, by)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{IncidenceTable(by, groups)}}, nil
}

// FitReport is the parametric fits (ParametricFits) on the named
// covariates, none for intercept only.
func FitReport(s *Sample, covariates []string) (*Report, error) {
	fits, err := ParametricFits(s, covariates)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{SurvRegTable(fits)}}, nil
}

// ConcessionsReport is the concessions table and then the era table
// (AnalyzeConcessions on ConcessionColumns); CSV and JSON hold the
// concessions table.
func ConcessionsReport(s *Sample) (*Report, error) {
	c, err := AnalyzeConcessions(s, ConcessionColumns())
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{ConcessionTable(c), EraTable(c)}}, nil
}

// TriggersReport is what ended the deals (AnalyzeTriggers).
func TriggersReport(s *Sample) (*Report, error) {
	tr, err := AnalyzeTriggers(s)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{TriggerTable(tr)}}, nil
}

// SensitivityReport is the headline figures at the date bounds and under
// each alternative date (AnalyzeSensitivity on SensitivityColumns, three
// deals at least with a concession), every row shown.
func SensitivityReport(s *Sample, deals []dataset.Deal, asOf dataset.Date) (*Report, error) {
	c, err := AnalyzeConcessions(s, ConcessionColumns())
	if err != nil {
		return nil, err
	}
	sv, err := AnalyzeSensitivity(deals, asOf, SensitivityColumns(c), 3)
	if err != nil {
		return nil, err
	}
	return &Report{Tables: []*Table{SensitivityTable(sv, false)}}, nil
}
