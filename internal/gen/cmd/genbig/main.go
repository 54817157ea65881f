// Command genbig writes a synthetic deals CSV to standard output, so that
// anyone can repeat the comparisons of issue 12 without Python:
//
//	go run ./internal/gen/cmd/genbig 100000 > big.csv          # gen.Big: input of ../shared/bench/big.R
//	go run ./internal/gen/cmd/genbig -deals 1000 > deals-1000.csv # gen.Deals: input of truce report
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

	"github.com/truce-lab/truce/internal/gen"
)

func main() {
	seed := flag.Uint64("seed", 42, "random `SEED`; the same seed writes the same file")
	deals := flag.Bool("deals", false, "write gen.Deals (the report's columns) instead of gen.Big (genbig.py's)")
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
	write := gen.Big
	if *deals {
		write = gen.Deals
	}
	if err := write(os.Stdout, n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genbig:", err)
		os.Exit(1)
	}
}
