package placement_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
)

// Options.Weights rank with the caller's weights, leave the profile as
// the organisation gave it, and say where the weights came from.
func TestOptionsWeights(t *testing.T) {
	t.Parallel()
	ws := map[placement.Criterion]float64{placement.Cost: 2, placement.Agility: 1, placement.RiskCompliance: 1}
	p := bank()
	p.Weights = nil
	ctx := t.Context()

	rec, err := placement.Recommend(ctx, p, placement.Options{Weights: ws})
	require.NoError(t, err)
	assert.Nil(t, rec.Profile.Weights, "the profile is reported as given")
	assert.InDelta(t, 0.5, rec.Weights.Get(placement.Cost), 1e-12)
	assert.InDelta(t, 0.25, rec.Weights.Get(placement.Agility), 1e-12)
	assert.InDelta(t, 0.0, rec.Weights.Get(placement.Coverage), 0)
	assert.Equal(t, "the weights given with the request, normalised to sum to 1", rec.WeightsSource)

	// The same ranking as the same weights given in the profile.
	pw := p
	pw.Weights = ws
	viaProfile, err := placement.Recommend(ctx, pw, placement.Options{})
	require.NoError(t, err)
	require.Len(t, rec.Ranking, len(viaProfile.Ranking))
	for i := range rec.Ranking {
		assert.Equal(t, viaProfile.Ranking[i].Structure, rec.Ranking[i].Structure, "rank %d", i+1)
		assert.Equal(t, viaProfile.Ranking[i].Score, rec.Ranking[i].Score, "rank %d", i+1)
	}

	// They take precedence over the profile's own, and over the model's.
	pw.Weights = map[placement.Criterion]float64{placement.Coverage: 1}
	src := "the weights the board's four members agreed in the workshop of 3 March"
	over, err := placement.Recommend(ctx, pw, placement.Options{Weights: ws, WeightsSource: src})
	require.NoError(t, err)
	assert.Equal(t, rec.Weights, over.Weights)
	assert.Equal(t, src, over.WeightsSource)
	assert.Equal(t, pw.Weights, over.Profile.Weights)
	derived, err := placement.Recommend(ctx, p, placement.Options{})
	require.NoError(t, err)
	assert.NotEqual(t, derived.Weights, rec.Weights)

	// The source travels with the recommendation: JSON and the report.
	data, err := json.Marshal(over)
	require.NoError(t, err)
	var back placement.Recommendation
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, src, back.WeightsSource)
	var md strings.Builder
	require.NoError(t, report.Markdown(&md, over, report.Options{}))
	assert.Contains(t, md.String(), "Where the weights came from: "+src+".")
}

func TestOptionsWeightsErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		o        placement.Options
		path     string
		sentinel error
	}{
		{"negative", placement.Options{Weights: map[placement.Criterion]float64{placement.Cost: -1, placement.Agility: 1}}, "options.weights.cost", placement.ErrWeights},
		{"not finite", placement.Options{Weights: map[placement.Criterion]float64{placement.Agility: math.Inf(1)}}, "options.weights.agility", placement.ErrNotFinite},
		{"all zero", placement.Options{Weights: map[placement.Criterion]float64{placement.Cost: 0}}, "options.weights", placement.ErrWeights},
		{"unknown criterion", placement.Options{Weights: map[placement.Criterion]float64{placement.Criterion(99): 1}}, "", placement.ErrUnknownName},
		{"source without weights", placement.Options{WeightsSource: "the board"}, "options.weights_source", placement.ErrMissing},
	}
	for _, tc := range cases {
		_, err := placement.Recommend(t.Context(), bank(), tc.o)
		require.Error(t, err, tc.name)
		assert.ErrorIs(t, err, tc.sentinel, tc.name)
		var fe *placement.FieldError
		require.True(t, errors.As(err, &fe), tc.name)
		if tc.path != "" {
			assert.Equal(t, tc.path, fe.Path, tc.name)
		} else {
			assert.True(t, strings.HasPrefix(fe.Path, "options.weights."), "%s: %s", tc.name, fe.Path)
		}
	}
}

// WithOptions keeps its own copy of the weights.
func TestOptionsWeightsCopied(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	ws := map[placement.Criterion]float64{placement.Cost: 1}
	rr := r.WithOptions(placement.Options{Weights: ws})
	before, err := rr.Recommend(t.Context(), bank())
	require.NoError(t, err)
	ws[placement.Cost] = -5 // the caller reuses its map
	ws[placement.Agility] = 3
	after, err := rr.Recommend(t.Context(), bank())
	require.NoError(t, err)
	assert.Equal(t, before.Weights, after.Weights)
	assert.Equal(t, map[placement.Criterion]float64{placement.Cost: 1}, rr.Options().Weights)
}
