package main

import (
	"math"
	"os"
	"runtime/debug"
)

// One run of truce reads its input once, holds it in memory and exits.
// With Go's default collector (GOGC=100) collection starts when the heap
// is a few megabytes and runs while the deals are read, scanning the
// slice of deals before the reader has written it: each of its pages is
// then faulted in twice, and at 1,000,000 deals on two cores that was half
// of the time. So the command turns collection off while it reads its
// input (the deals read are kept anyway), and afterwards, for an input
// small enough that a whole run fits easily in gcBudget, leaves it off
// until the heap reaches gcBudget (Go's memory limit; past it the
// collector runs as usual); for a larger input Go's default comes back. A
// user's GOGC or GOMEMLIMIT always wins. See "A Guide to the Go Garbage
// Collector", go.dev/doc/gc-guide.
const (
	// gcBudget is the heap a run on a small input may reach before the
	// first collection.
	gcBudget = 512 << 20
	// gcBudgetInput is the largest input that runs under gcBudget: about
	// 190,000 deals of cmd/genbig; an analysis command at 100,000 (7 MB)
	// allocates under 200 MB in all.
	gcBudgetInput = 12 << 20
)

// gcSetting is a collector setting: debug.SetGCPercent and
// debug.SetMemoryLimit.
type gcSetting struct {
	percent int
	limit   int64
}

// gcDefault is Go's default.
var gcDefault = gcSetting{100, math.MaxInt64}

// gcPlan returns the collector settings while an input of size bytes (-1:
// unknown, as for a pipe) is read and for the rest of the run, given the
// environment; ok is false when Go's defaults stay throughout.
func gcPlan(size int64, getenv func(string) string) (read, rest gcSetting, ok bool) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return gcDefault, gcDefault, false
	}
	read, rest = gcSetting{-1, math.MaxInt64}, gcDefault
	if size >= 0 && size <= gcBudgetInput {
		rest = gcSetting{-1, gcBudget}
	}
	return read, rest, true
}

// budgetGC applies gcPlan to the input file at path ("" is the embedded
// dataset) and returns the function to call once it is read. main has
// readData call it (beforeRead); tests that call run keep Go's defaults.
func budgetGC(path string) (afterRead func()) {
	size := int64(0)
	if path != "" {
		size = -1
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	read, rest, ok := gcPlan(size, os.Getenv)
	if !ok {
		return func() {}
	}
	apply := func(s gcSetting) {
		debug.SetMemoryLimit(s.limit)
		debug.SetGCPercent(s.percent)
	}
	apply(read)
	return func() { apply(rest) }
}
