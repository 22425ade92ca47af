package scoringjson

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// The score request's rank-reversal check gives the report of
// scoring.RankReversal on the same problem, for a method prone to it
// (TOPSIS) and one immune to it (WSM without normalisation).
func TestScoreRankReversal(t *testing.T) {
	t.Parallel()
	problem := `"criteria":[{"name":"x","direction":"benefit","weight":0.5},{"name":"y","direction":"benefit","weight":0.5}],` +
		`"matrix":[[1,9],[6,5],[9,1],[5,5.5]],"rank_reversal":true`
	for _, method := range []string{"topsis", "wsm"} {
		in := `{"method":"` + method + `",` + problem
		if method == "wsm" {
			in += `,"normalization":"none"`
		}
		req, err := DecodeScore(strings.NewReader(in + "}"))
		require.NoError(t, err, method)
		got, err := req.Score()
		require.NoError(t, err, method)
		rep, ok := got.(*scoring.ReversalReport)
		require.True(t, ok, "%T", got)
		m, err := req.method()
		require.NoError(t, err)
		p, w, err := req.Problem()
		require.NoError(t, err)
		want, err := scoring.RankReversal(context.Background(), m, p, w)
		require.NoError(t, err)
		assert.Equal(t, want, rep, method)
		assert.Len(t, rep.Checks, 2*4+1)
		if method == "wsm" {
			assert.Zero(t, rep.Reversals, "a weighted sum of raw values never reverses")
		}
		roundTrip(t, rep, unmarshal[scoring.ReversalReport])

		// The same check on a problem built elsewhere (score --matrix).
		spec := *req
		spec.Matrix = nil
		viaTable, err := spec.ScoreProblem(p, w, false)
		require.NoError(t, err)
		assert.Equal(t, want, viaTable)
	}
}

func TestScoreRankReversalBadInput(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"method":"electre3",` + outrankProblem + `,"rank_reversal":true}`,
		`{"method":"gaia",` + outrankProblem + `,"rank_reversal":true}`,
		`{"method":"wsm",` + outrankProblem + `,"rank_reversal":true,"v":0.5}`,
	} {
		req, err := DecodeScore(strings.NewReader(in))
		require.NoError(t, err)
		_, err = req.Score()
		assert.ErrorIs(t, err, ErrBadInput, in)
	}
	_, err := DecodeScore(strings.NewReader(`{"method":"wsm",` + outrankProblem + `,"rank_reversal":null}`))
	assert.ErrorIs(t, err, ErrBadInput, "null is no boolean")
	_, err = DecodeScore(strings.NewReader(`{"method":"wsm",` + outrankProblem + `,"rank_reversal":"yes"}`))
	assert.ErrorIs(t, err, ErrBadInput)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, err := DecodeScore(strings.NewReader(`{"method":"topsis",` + outrankProblem + `,"rank_reversal":true}`))
	require.NoError(t, err)
	_, err = req.ScoreContext(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, ErrBadInput)
}

// A score request asking for the rank-reversal check reads back as sent.
func TestRoundTripRankReversal(t *testing.T) {
	t.Parallel()
	req := fullScore
	req.RankReversal = true
	roundTrip(t, &req, DecodeScore)
}
