package placement_test

import (
	"encoding/json"
	"math"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/touchpoint"
)

func TestRecommendInvariants(t *testing.T) {
	for _, p := range []placement.Profile{startup(), multinational(), bank()} {
		t.Run(p.Name, func(t *testing.T) {
			rec := recommend(t, p)
			assert.Equal(t, "wsm", rec.Result.Method, "the default method is the weighted sum")
			assert.Equal(t, "topsis", rec.Robustness.CrossCheck.Method)
			assert.InDelta(t, 1, rec.Weights.Sum(), 1e-12)
			assert.GreaterOrEqual(t, rec.Robustness.CrossCheck.Spearman, 0.5, "the two methods broadly agree")
			assert.LessOrEqual(t, rec.Robustness.CrossCheck.Spearman, 1.0)
			seen := map[string]bool{}
			for k, e := range rec.Ranking {
				id := e.Structure.ID()
				assert.False(t, seen[id], "duplicate %s", id)
				seen[id] = true
				if k > 0 {
					assert.LessOrEqual(t, e.Score, rec.Ranking[k-1].Score, "ranking is best first")
					assert.GreaterOrEqual(t, e.Rank, rec.Ranking[k-1].Rank)
				}
				assert.InDelta(t, e.Score, e.Contributions.Sum(), 1e-9, "contributions sum to the score")
				for j, v := range e.Values.All() {
					assert.False(t, math.IsNaN(v) || v < 0 || v > 10, "%s criterion %d = %v", id, j, v)
				}
				if k < 3 {
					assert.NotEmpty(t, e.Strengths, "%s has no strengths", id)
					assert.NotEmpty(t, e.RACI)
				} else {
					assert.Nil(t, e.Strengths)
					assert.Nil(t, e.RACI)
				}
			}
			assert.Equal(t, rec.Ranking[0].RACI, rec.RACI)
			assert.NotEmpty(t, rec.Roadmap)
			for _, a := range rec.RACI {
				assert.Positive(t, a.Activity)
				assert.NotEmpty(t, a.Accountable, "exactly one accountable")
				require.Len(t, a.Responsible, 1)
				all := append(append([]touchpoint.Department{}, a.Consulted...), a.Informed...)
				dup := map[touchpoint.Department]bool{a.Responsible[0]: true, a.Accountable: true}
				for _, d := range all {
					assert.False(t, dup[d], "%s: %s listed twice", a.Touchpoint, d)
					dup[d] = true
				}
			}
			active := 0
			for _, v := range p.Touchpoints {
				if v > 0 {
					active++
				}
			}
			assert.Len(t, rec.RACI, active, "a RACI row for every active touchpoint")
		})
	}
}

func TestRecommendJSONShape(t *testing.T) {
	rec := recommend(t, bank())
	data, err := json.Marshal(rec)
	require.NoError(t, err)
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &top))
	keys := func(m map[string]json.RawMessage) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out
	}
	assert.ElementsMatch(t, []string{"profile", "assumptions", "model", "catalog", "method", "scale", "result",
		"weights", "weights_source", "ranking", "raci", "roadmap", "robustness", "stage", "benchmarks", "gaps", "dimensions"}, keys(top))
	// The JSON records the method with its normalisation and the scale the
	// values were taken on.
	assert.JSONEq(t, `{"token": "wsm", "options": {"normalization": "none"}}`, string(top["method"]))
	assert.JSONEq(t, `{"normalization": "fixed", "low": 0, "high": 10}`, string(top["scale"]))
	var shape struct {
		Profile struct {
			Name string `json:"name"`
		} `json:"profile"`
		Weights map[string]float64 `json:"weights"`
		Ranking []map[string]json.RawMessage
		RACI    map[string]map[string]json.RawMessage `json:"raci"`
		Roadmap []map[string]string                   `json:"roadmap"`
	}
	require.NoError(t, json.Unmarshal(data, &shape))
	assert.Equal(t, "Regulated bank", shape.Profile.Name)
	assert.Len(t, shape.Weights, 10)
	assert.Contains(t, shape.Weights, "risk-compliance")
	assert.ElementsMatch(t, []string{"rank", "id", "name", "structure", "score", "values", "contributions", "strengths", "weaknesses", "raci", "staffing"}, keys(shape.Ranking[0]))
	var s placement.Structure
	require.NoError(t, json.Unmarshal(shape.Ranking[0]["structure"], &s))
	assert.Equal(t, rec.Ranking[0].Structure, s)
	assert.JSONEq(t, `"`+rec.Ranking[0].Structure.ID()+`"`, string(shape.Ranking[0]["id"]))
	assert.JSONEq(t, `[]`, string(shape.Ranking[len(shape.Ranking)-1]["strengths"]), "lists are never null")
	for id, row := range shape.RACI {
		assert.ElementsMatch(t, []string{"activity", "responsible", "accountable", "consulted", "informed"}, keys(row), id)
	}
	assert.Contains(t, shape.RACI, "customer-support")
	for _, st := range shape.Roadmap {
		assert.NotEmpty(t, st["step"])
		assert.NotEmpty(t, st["why"])
	}
}

func TestRecommendDoesNotMutateInputs(t *testing.T) {
	p := bank()
	p.Weights = map[placement.Criterion]float64{placement.RiskCompliance: 2, placement.Agility: 1}
	before := p.Clone()
	cands := placement.Enumerate(nil)[:20]
	candsBefore := append([]placement.Structure(nil), cands...)
	_, err := placement.Recommend(t.Context(), p, placement.Options{Candidates: cands})
	require.NoError(t, err)
	assert.Empty(t, cmp.Diff(before, p))
	assert.Equal(t, candsBefore, cands)
}

func TestRecommendIsDeterministicAndConcurrent(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	want, err := r.Recommend(t.Context(), multinational())
	require.NoError(t, err)
	var wg sync.WaitGroup
	got := make([]*placement.Recommendation, 4)
	for i := range got {
		wg.Go(func() {
			got[i], _ = r.Recommend(t.Context(), multinational())
		})
	}
	wg.Wait()
	for _, g := range got {
		assert.Empty(t, cmp.Diff(want, g))
	}
}

func TestProfileWeightsOverride(t *testing.T) {
	p := bank()
	p.Weights = map[placement.Criterion]float64{placement.Agility: 1}
	rec := recommend(t, p)
	assert.Equal(t, "profile: the weights given in the profile, normalised to sum to 1", rec.WeightsSource)
	assert.Equal(t, 1.0, rec.Weights.Get(placement.Agility))
	assert.Equal(t, 0.0, rec.Weights.Get(placement.RiskCompliance))
	// With only agility weighted, the top structure has the best agility.
	bestAgility := 0.0
	for _, e := range rec.Ranking {
		bestAgility = math.Max(bestAgility, e.Values.Get(placement.Agility))
	}
	assert.Equal(t, bestAgility, rec.Ranking[0].Values.Get(placement.Agility))

	derived := recommend(t, bank())
	assert.Contains(t, derived.WeightsSource, "risk-compliance +3.00 for regulation 5/5")
}

func TestAgencyStanceAndCurrent(t *testing.T) {
	p := bank()
	p.Agency = placement.AgencyNone
	p.Current = &placement.Structure{Home: touchpoint.Legal, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.Agency}
	rec := recommend(t, p)
	foundCurrent := false
	for _, e := range rec.Ranking {
		if e.Structure == *p.Current {
			foundCurrent = true
			continue
		}
		assert.Equal(t, placement.InHouse, e.Structure.Sourcing, "agency none keeps only in-house candidates")
	}
	assert.True(t, foundCurrent, "the status quo is always ranked, even if the enumerator would not propose it")
}

func TestOptions(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	rec, err := r.WithOptions(placement.Options{Method: scoring.TOPSIS{}, CrossCheck: scoring.WeightedSum{}, Detail: 5}).Recommend(t.Context(), bank())
	require.NoError(t, err)
	assert.Equal(t, "topsis", rec.Result.Method)
	assert.Equal(t, "wsm", rec.Robustness.CrossCheck.Method)
	assert.Nil(t, rec.Ranking[0].Contributions, "TOPSIS is not additive")
	assert.NotEmpty(t, rec.Ranking[4].Strengths)
	assert.NotEmpty(t, rec.Ranking[0].Strengths, "explanations work without contributions")
	_, err = json.Marshal(rec)
	require.NoError(t, err)

	bad := []placement.Structure{{Home: touchpoint.Marketing, Model: placement.Dandelion, Role: placement.Executing, Sourcing: placement.InHouse}}
	_, err = r.WithOptions(placement.Options{Candidates: bad}).Recommend(t.Context(), bank())
	assert.ErrorIs(t, err, placement.ErrIncoherent)

	p := bank()
	p.Current = nil
	p.Agency = placement.AgencyNone
	_, err = r.WithOptions(placement.Options{Candidates: []placement.Structure{{Home: touchpoint.Marketing, Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.Hybrid}}}).Recommend(t.Context(), p)
	assert.ErrorIs(t, err, placement.ErrNoCandidates)

	_, err = r.Recommend(t.Context(), placement.Profile{})
	assert.ErrorIs(t, err, placement.ErrMissing)
}

// Coverage comes from the touchpoints' attributes, not from a table per
// structure: giving customer support to marketing in the catalogue makes a
// centralized marketing team cover it as its owner.
func TestCoverageFollowsTouchpointAttributes(t *testing.T) {
	// Customer care itself stays with customer service whatever the
	// structure (see TestOwnerKeptWorkIsNotScoredAsCentral); a care-like
	// touchpoint of the caller's own, which no owner keeps, shows how
	// coverage follows the catalogue's attributes, not its IDs.
	cs, _ := touchpoint.DefaultCatalog().Get(touchpoint.CustomerSupport)
	care := cs
	care.ID, care.Name = "chat-care", "Chat care"
	p := placement.Profile{Name: "care", Employees: 5000, SocialStaff: 5,
		Touchpoints: map[touchpoint.ID]int{care.ID: 5}}
	cenMkt := placement.Structure{Home: touchpoint.Marketing, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}
	coverage := func(tp touchpoint.Touchpoint) float64 {
		c := touchpoint.DefaultCatalog()
		require.NoError(t, c.Add(tp))
		r, err := placement.NewRecommender(placement.Config{Catalog: c})
		require.NoError(t, err)
		rec, err := r.WithOptions(placement.Options{Candidates: []placement.Structure{cenMkt}}).Recommend(t.Context(), p)
		require.NoError(t, err)
		return rec.Ranking[0].Values.Get(placement.Coverage)
	}
	def := coverage(care)
	own := care
	own.Owner, own.Partners = touchpoint.Marketing, nil
	assert.Greater(t, coverage(own), def+2)

	// And a planned, low-volume version of the same work does not queue.
	slow := care
	slow.Partners, slow.Speed, slow.Volume = nil, touchpoint.Planned, 1
	assert.Greater(t, coverage(slow), def)
}

// More sign-off layers hurt a centralized executing team's agility and
// nothing else's ranking logic is needed to show it in the explanation.
func TestSignOffLayersExplainCentralizedWeakness(t *testing.T) {
	p := bank()
	p.SignOffLayers = 5
	cen := placement.Structure{Home: touchpoint.Communications, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}
	hub := placement.Structure{Home: touchpoint.Communications, Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.InHouse}
	rec, err := placement.Recommend(t.Context(), p, placement.Options{Candidates: []placement.Structure{cen, hub}, Detail: 2})
	require.NoError(t, err)
	var cenEntry placement.Ranked
	for _, e := range rec.Ranking {
		if e.Structure == cen {
			cenEntry = e
		}
	}
	assert.Contains(t, cenEntry.Weaknesses, "5 sign-off layers slow a team that executes centrally")
	p.SignOffLayers = 1
	rec1, err := placement.Recommend(t.Context(), p, placement.Options{Candidates: []placement.Structure{cen}})
	require.NoError(t, err)
	assert.Greater(t, rec1.Ranking[0].Values.Get(placement.Agility), cenEntry.Values.Get(placement.Agility))
}

func TestRecommenderOptions(t *testing.T) {
	cands := placement.Enumerate(nil)[:12]
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1, Candidates: cands}})
	require.NoError(t, err)
	cands[0] = cands[1] // the recommender holds its own copy
	assert.NotEqual(t, cands[0], r.Options().Candidates[0])

	one, err := r.Recommend(t.Context(), bank())
	require.NoError(t, err)
	assert.Len(t, one.Ranking, 12)
	assert.NotEmpty(t, one.Ranking[0].RACI)
	assert.Nil(t, one.Ranking[1].RACI, "Detail 1 explains the winner only")

	five := r.WithOptions(placement.Options{Detail: 5})
	assert.Equal(t, 1, r.Options().Detail, "WithOptions leaves the original alone")
	all, err := five.Recommend(t.Context(), bank())
	require.NoError(t, err)
	assert.Len(t, all.Ranking, len(r.Candidates()), "nil Candidates means the enumerated ones")
	assert.NotEmpty(t, all.Ranking[4].RACI)

	// The package-level convenience gives what a default recommender gives.
	def, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	want, err := def.Recommend(t.Context(), bank())
	require.NoError(t, err)
	got, err := placement.Recommend(t.Context(), bank(), placement.Options{})
	require.NoError(t, err)
	assert.Empty(t, cmp.Diff(want, got))
}
