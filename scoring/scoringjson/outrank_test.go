package scoringjson

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const outrankProblem = `"criteria":[{"name":"reach","direction":"benefit","weight":0.6},{"name":"cost","direction":"cost","weight":0.4}],"matrix":[[10,80],[8,40],[5,50]]`

func TestScoreOutrankingMethods(t *testing.T) {
	t.Parallel()
	cases := []struct{ method, params, key string }{
		{"promethee1", `,"preference":[{"function":"linear","q":1,"p":3},{"function":"usual"}]`, `"incomparable":`},
		{"gaia", ``, `"decision_stick":`},
		{"electre1", `,"concordance_threshold":0.5`, `"kernel":`},
		{"electre3", `,"thresholds":[{"q":1,"p":3,"v":6},{"q":5,"p":10}],"alpha":0.3,"beta":-0.15`, `"descending":`},
		{"mrsort", `,"classes":["adopt","reject"],"profiles":[[7,60]],"lambda":0.6`, `"pessimistic":`},
		{"electre-tri-b", `,"classes":["adopt","reject"],"profiles":[[7,60]],"thresholds":[{"q":1,"p":2},{"q":5,"p":10,"v":30}]`, `"optimistic":`},
		{"flowsort", `,"classes":["adopt","reject"],"profiles":[[9,45],[4,90]],"profile_kind":"central"`, `"assignment":`},
		{"flowsort", `,"classes":["adopt","reject"],"profiles":[[12,30],[7,60],[0,100]]`, `"assignment":`},
	}
	for _, tc := range cases {
		req, err := DecodeScore(strings.NewReader(`{"method":"` + tc.method + `",` + outrankProblem + tc.params + `}`))
		require.NoError(t, err, tc.method)
		res, err := req.Score()
		require.NoError(t, err, tc.method)
		b, err := json.Marshal(res)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"method":"`+tc.method+`"`)
		assert.Contains(t, string(b), tc.key, tc.method)
		assert.NotContains(t, string(b), `"ranking"`, tc.method)
	}
}

func TestScoreOutrankingBadInput(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, msg string }{
		{"thresholds for wsm", `{"method":"wsm",` + outrankProblem + `,"thresholds":[{"q":1,"p":2},{"q":1,"p":2}]}`, `"thresholds" does not apply to method "wsm"`},
		{"lambda for flowsort", `{"method":"flowsort",` + outrankProblem + `,"classes":["a"],"profiles":[[9,9],[1,99]],"lambda":0.6}`, `"lambda" does not apply`},
		{"preference for electre1", `{"method":"electre1",` + outrankProblem + `,"preference":[{"function":"usual"},{"function":"usual"}]}`, `"preference" does not apply`},
		{"normalization for gaia", `{"method":"gaia",` + outrankProblem + `,"normalization":"max"}`, `"normalization" does not apply`},
		{"profiles out of order", `{"method":"mrsort",` + outrankProblem + `,"classes":["a","b","c"],"profiles":[[5,50],[7,40]]}`, `profiles`},
		{"bad profile kind", `{"method":"flowsort",` + outrankProblem + `,"classes":["a"],"profiles":[[9]],"profile_kind":"middle"}`, `profile_kind`},
		{"alpha without beta", `{"method":"electre3",` + outrankProblem + `,"alpha":0.3}`, `"alpha" and "beta"`},
		{"thresholds out of order", `{"method":"electre3",` + outrankProblem + `,"thresholds":[{"q":3,"p":1},{}]}`, `q = 3, p = 1`},
	}
	for _, tc := range cases {
		req, err := DecodeScore(strings.NewReader(tc.in))
		require.NoError(t, err, tc.name)
		_, err = req.Score()
		require.ErrorIs(t, err, ErrBadInput, tc.name)
		assert.Contains(t, err.Error(), tc.msg, tc.name)
	}
	// null is never a number, a veto included.
	_, err := DecodeScore(strings.NewReader(`{"method":"electre3",` + outrankProblem + `,"thresholds":[{"q":1,"p":2,"v":null},{}]}`))
	require.ErrorIs(t, err, strictdec.ErrNull)
	_, err = DecodeScore(strings.NewReader(`{"method":"mrsort",` + outrankProblem + `,"classes":["a","b"],"profiles":[[1,null]]}`))
	require.ErrorIs(t, err, strictdec.ErrNull)
	_, err = DecodeScore(strings.NewReader(`{"method":"mrsort",` + outrankProblem + `,"Lambda":0.6}`))
	require.Error(t, err, "keys match exactly")
}

// TestScoreMRSortVetoes checks the "vetoes" member: the request gives what
// scoring.MRSort computes with the same veto profiles, and bad vetoes are
// errors at their own key.
func TestScoreMRSortVetoes(t *testing.T) {
	t.Parallel()
	base := `{"method":"mrsort",` + outrankProblem + `,"classes":["adopt","reject"],"profiles":[[7,60]],"lambda":0.6`
	classes := func(in string) []int {
		t.Helper()
		req, err := DecodeScore(strings.NewReader(in))
		require.NoError(t, err)
		res, err := req.Score()
		require.NoError(t, err)
		return res.(*scoring.SortResult).Pessimistic
	}
	// Without a veto the first alternative's reach carries the majority
	// (0.6) although its cost, 80, is well above the profile's 60.
	assert.Equal(t, []int{0, 0, 1}, classes(base+`}`))
	// A veto on cost at 75: a cost of 80 forbids "adopt" whatever the
	// majority; 40 and 50 are not vetoed.
	assert.Equal(t, []int{1, 0, 1}, classes(base+`,"vetoes":[{"cost":75}]}`))
	assert.Equal(t, []int{0, 0, 1}, classes(base+`,"vetoes":[{}]}`), "an empty object is no veto")

	// The same as the library's MRSort with the same vetoes.
	req, err := DecodeScore(strings.NewReader(base + `,"vetoes":[{"cost":75}]}`))
	require.NoError(t, err)
	got, err := req.Score()
	require.NoError(t, err)
	p, w, err := req.Problem()
	require.NoError(t, err)
	v := 75.0
	want, err := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: []string{"adopt", "reject"}, Profiles: [][]float64{{7, 60}}},
		Lambda: 0.6, Vetoes: [][]*float64{{nil, &v}}}.Evaluate(p, w)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	bad := []struct{ name, vetoes, path string }{
		{"unknown criterion", `[{"price":1}]`, "vetoes[0].price"},
		{"veto better than its profile", `[{"cost":50}]`, "vetoes[0].cost"},
		{"one object per profile", `[{},{}]`, "vetoes"},
		{"not a finite number", `[{"reach":1e999}]`, ""},
	}
	for _, tc := range bad {
		req, err := DecodeScore(strings.NewReader(base + `,"vetoes":` + tc.vetoes + `}`))
		if tc.path == "" {
			require.Error(t, err, tc.name) // refused by the decoder
			continue
		}
		require.NoError(t, err, tc.name)
		_, err = req.Score()
		require.ErrorIs(t, err, ErrBadInput, tc.name)
		assert.Equal(t, tc.path, ErrorPath(err), tc.name)
	}
	_, err = DecodeScore(strings.NewReader(base + `,"vetoes":[{"cost":75}]}`))
	require.NoError(t, err)
	req, err = DecodeScore(strings.NewReader(base + `,"vetoes":[{"price":1}]}`))
	require.NoError(t, err)
	_, err = req.Score()
	assert.ErrorIs(t, err, scoring.ErrUnknownName)

	// Strict JSON: null is not a veto value, a key appears once, and the
	// member belongs to mrsort only.
	_, err = DecodeScore(strings.NewReader(base + `,"vetoes":[{"cost":null}]}`))
	require.ErrorIs(t, err, strictdec.ErrNull)
	_, err = DecodeScore(strings.NewReader(base + `,"vetoes":[{"cost":75,"cost":80}]}`))
	require.Error(t, err, "duplicate key")
	req, err = DecodeScore(strings.NewReader(`{"method":"electre-tri-b",` + outrankProblem + `,"classes":["a","b"],"profiles":[[7,60]],"vetoes":[{}]}`))
	require.NoError(t, err)
	_, err = req.Score()
	require.ErrorIs(t, err, ErrBadInput)
	assert.Contains(t, err.Error(), `"vetoes" does not apply to method "electre-tri-b"`)
}
