package dataset

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Source is one row of sources.csv: a report, document or dataset cited by
// the deals.
type Source struct {
	ID        string
	Title     string
	Publisher string
	Author    string
	Date      Date
	URL       string
	Document  string // file name of one of the project's source documents
	Notes     string // reliability caveats
}

// Citation is one row of citations.csv: the evidence a source gives for one
// field of one deal.
type Citation struct {
	Deal   string
	Field  string
	Source string
	Type   CitationType
	Quote  string
	Line   int // line in citations.csv (0 if built in code)

	dealCol, sourceCol int // columns of the deal and source cells, for errors
}

// CitationType says whether a citation's text is the source's own words.
type CitationType string

// The citation types of citations.csv.
const (
	CitationQuote      CitationType = "quote"      // verbatim, at most MaxQuoteWords words
	CitationParaphrase CitationType = "paraphrase" // the source's content in other words
)

// Government is one row of governments.csv: a federal government of
// Pakistan, used to name the government of the day.
type Government struct {
	ID        string
	Name      string
	Start     Date
	End       Date // zero for the government in office at the as-of date
	SourceURL string
}

// MaxQuoteWords is the longest quote citations.csv may hold.
const MaxQuoteWords = 25

var (
	sourceColumns     = []string{"id", "title", "publisher", "author", "date", "url", "document", "notes"}
	citationColumns   = []string{"deal", "field", "source", "type", "quote"}
	governmentColumns = []string{"id", "name", "start", "end", "source_url"}
)

func parseSources(data []byte, p *problems) []Source {
	out := make([]Source, 0, lines(data))
	seen := map[string]int{}
	scanTable(data, p, func(t *table) bool { return t.checkHeader(sourceColumns, set(sourceColumns), p) }, func(t *table, r *record) {
		s := Source{ID: r.cell(t, "id"), Title: r.cell(t, "title"), Publisher: r.cell(t, "publisher"),
			Author: r.cell(t, "author"), URL: r.cell(t, "url"), Document: r.cell(t, "document"), Notes: r.cell(t, "notes")}
		var err error
		if s.Date, err = ParseDate(r.cell(t, "date")); err != nil {
			line, col := r.pos(t, "date")
			p.add(line, col, "date", err)
		}
		line, col := r.pos(t, "id")
		switch {
		case s.ID == "":
			p.addf(line, col, "id", ErrBadID, "blank source id")
		case seen[s.ID] > 0:
			p.addf(line, col, "id", ErrDuplicateID, "%q already used on line %d", s.ID, seen[s.ID])
		}
		if s.Title == "" || (s.URL == "" && s.Document == "") {
			p.addf(r.line, 0, "", ErrRequired, "source %q needs a title and a url or document", s.ID)
		}
		seen[s.ID] = r.line
		out = append(out, s)
	})
	return out
}

func parseCitations(data []byte, p *problems) []Citation {
	out := make([]Citation, 0, lines(data))
	scanTable(data, p, func(t *table) bool { return t.checkHeader(citationColumns, set(citationColumns), p) }, func(t *table, r *record) {
		c := Citation{Deal: r.cell(t, "deal"), Field: r.cell(t, "field"), Source: r.cell(t, "source"),
			Type: CitationType(r.cell(t, "type")), Quote: r.cell(t, "quote"), Line: r.line}
		_, c.dealCol = r.pos(t, "deal")
		_, c.sourceCol = r.pos(t, "source")
		if c.Field == "id" || c.Field == "sources" || c.Field == "notes" || !columnSet[c.Field] {
			line, col := r.pos(t, "field")
			p.addf(line, col, "field", ErrCategory, "%q is not a citable deals.csv column", c.Field)
		}
		switch c.Type {
		case CitationQuote:
			if n := countWords(c.Quote); n > MaxQuoteWords {
				line, col := r.pos(t, "quote")
				p.addf(line, col, "quote", ErrQuote, "%d words (at most %d; shorten it or mark it paraphrase)", n, MaxQuoteWords)
			}
		case CitationParaphrase:
		default:
			line, col := r.pos(t, "type")
			p.addf(line, col, "type", ErrCategory, "%q (want quote or paraphrase)", c.Type)
		}
		if c.Quote == "" {
			line, col := r.pos(t, "quote")
			p.addf(line, col, "quote", ErrRequired, "a citation needs its quote or paraphrase")
		}
		out = append(out, c)
	})
	return out
}

func parseGovernments(data []byte, p *problems) []Government {
	vocab, _ := VocabularyOf("government")
	var out []Government
	scanTable(data, p, func(t *table) bool { return t.checkHeader(governmentColumns, set(governmentColumns), p) }, func(t *table, r *record) {
		g := Government{ID: r.cell(t, "id"), Name: r.cell(t, "name"), SourceURL: r.cell(t, "source_url")}
		if !vocab.Allows(g.ID) {
			line, col := r.pos(t, "id")
			p.add(line, col, "id", vocabError(vocab, g.ID))
		}
		for _, f := range []struct {
			name string
			d    *Date
		}{{"start", &g.Start}, {"end", &g.End}} {
			var err error
			if *f.d, err = ParseDate(r.cell(t, f.name)); err != nil {
				line, col := r.pos(t, f.name)
				p.add(line, col, f.name, err)
			}
		}
		out = append(out, g)
	})
	return out
}

// checkProvenance ties the files together: every citation names a deal and
// a source that exist, every deal is cited, each deal's sources column
// equals the set of sources its citations use, and every alternative date
// names a cited source.
func checkProvenance(d *Data, deals *table, pd, pc *problems) {
	sources := make(map[string]bool, len(d.Sources))
	for _, s := range d.Sources {
		sources[s.ID] = true
	}
	dealIdx := make(map[string]int, len(d.Deals))
	for i := range d.Deals {
		dealIdx[d.Deals[i].ID] = i
	}
	cited := make(map[string]map[string]bool, len(d.Deals))
	for _, c := range d.Citations {
		if _, ok := dealIdx[c.Deal]; !ok {
			pc.addf(c.Line, c.dealCol, "deal", ErrUnknownDeal, "%q is not a deal id in deals.csv", c.Deal)
		}
		if !sources[c.Source] {
			pc.addf(c.Line, c.sourceCol, "source", ErrMissingSource, "%q is not a source id in sources.csv", c.Source)
		}
		if cited[c.Deal] == nil {
			cited[c.Deal] = map[string]bool{}
		}
		cited[c.Deal][c.Source] = true
	}
	for i := range d.Deals {
		deal := &d.Deals[i]
		rec := findRecord(deals, deal.Line)
		at := func(field string) (int, int) {
			if rec == nil {
				return deal.Line, 0
			}
			return rec.pos(deals, field)
		}
		if len(cited[deal.ID]) == 0 {
			line, _ := at("id")
			pd.addf(line, 0, "id", ErrUncited, "%q has no row in citations.csv", deal.ID)
			continue
		}
		var want []string
		for s := range cited[deal.ID] {
			want = append(want, s)
		}
		slices.Sort(want)
		got := slices.Clone(deal.Sources)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			line, col := at("sources")
			pd.addf(line, col, "sources", ErrSources, "lists [%s], citations use [%s]", strings.Join(got, ";"), strings.Join(want, ";"))
		}
		for _, alts := range []struct {
			field string
			list  []Alt
		}{{"start_alt", deal.StartAlt}, {"end_alt", deal.EndAlt}} {
			for _, a := range alts.list {
				if !cited[deal.ID][a.Source] {
					line, col := at(alts.field)
					pd.addf(line, col, alts.field, ErrMissingSource, "%s names %q, which no citation of this deal uses", a, a.Source)
				}
			}
		}
	}
}

func findRecord(t *table, line int) *record {
	if t == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(t.rows, line, func(r record, l int) int { return r.line - l })
	if !ok {
		return nil
	}
	return &t.rows[i]
}

// String gives the source as a short reference: publisher, date, title.
func (s Source) String() string {
	parts := []string{}
	for _, x := range []string{s.Author, s.Publisher, s.Date.String()} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return fmt.Sprintf("%s, %q", strings.Join(parts, ", "), s.Title)
}

// Reference is the source as a reference list prints it: "[ID] author,
// publisher, date, "title". URL", or the project's source document when
// there is no URL.
func (s Source) Reference() string {
	loc := s.URL
	if loc == "" {
		loc = "source document " + s.Document
	}
	return "[" + s.ID + "] " + s.String() + ". " + loc
}

// countWords counts the space-separated words of s without allocating.
func countWords(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}
