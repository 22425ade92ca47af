package scoring

import "slices"

// Relation is the outcome of comparing two alternatives a and b in a
// partial preorder such as PROMETHEE I's: a is preferred to b, b is
// preferred to a, they are indifferent, or they are incomparable (each is
// better than the other in some respect and the method refuses to
// arbitrate). The zero value is Indifferent. Text tokens: "indifferent",
// "preferred", "outranked", "incomparable".
type Relation int

const (
	// Indifferent means neither alternative is preferred: a I b.
	Indifferent Relation = iota
	// Preferred means the first alternative is preferred: a P b.
	Preferred
	// Outranked means the second alternative is preferred: b P a.
	Outranked
	// Incomparable means the method cannot compare them: a R b.
	Incomparable
)

var relationTokens = []string{"indifferent", "preferred", "outranked", "incomparable"}

// String returns the relation's token.
func (r Relation) String() string { return tokenString("Relation", relationTokens, int(r)) }

// MarshalText returns the relation's token; an invalid value is an error.
func (r Relation) MarshalText() ([]byte, error) {
	return marshalToken("relation", relationTokens, int(r))
}

// UnmarshalText parses a relation token.
func (r *Relation) UnmarshalText(b []byte) error {
	v, err := ParseRelation(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// ParseRelation parses "indifferent", "preferred", "outranked" or
// "incomparable".
func ParseRelation(s string) (Relation, error) {
	i, err := parseToken("relation", relationTokens, s)
	return Relation(i), err
}

// Inverse returns the relation seen from the other alternative: Preferred
// and Outranked swap, the others are symmetric.
func (r Relation) Inverse() Relation {
	switch r {
	case Preferred:
		return Outranked
	case Outranked:
		return Preferred
	}
	return r
}

// PROMETHEEI is the PROMETHEE I partial ranking of Brans & Vincke (1985),
// Management Science 31(6):647–656, §4, and Brans & Mareschal (2005), ch. 5
// of Figueira, Greco & Ehrgott (eds.), Multiple Criteria Decision Analysis:
// State of the Art Surveys, Springer. It uses the leaving flow φ⁺ and the
// entering flow φ⁻ of [PROMETHEEII] separately, without netting them:
//
//	a P b  if φ⁺(a) ≥ φ⁺(b) and φ⁻(a) ≤ φ⁻(b), one of them strictly
//	a I b  if φ⁺(a) = φ⁺(b) and φ⁻(a) = φ⁻(b)
//	a R b  otherwise (one flow favours a, the other b)
//
// Flows are compared with an absolute tolerance of 1e-12 (they lie in
// [0, 1]). PROMETHEE I does not produce a complete ranking, so it is not a
// [Method]: [PROMETHEEI.Evaluate] returns a [PROMETHEEIResult]. Its text
// token is "promethee1". The zero value uses the Usual criterion everywhere.
type PROMETHEEI struct {
	// Preferences holds one preference function per criterion, as for
	// [PROMETHEEII]; nil means Usual for every criterion.
	Preferences []Preference `json:"preferences,omitempty"`
}

// PROMETHEEIResult is the PROMETHEE I partial preorder with the flows it is
// built from. All slices are indexed by the alternatives' order in the
// problem.
type PROMETHEEIResult struct {
	// Method is "promethee1".
	Method string `json:"method"`
	// Alternatives are the problem's alternatives' names, in problem
	// order; the slice is shared with other results from the same
	// problem, as in [Result].
	Alternatives []string `json:"alternatives"`
	// Criteria are the problem's criteria's names, in problem order,
	// shared in the same way.
	Criteria []string `json:"criteria"`
	// Weights are the weights used, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// PositiveFlow[a] is the leaving flow φ⁺(a) in [0, 1]: how much a is
	// preferred to the others on average (higher is better).
	PositiveFlow []float64 `json:"positive_flow"`
	// NegativeFlow[a] is the entering flow φ⁻(a) in [0, 1]: how much the
	// others are preferred to a on average (lower is better).
	NegativeFlow []float64 `json:"negative_flow"`
	// NetFlow[a] is φ(a) = φ⁺(a) − φ⁻(a) in [−1, 1], the PROMETHEE II
	// score; PROMETHEE I itself does not use it.
	NetFlow []float64 `json:"net_flow"`
	// Relations[a][b] is the relation of alternative a to b; the diagonal
	// is Indifferent and Relations[b][a] is Relations[a][b].Inverse().
	Relations [][]Relation `json:"relations"`
	// Incomparable lists the incomparable pairs {a, b} with a < b, in
	// increasing order.
	Incomparable [][2]int `json:"incomparable"`
	// Unbeaten lists, in problem order, the alternatives to which no other
	// alternative is preferred: the top of the partial preorder.
	Unbeaten []int `json:"unbeaten"`
	// Notes records advisories about the input, as in [Result].
	Notes []Note `json:"notes,omitempty"`
}

// flowTolerance is the absolute tolerance under which two PROMETHEE flows
// are equal.
const flowTolerance = 1e-12

// Evaluate computes the flows and the partial preorder. Errors are those
// of [PROMETHEEII.Rank]. It takes O(n·m log m) for the flows plus O(m²)
// time and 8·m² bytes for the relation matrix; when that exceeds
// [DefaultMaxMemory] the error is a [*MemoryError] wrapping [ErrTooLarge].
func (m PROMETHEEI) Evaluate(p *Problem, weights []float64) (*PROMETHEEIResult, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	if err := checkPairwiseMemory("promethee1", p.m, promethee1PairBytes); err != nil {
		return nil, err
	}
	r, err := PROMETHEEII(m).Evaluate(p, weights)
	if err != nil {
		return nil, err
	}
	res := &PROMETHEEIResult{
		Method:       "promethee1",
		Alternatives: r.Alternatives,
		Criteria:     r.Criteria,
		Weights:      r.Weights,
		PositiveFlow: r.PositiveFlow,
		NegativeFlow: r.NegativeFlow,
		NetFlow:      r.Scores,
		Notes:        r.Notes,
	}
	res.Relations, res.Incomparable, res.Unbeaten = promethee1Relations(r.PositiveFlow, r.NegativeFlow)
	return res, nil
}

// promethee1Relations builds the PROMETHEE I relation matrix from the
// leaving and entering flows.
func promethee1Relations(plus, minus []float64) (rel [][]Relation, incomparable [][2]int, unbeaten []int) {
	mm := len(plus)
	flat := make([]Relation, mm*mm)
	rel = make([][]Relation, mm)
	for a := range rel {
		rel[a] = flat[a*mm : (a+1)*mm : (a+1)*mm]
	}
	// rel[a][b] for every ordered pair, along rows (the transposed write
	// of a pair-at-a-time loop misses the cache), from the signs of the
	// two flow differences (toleranceSign) and a table of relationOfSigns.
	var table [9]Relation
	for sp := -1; sp <= 1; sp++ {
		for sm := -1; sm <= 1; sm++ {
			table[(sp+1)*3+sm+1] = relationOfSigns(sp, sm)
		}
	}
	beaten := make([]bool, mm)
	incomparable = [][2]int{}
	for a := range mm {
		row := rel[a]
		pa, ma := plus[a], minus[a]
		for b, pb := range plus {
			row[b] = table[(toleranceSign(pa-pb)+1)*3+toleranceSign(minus[b]-ma)+1]
		}
		row[a] = Indifferent
		for b := a + 1; b < mm; b++ {
			if row[b] == Incomparable {
				incomparable = append(incomparable, [2]int{a, b})
			}
		}
		beaten[a] = slices.Contains(row, Outranked)
	}
	unbeaten = []int{}
	for a, x := range beaten {
		if !x {
			unbeaten = append(unbeaten, a)
		}
	}
	return rel, incomparable, unbeaten
}

// toleranceSign is 0 for a flow difference within flowTolerance of 0, else
// its sign; > 0 when the flow favours a. It has no data-dependent branch.
func toleranceSign(d float64) int {
	return b2i(d > flowTolerance) - b2i(d < -flowTolerance)
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	var i int
	if b {
		i = 1
	}
	return i
}

// relationOfSigns is the PROMETHEE I relation for the signs of the
// leaving-flow difference (sp) and the entering-flow one (sm), each
// favouring a when positive.
func relationOfSigns(sp, sm int) Relation {
	switch {
	case sp == 0 && sm == 0:
		return Indifferent
	case sp >= 0 && sm >= 0:
		return Preferred
	case sp <= 0 && sm <= 0:
		return Outranked
	}
	return Incomparable
}

// Relation returns the relation of alternative a to b; it panics if an
// index is out of range, like a slice access.
func (r *PROMETHEEIResult) Relation(a, b int) Relation { return r.Relations[a][b] }
