package dataset

import (
	"errors"
	"strings"
	"testing"
)

// fixture is a tiny valid dataset in the embedded format.
func fixture() (deals, sources, citations, governments string) {
	head := strings.Join(Columns(), ",") + "\n"
	row := func(id, start, end, endType, endAlt, srcs string) string {
		vals := map[string]string{"id": id, "name": "Deal " + id, "kind": "agreement", "scope": "state",
			"start": start, "end": end, "end_type": endType, "end_event": "declaration", "end_alt": endAlt, "certainty": "high",
			"government": "musharraf", "state_concessions": "amnesty;prisoner-release", "sources": srcs}
		cells := make([]string, len(Columns()))
		for i, c := range Columns() {
			cells[i] = vals[c]
		}
		return strings.Join(cells, ",") + "\n"
	}
	deals = head + row("a-2004", "2004-04-24", "2004-06-10", "breakdown", "2004-06-17@s2", "s1;s2") +
		row("b-2006", "2006-09-05", "2007-07-15", "breakdown", "", "s1")
	sources = "id,title,publisher,author,date,url,document,notes\n" +
		"s1,First report,Dawn,,2004-06-10,https://example.org/1,,\n" +
		"s2,Second report,Arab News,,2004-06-21,https://example.org/2,,\n"
	citations = "deal,field,source,type,quote\n" +
		"a-2004,start,s1,quote,were pardoned on April 24\n" +
		"a-2004,end_alt,s2,paraphrase,killed late Thursday\n" +
		"b-2006,start,s1,paraphrase,signed on 5 September\n"
	governments = "id,name,start,end,source_url\nmusharraf,Musharraf era,1999-10-12,2008-03-24,https://example.org/g\n"
	return
}

func TestLoadFilesValid(t *testing.T) {
	d, s, c, g := fixture()
	data, err := loadFiles("", []byte(d), []byte(s), []byte(c), []byte(g))
	if err != nil {
		t.Fatal(err)
	}
	if len(data.Deals) != 2 || len(data.CitationsOf("a-2004")) != 2 {
		t.Errorf("got %d deals, %d citations of a-2004; want 2, 2", len(data.Deals), len(data.CitationsOf("a-2004")))
	}
}

func TestLoadFilesErrors(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(d, s, c, g *string)
		want     string
		sentinel error
	}{
		{"citation of a missing source", func(d, s, c, g *string) {
			*c += "b-2006,end,s9,paraphrase,ended\n"
		}, "citations.csv:5:12: source: ", ErrMissingSource},
		{"citation of a missing deal", func(d, s, c, g *string) {
			*c += "zz,end,s1,paraphrase,ended\n"
		}, "citations.csv:5:1: deal: ", ErrUnknownDeal},
		{"sources column disagrees", func(d, s, c, g *string) {
			*c += "b-2006,end,s2,paraphrase,ended\n"
		}, "deals.csv:3:", ErrSources},
		{"unknown column in the embedded file", func(d, s, c, g *string) {
			*d = strings.Replace(*d, "notes\n", "notes,extra\n", 1)
			*d = strings.ReplaceAll(*d, "s1;s2,\n", "s1;s2,,x\n")
			*d = strings.ReplaceAll(*d, ",s1,\n", ",s1,,x\n")
		}, "deals.csv:1:", ErrUnknownColumn},
		{"quote too long", func(d, s, c, g *string) {
			*c += "b-2006,end,s1,quote," + strings.Repeat("word ", 26) + "\n"
		}, "citations.csv:5:", ErrQuote},
		{"required value empty", func(d, s, c, g *string) {
			*d = strings.Replace(*d, ",high,", ",,", 1)
		}, "deals.csv:2:", ErrRequired},
		{"deal without citations", func(d, s, c, g *string) {
			*c = strings.Replace(*c, "b-2006,start,s1,paraphrase,signed on 5 September\n", "", 1)
		}, "deals.csv:3: id: ", ErrUncited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, s, c, g := fixture()
			tt.edit(&d, &s, &c, &g)
			_, err := loadFiles("", []byte(d), []byte(s), []byte(c), []byte(g))
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("error = %v, want %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

// FuzzLoadFiles feeds the strict loader of the embedded format (every
// column, provenance checks across files) with mutated files: it must
// report problems, never panic.
func FuzzLoadFiles(f *testing.F) {
	d, s, c, _ := fixture()
	f.Add(d, s, c)
	f.Add(d, s, "deal,field,source,type,quote\nzz,end,s1,quote,x\n")
	f.Add(strings.Replace(d, "2004-06-10", "2004-02-30", 1), s, c)
	f.Fuzz(func(t *testing.T, deals, sources, citations string) {
		_, _, _, g := fixture()
		data, err := loadFiles("", []byte(deals), []byte(sources), []byte(citations), []byte(g))
		if err == nil && len(data.Deals) == 0 {
			t.Fatal("no error and no deals")
		}
	})
}
