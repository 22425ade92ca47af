package placement

import (
	"context"
	"fmt"
	"iter"
	"math"
	"runtime"
	"slices"
	"sync"
)

// RecommendAll recommends for every profile that profiles yields, on as
// many goroutines as GOMAXPROCS allows, and yields the outcomes in the
// profiles' order: the i-th pair is the i-th profile's recommendation, or
// its error (an invalid profile does not stop the sweep). Each outcome is
// exactly what [Recommender.Recommend] returns for that profile, whatever
// the number of workers, so a sweep is as deterministic as one call.
//
// Workers take the profiles in batches of 16, and at most four batches
// per worker are in flight, so a sweep over millions of profiles holds
// only those (on two cores, 128 outcomes: about 11 MB of
// recommendations) and what the caller keeps. profiles is consumed on
// another goroutine, a batch ahead of the workers: an outcome is yielded
// once its batch is complete, or profiles has ended. Stopping the loop
// early stops the sweep; a cancelled context
// ends it with one last pair (nil, ctx.Err()). Either way every goroutine
// has returned when the loop ends.
//
// A recommendation leaves about 86 KB of garbage (most of it the ranking
// of every candidate with its values and contributions, which it returns)
// and keeps almost nothing live, so at Go's default collector pace
// (GOGC=100) a sweep collects hundreds of times a second and, on two
// cores, the collector costs nearly as much CPU as the recommendations. A
// sweep that needs only the leading structures, their scores and
// staffing should use [Recommender.ShortlistAll], which leaves about
// 27 KB and skips the explanations and analyses, for less than half the
// CPU per profile, the collector's included. A program that runs large sweeps of full
// recommendations can also raise the collector's pace for their
// duration, e.g. GOGC=1000 in the environment or debug.SetGCPercent(1000)
// in its main (the library does not change process-wide settings).
// BenchmarkRecommendAll measures both sweeps at both paces.
//
// To spread a sweep over machines, give each a contiguous index range of
// the profiles (see the README's Performance section): the outcomes do not
// depend on which machine computed them.
func (r *Recommender) RecommendAll(ctx context.Context, profiles iter.Seq[Profile]) iter.Seq2[*Recommendation, error] {
	return sweep(ctx, profiles, r.Recommend)
}

// sweep applies do to every profile that profiles yields, as
// RecommendAll describes.
func sweep[T any](ctx context.Context, profiles iter.Seq[Profile], do func(context.Context, Profile) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		workers := runtime.GOMAXPROCS(0)
		type outcome struct {
			rec T
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
		order := make(chan *job, sweepDepth*workers)
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
						j.outs[i].rec, j.outs[i].err = do(ctx, j.ps[i])
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
			var zero T
			if err := ctx.Err(); err != nil {
				yield(zero, err) // j.outs may still be being written
				return
			}
			for _, o := range j.outs {
				if err := ctx.Err(); err != nil {
					yield(zero, err)
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
// RecommendAll takes at a time, and sweepDepth the number of batches per
// worker in flight. Fewer outcomes in flight do not make a sweep cheaper:
// the collector's pace follows the live heap, and with next to nothing
// live it runs more often for the same garbage (with batches of 8, two
// per worker, a 2-core sweep of full recommendations took about a quarter
// more CPU per recommendation at GOGC=100 than with these).
const (
	sweepBatch = 16
	sweepDepth = 4
)

// evalScratch holds what evaluating the candidates for one profile needs
// only while a recommendation is made (a part of scratch).
type evalScratch struct {
	covs   []float64   // the coverage of each coverage class (see engine.covClass)
	covSet []bool      // whether covs holds the class's coverage yet
	wrec   []weightRec // the weight adjustments, for the weights source
	order  []int       // the ranking's order, best first
	short  []float64   // the staffing shortfalls (see staffTable)
	bases  []staffBasis
	work   staffWork
	memo   *curveMemo
}

// coverageClasses numbers the candidates so that two get the same number
// exactly when their fit parts are equal on every touchpoint, and returns
// the numbers and how many there are.
func coverageClasses(fits [][]fitPart) ([]int, int) {
	class := make([]int, len(fits))
	var reps []int // a candidate of each class
	for i, fs := range fits {
		class[i] = -1
		for c, j := range reps {
			if slices.Equal(fs, fits[j]) {
				class[i] = c
				break
			}
		}
		if class[i] < 0 {
			class[i] = len(reps)
			reps = append(reps, i)
		}
	}
	return class, len(reps)
}

// evaluateAll writes the performances of structs, row-major, into flat.
// keep maps the first len(keep) structures to their candidates; if
// precomputed, their static parts and fit parts are the engine's, and
// their coverage is computed once per coverage class; any other structure
// (the current one, or one of Options.Candidates) is evaluated from
// scratch.
func (r *engine) evaluateAll(sc *scratch, structs []Structure, keep []int, precomputed bool, f *facts, cur Structure, staff *staffTable, flat []float64) {
	if cap(sc.covs) < r.numCov {
		sc.covs, sc.covSet = make([]float64, r.numCov), make([]bool, r.numCov)
	}
	if sc.memo == nil {
		sc.memo = newCurveMemo()
	}
	covs, covSet := sc.covs[:r.numCov], sc.covSet[:r.numCov]
	clear(covSet)
	for a, s := range structs {
		var st row
		var cov float64
		if a < len(keep) && precomputed {
			i := keep[a]
			st = r.statics[i]
			if c := r.covClass[i]; covSet[c] {
				cov = covs[c]
			} else {
				cov = r.cm.coverage(s, r.fits[i], f)
				covs[c], covSet[c] = cov, true
			}
		} else {
			st = r.cm.static(s, nil)
			cov = r.cm.coverage(s, nil, f)
		}
		v := r.cm.evaluateCov(s, st, cov, f, cur, staff.short[staff.index(&structs[a])], nil, sc.memo)
		copy(flat[a*NumCriteria:(a+1)*NumCriteria], v[1:])
	}
}

// Shortlist is the lean answer for one profile that a sweep over many
// profiles may want instead of a [Recommendation]: the weights and the
// first structures of the ranking, with their scores, performances,
// contributions and staffing. It is what [Recommender.Recommend] gives in
// Recommendation.Weights and at the head of Recommendation.Ranking, without
// the explanations, the cross-check, the roadmap, the maturity stage, the
// benchmarks and the gaps that make up most of a recommendation's cost.
//
// Its JSON form is {"weights": {criterion-id: weight}, "top": [...],
// "candidates": n}, each entry of "top" in the form of a recommendation's
// "ranking" entries; it decodes strictly (every key required, unknown
// keys, null and trailing data refused) back to an equal value.
type Shortlist struct {
	// Weights are the criterion weights used, normalised to sum to 1.
	Weights CriterionValues `json:"weights"`
	// Top lists the first Options.Detail structures of the ranking (3 by
	// default; fewer if there are fewer candidates), best first, equal to
	// the head of Recommendation.Ranking except that Strengths,
	// Weaknesses and RACI are not set.
	Top []Ranked `json:"top"`
	// Candidates is the number of structures ranked (the length of
	// Recommendation.Ranking).
	Candidates int `json:"candidates"`
}

// UnmarshalJSON reads the form json.Marshal writes of a [Shortlist]
// strictly, as [Recommendation.UnmarshalJSON] does: errors are
// [*FieldError] values whose paths name the JSON keys ("top[1].score").
func (s *Shortlist) UnmarshalJSON(b []byte) error {
	type plain Shortlist // without this method
	var in plain
	if err := decodeJSON(b, &in); err != nil {
		return err
	}
	if in.Candidates < len(in.Top) {
		return syntaxErr("candidates", fmt.Sprintf("%d, fewer than the %d structures listed", in.Candidates, len(in.Top)))
	}
	in.Top = emptyNil(in.Top)
	*s = Shortlist(in)
	return nil
}

// Shortlist ranks the candidate structures for p as
// [Recommender.Recommend] does, with the same model, catalogue and
// options, and returns only the weights and the top structures (see
// [Shortlist]), for less than half the CPU time and a third of the
// garbage of a recommendation. Options.CrossCheck, Options.SMAA and
// Options.Sensitivity are not run. Errors: as Recommend's, apart from
// those of the analyses it does not run.
func (r *Recommender) Shortlist(ctx context.Context, p Profile) (*Shortlist, error) {
	rec, err := r.recommend(ctx, p, true)
	if err != nil {
		return nil, err
	}
	return &Shortlist{Weights: rec.Weights, Top: rec.Ranking, Candidates: len(rec.Result.Ranks)}, nil
}

// ShortlistAll is [Recommender.RecommendAll] with [Recommender.Shortlist]
// in place of Recommend: it yields, in the profiles' order, each
// profile's shortlist or its error, on as many goroutines as GOMAXPROCS
// allows, and stops and ends as RecommendAll does. It is the sweep to use
// when only the leading structures matter: BenchmarkRecommendAll measures
// both.
func (r *Recommender) ShortlistAll(ctx context.Context, profiles iter.Seq[Profile]) iter.Seq2[*Shortlist, error] {
	return sweep(ctx, profiles, r.Shortlist)
}

// curveMemo remembers the values of squash and changeCurve for the raw
// performances last seen: each is a function of one number for a given
// model, and a profile's candidates share many raw values (a criterion
// that no profile term moves keeps its static value), so a lookup saves
// an exponential and two divisions. It belongs to one engine's scratch,
// whose model it assumes. Each table is direct-mapped on the value's
// bits; an entry starts as NaN for NaN, which is what both curves give.
type curveMemo struct {
	sq, ch memoTable
}

// memoBits is the log2 of a memo table's size.
const memoBits = 10

type memoTable struct {
	keys [1 << memoBits]uint64
	vals [1 << memoBits]float64
}

func newCurveMemo() *curveMemo {
	m := new(curveMemo)
	nan := math.NaN()
	for _, t := range []*memoTable{&m.sq, &m.ch} {
		for i := range t.keys {
			t.keys[i], t.vals[i] = math.Float64bits(nan), nan
		}
	}
	return m
}

// slot returns the index of x's entry.
func (t *memoTable) slot(x float64) (uint64, uint64) {
	b := math.Float64bits(x)
	return b, (b * 0x9e3779b97f4a7c15) >> (64 - memoBits) // Fibonacci hashing
}

// squash returns squash(x, k), from the memo if m holds it; m may be nil.
func (m *curveMemo) squash(x float64, k *[numTerms]float64) float64 {
	if m == nil {
		return squash(x, k)
	}
	b, i := m.sq.slot(x)
	if m.sq.keys[i] != b {
		m.sq.keys[i], m.sq.vals[i] = b, squash(x, k)
	}
	return m.sq.vals[i]
}

// changeCurve returns changeCurve(x, k), as squash does squash.
func (m *curveMemo) changeCurve(x float64, k *[numTerms]float64) float64 {
	if m == nil {
		return changeCurve(x, k)
	}
	b, i := m.ch.slot(x)
	if m.ch.keys[i] != b {
		m.ch.keys[i], m.ch.vals[i] = b, changeCurve(x, k)
	}
	return m.ch.vals[i]
}
