package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMayTuneGC(t *testing.T) {
	env := func(k, v string) func(string) string {
		return func(key string) string {
			if key == k {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		want   bool
	}{
		{"no setting", env("", ""), true},
		{"user's GOGC", env("GOGC", "50"), false},
		{"user's GOGC=off", env("GOGC", "off"), false},
		{"user's GOMEMLIMIT", env("GOMEMLIMIT", "1GiB"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mayTuneGC(tc.getenv); got != tc.want {
				t.Errorf("mayTuneGC = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestGCOffWhileReading: collection is off during the read, then (a small
// heap) off up to the gcBudget memory limit.
func TestGCOffWhileReading(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer gcDefault()
	after := gcOffWhileReading()
	if during := debug.SetGCPercent(-1); during != -1 {
		t.Errorf("GOGC during the read: %d, want -1 (off)", during)
	}
	after()
	if limit := debug.SetMemoryLimit(-1); limit != gcBudget {
		t.Errorf("memory limit after a small read: %d, want gcBudget %d", limit, gcBudget)
	}
}

// TestWatchLiveHeap: Go's default comes back after a collection that finds
// more live than the watch allows, and not after one that finds less.
func TestWatchLiveHeap(t *testing.T) {
	defer gcDefault()
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	keep := make([]byte, 16<<20)
	for _, tc := range []struct {
		name string
		max  uint64
		want int64
	}{
		{"less live than the watch allows", 1 << 40, gcBudget},
		{"more live", 4 << 20, math.MaxInt64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(gcBudget)
			watchLiveHeap(tc.max)
			runtime.GC()
			if tc.want == gcBudget {
				time.Sleep(200 * time.Millisecond) // time for a wrong cleanup to run
			}
			for deadline := time.Now().Add(5 * time.Second); limit() != tc.want && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			if got := limit(); got != tc.want {
				t.Errorf("memory limit after a collection: %d, want %d", got, tc.want)
			}
		})
	}
	runtime.KeepAlive(keep)
}
