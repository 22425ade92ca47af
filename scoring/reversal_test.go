package scoring_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// The rank reversal Belton & Gear (1983), Omega 11(3):228–230, pointed
// out in AHP's distributive (sum-normalised) synthesis, reproduced on a
// small example worked by hand: with equal weights, A = (1, 9, 8) scores
// (1/11 + 9/11 + 8/18)/3 = 0.4512 and B = (9, 1, 9) scores 0.4697, so B
// ranks first; adding a copy of B changes the column sums to 20, 12 and 27
// and A's score (0.3654) overtakes B's (0.2889): the pair (B, A) reverses.
func TestRankReversalBeltonGear(t *testing.T) {
	t.Parallel()
	p := problem(t, "bbb", [][]float64{{1, 9, 8}, {9, 1, 9}, {1, 1, 1}})
	rep, err := scoring.RankReversal(context.Background(), scoring.WeightedSum{Normalization: scoring.Sum}, p, []float64{1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, []int{2, 1, 3}, rep.Ranks)
	require.Len(t, rep.Checks, 7)
	copyB := rep.Checks[3+1]
	assert.Equal(t, scoring.AddCopy, copyB.Perturbation)
	assert.Equal(t, 1, copyB.Alternative)
	assert.Equal(t, [][2]int{{1, 0}}, copyB.Reversed)
	assert.True(t, copyB.BestChanged)
	assert.Positive(t, rep.Reversals)

	// The same problem under the max normalisation: a copy leaves every
	// column maximum unchanged, so no copy reverses anything.
	rep, err = scoring.RankReversal(context.Background(), scoring.WeightedSum{}, p, []float64{1, 1, 1})
	require.NoError(t, err)
	for _, c := range rep.Checks {
		if c.Perturbation == scoring.AddCopy {
			assert.Empty(t, c.Reversed)
		}
	}
}

// rawSum scores by the unnormalised weighted sum of benefit values: a
// method whose scores do not depend on the other alternatives, so it can
// never reverse.
type rawSum struct{}

func (rawSum) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	res, err := scoring.WeightedSum{}.Rank(p, w)
	if err != nil {
		return nil, err
	}
	for i, row := range p.Rows() {
		s := 0.0
		for j, x := range row {
			s += w[j] * x
		}
		res.Scores[i] = s
	}
	for i, s := range res.Scores {
		res.Ranks[i] = 1
		for _, t := range res.Scores {
			if t > s {
				res.Ranks[i]++
			}
		}
	}
	res.Contributions = nil
	return res, nil
}

func TestRankReversalProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(47, 3))
	for trial := range 10 {
		m := 1 + rng.IntN(7)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{1 + 9*rng.Float64(), 1 + 9*rng.Float64(), 1 + 9*rng.Float64()}
		}
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		p := problem(t, "bbb", rows)
		rep, err := scoring.RankReversal(context.Background(), rawSum{}, p, w)
		require.NoError(t, err)
		assert.Zero(t, rep.Reversals, "trial %d: an independent method reversed", trial)
		want := 2*m + 1
		if m == 1 {
			want = 2 // no leave-one-out with a single alternative
		}
		require.Len(t, rep.Checks, want)

		// The leave-one-out reversals are exactly those of the naive pairwise
		// comparison.
		for _, meth := range []scoring.Method{scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.PROMETHEEII{}, scoring.COPRAS{}} {
			rep, err := scoring.RankReversal(context.Background(), meth, p, w)
			require.NoError(t, err)
			for _, c := range rep.Checks {
				if c.Perturbation != scoring.LeaveOneOut {
					continue
				}
				var keep [][]float64
				var idx []int
				for i := range rows {
					if i != c.Alternative {
						keep = append(keep, rows[i])
						idx = append(idx, i)
					}
				}
				res, err := meth.Rank(problem(t, "bbb", keep), w)
				require.NoError(t, err)
				pos := map[int]int{}
				for k, i := range idx {
					pos[i] = k
				}
				want := [][2]int{}
				for _, a := range idx {
					for _, b := range idx {
						if rep.Ranks[a] < rep.Ranks[b] && res.Ranks[pos[a]] > res.Ranks[pos[b]] {
							want = append(want, [2]int{a, b})
						}
					}
				}
				require.Equal(t, want, c.Reversed, "%#v, leave out %d", meth, c.Alternative)
			}
		}
	}
}

func TestRankReversalCancelAndJSON(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{1, 2}, {2, 1}, {3, 3}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := scoring.RankReversal(ctx, scoring.TOPSIS{}, p, []float64{1, 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = scoring.RankReversal(context.Background(), scoring.TOPSIS{}, p, []float64{1})
	assert.ErrorIs(t, err, scoring.ErrLength)

	rep, err := scoring.RankReversal(context.Background(), scoring.TOPSIS{}, p, []float64{1, 1})
	require.NoError(t, err)
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"perturbation":"leave-one-out"`)
	assert.Contains(t, string(b), `"perturbation":"add-dominated"`)
	for _, k := range []scoring.Perturbation{scoring.LeaveOneOut, scoring.AddCopy, scoring.AddDominated} {
		got, err := scoring.ParsePerturbation(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
}
