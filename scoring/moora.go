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

// MOORAResult adds the ratio system's parts. Result.Scores holds y.
type MOORAResult struct {
	Result
	// Normalized is the vector-normalised matrix x_ij / ‖x_j‖₂, with cost
	// criteria not turned around (0 for a column of zeros). Its JSON form
	// is an array of rows.
	Normalized *Table `json:"normalized"`
	// Benefit is the sum over benefit criteria of w_j r_ij.
	Benefit []float64 `json:"benefit"`
	// Cost is the sum over cost criteria of w_j r_ij; the score is
	// Benefit − Cost.
	Cost []float64 `json:"cost"`
}

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

// Detail implements [Evaluator]; it is Evaluate.
func (m MOORA) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the normalised matrix and the benefit and cost
// sums of the ratio system.
func (m MOORA) Evaluate(p *Problem, weights []float64) (*MOORAResult, error) {
	res, err := m.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	n := p.n
	out := &MOORAResult{Result: *res, Benefit: make([]float64, p.m), Cost: make([]float64, p.m)}
	r := k.r // the kernel's own copy: turn its cost columns back around
	for i := range p.m {
		for j := range n {
			c := res.Contributions.Data[i*n+j]
			if p.crits[j].Direction == Cost {
				r[i*n+j] = 0 - r[i*n+j] // not −0 for a zero
				out.Cost[i] -= c
			} else {
				out.Benefit[i] += c
			}
		}
	}
	out.Normalized = newTable(r, p.m, n)
	return out, nil
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
