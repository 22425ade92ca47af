package scoring

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// pairChunkRows is the number of rows of a pairwise (m × m) computation in
// one unit of parallel work: small, because each row already holds m pairs
// (forBlocks' blocks of rows suit m × n matrices, and at m = 1000 would
// leave the pairs on one core).
const pairChunkRows = 16

// forPairRows calls fn(lo, hi) on consecutive chunks of the rows [0, m) of
// a pairwise computation costing about m·m·n, concurrently (chunks handed
// out one at a time, so rows of unequal cost balance) when that is at
// least parallelMin. fn must only write to memory owned by its rows' pairs
// and must not depend on the order of the chunks, so the result is the
// same for any number of goroutines. Every goroutine is joined before
// forPairRows returns.
func forPairRows(m, n int, fn func(lo, hi int)) {
	chunks := (m + pairChunkRows - 1) / pairChunkRows
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 || m*m*n < parallelMin {
		fn(0, m)
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				fn(c*pairChunkRows, min((c+1)*pairChunkRows, m))
			}
		})
	}
	wg.Wait()
}
