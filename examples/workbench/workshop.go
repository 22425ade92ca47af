package main

import (
	"errors"
	"fmt"
	"math"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
)

// The stakeholders compare the ten placement criteria pairwise, in the
// order of placement.Criteria: pair{Row: i, Col: j} asks how many times
// criterion i matters more than criterion j.

// criterionIDs returns the criteria's IDs in placement.Criteria order, the
// items of the elicitation.
func criterionIDs() []string {
	cs := placement.Criteria()
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.String()
	}
	return ids
}

// matrixOf builds a stakeholder's pairwise matrix from their answers:
// the diagonal 1, each answer and its reciprocal, the rest missing (0).
func matrixOf(answers map[pair]float64) [][]scoring.Judgement {
	n := placement.NumCriteria
	m := make([][]scoring.Judgement, n)
	for i := range m {
		m[i] = make([]scoring.Judgement, n)
		m[i][i] = 1
	}
	for p, v := range answers {
		if p.Row < 0 || p.Col >= n || p.Row >= p.Col || !(v > 0) {
			continue
		}
		m[p.Row][p.Col] = scoring.Judgement(v)
		m[p.Col][p.Row] = scoring.Judgement(1 / v)
	}
	return m
}

// linked reports whether the answers join every criterion to every other
// through some chain of comparisons: only then do priorities exist.
func linked(answers map[pair]float64) bool {
	n := placement.NumCriteria
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	groups := n
	for p := range answers {
		a, b := find(p.Row), find(p.Col)
		if a != b {
			parent[a] = b
			groups--
		}
	}
	return groups == 1
}

// errNumerical reports that the scoring package failed on a matrix (it
// panicked inside the eigensolver, see safely); the caller shows what it can
// without the analysis.
var errNumerical = errors.New("workbench: the analysis failed on these judgements")

// safely runs fn on m and, if it panics, again on m with its judgements
// scaled by a tiny, deterministic factor (a few parts in a million to a
// thousandth, far inside AHP's reciprocal tolerance and invisible on the
// 1–9 scale). gonum's eigensolver (lapack Dlaln2 via Dtrevc3, gonum v0.17.0)
// panics with an index out of range on some matrices with nearly repeated
// complex eigenvalues, which AHP and the elicitation's probes produce from
// ordinary answers; scoring does not recover from it. The perturbation moves
// the eigenvalues apart. If every attempt panics the error is errNumerical.
func safely[T any](m [][]scoring.Judgement, fn func([][]scoring.Judgement) (T, error)) (T, error) {
	var zero T
	for _, eps := range []float64{0, 1e-6, 1e-4, 1e-3, 3e-3} {
		out, err, panicked := try(perturb(m, eps), fn)
		if !panicked {
			return out, err
		}
	}
	return zero, errNumerical
}

// try calls fn and reports whether it panicked.
func try[T any](m [][]scoring.Judgement, fn func([][]scoring.Judgement) (T, error)) (out T, err error, panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	out, err = fn(m)
	return out, err, false
}

// perturb returns a copy of m whose given judgements above the diagonal
// are multiplied by 1 + eps·k, with k a small integer that differs from
// pair to pair, and whose reciprocals follow. eps 0 returns m itself.
func perturb(m [][]scoring.Judgement, eps float64) [][]scoring.Judgement {
	if eps == 0 {
		return m
	}
	out := make([][]scoring.Judgement, len(m))
	for i := range m {
		out[i] = append([]scoring.Judgement(nil), m[i]...)
	}
	for i := range m {
		for j := i + 1; j < len(m); j++ {
			if m[i][j] != 0 {
				out[i][j] = m[i][j] * scoring.Judgement(1+eps*float64((i*7+j*13)%17+1))
				out[j][i] = 1 / out[i][j]
			}
		}
	}
	return out
}

// elicitStep is one step of a stakeholder's guided questioning: which
// pair to ask next, their weights so far and their consistency, and
// whether the winner among the ranked structures can still change.
func elicitStep(answers map[pair]float64, rec *placement.Recommendation, p *scoring.Problem) (*scoring.ElicitState, error) {
	el := scoring.Elicitation{Method: rec.Method}
	ids := criterionIDs()
	st, err := safely(matrixOf(answers), func(m [][]scoring.Judgement) (*scoring.ElicitState, error) {
		return el.Step(m, ids, p)
	})
	if errors.Is(err, errNumerical) {
		// Without the analysis, keep the workshop going: the next open
		// pair in order, preferring one that links a new criterion.
		return fallbackStep(answers), nil
	}
	return st, err
}

// fallbackStep is the elicitation state when the analysis fails: no
// weights, the next pair chosen by order alone.
func fallbackStep(answers map[pair]float64) *scoring.ElicitState {
	n := placement.NumCriteria
	ids := criterionIDs()
	st := &scoring.ElicitState{Items: ids, Answered: len(answers), Open: n*(n-1)/2 - len(answers), Linked: linked(answers),
		CR: math.NaN(), Notes: nil}
	for j := 1; j < n && st.Next == nil; j++ {
		if _, ok := answers[pair{0, j}]; !ok {
			st.Next = &scoring.OpenPair{Row: 0, Col: j, RowName: ids[0], ColName: ids[j]}
		}
	}
	for i := 0; i < n && st.Next == nil; i++ {
		for j := i + 1; j < n && st.Next == nil; j++ {
			if _, ok := answers[pair{i, j}]; !ok {
				st.Next = &scoring.OpenPair{Row: i, Col: j, RowName: ids[i], ColName: ids[j]}
			}
		}
	}
	st.Done = st.Next == nil
	return st
}

// problemOf returns the decision problem the stakeholders' weights rank:
// the recommendation's candidate structures and their performances on the
// criteria, from its decision document.
func problemOf(rec *placement.Recommendation) (*scoring.Problem, *decision.Document, error) {
	doc, err := rec.Decision()
	if err != nil {
		return nil, nil, err
	}
	p, err := scoring.NewProblem(doc.Alternatives, doc.Criteria, doc.Performances)
	return p, doc, err
}

// stakeholderView is what the facilitator sees of one stakeholder.
type stakeholderView struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"`
	Answered int     `json:"answered"`
	Linked   bool    `json:"linked"`
	Finished bool    `json:"finished"`
	CR       float64 `json:"cr"`
	// Consistent is CR within AHP's threshold (0.10).
	Consistent bool `json:"consistent"`
	// Weights are the stakeholder's criterion weights, in criterion
	// order; nil until their answers link every criterion.
	Weights []float64 `json:"weights"`
	// Included says the stakeholder's weights count in the group's.
	Included bool `json:"included"`
	// Distance is the stakeholder's distance from the group's weights.
	Distance float64 `json:"distance"`
	// Main is the criterion on which they differ most from the group.
	Main string `json:"main_criterion,omitempty"`
}

// groupView is the facilitator's live view of the workshop.
type groupView struct {
	Criteria     []criterionView   `json:"criteria"`
	Stakeholders []stakeholderView `json:"stakeholders"`
	// Included is the number of stakeholders whose weights count (their
	// answers link every criterion).
	Included int `json:"included"`
	// Weights are the group's weights (the weighted geometric mean of the
	// included stakeholders' priorities, AIP); nil when nobody is included.
	Weights []float64 `json:"weights"`
	// KendallW is the stakeholders' agreement on the order of the criteria
	// (1: identical); only with two or more included.
	KendallW *float64 `json:"kendall_w"`
	// Outlier is the stakeholder furthest from the group, and
	// OutlierCriterion where they differ most; only with two or more.
	Outlier          string `json:"outlier,omitempty"`
	OutlierCriterion string `json:"outlier_criterion,omitempty"`
	// Ranking is the placement ranking under the group's weights (the top
	// structures); empty when nobody is included.
	Ranking []rankRow `json:"ranking"`
	// Error is a problem with the analysis, in words, if any.
	Error string `json:"error,omitempty"`
}

// criterionView names a criterion for display.
type criterionView struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Help  string `json:"help"`
	Cost  bool   `json:"cost"`
}

// criteriaViews returns the criteria for display.
func criteriaViews() []criterionView {
	var out []criterionView
	for _, c := range placement.Criteria() {
		out = append(out, criterionView{ID: c.String(), Label: c.Label(), Help: criterionHelp[c.String()], Cost: c.IsCost()})
	}
	return out
}

// rankRow is one structure of a ranking, for display.
type rankRow struct {
	Rank  int     `json:"rank"`
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Score float64 `json:"score"`
}

// rankRows returns the top n structures of rec.
func rankRows(rec *placement.Recommendation, n int) []rankRow {
	out := []rankRow{}
	for i, e := range rec.Ranking {
		if i == n {
			break
		}
		out = append(out, rankRow{Rank: e.Rank, ID: e.Structure.ID(), Name: e.Structure.Name(), Score: e.Score})
	}
	return out
}

// individual returns a stakeholder's AHP result on their answers (nil and
// no error while their answers do not link every criterion).
func individual(answers map[pair]float64) (*scoring.AHPResult, error) {
	if !linked(answers) {
		return nil, nil
	}
	return safely(matrixOf(answers), func(m [][]scoring.Judgement) (*scoring.AHPResult, error) {
		return scoring.AHP{}.Weigh(m)
	})
}

// groupOf computes the group view of the stakeholders: each one's weights
// and consistency, the group's weights by aggregating the individual
// priorities (AIP, weighted geometric mean: each stakeholder keeps their
// own view, Forman & Peniwati 1998), the consensus and the outlier. The
// ranking is left to the caller, which needs the profile.
func groupOf(list []stakeholderRow) (groupView, [][][]scoring.Judgement, []string) {
	g := groupView{Criteria: criteriaViews(), Stakeholders: []stakeholderView{}, Ranking: []rankRow{}}
	ids := criterionIDs()
	var matrices [][][]scoring.Judgement
	var names []string
	var included []int
	for _, st := range list {
		v := stakeholderView{ID: st.ID, Name: st.Name, Answered: len(st.Answers), Linked: linked(st.Answers), Finished: st.Finished}
		res, err := individual(st.Answers)
		switch {
		case err != nil:
			v.CR = math.NaN()
		case res != nil:
			v.CR, v.Consistent, v.Weights, v.Included = res.CR, res.Consistent, res.Weights, true
			included = append(included, len(g.Stakeholders))
			matrices = append(matrices, matrixOf(st.Answers))
			names = append(names, st.Name)
		}
		g.Stakeholders = append(g.Stakeholders, v)
	}
	g.Included = len(matrices)
	if g.Included == 0 {
		return g, nil, nil
	}
	// Group.Weigh takes the stakeholders' matrices together; the
	// perturbation retry of safely is applied to each in turn through a
	// closure over the list.
	res, err := groupWeigh(matrices)
	if err != nil {
		g.Error = "The group's weights could not be computed from these answers."
		return g, matrices, names
	}
	g.Weights = res.Weights
	if g.Included >= 2 && res.Consensus != nil {
		w := res.Consensus.KendallW
		g.KendallW = &w
		for k, idx := range included {
			g.Stakeholders[idx].Distance = res.Consensus.Distances[k]
			g.Stakeholders[idx].Main = ids[res.Consensus.MainCriterion[k]]
		}
		g.Outlier = names[res.Consensus.Furthest]
		g.OutlierCriterion = placement.Criteria()[res.Consensus.MainCriterion[res.Consensus.Furthest]].Label()
	}
	return g, matrices, names
}

// groupWeigh aggregates the stakeholders' matrices (AIP, geometric), with
// the same protection against the eigensolver's panic as safely.
func groupWeigh(matrices [][][]scoring.Judgement) (*scoring.GroupResult, error) {
	for _, eps := range []float64{0, 1e-6, 1e-4, 1e-3, 3e-3} {
		ms := make([][][]scoring.Judgement, len(matrices))
		for k, m := range matrices {
			ms[k] = perturb(m, eps)
		}
		res, err, panicked := try(nil, func([][]scoring.Judgement) (*scoring.GroupResult, error) {
			return scoring.Group{Aggregation: scoring.AIPGeometric}.Weigh(ms, nil)
		})
		if !panicked {
			return res, err
		}
	}
	return nil, errNumerical
}

// weightsMap turns weights in criterion order into a profile's weights.
func weightsMap(w []float64) map[placement.Criterion]float64 {
	m := map[placement.Criterion]float64{}
	for i, c := range placement.Criteria() {
		m[c] = w[i]
	}
	return m
}

// withStakeholders returns the recommendation's decision document with
// the included stakeholders' raw judgements on the criteria, aggregated as
// the group view aggregates them (geometric mean of the priorities), and
// decides it. With no stakeholders it is the recommendation's own.
//
// Deciding runs AHP on every stakeholder's matrix, which can meet the
// eigensolver's panic that safely works around; the document then stores
// the judgements scaled as safely scales them, and its notes say so.
func withStakeholders(rec *placement.Recommendation, title, note string, matrices [][][]scoring.Judgement, names []string) (*decision.Document, error) {
	doc, err := rec.Decision()
	if err != nil {
		return nil, err
	}
	doc.Title, doc.Notes = title, note
	if len(matrices) == 0 {
		return decision.Decide(doc)
	}
	doc.Aggregation = decision.Geometric
	doc.InputHash, doc.Result = "", nil
	for _, eps := range []float64{0, 1e-6, 1e-4, 1e-3, 3e-3} {
		d := *doc
		d.Stakeholders = nil
		for k, m := range matrices {
			d.Stakeholders = append(d.Stakeholders, decision.Stakeholder{Name: names[k], Weight: 1,
				Judgements: map[string]scoring.WeightSpec{doc.Tree.ID: {Method: scoring.PairwiseAHP, Pairwise: perturb(m, eps)}}})
		}
		if eps > 0 {
			d.Notes = fmt.Sprintf("%s (judgements scaled by at most %.2g%% to avoid a numerical fault)", note, eps*1700)
		}
		out, err, panicked := try(nil, func([][]scoring.Judgement) (*decision.Document, error) { return decision.Decide(&d) })
		if !panicked {
			return out, err
		}
	}
	return nil, fmt.Errorf("%w (deciding the document)", errNumerical)
}
