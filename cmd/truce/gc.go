package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// One run of truce reads its input once, holds it in memory and exits.
// With Go's default collector (GOGC=100) collection starts when the heap
// is a few megabytes and runs again and again as it grows: while the
// deals are read it scans the slice of deals before the reader has
// written it, so that each of its pages is faulted in twice (the second
// time with a TLB shootdown on every core); at 1,000,000 deals on two
// cores that was half of the time. Yet nearly everything the reader
// allocates is kept. So the command collects as little as it safely can:
//
//   - none while it reads its input;
//   - then, if what it read is under half of gcBudget, none until the heap
//     reaches gcBudget (Go's memory limit, with GOGC off), and Go's
//     default again once a collection finds more than half of gcBudget
//     live (so that it never collects over and over near the limit);
//   - else Go's default.
//
// At 100,000 deals an analysis command (about 100 MB read, under 200 MB
// allocated in all) then runs without a collection. A user's GOGC or
// GOMEMLIMIT always wins. See "A Guide to the Go Garbage Collector",
// go.dev/doc/gc-guide.
const gcBudget = 512 << 20

// mayTuneGC reports whether the command may change the collector's
// settings: not when the user set GOGC or GOMEMLIMIT.
func mayTuneGC(getenv func(string) string) bool {
	return getenv("GOGC") == "" && getenv("GOMEMLIMIT") == ""
}

// gcOffWhileReading turns collection off (if mayTuneGC) and returns the
// function to call once the input is read. main has readData call it
// (beforeRead); tests that call run keep Go's defaults.
func gcOffWhileReading() (afterRead func()) {
	if !mayTuneGC(os.Getenv) {
		return func() {}
	}
	debug.SetGCPercent(-1)
	return func() {
		if heapBytes("/memory/classes/heap/objects:bytes") > gcBudget/2 {
			gcDefault()
			return
		}
		debug.SetMemoryLimit(gcBudget)
		watchLiveHeap(gcBudget / 2)
	}
}

// gcDefault restores Go's default collector: GOGC=100, no memory limit.
func gcDefault() {
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
}

// watchLiveHeap calls gcDefault after the first collection that finds
// more than max bytes live. It runs after each collection as the cleanup
// of an object that is unreachable from the start.
func watchLiveHeap(max uint64) {
	runtime.AddCleanup(&gcCycle{}, func(max uint64) {
		if heapBytes("/gc/heap/live:bytes") > max {
			gcDefault()
			return
		}
		watchLiveHeap(max)
	}, max)
}

// gcCycle is the object watchLiveHeap's cleanup hangs on; the pointer keeps
// it out of the tiny allocator, whose blocks may never be collected.
type gcCycle struct{ _ *byte }

// heapBytes reads a runtime/metrics figure in bytes (0 if it is missing).
func heapBytes(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
