package analysis

import (
	"fmt"
	"slices"

	"github.com/truce-lab/truce/dataset"
)

// ReportOptions are the choices of the analysis reports BuildReport
// computes; each report reads only its own.
type ReportOptions struct {
	By         string          // summary, survival, compare, incidence: group by this column ("" overall; compare needs one)
	Tau        float64         // summary: horizon of the restricted mean, in days
	Survival   SurvivalOptions // survival
	Cox        CoxSpec         // cox
	Covariates []string        // fit: covariate columns, none for intercept only
}

// reportNames are the reports BuildReport knows, as truce's commands name
// them.
var reportNames = []string{"durations", "summary", "survival", "compare", "cox", "incidence", "fit", "concessions", "triggers", "sensitivity"}

// ReportNames lists the reports BuildReport knows, as truce's commands
// name them.
func ReportNames() []string { return slices.Clone(reportNames) }

// BuildReport computes the named report (ReportNames) on the selected
// deals (dataset.Select) and their sample (SampleFor): what truce's
// analysis command of that name prints.
func BuildReport(name string, sel *dataset.Selection, opts ReportOptions) (*Report, error) {
	s, err := SampleFor(sel.Deals, sel.AsOf)
	if err != nil {
		return nil, err
	}
	switch name {
	case "durations":
		return &Report{Tables: []*Table{DurationsTable(sel.Deals, sel.AsOf)}}, nil
	case "summary":
		return SummaryReport(s, opts.By, opts.Tau)
	case "survival":
		return SurvivalReport(s, opts.By, opts.Survival)
	case "compare":
		return CompareReport(s, opts.By)
	case "cox":
		return CoxReport(s, opts.Cox)
	case "incidence":
		return IncidenceReport(s, sel.Deals, sel.AsOf, opts.By)
	case "fit":
		return FitReport(s, opts.Covariates)
	case "concessions":
		return ConcessionsReport(s)
	case "triggers":
		return TriggersReport(s)
	case "sensitivity":
		return SensitivityReport(s, sel.Deals, sel.AsOf)
	}
	return nil, fmt.Errorf("analysis: no report %q", name)
}
