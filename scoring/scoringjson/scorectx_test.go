package scoringjson

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScoreContextCancelled(t *testing.T) {
	t.Parallel()
	for _, method := range []string{"topsis", "promethee1"} {
		req, err := DecodeScore(strings.NewReader(`{"method":"` + method + `","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":1}],"matrix":[[1,2],[3,1],[2,2]]}`))
		require.NoError(t, err)
		want, err := req.Score()
		require.NoError(t, err, method)
		got, err := req.ScoreContext(context.Background())
		require.NoError(t, err)
		assert.Equal(t, want, got, method)

		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		res, err := req.ScoreContext(ctx)
		assert.Nil(t, res, method)
		assert.ErrorIs(t, err, context.Canceled, method)
		assert.NotErrorIs(t, err, ErrBadInput, "an interruption is not bad input")
	}
}
