package analysis

import (
	"fmt"
	"slices"
)

// SurvivalOptions add optional figures to the Kaplan–Meier tables of
// SurvivalTables.
type SurvivalOptions struct {
	// CumHaz adds the Nelson–Aalen cumulative hazard and its standard
	// error (columns cumhaz and cumhaz_se) to every row.
	CumHaz bool
	// Bootstrap, when Rounds > 0, adds a table of percentile bootstrap
	// intervals for each group's median (BootstrapMedian).
	Bootstrap BootOptions
}

// groupData returns the times and events of each group of by (one group
// "all" when by is ""), in the sample's order, groups sorted by label.
func groupData(s *Sample, by string) (groups []string, times [][]float64, events [][]bool, err error) {
	labels, err := groupLabels(s, by)
	if err != nil {
		return nil, nil, nil, err
	}
	groups = levels(labels)
	times, events = make([][]float64, len(groups)), make([][]bool, len(groups))
	for i, l := range labels {
		g, _ := slices.BinarySearch(groups, l)
		times[g], events[g] = append(times[g], s.Times[i]), append(events[g], s.Events[i])
	}
	return groups, times, events, nil
}

// SurvivalTables returns the Kaplan–Meier table of SurvivalTable for the
// groups of by (overall when by is ""), with the Nelson–Aalen columns when
// opts.CumHaz, and, when opts.Bootstrap.Rounds > 0, a second table with a
// bootstrap interval for each group's median.
func SurvivalTables(s *Sample, by string, opts SurvivalOptions) ([]*Table, error) {
	summaries, _, err := Summarize(s, by, 365)
	if err != nil {
		return nil, err
	}
	km := SurvivalTable(summaries)
	groups, times, events, err := groupData(s, by)
	if err != nil {
		return nil, err
	}
	if opts.CumHaz {
		km.Columns = append(km.Columns, "cumhaz", "cumhaz_se")
		km.Numeric = append(km.Numeric, true, true)
		km.Notes = append(km.Notes, "cumhaz: Nelson–Aalen cumulative hazard, the expected number of breakdowns per deal by that day, with its standard error (R survfit ctype = 1, cumhaz and std.chaz).")
		row := 0
		for g := range groups {
			na, err := NelsonAalen(times[g], events[g])
			if err != nil {
				return nil, fmt.Errorf("group %q: %w", groups[g], err)
			}
			for _, r := range na.Rows {
				if row >= len(km.Rows) || km.Rows[row][1] != fmtFull(r.Time) {
					return nil, fmt.Errorf("analysis: Nelson–Aalen and Kaplan–Meier rows differ in group %q", groups[g])
				}
				km.Rows[row] = append(km.Rows[row], fmtFull(r.CumHaz), fmtFull(r.SE))
				row++
			}
		}
	}
	out := []*Table{km}
	if opts.Bootstrap.Rounds > 0 {
		bt, err := bootstrapTable(by, groups, times, events, opts.Bootstrap)
		if err != nil {
			return nil, err
		}
		out = append(out, bt)
	}
	return out, nil
}

// bootstrapTable lays out BootstrapMedian for each group.
func bootstrapTable(by string, groups []string, times [][]float64, events [][]bool, opts BootOptions) (*Table, error) {
	col := by
	if col == "" {
		col = "group"
	}
	t := &Table{
		Name:    "bootstrap_median",
		Title:   "Bootstrap interval for the median",
		Columns: []string{col, "median_days", "boot_lower", "boot_upper", "resamples", "not_reached", "seed"},
		Numeric: []bool{false, true, true, true, true, true, true},
	}
	for g, name := range groups {
		b, err := BootstrapMedian(times[g], events[g], opts)
		if err != nil {
			return nil, fmt.Errorf("group %q: %w", name, err)
		}
		t.add(txt(name), est(b.Median.Estimate, b.Median.Reached), est(b.Lower, b.LowerReached), est(b.Upper, b.UpperReached),
			count(b.Rounds), count(b.NotReached), txt(fmt.Sprint(b.Seed)))
		for _, w := range b.Warnings {
			t.Typed = append(t.Typed, ClassifyWarning(groupName(by, name), w))
		}
		if g == 0 {
			t.Notes = append(t.Notes, fmt.Sprintf("Percentile bootstrap: %s of the deals with replacement (seed %d; the same seed gives the same interval), the Kaplan–Meier median of each, and the %.0f%% limits of their order statistics; a limit from resamples whose curve never fell to 0.5 is \"not reached\".",
				Plural(b.Rounds, "resample", "resamples"), b.Seed, 100*b.Conf))
		}
	}
	t.Warnings = WarningStrings(t.Typed)
	return t, nil
}
