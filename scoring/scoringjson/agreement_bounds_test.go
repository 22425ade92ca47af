package scoringjson

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Requests are compared alternative by alternative, by name, not by row:
// the same matrix under reversed names ranks the alternatives in reverse.
func TestAgreementRequestsAlignByName(t *testing.T) {
	t.Parallel()
	const crit = `"criteria":[{"name":"x","direction":"benefit","weight":1}]`
	res, err := compare(t, `{"coefficients":["spearman","kendall"],"requests":[
		{"method":"wsm","alternatives":["a","b","c"],`+crit+`,"matrix":[[3],[2],[1]]},
		{"method":"topsis","alternatives":["c","b","a"],`+crit+`,"matrix":[[3],[2],[1]]}]}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, res.Alternatives)
	assert.Equal(t, [][]int{{1, 2, 3}, {3, 2, 1}}, res.Rankings)
	assert.Equal(t, -1.0, res.Spearman[0][1])
	assert.Equal(t, -1.0, res.Kendall[0][1])

	// The same alternatives listed in another order, with their rows:
	// the same ranking.
	res, err = compare(t, `{"coefficients":["spearman"],"requests":[
		{"method":"wsm","alternatives":["a","b","c"],`+crit+`,"matrix":[[3],[1],[2]]},
		{"method":"topsis","alternatives":["b","c","a"],`+crit+`,"matrix":[[1],[2],[3]]}]}`)
	require.NoError(t, err)
	assert.Equal(t, [][]int{{1, 3, 2}, {1, 3, 2}}, res.Rankings)
	assert.Equal(t, 1.0, res.Spearman[0][1])

	// Without names on either side, the rows are the alternatives.
	res, err = compare(t, `{"coefficients":["spearman"],"requests":[
		{"method":"wsm",`+crit+`,"matrix":[[3],[1],[2]]},{"method":"topsis",`+crit+`,"matrix":[[1],[3],[2]]}]}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"A1", "A2", "A3"}, res.Alternatives)
	assert.Equal(t, -1.0, res.Spearman[0][1])
}

// Requests that do not name the same alternatives are an error at the
// alternatives of the first that differs; so is a key that does not apply
// inside an agreement request.
func TestAgreementRequestsErrors(t *testing.T) {
	t.Parallel()
	const crit = `"criteria":[{"name":"x","direction":"benefit","weight":1}],"matrix":[[3],[2],[1]]`
	req := func(extra string) string { return `{"method":"wsm",` + extra + crit + `}` }
	for _, tc := range []struct {
		body, path string
		is         error
		msg        string
	}{
		{`{"requests":[` + req(`"alternatives":["a","b","c"],`) + `,` + req(`"alternatives":["x","y","z"],`) + `]}`,
			"requests[1].alternatives", scoring.ErrUnknownName, `"x"`},
		{`{"requests":[` + req(`"alternatives":["a","b","c"],`) + `,` + req(`"alternatives":["a","b","c"],`) + `,` + req(`"alternatives":["a","b","d"],`) + `]}`,
			"requests[2].alternatives", scoring.ErrUnknownName, `"d"`},
		{`{"requests":[` + req(`"alternatives":["a","b","c"],`) + `,` + req(``) + `]}`,
			"requests[1].alternatives", scoring.ErrUnknownName, `"alternatives" absent`},
		{`{"requests":[` + req(``) + `,` + req(`"rank_reversal":true,`) + `]}`,
			"requests[1].rank_reversal", scoring.ErrParam, `"rank_reversal"`},
		{`{"requests":[` + req(`"rank_reversal":true,`) + `,` + req(``) + `]}`,
			"requests[0].rank_reversal", scoring.ErrParam, `"rank_reversal"`},
	} {
		_, err := compare(t, tc.body)
		if assert.Error(t, err, tc.body) {
			assert.ErrorIs(t, err, ErrBadInput, tc.body)
			assert.ErrorIs(t, err, tc.is, tc.body)
			assert.Equal(t, tc.path, ErrorPath(err), "%s: %v", tc.body, err)
			assert.Contains(t, err.Error(), tc.msg)
			assert.True(t, strings.HasPrefix(err.Error(), tc.path), "%v", err)
		}
	}
}

// The memory of the comparison is bounded before anything is allocated:
// over MaxMemory the request fails with a *scoring.MemoryError at the
// field of the rankings, and allocates next to nothing.
func TestAgreementMemoryBound(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"rankings":[`)
	for i := range 3000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("[1]")
	}
	b.WriteString("]}")
	req, err := DecodeAgreement(strings.NewReader(b.String()))
	require.NoError(t, err)
	req.MaxMemory = 64 << 20
	_, err = req.Compare()
	var me *scoring.MemoryError
	require.ErrorAs(t, err, &me)
	assert.ErrorIs(t, err, scoring.ErrTooLarge)
	assert.ErrorIs(t, err, ErrBadInput)
	assert.Equal(t, "rankings", ErrorPath(err))
	assert.Equal(t, int64(64<<20), me.Limit)
	assert.Greater(t, me.Estimate, int64(64<<20))
	assert.Contains(t, err.Error(), "3000 rankings")
	// The 3000 × 3000 tables of five coefficients would be 15,000 rows.
	allocs := testing.AllocsPerRun(5, func() { _, _ = req.Compare() })
	assert.Less(t, allocs, 50.0)

	// Within the bound, the same request is answered.
	req.MaxMemory = 0
	req.Rankings = req.Rankings[:10]
	res, err := req.Compare()
	require.NoError(t, err)
	assert.Len(t, res.Spearman, 10)

	req.MaxMemory = -1
	_, err = req.Compare()
	assert.ErrorIs(t, err, scoring.ErrParam)
}

// countdownCtx is a context whose Err turns to context.Canceled after a
// number of calls: it counts the checks the work makes.
type countdownCtx struct {
	context.Context
	left int
}

func (c *countdownCtx) Err() error {
	if c.left <= 0 {
		return context.Canceled
	}
	c.left--
	return nil
}

// The context is checked between every two rankings compared, so that a
// long comparison stops soon after its context is done.
func TestAgreementChecksContextBetweenPairs(t *testing.T) {
	t.Parallel()
	req, err := DecodeAgreement(strings.NewReader(`{"coefficients":["goodman_kruskal"],"rankings":[[1,2,3],[3,2,1],[2,1,3]]}`))
	require.NoError(t, err)
	for _, left := range []int{0, 1, 4, 8} {
		ctx := &countdownCtx{Context: context.Background(), left: left}
		res, err := req.CompareContext(ctx)
		assert.Nil(t, res, "after %d checks", left)
		assert.ErrorIs(t, err, context.Canceled, "after %d checks", left)
		assert.False(t, errors.Is(err, ErrBadInput), "after %d checks: %v", left, err)
	}
	res, err := req.CompareContext(&countdownCtx{Context: context.Background(), left: 1000})
	require.NoError(t, err)
	assert.Len(t, res.GoodmanKruskal, 3)
}
