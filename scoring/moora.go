package scoring

import (
	"math"
	"strconv"
)

// MOORA is Multi-Objective Optimization on the basis of Ratio Analysis
// (Brauers & Zavadskas 2006, Control and Cybernetics 35(2):445–469) with
// its extension MULTIMOORA (Brauers & Zavadskas 2010, Technological and
// Economic Development of Economy 16(1):5–24). Every form works on the
// vector-normalised values r_ij = x_ij / ‖x_j‖₂ (cost criteria not turned
// around; 0 for a column of zeros), weighted as v_ij = w_j r_ij. Form
// selects the measure (see [MOORAForm]):
//
//	RatioSystem         y_i = Σ_{j benefit} v_ij − Σ_{j cost} v_ij             higher is better
//	ReferencePoint      d_i = max_j |v*_j − v_ij|                            lower is better
//	FullMultiplicative  U_i = Π_{j benefit} v_ij / Π_{j cost} v_ij; U_i / max U  higher is better
//	MultiMOORA          the three rankings aggregated by dominance           higher is better
//
// where the reference point v*_j is the best weighted value of criterion
// j (its maximum for benefits, minimum for costs) and d is the Tchebycheff
// min–max distance to it. The full multiplicative form multiplies the
// weighted values, as Karabasevic, Stanujkic, Urosevic & Maksimovic (2015,
// Acta Montanistica Slovaca 20(2)) do, over the criteria of
// positive weight (a criterion of zero weight is left out rather than
// making every product 0); the score is the relative utility U_i / max U,
// in [0, 1], which ranks as U does and cannot underflow for the best
// alternative (the raw U is in [MOORA.Evaluate]'s result). It needs
// non-negative values, positive on cost criteria ([ErrDomain] otherwise).
//
// MultiMOORA applies the theory of dominance of Brauers & Zavadskas (2012),
// "Robustness of MULTIMOORA", Informatica 23(1):1–25: alternative i
// dominates k when the three rankings place i strictly before k in at
// least two of them (a tie counts for neither). The score is the number of
// alternatives i dominates, so that an alternative dominating all others
// comes first and a cycle of general dominance ends in a tie. Comparing
// every pair costs O(m²) per ranking.
//
// The ratio system (the zero value) ranks exactly as [WeightedSum] with
// Vector normalisation, whose scores are y plus the total cost weight, and
// is additive: Contributions holds ±v_ij. (A column of zeros is the
// exception: MOORA gives it 0 where Vector gives it 1/√m, which shifts the
// weighted sum's scores but not its ranking.) Its text token is "moora".
type MOORA struct {
	// Form selects the measure; the zero value is RatioSystem.
	Form MOORAForm `json:"form"`
}

// MOORAForm selects the measure of [MOORA]. Its text form is
// "ratio_system", "reference_point", "full_multiplicative" or "multimoora".
type MOORAForm int

const (
	// RatioSystem is MOORA's ratio system, the weighted sum of the
	// normalised benefits minus that of the normalised costs.
	RatioSystem MOORAForm = iota
	// ReferencePoint is MOORA's reference point approach: the largest
	// weighted distance from the best value of each criterion.
	ReferencePoint
	// FullMultiplicative is MULTIMOORA's full multiplicative form: the
	// product of the weighted normalised benefits divided by that of the
	// costs.
	FullMultiplicative
	// MultiMOORA aggregates the three by the theory of dominance.
	MultiMOORA
)

var mooraFormTokens = []string{"ratio_system", "reference_point", "full_multiplicative", "multimoora"}

// String returns the form's token, or "MOORAForm(N)" for an invalid value.
func (f MOORAForm) String() string { return tokenString("MOORAForm", mooraFormTokens, int(f)) }

// MarshalText returns the token of f; an invalid value is an error.
func (f MOORAForm) MarshalText() ([]byte, error) {
	return marshalToken("MOORA form", mooraFormTokens, int(f))
}

// UnmarshalText parses a form's token.
func (f *MOORAForm) UnmarshalText(b []byte) error {
	v, err := ParseMOORAForm(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// ParseMOORAForm parses "ratio_system", "reference_point",
// "full_multiplicative" or "multimoora". Any other token is an error
// wrapping [ErrUnknownName].
func ParseMOORAForm(s string) (MOORAForm, error) {
	i, err := parseToken("MOORA form", mooraFormTokens, s)
	return MOORAForm(i), err
}

// better returns which way the form's scores point.
func (f MOORAForm) better() Better {
	if f == ReferencePoint {
		return Lower
	}
	return Higher
}

// MOORAResult adds the parts of MOORA's measures. Result.Scores holds the
// measure Form selects.
type MOORAResult struct {
	Result
	// Form is the measure the scores are.
	Form MOORAForm `json:"form"`
	// Normalized is the vector-normalised matrix x_ij / ‖x_j‖₂, with cost
	// criteria not turned around (0 for a column of zeros). Its JSON form
	// is an array of rows.
	Normalized *Table `json:"normalized"`
	// Benefit is the sum over benefit criteria of w_j r_ij.
	Benefit []float64 `json:"benefit"`
	// Cost is the sum over cost criteria of w_j r_ij; the ratio system's
	// y is Benefit − Cost.
	Cost []float64 `json:"cost"`
	// ReferencePoint is v*, the best weighted normalised value of each
	// criterion.
	ReferencePoint []float64 `json:"reference_point"`
	// Distance is d, each alternative's largest weighted distance from the
	// reference point (lower is better).
	Distance []float64 `json:"distance"`
	// Utility is U of the full multiplicative form; set for the
	// FullMultiplicative and MultiMOORA forms only. A product of many
	// values below 1, it can underflow to 0 with hundreds of criteria (and
	// a U beyond the largest float64 is reported as that); the
	// FullMultiplicative scores, U / max U, do not lose the ranking.
	Utility []float64 `json:"utility,omitempty"`
	// Dominated is, for the MultiMOORA form only, the number of
	// alternatives each one dominates in at least two of the three
	// rankings (the score).
	Dominated []int `json:"dominated,omitempty"`
}

func (m MOORA) check() error {
	if m.Form < RatioSystem || m.Form > MultiMOORA {
		return inputErr("form", -1, -1, "", ErrUnknownName, m.Form.String())
	}
	return nil
}

// Rank implements [Method].
func (m MOORA) Rank(p *Problem, weights []float64) (*Result, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	if m.Form == RatioSystem {
		ts, err := m.ratioTransforms(p)
		if err != nil {
			return nil, err
		}
		return additiveRows("moora", p, w, Higher, ts), nil
	}
	k, err := m.formKernel(p)
	if err != nil {
		return nil, err
	}
	res := newResult("moora", p, w, m.Form.better())
	k.score(res.Scores, w, make([]float64, k.scratchLen()))
	res.Ranks = rankScores(res.Scores, res.Better)
	res.Notes = p.constantNotes()
	return res, nil
}

// Detail implements [Evaluator]; it is Evaluate.
func (m MOORA) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the normalised matrix, the benefit and cost sums
// of the ratio system, the reference point and the distances to it, and,
// for the forms that use it, the full multiplicative utility and the
// dominance counts.
func (m MOORA) Evaluate(p *Problem, weights []float64) (*MOORAResult, error) {
	res, err := m.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	k, err := m.ratioKernel(p)
	if err != nil {
		return nil, err
	}
	mm, n, w := p.m, p.n, res.Weights
	out := &MOORAResult{Result: *res, Form: m.Form, Benefit: make([]float64, mm), Cost: make([]float64, mm),
		ReferencePoint: make([]float64, n), Distance: make([]float64, mm)}
	r := k.r // the kernel's own copy: turn its cost columns back around
	for i := range mm {
		for j := range n {
			if p.crits[j].Direction == Cost {
				r[i*n+j] = 0 - r[i*n+j] // not −0 for a zero
				out.Cost[i] += w[j] * r[i*n+j]
			} else {
				out.Benefit[i] += w[j] * r[i*n+j]
			}
		}
	}
	out.Normalized = newTable(r, mm, n)
	best := mooraBest(p, r)
	for j := range n {
		out.ReferencePoint[j] = w[j] * best[j]
	}
	for i := range mm {
		d := 0.0
		for j := range n {
			d = max(d, w[j]*math.Abs(best[j]-r[i*n+j]))
		}
		out.Distance[i] = d
	}
	if m.Form == FullMultiplicative || m.Form == MultiMOORA {
		fk, err := m.formKernel(p)
		if err != nil {
			return nil, err
		}
		out.Utility = make([]float64, mm)
		for i := range mm {
			lu := 0.0
			for j := range n {
				if w[j] > 0 {
					lu += fk.logr[i*n+j] + fk.sign[j]*math.Log(w[j])
				}
			}
			out.Utility[i] = min(math.Exp(lu), math.MaxFloat64)
		}
	}
	if m.Form == MultiMOORA {
		out.Dominated = make([]int, mm)
		for i, s := range res.Scores {
			out.Dominated[i] = int(s)
		}
	}
	return out, nil
}

func (m MOORA) prepare(p *Problem) (kernel, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	if m.Form == RatioSystem {
		return m.ratioKernel(p)
	}
	return m.formKernel(p)
}

// ratioKernel returns the ratio system: the vector-normalised matrix with
// cost columns negated.
func (m MOORA) ratioKernel(p *Problem) (linearKernel, error) {
	ts, err := m.ratioTransforms(p)
	if err != nil {
		return linearKernel{}, err
	}
	return linearKernel{r: p.normalized(ts, nil), n: p.n}, nil
}

// ratioTransforms returns the ratio system's column transforms: vector
// normalisation, negated on costs.
func (MOORA) ratioTransforms(p *Problem) ([]colTransform, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
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
	return ts, nil
}

// mooraBest returns each criterion's best normalised value r*_j of the
// matrix r (costs not turned around).
func mooraBest(p *Problem, r []float64) []float64 {
	best := make([]float64, p.n)
	for j := range p.n {
		lo, hi := columnExtremes(r, p.m, p.n, j)
		best[j] = hi
		if p.crits[j].Direction == Cost {
			best[j] = lo
		}
	}
	return best
}

// formKernel prepares the reference point, full multiplicative and
// MultiMOORA forms.
func (m MOORA) formKernel(p *Problem) (mooraKernel, error) {
	lk, err := m.ratioKernel(p)
	if err != nil {
		return mooraKernel{}, err
	}
	mm, n := p.m, p.n
	r := make([]float64, mm*n) // costs turned back around
	sign := make([]float64, n)
	for j := range n {
		sign[j] = 1
		if p.crits[j].Direction == Cost {
			sign[j] = -1
		}
	}
	for k, x := range lk.r {
		if x != 0 { // keep +0, not −0
			r[k] = sign[k%n] * x
		}
	}
	best := mooraBest(p, r)
	k := mooraKernel{form: m.Form, n: n, ratio: lk, sign: sign, gap: make([]float64, mm*n)}
	for i := range mm {
		for j := range n {
			k.gap[i*n+j] = math.Abs(best[j] - r[i*n+j])
		}
	}
	if m.Form == ReferencePoint {
		return k, nil
	}
	// ln r = ln x − ln ‖x‖, with ln ‖x‖ from the scaled column sums: r
	// itself can underflow to 0 for a positive x far below the column's
	// largest value, which would make a cost's factor infinite.
	sq := p.scaledSums(true)
	logNorm := make([]float64, n)
	for j := range n {
		logNorm[j] = math.Log(math.Sqrt(sq[j])) - math.Log(p.colScale[j])
	}
	k.logr = make([]float64, mm*n)
	for i := range mm {
		for j := range n {
			x := p.data[i*n+j]
			if x < 0 || (x == 0 && sign[j] < 0) {
				return mooraKernel{}, inputErr("matrix", i, j, p.altName(i)+"/"+p.crits[j].Name, ErrDomain,
					"the full multiplicative form needs non-negative values, positive on cost criteria, got "+
						strconv.FormatFloat(x, 'g', -1, 64))
			}
			l := math.Inf(-1) // a zero benefit, or a column of zeros (r = 0)
			if x > 0 {
				l = math.Log(x) - logNorm[j]
			}
			k.logr[i*n+j] = sign[j] * l
		}
	}
	return k, nil
}

// mooraKernel scores the reference point, full multiplicative and
// MultiMOORA forms.
type mooraKernel struct {
	form  MOORAForm
	n     int
	ratio linearKernel // the ratio system
	sign  []float64    // +1 for benefits, −1 for costs
	gap   []float64    // |r*_j − r_ij|
	logr  []float64    // ±ln r_ij, + for benefits (full multiplicative only)
}

func (k mooraKernel) score(dst, w, scratch []float64) {
	switch k.form {
	case ReferencePoint:
		k.distance(dst, w)
	case FullMultiplicative:
		k.relativeUtility(dst, w)
	default:
		m := len(dst)
		y, d, u := scratch[:m], scratch[m:2*m], scratch[2*m:3*m]
		k.ratio.score(y, w, nil)
		k.distance(d, w)
		k.relativeUtility(u, w)
		dominanceCounts(dst, y, d, u)
	}
}

// distance writes d_i = max_j w_j |r*_j − r_ij|.
func (k mooraKernel) distance(dst, w []float64) {
	for i := range dst {
		d := 0.0
		for j, g := range k.gap[i*k.n : (i+1)*k.n] {
			d = max(d, w[j]*g)
		}
		dst[i] = d
	}
}

// relativeUtility writes U_i / max U, from Σ_j ±ln r_ij over the criteria
// of positive weight (the weights' own factors are common to every
// alternative and cancel).
func (k mooraKernel) relativeUtility(dst, w []float64) {
	top := math.Inf(-1)
	for i := range dst {
		lu := 0.0
		for j, l := range k.logr[i*k.n : (i+1)*k.n] {
			if w[j] > 0 {
				lu += l
			}
		}
		dst[i] = lu
		top = max(top, lu)
	}
	for i, lu := range dst {
		if math.IsInf(top, -1) {
			dst[i] = 0 // every U is 0
			continue
		}
		dst[i] = math.Exp(lu - top)
	}
}

// dominanceCounts writes, for each alternative, the number of others it
// beats in at least two of the rankings by y (higher better), d (lower
// better) and u (higher better). Scores within tieTolerance of the largest
// absolute score tie, as in the rankings.
func dominanceCounts(dst, y, d, u []float64) {
	ty, td, tu := tieTolerance*maxAbs(y), tieTolerance*maxAbs(d), tieTolerance*maxAbs(u)
	for i := range dst {
		c := 0
		for k := range dst {
			wins := 0
			if y[i]-y[k] > ty {
				wins++
			}
			if d[k]-d[i] > td {
				wins++
			}
			if u[i]-u[k] > tu {
				wins++
			}
			if wins >= 2 {
				c++
			}
		}
		dst[i] = float64(c)
	}
}

func (k mooraKernel) scratchLen() int {
	if k.form == MultiMOORA {
		return 3 * len(k.gap) / k.n
	}
	return 0
}

func (k mooraKernel) better() Better { return k.form.better() }

var _ preparer = MOORA{}
