package placement_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// TestDimensions: the recommendation states, for home, operating model,
// role and sourcing, the leading value with its SMAA first-rank
// acceptability summed over the structures that share it (so a model
// split between twins still adds up), the runner-up and clear or close.
func TestDimensions(t *testing.T) {
	p := readTestProfile(t, "retailer-25000.yaml")
	rec, err := placement.Recommend(t.Context(), p, placement.Options{SMAA: &placement.SMAAOptions{Samples: 2000, Seed: 7}})
	require.NoError(t, err)
	require.Len(t, rec.Dimensions, 4)
	names := []string{"home", "model", "role", "sourcing"}
	for i, d := range rec.Dimensions {
		assert.Equal(t, names[i], d.Dimension)
		assert.NotEqual(t, d.Value, d.RunnerUp)
		assert.GreaterOrEqual(t, d.Acceptability, d.RunnerUpAcceptability)
		assert.LessOrEqual(t, d.Acceptability+d.RunnerUpAcceptability, 1+1e-9)
		assert.Equal(t, d.Acceptability >= 0.75, d.Clear, d.Dimension)
	}
	// The model's acceptability is at least the top structure's own.
	model := rec.Dimensions[1]
	assert.Equal(t, rec.Ranking[0].Structure.Model.String(), model.Value)
	assert.GreaterOrEqual(t, model.Acceptability, rec.Robustness.SMAA.TopFirstRank)
	// A twin-split home or sourcing is a close call while the model is
	// clear: the certainty is per dimension, not per structure.
	assert.True(t, model.Clear, "%+v", model)

	// Without SMAA the certainty comes from the score lead.
	rec, err = placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	for _, d := range rec.Dimensions {
		assert.Zero(t, d.Acceptability)
		assert.Equal(t, d.Lead >= clearLead(t), d.Clear, d.Dimension)
		assert.GreaterOrEqual(t, d.Lead, 0.0)
	}
	assert.Equal(t, string(rec.Ranking[0].Structure.Home), rec.Dimensions[0].Value)
}

// clearLead is the default model's certainty.clear-lead.
func clearLead(t *testing.T) float64 {
	t.Helper()
	c, ok := placement.DefaultModel().Coefficient("certainty.clear-lead")
	require.True(t, ok)
	return c.Value
}
