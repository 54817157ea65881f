package dataset

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// FuzzPlainReader checks that plainReader gives the records and field
// positions encoding/csv gives, on every input without quotes.
func FuzzPlainReader(f *testing.F) {
	for _, s := range []string{
		userCSV,
		"a,b\r\nc,d\r\n",
		"a,b\n\n\r\n c , d \nlast,\r",
		"x\r\r\ny,\rz\n,\n,,\n",
		"\n\na",
		"a\rb,c\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if strings.Contains(in, `"`) {
			return
		}
		want, err := csvRecords(in)
		if err != nil {
			t.Fatalf("encoding/csv failed on quote-free input: %v", err)
		}
		got, _ := recordsOf(newPlainReader(in))
		if got != want {
			t.Fatalf("plainReader:\n%s\nencoding/csv:\n%s", got, want)
		}
	})
}

func csvRecords(in string) (string, error) {
	c := csv.NewReader(strings.NewReader(in))
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return recordsOf(c)
}

// recordsOf lists each record's fields with their positions.
func recordsOf(r recordReader) (string, error) {
	var b strings.Builder
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		for i, c := range rec {
			line, col := r.FieldPos(i)
			fmt.Fprintf(&b, "%d:%d %q ", line, col, c)
		}
		b.WriteString("\n")
	}
}

// TestPlainReaderUsed checks that the fast path gives Read's usual
// positions: an error in a quote-free file points at the same cell as in
// the same file with a quoted cell elsewhere (read by encoding/csv).
func TestPlainReaderUsed(t *testing.T) {
	plain := "id,start,end\r\n\r\na,2004,2005\r\nb,2004-13,2005\r\n"
	quoted := strings.Replace(plain, "a,", `"a",`, 1)
	_, e1 := Read(strings.NewReader(plain))
	_, e2 := Read(strings.NewReader(quoted))
	if e1 == nil || e2 == nil || e1.Error() != e2.Error() || !strings.HasPrefix(e1.Error(), "input:4:3: start: ") {
		t.Errorf("plain: %v\nquoted: %v\nwant both at input:4:3", e1, e2)
	}
}
