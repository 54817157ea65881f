package dataset

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestLoadEmbedded(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Deals) < 30 {
		t.Errorf("%d deals; the research chronology alone has 30", len(d.Deals))
	}
	for i := range d.Deals {
		deal := &d.Deals[i]
		if len(d.CitationsOf(deal.ID)) == 0 {
			t.Errorf("%s has no citation", deal.ID)
		}
		if _, ok := deal.Duration(AsOf()); !ok {
			t.Errorf("%s starts after the as-of date", deal.ID)
		}
		// Every deal's government matches the governments table at its start.
		first, _ := deal.Start.Span()
		if deal.Start.Prec == Day {
			if g, ok := governmentAt(d, first); !ok || g.ID != deal.Government {
				t.Errorf("%s starts %s under %v, coded %s", deal.ID, deal.Start, g, deal.Government)
			}
		}
	}
	// Spot checks against the research chronology's best-sourced dates.
	for _, c := range []struct{ id, start, end string }{
		{"shakai-2004", "2004-04-24", "2004-06-10"},
		{"miranshah-2006", "2006-09-05", "2007-07-15"},
		{"ttp-ceasefire-2021", "2021-11-09", "2021-12-09"},
		{"ttp-ceasefire-2022", "2022-04-29", "2022-11-28"},
	} {
		deal, ok := d.Deal(c.id)
		if !ok || deal.Start.String() != c.start || deal.End.String() != c.end {
			t.Errorf("%s: %v", c.id, deal)
		}
	}
}

// sharedSources is the folder of the five source documents the project
// began from; it is beside the repository, not in it.
const sharedSources = "../../shared/sources"

var spaces = regexp.MustCompile(`\s+`)

// TestQuotesFromSourceDocuments checks that every quote cited to one of the
// five source documents is a verbatim passage of it (whitespace folded).
func TestQuotesFromSourceDocuments(t *testing.T) {
	if _, err := os.Stat(sharedSources); err != nil {
		t.Skipf("skipping: %s not found (the source documents live beside the repository, not in it)", sharedSources)
	}
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, s := range d.Sources {
		if s.Document == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(sharedSources, s.Document))
		if err != nil {
			t.Errorf("source %s: %v", s.ID, err)
			continue
		}
		text := spaces.ReplaceAllString(string(b), " ")
		for _, c := range d.Citations {
			if c.Source != s.ID || c.Type != "quote" {
				continue
			}
			checked++
			if !strings.Contains(text, spaces.ReplaceAllString(c.Quote, " ")) {
				t.Errorf("citations.csv:%d: quote not found in %s: %q", c.Line, s.Document, c.Quote)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d quotes from the source documents; every fact they state should be cited", checked)
	}
}

// TestEmbeddedRoundTrip checks that writing the embedded deals gives back
// the embedded file byte for byte.
func TestEmbeddedRoundTrip(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Write(&b, d.Deals); err != nil {
		t.Fatal(err)
	}
	if b.String() != string(dealsCSV) {
		t.Error("Write(Load()) differs from deals.csv: the file is not in canonical form")
	}
}

// governmentAt returns the government in office on day (days since
// 1970-01-01), if the table covers it. A government's End is the day its
// successor took office, so that day belongs to the successor.
func governmentAt(d *Data, day int) (*Government, bool) {
	i := slices.IndexFunc(d.Governments, func(g Government) bool {
		first, _ := g.Start.Span()
		end, _ := g.End.Span()
		return day >= first && (g.End.IsZero() || day < end)
	})
	if i < 0 {
		return nil, false
	}
	return &d.Governments[i], true
}
