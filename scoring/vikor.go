package scoring

import (
	"fmt"
	"math"
	"slices"
)

// VIKOR is the compromise ranking method of Opricovic (1998) as stated in
// Opricovic & Tzeng (2004), "Compromise solution by MCDM methods: A
// comparative analysis of VIKOR and TOPSIS", EJOR 156(2):445–455. With f*_j
// and f⁻_j the best and worst values of criterion j,
//
//	S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)
//	R_i = max_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)
//	Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*)
//
// where S* = min S, S⁻ = max S, and likewise for R. A term whose
// denominator is zero (a constant criterion, or all S or all R equal) is 0.
// The score is Q; lower is better.
//
// V weighs the strategy of the majority of criteria (group utility, S)
// against individual regret (R). Because v = 0 is a legitimate setting the
// zero VIKOR uses V = 0 as given; [NewVIKOR] returns the customary v = 0.5.
//
// Its text token is "vikor".
type VIKOR struct {
	// V is the weight of the group-utility strategy, in [0, 1].
	V float64 `json:"v"`
}

// NewVIKOR returns VIKOR with v = 0.5 ("by consensus"), the value used by
// Opricovic & Tzeng (2004).
func NewVIKOR() VIKOR { return VIKOR{V: 0.5} }

// VIKORResult adds VIKOR's measures and its compromise-solution test.
// Result.Scores holds Q.
type VIKORResult struct {
	Result
	// S is the group utility of each alternative (lower is better).
	S []float64 `json:"s"`
	// R is the individual regret of each alternative (lower is better).
	R []float64 `json:"r"`
	// DQ is the acceptable-advantage threshold 1/(m−1) (0 when m = 1).
	DQ float64 `json:"dq"`
	// AcceptableAdvantage (condition C1) holds when the second-best
	// alternative by Q trails the best by at least DQ.
	AcceptableAdvantage bool `json:"acceptable_advantage"`
	// AcceptableStability (condition C2) holds when the best alternative by
	// Q is also best by S or by R.
	AcceptableStability bool `json:"acceptable_stability"`
	// Compromise lists the indices of the compromise solution, best Q
	// first: the best alternative alone when C1 and C2 hold; the best two
	// when only C2 fails; otherwise every alternative whose Q is within DQ
	// of the best.
	Compromise []int `json:"compromise"`
}

// Rank implements [Method]; the scores are Q (lower is better).
func (m VIKOR) Rank(p *Problem, weights []float64) (*Result, error) {
	r, err := m.Evaluate(p, weights)
	if err != nil {
		return nil, err
	}
	return &r.Result, nil
}

func (m VIKOR) check() error {
	if !(m.V >= 0 && m.V <= 1) {
		return inputErr("v", -1, -1, "", ErrParam, fmt.Sprintf("v = %g, want 0 ≤ v ≤ 1", m.V))
	}
	return nil
}

// Detail implements [Evaluator]; it is Evaluate.
func (m VIKOR) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with S, R and the compromise-solution conditions.
func (m VIKOR) Evaluate(p *Problem, weights []float64) (*VIKORResult, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	block := make([]float64, 3*mm)
	res := &VIKORResult{
		Result: Result{
			Method:       "vikor",
			Alternatives: p.resultAlts,
			Criteria:     p.resultCrits,
			Weights:      w,
			Scores:       block[:mm:mm],
			Better:       Lower,
		},
		S: block[mm : 2*mm : 2*mm],
		R: block[2*mm : 3*mm : 3*mm],
	}
	// The weighted regret w_j·(f*_j − x)/(f*_j − f⁻_j) is affine in x.
	var tbuf transformBuf
	ts := vikorTransformsInto(p, tbuf.slice(n))
	var fbuf [16]form
	forms := fbuf[:0]
	if n > len(fbuf) {
		forms = make([]form, 0, n)
	}
	forms, _ = weightedFormsInto(forms, ts, w)
	var st vikorRanges
	if serialRows(mm, n) {
		// The ranges of S and R are exact whatever the blocks, so one
		// block gives the bits the parallel path gives.
		k := vikorKernel{data: p.data, ts: ts, n: n, v: m.V}
		k.regrets(res.S, res.R, w, 0, mm, forms)
		st = rangesOf(res.S, res.R)
		k.fillQ(res.Scores, res.S, res.R, st)
	} else {
		// Each block of rows also records the ranges of its S and R,
		// merged in block order afterwards, so Q needs no sequential pass.
		k := vikorKernel{data: p.data, ts: slices.Clone(ts), n: n, v: m.V}
		var hforms []form
		if forms != nil {
			hforms = slices.Clone(forms)
		}
		blocks := make([]vikorRanges, numBlocks(mm))
		forBlocks(mm, n, func(lo, hi, b int) {
			k.regrets(res.S, res.R, w, lo, hi, hforms)
			blocks[b] = rangesOf(res.S[lo:hi], res.R[lo:hi])
		})
		st = blocks[0]
		for _, b := range blocks[1:] {
			st = st.merge(b)
		}
		forBlocks(mm, 1, func(lo, hi, _ int) { k.fillQ(res.Scores[lo:hi], res.S[lo:hi], res.R[lo:hi], st) })
	}
	var order []int
	res.Ranks, order = rankAndOrder(res.Scores, Lower)
	res.Notes = p.constantNotes()
	res.compromise(order, st)
	return res, nil
}

// vikorRanges holds the ranges of S and R.
type vikorRanges struct{ sLo, sHi, rLo, rHi float64 }

// rangesOf returns the ranges of s and r, which must not be empty.
func rangesOf(s, r []float64) vikorRanges {
	st := vikorRanges{s[0], s[0], r[0], r[0]}
	for i, x := range s {
		y := r[i]
		if x < st.sLo {
			st.sLo = x
		}
		if x > st.sHi {
			st.sHi = x
		}
		if y < st.rLo {
			st.rLo = y
		}
		if y > st.rHi {
			st.rHi = y
		}
	}
	return st
}

func (a vikorRanges) merge(b vikorRanges) vikorRanges {
	return vikorRanges{min(a.sLo, b.sLo), max(a.sHi, b.sHi), min(a.rLo, b.rLo), max(a.rHi, b.rHi)}
}

// compromise applies Opricovic & Tzeng's conditions C1 and C2 given the
// alternatives in Q order.
func (r *VIKORResult) compromise(order []int, st vikorRanges) {
	m := len(r.Scores)
	best := order[0]
	if m == 1 {
		r.AcceptableAdvantage, r.AcceptableStability = true, true
		r.Compromise = []int{best}
		return
	}
	r.DQ = 1 / float64(m-1)
	q := r.Scores
	r.AcceptableAdvantage = q[order[1]]-q[best] >= r.DQ*(1-tieTolerance)
	r.AcceptableStability = isMinimum(r.S[best], st.sLo, st.sHi) || isMinimum(r.R[best], st.rLo, st.rHi)
	switch {
	case r.AcceptableAdvantage && r.AcceptableStability:
		r.Compromise = []int{best}
	case r.AcceptableAdvantage:
		r.Compromise = []int{best, order[1]}
	default:
		k := 1
		for k < m && q[order[k]]-q[best] < r.DQ*(1-tieTolerance) {
			k++
		}
		r.Compromise = slices.Clone(order[:k])
	}
}

// isMinimum reports whether x ranks first in ascending order among values
// in [lo, hi], with the same tie tolerance as the ranking.
func isMinimum(x, lo, hi float64) bool {
	return x-lo <= tieTolerance*max(math.Abs(lo), math.Abs(hi))
}

// vikorTransforms returns, per column, the map x ↦ (f* − x)/(f* − f⁻),
// 0 on a constant column.
func vikorTransforms(p *Problem) []colTransform {
	return vikorTransformsInto(p, make([]colTransform, p.n))
}

// vikorTransformsInto is vikorTransforms writing into ts (length n).
func vikorTransformsInto(p *Problem, ts []colTransform) []colTransform {
	for j := range p.n {
		s := p.colScale[j]
		lo, hi := p.colMin[j]*s, p.colMax[j]*s
		span := hi - lo
		switch {
		case span == 0:
			ts[j] = colTransform{s: s}
		case p.crits[j].Direction == Cost:
			ts[j] = colTransform{s: s, o: lo, k: 1 / span}
		default:
			ts[j] = colTransform{s: s, o: hi, k: -1 / span}
		}
	}
	return ts
}

// vikorKernel holds raw values with their regret transforms, or regrets
// already computed (ts nil).
type vikorKernel struct {
	data []float64
	ts   []colTransform
	n    int
	v    float64
}

// regrets fills S and R for rows lo..hi. forms, if not nil, holds the
// weighted affine form of each column's regret (see weightedForms), which
// replaces applying the transforms cell by cell.
func (k vikorKernel) regrets(s, r, w []float64, lo, hi int, forms []form) {
	n := k.n
	for i := lo; i < hi; i++ {
		var si, ri float64
		row := k.data[i*n : (i+1)*n : (i+1)*n]
		switch {
		case forms != nil:
			forms := forms[:len(row)] // no bounds checks below
			for j, x := range row {
				t := forms[j].a + forms[j].b*x
				si += t
				ri = max(ri, t) // branch-free: which column regrets most is unpredictable
			}
		case k.ts != nil: // extreme magnitudes: apply the transforms exactly
			for j, x := range row {
				t := w[j] * k.ts[j].apply(x)
				si += t
				if t > ri {
					ri = t
				}
			}
		default:
			w := w[:len(row)]
			for j, x := range row {
				t := w[j] * x
				si += t
				if t > ri {
					ri = t
				}
			}
		}
		s[i], r[i] = si, ri
	}
}

// q fills Q from S and R. A spread of S (or R) within the tie tolerance of
// its magnitude counts as none, so that rounding noise between
// mathematically equal values cannot turn into a full preference; the
// terms are divided, not multiplied by a reciprocal, so they stay in
// [0, 1] however small the spread.
func (k vikorKernel) q(dst, s, r []float64) {
	k.fillQ(dst, s, r, rangesOf(s, r))
}

// fillQ is q given the ranges of all of S and R, for any slice of them.
func (k vikorKernel) fillQ(dst, s, r []float64, st vikorRanges) {
	sLo, sHi, rLo, rHi := st.sLo, st.sHi, st.rLo, st.rHi
	sSpread := sHi-sLo > tieTolerance*max(math.Abs(sLo), math.Abs(sHi))
	rSpread := rHi-rLo > tieTolerance*max(math.Abs(rLo), math.Abs(rHi))
	s, r = s[:len(dst)], r[:len(dst)]
	for i := range dst {
		var a, b float64
		if sSpread {
			a = (s[i] - sLo) / (sHi - sLo)
		}
		if rSpread {
			b = (r[i] - rLo) / (rHi - rLo)
		}
		dst[i] = k.v*a + (1-k.v)*b
	}
}

func (k vikorKernel) score(dst, w, scratch []float64) {
	m := len(dst)
	s, r := scratch[:m], scratch[m:2*m]
	k.regrets(s, r, w, 0, m, nil)
	k.q(dst, s, r)
}

func (k vikorKernel) scratchLen() int { return 2 * len(k.data) / k.n }
func (vikorKernel) better() Better    { return Lower }

func (m VIKOR) prepare(p *Problem) (kernel, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	ts := vikorTransforms(p)
	return vikorKernel{data: p.normalized(ts, nil), n: p.n, v: m.V}, nil
}
