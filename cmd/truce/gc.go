package main

import (
	"math"
	"os"
	"runtime/debug"
)

// One run of truce reads its input once, holds it in memory and exits.
// With Go's default collector (GOGC=100) the collection starts when the heap
// is a few megabytes and runs several times while the deals are read, each
// time scanning the growing slice of deals: at 100,000 deals that is about a
// fifth of an analysis command's time and most of its page faults. So, for
// an input small enough that a whole run fits easily in gcBudget, the
// command leaves collection off until the heap reaches gcBudget (Go's
// memory limit; past it the collector runs as usually), and for a larger
// input it keeps Go's default. A user's GOGC or GOMEMLIMIT always wins.
// See "A Guide to the Go Garbage Collector", go.dev/doc/gc-guide.
const (
	// gcBudget is the heap a run may reach before the first collection.
	gcBudget = 512 << 20
	// gcBudgetInput is the largest input that runs under gcBudget: about
	// 190,000 deals of cmd/genbig; an analysis command at 100,000 (7 MB)
	// allocates under 200 MB in all.
	gcBudgetInput = 12 << 20
)

// gcPlan returns the collector settings (debug.SetGCPercent,
// debug.SetMemoryLimit) for an input of size bytes (-1: unknown), given the
// environment: ok is false when the defaults stay.
func gcPlan(size int64, getenv func(string) string) (percent int, limit int64, ok bool) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" || size < 0 || size > gcBudgetInput {
		return 100, math.MaxInt64, false
	}
	return -1, gcBudget, true
}

// budgetGC applies gcPlan to the input file at path ("" is the embedded
// dataset). main has readData call it (beforeRead); tests that call run keep
// Go's defaults.
func budgetGC(path string) {
	size := int64(0)
	if path != "" {
		size = -1
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	if percent, limit, ok := gcPlan(size, os.Getenv); ok {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
