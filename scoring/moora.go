package scoring

import "math"

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

var _ preparer = MOORA{}
