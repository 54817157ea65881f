package dataset

import (
	"cmp"
	"hash/maphash"
	"slices"
	"sync"
)

// duplicate is a row whose id an earlier row of the file used.
type duplicate struct {
	part, row int // the row: parts[part].ids[row]
	first     int // the line of the first row with that id
}

// findDuplicates returns the rows of parts whose id an earlier row of the
// file used (empty ids are not compared), in file order. The ids are
// shared out by their hash among workers goroutines, each with its own
// map: two rows in different shares cannot have the same id. At 1,000,000
// deals one map was a tenth of the reader's time, all of it on one core.
func findDuplicates(parts []dealPart, workers int) []duplicate {
	total := 0
	for _, part := range parts {
		total += len(part.ids)
	}
	found := make([][]duplicate, workers)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := make(map[string]int, total/workers+1)
			for k := range parts {
				for i, r := range parts[k].ids {
					if r.id == "" || r.hash%uint64(workers) != uint64(g) {
						continue
					}
					if first, ok := seen[r.id]; ok {
						found[g] = append(found[g], duplicate{k, i, first})
					} else {
						seen[r.id] = r.line
					}
				}
			}
		}()
	}
	wg.Wait()
	all := slices.Concat(found...)
	slices.SortFunc(all, func(a, b duplicate) int { return cmp.Or(cmp.Compare(a.part, b.part), cmp.Compare(a.row, b.row)) })
	return all
}

// idSeed is the seed of the hash that shares out the ids: any seed gives
// the same duplicates.
var idSeed = maphash.MakeSeed()
