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
// Workers take the profiles in batches of a few (8), and at most two
// batches per worker are in flight, so a sweep over millions of profiles
// holds only those and what the caller keeps. profiles is consumed on
// another goroutine, a batch ahead of the workers: an outcome is yielded
// once its batch is complete, or profiles has ended. Stopping the loop
// early stops the sweep; a cancelled context
// ends it with one last pair (nil, ctx.Err()). Either way every goroutine
// has returned when the loop ends.
//
// A recommendation leaves about 90 KB of garbage and keeps almost nothing
// live, so at Go's default collector pace (GOGC=100) a sweep collects
// hundreds of times a second and, on two cores, spends more time in the
// collector than in the recommendations. A program that runs large sweeps
// should raise the pace for their duration, e.g. GOGC=1000 in the
// environment or debug.SetGCPercent(1000) in its main (the library does
// not change process-wide settings): BenchmarkRecommendAll measures
// both.
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
		// A job is a batch of consecutive profiles: handing profiles over
		// one by one cost more in goroutine wake-ups than a recommendation.
		type job struct {
			ps   []Profile
			outs []outcome
			done chan struct{}
		}
		// order holds the jobs in input order; its capacity bounds the
		// jobs in flight. jobs hands them to the workers.
		order := make(chan *job, 2*workers)
		jobs := make(chan *job)
		quit := make(chan struct{})
		var wg sync.WaitGroup
		send := func(j *job) bool {
			select {
			case order <- j:
			case <-quit:
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-quit:
				return false
			}
		}
		wg.Go(func() {
			defer close(order)
			defer close(jobs)
			j := &job{ps: make([]Profile, 0, sweepBatch), done: make(chan struct{})}
			for p := range profiles {
				j.ps = append(j.ps, p)
				if len(j.ps) < sweepBatch {
					continue
				}
				j.outs = make([]outcome, len(j.ps))
				if !send(j) {
					return
				}
				j = &job{ps: make([]Profile, 0, sweepBatch), done: make(chan struct{})}
			}
			if len(j.ps) > 0 {
				j.outs = make([]outcome, len(j.ps))
				send(j)
			}
		})
		for range workers {
			wg.Go(func() {
				for j := range jobs {
					for i := range j.ps {
						if err := ctx.Err(); err != nil {
							j.outs[i].err = err
							continue
						}
						j.outs[i].rec, j.outs[i].err = r.Recommend(ctx, j.ps[i])
						j.ps[i] = Profile{} // not needed any more
					}
					close(j.done)
				}
			})
		}
		defer wg.Wait()
		defer close(quit)
		for j := range order {
			select {
			case <-j.done:
			case <-ctx.Done():
			}
			if err := ctx.Err(); err != nil {
				yield(nil, err) // j.outs may still be being written
				return
			}
			for _, o := range j.outs {
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
}

// sweepBatch is the number of consecutive profiles a worker of
// RecommendAll takes at a time.
const sweepBatch = 8
