package scoring

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// blockRows is the number of rows in one unit of parallel work. It is fixed,
// independent of the number of workers, so that block-wise reductions merged
// in block order give the same bits however many goroutines run.
const blockRows = 8192

// parallelMin is the number of matrix cells below which work stays on the
// calling goroutine.
const parallelMin = 1 << 16

// forBlocks calls fn(lo, hi, b) for consecutive row blocks b of [0, m),
// concurrently when the matrix has at least parallelMin cells. fn must only
// write to memory owned by its block. Every goroutine is joined before
// forBlocks returns.
func forBlocks(m, n int, fn func(lo, hi, b int)) {
	nb := numBlocks(m)
	workers := min(runtime.GOMAXPROCS(0), nb)
	if workers <= 1 || m*n < parallelMin {
		for b := range nb {
			fn(b*blockRows, min((b+1)*blockRows, m), b)
		}
		return
	}
	runChunks(m, blockRows, workers, fn)
}

// runChunks calls fn(lo, hi, c) for the consecutive chunks c of size rows
// of [0, m) on workers goroutines, each taking the next chunk not yet taken
// as it finishes one, so chunks of unequal cost balance. Every goroutine is
// joined before runChunks returns.
func runChunks(m, size, workers int, fn func(lo, hi, c int)) {
	chunks := (m + size - 1) / size
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				fn(c*size, min((c+1)*size, m), c)
			}
		})
	}
	wg.Wait()
}

// serialRows reports whether forBlocks(m, n, …) would run every block on
// the calling goroutine. Callers then call their row function directly,
// so that nothing it reads has to move to the heap for other goroutines.
func serialRows(m, n int) bool {
	return m*n < parallelMin || numBlocks(m) == 1 || runtime.GOMAXPROCS(0) == 1
}

func numBlocks(m int) int { return (m + blockRows - 1) / blockRows }
