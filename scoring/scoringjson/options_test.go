package scoringjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// The method options of the scoring and weighting packages are reachable
// through the JSON contract, and an option given to a method that does
// not take it is bad input naming the option.
func TestRequestOptions(t *testing.T) {
	t.Parallel()
	score := func(body string) (map[string]json.RawMessage, error) {
		req, err := DecodeScore(strings.NewReader(body))
		require.NoError(t, err)
		res, err := req.Score()
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(res)
		require.NoError(t, err)
		var out map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &out))
		return out, nil
	}
	const crits = `"criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":1}],"matrix":[[1,2],[3,5],[2,1]]`
	out, err := score(`{"method":"moora","form":"multimoora",` + crits + `}`)
	require.NoError(t, err)
	assert.JSONEq(t, `"multimoora"`, string(out["form"]))
	assert.Contains(t, out, "dominated")
	out, err = score(`{"method":"spotis","bounds":[[0,4],[0,6]],` + crits + `}`)
	require.NoError(t, err)
	assert.JSONEq(t, `[[0,4],[0,6]]`, string(out["bounds"]))
	out, err = score(`{"method":"spotis","bounds":[[0,4],[0,6]],"esp":[3,2],` + crits + `}`)
	require.NoError(t, err)
	assert.JSONEq(t, `[3,2]`, string(out["esp"]))
	assert.JSONEq(t, `[0.25,0.25,0.20833333333333331]`, string(out["scores"])) // (|x−3|/4 + |y−2|/6)/2
	out, err = score(`{"method":"topsis","normalization":"none",` + crits + `}`)
	require.NoError(t, err)
	assert.Contains(t, out, "distance_ideal")
	for _, body := range []string{
		`{"method":"topsis","form":"multimoora",` + crits + `}`,
		`{"method":"moora","bounds":[[0,4],[0,6]],` + crits + `}`,
		`{"method":"moora","form":"tchebycheff",` + crits + `}`,
		`{"method":"spotis","bounds":[[2,4],[0,6]],` + crits + `}`, // does not contain 1
		`{"method":"wpm","normalization":"none",` + crits + `}`,
		`{"method":"topsis","esp":[3,2],` + crits + `}`,
	} {
		_, err := score(body)
		assert.True(t, errors.Is(err, ErrBadInput), "%s: %v", body, err)
	}
	// An expected point outside the bounds names the field and criterion.
	for _, body := range []string{
		`{"method":"spotis","bounds":[[0,4],[0,6]],"esp":[3,7],` + crits + `}`,
		`{"method":"spotis","esp":[3,2,1],` + crits + `}`,
	} {
		_, err := score(body)
		assert.True(t, errors.Is(err, ErrBadInput), "%s: %v", body, err)
		var ie *scoring.InputError
		if assert.ErrorAs(t, err, &ie, body) {
			assert.Equal(t, "esp", ie.Path)
		}
		assert.Contains(t, err.Error(), "esp")
	}

	weigh := func(body string) (any, error) {
		req, err := DecodeWeights(strings.NewReader(body))
		require.NoError(t, err)
		return req.Weigh()
	}
	pairwise := `"pairwise":[[1,"1/3",5],[3,1,7],["1/5","1/7",1]]`
	for _, pm := range []string{"eigenvector", "geometric_mean", "additive_normalization"} {
		res, err := weigh(`{"method":"ahp","priority":"` + pm + `",` + pairwise + `}`)
		require.NoError(t, err, pm)
		want, err := scoring.ParsePriorityMethod(pm)
		require.NoError(t, err)
		assert.Equal(t, want, res.(*scoring.AHPResult).Priority, pm)
	}
	const data = `"criteria":[{"name":"a","direction":"benefit"},{"name":"b","direction":"cost"}],"matrix":[[1,20],[3,50],[2,10]]`
	raw, err := weigh(`{"method":"stddev","raw":true,` + data + `}`)
	require.NoError(t, err)
	def, err := weigh(`{"method":"stddev",` + data + `}`)
	require.NoError(t, err)
	assert.NotEqual(t, def.(*scoring.Weighting).Weights, raw.(*scoring.Weighting).Weights)
	_, err = weigh(`{"method":"entropy","normalization":"minmax",` + data + `}`)
	require.NoError(t, err)
	for _, body := range []string{
		`{"method":"ahp","priority":"power",` + pairwise + `}`,
		`{"method":"critic","raw":true,` + data + `}`,
		`{"method":"stddev","priority":"geometric_mean",` + data + `}`,
		`{"method":"ahp","normalization":"sum",` + pairwise + `}`,
		`{"method":"entropy","normalization":"cubic",` + data + `}`,
	} {
		_, err := weigh(body)
		assert.True(t, errors.Is(err, ErrBadInput), "%s: %v", body, err)
	}
}
