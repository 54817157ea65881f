package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// GatherWarnings turns the warnings of many tables into a short list of
// plain sentences, as a briefing's "How sure are we" section prints them:
// every fact once (the same kind and message given for several groups
// becomes one sentence naming the groups, quoted), in the order first given, each
// sentence capitalised and ending with a full stop.
func GatherWarnings(lists ...[]Warning) []string {
	type fact struct {
		kind   WarningKind
		msg    string
		groups []string
		whole  bool // given for the whole analysis too
	}
	var facts []*fact
	index := map[[2]string]*fact{}
	for _, ws := range lists {
		for _, w := range ws {
			k := [2]string{string(w.Kind), w.Message}
			f, ok := index[k]
			if !ok {
				f = &fact{kind: w.Kind, msg: w.Message}
				index[k] = f
				facts = append(facts, f)
			}
			switch {
			case w.Group == "":
				f.whole = true
			case !containsString(f.groups, w.Group):
				f.groups = append(f.groups, w.Group)
			}
		}
	}
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		s := f.msg
		if len(f.groups) > 0 && !f.whole {
			quoted := make([]string, len(f.groups))
			for i, g := range f.groups {
				quoted[i] = "“" + g + "”"
			}
			s = JoinAnd(quoted) + ": " + s
		}
		out = append(out, sentence(s))
	}
	return out
}

// sentence capitalises s and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
