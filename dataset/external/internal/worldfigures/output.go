package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/truce-lab/truce/dataset/external"
)

// csvHeader is the layout shared with world_figures.R's output.
var csvHeader = []string{"outcome", "group", "n", "events", "median", "median_lower", "median_upper",
	"share_30", "share_90", "share_365", "logrank_chisq", "logrank_p"}

func num(v float64, ok bool) string {
	if !ok || math.IsNaN(v) {
		return "NA"
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}

// rows returns the figures as CSV records; the log-rank columns compare
// each group with the first (truce) and are NA on the first.
func rows(set outcomeSet) ([][]string, error) {
	var out [][]string
	for i, f := range set.figures {
		chisq, p := "NA", "NA"
		if i > 0 {
			lr, err := logRank(set.groups[0], set.groups[i])
			if err != nil {
				return nil, err
			}
			chisq, p = num(lr.Chisq, true), strconv.FormatFloat(lr.P, 'g', 6, 64)
		}
		out = append(out, []string{set.outcome.String(), f.Group, strconv.Itoa(f.N), strconv.Itoa(f.Events),
			num(f.Median.Estimate, f.Median.Reached), num(f.Median.Lower, f.Median.LowerReached), num(f.Median.Upper, f.Median.UpperReached),
			num(f.ShareBy[0], true), num(f.ShareBy[1], true), num(f.ShareBy[2], true), chisq, p})
	}
	return out, nil
}

func writeCSV(w io.Writer, sets []outcomeSet) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, set := range sets {
		recs, err := rows(set)
		if err != nil {
			return err
		}
		cw.WriteAll(recs)
	}
	return cw.Error()
}

func pct(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) }

// outcomeTitle heads each table of writeMarkdown.
var outcomeTitle = map[outcome]string{
	breakdown:          "Time to breakdown (expiry, supersession and unknown ends censored)",
	unclearAsBreakdown: "Time to breakdown, counting ETH/PRIO ends of unclear kind (code -1 with an end date) as breakdowns",
	anyEnd:             "Time to any recorded end (breakdown, expiry, supersession, or an ETH/PRIO end of unclear kind)",
}

func writeMarkdown(w io.Writer, sets []outcomeSet, warnings []string) error {
	for _, set := range sets {
		ended := "breakdowns"
		if set.outcome == anyEnd {
			ended = "ends"
		}
		fmt.Fprintf(w, "### %s\n\n", outcomeTitle[set.outcome])
		fmt.Fprintf(w, "| group | n | %s | censored at day 0 | median days (95%% CI) | ended by 30 d | by 90 d | by 365 d | log-rank vs truce |\n", ended)
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
		for i, f := range set.figures {
			lr := "—"
			if i > 0 {
				r, err := logRank(set.groups[0], set.groups[i])
				if err != nil {
					return err
				}
				lr = fmt.Sprintf("χ² %.2f, p %.2g", r.Chisq, r.P)
			}
			fmt.Fprintf(w, "| %s | %d | %d | %d | %s (%s–%s) | %s | %s | %s | %s |\n", f.Group, f.N, f.Events, f.CensoredAt0,
				days(f.Median.Estimate, f.Median.Reached), days(f.Median.Lower, f.Median.LowerReached), days(f.Median.Upper, f.Median.UpperReached),
				pct(f.ShareBy[0]), pct(f.ShareBy[1]), pct(f.ShareBy[2]), lr)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Reader warnings:")
	fmt.Fprintln(w)
	for _, m := range warnings {
		fmt.Fprintln(w, "- "+m)
	}
	return nil
}

func writeCrosswalk(w io.Writer, rows []external.CrosswalkRow) error {
	fmt.Fprintln(w, "| truce deal | dataset | id | truce start | their start | Δ start (days) | truce end (type) | their end (type) | Δ end (days) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		if !r.Found {
			fmt.Fprintf(w, "| %s | %s | %s | %s | not in file | | | | |\n", r.Deal, r.Dataset, r.ExtID, r.Start)
			continue
		}
		theirEnd := "—"
		if r.Dataset == "ETH/PRIO" {
			theirEnd = strings.TrimSpace(fmt.Sprintf("%s (%s; ended %s)", r.ExtEnd, r.ExtEndType, r.ExtEnded))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s |\n", r.Deal, r.Dataset, r.ExtID,
			r.Start, r.ExtStart, diffText(r.StartDiff), r.End, r.EndType, theirEnd, diffText(r.EndDiff))
	}
	return nil
}

// diffText writes a difference: the point difference, and its range when
// the precision of either date allows more than one value.
func diffText(d external.Diff) string {
	switch {
	case !d.OK:
		return ""
	case d.Min == d.Max:
		return fmt.Sprintf("%+d", d.Days)
	default:
		return fmt.Sprintf("%+d (%+d…%+d)", d.Days, d.Min, d.Max)
	}
}
