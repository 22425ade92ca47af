package scoring

// COPRAS is the COmplex PRoportional ASsessment method of Zavadskas,
// Kaklauskas & Šarka (1994), "The new method of multicriteria complex
// proportional assessment of projects", Technological and Economic
// Development of Economy 1(3):131–139, in the form of Zavadskas et al.
// (2008). With the weighted sum-normalised values d_ij = w_j x_ij / Σ_i x_ij
// (the same on benefit and cost criteria),
//
//	S⁺_i = Σ_{j benefit} d_ij,  S⁻_i = Σ_{j cost} d_ij
//	Q_i  = S⁺_i + Σ_k S⁻_k / (S⁻_i · Σ_k 1/S⁻_k)
//	N_i  = 100 · Q_i / max_k Q_k
//
// The score is the utility degree N_i in percent (the best alternative has
// 100); higher is better. When every S⁻ is zero (no cost criterion, or all
// cost weights zero), Q = S⁺. Values must be non-negative, and positive on
// cost criteria; a benefit column of zeros normalises to 1/m. COPRAS has no
// parameters; its text token is "copras".
type COPRAS struct{}

// COPRASResult adds COPRAS's intermediate sums. Result.Scores holds the
// utility degree N in percent.
type COPRASResult struct {
	Result
	// SPlus is S⁺, the sum of the weighted normalised benefit values.
	SPlus []float64 `json:"s_plus"`
	// SMinus is S⁻, the sum of the weighted normalised cost values.
	SMinus []float64 `json:"s_minus"`
	// Significance is Q, the relative significance.
	Significance []float64 `json:"significance"`
}

// Rank implements [Method]; the scores are utility degrees in percent.
func (m COPRAS) Rank(p *Problem, weights []float64) (*Result, error) {
	r, err := m.Evaluate(p, weights)
	if err != nil {
		return nil, err
	}
	return &r.Result, nil
}

// Evaluate is Rank with S⁺, S⁻ and Q.
func (m COPRAS) Evaluate(p *Problem, weights []float64) (*COPRASResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	res := &COPRASResult{
		Result:       *newResult("copras", p, w, Higher),
		SPlus:        make([]float64, p.m),
		SMinus:       make([]float64, p.m),
		Significance: make([]float64, p.m),
	}
	k.eval(res.Scores, res.SPlus, res.SMinus, res.Significance, w)
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

func (m COPRAS) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (COPRAS) prepareKernel(p *Problem) (coprasKernel, error) {
	if err := checkProblem(p); err != nil {
		return coprasKernel{}, err
	}
	cost := make([]bool, p.n)
	for j, c := range p.crits {
		if err := p.checkRatioDomain(j, Sum); err != nil {
			return coprasKernel{}, err
		}
		cost[j] = c.Direction == Cost
	}
	// Plain sum normalisation on every column: the benefit form of Sum.
	sums := p.scaledSums(false)
	ts := make([]colTransform, p.n)
	for j := range ts {
		if sums[j] == 0 {
			ts[j] = colTransform{c: 1 / float64(p.m)}
		} else {
			ts[j] = colTransform{s: p.colScale[j], k: 1 / sums[j]}
		}
	}
	return coprasKernel{d: p.normalized(ts, nil), n: p.n, cost: cost}, nil
}

// coprasKernel holds the unweighted sum-normalised matrix.
type coprasKernel struct {
	d    []float64
	n    int
	cost []bool
}

// eval fills N (percent), S⁺, S⁻ and Q. The cost term is computed as
// Σ_k S⁻_k · u_i/Σ_k u_k with u_i = min S⁻ / S⁻_i, which cannot overflow; if
// some S⁻_i underflowed to 0 while others are positive, those alternatives
// share the whole term (the limit of the formula).
func (k coprasKernel) eval(nOut, sPlus, sMinus, q, w []float64) {
	m := len(nOut)
	var sumMinus float64
	minPos, zeros := 0.0, 0
	for i := range m {
		var sp, sm float64
		for j, x := range k.d[i*k.n : (i+1)*k.n] {
			if k.cost[j] {
				sm += w[j] * x
			} else {
				sp += w[j] * x
			}
		}
		sPlus[i], sMinus[i] = sp, sm
		sumMinus += sm
		if sm > 0 && (minPos == 0 || sm < minPos) {
			minPos = sm
		}
		if sm == 0 {
			zeros++
		}
	}
	sumU := 0.0
	if zeros == 0 {
		for i := range m {
			sumU += minPos / sMinus[i]
		}
	}
	qMax := 0.0
	for i := range m {
		q[i] = sPlus[i]
		switch {
		case sumMinus == 0:
		case zeros > 0:
			if sMinus[i] == 0 {
				q[i] += sumMinus / float64(zeros)
			}
		default:
			q[i] += sumMinus * (minPos / sMinus[i]) / sumU
		}
		qMax = max(qMax, q[i])
	}
	for i := range m {
		if qMax > 0 {
			nOut[i] = 100 * q[i] / qMax
		} else {
			nOut[i] = 100 // every Q is zero: all alternatives tie
		}
	}
}

func (k coprasKernel) score(dst, w, scratch []float64) {
	m := len(dst)
	k.eval(dst, scratch[:m], scratch[m:2*m], scratch[2*m:3*m], w)
}

func (k coprasKernel) scratchLen() int { return 3 * len(k.d) / k.n }
func (coprasKernel) better() Better    { return Higher }
