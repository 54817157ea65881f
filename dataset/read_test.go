package dataset

import (
	"errors"
	"strings"
	"testing"
)

// userCSV is a minimal valid user file: the three required columns, an
// end_type for the open deal, and one attribute column.
const userCSV = `id,start,end,end_type,fighters
a-2004,2004-04-24,2004-06-10,breakdown,200
b-2008,2008-05,,ongoing,
c-2009,2009,2009-05-04,,1500
`

func TestReadAccepts(t *testing.T) {
	tests := []struct {
		name, in string
		ids      []string
	}{
		{"minimal", userCSV, []string{"a-2004", "b-2008", "c-2009"}},
		{"byte-order mark", "\ufeff" + userCSV, []string{"a-2004", "b-2008", "c-2009"}},
		{"CRLF", strings.ReplaceAll(userCSV, "\n", "\r\n"), []string{"a-2004", "b-2008", "c-2009"}},
		{"quoted comma, quote and newline", "id,start,end,notes\n\"x,1\",2004,2005,\"a \"\"b\"\",\nc\"\n", []string{"x,1"}},
		{"blank line skipped", "id,start,end\n\nq,2004,2005\n", []string{"q"}},
		{"spaces around header names", "id , start,end\nq,2004,2005\n", []string{"q"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deals, err := Read(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var ids []string
			for _, d := range deals {
				ids = append(ids, d.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tt.ids, " ") {
				t.Errorf("ids = %v, want %v", ids, tt.ids)
			}
		})
	}
}

func TestReadValues(t *testing.T) {
	deals, err := Read(strings.NewReader(userCSV))
	if err != nil {
		t.Fatal(err)
	}
	if deals[2].EndType != EndTypeBreakdown {
		t.Errorf("end_type with an end and no end_type = %q, want breakdown", deals[2].EndType)
	}
	if got := deals[0].Attrs.Value("fighters"); got != "200" {
		t.Errorf("attribute fighters = %q, want 200", got)
	}
	if deals[1].Start.Prec != Month || deals[2].Start.Prec != Year {
		t.Errorf("precisions = %v, %v; want month, year", deals[1].Start.Prec, deals[2].Start.Prec)
	}
}

// TestReadErrors checks that each kind of bad input is reported at the
// right place with the right sentinel.
func TestReadErrors(t *testing.T) {
	head := "id,start,end,end_type,kind\n"
	tests := []struct {
		name, in string
		want     string // "line:col" of the first problem
		sentinel error
	}{
		{"empty file", "", "input: ", ErrEmpty},
		{"only spaces", " \n\n", "input: ", ErrEmpty},
		{"header without rows", head, "input:2: ", ErrNoRows},
		{"missing required column", "id,start\na,2004\n", "input:1: end: ", ErrMissingColumn},
		{"wrong field count", head + "a,2004,2005,breakdown\n", "input:2: ", ErrFieldCount},
		{"unterminated quote", head + "a,\"2004,2005,breakdown,talks\n", "input:2:30: ", ErrSyntax},
		{"impossible date", head + "a,2004-02-30,2005,breakdown,talks\n", "input:2:3: start: ", ErrDate},
		{"date in another format", head + "a,30/02/2004,2005,breakdown,talks\n", "input:2:3: start: ", ErrDate},
		{"end before start", head + "a,2004-05-01,2004-04-30,breakdown,talks\n", "input:2:14: end: ", ErrEndBeforeStart},
		{"breakdown without end", head + "a,2004-05-01,,breakdown,talks\n", "input:2:14: end: ", ErrNoEnd},
		{"no end and no end_type", "id,start,end\na,2004,\n", "input:2:8: end: ", ErrNoEnd},
		{"ongoing with an end", head + "a,2004,2005,ongoing,talks\n", "input:2:8: end: ", ErrUnexpectedEnd},
		{"unknown end without last_seen", head + "a,2004,,unknown,talks\n", "input:2: last_seen: ", ErrRequired},
		{"duplicate id", head + "a,2004,2005,breakdown,talks\na,2006,2007,breakdown,talks\n", "input:3:1: id: ", ErrDuplicateID},
		{"blank id", head + ",2004,2005,breakdown,talks\n", "input:2:1: id: ", ErrBadID},
		{"category outside vocabulary", head + "a,2004,2005,broken,talks\n", "input:2:13: end_type: ", ErrCategory},
		{"bad list item", "id,start,end,state_concessions\na,2004,2005,amnesty;money\n", "input:2:13: state_concessions: ", ErrCategory},
		{"bad alternative", "id,start,end,end_alt\na,2004,2005,2005-01-01\n", "input:2:13: end_alt: ", ErrAlternative},
		{"non-UTF-8 byte", head + "a,2004,2005,breakdown,talks\nb\xff,2004,2005,breakdown,talks\n", "input:3:2: ", ErrEncoding},
		{"blank header name", "id,start,end,\na,2004,2005,x\n", "input:1:14: ", ErrUnknownColumn},
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
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestReadReportsAllProblems(t *testing.T) {
	in := "id,start,end\na,2004-13,2005\nb,2004,2003\nb,2004,2005\n"
	_, err := Read(strings.NewReader(in))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %T is not Errors", err)
	}
	want := []string{"input:2:3: start: ", "input:3:8: end: ", "input:4:1: id: "}
	if len(es) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(es), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(es[i].Error(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, es[i], w)
		}
	}
}

func TestReadStopsAtMaxErrors(t *testing.T) {
	in := "id,start,end\n" + strings.Repeat("a,2004-99,2005\n", 2*MaxErrors)
	_, err := Read(strings.NewReader(in))
	var es Errors
	if !errors.As(err, &es) || len(es) != MaxErrors {
		t.Fatalf("got %d problems, want %d", len(es), MaxErrors)
	}
	if !strings.HasSuffix(err.Error(), "stopped after 50") {
		t.Errorf("message does not say it stopped: %q", err.Error()[len(err.Error())-60:])
	}
}
