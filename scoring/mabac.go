package scoring

import (
	"math"
	"runtime"
	"sync"
)

// MABAC is the Multi-Attributive Border Approximation area Comparison of
// Pamučar & Ćirović (2015), Expert Systems with Applications 42(6):3016–3028.
// On the min–max normalised matrix r (see [MinMax]),
//
//	V_ij = w_j (r_ij + 1),  G_j = (Π_i V_ij)^(1/m),  S_i = Σ_j (V_ij − G_j)
//
// The score is S; higher is better. S is additive, and Contributions holds
// V_ij − G_j, the distance from the border approximation area. Its text
// token is "mabac".
type MABAC struct{}

// MABACResult adds MABAC's weighted matrix and border approximation area.
// Result.Scores holds S.
type MABACResult struct {
	Result
	// Weighted is V, the weighted normalised matrix w_j (r_ij + 1). Its
	// JSON form is an array of rows.
	Weighted *Table `json:"weighted"`
	// Border is G, the border approximation area of each criterion: the
	// geometric mean of the criterion's column of V.
	Border []float64 `json:"border"`
	// Distance is Q = V − G, each alternative's distance from the border
	// area on each criterion: positive in the upper approximation area
	// (better than the border), negative in the lower. It is the same table
	// as Result.Contributions; each row sums to the score.
	Distance *Table `json:"distance"`
}

// Rank implements [Method].
func (m MABAC) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	ts, err := p.transforms(MinMax, MinMax)
	if err != nil {
		return nil, err
	}
	// Two passes over the problem's values, without a normalised copy: the
	// geometric means, then V − G row by row, each r recomputed with the
	// same operations as prepareKernel's matrix.
	n := p.n
	g := mabacGeo(p, ts)
	for j := range g {
		g[j] *= w[j]
	}
	res, contrib := newAdditiveResult("mabac", p, w, Higher)
	if serialRows(p.m, n) {
		mabacRows(p.data, contrib, res.Scores, w, g, ts, 0, p.m)
	} else {
		forBlocks(p.m, n, func(lo, hi, _ int) { mabacRows(p.data, contrib, res.Scores, w, g, ts, lo, hi) })
	}
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// mabacRows sets contrib[i][j] = w_j·(t_j(x) + 1) − g_j and scores[i] to
// the row's sum, for rows lo…hi−1.
func mabacRows(data, contrib, scores, w, g []float64, ts []colTransform, lo, hi int) {
	n := len(ts)
	for i := lo; i < hi; i++ {
		row, dst := data[i*n:(i+1)*n:(i+1)*n], contrib[i*n:(i+1)*n:(i+1)*n]
		ts, w, g := ts[:len(row)], w[:len(row)], g[:len(row)]
		s := 0.0
		for j, x := range row {
			c := w[j]*(ts[j].apply(x)+1) - g[j]
			dst[j] = c
			s += c
		}
		scores[i] = s
	}
}

// mabacProductRows is how many rows mabacLogSums multiplies before it
// takes the exponents out of its running products: each factor 1 + r lies
// in [1, 2] (r is min–max normalised), so a product of this many stays
// below 2^300, far from overflow.
const mabacProductRows = 256

// mabacLogSums adds ln Π_i (1 + t_j(x_ij)) over the rows of data (n
// columns) to acc[j] for the columns jlo…jhi−1. It multiplies the factors
// in row order, taking the binary exponent out of each running product
// with math.Frexp every mabacProductRows rows, and takes one logarithm
// per column at the end, rather than a logarithm per value: the product
// of m factors rounds m times by at most 2^-53 each, so its logarithm,
// divided by m for the geometric mean, is as exact as the mean of m
// logarithms (each within an ulp), at a multiplication's cost.
func mabacLogSums(data, acc []float64, ts []colTransform, n, jlo, jhi int) {
	ts, acc = ts[jlo:jhi:jhi], acc[jlo:jhi:jhi]
	var pbuf [16]float64
	var ebuf [16]int
	prod, exp := pbuf[:0], ebuf[:0]
	if len(ts) > len(pbuf) {
		prod, exp = make([]float64, 0, len(ts)), make([]int, 0, len(ts))
	}
	prod, exp = prod[:len(ts)], exp[:len(ts)]
	for j := range prod {
		prod[j] = 1
	}
	rows := 0
	for i := 0; i+n <= len(data); i += n {
		row := data[i+jlo : i+jhi : i+jhi]
		ts, prod := ts[:len(row)], prod[:len(row)]
		for j, x := range row {
			prod[j] *= 1 + ts[j].apply(x)
		}
		if rows++; rows == mabacProductRows {
			rows = 0
			for j, v := range prod {
				f, e := math.Frexp(v)
				prod[j], exp[j] = f, exp[j]+e
			}
		}
	}
	for j, v := range prod {
		f, e := math.Frexp(v)
		acc[j] += float64(exp[j]+e)*math.Ln2 + math.Log(f)
	}
}

// mabacGeo returns, per column, (Π_i (r_ij + 1))^(1/m) for the normalised
// values r = t_j(x): exp of the mean of ln(1 + r), from each column's
// product taken in row order (see mabacLogSums). Large problems split the
// columns between goroutines, which keeps that order.
func mabacGeo(p *Problem, ts []colTransform) []float64 {
	n := p.n
	logMean := make([]float64, n)
	if workers := min(runtime.GOMAXPROCS(0), n); workers > 1 && p.m*n >= parallelMin {
		var wg sync.WaitGroup
		for c := range workers {
			wg.Go(func() { mabacLogSums(p.data, logMean, ts, n, c*n/workers, (c+1)*n/workers) })
		}
		wg.Wait()
	} else {
		mabacLogSums(p.data, logMean, ts, n, 0, n)
	}
	for j := range logMean {
		logMean[j] = math.Exp(logMean[j] / float64(p.m))
	}
	return logMean
}

// Detail implements [Evaluator]; it is Evaluate.
func (m MABAC) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the weighted matrix, the border approximation
// area and the distances from it.
func (m MABAC) Evaluate(p *Problem, weights []float64) (*MABACResult, error) {
	return m.evaluate(p, weights, true)
}

func (MABAC) evaluate(p *Problem, weights []float64, detail bool) (*MABACResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := MABAC{}.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	n := p.n
	res := &MABACResult{Result: *newResult("mabac", p, w, Higher)}
	g := k.border(w)
	contrib := make([]float64, p.m*n)
	var v []float64
	if detail {
		v = make([]float64, p.m*n)
	}
	for i := range p.m {
		s := 0.0
		for j, r := range k.r[i*n : (i+1)*n] {
			vij := w[j] * (r + 1)
			c := vij - g[j]
			contrib[i*n+j] = c
			if detail {
				v[i*n+j] = vij
			}
			s += c
		}
		res.Scores[i] = s
	}
	res.Contributions = newTable(contrib, p.m, n)
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	if detail {
		res.Weighted, res.Border, res.Distance = newTable(v, p.m, n), g, res.Contributions
	}
	return res, nil
}

func (m MABAC) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (MABAC) prepareKernel(p *Problem) (mabacKernel, error) {
	if err := checkProblem(p); err != nil {
		return mabacKernel{}, err
	}
	ts, err := p.transforms(MinMax, MinMax)
	if err != nil {
		return mabacKernel{}, err
	}
	// The border area is G_j = w_j · (Π_i (r_ij + 1))^(1/m): the mean of
	// ln(r+1) per column does not depend on the weights.
	return mabacKernel{r: p.normalized(ts, nil), n: p.n, geo: mabacGeo(p, ts)}, nil
}

type mabacKernel struct {
	r   []float64
	n   int
	geo []float64 // (Π_i (r_ij + 1))^(1/m)
}

// border returns G_j for weights w.
func (k mabacKernel) border(w []float64) []float64 {
	g := make([]float64, k.n)
	for j := range g {
		g[j] = w[j] * k.geo[j]
	}
	return g
}

func (k mabacKernel) score(dst, w, _ []float64) {
	for i := range dst {
		s := 0.0
		for j, r := range k.r[i*k.n : (i+1)*k.n] {
			s += w[j] * (r + 1 - k.geo[j])
		}
		dst[i] = s
	}
}

func (mabacKernel) scratchLen() int { return 0 }
func (mabacKernel) better() Better  { return Higher }

var _ preparer = MABAC{}
