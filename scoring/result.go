package scoring

import (
	"cmp"
	"slices"
)

// Result is the outcome of ranking a [Problem] with a [Method]. It is plain
// data: it marshals to JSON and compares with go-cmp without options. All
// slices are indexed by the alternatives' order in the problem.
type Result struct {
	// Method is the method's text token ("wsm", "topsis", …).
	Method string `json:"method"`
	// Alternatives are the alternatives' names. Built-in methods share
	// this slice with every other result ranked from the same problem, so
	// that ranking a million alternatives does not copy a million names:
	// treat it as read-only, and clone it before changing it. That
	// includes decoding JSON into a result a method returned, which would
	// write into the shared array: decode into a fresh Result. (The
	// problem keeps its own copy, or derives default names, so it cannot
	// be corrupted this way.)
	Alternatives []string `json:"alternatives"`
	// Criteria are the criteria's names, shared in the same way.
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
	// Contributions is set by additive methods only: Contributions.At(i, j)
	// is criterion j's part of Scores[i] (weight times normalised value),
	// and each row sums to the score. Nil for other methods. Its JSON form
	// is an array of rows.
	Contributions *Table `json:"contributions,omitempty"`
	// Notes records advisories about the input, such as a criterion that
	// does not discriminate between the alternatives.
	Notes []Note `json:"notes,omitempty"`
}

// Base returns r itself, so that every detailed result type, which embeds
// a Result, is an [Evaluation].
func (r *Result) Base() *Result { return r }

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
func (r *Result) Order() []int { return r.AppendOrder(make([]int, 0, len(r.Ranks))) }

// AppendOrder appends the alternatives' indices from best to worst to dst,
// as [Result.Order] returns them, and returns the extended slice: a caller
// that ranks many problems can reuse one slice (r.AppendOrder(buf[:0])).
func (r *Result) AppendOrder(dst []int) []int {
	m := len(r.Ranks)
	dst = slices.Grow(dst, m)
	idx := dst[len(dst) : len(dst)+m]
	// The ranks a method returns lie in 1..m, so a counting sort (stable,
	// like the sort below) orders them in linear time, counting on the
	// stack for up to smallRanking alternatives.
	var buf [smallRanking + 1]int
	start := make0(buf[:], m+1)
	counting := true
	for _, k := range r.Ranks {
		if k < 1 || k > m {
			counting = false
			break
		}
		start[k]++
	}
	if counting {
		pos := 0
		for k := range start {
			start[k], pos = pos, pos+start[k]
		}
		for i, k := range r.Ranks {
			idx[start[k]] = i
			start[k]++
		}
		return dst[:len(dst)+m]
	}
	// Ranks set by hand may lie anywhere.
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(r.Ranks[a], r.Ranks[b]) })
	return dst[:len(dst)+m]
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
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w,
		Scores:       make([]float64, p.m),
		Better:       better,
	}
}

// transformedRows sets contrib[i][j] = w_j·t_j(data[i][j]) and scores[i]
// to the row's sum, for rows lo…hi−1 (n = len(ts) columns).
func transformedRows(data, contrib, scores, w []float64, ts []colTransform, lo, hi int) {
	n := len(ts)
	for i := lo; i < hi; i++ {
		row, dst := data[i*n:(i+1)*n:(i+1)*n], contrib[i*n:(i+1)*n:(i+1)*n]
		ts, w := ts[:len(row)], w[:len(row)]
		s := 0.0
		for j, x := range row {
			c := w[j] * ts[j].apply(x)
			dst[j] = c
			s += c
		}
		scores[i] = s
	}
}

// newResultScratch is newResult with extra float64 values of scratch
// space, returned zeroed. Small problems get the scratch in the scores'
// allocation (which the result then keeps: a few kilobytes); large ones
// get a separate one, so that the result does not hold it.
func newResultScratch(method string, p *Problem, w []float64, better Better, extra int) (*Result, []float64) {
	m := p.m
	var block, scratch []float64
	if m <= radixThreshold {
		block = make([]float64, m+extra)
		scratch = block[m:]
	} else {
		block, scratch = make([]float64, m), make([]float64, extra)
	}
	return &Result{
		Method:       method,
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w,
		Scores:       block[:m:m],
		Better:       better,
	}, scratch
}

// newAdditiveResult allocates the result of an additive method with its
// contributions table: the Result and the Table in one allocation, the
// scores and the contributions (returned, row-major m×n) in another.
func newAdditiveResult(method string, p *Problem, w []float64, better Better) (*Result, []float64) {
	m, n := p.m, p.n
	rt := &struct {
		r Result
		t Table
	}{}
	block := make([]float64, m+m*n)
	rt.r = Result{
		Method:       method,
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w,
		Scores:       block[:m:m],
		Better:       better,
	}
	rt.t = Table{Rows: m, Cols: n, Data: block[m:]}
	rt.r.Contributions = &rt.t
	return &rt.r, rt.t.Data
}

// additiveRows builds the result of a method whose score is
// Σ_j w_j·t_j(x_ij) for the column transforms ts, row by row straight
// from the problem's values: the same numbers as additiveResult on the
// normalised matrix, without it.
func additiveRows(token string, p *Problem, w []float64, better Better, ts []colTransform) *Result {
	n := p.n
	res, contrib := newAdditiveResult(token, p, w, better)
	if serialRows(p.m, n) {
		transformedRows(p.data, contrib, res.Scores, w, ts, 0, p.m)
	} else {
		forBlocks(p.m, n, func(lo, hi, _ int) { transformedRows(p.data, contrib, res.Scores, w, ts, lo, hi) })
	}
	res.Ranks = rankScores(res.Scores, better)
	res.Notes = p.constantNotes()
	return res
}
