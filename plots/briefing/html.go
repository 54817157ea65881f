package briefing

import (
	"encoding/base64"
	"fmt"
	"html"
	"strings"

	"github.com/truce-lab/truce/analysis"
)

func (h heading) html(b *strings.Builder) {
	fmt.Fprintf(b, "<h%d>%s</h%d>\n", h.level, html.EscapeString(h.text), h.level)
}

func (p para) html(b *strings.Builder) { fmt.Fprintf(b, "<p>%s</p>\n", html.EscapeString(p.text)) }

func (l bullets) html(b *strings.Builder) {
	b.WriteString("<ul>\n")
	for _, it := range l.items {
		fmt.Fprintf(b, "<li>%s</li>\n", html.EscapeString(it))
	}
	b.WriteString("</ul>\n")
}

func (f figure) html(b *strings.Builder) {
	fmt.Fprintf(b, "<figure><img src=\"data:image/png;base64,%s\" alt=\"%s\"><figcaption>%s</figcaption></figure>\n",
		base64.StdEncoding.EncodeToString(f.png), html.EscapeString(f.alt), html.EscapeString(f.caption))
}

func (t tableBlock) html(b *strings.Builder) {
	fmt.Fprintf(b, "<table>\n<caption>%s</caption>\n<thead><tr>", html.EscapeString(t.t.Title))
	for i, c := range t.t.Columns {
		fmt.Fprintf(b, "<th%s>%s</th>", alignAttr(t.t, i), html.EscapeString(c))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.t.Rows {
		b.WriteString("<tr>")
		for i, c := range r {
			fmt.Fprintf(b, "<td%s>%s</td>", alignAttr(t.t, i), html.EscapeString(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if len(t.t.Notes)+len(t.t.Warnings) > 0 {
		b.WriteString("<ul class=\"notes\">\n")
		for _, n := range t.t.Notes {
			fmt.Fprintf(b, "<li>%s</li>\n", html.EscapeString(n))
		}
		for _, n := range t.t.Warnings {
			fmt.Fprintf(b, "<li class=\"warning\">Warning: %s</li>\n", html.EscapeString(n))
		}
		b.WriteString("</ul>\n")
	}
	if t.csvFile != "" {
		fmt.Fprintf(b, "<p class=\"data\">Data: %s (in the briefing folder)</p>\n", html.EscapeString(t.csvFile))
	}
}

func alignAttr(t *analysis.Table, i int) string {
	if i < len(t.Numeric) && t.Numeric[i] {
		return ` class="num"`
	}
	return ""
}

// htmlStyle is print-friendly: serif-free body, tables that do not split
// across pages, figures that fit the page width.
const htmlStyle = `body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;line-height:1.2}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
figure{margin:1.2em 0;page-break-inside:avoid}img{max-width:100%;height:auto}figcaption{font-size:.9em;color:#555}
table{border-collapse:collapse;font-size:.85em;margin:1em 0;page-break-inside:avoid}caption{text-align:left;font-weight:bold;margin-bottom:.3em}
th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}td.num,th.num{text-align:right}
ul.notes{font-size:.85em;color:#555}li.warning{color:#8a4b00}p.data{font-size:.85em;color:#555}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}}`

// renderHTML renders the blocks as one self-contained HTML page: styles
// and images inline, no external links to fetch.
func renderHTML(title string, blocks []block) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n",
		html.EscapeString(title), htmlStyle)
	for _, bl := range blocks {
		bl.html(&b)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
