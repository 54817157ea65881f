package main

import (
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
)

// csvHeader is the layout shared with world_figures.R's output.
var csvHeader = []string{"outcome", "group", "n", "events", "median", "median_lower", "median_upper",
	"share_30", "share_90", "share_365", "share_365_lower", "share_365_upper", "at_risk_365",
	"logrank_chisq", "logrank_p", "logrank_p_holm"}

func num(v float64, ok bool) string {
	if !ok || math.IsNaN(v) {
		return "NA"
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}

func pval(p float64) string {
	if math.IsNaN(p) {
		return "NA"
	}
	return strconv.FormatFloat(p, 'g', 6, 64)
}

// writeCSV writes every figure; the log-rank columns compare each group
// with truce and are NA on truce's row.
func writeCSV(w io.Writer, cs []*analysis.WorldComparison) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, c := range cs {
		for _, f := range c.Figures {
			chisq, p := "NA", "NA"
			if f.LogRank != nil {
				chisq, p = num(f.LogRank.Chisq, true), pval(f.LogRank.P)
			}
			cw.Write([]string{c.Outcome.String(), f.Name, strconv.Itoa(f.N), strconv.Itoa(f.Events),
				num(f.Median.Estimate, f.Median.Reached), num(f.Median.Lower, f.Median.LowerReached), num(f.Median.Upper, f.Median.UpperReached),
				num(f.EndedBy[0], true), num(f.EndedBy[1], true), num(f.EndedBy[2], true),
				num(f.EndedByLower[2], true), num(f.EndedByUpper[2], true), strconv.Itoa(f.AtRisk[2]),
				chisq, p, pval(f.PHolm)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeTimes writes one CSV (outcome,group,time,status) for the R check;
// it holds derived durations of the external data, so it goes to a scratch
// folder, never the repository.
func writeTimes(dir string, truce []dataset.Deal, eth, pad *external.Data) error {
	f, err := os.Create(filepath.Join(dir, "world_times.csv"))
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	cw.Write([]string{"outcome", "group", "time", "status"})
	for _, o := range analysis.WorldOutcomes() {
		groups, err := analysis.WorldGroups(truce, dataset.AsOf(), eth, pad, o)
		if err != nil {
			f.Close()
			return err
		}
		for _, g := range groups {
			for j, t := range g.Times {
				status := "0"
				if g.Events[j] {
					status = "1"
				}
				cw.Write([]string{o.String(), g.Name, strconv.FormatFloat(t, 'f', -1, 64), status})
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
