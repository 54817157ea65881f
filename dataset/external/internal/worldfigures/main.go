// Command worldfigures computes, from the public ETH/PRIO and UCDP PAD
// files (never committed; see ../shared/data/README.md), the comparison of
// Pakistan's deals with the world (analysis.World), the figures the default
// briefing cites without the files (dataset/external/stored_figures.go),
// and the crosswalk of truce's dates against ETH/PRIO's and PA-X's for
// dataset/CODEBOOK.md §7.4.
//
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data             # tables, markdown
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -csv        # figures, CSV (checked against testdata/world_figures_r.csv)
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -times DIR  # durations for testdata/world_figures.R
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -stored > dataset/external/stored_figures.go
//	go run ./dataset/external/internal/worldfigures -shared ../shared/data -crosswalk  # CODEBOOK.md §7.4
//
// Method: analysis.World (Kaplan–Meier medians and shares, log-rank tests
// with Holm's adjustment) under the three outcomes analysis.WorldOutcomes();
// world_figures.R recomputes all of it with R's survival package.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/truce-lab/truce/analysis"
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

// mode is what the command writes.
type mode int

const (
	markdownMode mode = iota
	csvMode
	timesMode
	storedMode
	crosswalkMode
)

func main() {
	shared := flag.String("shared", "../shared/data", "folder holding the public `files`")
	asCSV := flag.Bool("csv", false, "write the figures as CSV")
	times := flag.String("times", "", "write each group's durations to `DIR` for world_figures.R")
	stored := flag.Bool("stored", false, "write the Go source of dataset/external/stored_figures.go")
	cross := flag.Bool("crosswalk", false, "write the crosswalk section of dataset/CODEBOOK.md")
	flag.Parse()
	m := markdownMode
	switch {
	case *asCSV:
		m = csvMode
	case *times != "":
		m = timesMode
	case *stored:
		m = storedMode
	case *cross:
		m = crosswalkMode
	}
	if err := run(os.Stdout, *shared, m, *times); err != nil {
		fmt.Fprintln(os.Stderr, "worldfigures:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, shared string, m mode, timesDir string) error {
	truce, err := dataset.Load()
	if err != nil {
		return err
	}
	eth, err := external.ReadEthPrioFile(filepath.Join(shared, ethFile))
	if err != nil {
		return err
	}
	if m == crosswalkMode {
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
	if m == timesMode {
		return writeTimes(timesDir, truce.Deals, eth, pad)
	}
	var cs []*analysis.WorldComparison
	for _, o := range analysis.WorldOutcomes() {
		c, err := analysis.World(truce.Deals, dataset.AsOf(), eth, pad, o)
		if err != nil {
			return err
		}
		cs = append(cs, c)
	}
	switch m {
	case csvMode:
		return writeCSV(w, cs)
	case storedMode:
		return writeStored(w, cs)
	}
	for _, c := range cs {
		if err := c.Table().Write(w, "md"); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Reader warnings:")
	for _, s := range append(eth.Warnings, pad.Warnings...) {
		fmt.Fprintln(w, "- "+s)
	}
	return nil
}
