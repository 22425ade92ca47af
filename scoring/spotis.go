package scoring

import (
	"fmt"
	"math"
)

// SPOTIS is the Stable Preference Ordering Towards Ideal Solution of Dezert,
// Tchamova, Han & Tacnet (2020), FUSION 2020. Given bounds [min_j, max_j] of
// each criterion, the ideal s*_j is max_j for benefits and min_j for costs,
// and
//
//	d_i = Σ_j w_j |x_ij − s*_j| / (max_j − min_j)
//
// The score is d in [0, 1]; lower is better. Because the ideal comes from
// the bounds, not the data, adding or removing alternatives cannot reverse
// the ranking of others. The score is additive; Contributions holds each
// criterion's term. Its text token is "spotis".
//
// With an expected solution point (ESP) e, the decision maker's preferred
// value of each criterion inside the bounds, the distance is measured from
// e instead of the ideal (Shekhovtsov, Dezert & Sałabun 2025, "Enhancing
// personalized decision-making with the balanced SPOTIS algorithm",
// ICAART 2025, pp. 264–271; pymcdm's esp):
//
//	d_i = Σ_j w_j |x_ij − e_j| / (max_j − min_j)
//
// so that a value beyond the expected one on either side counts against
// the alternative; d stays in [0, 1]. An ESP equal to the ideal is plain
// SPOTIS.
type SPOTIS struct {
	// Bounds holds [min, max] for each criterion; it must contain every
	// value of the problem, with max > min. Nil means the data's own
	// minimum and maximum (constant columns then contribute 0), which
	// gives up the rank-reversal guarantee.
	Bounds [][2]float64 `json:"bounds,omitempty"`
	// ESP is the expected solution point: one value per criterion, each
	// within that criterion's bounds (Bounds, or the data's range when
	// Bounds is nil). Nil means the ideal, the zero value's behaviour.
	ESP []float64 `json:"esp,omitempty"`
}

// SPOTISResult adds the bounds and ideal SPOTIS measured from, and the
// unweighted distances. Result.Scores holds d (lower is better).
type SPOTISResult struct {
	Result
	// Bounds are the [min, max] bounds used for each criterion: the
	// method's Bounds, or the data's range when they are nil.
	Bounds [][2]float64 `json:"bounds,omitempty"`
	// Ideal is the ideal solution point s*: each criterion's max bound for
	// benefits, its min bound for costs.
	Ideal []float64 `json:"ideal"`
	// ESP is the expected solution point the distances are measured from;
	// absent (nil) when they are measured from the ideal.
	ESP []float64 `json:"esp,omitempty"`
	// Distance is the normalised distance |x_ij − s*_j| / (max_j − min_j)
	// of each alternative to the ideal (or to the ESP when one is given)
	// on each criterion, before weighting (Result.Contributions holds it
	// times the weight). Its JSON form is an array of rows.
	Distance *Table `json:"distance"`
}

// Rank implements [Method].
func (m SPOTIS) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	cols, err := m.columns(p)
	if err != nil {
		return nil, err
	}
	// The distances are computed row by row straight into the
	// contributions, as prepareKernel's matrix times the weights.
	n := p.n
	res, contrib := newAdditiveResult("spotis", p, w, Lower)
	if serialRows(p.m, n) {
		spotisRows(p.data, contrib, res.Scores, w, cols, n, 0, p.m)
	} else {
		forBlocks(p.m, n, func(lo, hi, _ int) { spotisRows(p.data, contrib, res.Scores, w, cols, n, lo, hi) })
	}
	res.Ranks = rankScores(res.Scores, Lower)
	res.Notes = p.constantNotes()
	return res, nil
}

// spotisRows computes the contributions and scores of rows lo…hi−1 from
// the problem's values data (n columns) and the columns' coefficients
// (see SPOTIS.columns).
func spotisRows(data, contrib, scores, w, cols []float64, n, lo, hi int) {
	sc, ideal, span := cols[:n:n], cols[n:2*n:2*n], cols[2*n:3*n:3*n]
	for i := lo; i < hi; i++ {
		row, dst := data[i*n:(i+1)*n:(i+1)*n], contrib[i*n:(i+1)*n:(i+1)*n]
		sc, ideal, span, w := sc[:len(row)], ideal[:len(row)], span[:len(row)], w[:len(row)]
		s := 0.0
		for j, x := range row {
			d := 0.0
			if span[j] > 0 {
				d = math.Abs(x*sc[j]-ideal[j]) / span[j]
			}
			c := w[j] * d
			dst[j] = c
			s += c
		}
		scores[i] = s
	}
}

// Detail implements [Evaluator]; it is Evaluate.
func (m SPOTIS) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the bounds, the ideal solution point and the
// unweighted distances to it.
func (m SPOTIS) Evaluate(p *Problem, weights []float64) (*SPOTISResult, error) {
	res, err := m.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	out := &SPOTISResult{Result: *res, Bounds: make([][2]float64, p.n), Ideal: make([]float64, p.n), Distance: newTable(k.r, p.m, p.n)}
	if m.ESP != nil {
		out.ESP = append([]float64(nil), m.ESP...)
	}
	for j := range p.n {
		b := [2]float64{p.colMin[j], p.colMax[j]}
		if m.Bounds != nil {
			b = m.Bounds[j]
		}
		out.Bounds[j], out.Ideal[j] = b, b[1]
		if p.crits[j].Direction == Cost {
			out.Ideal[j] = b[0]
		}
	}
	return out, nil
}

func (m SPOTIS) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (m SPOTIS) prepareKernel(p *Problem) (linearKernelLower, error) {
	cols, err := m.columns(p)
	if err != nil {
		return linearKernelLower{}, err
	}
	n := p.n
	d := make([]float64, p.m*n)
	for j := range n {
		s, ideal, span := cols[j], cols[n+j], cols[2*n+j]
		for i := range p.m {
			if span > 0 {
				d[i*n+j] = math.Abs(p.data[i*n+j]*s-ideal) / span
			}
		}
	}
	return linearKernelLower{linearKernel{r: d, n: n}}, nil
}

// columns checks the bounds and the ESP and returns, for each criterion j,
// its exact power-of-two scale s at cols[j], the point distances are
// measured from (the ideal or the ESP) times s at cols[n+j] and the span
// of the bounds times s at cols[2n+j]: the distance of x is
// |x·s − point|/span, 0 where the span is 0.
func (m SPOTIS) columns(p *Problem) ([]float64, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	if m.Bounds != nil && len(m.Bounds) != p.n {
		return nil, inputErr("bounds", -1, -1, "", ErrLength,
			fmt.Sprintf("%d bounds for %d criteria", len(m.Bounds), p.n))
	}
	if m.ESP != nil && len(m.ESP) != p.n {
		return nil, inputErr("esp", -1, -1, "", ErrLength,
			fmt.Sprintf("%d expected values for %d criteria", len(m.ESP), p.n))
	}
	n := p.n
	cols := make([]float64, 3*n)
	for j := range n {
		lo, hi := p.colMin[j], p.colMax[j]
		if m.Bounds != nil {
			b := m.Bounds[j]
			if math.IsNaN(b[0]) || math.IsInf(b[0], 0) || math.IsNaN(b[1]) || math.IsInf(b[1], 0) {
				return nil, inputErr("bounds", -1, j, p.crits[j].Name, ErrNotFinite, fmt.Sprint(b))
			}
			if !(b[1] > b[0]) || b[0] > lo || b[1] < hi {
				return nil, inputErr("bounds", -1, j, p.crits[j].Name, ErrParam,
					fmt.Sprintf("bounds %v must satisfy min < max and contain the data's range [%g, %g]", b, lo, hi))
			}
			lo, hi = b[0], b[1]
		}
		s := powerOfTwoScale(math.Max(math.Abs(lo), math.Abs(hi)))
		span := hi*s - lo*s
		ideal := hi * s
		if p.crits[j].Direction == Cost {
			ideal = lo * s
		}
		if m.ESP != nil {
			e := m.ESP[j]
			if math.IsNaN(e) || math.IsInf(e, 0) {
				return nil, inputErr("esp", -1, j, p.crits[j].Name, ErrNotFinite, fmt.Sprint(e))
			}
			if e < lo || e > hi {
				return nil, inputErr("esp", -1, j, p.crits[j].Name, ErrParam,
					fmt.Sprintf("expected value %g is outside the bounds [%g, %g]", e, lo, hi))
			}
			ideal = e * s
		}
		cols[j], cols[n+j], cols[2*n+j] = s, ideal, span
	}
	return cols, nil
}

// linearKernelLower is a weighted sum where lower is better.
type linearKernelLower struct{ linearKernel }

func (linearKernelLower) better() Better { return Lower }

var _ preparer = SPOTIS{}
