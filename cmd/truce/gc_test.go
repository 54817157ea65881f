package main

import (
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
	off := gcSetting{-1, gcDefault.limit}
	budget := gcSetting{-1, gcBudget}
	for _, tc := range []struct {
		name       string
		size       int64
		getenv     func(string) string
		read, rest gcSetting
		ok         bool
	}{
		{"embedded dataset", 0, env(), off, budget, true},
		{"100,000 deals", 7 << 20, env(), off, budget, true},
		{"at the largest input", gcBudgetInput, env(), off, budget, true},
		{"above it", gcBudgetInput + 1, env(), off, gcDefault, true},
		{"unknown size (a pipe)", -1, env(), off, gcDefault, true},
		{"user's GOGC", 1 << 20, env("GOGC", "50"), gcDefault, gcDefault, false},
		{"user's GOMEMLIMIT", 1 << 20, env("GOMEMLIMIT", "1GiB"), gcDefault, gcDefault, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read, rest, ok := gcPlan(tc.size, tc.getenv)
			if read != tc.read || rest != tc.rest || ok != tc.ok {
				t.Errorf("gcPlan(%d) = %v, %v, %v; want %v, %v, %v", tc.size, read, rest, ok, tc.read, tc.rest, tc.ok)
			}
		})
	}
}
