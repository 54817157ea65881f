package dataset

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestReadRefuses checks the inputs Read used to accept or misreport
// (issue 14, items 5, 11, 13 and 15): each is refused at the right place,
// with the right sentinel and a message that names the problem.
func TestReadRefuses(t *testing.T) {
	head := "id,start,end\n"
	row := "a,2004,2005\n"
	numbered := func(n int, sep string) string {
		items := make([]string, n)
		for i := range items {
			items[i] = "p" + strconv.Itoa(i)
		}
		return strings.Join(items, sep)
	}
	tests := []struct {
		name, in string
		want     string // prefix of the first problem
		sentinel error
		says     string // part of its message
	}{
		{"derived column days", "id,start,end,days\n" + "a,2004,2005,3\n", "input:1:14: days: ", ErrReservedColumn, "rename it"},
		{"derived column event", "id,start,end,event\n" + "a,2004,2005,1\n", "input:1:14: event: ", ErrReservedColumn, "derives"},
		{"derived column decade", "id,decade,start,end\n" + "a,x,2004,2005\n", "input:1:4: decade: ", ErrReservedColumn, "derives"},
		{"concession flag", "id,start,end,has:amnesty\n" + "a,2004,2005,true\n", "input:1:14: has:amnesty: ", ErrReservedColumn, "has:CONCESSION"},
		{"commitment flag", "id,start,end,commits:disarm\n" + "a,2004,2005,true\n", "input:1:14: commits:disarm: ", ErrReservedColumn, "commits:COMMITMENT"},
		{"LF in an id", head + "\"a\nb\",2004,2005\n", "input:2:1: id: ", ErrControl, "U+000A"},
		{"CR in an id", head + "\"a\rb\",2004,2005\n", "input:2:1: id: ", ErrControl, "U+000D"},
		{"escape in an id", head + "a\x1bb,2004,2005\n", "input:2:1: id: ", ErrControl, "U+001B"},
		{"DEL in an id", head + "a\x7f,2004,2005\n", "input:2:1: id: ", ErrControl, "U+007F"},
		{"NUL in a note", "id,start,end,notes\n" + "a,2004,2005,x\x00y\n", "input:2:14: ", ErrControl, "NUL"},
		{"control character in a list item", "id,start,end,pax_id\n" + "a,2004,2005,1;2\x01\n", "input:2:13: pax_id: ", ErrControl, "U+0001"},
		{"CR-only line ends", "id,start,end\ra,2004,2005\r", "input:1:13: ", ErrSyntax, "lone CR"},
		{"doubled byte-order mark", "\ufeff\ufeff" + head + row, "input:1:1: ", ErrSyntax, "two byte-order marks"},
		{"NaN in a column of numbers", "id,start,end,x\na,2004,2005,1.5\nb,2004,2005,NaN\n", "input:3:13: x: ", ErrNumber, "leave the cell empty"},
		{"infinity in a column of numbers", "id,start,end,x\na,2004,2005,-Inf\nb,2004,2005,2\n", "input:2:13: x: ", ErrNumber, "infinite"},
		{"number out of range", "id,start,end,x\na,2004,2005,1e400\nb,2004,2005,2\n", "input:2:13: x: ", ErrNumber, "beyond the range"},
		{"id over MaxIDBytes", head + strings.Repeat("a", MaxIDBytes+1) + ",2004,2005\n", "input:2:1: id: ", ErrBadID, "at most 128"},
		{"cell over MaxCellBytes", "id,start,end,notes\n" + "a,2004,2005," + strings.Repeat("x", MaxCellBytes+1) + "\n", "input:2:13: ", ErrLimit, "at most 65536"},
		{"list over MaxListItems", "id,start,end,pax_id\n" + "a,2004,2005," + numbered(MaxListItems+1, ";") + "\n", "input:2:13: pax_id: ", ErrLimit, "1001 items"},
		{"long list with a repeat", "id,start,end,pax_id\n" + "a,2004,2005," + numbered(500, ";") + ";p7\n", "input:2:13: pax_id: ", ErrCategory, `"p7" listed twice`},
		{"header over MaxColumns", numbered(MaxColumns+1, ",") + "\n", "input:1: ", ErrLimit, "1001 columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("error %q does not wrap %v", err, tt.sentinel)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
			if first := strings.SplitN(err.Error(), "\n", 2)[0]; !strings.Contains(first, tt.says) {
				t.Errorf("error = %q, want it to say %q", first, tt.says)
			}
		})
	}
}

// TestReadKeepsText checks that values that merely look like the refused
// ones pass where they are text: a column of labels holding "nan" is not a
// column of numbers, and names may hold line breaks.
func TestReadKeepsText(t *testing.T) {
	in := "id,start,end,grp,name,x\na,2004,2005,nan,\"two\nlines\",1e300\nb,2004,2005,other,x,-2\n"
	deals, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := deals[0].Attrs.Value("grp") + " " + deals[1].Attrs.Value("grp"); got != "nan other" {
		t.Errorf("grp = %q, want \"nan other\"", got)
	}
	if s := attrSeries(deals, "grp"); s.Type() != "string" {
		t.Errorf("grp is a %s series, want string", s.Type())
	}
	if s := attrSeries(deals, "x"); s.Type() != "float" || s.Elem(0).Float() != 1e300 {
		t.Errorf("x = %v (%s), want float 1e300", s.Elem(0), s.Type())
	}
}

// TestReadListLinear checks that a list of MaxListItems distinct items is
// read in linear time (10,000 items took 0.6 s with the quadratic check,
// 100,000 took 41 s).
func TestReadListLinear(t *testing.T) {
	items := make([]string, MaxListItems)
	for i := range items {
		items[i] = "p" + strconv.Itoa(i)
	}
	in := "id,start,end,pax_id\n"
	for i := range 50 {
		in += "a" + strconv.Itoa(i) + ",2004,2005," + strings.Join(items, ";") + "\n"
	}
	start := time.Now()
	deals, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(deals[49].PaxIDs) != MaxListItems {
		t.Errorf("%d items, want %d", len(deals[49].PaxIDs), MaxListItems)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("50 lists of %d items took %v", MaxListItems, d)
	}
}

// TestReadFileLimits checks that input with no end or over MaxFileSize
// fails at once with a message, instead of exhausting memory.
func TestReadFileLimits(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		start := time.Now()
		_, err := ReadFile("/dev/zero")
		if !errors.Is(err, ErrControl) || !strings.HasPrefix(err.Error(), "/dev/zero:1:1: ") {
			t.Errorf("/dev/zero: error %v, want a NUL byte at 1:1", err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("/dev/zero took %v to refuse", d)
		}
	}
	big := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(big, []byte("id,start,end\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "MaxFileSize") {
		t.Errorf("file over MaxFileSize: error %v, want ErrLimit", err)
	}
	// A stream with no end is read to one byte past the limit (MaxFileSize
	// in Read), which readNamed then refuses.
	if data, err := readLimited(endless{}, 0, 1000); err != nil || len(data) != 1001 {
		t.Errorf("endless stream: read %d bytes (%v), want 1001", len(data), err)
	}
}

// endless is a stream of ids that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

var _ io.Reader = endless{}
