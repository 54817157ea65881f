package briefing

import (
	"encoding/base64"
	"fmt"
	"html"
	"strings"
)

var esc = html.EscapeString

func (h heading) html(b *strings.Builder) {
	id := ""
	if h.id != "" {
		id = ` id="` + esc(h.id) + `"`
	}
	fmt.Fprintf(b, "<h%d%s>%s</h%d>\n", h.level, id, esc(h.text), h.level)
}

func (p para) html(b *strings.Builder) { fmt.Fprintf(b, "<p>%s</p>\n", esc(p.text)) }

func (l bullets) html(b *strings.Builder) {
	if l.class != "" {
		fmt.Fprintf(b, "<ul class=\"%s\">\n", l.class)
	} else {
		b.WriteString("<ul>\n")
	}
	for _, it := range l.items {
		fmt.Fprintf(b, "<li>%s</li>\n", esc(it))
	}
	b.WriteString("</ul>\n")
}

func (k keyFigures) html(b *strings.Builder) {
	b.WriteString("<div class=\"keys\">\n")
	for _, it := range k.items {
		fmt.Fprintf(b, "<div class=\"key\"><div class=\"value\">%s</div><div class=\"label\">%s</div><div class=\"detail\">%s</div></div>\n",
			esc(it.value), esc(it.label), esc(it.detail))
	}
	b.WriteString("</div>\n")
}

func (f figure) html(b *strings.Builder) {
	class := ""
	if f.class != "" {
		class = ` class="` + f.class + `"`
	}
	fmt.Fprintf(b, "<figure%s><img src=\"data:image/svg+xml;base64,%s\" alt=\"%s\"><figcaption>%s</figcaption></figure>\n",
		class, base64.StdEncoding.EncodeToString(f.svg), esc(f.alt), esc(f.caption))
}

func (c cell) htmlText() string {
	var b strings.Builder
	if c.href != "" {
		b.WriteString(`<a href="` + esc(c.href) + `">` + esc(c.text) + `</a>`)
	} else {
		b.WriteString(esc(c.text))
	}
	for i, id := range c.deals {
		if i > 0 || b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<a href="#` + esc(dealAnchor(id)) + `">` + esc(id) + `</a>`)
	}
	return b.String()
}

func (g grid) html(b *strings.Builder) {
	class := ""
	if g.class != "" {
		class = ` class="` + g.class + `"`
	}
	fmt.Fprintf(b, "<div class=\"table\"><table%s>\n<caption>%s</caption>\n<thead><tr>", class, esc(g.title))
	for i, c := range g.columns {
		fmt.Fprintf(b, "<th%s>%s</th>", g.cellClass(i, cell{}), esc(c))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range g.rows {
		b.WriteString("<tr>")
		for i, c := range r {
			fmt.Fprintf(b, "<td%s>%s</td>", g.cellClass(i, c), c.htmlText())
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table></div>\n")
	if len(g.notes) > 0 || g.csvFile != "" {
		b.WriteString("<p class=\"notes\">")
		for i, n := range g.notes {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(esc(n))
		}
		if g.csvFile != "" {
			fmt.Fprintf(b, " Full table: %s in the briefing folder.", esc(g.csvFile))
		}
		b.WriteString("</p>\n")
	}
}

func (g grid) cellClass(i int, c cell) string {
	var cls []string
	if i < len(g.numeric) && g.numeric[i] {
		cls = append(cls, "num")
	}
	if c.nowrap {
		cls = append(cls, "nw")
	}
	if len(cls) == 0 {
		return ""
	}
	return ` class="` + strings.Join(cls, " ") + `"`
}

func (d dealEntries) html(b *strings.Builder) {
	b.WriteString("<div class=\"deals\">\n")
	for _, e := range d.entries {
		fmt.Fprintf(b, "<p class=\"deal\" id=\"%s\"><b>%s</b> (%s). %s Sources: ", esc(dealAnchor(e.id)), esc(e.name), esc(e.id), esc(e.facts))
		sourcesHTML(b, e.sources)
		b.WriteString(".</p>\n")
	}
	b.WriteString("</div>\n")
}

// sourcesHTML writes the sources separated by semicolons, each a link
// where it has an address.
func sourcesHTML(b *strings.Builder, refs []sourceRef) {
	for i, s := range refs {
		if i > 0 {
			b.WriteString("; ")
		}
		if s.url != "" {
			fmt.Fprintf(b, "<a href=\"%s\">%s</a>", esc(s.url), esc(s.text))
		} else {
			b.WriteString(esc(s.text))
		}
	}
}

func (r references) html(b *strings.Builder) {
	fmt.Fprintf(b, "<p class=\"refs\">%s ", esc(r.lead))
	sourcesHTML(b, r.refs)
	b.WriteString(".</p>\n")
}

func (pageBreak) html(b *strings.Builder) { b.WriteString("<div class=\"break\"></div>\n") }

// htmlStyle fits the page at any width from 800 px up (tables wrap, dates
// do not) and prints on A4 and Letter: margins that fit both, charts kept
// with their captions, table headers repeated on each page.
const htmlStyle = `*{box-sizing:border-box}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;max-width:50em;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.4;font-size:15px}
h1{font-size:1.5em;line-height:1.2;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}h3{font-size:1em;margin:1em 0 .3em}
p.meta{color:#555;margin:.2em 0 .8em}
a{color:#0a5a9c;overflow-wrap:anywhere}
figure{margin:.8em 0;break-inside:avoid;page-break-inside:avoid}img{display:block;max-width:100%;height:auto;margin:0 auto}
figcaption{font-size:.85em;color:#555;margin-top:.2em}
.keys{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:.5em;margin:.8em 0}
.key{border:1px solid #ddd;border-left:4px solid #0072b2;padding:.35em .6em;break-inside:avoid}
.key .value{font-size:1.3em;font-weight:bold}.key .label{font-weight:bold;font-size:.9em}.key .detail{font-size:.8em;color:#444}
.table{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;font-size:.85em;margin:.6em 0;width:100%}
table.wide{font-size:.75em}
caption{text-align:left;font-weight:bold;margin-bottom:.3em}
th,td{border-bottom:1px solid #ddd;padding:.2em .4em;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{border-bottom:2px solid #999}
td.num,th.num{text-align:right}.nw{white-space:nowrap}
thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
p.notes,p.refs{font-size:.8em;color:#555;margin-top:.2em}
ul.caveats li{margin-bottom:.3em}
ul.methods,.deals{font-size:.8em}
.deals p{margin:.4em 0}
@page{margin:14mm 15mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}
h2,h2+p:has(+figure){break-after:avoid;page-break-after:avoid}caption{break-after:avoid}
.break{break-before:page;page-break-before:always}
a{color:#222;text-decoration:none}
.deals{columns:2;column-gap:1.5em;font-size:7pt;line-height:1.3}
h1{font-size:16pt}.keys{grid-template-columns:repeat(auto-fit,minmax(30mm,1fr));gap:2mm;margin:2mm 0}.key{padding:1mm 2mm}
.key .value{font-size:12pt}.key .label{font-size:8.5pt;line-height:1.25}.key .detail{font-size:7.5pt;line-height:1.3}
.table{overflow:visible}figure{margin:2mm 0}img{width:100%;max-height:none}figure.tall img{width:auto;max-height:165mm}}`

// renderHTML renders the blocks as one self-contained HTML page: styles
// and images inline, nothing to fetch; links point at the sources.
func renderHTML(title string, blocks []block) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n",
		esc(title), htmlStyle)
	for _, bl := range blocks {
		bl.html(&b)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
