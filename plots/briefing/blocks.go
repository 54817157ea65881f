package briefing

import (
	"strings"

	"github.com/truce-lab/truce/analysis"
)

// A briefing is a list of blocks that render to Markdown and to one
// self-contained HTML page, so the two always say the same thing.
type block interface {
	markdown(b *strings.Builder)
	html(b *strings.Builder)
}

type heading struct {
	level int
	text  string
}

type para struct{ text string }

type bullets struct{ items []string }

// figure is a chart: its PNG is linked from the Markdown and inlined in
// the HTML as a data URI, so the page fetches nothing.
type figure struct {
	file, alt, caption string
	png                []byte
}

// tableBlock is an analysis table, with a link to its CSV.
type tableBlock struct {
	t       *analysis.Table
	csvFile string
}
