package placement_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// TestDimensions: the recommendation states, for home, operating model,
// role and sourcing, the recommended structure's value with its SMAA first-rank
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
		assert.Equal(t, d.RunnerUpAcceptability > d.Acceptability, d.RunnerUpFavoured, d.Dimension)
		assert.GreaterOrEqual(t, d.Lead, 0.0, d.Dimension)
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

// Every dimension line is about the recommended structure's value, even
// where the sampling puts another value first more often: the reviewer's
// siloed group is recommended a home of its own executive unit while
// communications comes first slightly more often under SMAA. The line
// then names communications as the value the sampling favours, and the
// lead in score stays the recommended value's, never negative. (Its
// staff is 8 FTE: with the staffing of model version 9 the reviewer's 5
// FTE no longer puts communications first under SMAA.)
func TestDimensionsFollowTheRecommendedStructure(t *testing.T) {
	p := placement.Profile{
		Name: "Ministry of Paperwork Holdings", Employees: 20000, BusinessUnits: 9, Countries: 5, Founded: 1901,
		SocialPriority: 3, SocialStaff: 8, BudgetLevel: 3, SignOffLayers: 6, Silos: 5, DepartmentHarmony: 1,
		Regulation: 3, Maturity: 2, ExecutiveSponsorship: 2, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 3, touchpoint.CustomerSupport: 3, touchpoint.CorporateCommunication: 4,
			touchpoint.CrisisResponse: 3, touchpoint.PublicAffairs: 3, touchpoint.EmployeePolicy: 2},
	}
	rec, err := placement.Recommend(t.Context(), p, placement.Options{SMAA: &placement.SMAAOptions{Samples: 20000, Seed: 1}})
	require.NoError(t, err)
	top := rec.Ranking[0].Structure
	want := []string{string(top.Home), top.Model.String(), top.Role.String(), top.Sourcing.String()}
	favoured := 0
	for i, d := range rec.Dimensions {
		assert.Equal(t, want[i], d.Value, d.Dimension)
		assert.GreaterOrEqual(t, d.Lead, 0.0, d.Dimension)
		line := d.Sentence()
		assert.True(t, strings.HasPrefix(line, d.Label()+" "+d.ValueLabel(want[i])+" ("), line)
		if d.RunnerUpFavoured {
			favoured++
			assert.Greater(t, d.RunnerUpAcceptability, d.Acceptability)
			assert.False(t, d.Clear)
			assert.Contains(t, line, "the sampling favours "+d.ValueLabel(d.RunnerUp)+" more often")
		}
	}
	require.Equal(t, touchpoint.Executive, top.Home, "the case needs the reviewer's executive home")
	assert.True(t, rec.Dimensions[0].RunnerUpFavoured, "%+v", rec.Dimensions[0])
	assert.Equal(t, string(touchpoint.Communications), rec.Dimensions[0].RunnerUp)
	assert.Positive(t, favoured)
}
