package scoringjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func compare(t *testing.T, body string) (*AgreementResult, error) {
	t.Helper()
	req, err := DecodeAgreement(strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	return req.Compare()
}

// The coefficients through the contract, on the example of Sałabun &
// Urbaniak (2020), ICCS, LNCS 12138:632–645: (1, 2, 3, 4, 5) against
// (1, 3, 2, 4, 5) gives r_s = 0.9, r_w = 0.8833 and WS = 0.8542 (4 dp).
func TestAgreementSalabunUrbaniak2020(t *testing.T) {
	t.Parallel()
	res, err := compare(t, `{"rankings":[[1,2,3,4,5],[1,3,2,4,5]],"names":["ref","other"]}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"ref", "other"}, res.Names)
	for name, m := range map[string][][]float64{"spearman": res.Spearman, "weighted_spearman": res.WeightedSpearman,
		"kendall": res.Kendall, "goodman_kruskal": res.GoodmanKruskal, "ws": res.WS} {
		require.Len(t, m, 2, name)
		assert.Equal(t, 1.0, m[0][0], name)
		assert.Equal(t, 1.0, m[1][1], name)
	}
	assert.InDelta(t, 0.9, res.Spearman[0][1], 5e-5)
	assert.InDelta(t, 0.8833, res.WeightedSpearman[0][1], 5e-5)
	assert.InDelta(t, 0.8542, res.WS[0][1], 5e-5)
	assert.InDelta(t, 0.8, res.Kendall[0][1], 1e-15) // 9 concordant pairs, 1 discordant
	// WS is asymmetric: with (1, 3, 2, 4, 5) as the reference,
	// 1 − (2⁻³·1/2 + 2⁻²·1/3) = 0.8541666…, the same here by symmetry of
	// the swap's distances.
	assert.InDelta(t, 1-1.0/16-1.0/12, res.WS[1][0], 1e-15)

	// Only the coefficients asked for, in the response's JSON.
	res, err = compare(t, `{"rankings":[[1,2,3],[3,2,1]],"coefficients":["kendall","ws"]}`)
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var keys map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &keys))
	assert.ElementsMatch(t, []string{"names", "rankings", "kendall", "ws"}, mapKeys(keys))
	assert.Equal(t, []string{"R1", "R2"}, res.Names)
	assert.Equal(t, -1.0, res.Kendall[0][1])
}

// Score requests are ranked and their rankings compared.
func TestAgreementRequests(t *testing.T) {
	t.Parallel()
	const problem = `"criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":1}],"matrix":[[1,2],[3,5],[2,1],[4,4]]`
	res, err := compare(t, `{"requests":[{"method":"wsm",`+problem+`},{"method":"spotis","bounds":[[0,5],[0,6]],"esp":[3,2],`+problem+`}]}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"wsm", "spotis"}, res.Names)
	// WSM (max normalisation, its default): 0.375, 0.475, 0.75, 0.625
	// (ranks 4, 3, 1, 2); SPOTIS from (3, 2): 0.2, 0.25, 0.1833, 0.2667
	// (ranks 2, 3, 1, 4).
	assert.Equal(t, [][]int{{4, 3, 1, 2}, {2, 3, 1, 4}}, res.Rankings)
	assert.InDelta(t, 0.2, res.Spearman[0][1], 1e-12) // 1 − 6·8/60

	res, err = compare(t, `{"requests":[{"method":"wsm",`+problem+`},{"method":"wsm","normalization":"max",`+problem+`}]}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"R1", "R2"}, res.Names, "methods alike: default names")
}

// Bad requests wrap ErrBadInput and name the offending key.
func TestAgreementBadInput(t *testing.T) {
	t.Parallel()
	const problem = `"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]`
	for _, tc := range []struct{ body, want string }{
		{`{}`, "rankings"},
		{`{"rankings":[[1,2],[2,1]],"requests":[]}`, "alternatives"},
		{`{"rankings":[[1,2]]}`, "two or more"},
		{`{"rankings":[[1,2],[1,2,3]]}`, "rankings[1]"},
		{`{"rankings":[[1,2],[1,3]]}`, "rankings[1]"},
		{`{"rankings":[[1,2],[]]}`, "rankings[1]"},
		{`{"rankings":[[1,2],[2,1]],"coefficients":["pearson"]}`, "coefficients"},
		{`{"rankings":[[1,2],[2,1]],"coefficients":["ws","ws"]}`, "coefficients[1]"},
		{`{"rankings":[[1,2],[2,1]],"coefficients":[]}`, "coefficients"},
		{`{"rankings":[[1,2],[2,1]],"names":["a"]}`, "names"},
		{`{"rankings":[[1,2],[2,1]],"Names":["a","b"]}`, "Names"},
		{`{"requests":[{"method":"wsm",` + problem + `},{"method":"electre1",` + problem + `}]}`, "requests[1]"},
		{`{"requests":[{"method":"wsm",` + problem + `},{"method":"spotis","esp":[9],` + problem + `}]}`, "esp"},
		{`{"requests":[{"method":"wsm",` + problem + `},{"method":"wsm","matrix":[[1],[2],[3]],"criteria":[{"name":"a","direction":"benefit","weight":1}]}]}`, "requests[1]"},
		{`{"requests":[{"method":"wsm","form":"x",` + problem + `},{"method":"wsm",` + problem + `}]}`, "requests[0]"},
	} {
		_, err := compare(t, tc.body)
		if assert.Error(t, err, tc.body) {
			assert.True(t, errors.Is(err, ErrBadInput), "%s: %v", tc.body, err)
			assert.Contains(t, err.Error(), tc.want, tc.body)
		}
	}
}

func mapKeys(m map[string]json.RawMessage) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// An agreement request's errors carry the path of the offending value for
// ErrorPath, as the HTTP example sends it.
func TestAgreementErrorPath(t *testing.T) {
	t.Parallel()
	const problem = `"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]`
	for _, tc := range []struct{ body, path string }{
		{`{}`, ""},
		{`{"rankings":[[1,2]]}`, "rankings"},
		{`{"rankings":[[1,2],[1,2,3]]}`, "rankings[1]"},
		{`{"rankings":[[1,2],[1,3]]}`, "rankings[1][1]"},
		{`{"rankings":[[1,2],[]]}`, "rankings[1]"},
		{`{"rankings":[[1,2],[2,1]],"coefficients":["ws","ws"]}`, "coefficients[1]"},
		{`{"rankings":[[1,2],[2,1]],"coefficients":[]}`, "coefficients"},
		{`{"rankings":[[1,2],[2,1]],"names":["a"]}`, "names"},
		{`{"requests":[{"method":"wsm",` + problem + `}]}`, "requests"},
		{`{"requests":[{"method":"wsm",` + problem + `},{"method":"electre1",` + problem + `}]}`, "requests[1].method"},
		{`{"requests":[{"method":"wsm",` + problem + `},{"method":"wsm","matrix":[[1],[2,3]],"criteria":[{"name":"a","direction":"benefit","weight":1}]}]}`, "requests[1].matrix[1]"},
		{`{"requests":[{"method":"wsm",` + problem + `},{"method":"wsm","matrix":[[1],[2],[3]],"criteria":[{"name":"a","direction":"benefit","weight":1}]}]}`, "requests[1]"},
	} {
		_, err := compare(t, tc.body)
		if assert.Error(t, err, tc.body) {
			assert.True(t, errors.Is(err, ErrBadInput), "%s: %v", tc.body, err)
			assert.Equal(t, tc.path, ErrorPath(err), "%s: %v", tc.body, err)
		}
	}
}
