package scoring

import "math"

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

var _ preparer = MABAC{}
