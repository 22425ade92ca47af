package scoring

import (
	"fmt"
	"math"
)

// EDAS is Evaluation based on Distance from Average Solution (Keshavarz
// Ghorabaee, Zavadskas, Olfat & Turskis 2015, Informatica 26(3):435–451).
// With AV_j the mean of criterion j, and the positive and negative
// distances from it in the criterion's direction,
//
//	PDA_ij = max(0, ±(x_ij − AV_j)/AV_j),  NDA_ij = max(0, ∓(x_ij − AV_j)/AV_j)
//	SP_i = Σ_j w_j PDA_ij,  SN_i = Σ_j w_j NDA_ij
//	AS_i = ½ (SP_i / max SP + 1 − SN_i / max SN)
//
// The score is the appraisal score AS in [0, 1]; higher is better. Where
// every SP (or SN) is zero its term is defined as 0 (or 1). Each column's
// mean must be positive ([ErrDomain] otherwise). Its text token is "edas".
type EDAS struct{}

// Rank implements [Method].
func (EDAS) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := EDAS{}.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	res := newResult("edas", p, w, Higher)
	k.score(res.Scores, w, make([]float64, k.scratchLen()))
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

func (m EDAS) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (EDAS) prepareKernel(p *Problem) (edasKernel, error) {
	if err := checkProblem(p); err != nil {
		return edasKernel{}, err
	}
	sums := p.scaledSums(false)
	n := p.n
	av := make([]float64, n)
	avMin := math.Inf(1)
	for j := range n {
		av[j] = sums[j] / float64(p.m)
		if !(av[j] > 0) {
			return edasKernel{}, inputErr("matrix", -1, j, p.crits[j].Name, ErrDomain,
				fmt.Sprintf("EDAS needs a positive column mean, got %g", av[j]/p.colScale[j]))
		}
		avMin = min(avMin, av[j])
	}
	// d_ij = (x_ij − AV_j)/AV_j in the criterion's direction, every column
	// multiplied by the same positive constant min AV (in scaled units),
	// which AS does not depend on: it keeps d bounded (|d| ≤ 2) when a
	// mean is tiny next to the values.
	d := make([]float64, p.m*n)
	for j := range n {
		sign := 1.0
		if p.crits[j].Direction == Cost {
			sign = -1
		}
		f := avMin / av[j]
		for i := range p.m {
			d[i*n+j] = sign * (p.data[i*n+j]*p.colScale[j] - av[j]) * f
		}
	}
	return edasKernel{d: d, n: n}, nil
}

type edasKernel struct {
	d []float64
	n int
}

func (k edasKernel) score(dst, w, scratch []float64) {
	m := len(dst)
	sp, sn := scratch[:m], scratch[m:2*m]
	var maxP, maxN float64
	for i := range m {
		var a, b float64
		for j, x := range k.d[i*k.n : (i+1)*k.n] {
			if x > 0 {
				a += w[j] * x
			} else {
				b -= w[j] * x
			}
		}
		sp[i], sn[i] = a, b
		maxP, maxN = math.Max(maxP, a), math.Max(maxN, b)
	}
	for i := range m {
		nsp, nsn := 0.0, 1.0
		if maxP > 0 {
			nsp = sp[i] / maxP
		}
		if maxN > 0 {
			nsn = 1 - sn[i]/maxN
		}
		dst[i] = (nsp + nsn) / 2
	}
}

func (k edasKernel) scratchLen() int { return 2 * len(k.d) / k.n }
func (edasKernel) better() Better    { return Higher }

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

// Rank implements [Method].
func (MABAC) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := MABAC{}.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	n := p.n
	res := newResult("mabac", p, w, Higher)
	g := k.border(w)
	contrib := make([]float64, p.m*n)
	for i := range p.m {
		s := 0.0
		for j, r := range k.r[i*n : (i+1)*n] {
			c := w[j]*(r+1) - g[j]
			contrib[i*n+j] = c
			s += c
		}
		res.Scores[i] = s
	}
	res.Contributions = newTable(contrib, p.m, n)
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
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
	r := p.normalized(ts, nil)
	// The border area is G_j = w_j · (Π_i (r_ij + 1))^(1/m): the mean of
	// ln(r+1) per column does not depend on the weights.
	logMean := make([]float64, p.n)
	for i := range p.m {
		for j, x := range r[i*p.n : (i+1)*p.n] {
			logMean[j] += math.Log1p(x)
		}
	}
	for j := range logMean {
		logMean[j] = math.Exp(logMean[j] / float64(p.m))
	}
	return mabacKernel{r: r, n: p.n, geo: logMean}, nil
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
type SPOTIS struct {
	// Bounds holds [min, max] for each criterion; it must contain every
	// value of the problem, with max > min. Nil means the data's own
	// minimum and maximum (constant columns then contribute 0), which
	// gives up the rank-reversal guarantee.
	Bounds [][2]float64 `json:"bounds"`
}

// Rank implements [Method].
func (m SPOTIS) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	return additiveResult("spotis", p, w, Lower, k.r), nil
}

func (m SPOTIS) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (m SPOTIS) prepareKernel(p *Problem) (linearKernelLower, error) {
	if err := checkProblem(p); err != nil {
		return linearKernelLower{}, err
	}
	if m.Bounds != nil && len(m.Bounds) != p.n {
		return linearKernelLower{}, inputErr("bounds", -1, -1, "", ErrLength,
			fmt.Sprintf("%d bounds for %d criteria", len(m.Bounds), p.n))
	}
	n := p.n
	d := make([]float64, p.m*n)
	for j := range n {
		lo, hi := p.colMin[j], p.colMax[j]
		if m.Bounds != nil {
			b := m.Bounds[j]
			if math.IsNaN(b[0]) || math.IsInf(b[0], 0) || math.IsNaN(b[1]) || math.IsInf(b[1], 0) {
				return linearKernelLower{}, inputErr("bounds", -1, j, p.crits[j].Name, ErrNotFinite, fmt.Sprint(b))
			}
			if !(b[1] > b[0]) || b[0] > lo || b[1] < hi {
				return linearKernelLower{}, inputErr("bounds", -1, j, p.crits[j].Name, ErrParam,
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
		for i := range p.m {
			if span > 0 {
				d[i*n+j] = math.Abs(p.data[i*n+j]*s-ideal) / span
			}
		}
	}
	return linearKernelLower{linearKernel{r: d, n: n}}, nil
}

// additiveResult builds the result of a method whose score is Σ_j w_j·r_ij
// for the row-major matrix r, with the terms as contributions.
func additiveResult(token string, p *Problem, w []float64, better Better, r []float64) *Result {
	n := p.n
	res := newResult(token, p, w, better)
	contrib := make([]float64, p.m*n)
	for i := range p.m {
		s := 0.0
		for j, x := range r[i*n : (i+1)*n] {
			c := w[j] * x
			contrib[i*n+j] = c
			s += c
		}
		res.Scores[i] = s
	}
	res.Contributions = newTable(contrib, p.m, n)
	res.Ranks = rankScores(res.Scores, better)
	res.Notes = p.constantNotes()
	return res
}

// linearKernelLower is a weighted sum where lower is better.
type linearKernelLower struct{ linearKernel }

func (linearKernelLower) better() Better { return Lower }

// MOORA is the ratio system of Multi-Objective Optimization on the basis of
// Ratio Analysis (Brauers & Zavadskas 2006, Control and Cybernetics
// 35(2):445–469). On the vector-normalised values r_ij = x_ij / ‖x_j‖₂
// (without turning costs around),
//
//	y_i = Σ_{j benefit} w_j r_ij − Σ_{j cost} w_j r_ij
//
// The score is y; higher is better. It ranks exactly as [WeightedSum] with
// Vector normalisation, whose scores are y plus the total cost weight. y
// is additive; Contributions holds ±w_j r_ij. Its text token is "moora".
// (A column of zeros is the exception: MOORA gives it 0 where Vector gives
// it 1/√m, which shifts the weighted sum's scores but not its ranking.)
type MOORA struct{}

// Rank implements [Method].
func (MOORA) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := MOORA{}.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	return additiveResult("moora", p, w, Higher, k.r), nil
}

func (m MOORA) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (MOORA) prepareKernel(p *Problem) (linearKernel, error) {
	if err := checkProblem(p); err != nil {
		return linearKernel{}, err
	}
	sq := p.scaledSums(true)
	n := p.n
	ts := make([]colTransform, n)
	for j := range n {
		norm := math.Sqrt(sq[j])
		switch {
		case norm == 0:
			ts[j] = colTransform{} // a column of zeros contributes nothing
		case p.crits[j].Direction == Cost:
			ts[j] = colTransform{s: p.colScale[j], k: -1 / norm}
		default:
			ts[j] = colTransform{s: p.colScale[j], k: 1 / norm}
		}
	}
	return linearKernel{r: p.normalized(ts, nil), n: n}, nil
}

var (
	_ preparer = EDAS{}
	_ preparer = MABAC{}
	_ preparer = SPOTIS{}
	_ preparer = MOORA{}
)
