package scoring

import (
	"math"
	"slices"
)

// TOPSIS is the Technique for Order Preference by Similarity to Ideal
// Solution of Hwang & Yoon (1981), Multiple Attribute Decision Making,
// §3.2.5. With v_ij = w_j·r_ij on the normalised matrix r (benefit form),
// the ideal A⁺ and anti-ideal A⁻ take each column's best and worst v, and
//
//	D⁺_i = ‖v_i − A⁺‖₂,  D⁻_i = ‖v_i − A⁻‖₂,  C_i = D⁻_i / (D⁺_i + D⁻_i)
//
// The score is the closeness coefficient C_i in [0, 1]; higher is better.
// Where D⁺ + D⁻ = 0 (the alternative equals both the ideal and the
// anti-ideal, which happens only when every weighted criterion is constant)
// C is defined as 0.5. The zero value uses Vector normalisation, as in the
// original; for cost criteria the cost forms of [Normalization] give the
// same distances as taking the column minimum as ideal.
//
// With Normalization None the distances are taken on the weighted raw
// values, as pymcdm and pyrepo-mcda do when given no normalisation: only
// for data already on one scale (for example normalised elsewhere), since
// a criterion's unit then sets its influence.
//
// Its text token is "topsis".
type TOPSIS struct {
	// Normalization of the matrix; DefaultNormalization means Vector.
	Normalization Normalization `json:"normalization"`
}

// TOPSISResult adds the distances to the ideal and anti-ideal solutions.
type TOPSISResult struct {
	Result
	// DistanceIdeal is D⁺, the distance of each alternative to the ideal.
	DistanceIdeal []float64 `json:"distance_ideal"`
	// DistanceAntiIdeal is D⁻, the distance to the anti-ideal.
	DistanceAntiIdeal []float64 `json:"distance_anti_ideal"`
}

// Rank implements [Method]; the scores are the closeness coefficients.
func (m TOPSIS) Rank(p *Problem, weights []float64) (*Result, error) {
	r, err := m.evaluate(p, weights, false) // the distances are not returned
	if err != nil {
		return nil, err
	}
	return &r.Result, nil
}

// Detail implements [Evaluator]; it is Evaluate.
func (m TOPSIS) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the distances to the ideal and anti-ideal.
func (m TOPSIS) Evaluate(p *Problem, weights []float64) (*TOPSISResult, error) {
	return m.evaluate(p, weights, true)
}

// evaluate is Evaluate, leaving the distances nil unless distances is set.
func (m TOPSIS) evaluate(p *Problem, weights []float64, distances bool) (*TOPSISResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	var buf transformBuf
	ts, err := m.transformsInto(p, buf.slice(p.n))
	if err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	// One allocation for the scores, the distances and the coefficients.
	nd := 0 // rows of distances
	if distances {
		nd = 2
	}
	block := make([]float64, (1+nd)*mm+3*n)
	res := &TOPSISResult{
		Result: Result{
			Method:       "topsis",
			Alternatives: p.resultAlts,
			Criteria:     p.resultCrits,
			Weights:      w,
			Scores:       block[:mm:mm],
			Better:       Higher,
		},
	}
	if distances {
		res.DistanceIdeal = block[mm : 2*mm : 2*mm]
		res.DistanceAntiIdeal = block[2*mm : 3*mm : 3*mm]
	}
	if topsisAffine(ts) {
		// Fast path: the weighted differences to the ideal and anti-ideal
		// are affine in the raw value, so no normalised copy is needed.
		coef := block[(1+nd)*mm:]
		slope, toBest, toWorst := coef[:n:n], coef[n:2*n:2*n], coef[2*n:3*n:3*n]
		for j, t := range ts {
			// As newTOPSISKernel and affine compute them.
			a, b := t.apply(p.colMin[j]), t.apply(p.colMax[j])
			best, wrst := math.Max(a, b), math.Min(a, b)
			A, B := t.c-t.o*t.k, t.s*t.k
			slope[j] = w[j] * B
			toBest[j] = w[j] * (A - best)
			toWorst[j] = w[j] * (A - wrst)
		}
		if serialRows(mm, n) {
			topsisRows(p.data, coef, res.Scores, res.DistanceIdeal, res.DistanceAntiIdeal, n, 0, mm)
		} else {
			forBlocks(mm, n, func(lo, hi, _ int) {
				topsisRows(p.data, coef, res.Scores, res.DistanceIdeal, res.DistanceAntiIdeal, n, lo, hi)
			})
		}
	} else {
		k := newTOPSISKernel(p, slices.Clone(ts), p.data)
		forBlocks(mm, n, func(lo, hi, _ int) {
			k.scoreRange(res.Scores, res.DistanceIdeal, res.DistanceAntiIdeal, w, lo, hi)
		})
	}
	if sc := ts[0].s; m.Normalization == None && sc != 1 {
		// Back to the data's units (see transforms); a distance beyond
		// the largest float64 is reported as that.
		for i := range res.DistanceIdeal {
			res.DistanceIdeal[i] = min(res.DistanceIdeal[i]/sc, math.MaxFloat64)
			res.DistanceAntiIdeal[i] = min(res.DistanceAntiIdeal[i]/sc, math.MaxFloat64)
		}
	}
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// topsisRows sets the closeness and (if dPlus is not nil) the distances
// of rows lo…hi−1 from the problem's values data (n columns) and, in coef,
// each column's slope w_j·B_j, then w_j·(A_j − best_j), then
// w_j·(A_j − worst_j).
func topsisRows(data, coef, scores, dPlus, dMinus []float64, n, lo, hi int) {
	slope, toBest, toWorst := coef[:n:n], coef[n:2*n:2*n], coef[2*n:3*n:3*n]
	for i := lo; i < hi; i++ {
		var sp, sm float64
		row := data[i*n : (i+1)*n : (i+1)*n]
		sl, tb, tw := slope[:len(row)], toBest[:len(row)], toWorst[:len(row)] // no bounds checks below
		for j, x := range row {
			a := tb[j] + sl[j]*x
			b := tw[j] + sl[j]*x
			sp += a * a
			sm += b * b
		}
		dp, dm := math.Sqrt(sp), math.Sqrt(sm)
		if dPlus != nil {
			dPlus[i], dMinus[i] = dp, dm
		}
		scores[i] = closeness(dp, dm)
	}
}

// topsisAffine reports whether every transform is affine, t(x) = A + B·x
// with A = c − o·k and B = s·k, at a moderate scale (so that folding the
// scale into B loses no precision).
func topsisAffine(ts []colTransform) bool {
	for _, t := range ts {
		if t.recip || t.s < 0x1p-900 || t.s > 0x1p900 {
			return false
		}
	}
	return true
}

// transforms returns the column transforms. With None, values whose
// squares would overflow or underflow (beyond 2^±500) are first multiplied
// by one power of two common to every column, which scales both distances
// alike and so leaves the closeness unchanged.
func (m TOPSIS) transforms(p *Problem) ([]colTransform, error) {
	return m.transformsInto(p, make([]colTransform, p.n))
}

// transformsInto is transforms writing into ts (length n).
func (m TOPSIS) transformsInto(p *Problem, ts []colTransform) ([]colTransform, error) {
	ts, err := p.transformsInto(ts, m.Normalization, Vector)
	if err != nil || m.Normalization != None {
		return ts, err
	}
	big, sc := 0.0, math.Inf(1)
	for j := range p.n {
		big = max(big, math.Abs(p.colMin[j]), math.Abs(p.colMax[j]))
		sc = min(sc, p.colScale[j])
	}
	if big == 0 || (big >= 0x1p-500 && big <= 0x1p500) {
		return ts, nil
	}
	for j := range ts {
		ts[j].s = sc
	}
	return ts, nil
}

func (m TOPSIS) prepare(p *Problem) (kernel, error) {
	ts, err := m.transforms(p)
	if err != nil {
		return nil, err
	}
	return newTOPSISKernel(p, nil, p.normalized(ts, nil)), nil
}

// topsisKernel holds a matrix (raw values with their transforms, or
// already normalised values with ts nil) and each column's best and worst
// normalised value.
type topsisKernel struct {
	data       []float64
	ts         []colTransform
	best, wrst []float64
	n          int
}

func newTOPSISKernel(p *Problem, ts []colTransform, data []float64) topsisKernel {
	k := topsisKernel{data: data, ts: ts, n: p.n, best: make([]float64, p.n), wrst: make([]float64, p.n)}
	for j := range p.n {
		// Every transform is monotone, so the extremes of the normalised
		// column are the images of the raw extremes.
		var a, b float64
		if ts == nil {
			a, b = columnExtremes(data, p.m, p.n, j)
		} else {
			a, b = ts[j].apply(p.colMin[j]), ts[j].apply(p.colMax[j])
		}
		k.best[j], k.wrst[j] = math.Max(a, b), math.Min(a, b)
	}
	return k
}

// columnExtremes returns the minimum and maximum of column j of a
// row-major m×n matrix.
func columnExtremes(data []float64, m, n, j int) (lo, hi float64) {
	lo, hi = data[j], data[j]
	for i := 1; i < m; i++ {
		v := data[i*n+j]
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

func (k topsisKernel) scoreRange(c, dPlus, dMinus, w []float64, lo, hi int) {
	n := k.n
	for i := lo; i < hi; i++ {
		row := k.data[i*n : (i+1)*n]
		var sp, sm float64
		for j, x := range row {
			if k.ts != nil {
				x = k.ts[j].apply(x)
			}
			a := w[j] * (x - k.best[j])
			b := w[j] * (x - k.wrst[j])
			sp += a * a
			sm += b * b
		}
		dp, dm := math.Sqrt(sp), math.Sqrt(sm)
		if dPlus != nil {
			dPlus[i], dMinus[i] = dp, dm
		}
		c[i] = closeness(dp, dm)
	}
}

func (k topsisKernel) score(dst, w, _ []float64) { k.scoreRange(dst, nil, nil, w, 0, len(dst)) }
func (topsisKernel) scratchLen() int             { return 0 }
func (topsisKernel) better() Better              { return Higher }

// closeness is D⁻/(D⁺ + D⁻), or 0.5 when both distances are zero.
func closeness(dPlus, dMinus float64) float64 {
	if s := dPlus + dMinus; s > 0 {
		return dMinus / s
	}
	return 0.5
}
