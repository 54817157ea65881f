// Command worldfigures computes, from the public ETH/PRIO and UCDP PAD
// files (never committed; see ../shared/data/README.md), the derived
// figures that let the default briefing compare Pakistan's deals with the
// world without the files, and the crosswalk of truce's dates against
// ETH/PRIO's and PA-X's.
//
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data            # figures, markdown
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -csv       # figures, CSV (testdata/r/world_figures_go.csv)
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -times DIR  # durations for world_figures.R
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -crosswalk # crosswalk table, markdown
//
// Method: every deal's time is Deal.Duration's point estimate in days
// (CODEBOOK.md §5.3); the event is a breakdown, every other end censored
// (§5.5); ETH/PRIO and UCDP PAD deals not recorded as ended are censored at
// the end of the dataset's coverage (external.Data.Coverage). The median is
// the Kaplan–Meier median with 95% log-scale limits (analysis.KaplanMeier,
// as R's survfit); the share broken down by t days is 1 − S(t), which
// treats expiry and supersession as censoring (a cause-specific, not a
// competing-risks, quantity); the log-rank test is analysis.LogRank (R's
// survdiff). world_figures.R recomputes all of it with R's survival package.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
)

// Files are the names of the shared copies used.
const (
	ethFile    = "eth-prio-civil-conflict-ceasefires-1989-2020.csv"
	padFile    = "ucdp-peace-agreements-v22.1.csv"
	paxNewFile = "pax-pakistan-rows-metadata-v1to10.csv"
	paxOldFile = "pax-pakistan-rows-full-coding-v1to4.csv"
)

func main() {
	shared := flag.String("shared", "../shared/data", "folder holding the public `files`")
	asCSV := flag.Bool("csv", false, "write the figures as CSV")
	times := flag.String("times", "", "write each group's durations to `DIR` for world_figures.R")
	cross := flag.Bool("crosswalk", false, "write the crosswalk table instead of the figures")
	flag.Parse()
	if err := run(os.Stdout, *shared, *asCSV, *times, *cross); err != nil {
		fmt.Fprintln(os.Stderr, "worldfigures:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, shared string, asCSV bool, timesDir string, cross bool) error {
	truce, err := dataset.Load()
	if err != nil {
		return err
	}
	eth, err := external.ReadEthPrioFile(filepath.Join(shared, ethFile))
	if err != nil {
		return err
	}
	if cross {
		var pax []external.PaxAgreement
		for _, f := range []string{paxOldFile, paxNewFile} {
			p, err := external.ReadPAXFile(filepath.Join(shared, f))
			if err != nil {
				return err
			}
			pax = append(pax, p...) // the newer export, read last, wins
		}
		return writeCrosswalk(w, external.Crosswalk(truce.Deals, eth.Deals, pax))
	}
	pad, err := external.ReadUCDPPADFile(filepath.Join(shared, padFile))
	if err != nil {
		return err
	}
	var sets []outcomeSet
	for _, o := range []outcome{breakdown, unclearAsBreakdown, anyEnd} {
		set := outcomeSet{outcome: o, groups: groups(truce, eth, pad, o)}
		for _, g := range set.groups {
			f, err := summarize(g)
			if err != nil {
				return err
			}
			set.figures = append(set.figures, f)
		}
		sets = append(sets, set)
	}
	switch {
	case timesDir != "":
		return writeTimes(timesDir, sets)
	case asCSV:
		return writeCSV(w, sets)
	}
	return writeMarkdown(w, sets, append(eth.Warnings, pad.Warnings...))
}

// outcomeSet is the groups and figures under one definition of the event.
type outcomeSet struct {
	outcome outcome
	groups  []group
	figures []figure
}

// writeTimes writes one CSV (outcome,group,time,status) for the R check;
// it holds derived durations of the external data, so it goes to a scratch
// folder, never the repository.
func writeTimes(dir string, sets []outcomeSet) error {
	f, err := os.Create(filepath.Join(dir, "world_times.csv"))
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	cw.Write([]string{"outcome", "group", "time", "status"})
	for _, set := range sets {
		for _, g := range set.groups {
			for j, t := range g.Times {
				status := "0"
				if g.Events[j] {
					status = "1"
				}
				cw.Write([]string{set.outcome.String(), g.Name, strconv.FormatFloat(t, 'f', -1, 64), status})
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
