package scoring

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// BWMModel selects the optimisation model [BWM] derives the weights from.
// The zero value is BWMLinear.
type BWMModel int

const (
	// BWMLinear is the linear model of Rezaei (2016): it minimises the
	// largest |w_B − a_Bj·w_j| and |w_j − a_jW·w_W| and has a unique
	// solution.
	BWMLinear BWMModel = iota
	// BWMNonLinear is the original minmax model of Rezaei (2015): it
	// minimises the largest |w_B/w_j − a_Bj| and |w_j/w_W − a_jW|. Its
	// optimum ξ* is unique but the weights may not be; the result gives
	// each weight's interval over all optimal solutions (Rezaei 2016, §3)
	// and one optimal solution as the weights (see [BWM]).
	BWMNonLinear
)

var bwmModelTokens = []string{"linear", "nonlinear"}

// String returns "linear" or "nonlinear".
func (m BWMModel) String() string { return tokenString("BWMModel", bwmModelTokens, int(m)) }

// MarshalText returns the token of m; an invalid value is an error.
func (m BWMModel) MarshalText() ([]byte, error) {
	return marshalToken("bwm model", bwmModelTokens, int(m))
}

// UnmarshalText parses "linear" or "nonlinear".
func (m *BWMModel) UnmarshalText(b []byte) error {
	v, err := ParseBWMModel(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseBWMModel parses "linear" or "nonlinear". Any other token is an error
// wrapping [ErrUnknownName].
func ParseBWMModel(s string) (BWMModel, error) {
	i, err := parseToken("bwm model", bwmModelTokens, s)
	return BWMModel(i), err
}

// bwmCI is the consistency index of Rezaei (2015, Omega 53:49–57, Table 5),
// reproduced as Table 1 of Rezaei (2016, Omega 64:126–130): the largest ξ*
// the non-linear model can reach for a given a_BW = 1 … 9.
var bwmCI = [...]float64{0, 0.44, 1.00, 1.63, 2.30, 3.00, 3.73, 4.47, 5.23}

// BWMConsistencyIndex returns the consistency index CI(a_BW) of the
// Best-Worst Method: for integer a_BW = 1 … 9 the published table of
// Rezaei (2015), reproduced in Rezaei (2016, Table 1),
//
//	a_BW  1     2     3     4     5     6     7     8     9
//	CI    0.00  0.44  1.00  1.63  2.30  3.00  3.73  4.47  5.23
//
// and for other values in [1, 9] (such as an averaged group judgement) the
// root of ξ² − (1 + 2a_BW)ξ + (a_BW² − a_BW) = 0 from which Rezaei (2015)
// computed the table, ((1 + 2a) − √(1 + 8a))/2. It returns false for a_BW
// outside [1, 9] or not finite.
func BWMConsistencyIndex(aBW float64) (float64, bool) {
	if !(aBW >= 1 && aBW <= 9) {
		return 0, false
	}
	if k := math.Round(aBW); k == aBW {
		return bwmCI[int(k)-1], true
	}
	return ((1 + 2*aBW) - math.Sqrt(1+8*aBW)) / 2, true
}

// BWM is the Best-Worst Method of Rezaei (2015, "Best-worst multi-criteria
// decision-making method", Omega 53:49–57), a subjective weighting from
// 2n − 3 comparisons instead of AHP's n(n − 1)/2. The decision maker names
// the best (most important) criterion B and the worst W, then rates on the
// 1–9 scale how much more important B is than each criterion j (the
// best-to-others vector a_B, with a_BB = 1) and how much more important
// each criterion j is than W (the others-to-worst vector a_W, with
// a_WW = 1). a_BW appears in both vectors and must agree.
//
// With the zero Model, BWMLinear, the weights solve the linear model of
// Rezaei (2016, "Best-worst multi-criteria decision-making method: Some
// properties and a linear model", Omega 64:126–130, model (19)):
//
//	min ξᴸ  s.t.  |w_B − a_Bj·w_j| ≤ ξᴸ,  |w_j − a_jW·w_W| ≤ ξᴸ  for all j,
//	              Σ_j w_j = 1,  w_j ≥ 0
//
// a linear programme with a unique solution, solved here by the simplex
// method. With BWMNonLinear they solve the original minmax model (Rezaei
// 2015, model (2)):
//
//	min ξ  s.t.  |w_B/w_j − a_Bj| ≤ ξ,  |w_j/w_W − a_jW| ≤ ξ,  Σ w_j = 1, w_j ≥ 0
//
// whose optimum ξ* is found to 1e-10 by bisection on ξ, each step a
// feasibility test of the ratio constraints (difference constraints on
// ln w, checked for a negative cycle); the weights are then not
// always unique, so the result reports each weight's interval over every
// optimal solution (Rezaei 2016, §3, by one linear programme per bound),
// and as the weights the mean of the 2n optimal solutions that attain
// those bounds. Unlike the interval centres Rezaei (2016) ranks by, this
// mean is itself an optimal solution (the set of solutions is convex), so
// the weights always satisfy the model at ξ*.
//
// Whatever the model, the result carries ξ* of the non-linear model and the
// consistency ratio CR = ξ*/CI(a_BW) of Rezaei (2015) with the index of
// [BWMConsistencyIndex]; CR = 0 is fully consistent (a_Bj·a_jW = a_BW for
// every j) and values near 1 very inconsistent. The table assumes that no
// criterion is further from the best, or from the worst, than the worst is
// from the best (a_Bj ≤ a_BW and a_jW ≤ a_BW); input that breaks this gets
// a note. Even within it, CR can exceed 1 when judgements contradict each
// other in opposite directions: with a_BW = 2, a criterion rated as
// important as the best and as the worst (a_Bj = a_jW = 1) next to one
// rated half-way from both (a_Bj = a_jW = 2) forces ξ* = 0.5 > CI(2). ξᴸ of the linear model is in
// weight units and is not divided by that table (Rezaei 2016 reads it
// directly: the closer to 0, the more consistent).
//
// The zero BWM is ready to use.
type BWM struct {
	// Model selects the linear (zero value) or non-linear model.
	Model BWMModel `json:"model"`
}

// BWMResult is the outcome of [BWM.Weigh].
type BWMResult struct {
	// Method is "bwm".
	Method string `json:"method"`
	// Model is the model the weights come from.
	Model BWMModel `json:"model"`
	// Best is the 0-based index of the best (most important) criterion.
	Best int `json:"best"`
	// Worst is the 0-based index of the worst (least important)
	// criterion.
	Worst int `json:"worst"`
	// Weights are non-negative and sum to 1.
	Weights []float64 `json:"weights"`
	// Xi is the optimum of the chosen model: ξᴸ for BWMLinear, ξ* for
	// BWMNonLinear.
	Xi float64 `json:"xi"`
	// XiStar is ξ* of the non-linear model, whatever Model is.
	XiStar float64 `json:"xi_star"`
	// CI is the consistency index CI(a_BW).
	CI float64 `json:"ci"`
	// CR is the consistency ratio ξ*/CI(a_BW); 0 when a_BW = 1.
	CR float64 `json:"cr"`
	// Intervals holds, for BWMNonLinear, the smallest and largest value of
	// each weight over the optimal solutions; nil for BWMLinear.
	Intervals [][2]float64 `json:"intervals,omitempty"`
	// Notes records advisories.
	Notes []Note `json:"notes,omitempty"`
}

// bwmScale is the largest judgement of the 1–9 scale.
const bwmScale = 9

// bwmXiTol is the precision of ξ* found by bisection.
const bwmXiTol = 1e-10

// Weigh derives the weights of n ≥ 2 criteria from the index of the best
// and worst criteria and the two comparison vectors, each of length n with
// values in [1, 9] (non-integer values, such as group averages, are
// accepted). The caller's slices are not modified.
//
// The error, if any, is an [*InputError]: on field "best" or "worst"
// wrapping [ErrParam] (an index out of range, or best = worst); on field
// "best_to_others" or "others_to_worst" wrapping [ErrEmpty] (fewer than two
// criteria), [ErrLength] (the vectors' lengths differ), [ErrNotFinite],
// [ErrDomain] (a value outside [1, 9], or a_BB or a_WW not 1) or
// [ErrInconsistent] (a_BW differs between the two vectors), with Col the
// offending index; or on field "model" wrapping [ErrParam].
func (b BWM) Weigh(best, worst int, bestToOthers, othersToWorst []float64) (*BWMResult, error) {
	if b.Model != BWMLinear && b.Model != BWMNonLinear {
		return nil, inputErr("model", -1, -1, "", ErrParam, b.Model.String())
	}
	n := len(bestToOthers)
	if n < 2 {
		return nil, inputErr("best_to_others", -1, -1, "", ErrEmpty, fmt.Sprintf("%d criteria, want at least 2", n))
	}
	if len(othersToWorst) != n {
		return nil, inputErr("others_to_worst", -1, -1, "", ErrLength,
			fmt.Sprintf("%d values for %d criteria", len(othersToWorst), n))
	}
	if best < 0 || best >= n {
		return nil, inputErr("best", -1, best, "", ErrParam, fmt.Sprintf("index %d outside [0, %d)", best, n))
	}
	if worst < 0 || worst >= n {
		return nil, inputErr("worst", -1, worst, "", ErrParam, fmt.Sprintf("index %d outside [0, %d)", worst, n))
	}
	if best == worst {
		return nil, inputErr("worst", -1, worst, "", ErrParam, "the best and the worst criterion must differ")
	}
	for _, v := range []struct {
		field string
		a     []float64
		self  int
	}{{"best_to_others", bestToOthers, best}, {"others_to_worst", othersToWorst, worst}} {
		for j, x := range v.a {
			switch {
			case math.IsNaN(x) || math.IsInf(x, 0):
				return nil, inputErr(v.field, -1, j, "", ErrNotFinite, fmt.Sprint(x))
			case x < 1 || x > bwmScale:
				return nil, inputErr(v.field, -1, j, "", ErrDomain, fmt.Sprintf("%g outside [1, 9]", x))
			case j == v.self && x != 1:
				return nil, inputErr(v.field, -1, j, "", ErrDomain,
					fmt.Sprintf("%g: a criterion compared with itself must be 1", x))
			}
		}
	}
	aBW := bestToOthers[worst]
	if othersToWorst[best] != aBW {
		return nil, inputErr("others_to_worst", -1, best, "", ErrInconsistent,
			fmt.Sprintf("best over worst is %g here but %g in best_to_others", othersToWorst[best], aBW))
	}
	ci, _ := BWMConsistencyIndex(aBW)
	res := &BWMResult{Method: "bwm", Model: b.Model, Best: best, Worst: worst, CI: ci}
	pr := bwmProblem{n: n, best: best, worst: worst, aB: bestToOthers, aW: othersToWorst}
	xiStar, err := pr.xiStar()
	if err != nil {
		return nil, err
	}
	res.XiStar = xiStar
	if ci > 0 {
		res.CR = xiStar / ci
	}
	switch b.Model {
	case BWMLinear:
		w, xi, err := pr.linear()
		if err != nil {
			return nil, err
		}
		res.Weights, res.Xi = w, xi
	case BWMNonLinear:
		// A hair above ξ*, so that rounding in the feasibility test cannot
		// leave the linear programmes without a solution.
		iv, w, err := pr.intervals(xiStar + 1e-9)
		if err != nil {
			return nil, err
		}
		res.Weights, res.Xi, res.Intervals = w, xiStar, iv
	}
	for j := range n {
		if bestToOthers[j] > aBW || othersToWorst[j] > aBW {
			res.Notes = append(res.Notes, Note{Code: "bwm-beyond-extremes",
				Text: fmt.Sprintf("criterion %d is compared with the best or the worst by more than the best is with the worst (%g); the consistency ratio may then exceed 1", j, aBW)})
		}
	}
	if aBW == 1 {
		res.Notes = append(res.Notes, Note{Code: "bwm-best-equals-worst",
			Text: "the best criterion is judged as important as the worst, so all criteria weigh the same as far as the judgements go"})
	}
	return res, nil
}

// bwmProblem holds validated BWM input.
type bwmProblem struct {
	n, best, worst int
	aB, aW         []float64
}

// errBWMSolver wraps a failure of the simplex solver, which validated input
// should never cause.
var errBWMSolver = errors.New("linear programme did not solve")

// solve minimises cᵀx subject to G·x ≤ h, E·x = e and x ≥ 0, adding one
// slack variable per inequality.
func solveLP(c []float64, g [][]float64, h []float64, eq [][]float64, e []float64) ([]float64, float64, error) {
	nv := len(c)
	rows := len(g) + len(eq)
	cols := nv + len(g)
	a := mat.NewDense(rows, cols, nil)
	b := make([]float64, rows)
	for i, r := range g {
		for j, v := range r {
			a.Set(i, j, v)
		}
		a.Set(i, nv+i, 1)
		b[i] = h[i]
	}
	for i, r := range eq {
		for j, v := range r {
			a.Set(len(g)+i, j, v)
		}
		b[len(g)+i] = e[i]
	}
	cc := make([]float64, cols)
	copy(cc, c)
	f, x, err := lp.Simplex(cc, a, b, 1e-12, nil)
	if err != nil {
		return nil, 0, err
	}
	return x[:nv], f, nil
}

// linear solves the linear model: variables w_1 … w_n, ξ.
func (p bwmProblem) linear() ([]float64, float64, error) {
	n := p.n
	c := make([]float64, n+1)
	c[n] = 1
	var g [][]float64
	var h []float64
	add := func(i, j int, a float64) { // |w_i − a·w_j| ≤ ξ
		for _, s := range []float64{1, -1} {
			r := make([]float64, n+1)
			r[i] += s
			r[j] -= s * a
			r[n] = -1
			g = append(g, r)
			h = append(h, 0)
		}
	}
	for j := range n {
		if j != p.best {
			add(p.best, j, p.aB[j])
		}
		if j != p.worst && j != p.best {
			add(j, p.worst, p.aW[j])
		}
	}
	sum := make([]float64, n+1)
	for j := range n {
		sum[j] = 1
	}
	x, f, err := solveLP(c, g, h, [][]float64{sum}, []float64{1})
	if err != nil {
		return nil, 0, inputErr("best_to_others", -1, -1, "", ErrDomain, fmt.Sprintf("%v: %v", errBWMSolver, err))
	}
	w := make([]float64, n)
	for j := range w {
		w[j] = math.Max(x[j], 0)
	}
	return w, math.Max(f, 0), nil
}

// ratioRows returns the constraints of the non-linear model at a fixed ξ,
// linear in w: w_B − (a_Bj + ξ)w_j ≤ 0, (a_Bj − ξ)w_j − w_B ≤ 0, and the
// same for w_j against w_W.
func (p bwmProblem) ratioRows(xi float64) [][]float64 {
	n := p.n
	var g [][]float64
	add := func(i, j int, a float64) { // |w_i/w_j − a| ≤ ξ
		r := make([]float64, n)
		r[i], r[j] = 1, -(a + xi)
		g = append(g, r)
		r = make([]float64, n)
		r[i], r[j] = -1, a-xi
		g = append(g, r)
	}
	for j := range n {
		if j != p.best {
			add(p.best, j, p.aB[j])
		}
		if j != p.worst && j != p.best {
			add(j, p.worst, p.aW[j])
		}
	}
	return g
}

// feasible reports whether some positive weights satisfy the non-linear
// model's constraints at ξ. In logarithms the constraints are difference
// constraints, ln w_i − ln w_j ≤ ln(a + ξ) and ln w_j − ln w_i ≤ −ln(a − ξ)
// (the latter only when a > ξ), which some weights satisfy exactly when
// their constraint graph has no negative cycle (Bellman–Ford); weights
// scale freely, so Σ w = 1 costs nothing. A cycle shorter than −1e-12 in
// log units counts as negative, so that exactly consistent judgements are
// feasible at ξ = 0 despite rounding.
func (p bwmProblem) feasible(xi float64) bool {
	type edge struct {
		from, to int
		w        float64
	}
	var edges []edge
	add := func(i, j int, a float64) { // |w_i/w_j − a| ≤ ξ
		edges = append(edges, edge{from: j, to: i, w: math.Log(a + xi)})
		if a > xi {
			edges = append(edges, edge{from: i, to: j, w: -math.Log(a - xi)})
		}
	}
	for j := range p.n {
		if j != p.best {
			add(p.best, j, p.aB[j])
		}
		if j != p.worst && j != p.best {
			add(j, p.worst, p.aW[j])
		}
	}
	const tol = 1e-12
	d := make([]float64, p.n) // a virtual source at distance 0 from all
	for range p.n {
		changed := false
		for _, e := range edges {
			if d[e.from]+e.w < d[e.to]-tol {
				d[e.to] = d[e.from] + e.w
				changed = true
			}
		}
		if !changed {
			return true
		}
	}
	return false
}

// xiStar finds the optimum of the non-linear model by bisection: equal
// weights satisfy every constraint at ξ = 8, and feasibility is monotone
// in ξ.
func (p bwmProblem) xiStar() (float64, error) {
	if p.feasible(0) {
		return 0, nil
	}
	lo, hi := 0.0, float64(bwmScale-1)
	if !p.feasible(hi) {
		return 0, inputErr("best_to_others", -1, -1, "", ErrDomain, errBWMSolver.Error())
	}
	for hi-lo > bwmXiTol {
		mid := (lo + hi) / 2
		if p.feasible(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

// intervals returns each weight's smallest and largest value over the
// solutions of the non-linear model at ξ (the optimum ξ*, found to within
// bwmXiTol from above), and the mean of the 2n optimal solutions that
// attain those bounds: a convex combination of solutions, hence itself one.
func (p bwmProblem) intervals(xi float64) ([][2]float64, []float64, error) {
	g := p.ratioRows(xi)
	h := make([]float64, len(g))
	sum := [][]float64{ones(p.n)}
	out := make([][2]float64, p.n)
	mean := make([]float64, p.n)
	for j := range p.n {
		for k, s := range []float64{1, -1} {
			c := make([]float64, p.n)
			c[j] = s
			x, f, err := solveLP(c, g, h, sum, []float64{1})
			if err != nil {
				return nil, nil, inputErr("best_to_others", -1, -1, "", ErrDomain, fmt.Sprintf("%v: %v", errBWMSolver, err))
			}
			out[j][k] = math.Max(s*f, 0)
			for i, v := range x {
				mean[i] += math.Max(v, 0)
			}
		}
	}
	var total float64
	for _, v := range mean {
		total += v
	}
	for i := range mean {
		mean[i] /= total
	}
	return out, mean, nil
}

func ones(n int) []float64 {
	r := make([]float64, n)
	for i := range r {
		r[i] = 1
	}
	return r
}
