package briefing

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
)

// howSureHeading heads the section that gathers the caveats.
const howSureHeading = "How sure are we"

// shownCharts are the charts the briefing shows, in order; the others
// (ChartNames) are written to its folder only.
var shownCharts = []string{"incidence", "durations", "triggers", "survival-by", "forest"}

// otherCharts names the charts written to the folder but not shown.
func otherCharts() string {
	var out []string
	for _, c := range chartList {
		if !slices.Contains(shownCharts, c.name) {
			out = append(out, fmt.Sprintf("chart-%s.png (%s)", c.name, c.about))
		}
	}
	return strings.Join(out, ", ")
}

// withClass styles a figure block; any other block (a chart left out) is
// returned as it is.
func withClass(b block, class string) block {
	f, ok := b.(figure)
	if !ok {
		return b
	}
	f.class = class
	return f
}

// blocks writes the briefing from the numbers: a first page that answers
// the question, one section per question, what limits the answers, and an
// appendix with the methods, the full tables and every deal's sources.
func blocks(a *Analyses, charts []chart) []block {
	first, last := a.Deals()[0].Start.Y, a.Deals()[0].Start.Y
	for i := range a.Deals() {
		first, last = min(first, a.Deals()[i].Start.Y), max(last, a.Deals()[i].Start.Y)
	}
	title := fmt.Sprintf("Deals between the Pakistani state and the Pakistani Taliban, %d–%d: how fast they collapsed and what ended them", first, last)
	byChart := map[string]chart{}
	for _, c := range charts {
		byChart[c.name] = c
	}
	fig := func(name string) block {
		c, ok := byChart["chart-"+name]
		if !ok {
			return para{fmt.Sprintf("The chart %s was not drawn.", name)}
		}
		if c.missing != "" {
			return para{fmt.Sprintf("The chart %s is left out: %s.", name, c.missing)}
		}
		return figure{file: c.name + ".png", alt: "Chart: " + c.caption, caption: c.caption, svg: c.svg}
	}
	out := []block{
		heading{level: 1, text: title},
		metaPara(a),
		para{answer(a)},
		keyFigures{keyFigureList(a)},
		withClass(fig("incidence"), "lead"),

		heading{level: 2, text: "How long the deals lasted"},
		para{durationText(a)},
		withClass(fig("durations"), "tall"),
		standingTable(a),

		heading{level: 2, text: "What ended the deals"},
		para{triggerText(a)},
		fig("triggers"),
		triggerGrid(a),

		heading{level: 2, text: "Did the " + dataset.ColumnLabel(a.By) + " matter?"},
		para{byText(a)},
		fig("survival-by"),
		byGrid(a),

		heading{level: 2, text: "Did concessions buy longer deals?"},
		para{concessionText(a)},
		fig("forest"),
		concessionGrid(a, 6),

		heading{level: 2, text: howSureHeading},
		bullets{items: caveats(a), class: "caveats"},

		pageBreak{},
		heading{level: 2, text: "Appendix A. Methods", id: "methods"},
		bullets{items: methods(a), class: "methods"},
		heading{level: 2, text: "Appendix B. Full tables", id: "tables"},
		concessionGrid(a, 0),
		datesGrid(a),
		para{"Also in the briefing folder: " + otherCharts() + "."},
	}
	if entries := dealList(a); len(entries) > 0 {
		out = append(out,
			pageBreak{}, // the two-column list would leave its heading alone at the foot of a page
			heading{level: 2, text: "Appendix C. The deals and their sources", id: "sources"},
			para{"Every fact in the dataset is cited; the quotes are in dataset/citations.csv (the command truce show ID prints them)."},
			dealEntries{entries})
	}
	return out
}

func metaPara(a *Analyses) block {
	return para{fmt.Sprintf("truce dataset v%s, reporting reviewed up to %s (later deals, and later news of these, are not included); %d agreements and ceasefires analysed (talks that produced no deal are left out).", a.Version, humanDate(a.AsOf()), a.Overall.N)}
}

// endCounts counts the analysed deals by how they stood at the as-of
// date (analysis.Endings): broken down, expired, superseded, unknown end
// (censored at last_seen), and in force (every other deal, including
// those that ended only after the as-of date).
func endCounts(a *Analyses) map[dataset.EndType]int {
	n := map[dataset.EndType]int{}
	end := map[int]dataset.EndType{1: dataset.EndTypeBreakdown, 2: dataset.EndTypeExpired, 3: dataset.EndTypeSuperseded}
	ids, _, causes := analysis.Endings(a.Deals(), a.AsOf())
	byID := map[string]*dataset.Deal{}
	for i := range a.Deals() {
		byID[a.Deals()[i].ID] = &a.Deals()[i]
	}
	for i, id := range ids {
		if et, ok := end[causes[i]]; ok {
			n[et]++
			continue
		}
		d := byID[id]
		if dur, ok := d.Duration(a.AsOf()); ok && dur.Basis == "last_seen" {
			n[dataset.EndTypeUnknown]++
		} else {
			n[dataset.EndTypeOngoing]++
		}
	}
	return n
}

// answer is the first page's few sentences: how fast, and what ended them.
// The key figures under it give the ranges and the other endings, so it
// says each only once.
func answer(a *Analyses) string {
	c, n := a.Competing, endCounts(a)
	s := []string{fmt.Sprintf("Of the %d agreements and ceasefires, %d broke down.", a.Overall.N, n[dataset.EndTypeBreakdown])}
	h := half(c.Inc)
	if h.Reached {
		s = append(s, fmt.Sprintf("Half had broken down by day %s, and %s within a year.", estText(h), pct(brokenBy(c.Inc, headlineDay))))
	} else {
		s = append(s, fmt.Sprintf("Fewer than half broke down while observed; %s had broken down within a year.", pct(brokenBy(c.Inc, headlineDay))))
	}
	if tr := a.Triggers; tr != nil && len(tr.Rows) > 0 {
		top := tr.Rows[0]
		s = append(s, fmt.Sprintf("The commonest cause of a breakdown was %s (%d of the %d breakdowns).", triggerPhrase(top.Trigger), top.N, tr.Breakdowns))
	}
	if best, ok := smallestAdjusted(a.Tests); ok {
		if best.LogRankPHolm >= 0.05 {
			s = append(s, fmt.Sprintf("No concession or commitment is clearly linked to longer or shorter deals once the %d comparisons are adjusted for their number.", len(a.Tests)))
		} else {
			s = append(s, fmt.Sprintf("Deals with %s differ even after adjusting the %d comparisons for their number (Holm-adjusted p %s).",
				strings.ToLower(categoryLabel(best)), len(a.Tests), pText(best.LogRankPHolm)))
		}
	}
	if u := n[dataset.EndTypeUnknown]; u > 0 {
		s = append(s, fmt.Sprintf("What became of the %s with no reported end moves these figures most: see the ranges below.", analysis.Plural(u, "deal", "deals")))
	}
	return strings.Join(s, " ")
}

// topCount returns the most frequent key (ties: the first in byte order).
func topCount(m map[string]int) (string, int) {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	best, n := "", -1
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best, n
}

// endEventPhrase names an end event inside a sentence: "ended with ...".
func endEventPhrase(ev string) string {
	if p, ok := map[string]string{
		string(dataset.EndEventDeclaration):     "a declaration by one side",
		string(dataset.EndEventOperation):       "a military operation",
		string(dataset.EndEventResumedFighting): "renewed fighting",
		string(dataset.EndEventSignatoryKilled): "the killing of a signatory",
	}[ev]; ok {
		return p
	}
	return strings.ToLower(dataset.Label("end_event", ev))
}

// triggerPhrase names the cause of a breakdown inside a sentence: "was
// a military operation".
func triggerPhrase(tr string) string {
	if p, ok := map[string]string{
		string(dataset.TriggerMilitaryOperation): "a military operation",
		string(dataset.TriggerMilitantAttack):    "a militant attack",
		string(dataset.TriggerDroneStrike):       "a drone strike",
		string(dataset.TriggerOutsideEvent):      "an outside event",
	}[tr]; ok {
		return p
	}
	return strings.ToLower(dataset.Label("trigger", tr))
}

// categoryLabel names a concession or commitment for a reader.
func categoryLabel(r analysis.ConcessionRow) string {
	if r.Side == "militant commitment" {
		return "the militants' commitment to " + strings.ToLower(dataset.Label("militant_commitments", r.Category))
	}
	return dataset.Label("state_concessions", r.Category)
}

// shortCategoryLabel names a concession or commitment in a table or chart
// row: "Amnesty", "Cease attacks (commitment)".
func shortCategoryLabel(r analysis.ConcessionRow) string {
	if r.Side == "militant commitment" {
		return dataset.Label("militant_commitments", r.Category) + " (commitment)"
	}
	return dataset.Label("state_concessions", r.Category)
}

// keyFigureList is the first page's figures, each with its honest range.
func keyFigureList(a *Analyses) []keyFigure {
	c, o := a.Competing, a.Overall
	h := half(c.Inc)
	dLo, dHi := span(c.Dates[:], halfDays)
	uLo, uHi := span(c.unknownIncs(), halfDays)
	yr := c.Inc.At(headlineDay)
	k := c.Inc.Cause("breakdown")
	ydLo, ydHi := span(c.Dates[:], func(i *analysis.Incidence) float64 { return brokenBy(i, headlineDay) })
	yuLo, yuHi := span(c.unknownIncs(), func(i *analysis.Incidence) float64 { return brokenBy(i, headlineDay) })
	other := 0.0
	for j := range c.Inc.Causes {
		if j != k {
			other += yr.Inc[j]
		}
	}
	n := endCounts(a)
	halfValue := estText(h) + " days"
	if !h.Reached {
		halfValue = "Not reached"
	}
	figs := []keyFigure{
		{value: halfValue, label: "Time until half had broken down",
			detail: fmt.Sprintf("95%% CI %s. Uncertain dates: %s; unknown ends: %s. If no deal could expire (Kaplan–Meier): %s days.",
				ciText(h), daysRange(dLo, dHi), daysRange(uLo, uHi), estText(o.Median))},
		{value: pct(yr.Inc[k]), label: "Broken down within a year",
			detail: fmt.Sprintf("95%% CI %s to %s; %s had expired or been superseded, %s had not ended. Uncertain dates: %s; unknown ends: %s. If no deal could expire: %s.",
				pct(yr.Lower[k]), pct(yr.Upper[k]), pct(other), pct(yr.None), pctRange(ydLo, ydHi), pctRange(yuLo, yuHi), pct(1-o.KM.Surv(headlineDay)))},
		{value: fmt.Sprint(a.Overall.N), label: "Agreements and ceasefires",
			detail: fmt.Sprintf("%d broke down, %d expired, %d superseded, %s in force; %d have no reported end and count only until last reported in force.",
				n[dataset.EndTypeBreakdown], n[dataset.EndTypeExpired], n[dataset.EndTypeSuperseded], noneOr(n[dataset.EndTypeOngoing]), n[dataset.EndTypeUnknown])},
	}
	if tr := a.Triggers; tr != nil && len(tr.Rows) > 0 {
		top := tr.Rows[0]
		ev, evN := topCount(top.ByEvent)
		figs = append(figs, keyFigure{value: fmt.Sprintf("%d of %d", top.N, tr.Breakdowns), label: "Breakdowns caused by " + triggerPhrase(top.Trigger),
			detail: fmt.Sprintf("The commonest cause; %d of them ended with %s. The sources give no cause for %d of the breakdowns.", evN, endEventPhrase(ev), unknownCause(tr))})
	}
	if best, ok := smallestAdjusted(a.Tests); ok {
		survive := 0
		for _, t := range a.Tests {
			if t.LogRankPHolm < 0.05 {
				survive++
			}
		}
		figs = append(figs, keyFigure{value: fmt.Sprintf("%d of %d", survive, len(a.Tests)), label: "Concession comparisons that hold after adjustment",
			detail: fmt.Sprintf("Log-rank tests, Holm-adjusted for the %d comparisons: the smallest p, %s (%s), becomes %s.", len(a.Tests), pText(best.LogRankP), strings.ToLower(categoryLabel(best)), pText(best.LogRankPHolm))})
	}
	return figs
}

func unknownCause(tr *analysis.Triggers) int {
	for _, r := range tr.Rows {
		if r.Trigger == string(dataset.TriggerUnknown) {
			return r.N
		}
	}
	return 0
}

// durationText names the shortest and longest breakdowns (the chart's
// subtitle says how the deals ended).
func durationText(a *Analyses) string {
	var short, long *dataset.Deal
	var sd, ld int
	for i := range a.Deals() {
		dur, ok := a.Deals()[i].Duration(a.AsOf())
		if !ok || !dur.Event {
			continue
		}
		if short == nil || dur.Days < sd {
			short, sd = &a.Deals()[i], dur.Days
		}
		if long == nil || dur.Days > ld {
			long, ld = &a.Deals()[i], dur.Days
		}
	}
	if short == nil {
		return endingsSentence(a) + "."
	}
	return fmt.Sprintf("Of the deals that broke down, the shortest, %s, lasted %s and the longest, %s, %s days.", short.Name, analysis.Plural(sd, "day", "days"), long.Name, analysis.Thousands(ld))
}

// endingsSentence says how the deals analysed ended: "23 of the 35 deals
// broke down; 4 expired or were superseded, 8 have no reported end".
func endingsSentence(a *Analyses) string {
	n := endCounts(a)
	s := fmt.Sprintf("%d of the %d deals broke down", n[dataset.EndTypeBreakdown], a.Overall.N)
	var rest []string
	if k := n[dataset.EndTypeExpired] + n[dataset.EndTypeSuperseded]; k > 0 {
		rest = append(rest, fmt.Sprintf("%d expired or %s superseded", k, map[bool]string{true: "was", false: "were"}[k == 1]))
	}
	if k := n[dataset.EndTypeOngoing]; k > 0 {
		rest = append(rest, fmt.Sprintf("%d %s still in force", k, map[bool]string{true: "is", false: "are"}[k == 1]))
	}
	if k := n[dataset.EndTypeUnknown]; k > 0 {
		rest = append(rest, fmt.Sprintf("%d %s no reported end", k, map[bool]string{true: "has", false: "have"}[k == 1]))
	}
	if len(rest) > 0 {
		s += "; " + strings.Join(rest, ", ")
	}
	return s
}

// standingTable says where the deals stood at a few horizons, under the
// competing-risk estimate and the Kaplan–Meier reading.
func standingTable(a *Analyses) block {
	c := a.Competing
	k := c.Inc.Cause("breakdown")
	g := grid{title: fmt.Sprintf("Where the %d deals stood after…", c.Inc.N),
		columns: []string{"after", "broken down", "expired or superseded", "not yet ended", "in force if no deal could expire (Kaplan–Meier)"},
		numeric: []bool{false, true, true, true, true},
		notes:   []string{"Shares of all deals analysed (Aalen–Johansen estimates; each row adds up to 100%). The last column is the Kaplan–Meier share still in force."},
		csvFile: "table-incidence.csv"}
	for _, h := range []struct {
		name string
		t    float64
	}{{"3 months", 91}, {"6 months", 182}, {"1 year", 365}, {"2 years", 730}} {
		r := c.Inc.At(h.t)
		g.rows = append(g.rows, []cell{{text: h.name, nowrap: true}, {text: pct(r.Inc[k])}, {text: pct(1 - r.None - r.Inc[k])}, {text: pct(r.None)}, {text: pct(a.Overall.KM.Surv(h.t))}})
	}
	return g
}

func triggerText(a *Analyses) string {
	tr := a.Triggers
	return fmt.Sprintf("For each of the %d breakdowns the dataset keeps the cause apart from what happened at the end: an operation can end a deal that a militant attack set off.", tr.Breakdowns)
}

func triggerGrid(a *Analyses) block {
	tr := a.Triggers
	g := grid{title: fmt.Sprintf("Causes of the %d breakdowns, with what happened at the end", tr.Breakdowns),
		columns: []string{"cause", "breakdowns", "share", "what happened at the end", "broken by", "median days", "deals"},
		numeric: []bool{false, true, true, false, false, true, false},
		notes:   []string{fmt.Sprintf("Counts are of the %d deals that broke down; the %d that did not are left out.", tr.Breakdowns, tr.NotBroken)},
		csvFile: "table-triggers.csv"}
	for _, r := range tr.Rows {
		g.rows = append(g.rows, []cell{{text: dataset.Label("trigger", r.Trigger)}, {text: fmt.Sprint(r.N)}, {text: pct(r.Share)},
			{text: labelCounts("end_event", r.ByEvent, tr.EndEvents)}, {text: labelCounts("broken_by", r.ByWho, tr.BrokenBy)}, {text: estText(r.Median)}, {deals: r.Examples}})
	}
	return g
}

// labelCounts is "Operation 3, declaration 1" in the given order.
func labelCounts(column string, counts map[string]int, order []string) string {
	var parts []string
	for _, v := range order {
		if n := counts[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(dataset.Label(column, v)), n))
		}
	}
	return capital(strings.Join(parts, ", "))
}

func byText(a *Analyses) string {
	if a.ByTest == nil {
		return "The groups are too small to compare."
	}
	verdict := "the curves do not differ clearly"
	if a.ByTest.P < 0.05 {
		verdict = "the curves differ"
	}
	return fmt.Sprintf("Deals grouped by %s: %s (log-rank test across the %d groups, p %s). Small groups make every curve rough.",
		dataset.ColumnLabel(a.By), verdict, len(a.ByGroups), pText(a.ByTest.P))
}

func byGrid(a *Analyses) block {
	g := grid{title: "Deals by " + dataset.ColumnLabel(a.By),
		columns: []string{capital(dataset.ColumnLabel(a.By)), "deals", "breakdowns", "median days (95% CI)", "in force after a year"},
		numeric: []bool{false, true, true, true, true},
		notes:   []string{"Kaplan–Meier estimates within each group; deals that expired or were superseded count as censored."}}
	from := false // a median with only its lower limit reached
	for _, gr := range a.ByGroups {
		med := estText(gr.Median)
		switch q := gr.Median; {
		case q.Reached && q.LowerReached && q.UpperReached:
			med += fmt.Sprintf(" (%.0f to %.0f)", q.Lower, q.Upper)
		case q.Reached && q.LowerReached:
			med += fmt.Sprintf(" (from %.0f)", q.Lower)
			from = true
		}
		g.rows = append(g.rows, []cell{{text: dataset.Label(a.By, gr.Group)}, {text: fmt.Sprint(gr.N)}, {text: fmt.Sprint(gr.Breakdowns)},
			{text: med}, {text: pct(gr.KM.Surv(headlineDay))}})
	}
	if from {
		g.notes = append(g.notes, "“From N”: the lower 95% limit of the median is N days; its upper limit is not reached.")
	}
	return g
}

func concessionText(a *Analyses) string {
	best, ok := smallestAdjusted(a.Tests)
	if !ok {
		return "Too few deals to compare concessions."
	}
	verdict := "none holds after adjustment"
	if best.LogRankPHolm < 0.05 {
		verdict = "some hold after adjustment"
	}
	return fmt.Sprintf("Each state concession and militant commitment is compared between the deals that included it and those that did not: %d comparisons, so some small p-values are expected by chance alone, and %s (smallest Holm-adjusted p %s, Benjamini–Hochberg %s). A concession no source reports counts as absent.",
		len(a.Tests), verdict, pText(best.LogRankPHolm), pText(best.LogRankPBH))
}

// concessionGrid is the comparisons, smallest p first; limit > 0 keeps
// that many rows.
func concessionGrid(a *Analyses, limit int) block {
	tests := slices.Clone(a.Tests)
	slices.SortStableFunc(tests, func(x, y analysis.ConcessionRow) int { return cmp.Compare(x.LogRankP, y.LogRankP) })
	title := fmt.Sprintf("All %d concession and commitment comparisons", len(tests))
	if limit > 0 && len(tests) > limit {
		tests = tests[:limit]
		title = fmt.Sprintf("The %d comparisons with the smallest p-values, of %d", limit, len(a.Tests))
	}
	g := grid{title: title,
		columns: []string{"concession or commitment", "deals with it (broke down)", "median days with / without", "hazard ratio (95% CI)", "Firth p", "log-rank p", "Holm-adjusted p"},
		numeric: []bool{false, true, true, true, true, true, true},
		notes:   []string{"Hazard ratio above 1: the deals with it broke down faster (one-covariate Cox model). Firth p: penalised likelihood-ratio test, valid when one side has no breakdown. Adjusted p: Holm, over all the comparisons."},
		csvFile: "table-concessions.csv"}
	if limit == 0 {
		g.class = "wide"
		g.columns = append(g.columns, "Benjamini–Hochberg p", "hazard ratio, start year held fixed")
		g.numeric = append(g.numeric, true, true)
	}
	for _, r := range tests {
		hr, lo, hi := r.HR()
		_, _, _, firthP := r.FirthHR()
		row := []cell{{text: shortCategoryLabel(r)}, {text: fmt.Sprintf("%d (%d)", r.NWith, r.EvWith)},
			{text: estText(r.MedianWith) + " / " + estText(r.MedianWithout), nowrap: true}, {text: hrText(hr, lo, hi), nowrap: true},
			{text: pText(firthP)}, {text: pText(r.LogRankP)}, {text: pText(r.LogRankPHolm)}}
		if limit == 0 {
			ahr, alo, ahi, _ := r.AdjustedHR()
			row = append(row, cell{text: pText(r.LogRankPBH)}, cell{text: hrText(ahr, alo, ahi), nowrap: true})
		}
		g.rows = append(g.rows, row)
	}
	return g
}

// datesGrid is how far the Kaplan–Meier median moves under the readings of
// the uncertain dates that change it.
func datesGrid(a *Analyses) block {
	g := grid{title: "How far the uncertain dates move the Kaplan–Meier median",
		columns: []string{"deal", "reading of the dates", "median days", "change", "breakdowns"},
		numeric: []bool{false, false, true, true, true},
		notes:   []string{"Only the readings that change the median or the number of breakdowns are listed."},
		csvFile: "table-sensitivity.csv"}
	sv := a.Sensitivity
	if sv == nil || len(sv.Scenarios) == 0 {
		return g
	}
	coded := sv.Scenarios[0]
	for i, sc := range sv.Scenarios {
		if i > 0 && sc.Median.Reached == coded.Median.Reached && estText(sc.Median) == estText(coded.Median) && sc.Breakdowns == coded.Breakdowns {
			continue
		}
		change := "0"
		if sc.Median.Reached && coded.Median.Reached {
			change = fmt.Sprintf("%+.0f", sc.Median.Estimate-coded.Median.Estimate)
		}
		g.rows = append(g.rows, append(readingCells(a, sc.Name), cell{text: estText(sc.Median)}, cell{text: change}, cell{text: fmt.Sprint(sc.Breakdowns)}))
	}
	return g
}

// dealList is one appendix entry per deal analysed, with its sources.
func dealList(a *Analyses) []dealEntry {
	if a.Data == nil || len(a.Data.Sources) == 0 {
		return nil
	}
	var out []dealEntry
	for i := range a.Deals() {
		d := &a.Deals()[i]
		facts := "Began " + humanDate(d.Start)
		switch {
		case !d.End.IsZero():
			facts += "; " + strings.ToLower(dataset.Label("end_type", string(d.EndType))) + " " + humanDate(d.End)
		case d.EndType == dataset.EndTypeUnknown && !d.LastSeen.IsZero():
			facts += "; end unknown, last reported in force " + humanDate(d.LastSeen)
		default:
			facts += "; " + strings.ToLower(dataset.Label("end_type", string(d.EndType)))
		}
		if dur, ok := d.Duration(a.AsOf()); ok {
			facts += fmt.Sprintf(" (%s)", analysis.Plural(dur.Days, "day", "days"))
		}
		if d.EndType == dataset.EndTypeBreakdown {
			facts += ". Cause: " + strings.ToLower(dataset.Label("trigger", string(d.Trigger))) + "; end: " + strings.ToLower(dataset.Label("end_event", string(d.EndEvent)))
		}
		e := dealEntry{id: d.ID, name: d.Name, facts: facts + "."}
		for _, id := range d.Sources {
			s, ok := a.Data.Source(id)
			if !ok {
				continue
			}
			text := sourceText(*s)
			e.sources = append(e.sources, sourceRef{text: text, url: s.URL})
		}
		out = append(out, e)
	}
	return out
}

// sourceText is a source as the appendix cites it: publisher, date and
// title (the link carries the address), or the project's source document.
func sourceText(s dataset.Source) string {
	var parts []string
	for _, x := range []string{s.Publisher, humanDate(s.Date)} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	if len(parts) == 0 && s.Author != "" {
		parts = append(parts, s.Author)
	}
	t := strings.Join(parts, ", ")
	if s.Title != "" {
		t += ", “" + s.Title + "”"
	}
	if s.URL == "" && s.Document != "" {
		t += " (source document " + s.Document + ")"
	}
	return strings.TrimPrefix(t, ", ")
}

// alternativeReading reads the name analysis.AnalyzeSensitivity gives a
// scenario with one alternative date: "ID start|end DATE (SOURCE)".
var alternativeReading = regexp.MustCompile(`^(\S+) (start|end) (\S+) \((.+)\)$`)

// readingCells are the deal (linked to its appendix entry) and the reading
// of the dates of one sensitivity scenario, in words.
func readingCells(a *Analyses, name string) []cell {
	switch name {
	case "coded":
		return []cell{{text: "all"}, {text: "as coded (middle of each month- or year-only date)"}}
	case "all at lower bounds":
		return []cell{{text: "all"}, {text: "every duration at the shortest its dates allow"}}
	case "all at upper bounds":
		return []cell{{text: "all"}, {text: "every duration at the longest its dates allow"}}
	}
	m := alternativeReading.FindStringSubmatch(name)
	if m == nil {
		return []cell{{}, {text: name}}
	}
	date := "on " + m[3]
	if d, err := dataset.ParseDate(m[3]); err == nil {
		date = humanDate(d)
		if d.Prec == dataset.Day {
			date = "on " + date
		} else {
			date = "in " + date
		}
	}
	src := m[4]
	if a.Data != nil {
		if s, ok := a.Data.Source(src); ok {
			src = cmp.Or(s.Publisher, s.Author)
			if src == "" && s.Title != "" {
				src = "the source “" + strings.Trim(s.Title, "[]") + "”"
			}
		}
	}
	text := fmt.Sprintf("%s %s", map[string]string{"start": "began", "end": "ended"}[m[2]], date)
	if src != "" {
		text += ", as " + src + " reports"
	}
	return []cell{{deals: []string{m[1]}}, {text: text}}
}

// tableGrid shows an analysis table for reading: column names in words
// (dataset.ColumnLabel), its notes and warnings as one plain paragraph.
func tableGrid(t *analysis.Table, csvFile string) grid {
	g := grid{title: t.Title, numeric: t.Numeric, csvFile: csvFile, notes: t.Notes}
	for _, c := range t.Columns {
		g.columns = append(g.columns, dataset.ColumnLabel(c))
	}
	if len(g.columns) > 6 {
		g.class = "wide"
	}
	for _, r := range t.Rows {
		var row []cell
		for _, v := range r {
			row = append(row, cell{text: v})
		}
		g.rows = append(g.rows, row)
	}
	for _, w := range analysis.UniqueWarnings(classify(t.Warnings)) {
		g.notes = append(g.notes, "Caution: "+w.String()+".")
	}
	return g
}

func classify(ws []string) []analysis.Warning {
	var out []analysis.Warning
	for _, w := range ws {
		out = append(out, analysis.ClassifyWarning("", w))
	}
	return out
}
