package main

import (
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

// elicitStep is one step of a stakeholder's guided questioning: which
// pair to ask next, their weights so far and their consistency, and
// whether the winner among the ranked structures can still change.
func elicitStep(answers map[pair]float64, rec *placement.Recommendation, p *scoring.Problem) (*scoring.ElicitState, error) {
	el := scoring.Elicitation{Method: rec.Method}
	return el.Step(matrixOf(answers), criterionIDs(), p)
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
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Answered int    `json:"answered"`
	Linked   bool   `json:"linked"`
	Finished bool   `json:"finished"`
	// CR is the consistency ratio of their judgements; nil (null in
	// JSON) until it can be computed, when their answers link every
	// criterion. Never 0 for "not yet": 0 is perfectly consistent.
	CR *float64 `json:"cr"`
	// Consistent is CR within AHP's threshold (0.10); false while CR is
	// nil.
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
		out = append(out, criterionView{ID: c.String(), Label: c.Label(), Help: c.Description(), Cost: c.IsCost()})
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
	return scoring.AHP{}.Weigh(matrixOf(answers))
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
		// An error leaves the stakeholder out, with no CR, as not linked.
		if err == nil && res != nil {
			cr := res.CR
			v.CR, v.Consistent, v.Weights, v.Included = &cr, res.Consistent, res.Weights, true
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
	res, err := scoring.Group{Aggregation: scoring.AIPGeometric}.Weigh(matrices, nil)
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
func withStakeholders(rec *placement.Recommendation, title, note string, matrices [][][]scoring.Judgement, names []string) (*decision.Document, error) {
	doc, err := rec.Decision()
	if err != nil {
		return nil, err
	}
	doc.Title, doc.Notes = title, note
	if len(matrices) > 0 {
		for k, m := range matrices {
			doc.Stakeholders = append(doc.Stakeholders, decision.Stakeholder{Name: names[k], Weight: 1,
				Judgements: map[string]scoring.WeightSpec{doc.Tree.ID: {Method: scoring.PairwiseAHP, Pairwise: m}}})
		}
		doc.Aggregation = decision.Geometric
		// The inputs changed: the document is decided afresh.
		doc.InputHash, doc.Result = "", nil
	}
	return decision.Decide(doc)
}
