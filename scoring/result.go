package scoring

import (
	"math"
	"slices"
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
	m := len(scores)
	ranks := make([]int, m)
	if m == 0 {
		return ranks
	}
	order := sortOrder(scores, better)
	big := 0.0
	for _, s := range scores {
		big = math.Max(big, math.Abs(s))
	}
	tol := tieTolerance * big
	head := scores[order[0]]
	rank := 1
	for k, i := range order {
		if math.Abs(scores[i]-head) > tol {
			head = scores[i]
			rank = k + 1
		}
		ranks[i] = rank
	}
	return ranks
}

// radixThreshold is the size above which sortOrder uses a radix sort.
const radixThreshold = 4096

// sortOrder returns the indices of scores from best to worst, ties by index.
func sortOrder(scores []float64, better Better) []int {
	m := len(scores)
	if m > radixThreshold {
		return radixOrder(scores, better)
	}
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	if better == Lower {
		slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(scores[a], scores[b]) })
	} else {
		slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(scores[b], scores[a]) })
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

// radixOrder is sortOrder by a stable least-significant-digit radix sort on
// the scores' bit patterns, O(m) for large m.
func radixOrder(scores []float64, better Better) []int {
	type item struct {
		key uint64
		idx int
	}
	m := len(scores)
	a := make([]item, m)
	b := make([]item, m)
	for i, s := range scores {
		u := math.Float64bits(s + 0) // +0 turns -0 into +0
		if u>>63 == 1 {
			u = ^u
		} else {
			u |= 1 << 63
		}
		if better != Lower {
			u = ^u
		}
		a[i] = item{u, i}
	}
	const bits = 11
	const buckets = 1 << bits
	var count [buckets]int
	for shift := uint(0); shift < 64; shift += bits {
		clear(count[:])
		for _, it := range a {
			count[(it.key>>shift)&(buckets-1)]++
		}
		if count[(a[0].key>>shift)&(buckets-1)] == m {
			continue // every key has the same digit: the pass would not move anything
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, it := range a {
			d := (it.key >> shift) & (buckets - 1)
			b[count[d]] = it
			count[d]++
		}
		a, b = b, a
	}
	order := make([]int, m)
	for k, it := range a {
		order[k] = it.idx
	}
	return order
}
