package plots

import "unicode/utf8"

// Text from data and callers is shortened before it is drawn: every
// character costs rasterising (about 20 µs in a PNG), so a 300,000-character
// id made one chart take 6 s, and a label longer than a chart is wide
// cannot be read anyway.
const (
	maxLabelRunes = 60  // ids, category and curve labels, legend entries
	maxTextRunes  = 600 // titles, subtitles, notes and the source line
)

// clipLabel shortens a label to maxLabelRunes characters.
func clipLabel(s string) string { return clip(s, maxLabelRunes) }

// clip returns s if it has at most n characters, else its first n−1
// characters and an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for k < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	return s[:i] + "…"
}

// clipLabels applies clipLabel to every element of ss, in place, and
// returns ss.
func clipLabels(ss []string) []string {
	for i, s := range ss {
		ss[i] = clipLabel(s)
	}
	return ss
}
