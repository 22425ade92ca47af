package scoring

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

// Result is the outcome of ranking a [Problem] with a [Method]. It is plain
// data: it marshals to JSON and compares with go-cmp without options. All
// slices are indexed by the alternatives' order in the problem.
type Result struct {
	// Method is the method's text token ("wsm", "topsis", …).
	Method string `json:"method"`
	// Alternatives are the alternatives' names.
	Alternatives []string `json:"alternatives"`
	// Criteria are the criteria's names.
	Criteria []string `json:"criteria"`
	// Weights are the weights used, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// Scores holds each alternative's preference value as the method
	// defines it (see the method's documentation).
	Scores []float64 `json:"scores"`
	// Better says whether a higher or a lower score is better.
	Better Better `json:"better"`
	// Ranks[i] is the rank of alternative i: 1 is best, and tied scores
	// share the smaller rank (1, 2, 2, 4). Scores tie when they differ by at
	// most 1e-12 times the largest absolute score.
	Ranks []int `json:"ranking"`
	// Contributions is set by additive methods only: Contributions[i][j] is
	// criterion j's part of Scores[i] (weight times normalised value), and
	// each row sums to the score. Nil for other methods.
	Contributions [][]float64 `json:"contributions,omitempty"`
	// Notes records advisories about the input, such as a criterion that
	// does not discriminate between the alternatives.
	Notes []Note `json:"notes,omitempty"`
}

// Note is an advisory attached to a result. It never signals an error.
type Note struct {
	// Code is a stable identifier, such as "constant-criterion".
	Code string `json:"code"`
	// Criterion names the criterion concerned, if any.
	Criterion string `json:"criterion,omitempty"`
	// Text explains the note in plain words.
	Text string `json:"text"`
}

// Order returns the alternatives' indices from best to worst; tied
// alternatives keep their problem order.
func (r *Result) Order() []int {
	idx := make([]int, len(r.Ranks))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return r.Ranks[a] - r.Ranks[b] })
	return idx
}

// Best returns the index of the best alternative (the first in problem
// order among those ranked 1). It returns -1 for an empty result.
func (r *Result) Best() int {
	for i, k := range r.Ranks {
		if k == 1 {
			return i
		}
	}
	return -1
}

// newResult allocates a result with the problem's names.
func newResult(method string, p *Problem, w []float64, better Better) *Result {
	return &Result{
		Method:       method,
		Alternatives: slices.Clone(p.alts),
		Criteria:     p.CriterionNames(),
		Weights:      w,
		Scores:       make([]float64, p.m),
		Better:       better,
	}
}

// tieTolerance is the relative tolerance under which two scores tie.
const tieTolerance = 1e-12

// rankScores returns competition ranks (1 = best, ties share the smaller
// rank). Scores tie when they differ by at most tieTolerance times the
// largest absolute score.
func rankScores(scores []float64, better Better) []int {
	ranks, _ := rankAndOrder(scores, better)
	return ranks
}

// rankAndOrder returns the competition ranks and the order (indices best
// first, ties by index).
func rankAndOrder(scores []float64, better Better) (ranks, order []int) {
	m := len(scores)
	ranks = make([]int, m)
	if m == 0 {
		return ranks, nil
	}
	tol := tieTolerance * maxAbs(scores)
	order = make([]int, m)
	rank, head := 1, 0.0
	assign := func(k, i int, s float64) {
		if k == 0 || math.Abs(s-head) > tol {
			head, rank = s, k+1
		}
		ranks[i] = rank
		order[k] = i
	}
	if m > radixThreshold && m <= math.MaxUint32 {
		// The sorted pairs carry their scores: no random reads here.
		for k, p := range radixSorted(scores, better) {
			assign(k, int(p.idx), p.score)
		}
		return ranks, order
	}
	for k, i := range sortOrder(scores, better) {
		assign(k, i, scores[i])
	}
	return ranks, order
}

// maxAbs returns the largest absolute value in xs (0 for none).
func maxAbs(xs []float64) float64 {
	big := 0.0
	for _, x := range xs {
		if x < 0 {
			x = -x
		}
		if x > big {
			big = x
		}
	}
	return big
}

// radixThreshold is the size above which sortOrder uses a radix sort.
const radixThreshold = 4096

// sortOrder returns the indices of scores from best to worst, ties by index.
func sortOrder(scores []float64, better Better) []int {
	m := len(scores)
	if m > radixThreshold && m <= math.MaxUint32 {
		return radixOrder(scores, better)
	}
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	// An unstable sort with the index as the last key is deterministic and
	// much faster than a stable sort.
	if better == Lower {
		slices.SortFunc(order, func(a, b int) int {
			if c := cmpFloat(scores[a], scores[b]); c != 0 {
				return c
			}
			return a - b
		})
	} else {
		slices.SortFunc(order, func(a, b int) int {
			if c := cmpFloat(scores[b], scores[a]); c != 0 {
				return c
			}
			return a - b
		})
	}
	return order
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// radixOrder is sortOrder for large inputs, in O(m). Each score is mapped
// monotonically onto a 32-bit key across the scores' own range, the
// (score, index) pairs are radix-sorted stably by key in three 11-bit
// passes (on all CPUs: a stable sort has one answer, so the result does not
// depend on their number), and runs of equal keys — scores closer than a
// 2^-32 part of the range — are sorted by the scores themselves. The pairs
// carry their scores so that no pass reads the scores out of order.
func radixOrder(scores []float64, better Better) []int {
	a := radixSorted(scores, better)
	order := make([]int, len(a))
	for k, p := range a {
		order[k] = int(p.idx)
	}
	return order
}

// radixSorted returns the (score, index) pairs of scores sorted best first,
// ties by index.
func radixSorted(scores []float64, better Better) []radixPair {
	const bits = 11
	const buckets = 1 << bits
	m := len(scores)
	lo, hi := scores[0], scores[0]
	for _, s := range scores {
		lo, hi = min(lo, s), max(hi, s)
	}
	// key(s) = (s − lo)·scale for Lower, (hi − s)·scale for Higher: small
	// keys first. Halving keeps hi − lo finite for any finite scores.
	scale, origin, sign := 0.0, lo, 1.0
	if better != Lower {
		origin, sign = hi, -1
	}
	if span := hi/2 - lo/2; span > 0 {
		scale = sign * math.MaxUint32 / span / 2
	}
	key := func(s float64) uint32 {
		k := (s - origin) * scale
		if !(k < math.MaxUint32) {
			k = math.MaxUint32
		}
		return uint32(k)
	}
	chunks := max(1, min(runtime.GOMAXPROCS(0), m/radixThreshold))
	bound := func(c int) int { return c * m / chunks }
	// count[c][d] counts digit d of the current pass in chunk c.
	count := make([][buckets]uint32, chunks)
	a := make([]radixPair, m)
	b := make([]radixPair, m)
	parallel(chunks, func(c int) {
		for i := bound(c); i < bound(c+1); i++ {
			a[i] = radixPair{scores[i], uint32(i)}
		}
	})
	for pass := range 3 {
		shift := uint(pass * bits)
		parallel(chunks, func(c int) {
			h := &count[c]
			clear(h[:])
			for _, p := range a[bound(c):bound(c+1)] {
				h[(key(p.score)>>shift)&(buckets-1)]++
			}
		})
		// Turn counts into starting offsets, digit-major then chunk, which
		// keeps the sort stable.
		sum, single := uint32(0), false
		for d := range buckets {
			total := uint32(0)
			for c := range chunks {
				n := count[c][d]
				count[c][d] = sum
				sum += n
				total += n
			}
			single = single || total == uint32(m)
		}
		if single {
			continue // every key has the same digit: the pass would not move anything
		}
		parallel(chunks, func(c int) {
			h := &count[c]
			for _, p := range a[bound(c):bound(c+1)] {
				d := (key(p.score) >> shift) & (buckets - 1)
				b[h[d]] = p
				h[d]++
			}
		})
		a, b = b, a
	}
	// Stable fix-up of runs of equal keys by the scores themselves
	// (ascending s·sign is best first).
	for lo := 0; lo < m; {
		k0 := key(a[lo].score)
		hi := lo + 1
		for hi < m && key(a[hi].score) == k0 {
			hi++
		}
		if run := a[lo:hi]; len(run) > 1 {
			less := func(p, q radixPair) int {
				if c := cmpFloat(sign*p.score, sign*q.score); c != 0 {
					return c
				}
				return int(p.idx) - int(q.idx)
			}
			if len(run) > 32 {
				slices.SortFunc(run, less)
			} else {
				for x := 1; x < len(run); x++ {
					v := run[x]
					y := x
					for ; y > 0 && less(run[y-1], v) > 0; y-- {
						run[y] = run[y-1]
					}
					run[y] = v
				}
			}
		}
		lo = hi
	}
	return a
}

// radixPair is a score and its index.
type radixPair struct {
	score float64
	idx   uint32
}

// parallel runs fn(0) … fn(n−1) concurrently and waits for all of them.
func parallel(n int, fn func(c int)) {
	if n == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for c := range n {
		wg.Go(func() { fn(c) })
	}
	wg.Wait()
}
