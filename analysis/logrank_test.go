package analysis

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestLogRankMatchesR compares LogRank with survdiff(Surv(time, status) ~
// group) on every data set of testdata/r/km_logrank_reference.R
// (logrank.csv, logrank_groups.csv; R 4.2.2, survival 3.5.3).
func TestLogRankMatchesR(t *testing.T) {
	var dev kmDeviation
	groupRows := make(map[string][]map[string]string)
	for _, r := range readRCSV(t, "logrank_groups.csv") {
		groupRows[r["name"]] = append(groupRows[r["name"]], r)
	}
	seen := 0
	for _, want := range readRCSV(t, "logrank.csv") {
		name := want["name"]
		seen++
		t.Run(name, func(t *testing.T) {
			in := kmReadInput(t, name)
			res, err := LogRank(in.times, in.events, in.groups)
			if want["error"] != "" {
				// R: "There is only 1 group".
				if !errors.Is(err, ErrSingleGroup) {
					t.Fatalf("err = %v, want ErrSingleGroup (R: %s)", err, want["error"])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			dev.check(t, name+" chisq", res.Chisq, rNumber(t, want["chisq"]))
			dev.check(t, name+" p", res.P, rNumber(t, want["p"]))
			if res.DF != kmInt(t, want["df"]) {
				t.Errorf("DF = %d, R gives %s", res.DF, want["df"])
			}
			rows := groupRows[name]
			if len(res.Groups) != len(rows) {
				t.Fatalf("%d groups, R has %d", len(res.Groups), len(rows))
			}
			for i, r := range rows {
				g := res.Groups[i]
				if g.Group != r["group"] || g.N != kmInt(t, r["n"]) {
					t.Errorf("group %d = %q n %d, R has %q n %s", i, g.Group, g.N, r["group"], r["n"])
				}
				at := name + "/" + r["group"]
				dev.check(t, at+" observed", g.Observed, rNumber(t, r["observed"]))
				dev.check(t, at+" expected", g.Expected, rNumber(t, r["expected"]))
				dev.check(t, at+" variance", g.Variance, rNumber(t, r["variance"]))
			}
		})
	}
	if seen != len(kmRefSets) {
		t.Errorf("logrank.csv has %d data sets, want %d", seen, len(kmRefSets))
	}
	t.Logf("largest deviation from R: %.3g (%s)", dev.max, dev.what)
}

// TestLogRankAMLPublished checks the survdiff values on aml recorded in
// R survdiff on this data: observed 7 / 11, expected 10.69 / 7.31,
// chisq 3.396 on 1 df, p 0.065.
func TestLogRankAMLPublished(t *testing.T) {
	in := kmReadInput(t, "aml")
	res, err := LogRank(in.times, in.events, in.groups)
	if err != nil {
		t.Fatal(err)
	}
	m, n := res.Groups[0], res.Groups[1]
	if m.Group != "Maintained" || m.Observed != 7 || n.Observed != 11 ||
		math.Abs(m.Expected-10.69) > 0.005 || math.Abs(n.Expected-7.31) > 0.005 {
		t.Errorf("groups = %+v", res.Groups)
	}
	if res.DF != 1 || math.Abs(res.Chisq-3.396) > 5e-4 || math.Abs(res.P-0.065) > 5e-4 {
		t.Errorf("chisq %.4f on %d df, p %.4f; R: 3.396 on 1, 0.065", res.Chisq, res.DF, res.P)
	}
}

func TestLogRankErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		times  []float64
		events []bool
		groups []string
		want   string
	}{
		{"empty", nil, nil, nil, "no observations"},
		{"groups mismatch", []float64{1, 2}, []bool{true, true}, []string{"a"}, "2 times but 1 group labels"},
		{"events mismatch", []float64{1, 2}, []bool{true}, []string{"a", "b"}, "2 times but 1 event flags"},
		{"NaN", []float64{1, math.NaN()}, []bool{true, true}, []string{"a", "b"}, "time 1 is NaN"},
		{"negative", []float64{-2, 1}, []bool{true, true}, []string{"a", "b"}, "time 0 is -2"},
		{"single group", []float64{1, 2, 3}, []bool{true, false, true}, []string{"a", "a", "a"}, "at least two groups"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := LogRank(c.times, c.events, c.groups)
			if err == nil || !strings.HasPrefix(err.Error(), "analysis: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestLogRankEdgeCases(t *testing.T) {
	for _, c := range []struct {
		name     string
		times    []float64
		events   []bool
		groups   []string
		chisq    float64
		df       int
		p        float64 // NaN: want NaN
		warnings []string
	}{
		{
			// R: survdiff gives chisq 0 "on -1 degrees of freedom", p NaN.
			name:     "no events",
			times:    []float64{1, 2, 3, 4},
			events:   []bool{false, false, false, false},
			groups:   []string{"a", "a", "b", "b"},
			chisq:    0,
			df:       0,
			p:        math.NaN(),
			warnings: []string{"no events: the log-rank test is undefined", `groups "a", "b" have no events`, "fewer than 5 expected"},
		},
		{
			// Group a leaves before the first event, so E_a = 0. R: chisq
			// 0 on 0 degrees of freedom, p 1.
			name:     "one group at risk",
			times:    []float64{1, 2, 3, 4},
			events:   []bool{false, false, true, true},
			groups:   []string{"a", "a", "b", "b"},
			chisq:    0,
			df:       0,
			p:        1,
			warnings: []string{"no degrees of freedom", `group "a" has no events`, "fewer than 5 expected"},
		},
		{
			// R (survdiff on the same data): chisq 0.5 on 1 df,
			// p 0.4795001.
			name:     "two by two",
			times:    []float64{1, 2, 3, 4},
			events:   []bool{false, true, false, true},
			groups:   []string{"a", "b", "a", "b"},
			chisq:    0.5,
			df:       1,
			p:        0.4795001,
			warnings: []string{`group "a" has no events`, "fewer than 5 expected"},
		},
		{
			// Every subject fails at t = 1: each term has n = d, so V = 0
			// and its generalized inverse has rank 0 (R's solve() stops:
			// the system is exactly singular).
			name:     "singular variance",
			times:    []float64{1, 1, 1, 1},
			events:   []bool{true, true, true, true},
			groups:   []string{"a", "a", "b", "c"},
			chisq:    0,
			df:       0,
			p:        1,
			warnings: []string{"singular", "fewer than 5 expected", `groups "b", "c" have only one deal`},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := LogRank(c.times, c.events, c.groups)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(res.Chisq-c.chisq) > 1e-6 {
				t.Errorf("Chisq = %v, want %v", res.Chisq, c.chisq)
			}
			if res.DF != c.df {
				t.Errorf("DF = %d, want %d", res.DF, c.df)
			}
			if math.IsNaN(c.p) != math.IsNaN(res.P) || !math.IsNaN(c.p) && math.Abs(res.P-c.p) > 1e-6 {
				t.Errorf("P = %v, want %v", res.P, c.p)
			}
			all := strings.Join(res.Warnings, "\n")
			for _, w := range c.warnings {
				if !strings.Contains(all, w) {
					t.Errorf("Warnings = %q, want one containing %q", res.Warnings, w)
				}
			}
		})
	}
}

// TestLogRankGroupOrder checks that the result does not depend on the
// order of the observations and that groups come out sorted by label.
func TestLogRankGroupOrder(t *testing.T) {
	in := kmReadInput(t, "four_groups")
	a, err := LogRank(in.times, in.events, in.groups)
	if err != nil {
		t.Fatal(err)
	}
	n := len(in.times)
	rt, re, rg := make([]float64, n), make([]bool, n), make([]string, n)
	for i := range n {
		rt[i], re[i], rg[i] = in.times[n-1-i], in.events[n-1-i], in.groups[n-1-i]
	}
	b, err := LogRank(rt, re, rg)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a.Chisq-b.Chisq) > 1e-12 || a.DF != b.DF {
		t.Errorf("reversed input: chisq %v df %d, was %v df %d", b.Chisq, b.DF, a.Chisq, a.DF)
	}
	for i, g := range []string{"d1", "d2", "d3", "d4"} {
		if b.Groups[i].Group != g {
			t.Errorf("group %d = %q, want %q", i, b.Groups[i].Group, g)
		}
	}
}
