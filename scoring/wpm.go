package scoring

import "math"

// WeightedProduct is the weighted product model (Bridgman 1922; Miller &
// Starr 1969):
//
//	score_i = Π_j r_ij^(w_j)
//
// on the normalised matrix r. The zero value uses Max normalisation (x/max,
// min/x for costs), so scores lie in [0, 1]; because the product is
// invariant to rescaling a column, the ranking equals that of the raw
// product Π x_ij^(±w_j) of Hwang & Yoon (1981), §3.2.2. A criterion with
// zero weight contributes a factor of 1 even where r is 0. Higher scores are
// better.
//
// Its text token is "wpm".
type WeightedProduct struct {
	// Normalization of the matrix; DefaultNormalization means Max. Vector
	// and MinMax can produce zeros (MinMax always does), which make the
	// product zero; Max or Sum are the usual choices.
	Normalization Normalization `json:"normalization"`
}

// Rank implements [Method].
func (m WeightedProduct) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.prepare(p)
	if err != nil {
		return nil, err
	}
	res := newResult("wpm", p, w, Higher)
	k.score(res.Scores, w, nil)
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

func (m WeightedProduct) prepare(p *Problem) (kernel, error) {
	ts, err := p.transforms(m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	logs := p.normalized(ts, nil)
	for k, r := range logs {
		if r < 0 {
			i, j := k/p.n, k%p.n
			return nil, inputErr("matrix", i, j, p.alts[i]+"/"+p.crits[j].Name, ErrDomain,
				"the weighted product needs non-negative normalised values")
		}
	}
	forBlocks(p.m, p.n, func(lo, hi, _ int) {
		for k := lo * p.n; k < hi*p.n; k++ {
			logs[k] = math.Log(logs[k]) // -Inf for 0
		}
	})
	return productKernel{logs: logs, n: p.n}, nil
}

// productKernel scores by exp(Σ_j w_j ln r_ij), skipping zero weights so
// that 0^0 = 1.
type productKernel struct {
	logs []float64
	n    int
}

func (k productKernel) score(dst, w, _ []float64) {
	for i := range dst {
		s := 0.0
		for j, l := range k.logs[i*k.n : (i+1)*k.n] {
			if w[j] != 0 {
				s += w[j] * l
			}
		}
		dst[i] = math.Exp(s)
	}
}

func (productKernel) scratchLen() int { return 0 }
func (productKernel) better() Better  { return Higher }
