// Package synth writes synthetic deals CSVs for benchmarks and for the
// side-by-side comparison with the R and Python peers: the shape of
// ../shared/bench/genbig.py (columns id,name,kind,start,end,end_type,grp,x,b;
// about 15% ongoing deals censored at 2026-01-01), so that benchmarks do not
// need Python. The values are random but fixed by the seed; they are not the
// same draws as genbig.py's.
package synth

import (
	"bufio"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// Header is the header row Big writes.
const Header = "id,name,kind,start,end,end_type,grp,x,b"

// Big writes n random deals in genbig.py's schema: group grp is one of a–e,
// x is normal(0, 1) rounded to 3 decimals, b is 1 with probability 0.4;
// 15% of deals are ongoing and started 1–1999 days before 2026-01-01, the
// others start between 2000-01-01 and 2021-11-26 and break down 1–1999
// days later.
func Big(w io.Writer, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<16)
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	epoch := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	day := func(t time.Time) []byte { return t.AppendFormat(nil, time.DateOnly) }
	bw.WriteString(Header + "\n")
	var line []byte
	for i := range n {
		g := byte('a' + r.IntN(5))
		t := 1 + r.IntN(1999)
		x := math.Round(r.NormFloat64()*1000) / 1000
		b := byte('0')
		if r.Float64() < 0.4 {
			b = '1'
		}
		id := strconv.Itoa(i)
		line = append(line[:0], 'd')
		line = append(line, id...)
		line = append(line, ",Deal "...)
		line = append(line, id...)
		line = append(line, ",agreement,"...)
		if r.Float64() < 0.15 {
			line = append(line, day(asOf.AddDate(0, 0, -t))...)
			line = append(line, ",,ongoing,"...)
		} else {
			s := epoch.AddDate(0, 0, r.IntN(8000))
			line = append(line, day(s)...)
			line = append(line, ',')
			line = append(line, day(s.AddDate(0, 0, t))...)
			line = append(line, ",breakdown,"...)
		}
		line = append(line, g, ',')
		line = strconv.AppendFloat(line, x, 'f', -1, 64)
		line = append(line, ',', b, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}
