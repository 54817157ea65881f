package synth_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/synth"
)

// TestGenerators checks that each generator writes n rows that the strict
// reader accepts, with its header, and the same bytes for the same seed.
func TestGenerators(t *testing.T) {
	for _, tt := range []struct {
		name   string
		write  func(io.Writer, int, uint64) error
		header string
	}{
		{"Big", synth.Big, synth.Header},
		{"Deals", synth.Deals, synth.DealsHeader},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var a, b, c bytes.Buffer
			for _, w := range []struct {
				buf  *bytes.Buffer
				seed uint64
			}{{&a, 1}, {&b, 1}, {&c, 2}} {
				if err := tt.write(w.buf, 500, w.seed); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("the same seed wrote different files")
			}
			if bytes.Equal(a.Bytes(), c.Bytes()) {
				t.Error("different seeds wrote the same file")
			}
			if first, _, _ := strings.Cut(a.String(), "\n"); first != tt.header {
				t.Errorf("header %q, want %q", first, tt.header)
			}
			deals, err := dataset.Read(&a)
			if err != nil || len(deals) != 500 {
				t.Fatalf("read %d deals, %v; want 500", len(deals), err)
			}
		})
	}
}
