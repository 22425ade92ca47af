package scoring

import "slices"

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

// Detail implements [Evaluator]; it is Evaluate.
func (m COPRAS) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with S⁺, S⁻ and Q.
func (m COPRAS) Evaluate(p *Problem, weights []float64) (*COPRASResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	var cbuf [16]bool
	cost := cbuf[:0]
	if n > len(cbuf) {
		cost = make([]bool, 0, n)
	}
	cost, err = coprasDomainInto(p, cost)
	if err != nil {
		return nil, err
	}
	// One allocation for N, S⁺, S⁻, Q and the columns' coefficients.
	block := make([]float64, 4*mm+3*n)
	res := &COPRASResult{
		Result: Result{
			Method:       "copras",
			Alternatives: p.resultAlts,
			Criteria:     p.resultCrits,
			Weights:      w,
			Scores:       block[:mm:mm],
			Better:       Higher,
		},
		SPlus:        block[mm : 2*mm : 2*mm],
		SMinus:       block[2*mm : 3*mm : 3*mm],
		Significance: block[3*mm : 4*mm : 4*mm],
	}
	// d_ij·w_j = (x·s_j)·(w_j/Σ x·s_j), with s_j the column's exact
	// power-of-two scale, read straight off the matrix (no normalised
	// copy), block by block; each block's partial statistics are merged in
	// block order, so the bits do not depend on the number of CPUs.
	sums := p.scaledSums(false)
	coefs := block[4*mm:]
	scale, coef, konst := coefs[:n:n], coefs[n:2*n:2*n], coefs[2*n:3*n:3*n]
	for j := range n {
		t := coprasTransform(p, sums, j)
		scale[j], coef[j], konst[j] = t.s, w[j]*t.k, w[j]*t.c
	}
	nb := numBlocks(mm)
	block1 := func(b int) (lo, hi int) { return b * blockRows, min((b+1)*blockRows, mm) }
	if serialRows(mm, n) {
		var st coprasStats
		// The blocks one after another: the same partial sums, merged in
		// the same order, as the parallel path.
		for b := range nb {
			lo, hi := block1(b)
			part := coprasRows(p.data, res.SPlus, res.SMinus, coefs, cost, n, lo, hi)
			if b == 0 {
				st = part
			} else {
				st.merge(part)
			}
		}
		if st.zeros == 0 && st.sumMinus > 0 {
			for b := range nb {
				lo, hi := block1(b)
				st.sumU += coprasSumU(res.SMinus[lo:hi], st.minPos)
			}
		}
		top := coprasQ(&st, res.SPlus, res.SMinus, res.Significance)
		coprasUtility(res.Scores, res.Significance, top)
	} else {
		hcost := slices.Clone(cost)
		parts := make([]coprasStats, nb)
		forBlocks(mm, n, func(lo, hi, b int) {
			parts[b] = coprasRows(p.data, res.SPlus, res.SMinus, coefs, hcost, n, lo, hi)
		})
		st := parts[0]
		for _, q := range parts[1:] {
			st.merge(q)
		}
		if st.zeros == 0 && st.sumMinus > 0 {
			sumU := make([]float64, nb)
			forBlocks(mm, 1, func(lo, hi, b int) { sumU[b] = coprasSumU(res.SMinus[lo:hi], st.minPos) })
			for _, u := range sumU {
				st.sumU += u
			}
		}
		qMax := make([]float64, nb)
		forBlocks(mm, 1, func(lo, hi, b int) {
			qMax[b] = coprasQ(&st, res.SPlus[lo:hi], res.SMinus[lo:hi], res.Significance[lo:hi])
		})
		top := slices.Max(qMax)
		forBlocks(mm, 1, func(lo, hi, _ int) { coprasUtility(res.Scores[lo:hi], res.Significance[lo:hi], top) })
	}
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// coprasRows sets S⁺ and S⁻ of rows lo…hi−1 from the problem's values data
// (n columns) and, in coefs, each column's scale, weighted slope and
// weighted constant; it returns the rows' statistics of S⁻.
func coprasRows(data, sPlus, sMinus, coefs []float64, cost []bool, n, lo, hi int) coprasStats {
	scale, coef, konst, cost := coefs[:n:n], coefs[n:2*n:2*n], coefs[2*n:3*n:3*n], cost[:n:n]
	st := coprasStats{}
	for i := lo; i < hi; i++ {
		var sp, sm float64
		for j, x := range data[i*n : (i+1)*n : (i+1)*n] {
			d := konst[j] + x*scale[j]*coef[j]
			if cost[j] {
				sm += d
			} else {
				sp += d
			}
		}
		sPlus[i], sMinus[i] = sp, sm
		st.add(sm)
	}
	return st
}

// coprasSumU returns Σ minPos/S⁻ over sMinus, summed in order.
func coprasSumU(sMinus []float64, minPos float64) float64 {
	u := 0.0
	for _, sm := range sMinus {
		u += minPos / sm
	}
	return u
}

// coprasQ sets Q from S⁺ and S⁻ and returns the largest Q (0 if all are
// negative or there are none).
func coprasQ(st *coprasStats, sPlus, sMinus, q []float64) float64 {
	hiQ := 0.0
	sMinus, q = sMinus[:len(sPlus)], q[:len(sPlus)]
	for i, sp := range sPlus {
		x := st.q(sp, sMinus[i])
		q[i] = x
		hiQ = max(hiQ, x)
	}
	return hiQ
}

// coprasStats summarises S⁻ for the cost term of Q.
type coprasStats struct {
	sumMinus float64 // Σ S⁻
	minPos   float64 // the smallest positive S⁻ (0 if none)
	zeros    int     // how many S⁻ are 0
	sumU     float64 // Σ minPos/S⁻, when no S⁻ is 0
}

func (st *coprasStats) add(sm float64) {
	st.sumMinus += sm
	if sm > 0 && (st.minPos == 0 || sm < st.minPos) {
		st.minPos = sm
	}
	if sm == 0 {
		st.zeros++
	}
}

func (st *coprasStats) merge(o coprasStats) {
	st.sumMinus += o.sumMinus
	if o.minPos > 0 && (st.minPos == 0 || o.minPos < st.minPos) {
		st.minPos = o.minPos
	}
	st.zeros += o.zeros
}

// q returns Q for one alternative. The cost term is computed as
// Σ_k S⁻_k · u_i/Σ_k u_k with u_i = min S⁻ / S⁻_i, which cannot overflow;
// if some S⁻_i underflowed to 0 while others are positive, those
// alternatives share the whole term (the limit of the formula).
func (st *coprasStats) q(sp, sm float64) float64 {
	switch {
	case st.sumMinus == 0:
		return sp
	case st.zeros > 0:
		if sm == 0 {
			return sp + st.sumMinus/float64(st.zeros)
		}
		return sp
	default:
		return sp + st.sumMinus*(st.minPos/sm)/st.sumU
	}
}

// coprasUtility fills N = 100·Q/max Q (all 100 when every Q is zero).
func coprasUtility(dst, q []float64, qMax float64) {
	for i := range dst {
		if qMax > 0 {
			dst[i] = 100 * q[i] / qMax
		} else {
			dst[i] = 100 // every Q is zero: all alternatives tie
		}
	}
}

// coprasDomain checks the ratio domain of every column and returns which
// columns are costs.
func coprasDomain(p *Problem) ([]bool, error) {
	return coprasDomainInto(p, make([]bool, 0, p.n))
}

// coprasDomainInto is coprasDomain appending to cost[:0].
func coprasDomainInto(p *Problem, cost []bool) ([]bool, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	cost = cost[:0]
	for j, c := range p.crits {
		if err := p.checkRatioDomain(j, Sum); err != nil {
			return nil, err
		}
		cost = append(cost, c.Direction == Cost)
	}
	return cost, nil
}

// coprasTransforms returns plain sum normalisation on every column (the
// benefit form of Sum): x·s/Σ x·s, or 1/m on a column of zeros.
func coprasTransforms(p *Problem) []colTransform {
	sums := p.scaledSums(false)
	ts := make([]colTransform, p.n)
	for j := range ts {
		ts[j] = coprasTransform(p, sums, j)
	}
	return ts
}

// coprasTransform is coprasTransforms' transform of column j, given the
// scaled column sums.
func coprasTransform(p *Problem, sums []float64, j int) colTransform {
	if sums[j] == 0 {
		return colTransform{c: 1 / float64(p.m)}
	}
	return colTransform{s: p.colScale[j], k: 1 / sums[j]}
}

func (m COPRAS) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (COPRAS) prepareKernel(p *Problem) (coprasKernel, error) {
	cost, err := coprasDomain(p)
	if err != nil {
		return coprasKernel{}, err
	}
	return coprasKernel{d: p.normalized(coprasTransforms(p), nil), n: p.n, cost: cost}, nil
}

// coprasKernel holds the unweighted sum-normalised matrix.
type coprasKernel struct {
	d    []float64
	n    int
	cost []bool
}

// eval fills N (percent), S⁺, S⁻ and Q.
func (k coprasKernel) eval(nOut, sPlus, sMinus, q, w []float64) {
	m := len(nOut)
	var st coprasStats
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
		st.add(sm)
	}
	if st.zeros == 0 && st.sumMinus > 0 {
		for i := range m {
			st.sumU += st.minPos / sMinus[i]
		}
	}
	qMax := 0.0
	for i := range m {
		q[i] = st.q(sPlus[i], sMinus[i])
		qMax = max(qMax, q[i])
	}
	coprasUtility(nOut, q, qMax)
}

func (k coprasKernel) score(dst, w, scratch []float64) {
	m := len(dst)
	k.eval(dst, scratch[:m], scratch[m:2*m], scratch[2*m:3*m], w)
}

func (k coprasKernel) scratchLen() int { return 3 * len(k.d) / k.n }
func (coprasKernel) better() Better    { return Higher }
