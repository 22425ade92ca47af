package scoringjson

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

const smaaInput = `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"},{"name":"b","direction":"cost"}],` +
	`"matrix":[[1,2],[3,4],[2,1]],"samples":500,"seed":1%s}`

// TestSMAATopRanks checks that "top_ranks" reaches the analysis, and that
// the caller's memory bound gives a *scoring.MemoryError marked as bad
// input.
func TestSMAATopRanks(t *testing.T) {
	t.Parallel()
	req, err := DecodeSMAA(strings.NewReader(strings.Replace(smaaInput, "%s", `,"top_ranks":2`, 1)))
	require.NoError(t, err)
	assert.Equal(t, 2, req.TopRanks)
	res, err := req.Run(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 2, res.TopRanks)
	for i, row := range res.RankAcceptability {
		assert.Len(t, row, 2, "row %d", i)
	}

	req.MaxMemory = 100
	_, err = req.Run(context.Background())
	var me *scoring.MemoryError
	require.ErrorAs(t, err, &me)
	assert.ErrorIs(t, err, ErrBadInput)
	assert.ErrorIs(t, err, scoring.ErrTooLarge)
	assert.Equal(t, int64(100), me.Limit)

	for _, bad := range []string{`,"top_ranks":-1`, `,"samples":1000000001`} {
		req, err := DecodeSMAA(strings.NewReader(strings.Replace(smaaInput, "%s", bad, 1)))
		if err == nil {
			_, err = req.Run(context.Background())
		}
		if !errors.Is(err, ErrBadInput) {
			t.Errorf("%s: %v; want bad input", bad, err)
		}
	}
	// The memory bound is not part of the JSON input.
	_, err = DecodeSMAA(strings.NewReader(strings.Replace(smaaInput, "%s", `,"max_memory":1`, 1)))
	assert.ErrorIs(t, err, ErrBadInput)
}
