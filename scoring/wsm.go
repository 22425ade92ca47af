package scoring

import "slices"

// WeightedSum is simple additive weighting (SAW), the weighted sum model:
//
//	score_i = Σ_j w_j · r_ij
//
// where r is the normalised matrix (see [Normalization]). The zero value
// uses the linear scale transformation Max (x/max for benefits, min/x for
// costs), as in Hwang & Yoon (1981), Multiple Attribute Decision Making,
// §3.2.1 (SAW). Higher scores are better. The result carries
// Contributions: w_j·r_ij, which sum to the score.
//
// With Normalization None, r is the raw value (negated on cost criteria,
// as in MOORA's ratio system): only for data already on one scale, since
// a criterion's unit then sets its influence.
//
// Its text token is "wsm".
type WeightedSum struct {
	// Normalization of the matrix; DefaultNormalization means Max.
	Normalization Normalization `json:"normalization"`
}

// WeightedSumResult adds the normalised matrix. Result.Contributions
// holds it times the weights.
type WeightedSumResult struct {
	Result
	// Normalized is the normalised matrix r (benefit form: higher is
	// better on every criterion). Its JSON form is an array of rows.
	Normalized *Table `json:"normalized"`
}

// Detail implements [Evaluator]; it is Evaluate.
func (m WeightedSum) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the normalised matrix.
func (m WeightedSum) Evaluate(p *Problem, weights []float64) (*WeightedSumResult, error) {
	res, err := m.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	ts, err := p.transforms(m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	return &WeightedSumResult{Result: *res, Normalized: newTable(p.normalized(ts, nil), p.m, p.n)}, nil
}

// Rank implements [Method].
func (m WeightedSum) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	var tbuf transformBuf
	ts, err := p.transformsInto(tbuf.slice(p.n), m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	res, contrib := newAdditiveResult("wsm", p, w, Higher)
	// Per column the contribution w_j·r(x) is a + b·x or, for a
	// reciprocal transform, c/x; folding w_j in saves a multiplication.
	var fbuf [16]form
	forms := fbuf[:0]
	if p.n > len(fbuf) {
		forms = make([]form, 0, p.n)
	}
	forms, fast := weightedFormsInto(forms, ts, w)
	if serialRows(p.m, p.n) {
		k := wsmRows{data: p.data, contrib: contrib, scores: res.Scores, w: w, ts: ts, forms: forms, n: p.n, fast: fast}
		k.run(0, p.m)
	} else {
		// Built from the locals, not from a stack wsmRows: escape analysis
		// would otherwise move the stack buffers to the heap.
		k := &wsmRows{data: p.data, contrib: contrib, scores: res.Scores, w: w,
			ts: slices.Clone(ts), forms: slices.Clone(forms), n: p.n, fast: fast}
		forBlocks(p.m, p.n, func(lo, hi, _ int) { k.run(lo, hi) })
	}
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// wsmRows computes the weighted sum's contributions and scores of rows.
// Its slices may live on the caller's stack when it runs there.
type wsmRows struct {
	data, contrib, scores, w []float64
	ts                       []colTransform
	forms                    []form
	n                        int
	fast                     bool
}

// run computes rows lo…hi−1.
func (k *wsmRows) run(lo, hi int) {
	n := k.n
	for i := lo; i < hi; i++ {
		src, dst := k.data[i*n:(i+1)*n:(i+1)*n], k.contrib[i*n:(i+1)*n:(i+1)*n]
		s := 0.0
		if k.fast {
			forms := k.forms[:len(src)]
			for j, x := range src {
				f := &forms[j]
				c := f.a + f.b*x
				if f.recip {
					c = f.a / x
				}
				dst[j] = c
				s += c
			}
		} else {
			for j, x := range src {
				c := k.w[j] * k.ts[j].apply(x)
				dst[j] = c
				s += c
			}
		}
		k.scores[i] = s
	}
}

func (m WeightedSum) prepare(p *Problem) (kernel, error) {
	ts, err := p.transforms(m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	return linearKernel{r: p.normalized(ts, nil), n: p.n}, nil
}

// linearKernel scores by a weighted sum of the rows of r.
type linearKernel struct {
	r []float64
	n int
}

func (k linearKernel) score(dst, w, _ []float64) {
	for i := range dst {
		dst[i] = mulAdd(k.r[i*k.n:(i+1)*k.n], w)
	}
}

func (linearKernel) scratchLen() int { return 0 }
func (linearKernel) better() Better  { return Higher }
