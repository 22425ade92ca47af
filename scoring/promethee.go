package scoring

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// PreferenceFunction is one of the six generalised criteria of Brans &
// Vincke (1985), "A preference ranking organisation method", Management
// Science 31(6):647–656. With d the difference in the criterion's
// direction between two alternatives, P(d) = 0 for d ≤ 0 and, for d > 0:
//
//	Usual     1                                        (type I)
//	UShape    0 if d ≤ q, else 1                       (type II, quasi-criterion)
//	VShape    d/p if d ≤ p, else 1                     (type III)
//	Level     0 if d ≤ q, 1/2 if d ≤ p, else 1         (type IV)
//	Linear    0 if d ≤ q, (d−q)/(p−q) if d ≤ p, else 1 (type V)
//	Gaussian  1 − exp(−d²/(2s²))                       (type VI)
//
// The zero value is Usual. Text tokens: "usual", "ushape", "vshape",
// "level", "linear", "gaussian".
type PreferenceFunction int

const (
	// Usual is the usual criterion: any advantage is a strict preference.
	Usual PreferenceFunction = iota
	// UShape is the quasi-criterion with indifference threshold q.
	UShape
	// VShape grows linearly up to the preference threshold p.
	VShape
	// Level gives half a preference between q and p.
	Level
	// Linear grows linearly between the thresholds q and p.
	Linear
	// Gaussian grows smoothly with scale s.
	Gaussian
)

var preferenceTokens = []string{"usual", "ushape", "vshape", "level", "linear", "gaussian"}

// String returns the function's token.
func (f PreferenceFunction) String() string {
	return tokenString("PreferenceFunction", preferenceTokens, int(f))
}

// MarshalText returns the function's token; an invalid value is an error.
func (f PreferenceFunction) MarshalText() ([]byte, error) {
	return marshalToken("preference function", preferenceTokens, int(f))
}

// UnmarshalText parses a preference-function token.
func (f *PreferenceFunction) UnmarshalText(b []byte) error {
	v, err := ParsePreferenceFunction(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// ParsePreferenceFunction parses "usual", "ushape", "vshape", "level",
// "linear" or "gaussian".
func ParsePreferenceFunction(s string) (PreferenceFunction, error) {
	i, err := parseToken("preference function", preferenceTokens, s)
	return PreferenceFunction(i), err
}

// Preference is the preference function of one criterion with its
// thresholds, in the criterion's own units. Q is the indifference
// threshold (UShape, Level, Linear), P the preference threshold (VShape,
// Level, Linear) and S the Gaussian scale. They must satisfy p ≥ q ≥ 0
// (s > 0 for Gaussian); parameters a function does not use are ignored.
// With p = q, Linear and Level reduce to UShape, and VShape with p = 0 to
// Usual.
type Preference struct {
	// Function is the shape of the preference function; the zero value
	// is Usual.
	Function PreferenceFunction `json:"function"`
	// Q is the indifference threshold (UShape, Level, Linear).
	Q float64 `json:"q"`
	// P is the preference threshold (VShape, Level, Linear).
	P float64 `json:"p"`
	// S is the Gaussian function's scale.
	S float64 `json:"s"`
}

func (f Preference) check(j int, name string) error {
	bad := func(msg string) error { return inputErr("preferences", -1, j, name, ErrParam, msg) }
	for _, v := range []float64{f.Q, f.P, f.S} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return inputErr("preferences", -1, j, name, ErrNotFinite, fmt.Sprint(v))
		}
	}
	switch f.Function {
	case Usual:
	case UShape:
		if f.Q < 0 {
			return bad(fmt.Sprintf("q = %g, want q ≥ 0", f.Q))
		}
	case VShape:
		if f.P < 0 {
			return bad(fmt.Sprintf("p = %g, want p ≥ 0", f.P))
		}
	case Level, Linear:
		if f.Q < 0 || f.P < f.Q {
			return bad(fmt.Sprintf("q = %g, p = %g, want p ≥ q ≥ 0", f.Q, f.P))
		}
	case Gaussian:
		if !(f.S > 0) {
			return bad(fmt.Sprintf("s = %g, want s > 0", f.S))
		}
	default:
		return bad("unknown preference function " + f.Function.String())
	}
	return nil
}

// PROMETHEEII is the PROMETHEE II complete ranking of Brans & Vincke (1985)
// and Brans, Vincke & Mareschal (1986), EJOR 24(2):228–238. With π(a,b) =
// Σ_j w_j P_j(a,b),
//
//	φ⁺(a) = Σ_x π(a,x)/(m−1),  φ⁻(a) = Σ_x π(x,a)/(m−1),  φ(a) = φ⁺(a) − φ⁻(a)
//
// The score is the net flow φ in [−1, 1]; higher is better. The net flow is
// additive over criteria, φ(a) = Σ_j w_j φ_j(a) with φ_j the unicriterion net
// flow, and Contributions holds w_j φ_j(a). With one alternative every flow
// is 0.
//
// The Go name is PROMETHEEII (initialisms keep one case); its text token is
// "promethee2". The zero value uses the Usual criterion everywhere.
//
// Flows are computed per criterion from the sorted column with prefix sums,
// in O(m log m) per criterion, except for Gaussian, which is O(m²).
type PROMETHEEII struct {
	// Preferences holds one preference function per criterion; nil means
	// Usual for every criterion.
	Preferences []Preference `json:"preferences,omitempty"`
}

// PROMETHEEResult adds the leaving (positive) and entering (negative)
// flows. Result.Scores holds the net flow.
type PROMETHEEResult struct {
	Result
	// PositiveFlow is φ⁺, how much each alternative outranks the others.
	PositiveFlow []float64 `json:"positive_flow"`
	// NegativeFlow is φ⁻, how much the others outrank it.
	NegativeFlow []float64 `json:"negative_flow"`
}

// Rank implements [Method]; the scores are the net flows.
func (m PROMETHEEII) Rank(p *Problem, weights []float64) (*Result, error) {
	r, err := m.Evaluate(p, weights)
	if err != nil {
		return nil, err
	}
	return &r.Result, nil
}

// Detail implements [Evaluator]; it is Evaluate.
func (m PROMETHEEII) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the positive and negative flows.
func (m PROMETHEEII) Evaluate(p *Problem, weights []float64) (*PROMETHEEResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	out, in, err := m.flows(p)
	if err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	// One allocation for the result and its contributions table, one for
	// the flows, the scores and the contributions.
	rt := &struct {
		r PROMETHEEResult
		t Table
	}{}
	block := make([]float64, 3*mm+mm*n)
	res := &rt.r
	*res = PROMETHEEResult{
		Result: Result{
			Method:       "promethee2",
			Alternatives: p.resultAlts,
			Criteria:     p.resultCrits,
			Weights:      w,
			Scores:       block[:mm:mm],
			Better:       Higher,
		},
		PositiveFlow: block[mm : 2*mm : 2*mm],
		NegativeFlow: block[2*mm : 3*mm : 3*mm],
	}
	contrib := block[3*mm:]
	for i := range p.m {
		var net, plus, minus float64
		for j := range n {
			k := i*n + j
			c := w[j] * (out[k] - in[k])
			contrib[k] = c
			net += c
			plus += w[j] * out[k]
			minus += w[j] * in[k]
		}
		res.Scores[i], res.PositiveFlow[i], res.NegativeFlow[i] = net, plus, minus
	}
	rt.t = Table{Rows: mm, Cols: n, Data: contrib}
	res.Contributions = &rt.t
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

func (m PROMETHEEII) prepare(p *Problem) (kernel, error) {
	out, in, err := m.flows(p)
	if err != nil {
		return nil, err
	}
	for k := range out {
		out[k] -= in[k]
	}
	return linearKernel{r: out, n: p.n}, nil
}

// flows returns, row-major, the unicriterion leaving and entering flows
// out[a][j] = Σ_x P_j(a,x)/(m−1) and in[a][j] = Σ_x P_j(x,a)/(m−1).
func (m PROMETHEEII) flows(p *Problem) (out, in []float64, err error) {
	if err := checkProblem(p); err != nil {
		return nil, nil, err
	}
	prefs := m.Preferences
	if prefs == nil {
		prefs = make([]Preference, p.n)
	}
	if len(prefs) != p.n {
		return nil, nil, inputErr("preferences", -1, -1, "", ErrLength,
			fmt.Sprintf("%d preference functions for %d criteria", len(prefs), p.n))
	}
	for j, f := range prefs {
		if err := f.check(j, p.crits[j].Name); err != nil {
			return nil, nil, err
		}
	}
	mm, n := p.m, p.n
	flows := make([]float64, 2*mm*n)
	out, in = flows[:mm*n:mm*n], flows[mm*n:]
	if mm == 1 {
		return out, in, nil
	}
	work := make([]float64, 3*mm+1)
	y, z, prefix := work[:mm:mm], work[mm:2*mm:2*mm], work[2*mm:]
	inv := 1 / float64(mm-1)
	for j := range n {
		s := p.colScale[j]
		for i := range mm {
			y[i] = p.data[i*n+j] * s
			if p.crits[j].Direction == Cost {
				y[i] = -y[i]
			}
		}
		f := prefs[j]
		f.Q, f.P, f.S = f.Q*s, f.P*s, f.S*s
		if f.Function == Gaussian {
			gaussianFlows(y, f.S, out[j:], in[j:], n, inv)
			continue
		}
		copy(z, y)
		slices.Sort(z)
		for k, v := range z {
			prefix[k+1] = prefix[k] + v
		}
		for i, ya := range y {
			out[i*n+j] = sumPreference(f, ya, z, prefix, true) * inv
			in[i*n+j] = sumPreference(f, ya, z, prefix, false) * inv
		}
	}
	return out, in, nil
}

// sumPreference returns Σ_b P(ya − z_b) (leaving) or Σ_b P(z_b − ya)
// (entering) for the piecewise-linear preference functions, using the
// ascending values z and their prefix sums. The thresholds are found by
// binary search on the same differences a pairwise loop would compute, so
// boundary cases (d exactly q or p) are decided identically.
func sumPreference(f Preference, ya float64, z, prefix []float64, leaving bool) float64 {
	m := len(z)
	d := func(k int) float64 { // the difference for the k-th smallest z
		if leaving {
			return ya - z[k]
		}
		return z[k] - ya
	}
	// count(t) is the number of b with d > t; the set is a prefix of z when
	// leaving and a suffix when entering. lo, hi bound the index range.
	count := func(t float64) (n, lo, hi int) {
		if leaving {
			k := sort.Search(m, func(k int) bool { return !(d(k) > t) })
			return k, 0, k
		}
		k := sort.Search(m, func(k int) bool { return d(k) > t })
		return m - k, k, m
	}
	q, p := f.Q, f.P
	switch f.Function {
	case Usual:
		n, _, _ := count(0)
		return float64(n)
	case UShape:
		n, _, _ := count(q)
		return float64(n)
	case VShape:
		q = 0
		fallthrough
	case Linear:
		if !(p > q) {
			n, _, _ := count(q)
			return float64(n)
		}
		nq, loQ, hiQ := count(q)
		np, loP, hiP := count(p)
		// The band q < d ≤ p holds the indices in the q-set but not the
		// p-set; there P = (d − q)/(p − q), summed through prefix sums.
		var lo, hi int
		if leaving {
			lo, hi = hiP, hiQ
		} else {
			lo, hi = loQ, loP
		}
		cnt := float64(nq - np)
		sumZ := prefix[hi] - prefix[lo]
		var band float64
		if leaving {
			band = cnt*(ya-q) - sumZ
		} else {
			band = sumZ - cnt*(ya+q)
		}
		return float64(np) + math.Max(0, math.Min(band/(p-q), cnt))
	case Level:
		nq, _, _ := count(q)
		np, _, _ := count(p)
		return float64(np) + 0.5*float64(nq-np)
	}
	return 0
}

// gaussianFlows fills the leaving and entering flows of one Gaussian
// criterion by the direct O(m²) sums; out and in are strided by n.
func gaussianFlows(y []float64, s float64, out, in []float64, n int, inv float64) {
	m := len(y)
	forBlocks(m, m, func(lo, hi, _ int) {
		for a := lo; a < hi; a++ {
			var o, e float64
			for _, yb := range y {
				t := (y[a] - yb) / s
				if t > 0 {
					o += 1 - math.Exp(-t*t/2)
				} else if t < 0 {
					e += 1 - math.Exp(-t*t/2)
				}
			}
			out[a*n], in[a*n] = o*inv, e*inv
		}
	})
}
