// Command genbig writes a synthetic deals CSV to standard output, so that
// anyone can repeat the comparisons of issue 12 without Python:
//
//	go run ./cmd/genbig 100000 > big.csv          # synth.Big: input of ../shared/bench/big.R
//	go run ./cmd/genbig -deals 1000 > deals-1000.csv # synth.Deals: input of truce report
//
// Without -deals the rows have genbig.py's columns
// (id,name,kind,start,end,end_type,grp,x,b); with it, the columns and
// vocabulary of the peers' sample-deals.csv. The same seed gives the same
// bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/truce-lab/truce/dataset/synth"
)

func main() {
	seed := flag.Uint64("seed", 42, "random `SEED`; the same seed writes the same file")
	deals := flag.Bool("deals", false, "write synth.Deals (the report's columns) instead of synth.Big (genbig.py's)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: genbig [-seed N] [-deals] ROWS > deals.csv")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := strconv.Atoi(flag.Arg(0))
	if err != nil || n < 0 {
		fmt.Fprintf(os.Stderr, "genbig: ROWS %q: want a whole number of rows, 0 or more\n", flag.Arg(0))
		os.Exit(2)
	}
	write := synth.Big
	if *deals {
		write = synth.Deals
	}
	if err := write(os.Stdout, n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genbig:", err)
		os.Exit(1)
	}
}
