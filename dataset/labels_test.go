package dataset

import "testing"

func TestLabel(t *testing.T) {
	for _, c := range []struct{ column, value, want string }{
		{"mediator_type", "afghan-taliban", "Afghan Taliban"},
		{"mediator_type", "religious-party", "Religious party"},
		{"state_concessions", "checkpoint-removal", "Checkpoint removal"},
		{"militant_group", "ttp-chapter", "TTP chapter"},
		{"militant_group", "lashkar-e-islam", "Lashkar-e-Islam"},
		{"militant_group", "pre-ttp", "Pre-TTP local commanders"},
		{"government", "pmln-2013", "PML-N 2013"},
		{"broken_by", "third-party", "Third party"},
		{"end_type", "breakdown", "Breakdown"},
		{"mediator_type", "none", "No mediator"},
		{"broken_by", "none", "None"},
		{"state_concessions", "other", "Other concession"},
		{"grp", "my_group-2", "My group 2"},
		{"grp", "", "(blank)"},
		{"grp", "-", "-"},
	} {
		if got := Label(c.column, c.value); got != c.want {
			t.Errorf("Label(%q, %q) = %q, want %q", c.column, c.value, got, c.want)
		}
	}
}

func TestColumnLabel(t *testing.T) {
	for col, want := range map[string]string{
		"mediator_type":     "mediator type",
		"end_type":          "how it ended",
		"rmst_365":          "restricted mean days (to day 365)",
		"rmst_se":           "restricted mean, standard error",
		"days_lower":        "days (shortest)",
		"has:amnesty":       "amnesty (state concession)",
		"commits:disarm":    "disarm (militant commitment)",
		"by_militants":      "broken by militants",
		"hr_upper":          "hazard ratio, upper limit",
		"some_user_col":     "some user col",
		"state_concessions": "state concessions",
	} {
		if got := ColumnLabel(col); got != want {
			t.Errorf("ColumnLabel(%q) = %q, want %q", col, got, want)
		}
	}
}
