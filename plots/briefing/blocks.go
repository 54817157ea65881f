package briefing

import "strings"

// A briefing is a list of blocks that render to Markdown and to one
// self-contained HTML page, so the two always say the same thing. Text in
// blocks is plain: no Markdown markup, so nothing leaks into the HTML.
type block interface {
	markdown(b *strings.Builder)
	html(b *strings.Builder)
}

// heading is a section title; id, when set, is its anchor.
type heading struct {
	level    int
	text, id string
}

type para struct{ text string }

// bullets is a list; class styles it in the HTML ("caveats", "methods").
type bullets struct {
	items []string
	class string
}

// keyFigure is one figure of the first page: the value, what it is, and
// its honest range.
type keyFigure struct{ value, label, detail string }

type keyFigures struct{ items []keyFigure }

// figure is a chart: its PNG is linked from the Markdown; its SVG is
// inlined in the HTML as a data URI, so the page fetches nothing.
type figure struct {
	file, alt, caption string
	svg                []byte
	class              string // "lead": the first page's chart, kept on that page in print; "tall": a chart with a row per deal
}

// cell is one table cell: text, an optional link (a deal's appendix entry),
// and whether it must not wrap (dates, numbers).
type cell struct {
	text, href string
	nowrap     bool
	deals      []string // deal ids, each linked to its appendix entry, after text
}

// grid is a table written for reading: human column names, labels instead
// of codes, numbers formatted, and a note of what it counts.
type grid struct {
	title   string
	columns []string
	numeric []bool
	rows    [][]cell
	notes   []string
	csvFile string // the full table in the briefing folder, if any
	class   string // "wide": set in a smaller font
}

// dealEntry is one deal of the appendix, the target of the deal links.
type dealEntry struct {
	id, name, facts string
	sources         []sourceRef
}

type sourceRef struct{ text, url string }

// references is a short paragraph of cited works, each a link where it
// has an address: "Sources: A; B."
type references struct {
	lead string
	refs []sourceRef
}

type dealEntries struct{ entries []dealEntry }

// pageBreak starts a new printed page (the appendix, the list of deals).
type pageBreak struct{}

// dealAnchor is the id of a deal's appendix entry.
func dealAnchor(id string) string { return "deal-" + id }
