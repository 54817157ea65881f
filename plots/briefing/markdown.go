package briefing

import (
	"fmt"
	"strings"
)

func (h heading) markdown(b *strings.Builder) {
	fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", h.level), h.text)
}

func (p para) markdown(b *strings.Builder) { b.WriteString(p.text + "\n\n") }
func (l bullets) markdown(b *strings.Builder) {
	for _, it := range l.items {
		b.WriteString("- " + it + "\n")
	}
	b.WriteString("\n")
}

func (f figure) markdown(b *strings.Builder) {
	fmt.Fprintf(b, "![%s](%s)\n\n*%s*\n\n", f.alt, f.file, f.caption)
}

func (t tableBlock) markdown(b *strings.Builder) {
	if err := t.t.Write(b, "md"); err != nil {
		panic("truce: writing a table to a strings.Builder cannot fail: " + err.Error())
	}
	if t.csvFile != "" {
		fmt.Fprintf(b, "\nData: [%s](%s)\n", t.csvFile, t.csvFile)
	}
	b.WriteString("\n")
}

// renderMarkdown renders the blocks as one Markdown document.
func renderMarkdown(blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		bl.markdown(&b)
	}
	return b.String()
}
