package dataset

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteRoundTrip(t *testing.T) {
	d, _, _, _ := fixture()
	in := d + ""
	deals, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Write(&out, deals); err != nil {
		t.Fatal(err)
	}
	if out.String() != in {
		t.Errorf("write differs from the canonical input:\n got %q\nwant %q", out.String(), in)
	}
}

// FuzzRoundTrip checks that the reader never panics, and that whatever it
// accepts, written and read again, gives the same file.
func FuzzRoundTrip(f *testing.F) {
	d, _, _, _ := fixture()
	f.Add(d)
	f.Add(userCSV)
	f.Add("id,start,end\n\"x,\"\"1\",2004-02,2005\n")
	f.Add("\ufeffid,start,end,end_type,last_seen\r\na,2004,,unknown,2005-01\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		deals, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		var first bytes.Buffer
		if err := Write(&first, deals); err != nil {
			t.Fatalf("Write: %v", err)
		}
		again, err := Read(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("re-reading written output: %v\n%s", err, first.String())
		}
		var second bytes.Buffer
		if err := Write(&second, again); err != nil {
			t.Fatalf("Write: %v", err)
		}
		if first.String() != second.String() {
			t.Fatalf("round trip changed the file:\n%q\n%q", first.String(), second.String())
		}
	})
}
