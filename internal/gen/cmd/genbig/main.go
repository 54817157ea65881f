// Command genbig writes gen.Big's synthetic deals CSV to standard output:
// the input of the side-by-side comparison with R (../shared/bench/big.R)
// and of the growth benchmarks, so anyone can repeat them without Python.
//
//	go run ./internal/gen/cmd/genbig 100000 > big.csv
//	go run ./internal/gen/cmd/genbig -seed 7 1000 > deals-1000.csv
//
// The rows have genbig.py's columns (id,name,kind,start,end,end_type,grp,x,b)
// and the same seed gives the same bytes.
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
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: genbig [-seed N] ROWS > deals.csv")
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
	if err := gen.Big(os.Stdout, n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genbig:", err)
		os.Exit(1)
	}
}
