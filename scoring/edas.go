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

// EDASResult adds EDAS's distances from the average solution.
// Result.Scores holds the appraisal score AS.
type EDASResult struct {
	Result
	// Average is AV, each criterion's mean value, in the criterion's units.
	Average []float64 `json:"average"`
	// PositiveDistance is PDA: At(i, j) is how much better than the
	// average alternative i is on criterion j, as a fraction of the
	// average (0 where it is not better). Its JSON form is an array of rows.
	PositiveDistance *Table `json:"positive_distance"`
	// NegativeDistance is NDA: how much worse than the average, as a
	// fraction of the average (0 where it is not worse).
	NegativeDistance *Table `json:"negative_distance"`
	// SP is the weighted sum of the positive distances, Σ_j w_j PDA_ij.
	SP []float64 `json:"sp"`
	// SN is the weighted sum of the negative distances, Σ_j w_j NDA_ij.
	SN []float64 `json:"sn"`
	// NSP is SP / max SP (0 where every SP is 0).
	NSP []float64 `json:"nsp"`
	// NSN is 1 − SN / max SN (1 where every SN is 0). The score is
	// (NSP + NSN)/2.
	NSN []float64 `json:"nsn"`
}

// Rank implements [Method].
func (EDAS) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	av, avMin, err := edasAverages(p)
	if err != nil {
		return nil, err
	}
	// One pass over the problem's values: the distances d of prepareKernel,
	// computed with the same operations, go straight into SP and SN.
	mm, n := p.m, p.n
	res, sums := newResultScratch("edas", p, w, Higher, 2*mm+2*n)
	sp, sn, sign, f := sums[:mm:mm], sums[mm:2*mm:2*mm], sums[2*mm:2*mm+n:2*mm+n], sums[2*mm+n:]
	for j := range n {
		sign[j], f[j] = 1, avMin/av[j]
		if p.crits[j].Direction == Cost {
			sign[j] = -1
		}
	}
	sc := p.colScale
	if serialRows(mm, n) {
		edasRows(p.data, sp, sn, w, sc, av, sign, f, 0, mm)
	} else {
		forBlocks(mm, n, func(lo, hi, _ int) { edasRows(p.data, sp, sn, w, sc, av, sign, f, lo, hi) })
	}
	edasScores(res.Scores, sp, sn)
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// edasRows sets SP and SN of rows lo…hi−1 from the problem's values: the
// distance of x on column j is sign_j·(x·sc_j − av_j)·f_j.
func edasRows(data, sp, sn, w, sc, av, sign, f []float64, lo, hi int) {
	n := len(w)
	for i := lo; i < hi; i++ {
		row := data[i*n : (i+1)*n : (i+1)*n]
		sc, av, sign, f, w := sc[:len(row)], av[:len(row)], sign[:len(row)], f[:len(row)], w[:len(row)]
		var a, b float64
		for j, x := range row {
			// Branch-free: whether a value lies above or below the
			// average is a coin toss the processor cannot predict. The
			// side a value is not on gets w·0 = +0, which leaves the sum's
			// bits unchanged, so the sums equal those of the branches.
			d := sign[j] * (x*sc[j] - av[j]) * f[j]
			a += w[j] * max(d, 0)
			b += w[j] * max(-d, 0)
		}
		sp[i], sn[i] = a, b
	}
}

// edasScores sets the appraisal scores from SP and SN.
func edasScores(dst, sp, sn []float64) {
	var maxP, maxN float64
	for i, a := range sp {
		maxP, maxN = math.Max(maxP, a), math.Max(maxN, sn[i])
	}
	sn = sn[:len(sp)]
	for i := range sp {
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

// Detail implements [Evaluator]; it is Evaluate.
func (m EDAS) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the average solution, the distances from it and
// their weighted sums.
func (m EDAS) Evaluate(p *Problem, weights []float64) (*EDASResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.prepareKernel(p)
	if err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	res := &EDASResult{
		Result:  *newResult("edas", p, w, Higher),
		Average: make([]float64, n),
		NSP:     make([]float64, mm),
		NSN:     make([]float64, mm),
	}
	scratch := make([]float64, k.scratchLen())
	k.score(res.Scores, w, scratch)
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	for j := range n {
		res.Average[j] = k.av[j] / p.colScale[j]
	}
	// The kernel's d is the relative distance times min AV (see
	// prepareKernel); dividing by it gives PDA, NDA, SP and SN.
	pda, nda := make([]float64, mm*n), make([]float64, mm*n)
	for i, d := range k.d {
		pda[i], nda[i] = max(0, d)/k.avMin, max(0, -d)/k.avMin
	}
	res.PositiveDistance, res.NegativeDistance = newTable(pda, mm, n), newTable(nda, mm, n)
	res.SP, res.SN = scratch[:mm:mm], scratch[mm:2*mm:2*mm]
	var maxP, maxN float64
	for i := range mm {
		res.SP[i] /= k.avMin
		res.SN[i] /= k.avMin
		maxP, maxN = max(maxP, res.SP[i]), max(maxN, res.SN[i])
	}
	for i := range mm {
		res.NSN[i] = 1
		if maxP > 0 {
			res.NSP[i] = res.SP[i] / maxP
		}
		if maxN > 0 {
			res.NSN[i] = 1 - res.SN[i]/maxN
		}
	}
	return res, nil
}

func (m EDAS) prepare(p *Problem) (kernel, error) { return m.prepareKernel(p) }

func (EDAS) prepareKernel(p *Problem) (edasKernel, error) {
	if err := checkProblem(p); err != nil {
		return edasKernel{}, err
	}
	av, avMin, err := edasAverages(p)
	if err != nil {
		return edasKernel{}, err
	}
	n := p.n
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
	return edasKernel{d: d, n: n, av: av, avMin: avMin}, nil
}

// edasAverages returns the column means in scaled units and the
// smallest of them, or an error if a mean is not positive.
func edasAverages(p *Problem) (av []float64, avMin float64, err error) {
	sums := p.scaledSums(false)
	n := p.n
	av = make([]float64, n)
	avMin = math.Inf(1)
	for j := range n {
		av[j] = sums[j] / float64(p.m)
		if !(av[j] > 0) {
			return nil, 0, inputErr("matrix", -1, j, p.crits[j].Name, ErrDomain,
				fmt.Sprintf("EDAS needs a positive column mean, got %g", av[j]/p.colScale[j]))
		}
		avMin = min(avMin, av[j])
	}
	return av, avMin, nil
}

// edasKernel holds the relative distances from the average, in the
// criteria's directions, each multiplied by avMin; av holds the column
// means in scaled units.
type edasKernel struct {
	d     []float64
	n     int
	av    []float64
	avMin float64
}

func (k edasKernel) score(dst, w, scratch []float64) {
	m := len(dst)
	sp, sn := scratch[:m], scratch[m:2*m]
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
	}
	edasScores(dst, sp, sn)
}

func (k edasKernel) scratchLen() int { return 2 * len(k.d) / k.n }
func (edasKernel) better() Better    { return Higher }

var _ preparer = EDAS{}
