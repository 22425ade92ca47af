package scoring

import (
	"fmt"
	"math"
	"slices"
)

// MaxElicitCorners is the largest number of answer combinations
// [Elicitation.Step] tries to decide whether the top alternative is fixed:
// every unanswered pair at either end of the scale, so up to 12 open pairs.
const MaxElicitCorners = 1 << 12

// elicitScale is the end of Saaty's scale used to probe an open pair.
const elicitScale = 9

// Elicitation guides a pairwise-comparison workshop one question at a
// time. It is stateless: each [Elicitation.Step] takes the judgements
// gathered so far (an incomplete matrix, missing pairs being the zero
// [Judgement]) and says
//
//   - which pair to ask next;
//   - the priorities so far, completed by Harker's (1987) method as in
//     [AHP], with the live consistency ratio and the judgement to revisit
//     (Saaty 2003, as in [AHPResult].Revisit), once the judgements link
//     every item (before that there are no priorities and no ratio:
//     [ElicitState].CR is nil);
//   - given a decision matrix, whether the top alternative is already
//     fixed whatever the remaining answers.
//
// # Which pair next
//
// While the judgements do not yet link every item, the next pair is (0, j)
// for the lowest j not linked to item 0: without a chain of judgements no
// priorities exist. Afterwards every open pair (i, j) is probed at both
// ends of the scale, a_ij = 9 and a_ij = 1/9, with the other open pairs
// left to Harker's completion, and the pair whose answer can move the
// priorities furthest is asked next: the largest total-variation distance
// ½·Σ_k |w_k(9) − w_k(1/9)| between the two completed priority vectors
// (ties to the lowest i, then j). This is a finite-range form of the rule
// of Harker (1987, "Alternative modes of questioning in the analytic
// hierarchy process", Mathematical Modelling 9(3–5):353–360), who asks next
// the comparison to which the completed priorities are most sensitive; it
// needs no derivatives and reads directly as "how much can this answer
// still change".
//
// # Is the winner fixed?
//
// With a decision problem whose criteria are the compared items, the top
// alternative under the current priorities is checked against every
// combination of the open pairs at the ends of the scale (9 or 1/9 each,
// 2^k combinations for k open pairs, at most [MaxElicitCorners]): if the
// same alternative wins in all of them, further answers are unlikely to
// change the winner and the workshop may stop. This checks the extremes,
// not every value in between; it is a stopping hint, not a proof. With more
// than 12 open pairs it is not attempted (TopFixed is false with a note).
type Elicitation struct {
	// AHP holds the AHP settings (priority method, RI table, threshold).
	// Strict is ignored: an inconsistent matrix is reported, not refused.
	AHP AHP `json:"ahp"`
	// Method ranks the alternatives for the stopping check; nil means
	// WeightedSum{}.
	Method Method `json:"-"`
}

// OpenPair is a pair not yet judged, with how far its answer can still
// move the priorities.
type OpenPair struct {
	// Row is the index of the first item compared (0-based), the row of
	// the judgement asked for.
	Row int `json:"row"`
	// Col is the index of the second item compared, with Row < Col.
	Col int `json:"col"`
	// RowName is the name of item Row; "" when the items are unnamed.
	RowName string `json:"row_name,omitempty"`
	// ColName is the name of item Col; "" when the items are unnamed.
	ColName string `json:"col_name,omitempty"`
	// Spread is ½·Σ_k |w_k(9) − w_k(1/9)|, in [0, 1]; 0 while the items
	// are not yet linked.
	Spread float64 `json:"spread"`
}

// TopCheck says whether the top alternative is fixed.
type TopCheck struct {
	// Best is the index of the top alternative under the current
	// priorities.
	Best int `json:"best"`
	// BestName is the name of alternative Best; "" when the alternatives
	// are unnamed.
	BestName string `json:"best_name"`
	// Fixed reports that Best wins for every combination checked.
	Fixed bool `json:"fixed"`
	// Checked is the number of answer combinations tried (0 if too many).
	Checked int `json:"checked"`
	// Challenger is the index of an alternative that wins in some
	// combination, −1 if none.
	Challenger int `json:"challenger"`
	// ChallengerName is the name of alternative Challenger; "" when there
	// is none or the alternatives are unnamed.
	ChallengerName string `json:"challenger_name,omitempty"`
}

// ElicitState is the outcome of [Elicitation.Step].
type ElicitState struct {
	// Items are the names of the compared items, when known.
	Items []string `json:"items,omitempty"`
	// Answered counts the judged pairs {i, j}, i < j: those with at
	// least one of a_ij and a_ji given.
	Answered int `json:"answered"`
	// Open counts the pairs {i, j}, i < j, with neither judgement given.
	Open int `json:"open"`
	// Linked reports that the judgements link every item, so priorities
	// exist.
	Linked bool `json:"linked"`
	// Weights are the completed priorities; nil while not Linked.
	Weights []float64 `json:"weights,omitempty"`
	// CR is the live consistency ratio of the judgements so far, that of
	// the completed matrix; nil (absent in JSON) while not Linked, when it
	// cannot be computed yet. It is never 0 for "not yet": 0 means
	// perfectly consistent.
	CR *float64 `json:"cr,omitempty"`
	// Consistent reports that CR is within the AHP threshold; false
	// while not Linked.
	Consistent bool `json:"consistent"`
	// Revisit is the given judgement that departs most from the
	// priorities, if the matrix is inconsistent.
	Revisit *Revision `json:"revisit,omitempty"`
	// Next is the pair to ask next; nil when every pair is answered.
	Next *OpenPair `json:"next,omitempty"`
	// Candidates lists every open pair, most informative first.
	Candidates []OpenPair `json:"candidates,omitempty"`
	// Top is the stopping check; nil without a decision problem or while
	// not Linked.
	Top *TopCheck `json:"top,omitempty"`
	// Done reports that the workshop may stop: every pair is answered, or
	// the top alternative is fixed and the judgements are consistent.
	Done bool `json:"done"`
	// Notes records advisories.
	Notes []Note `json:"notes,omitempty"`
}

// Step evaluates the judgements gathered so far. items names the compared
// items (nil: none); p, if not nil, is the decision problem whose criteria
// are the compared items, in the same order. Nothing is modified.
//
// The error is an [*InputError]: any error of [AHP.Weigh] on the given
// judgements (a matrix that is not square, a bad value, non-reciprocal
// pairs), [ErrEmpty] for fewer than two items, [ErrLength] when items or p's
// criteria do not match the matrix, or an error of the ranking method.
func (e Elicitation) Step(pairwise [][]Judgement, items []string, p *Problem) (*ElicitState, error) {
	if p == nil {
		return e.StepFunc(pairwise, items, nil, nil)
	}
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	if p.n != len(pairwise) {
		return nil, inputErr("criteria", -1, -1, "", ErrLength, fmt.Sprintf("%d criteria for %d compared items", p.n, len(pairwise)))
	}
	if items == nil {
		items = p.CriterionNames()
	}
	method := e.Method
	if method == nil {
		method = WeightedSum{}
	}
	winner := func(w []float64) (int, error) {
		r, err := method.Rank(p, w)
		if err != nil {
			return 0, err
		}
		return r.Best(), nil
	}
	return e.StepFunc(pairwise, items, p.altNames(), winner)
}

// StepFunc is [Elicitation.Step] for items that are not the criteria of
// one problem, such as the children of a node of a criteria tree (see
// [Hierarchy.LocalWinner]): winner, if not nil, returns the index of the
// top alternative when the items weigh w, and alternatives names the
// alternatives (nil: unnamed). Method is not used.
func (e Elicitation) StepFunc(pairwise [][]Judgement, items, alternatives []string, winner func(w []float64) (int, error)) (*ElicitState, error) {
	n := len(pairwise)
	if n < 2 {
		return nil, inputErr("pairwise", -1, -1, "", ErrEmpty, fmt.Sprintf("%d items, want at least 2", n))
	}
	if items != nil && len(items) != n {
		return nil, inputErr("items", -1, -1, "", ErrLength, fmt.Sprintf("%d names for %d items", len(items), n))
	}
	a := e.AHP
	a.Strict = false
	m := make([][]Judgement, n)
	for i, row := range pairwise {
		if len(row) != n {
			// Let AHP report the shape with its own message.
			_, err := a.Weigh(pairwise)
			return nil, err
		}
		m[i] = slices.Clone(row)
	}
	var open [][2]int
	for i := range n {
		for j := i + 1; j < n; j++ {
			if m[i][j] == 0 && m[j][i] == 0 {
				open = append(open, [2]int{i, j})
			}
		}
	}
	st := &ElicitState{Items: slices.Clone(items), Open: len(open), Answered: n*(n-1)/2 - len(open)}
	name := func(i int) string {
		if items == nil {
			return ""
		}
		return items[i]
	}
	pair := func(i, j int, spread float64) OpenPair {
		return OpenPair{Row: i, Col: j, RowName: name(i), ColName: name(j), Spread: spread}
	}
	if j := unlinked(m); j >= 0 {
		// Validate the given judgements with the open pairs set to 1.
		probe := cloneJudgements(m)
		for _, o := range open {
			probe[o[0]][o[1]], probe[o[1]][o[0]] = 1, 1
		}
		if _, err := a.Weigh(probe); err != nil {
			return nil, err
		}
		nx := pair(0, j, 0)
		st.Next = &nx
		for _, o := range open {
			st.Candidates = append(st.Candidates, pair(o[0], o[1], 0))
		}
		st.Notes = append(st.Notes, Note{Code: "not-linked",
			Text: "some items are not yet compared, directly or through others, with the first item; priorities need a chain of comparisons linking every item"})
		return st, nil
	}
	st.Linked = true
	cur, err := a.Weigh(m)
	if err != nil {
		return nil, err
	}
	cr := cur.CR
	st.Weights, st.CR, st.Consistent = cur.Weights, &cr, cur.Consistent
	if !cur.Consistent && len(cur.Revisit) > 0 {
		r := cur.Revisit[0]
		st.Revisit = &r
	}
	for _, o := range open {
		hi, err := weighWith(a, m, o, elicitScale)
		if err != nil {
			return nil, err
		}
		lo, err := weighWith(a, m, o, 1.0/elicitScale)
		if err != nil {
			return nil, err
		}
		var tv float64
		for k := range hi {
			tv += math.Abs(hi[k] - lo[k])
		}
		st.Candidates = append(st.Candidates, pair(o[0], o[1], tv/2))
	}
	slices.SortStableFunc(st.Candidates, func(x, y OpenPair) int { return cmpFloat(y.Spread, x.Spread) })
	if len(st.Candidates) > 0 {
		nx := st.Candidates[0]
		st.Next = &nx
	}
	if winner != nil {
		top, err := topCheck(a, m, open, alternatives, winner, cur.Weights)
		if err != nil {
			return nil, err
		}
		st.Top = top
		if top.Checked == 0 && len(open) > 0 {
			st.Notes = append(st.Notes, Note{Code: "too-many-open-pairs",
				Text: fmt.Sprintf("%d pairs are still open; whether the winner is fixed is checked from 12 open pairs down", len(open))})
		}
	}
	st.Done = len(open) == 0 || st.Top != nil && st.Top.Fixed && st.Consistent
	return st, nil
}

func topCheck(a AHP, m [][]Judgement, open [][2]int, alts []string, winner func([]float64) (int, error), w []float64) (*TopCheck, error) {
	name := func(i int) string {
		if i < 0 || i >= len(alts) {
			return ""
		}
		return alts[i]
	}
	best, err := winner(w)
	if err != nil {
		return nil, err
	}
	tc := &TopCheck{Best: best, BestName: name(best), Challenger: -1}
	if 1<<len(open) > MaxElicitCorners {
		return tc, nil
	}
	corners := 1 << len(open)
	if len(open) == 0 {
		tc.Fixed = true
		return tc, nil
	}
	probe := cloneJudgements(m)
	for c := range corners {
		for k, o := range open {
			v := Judgement(elicitScale)
			if c&(1<<k) == 0 {
				v = 1.0 / elicitScale
			}
			probe[o[0]][o[1]], probe[o[1]][o[0]] = v, 1/v
		}
		res, err := a.Weigh(probe)
		if err != nil {
			return nil, err
		}
		b, err := winner(res.Weights)
		if err != nil {
			return nil, err
		}
		tc.Checked++
		if b != best {
			tc.Challenger, tc.ChallengerName = b, name(b)
			return tc, nil
		}
	}
	tc.Fixed = true
	return tc, nil
}

// weighWith returns the completed priorities with the open pair o answered
// a_ij = v.
func weighWith(a AHP, m [][]Judgement, o [2]int, v float64) ([]float64, error) {
	probe := cloneJudgements(m)
	probe[o[0]][o[1]], probe[o[1]][o[0]] = Judgement(v), Judgement(1/v)
	r, err := a.Weigh(probe)
	if err != nil {
		return nil, err
	}
	return r.Weights, nil
}

// unlinked returns the lowest item not linked to item 0 by given
// judgements, or −1.
func unlinked(m [][]Judgement) int {
	n := len(m)
	seen := make([]bool, n)
	seen[0] = true
	stack := []int{0}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for j := range n {
			if !seen[j] && (m[i][j] != 0 || m[j][i] != 0) {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	return slices.Index(seen, false)
}

func cloneJudgements(m [][]Judgement) [][]Judgement {
	out := make([][]Judgement, len(m))
	for i, r := range m {
		out[i] = slices.Clone(r)
	}
	return out
}

// ElicitRequest is the JSON form of one elicitation step, for a web form or
// a chat bot driving a workshop: the judgements so far and, optionally, the
// decision matrix for the stopping check. Its Run method answers with an
// [ElicitState].
type ElicitRequest struct {
	// Items names the compared items; when Criteria is given it may be
	// omitted (the criteria's names are used).
	Items []string `json:"items,omitempty"`
	// Pairwise is the incomplete matrix (null, "?" or 0 for an open pair).
	Pairwise [][]Judgement `json:"pairwise"`
	// AHP holds the AHP settings.
	AHP AHP `json:"ahp"`
	// Alternatives names the rows of Matrix; nil means "A1" … "Am". Given
	// alone, without Criteria and Matrix, it is an error.
	Alternatives []string `json:"alternatives,omitempty"`
	// Criteria are the decision problem's criteria, which are the
	// compared items, in the same order; it goes with Matrix (both or
	// neither), and without them there is no stopping check.
	Criteria []Criterion `json:"criteria,omitempty"`
	// Matrix holds the performances, one row per alternative and one
	// value per criterion, as for [NewProblem].
	Matrix [][]float64 `json:"matrix,omitempty"`
	// Method is the ranking method's token ([ParseMethod]); "" means
	// "wsm".
	Method string `json:"method,omitempty"`
}

// Run performs the step the request describes; see [Elicitation.Step].
// Errors are those of Step, of [NewProblem] and of [ParseMethod].
func (r ElicitRequest) Run() (*ElicitState, error) {
	e := Elicitation{AHP: r.AHP}
	if r.Method != "" {
		m, err := ParseMethod(r.Method)
		if err != nil {
			return nil, err
		}
		e.Method = m
	}
	var p *Problem
	if r.Alternatives != nil || r.Criteria != nil || r.Matrix != nil {
		var err error
		if p, err = NewProblem(r.Alternatives, r.Criteria, r.Matrix); err != nil {
			return nil, err
		}
	}
	return e.Step(r.Pairwise, r.Items, p)
}
