package placement_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// A structure's score depends only on the profile and the structure: taking
// other structures out of the candidates (Options.Candidates) leaves every
// remaining structure's score as it was, so no two of them can swap places.
// Min–max normalisation over the candidates, the default before model
// version 7, fails this: removing a structure that set a criterion's
// minimum or maximum rescales that criterion for all the others (the rank
// reversal from irrelevant alternatives of Belton & Gear 1983).
func TestScoreIndependentOfOtherCandidates(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "profiles", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(7, 1983))
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		p, err := placement.ReadProfile(bytes.NewReader(b))
		require.NoError(t, err, file)
		full, err := r.Recommend(t.Context(), p)
		require.NoError(t, err, file)
		score := map[string]float64{}
		for _, e := range full.Ranking {
			score[e.Structure.ID()] = e.Score
		}
		for trial := range 3 {
			// Keep the first structure's nearest rivals and a random few
			// of the rest: the extremes of most criteria go.
			var keep []placement.Structure
			for k, e := range full.Ranking {
				if k < 3 || rng.IntN(4) == 0 {
					keep = append(keep, e.Structure)
				}
			}
			sub, err := r.WithOptions(placement.Options{Detail: 1, Candidates: keep}).Recommend(t.Context(), p)
			require.NoError(t, err, file)
			require.Less(t, len(sub.Ranking), len(full.Ranking), file)
			for _, e := range sub.Ranking {
				assert.InDelta(t, score[e.Structure.ID()], e.Score, 1e-12, "%s, trial %d: %s", file, trial, e.Structure.ID())
			}
			for k := 1; k < len(sub.Ranking); k++ {
				a, b := sub.Ranking[k-1].Structure.ID(), sub.Ranking[k].Structure.ID()
				assert.GreaterOrEqual(t, score[a], score[b], "%s, trial %d: %s and %s swapped", file, trial, a, b)
			}
		}
	}
}

// The default method weighs the values on the fixed scale as they are:
// a structure's score is the weighted sum of its performances divided by
// the top of the scale, cost criteria reversed, and its contributions are
// those terms and sum to the score.
func TestScoreIsWeightedFixedScaleValues(t *testing.T) {
	t.Parallel()
	rec := recommend(t, bank())
	assert.Equal(t, placement.ValueScale{Normalization: placement.FixedScale, Low: 0, High: 10}, rec.Scale)
	for _, e := range rec.Ranking {
		require.NotNil(t, e.Contributions, e.Structure.ID())
		sum, want := 0.0, 0.0
		for _, c := range placement.Criteria() {
			v := e.Values.Get(c) / 10
			if c.IsCost() {
				v = 1 - v
			}
			assert.InDelta(t, rec.Weights.Get(c)*v, e.Contributions.Get(c), 1e-12, "%s %s", e.Structure.ID(), c)
			want += rec.Weights.Get(c) * v
			sum += e.Contributions.Get(c)
		}
		assert.InDelta(t, want, e.Score, 1e-12, e.Structure.ID())
		assert.InDelta(t, e.Score, sum, 1e-12, e.Structure.ID())
	}
}
