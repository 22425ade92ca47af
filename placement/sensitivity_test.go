package placement_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// The sensitivity margins are checked end to end: moving one weight just
// past its threshold (the others in proportion, given as profile weights)
// must make the named structure the recommendation, and stopping just short
// of it must not; a weight that "holds" keeps the recommendation at both
// ends of its range.
func TestRecommendSensitivity(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	p := bankProfile(t)
	rec, err := r.WithOptions(placement.Options{Sensitivity: true}).Recommend(t.Context(), p)
	require.NoError(t, err)
	s := rec.Robustness.Sensitivity
	require.NotNil(t, s)
	assert.True(t, s.Exact, "the default method is additive")
	require.Len(t, s.Margins, placement.NumCriteria)
	require.NotNil(t, s.Analysis)
	top := rec.Ranking[0].Structure.ID()

	// moved returns the recommendation's top structure with criterion c's
	// weight set to x and the others rescaled in proportion.
	moved := func(c placement.Criterion, x float64) string {
		q := p
		q.Weights = map[placement.Criterion]float64{}
		w0 := rec.Weights.Get(c)
		for k, wk := range rec.Weights.All() {
			q.Weights[k] = wk * (1 - x) / (1 - w0)
		}
		q.Weights[c] = x
		got, err := r.Recommend(t.Context(), q)
		require.NoError(t, err)
		return got.Ranking[0].Structure.ID()
	}
	changes := 0
	for j, m := range s.Margins {
		c := placement.Criterion(j + 1)
		assert.Equal(t, c, m.Criterion)
		byName, ok := s.Margin(c)
		assert.True(t, ok)
		assert.Equal(t, m, byName)
		assert.InDelta(t, rec.Weights.Get(c), m.Weight, 1e-15)
		if m.Holds {
			assert.Equal(t, top, moved(c, 0), "%s holds at 0", c)
			assert.Equal(t, top, moved(c, 1-1e-9), "%s holds at 1", c)
			continue
		}
		changes++
		assert.InDelta(t, m.At-m.Weight, m.Change, 1e-15)
		step := math.Copysign(1e-6, m.Change)
		assert.Equal(t, top, moved(c, m.At-step), "%s just short of %v", c, m.At)
		assert.Equal(t, m.Next, moved(c, m.At+step), "%s just past %v", c, m.At)
	}
	require.Positive(t, changes, "some weight can change the bank's recommendation")
	t.Logf("margins: %+v", s.Margins)

	tight, ok := s.Tightest()
	require.True(t, ok)
	j, ok := s.Analysis.MostSensitive()
	require.True(t, ok)
	assert.Equal(t, placement.Criterion(j+1), tight.Criterion, "Tightest agrees with scoring's MostSensitive")
	for _, m := range s.Margins {
		if !m.Holds {
			assert.LessOrEqual(t, math.Abs(tight.Change), math.Abs(m.Change))
		}
	}
	assert.Contains(t, rec.Robustness.Summary(), "most sensitive weight is that of "+tight.Criterion.Label())
	assert.NotContains(t, rec.Robustness.Summary(), tight.Next+" comes first", "the structure that takes over is named, not given by ID")

	raw, err := json.Marshal(rec)
	require.NoError(t, err)
	var got struct {
		Robustness struct {
			Sensitivity struct {
				Margins []struct {
					Criterion string  `json:"criterion"`
					Holds     bool    `json:"holds"`
					At        float64 `json:"at"`
					Next      string  `json:"next"`
				} `json:"margins"`
			} `json:"sensitivity"`
		} `json:"robustness"`
	}
	require.NoError(t, json.Unmarshal(raw, &got))
	require.Len(t, got.Robustness.Sensitivity.Margins, placement.NumCriteria)
	assert.Equal(t, tight.Criterion.String(), got.Robustness.Sensitivity.Margins[tight.Criterion-1].Criterion)
	assert.Equal(t, tight.Next, got.Robustness.Sensitivity.Margins[tight.Criterion-1].Next)
	assert.False(t, strings.Contains(string(raw), `"sweeps"`), "the full analysis stays out of the JSON")

	plain, err := r.Recommend(t.Context(), p)
	require.NoError(t, err)
	assert.Nil(t, plain.Robustness.Sensitivity)
}
