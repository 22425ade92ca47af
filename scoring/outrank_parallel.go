package scoring

import "runtime"

// pairChunkRows is the number of rows of a pairwise (m × m) computation in
// one unit of parallel work: small, because each row already holds m pairs
// (forBlocks' blocks of rows suit m × n matrices, and at m = 1000 would
// leave the pairs on one core).
const pairChunkRows = 16

// forPairRows calls fn(lo, hi, c) on consecutive chunks c of the rows
// [0, m) of a pairwise computation costing about m·m·n, concurrently
// (chunks handed out one at a time, so rows of unequal cost balance) when
// that is at least parallelMin; otherwise once, as fn(0, m, 0). fn must
// only write to memory owned by its rows' pairs and must not depend on the
// order of the chunks, so the result is the same for any number of
// goroutines. Every goroutine is joined before forPairRows returns.
func forPairRows(m, n int, fn func(lo, hi, c int)) {
	chunks := (m + pairChunkRows - 1) / pairChunkRows
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 || m*m*n < parallelMin {
		fn(0, m, 0)
		return
	}
	runChunks(m, pairChunkRows, workers, fn)
}
