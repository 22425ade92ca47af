package placement_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
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

// Re-deciding an exported recommendation gives the same scores to the bit,
// whatever the method, including those that add columns up (EDAS's
// averages, COPRAS's sums), and from a recommendation read back from JSON.
func TestRecommendationDecisionScoresExact(t *testing.T) {
	t.Parallel()
	methods := []scoring.Method{
		nil, scoring.EDAS{}, scoring.COPRAS{}, scoring.TOPSIS{}, scoring.NewVIKOR(),
		scoring.MABAC{}, scoring.MOORA{}, scoring.WeightedProduct{}, scoring.SPOTIS{},
		scoring.PROMETHEEII{},
	}
	for _, m := range methods {
		rec, err := placement.Recommend(t.Context(), bank(), placement.Options{Method: m})
		require.NoError(t, err)
		data, err := json.Marshal(rec)
		require.NoError(t, err)
		var stored placement.Recommendation
		require.NoError(t, json.Unmarshal(data, &stored))
		for _, r := range []*placement.Recommendation{rec, &stored} {
			doc, err := r.Decision()
			require.NoError(t, err, rec.Result.Method)
			raw, err := doc.Marshal()
			require.NoError(t, err)
			back, err := decision.Load(raw)
			require.NoError(t, err)
			again, err := decision.Decide(back)
			require.NoError(t, err, rec.Result.Method)
			scores := map[string]float64{}
			for _, a := range again.Result.Alternatives {
				scores[a.Name] = a.Score
			}
			for _, e := range r.Ranking {
				assert.Equal(t, e.Score, scores[e.Structure.ID()], "%s: %s", rec.Result.Method, e.Structure.ID())
			}
		}
	}
}

func TestRecommendationDecisionNeedsARanking(t *testing.T) {
	_, err := (&placement.Recommendation{}).Decision()
	assert.ErrorIs(t, err, placement.ErrMissing)
}
