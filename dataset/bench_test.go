package dataset

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/truce-lab/truce/dataset/synth"
)

// BenchmarkLoadEmbedded parses and checks the embedded dataset (target:
// well under 1 ms).
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// generated returns a deals CSV with n rows using every column kind:
// dates of all precisions, categories, lists and a user attribute.
func generated(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("id,name,kind,start,end,end_type,last_seen,state_concessions,mediator_type,notes,fighters\n")
	kinds := []string{"agreement", "ceasefire", "talks"}
	for i := range n {
		y := 2004 + r.IntN(20)
		start := fmt.Sprintf("%d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(28))
		if i%7 == 0 {
			start = fmt.Sprintf("%d-%02d", y, 1+r.IntN(12))
		}
		end, endType, seen := fmt.Sprintf("%d-%02d-%02d", y+1, 1+r.IntN(12), 1+r.IntN(28)), "breakdown", ""
		if i%5 == 0 {
			end, endType, seen = "", "unknown", fmt.Sprint(y+1)
		}
		fmt.Fprintf(&b, "gen-%d,\"Deal %d, generated\",%s,%s,%s,%s,%s,amnesty;prisoner-release,jirga,\"a note with \"\"quotes\"\"\",%d\n",
			i, i, kinds[i%3], start, end, endType, seen, r.IntN(5000))
	}
	return b.Bytes()
}

// BenchmarkRead100k reads a generated 100,000-row CSV (target: under
// 300 ms and 200 MB on a 2-core machine).
func BenchmarkRead100k(b *testing.B) {
	data := generated(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		deals, err := Read(bytes.NewReader(data))
		if err != nil || len(deals) != 100_000 {
			b.Fatalf("%d deals, %v", len(deals), err)
		}
	}
}

// big returns synth.Big's n-row CSV (genbig.py's shape), built once per size.
func big(b *testing.B, n int) []byte {
	b.Helper()
	if data, ok := bigCache[n]; ok {
		return data
	}
	var buf bytes.Buffer
	if err := synth.Big(&buf, n, 42); err != nil {
		b.Fatal(err)
	}
	bigCache[n] = buf.Bytes()
	return buf.Bytes()
}

var bigCache = map[int][]byte{}

func benchReadBig(b *testing.B, n int) {
	data := big(b, n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		deals, err := Read(bytes.NewReader(data))
		if err != nil || len(deals) != n {
			b.Fatalf("%d deals, %v", len(deals), err)
		}
	}
}

// BenchmarkReadBig100k reads the 6.8 MB, 100,000-row file of the
// comparison with R (issue 12: 0.46 s before the rework).
func BenchmarkReadBig100k(b *testing.B) { benchReadBig(b, 100_000) }

// BenchmarkReadBig1M reads 1,000,000 rows: at most 12× BenchmarkReadBig100k.
func BenchmarkReadBig1M(b *testing.B) { benchReadBig(b, 1_000_000) }

// BenchmarkFrame100k builds the full frame of 100,000 deals.
func BenchmarkFrame100k(b *testing.B) {
	deals, err := Read(bytes.NewReader(big(b, 100_000)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if df := Frame(deals); df.Err != nil {
			b.Fatal(df.Err)
		}
	}
}

// BenchmarkFrameOf100k builds the frame a survival command needs at
// 100,000 deals: the survival columns and one grouping column.
func BenchmarkFrameOf100k(b *testing.B) {
	deals, err := Read(bytes.NewReader(big(b, 100_000)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FrameOf(deals, AsOf(), "grp"); err != nil {
			b.Fatal(err)
		}
	}
}
