package main

import (
	"math"
	"testing"
)

func TestGCPlan(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name    string
		size    int64
		getenv  func(string) string
		percent int
		limit   int64
		ok      bool
	}{
		{"embedded dataset", 0, env(), -1, gcBudget, true},
		{"100,000 deals", 7 << 20, env(), -1, gcBudget, true},
		{"at the largest input", gcBudgetInput, env(), -1, gcBudget, true},
		{"above it", gcBudgetInput + 1, env(), 100, math.MaxInt64, false},
		{"unknown size (a pipe)", -1, env(), 100, math.MaxInt64, false},
		{"user's GOGC", 1 << 20, env("GOGC", "50"), 100, math.MaxInt64, false},
		{"user's GOMEMLIMIT", 1 << 20, env("GOMEMLIMIT", "1GiB"), 100, math.MaxInt64, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			percent, limit, ok := gcPlan(tc.size, tc.getenv)
			if percent != tc.percent || limit != tc.limit || ok != tc.ok {
				t.Errorf("gcPlan(%d) = %d, %d, %v; want %d, %d, %v", tc.size, percent, limit, ok, tc.percent, tc.limit, tc.ok)
			}
		})
	}
}
