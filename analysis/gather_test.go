package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestGatherWarnings(t *testing.T) {
	few := func(group string) Warning {
		return Warning{Kind: WarnSmallGroup, Group: group, Message: "too few deals to test"}
	}
	tests := []struct {
		name  string
		lists [][]Warning
		want  []string
	}{
		{"nothing", nil, []string{}},
		{"one fact for three groups, given twice",
			[][]Warning{{few("sharia"), few("disarm")}, {few("sharia"), few("cash-payment")}},
			[]string{"“sharia”, “disarm” and “cash-payment”: too few deals to test."}},
		{"the whole analysis once",
			[][]Warning{{{Kind: WarnLowPower, Message: "only " + Plural(1, "deal", "deals") + ": little power"}}, {{Kind: WarnLowPower, Message: "only 1 deal: little power"}}},
			[]string{"Only 1 deal: little power."}},
		{"different facts stay apart, in order",
			[][]Warning{{{Kind: WarnFewEvents, Group: "a", Message: "only " + Plural(1, "event", "events")}, {Kind: WarnFewEvents, Group: "b", Message: "only " + Plural(2, "event", "events")}}},
			[]string{"“a”: only 1 event.", "“b”: only 2 events."}},
		{"a fact for the whole analysis absorbs its groups",
			[][]Warning{{few("x"), {Kind: WarnSmallGroup, Message: "too few deals to test"}}},
			[]string{"Too few deals to test."}},
	}
	chi := func(group string, e float64) Warning {
		return ClassifyWarning(group, fmt.Sprintf(`group "with" (%.2f) has fewer than 5 expected events: the chi-square approximation is doubtful`, e))
	}
	tests = append(tests, struct {
		name  string
		lists [][]Warning
		want  []string
	}{"chi-square warnings differ only by their figure",
		[][]Warning{{chi("sharia", 0.72), chi("disarm", 1.76)}},
		[]string{`“sharia” and “disarm”: group "with" has fewer than 5 expected events: the chi-square approximation is doubtful.`}})
	for _, tc := range tests {
		got := GatherWarnings(tc.lists...)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q; want %q", tc.name, got, tc.want)
		}
		for _, s := range got {
			if strings.Contains(s, " 1 events") || strings.Contains(s, " 1 deals") {
				t.Errorf("%s: bad plural in %q", tc.name, s)
			}
		}
	}
}
