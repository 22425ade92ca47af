package placement

import (
	"context"
	"iter"
	"runtime"
	"sync"
)

// RecommendAll recommends for every profile that profiles yields, on as
// many goroutines as GOMAXPROCS allows, and yields the outcomes in the
// profiles' order: the i-th pair is the i-th profile's recommendation, or
// its error (an invalid profile does not stop the sweep). Each outcome is
// exactly what [Recommender.Recommend] returns for that profile, whatever
// the number of workers, so a sweep is as deterministic as one call.
//
// At most a few profiles per worker are in flight, so a sweep over
// millions of profiles holds only those and what the caller keeps.
// profiles is consumed on another goroutine, one profile ahead of the
// workers. Stopping the loop early stops the sweep; a cancelled context
// ends it with one last pair (nil, ctx.Err()). Either way every goroutine
// has returned when the loop ends.
//
// To spread a sweep over machines, give each a contiguous index range of
// the profiles (see the README's Performance section): the outcomes do not
// depend on which machine computed them.
func (r *Recommender) RecommendAll(ctx context.Context, profiles iter.Seq[Profile]) iter.Seq2[*Recommendation, error] {
	return func(yield func(*Recommendation, error) bool) {
		workers := runtime.GOMAXPROCS(0)
		type outcome struct {
			rec *Recommendation
			err error
		}
		type job struct {
			p    Profile
			done chan outcome
		}
		// order holds the jobs in input order; its capacity bounds the
		// jobs in flight. jobs hands them to the workers.
		order := make(chan *job, 4*workers)
		jobs := make(chan *job)
		quit := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			defer close(order)
			defer close(jobs)
			for p := range profiles {
				j := &job{p: p, done: make(chan outcome, 1)}
				select {
				case order <- j:
				case <-quit:
					return
				}
				select {
				case jobs <- j:
				case <-quit:
					return
				}
			}
		})
		for range workers {
			wg.Go(func() {
				for j := range jobs {
					if err := ctx.Err(); err != nil {
						j.done <- outcome{err: err}
						continue
					}
					rec, err := r.Recommend(ctx, j.p)
					j.done <- outcome{rec, err}
				}
			})
		}
		defer wg.Wait()
		defer close(quit)
		for j := range order {
			var o outcome
			select {
			case o = <-j.done:
			case <-ctx.Done():
			}
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(o.rec, o.err) {
				return
			}
		}
	}
}
