package scoring

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// pollInterval is how often runBlocks calls its poll function while it
// waits for blocks.
const pollInterval = 100 * time.Millisecond

// runBlocks runs work on blocks 0 … nb−1 on the given number of goroutines
// and calls merge on the calling goroutine for every block in block order,
// whatever order the blocks finish in. This is what makes Monte Carlo
// results independent of the number of workers: each block draws from its
// own stream and accumulates into its own acc (accLen values, zeroed before
// work), and the partial sums are added in a fixed order.
//
// work(wk, b, acc) runs on worker wk (0 ≤ wk < workers), so per-worker
// scratch space can be indexed by wk. A block is claimed only by a worker
// holding a free accumulator, and at most 2·workers accumulators exist, so
// memory does not grow with nb.
//
// The context is checked before every merge. On cancellation, or when a
// block's work fails, runBlocks stops handing out blocks, joins every
// goroutine and returns the error: ctx.Err(), or the error of the lowest
// failing block (all lower blocks have then succeeded, so the error does
// not depend on the schedule either). merge is not called after an error.
//
// poll, if not nil, is called on the calling goroutine every pollInterval
// while runBlocks waits, so that progress within long blocks can be
// reported.
func runBlocks(ctx context.Context, nb, workers, accLen int,
	work func(wk, b int, acc []float64) error, merge func(b int, acc []float64), poll func()) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	workers = max(1, min(workers, nb))
	window := 2 * workers
	// Accumulators are written on every sample; a cache line of padding
	// between them keeps workers from sharing lines.
	const pad = cacheLine / 8
	stride := (accLen+pad-1)/pad*pad + pad
	buf := make([]float64, window*stride+pad)
	free := make(chan []float64, window)
	for i := range window {
		lo := pad + i*stride
		free <- buf[lo : lo+accLen : lo+accLen]
	}
	type done struct {
		b   int
		acc []float64
		err error
	}
	// At most window blocks are in flight, so sends never block.
	results := make(chan done, window)
	quit := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for wk := range workers {
		wg.Go(func() {
			for {
				var acc []float64
				select {
				case acc = <-free:
				case <-quit:
					return
				}
				b := int(next.Add(1) - 1)
				if b >= nb {
					return
				}
				clear(acc)
				err := work(wk, b, acc)
				results <- done{b, acc, err}
			}
		})
	}
	stop := func(err error) error {
		close(quit)
		wg.Wait()
		return err
	}
	// Unmerged claimed blocks lie in [merged, merged+window), so a ring of
	// window slots holds the blocks that finished early.
	ring := make([]done, window)
	ready := make([]bool, window)
	merged := 0
	var tick <-chan time.Time
	if poll != nil {
		t := time.NewTicker(pollInterval)
		defer t.Stop()
		tick = t.C
	}
	for merged < nb {
		select {
		case <-ctx.Done():
			return stop(ctx.Err())
		case <-tick:
			poll()
			continue
		case d := <-results:
			ring[d.b%window], ready[d.b%window] = d, true
		}
		for merged < nb && ready[merged%window] {
			d := ring[merged%window]
			ready[merged%window] = false
			if d.err != nil {
				return stop(d.err)
			}
			if err := ctx.Err(); err != nil {
				return stop(err)
			}
			merge(d.b, d.acc)
			free <- d.acc
			merged++
		}
	}
	return stop(nil)
}
