package synth

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// DealsHeader is the header row Deals writes: the columns of the peers'
// sample (../shared/bench/sample-deals.csv).
const DealsHeader = "id,name,kind,start,end,end_type,mediator_type,state_concessions,trigger,broken_by"

// Deals writes n random deals in the columns and vocabulary of the peers'
// sample, the input of `truce report --data` at scale: agreements and
// ceasefires starting 2004–2024 and lasting up to three years, 20% of
// them expired (censored) and the others broken down; each of six state concessions with probability 1/4; four
// mediator types, triggers and two parties breaking the deal. The values
// are drawn from the dataset's vocabularies (dataset.Concessions and the
// codebook) but hard-coded here, so that the dataset's tests may use this
// package.
func Deals(w io.Writer, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 0x243f6a8885a308d3))
	mediators := []string{"jirga", "religious-party", "afghan-taliban", "none"}
	triggers := []string{"military-operation", "militant-attack", "drone-strike", "unmet-demands"}
	brokenBy := []string{"state", "militants"}
	concessions := []string{"amnesty", "prisoner-release", "troop-withdrawal", "compensation", "cash-payment", "sharia"}
	kinds := []string{"agreement", "ceasefire"}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(DealsHeader + "\n")
	epoch := time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC)
	var line []byte
	for i := range n {
		start := epoch.AddDate(0, 0, r.IntN(21*365))
		id := strconv.Itoa(i)
		line = append(line[:0], "gen-"...)
		line = append(line, id...)
		line = append(line, ",Generated deal "...)
		line = append(line, id...)
		line = append(line, ',')
		line = append(line, kinds[r.IntN(2)]...)
		line = append(line, ',')
		line = start.AppendFormat(line, time.DateOnly)
		line = append(line, ',')
		line = start.AddDate(0, 0, 1+r.IntN(3*365)).AppendFormat(line, time.DateOnly)
		expired := r.IntN(5) == 0
		if expired {
			line = append(line, ",expired,"...)
		} else {
			line = append(line, ",breakdown,"...)
		}
		line = append(line, mediators[r.IntN(len(mediators))]...)
		line = append(line, ',')
		var has []string
		for _, c := range concessions {
			if r.IntN(4) == 0 {
				has = append(has, c)
			}
		}
		line = append(line, strings.Join(has, ";")...)
		line = append(line, ',')
		if expired {
			line = append(line, "expiry,none"...)
		} else {
			line = append(line, triggers[r.IntN(len(triggers))]...)
			line = append(line, ',')
			line = append(line, brokenBy[r.IntN(len(brokenBy))]...)
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}
