package placement_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
)

func bankProfile(t *testing.T) placement.Profile {
	t.Helper()
	p, err := placement.ReadProfile(strings.NewReader(`
name: Nordbank
employees: 8000
business_units: 4
countries: 3
regulation: 5
sign_off_layers: 3
social_staff: 6
touchpoints: {customer-support: 4, crisis-response: 3, corporate-communication: 3, marketing-channel: 3}
current: {home: marketing, model: centralized, role: executing, sourcing: in-house}
`))
	require.NoError(t, err)
	return p
}

func TestRecommendSMAA(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	p := bankProfile(t)
	opts := placement.Options{SMAA: &placement.SMAAOptions{Samples: 4000, Seed: 7, Workers: 1}}
	a, err := r.WithOptions(opts).Recommend(t.Context(), p)
	require.NoError(t, err)
	s := a.Robustness.SMAA
	require.NotNil(t, s)
	assert.Equal(t, 4000, s.Samples)
	assert.Equal(t, 50.0, s.Concentration)
	assert.True(t, s.TopFirstRank > 0 && s.TopFirstRank <= 1, "top acceptability %v", s.TopFirstRank)
	require.NotEmpty(t, s.Structures)
	total := 0.0
	for k, x := range s.Structures {
		total += x.FirstRank
		if k > 0 {
			assert.LessOrEqual(t, x.FirstRank, s.Structures[k-1].FirstRank, "sorted by acceptability")
		}
		assert.InDelta(t, 1, x.CentralWeight.Sum(), 1e-9, "central weights sum to 1")
	}
	assert.LessOrEqual(t, total, 1+1e-12)
	// The acceptability of the top structure is listed if it is among the
	// five most accepted.
	for _, x := range s.Structures {
		if x.ID == a.Ranking[0].Structure.ID() {
			assert.Equal(t, s.TopFirstRank, x.FirstRank)
		}
	}
	assert.Contains(t, a.Robustness.Summary(), "ranks first under")

	// Same seed, more workers: the same bits.
	opts.SMAA.Workers = 3
	b, err := r.WithOptions(opts).Recommend(t.Context(), p)
	require.NoError(t, err)
	assert.Equal(t, math.Float64bits(s.TopFirstRank), math.Float64bits(b.Robustness.SMAA.TopFirstRank))
	assert.Equal(t, s.Structures, b.Robustness.SMAA.Structures)

	// JSON carries it under robustness.smaa.
	raw, err := json.Marshal(a)
	require.NoError(t, err)
	var got struct {
		Robustness struct {
			SMAA struct {
				Top float64 `json:"top_first_rank_acceptability"`
			} `json:"smaa"`
		} `json:"robustness"`
	}
	require.NoError(t, json.Unmarshal(raw, &got))
	assert.Equal(t, s.TopFirstRank, got.Robustness.SMAA.Top)
	assert.NotContains(t, string(raw), `"rank_acceptability"`, "the full analysis stays out of the JSON")

	// The full analysis: every ranked structure, every rank, rows summing
	// to 1, and the summary's figures taken from it.
	an := s.Analysis
	require.NotNil(t, an)
	require.Len(t, an.Alternatives, len(a.Ranking))
	for i, row := range an.RankAcceptability {
		require.Len(t, row, len(a.Ranking))
		sum := 0.0
		for _, x := range row {
			sum += x
		}
		assert.InDelta(t, 1, sum, 1e-9, "row %d", i)
		if an.Alternatives[i] == a.Ranking[0].Structure.ID() {
			assert.Equal(t, s.TopFirstRank, row[0])
		}
	}
	assert.Equal(t, b.Robustness.SMAA.Analysis.RankAcceptability, an.RankAcceptability, "the same bits with 3 workers")

	// Without the option there is no analysis.
	c, err := r.Recommend(t.Context(), p)
	require.NoError(t, err)
	assert.Nil(t, c.Robustness.SMAA)
}

// &SMAAOptions{} means what scoring.SMAA{} means: the default analysis of
// 10,000 samples, not none.
func TestSMAAOptionsZeroValue(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{
		Candidates: placement.Enumerate(nil)[:6], SMAA: &placement.SMAAOptions{}}})
	require.NoError(t, err)
	rec, err := r.Recommend(t.Context(), bankProfile(t))
	require.NoError(t, err)
	require.NotNil(t, rec.Robustness.SMAA)
	assert.Equal(t, 10000, rec.Robustness.SMAA.Samples)
	assert.Equal(t, 10000, rec.Robustness.SMAA.Analysis.Samples)
}

// A method that breaks the scoring.Method contract with a NaN score fails
// with an error naming it; the NaN is not turned into something else.
func TestNaNScoreIsAnError(t *testing.T) {
	t.Parallel()
	_, err := placement.Recommend(t.Context(), bankProfile(t), placement.Options{Method: nanMethod{}})
	assert.ErrorIs(t, err, scoring.ErrNotFinite)
	assert.ErrorContains(t, err, "nan-method")
}

// nanMethod scores the first alternative NaN.
type nanMethod struct{}

func (nanMethod) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	res, err := scoring.WeightedSum{}.Rank(p, w)
	if err != nil {
		return nil, err
	}
	res.Method = "nan-method"
	res.Scores[0] = math.NaN()
	return res, nil
}

func TestRecommendSMAAErrors(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	p := bankProfile(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = r.WithOptions(placement.Options{SMAA: &placement.SMAAOptions{Samples: 200000}}).Recommend(ctx, p)
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
	_, err = r.WithOptions(placement.Options{SMAA: &placement.SMAAOptions{Samples: 100, Concentration: -1}}).Recommend(t.Context(), p)
	assert.ErrorIs(t, err, placement.ErrRange)
}
