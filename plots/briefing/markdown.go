package briefing

import (
	"fmt"
	"strings"
)

func (h heading) markdown(b *strings.Builder) {
	if h.id != "" {
		fmt.Fprintf(b, "<a id=\"%s\"></a>\n\n", h.id)
	}
	fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", h.level), h.text)
}

func (p para) markdown(b *strings.Builder) { b.WriteString(p.text + "\n\n") }

func (l bullets) markdown(b *strings.Builder) {
	for _, it := range l.items {
		b.WriteString("- " + it + "\n")
	}
	b.WriteString("\n")
}

func (k keyFigures) markdown(b *strings.Builder) {
	for _, it := range k.items {
		fmt.Fprintf(b, "- **%s: %s.** %s\n", it.label, it.value, it.detail)
	}
	b.WriteString("\n")
}

func (f figure) markdown(b *strings.Builder) {
	fmt.Fprintf(b, "![%s](%s)\n\n*%s*\n\n", f.alt, f.file, f.caption)
}

// mdCell escapes the characters that would break a Markdown table cell.
func mdCell(c cell) string {
	t := strings.ReplaceAll(c.text, "|", `\|`)
	if c.href != "" {
		t = "[" + t + "](" + c.href + ")"
	}
	for i, id := range c.deals {
		if i > 0 || t != "" {
			t += ", "
		}
		t += "[" + id + "](#" + dealAnchor(id) + ")"
	}
	return t
}

func (g grid) markdown(b *strings.Builder) {
	fmt.Fprintf(b, "**%s**\n\n|", g.title)
	for _, c := range g.columns {
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n|")
	for i := range g.columns {
		if i < len(g.numeric) && g.numeric[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range g.rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + mdCell(c) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	if len(g.notes) > 0 {
		b.WriteString(strings.Join(g.notes, " "))
	}
	if g.csvFile != "" {
		fmt.Fprintf(b, " Full table: [%s](%s).", g.csvFile, g.csvFile)
	}
	b.WriteString("\n\n")
}

func (d dealEntries) markdown(b *strings.Builder) {
	for _, e := range d.entries {
		fmt.Fprintf(b, "<a id=\"%s\"></a>**%s** (%s). %s Sources: ", dealAnchor(e.id), e.name, e.id, e.facts)
		sourcesMarkdown(b, e.sources)
		b.WriteString(".\n\n")
	}
}

// sourcesMarkdown writes the sources separated by semicolons, each a link
// where it has an address.
func sourcesMarkdown(b *strings.Builder, refs []sourceRef) {
	for i, s := range refs {
		if i > 0 {
			b.WriteString("; ")
		}
		if s.url != "" {
			fmt.Fprintf(b, "[%s](%s)", strings.ReplaceAll(s.text, "]", "\\]"), s.url)
		} else {
			b.WriteString(s.text)
		}
	}
}

func (r references) markdown(b *strings.Builder) {
	b.WriteString(r.lead + " ")
	sourcesMarkdown(b, r.refs)
	b.WriteString(".\n\n")
}

func (pageBreak) markdown(*strings.Builder) {}

// renderMarkdown renders the blocks as one Markdown document.
func renderMarkdown(blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		bl.markdown(&b)
	}
	return b.String()
}
