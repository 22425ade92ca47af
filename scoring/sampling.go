package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// WeightSpace describes the distribution from which [SMAA] draws criterion
// weights. The zero value is the uniform distribution on the weight simplex
// {w ≥ 0, Σw = 1}, which SMAA-2 uses when nothing is known about the
// decision makers' preferences (Lahdelma & Salminen 2001, §3).
//
// Partial preference information narrows or reshapes that distribution:
//
//   - Lower and Upper bound each weight. Weights are drawn uniformly from
//     the part of the simplex inside the box. The bounds are first tightened
//     exactly (l_j ← max(l_j, 1 − Σ_{k≠j} u_k), u_j ← min(u_j, 1 − Σ_{k≠j} l_k),
//     which leaves the feasible region unchanged); the lower bounds are then
//     met exactly by the affine map w = l + (1 − Σl)·u, with u uniform on the
//     simplex, which maps the simplex onto the part of it above l; only the
//     upper bounds are met by rejection. A region so thin that no draw
//     out of 65536 is accepted makes Run fail with [ErrParam].
//   - Order ranks the criteria: Order[0] is the index of the most important
//     criterion, and w[Order[0]] ≥ w[Order[1]] ≥ … ≥ w[Order[n−1]]. The
//     region is one of the n! congruent cells into which the coordinate
//     permutations cut the simplex, so sorting a uniform sample in
//     decreasing order and assigning it along Order gives a uniform sample
//     of the cell (Tervonen & Lahdelma 2007, "Implementing stochastic
//     multicriteria acceptability analysis", EJOR 178(2):500–513, §3.1).
//     Bounds may be combined with Order; they are then met by rejection.
//   - Center with Concentration κ > 0 draws weights from the Dirichlet
//     distribution with parameters α_j = κ·c_j, where c is Center normalised
//     to sum to 1. Its mean is c and Var w_j = c_j(1 − c_j)/(κ + 1), so a
//     larger κ keeps the weights closer to c; κ = n with c uniform is the
//     uniform distribution on the simplex. A criterion with c_j = 0 always
//     gets weight 0.
//   - Center with Spread s > 0 draws weights uniformly from the box
//     [c_j − s, c_j + s] ∩ [0, 1] intersected with the simplex, as bounds do
//     (and intersected with Lower and Upper if those are set too).
//
// Center cannot be combined with Order, and exactly one of Concentration
// and Spread must be positive when Center is set.
type WeightSpace struct {
	// Lower holds a lower bound per criterion in [0, 1]; nil means 0.
	Lower []float64 `json:"lower,omitempty"`
	// Upper holds an upper bound per criterion in [0, 1]; nil means 1.
	Upper []float64 `json:"upper,omitempty"`
	// Order lists the criterion indices from the most to the least
	// important; nil means no ranking of the criteria.
	Order []int `json:"order,omitempty"`
	// Center is the weight vector to sample around; nil means none.
	Center []float64 `json:"center,omitempty"`
	// Concentration is the Dirichlet concentration κ around Center.
	Concentration float64 `json:"concentration,omitempty"`
	// Spread is the half-width of the uniform box around Center.
	Spread float64 `json:"spread,omitempty"`
}

// Noise selects the distribution of the relative perturbation applied to
// each criterion value by [ValueUncertainty]. The zero value is
// UniformNoise. Text tokens: "uniform", "normal".
type Noise int

const (
	// UniformNoise multiplies a value x by 1 + f·U with U uniform on
	// [−1, 1): x varies uniformly within ±f·|x|.
	UniformNoise Noise = iota
	// NormalNoise multiplies x by 1 + f·Z with Z standard normal truncated
	// to [−3, 3] (redrawn outside): x has standard deviation about f·|x|.
	NormalNoise
)

var noiseTokens = []string{"uniform", "normal"}

// String returns "uniform" or "normal".
func (d Noise) String() string { return tokenString("Noise", noiseTokens, int(d)) }

// MarshalText returns the token of d; an invalid value is an error.
func (d Noise) MarshalText() ([]byte, error) { return marshalToken("noise", noiseTokens, int(d)) }

// UnmarshalText parses "uniform" or "normal".
func (d *Noise) UnmarshalText(b []byte) error {
	v, err := ParseNoise(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// ParseNoise parses "uniform" or "normal". Any other token is an error
// wrapping [ErrUnknownName].
func ParseNoise(s string) (Noise, error) {
	i, err := parseToken("noise", noiseTokens, s)
	return Noise(i), err
}

// ValueUncertainty describes imprecise criterion values for [SMAA]. Each
// cell x_ij is perturbed independently and relatively: x·(1 + f_j·U) with U
// drawn from Distribution, so zero stays zero and every value keeps its
// sign (Fraction < 1 for UniformNoise, < 1/3 for NormalNoise) and so its
// normalisation domain. The zero value means exact values.
//
// Every draw of the values re-prepares the method (normalisation,
// preference flows): about the cost of one Rank call, with its
// allocations, instead of the few nanoseconds of scoring a prepared
// problem. Reuse lets several consecutive weight samples share one draw of
// the values; the estimates stay unbiased, but their variance grows.
type ValueUncertainty struct {
	// Distribution of the perturbation; the zero value is UniformNoise.
	Distribution Noise `json:"distribution"`
	// Fraction is the relative size f of the perturbation for every
	// criterion; 0 means exact values.
	Fraction float64 `json:"fraction,omitempty"`
	// Fractions, if not nil, gives f per criterion instead of Fraction.
	Fractions []float64 `json:"fractions,omitempty"`
	// Reuse is the number of consecutive weight samples that share one
	// draw of the values (at most one block of 4096); 0 means 1, a fresh
	// draw for every sample as in SMAA-2.
	Reuse int `json:"reuse,omitempty"`
}

// maxRejections is the number of consecutive rejected draws after which a
// weight region is declared too small to sample by rejection.
const maxRejections = 1 << 16

// Kinds of weight distributions.
const (
	uniformWeights = iota
	ordinalWeights
	dirichletWeights
)

// weightSampler is a resolved, validated [WeightSpace]. It is immutable;
// draw takes the caller's generator and buffers.
type weightSampler struct {
	n     int
	kind  int
	lo    []float64 // tightened lower bounds; nil when all are 0
	hi    []float64 // tightened upper bounds; nil when no upper bound binds
	shift bool      // uniform kind with lower bounds: w = lo + slack·u
	slack float64   // 1 − Σlo
	order []int
	alpha []float64 // Dirichlet parameters
}

// newWeightSampler validates ws for n criteria.
func newWeightSampler(ws WeightSpace, n int) (*weightSampler, error) {
	s := &weightSampler{n: n}
	bad := func(field string, col int, err error, detail string) error {
		return inputErr(field, -1, col, "", err, detail)
	}
	checkVec := func(field string, v []float64) error {
		if len(v) != n {
			return bad(field, -1, ErrLength, fmt.Sprintf("%d values for %d criteria", len(v), n))
		}
		for j, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return bad(field, j, ErrNotFinite, strconv.FormatFloat(x, 'g', -1, 64))
			}
			if x < 0 || x > 1 {
				return bad(field, j, ErrParam, fmt.Sprintf("%g outside [0, 1]", x))
			}
		}
		return nil
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"concentration", ws.Concentration}, {"spread", ws.Spread}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return nil, bad(f.name, -1, ErrNotFinite, strconv.FormatFloat(f.v, 'g', -1, 64))
		}
		if f.v < 0 {
			return nil, bad(f.name, -1, ErrParam, fmt.Sprintf("%g, want ≥ 0", f.v))
		}
	}
	lo, hi := make([]float64, n), make([]float64, n)
	for j := range hi {
		hi[j] = 1
	}
	if ws.Lower != nil {
		if err := checkVec("lower", ws.Lower); err != nil {
			return nil, err
		}
		copy(lo, ws.Lower)
	}
	if ws.Upper != nil {
		if err := checkVec("upper", ws.Upper); err != nil {
			return nil, err
		}
		copy(hi, ws.Upper)
	}
	switch {
	case ws.Center == nil && (ws.Concentration != 0 || ws.Spread != 0):
		return nil, bad("center", -1, ErrParam, "concentration or spread given without a center")
	case ws.Center != nil:
		c, err := NormalizeWeights(ws.Center, n)
		if err != nil {
			ie := err.(*InputError)
			ie.Path = "center"
			return nil, ie
		}
		switch {
		case ws.Order != nil:
			return nil, bad("order", -1, ErrParam, "an ordinal ranking cannot be combined with a center")
		case (ws.Concentration > 0) == (ws.Spread > 0):
			return nil, bad("center", -1, ErrParam, "set exactly one of concentration and spread")
		case ws.Spread > 1:
			return nil, bad("spread", -1, ErrParam, fmt.Sprintf("%g, want ≤ 1", ws.Spread))
		case ws.Spread > 0:
			for j, cj := range c {
				lo[j] = math.Max(lo[j], cj-ws.Spread)
				hi[j] = math.Min(hi[j], cj+ws.Spread)
			}
		default:
			s.kind = dirichletWeights
			s.alpha = make([]float64, n)
			for j, cj := range c {
				s.alpha[j] = ws.Concentration * cj
			}
		}
	}
	if ws.Order != nil {
		if len(ws.Order) != n {
			return nil, bad("order", -1, ErrLength, fmt.Sprintf("%d ranks for %d criteria", len(ws.Order), n))
		}
		seen := make([]bool, n)
		for k, j := range ws.Order {
			if j < 0 || j >= n || seen[j] {
				return nil, bad("order", k, ErrParam, fmt.Sprintf("order must be a permutation of 0..%d; got %d at position %d", n-1, j, k))
			}
			seen[j] = true
		}
		s.kind = ordinalWeights
		s.order = slices.Clone(ws.Order)
	}
	if err := tightenBounds(lo, hi); err != nil {
		return nil, err
	}
	sumLo := 0.0
	for j := range n {
		sumLo += lo[j]
		if lo[j] > 0 {
			s.lo = lo
		}
		if hi[j] < 1 {
			s.hi = hi
		}
	}
	if s.kind == uniformWeights && s.lo != nil {
		s.shift = true
		s.slack = math.Max(0, 1-sumLo)
	}
	return s, nil
}

// tightenBounds checks that the box [lo, hi] meets the simplex and shrinks
// it to the smallest box with the same intersection.
func tightenBounds(lo, hi []float64) error {
	var sumLo, sumHi float64
	for j := range lo {
		if lo[j] > hi[j] {
			return inputErr("bounds", -1, j, "", ErrParam, fmt.Sprintf("lower %g above upper %g", lo[j], hi[j]))
		}
		sumLo += lo[j]
		sumHi += hi[j]
	}
	const eps = 1e-12
	if sumLo > 1+eps || sumHi < 1-eps {
		return inputErr("bounds", -1, -1, "", ErrParam,
			fmt.Sprintf("no weights summing to 1 fit the bounds (Σlower = %g, Σupper = %g)", sumLo, sumHi))
	}
	for j := range lo {
		l := math.Max(lo[j], 1-(sumHi-hi[j]))
		h := math.Min(hi[j], 1-(sumLo-lo[j]))
		lo[j], hi[j] = clamp(l, 0, 1), clamp(math.Max(h, l), 0, 1)
	}
	return nil
}

// draw writes a weight vector into w (length n) using tmp (length n) as
// scratch. It reports false when maxRejections draws in a row fell outside
// the bounds.
func (s *weightSampler) draw(r *rand.Rand, w, tmp []float64) bool {
	for range maxRejections {
		switch s.kind {
		case uniformWeights:
			uniformSimplex(r, w)
			if s.shift {
				for j := range w {
					w[j] = s.lo[j] + s.slack*w[j]
				}
			}
		case ordinalWeights:
			uniformSimplex(r, tmp)
			sortDescending(tmp)
			for k, j := range s.order {
				w[j] = tmp[k]
			}
		case dirichletWeights:
			if !s.dirichlet(r, w) {
				continue
			}
		}
		if s.inBounds(w) {
			return true
		}
	}
	return false
}

func (s *weightSampler) inBounds(w []float64) bool {
	if s.hi != nil {
		for j, x := range w {
			if x > s.hi[j] {
				return false
			}
		}
	}
	if s.lo != nil && !s.shift {
		for j, x := range w {
			if x < s.lo[j] {
				return false
			}
		}
	}
	return true
}

// uniformSimplex writes a point uniform on the simplex into w: independent
// standard exponentials divided by their sum (the normalised spacings of
// Devroye 1986, Non-Uniform Random Variate Generation, §V.2).
func uniformSimplex(r *rand.Rand, w []float64) {
	sum := 0.0
	for j := range w {
		e := r.ExpFloat64() // in (0, MaxFloat64]: the sum is positive
		w[j] = e
		sum += e
	}
	inv := 1 / sum
	for j := range w {
		w[j] *= inv
	}
}

// sortDescending sorts a short slice in decreasing order by insertion.
func sortDescending(x []float64) {
	for i := 1; i < len(x); i++ {
		v := x[i]
		k := i
		for k > 0 && x[k-1] < v {
			x[k] = x[k-1]
			k--
		}
		x[k] = v
	}
}

// dirichlet writes a Dirichlet(alpha) draw into w, working with the
// logarithms of the gamma variates so that small parameters cannot
// underflow every component to zero. It reports false (draw again) only if
// every component is zero.
func (s *weightSampler) dirichlet(r *rand.Rand, w []float64) bool {
	big := math.Inf(-1)
	for j, a := range s.alpha {
		l := math.Inf(-1)
		if a > 0 {
			l = logGamma(r, a)
		}
		w[j] = l
		big = math.Max(big, l)
	}
	if math.IsInf(big, -1) {
		return false
	}
	sum := 0.0
	for j, l := range w {
		w[j] = math.Exp(l - big)
		sum += w[j]
	}
	for j := range w {
		w[j] /= sum
	}
	return true
}

// logGamma returns the logarithm of a Gamma(a, 1) variate, a > 0, by
// Marsaglia & Tsang (2000), "A simple method for generating gamma
// variables", ACM TOMS 26(3):363–372, with their boost
// Gamma(a) = Gamma(a+1)·U^(1/a) for a < 1.
func logGamma(r *rand.Rand, a float64) float64 {
	boost := 0.0
	if a < 1 {
		boost = math.Log(1-r.Float64()) / a // U in (0, 1]
		a++
	}
	d := a - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := 1 - r.Float64()
		x2 := x * x
		if u < 1-0.0331*x2*x2 || math.Log(u) < 0.5*x2+d*(1-v+math.Log(v)) {
			return math.Log(d*v) + boost
		}
	}
}

// valueNoise is a resolved, validated [ValueUncertainty].
type valueNoise struct {
	dist  Noise
	frac  []float64 // per criterion; nil when the values are exact
	reuse int
}

func newValueNoise(vu ValueUncertainty, n int) (*valueNoise, error) {
	bad := func(col int, err error, detail string) error {
		return inputErr("values", -1, col, "", err, detail)
	}
	if vu.Distribution != UniformNoise && vu.Distribution != NormalNoise {
		return nil, bad(-1, ErrParam, "unknown noise distribution "+vu.Distribution.String())
	}
	if vu.Reuse < 0 {
		return nil, bad(-1, ErrParam, fmt.Sprintf("reuse %d, want ≥ 0", vu.Reuse))
	}
	limit := 1.0
	if vu.Distribution == NormalNoise {
		limit = 1.0 / 3
	}
	frac := make([]float64, n)
	if vu.Fractions != nil {
		if len(vu.Fractions) != n {
			return nil, bad(-1, ErrLength, fmt.Sprintf("%d fractions for %d criteria", len(vu.Fractions), n))
		}
		copy(frac, vu.Fractions)
	} else {
		for j := range frac {
			frac[j] = vu.Fraction
		}
	}
	active := false
	for j, f := range frac {
		switch {
		case math.IsNaN(f) || math.IsInf(f, 0):
			return nil, bad(j, ErrNotFinite, strconv.FormatFloat(f, 'g', -1, 64))
		case f < 0 || f >= limit:
			return nil, bad(j, ErrParam, fmt.Sprintf("fraction %g, want 0 ≤ f < %.4g for %s noise", f, limit, vu.Distribution))
		}
		active = active || f > 0
	}
	// A value draw never spans blocks, so larger reuse means one block.
	v := &valueNoise{dist: vu.Distribution, reuse: min(max(vu.Reuse, 1), smaaBlock)}
	if active {
		v.frac = frac
	}
	return v, nil
}

// perturb writes a perturbed copy of src (row-major, n columns) into dst.
func (v *valueNoise) perturb(r *rand.Rand, dst, src []float64, n int) {
	for k, x := range src {
		f := v.frac[k%n]
		if f == 0 || x == 0 {
			dst[k] = x
			continue
		}
		var u float64
		if v.dist == NormalNoise {
			for {
				u = r.NormFloat64()
				if u >= -3 && u <= 3 {
					break
				}
			}
		} else {
			u = 2*r.Float64() - 1
		}
		dst[k] = x * (1 + f*u)
	}
}

// perturbedProblem is a private, reusable copy of a problem whose values
// are redrawn in place. Only its owner (one worker) touches it.
type perturbedProblem struct {
	Problem
	base *Problem
}

func newPerturbedProblem(p *Problem) *perturbedProblem {
	q := &perturbedProblem{base: p}
	// The buffers are rewritten on every draw: pad them away from other
	// workers' memory (see smaaWorker).
	clone := func(x []float64) []float64 {
		y := paddedFloats(len(x))
		copy(y, x)
		return y
	}
	q.Problem = Problem{
		alts: p.alts, resultAlts: p.resultAlts, resultCrits: p.resultCrits, crits: p.crits, m: p.m, n: p.n,
		data:     clone(p.data),
		colMin:   clone(p.colMin),
		colMax:   clone(p.colMax),
		colScale: clone(p.colScale),
		colSum:   clone(p.colSum),
		colSumSq: clone(p.colSumSq),
	}
	return q
}

// redraw perturbs the base values and refreshes the column summaries.
func (q *perturbedProblem) redraw(r *rand.Rand, v *valueNoise) {
	n := q.n
	v.perturb(r, q.data, q.base.data, n)
	q.summarize()
}
