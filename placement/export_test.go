package placement_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/placement"
)

// An exported recommendation, saved and reopened, ranks the structures as
// the recommendation did.
func TestRecommendationDecisionRoundTrip(t *testing.T) {
	rec, err := placement.Recommend(context.Background(), bank(), placement.Options{})
	require.NoError(t, err)
	doc, err := rec.Decision()
	require.NoError(t, err)
	data, err := doc.Marshal()
	require.NoError(t, err)
	back, err := decision.Load(data)
	require.NoError(t, err)
	again, err := decision.Decide(back)
	require.NoError(t, err, "the hash verifies and the document decides")
	require.NotNil(t, again.Result)
	scores := map[string]float64{}
	for _, a := range again.Result.Alternatives {
		scores[a.Name] = a.Score
	}
	for _, e := range rec.Ranking {
		assert.InDelta(t, e.Score, scores[e.Structure.ID()], 1e-12, e.Structure.ID())
	}
}

func TestRecommendationDecisionNeedsARanking(t *testing.T) {
	_, err := (&placement.Recommendation{}).Decision()
	assert.ErrorIs(t, err, placement.ErrMissing)
}
