package analysis

import (
	"slices"
	"testing"
)

// TestClassifyWarningOfRealResults runs the estimators on data that make
// them warn and checks that each of their sentences gets its kind, so the
// patterns keep up with the messages.
func TestClassifyWarningOfRealResults(t *testing.T) {
	km, err := KaplanMeier([]float64{1, 2, 3}, []bool{true, false, false})
	if err != nil {
		t.Fatal(err)
	}
	allCens, _ := KaplanMeier([]float64{1, 2}, []bool{false, false})
	lr, err := LogRank([]float64{1, 2, 3, 4, 5}, []bool{true, true, false, true, false}, []string{"a", "a", "a", "a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	sep := coxReadInput(t, "sep")
	cox, err := CoxPH(sep.times, sep.events, sep.x, sep.names, Efron)
	if err != nil {
		t.Fatal(err)
	}
	noconv := coxReadInput(t, "noconv")
	nc, err := CoxPH(noconv.times, noconv.events, noconv.x, noconv.names, Efron)
	if err != nil {
		t.Fatal(err)
	}
	exact, err := PermutationSum([]float64{1, 2, 3, 4}, []bool{true, false, false, false}, PermOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mc, err := PermutationSum(make([]float64, 40), append([]bool{true, true, true, true, true, true, true, true, true, true}, make([]bool, 30)...), PermOptions{ExactLimit: -1, Rounds: 100})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		source   string
		warnings []string
		want     []WarningKind
	}{
		{"KaplanMeier, 1 event in 3", km.Warnings, []WarningKind{WarnFewEvents, WarnFewObservations}},
		{"KaplanMeier, all censored", allCens.Warnings, []WarningKind{WarnAllCensored, WarnFewObservations}},
		{"LogRank, one-deal group", lr.Warnings, []WarningKind{WarnSmallGroup, WarnNoEventsInGroup, WarnChiSquare}},
		{"CoxPH, separated", cox.Warnings, []WarningKind{WarnFewPerCovariate, WarnMonotoneLikelihood}},
		{"CoxPH, no convergence", nc.Warnings, []WarningKind{WarnFewPerCovariate, WarnNoConvergence}},
		{"PermutationSum, 4 arrangements", exact.Warnings, []WarningKind{WarnFewArrangements}},
		{"PermutationSum, Monte Carlo", mc.Warnings, []WarningKind{WarnMonteCarlo}},
	}
	for _, tc := range tests {
		var got []WarningKind
		for _, s := range tc.warnings {
			got = append(got, ClassifyWarning("", s).Kind)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: kinds %v; want %v\nwarnings: %q", tc.source, got, tc.want, tc.warnings)
		}
	}
}

func TestClassifyWarningSplitsGroup(t *testing.T) {
	tests := []struct {
		group, sentence string
		want            Warning
		str             string
	}{
		{"disarm", "disarm (Cox): loglik converged before covariate x; coefficient may be infinite",
			Warning{Kind: WarnMonotoneLikelihood, Group: "disarm", Message: "Cox model: loglik converged before covariate x; coefficient may be infinite"},
			"disarm: Cox model: loglik converged before covariate x; coefficient may be infinite"},
		{"sharia", "sharia: 1 deals with it and 34 without: too few to test",
			Warning{Kind: WarnSmallGroup, Group: "sharia", Message: "1 deals with it and 34 without: too few to test"},
			"sharia: 1 deals with it and 34 without: too few to test"},
		{"", "something new", Warning{Kind: WarnOther, Message: "something new"}, "something new"},
	}
	for _, tc := range tests {
		got := ClassifyWarning(tc.group, tc.sentence)
		if got.Kind != tc.want.Kind || got.Group != tc.want.Group || got.Message != tc.want.Message {
			t.Errorf("ClassifyWarning(%q, %q) = %+v; want %+v", tc.group, tc.sentence, got, tc.want)
		}
		if got.String() != tc.str {
			t.Errorf("String() = %q; want %q", got.String(), tc.str)
		}
	}
}

func TestUniqueWarnings(t *testing.T) {
	a := Warning{Kind: WarnChiSquare, Group: "x", Message: "m"}
	b := Warning{Kind: WarnChiSquare, Group: "y", Message: "m"}
	got := UniqueWarnings([]Warning{a, b, a, b, a})
	if len(got) != 2 || got[0].Group != "x" || got[1].Group != "y" {
		t.Errorf("UniqueWarnings = %+v; want x then y", got)
	}
	if s := WarningStrings(got); !slices.Equal(s, []string{"x: m", "y: m"}) {
		t.Errorf("WarningStrings = %q", s)
	}
}
