package scoringjson

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
)

const impreciseCriteria = `"method":"wsm","criteria":[{"name":"reach","direction":"benefit"},{"name":"cost","direction":"cost"},{"name":"image","direction":"benefit"}]`

func runSMAA(t *testing.T, body string) (*scoring.SMAAResult, error) {
	t.Helper()
	req, err := DecodeSMAA(strings.NewReader("{" + body + "}"))
	if err != nil {
		return nil, err
	}
	return req.Run(context.Background())
}

// An alternative whose interval lies above the others' on every criterion
// is first in every draw; the ordinal criterion's levels and a missing cell
// change nothing to that.
func TestSMAAImpreciseDominance(t *testing.T) {
	t.Parallel()
	body := impreciseCriteria + `,"alternatives":["top","mid","low"],` +
		`"low":[[8,10,3],[4,30,2],[1,50,1]],"high":[[9,20,3],[6,40,2],[3,60,1]],` +
		`"missing":[[false,false,false],[false,true,false],[false,false,false]],` +
		`"missing_range":{"cost":[25,45]},"ordinal":["image"],"samples":2000,"seed":7,"value_draws":20`
	res, err := runSMAA(t, body)
	require.NoError(t, err)
	assert.Equal(t, 2000, res.Samples)
	want := [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	assert.Equal(t, want, res.RankAcceptability)

	again, err := runSMAA(t, body)
	require.NoError(t, err)
	assert.Equal(t, res, again, "same seed, same result")
}

// Overlapping intervals share the first rank; the shares follow from the
// draws: two alternatives on one criterion, [0, 2] against exactly 1,
// split about evenly.
func TestSMAAImpreciseIntervalsShare(t *testing.T) {
	t.Parallel()
	res, err := runSMAA(t, `"method":"wsm","criteria":[{"name":"x","direction":"benefit"}],"low":[[0],[1]],"high":[[2],[1]],`+
		`"samples":4000,"seed":3,"value_draws":400`)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, res.RankAcceptability[0][0], 0.08)
	assert.InDelta(t, 1, res.RankAcceptability[0][0]+res.RankAcceptability[1][0], 1e-12)
}

// Exact values with a missing cell: the cell's placeholder (1000, which
// would rank it first) is ignored and the value is drawn from the observed
// range [1, 5], strictly inside which it is always second; with a given
// range above the others it is always first.
func TestSMAAImpreciseMissingWithMatrix(t *testing.T) {
	t.Parallel()
	body := `"method":"wsm","criteria":[{"name":"x","direction":"benefit"}],"matrix":[[1],[5],[1000]],` +
		`"missing":[[false],[false],[true]],"samples":3000,"seed":5,"value_draws":300`
	res, err := runSMAA(t, body)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 1, 0}, res.RankAcceptability[2])
	res, err = runSMAA(t, body+`,"missing_range":{"x":[6,7]}`)
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 0, 0}, res.RankAcceptability[2])
}

func TestSMAAImpreciseProgress(t *testing.T) {
	t.Parallel()
	req, err := DecodeSMAA(strings.NewReader(`{"method":"wsm","criteria":[{"name":"x","direction":"benefit"},{"name":"y","direction":"cost"}],` +
		`"low":[[0,1],[1,2]],"high":[[2,1],[1,3]],"samples":10000,"seed":1,"value_draws":7}`))
	require.NoError(t, err)
	last, calls := 0, 0
	req.Progress = func(done, total int) {
		calls++
		require.Equal(t, 10000, total)
		require.GreaterOrEqual(t, done, last, "never decreasing")
		last = done
	}
	_, err = req.Run(context.Background())
	require.NoError(t, err)
	assert.Positive(t, calls)
	assert.Equal(t, 10000, last, "ends at the total")
}

func TestSMAAImpreciseBadInput(t *testing.T) {
	t.Parallel()
	one := `"method":"wsm","criteria":[{"name":"x","direction":"benefit"},{"name":"y","direction":"cost"}]`
	cases := []struct {
		name, body, path string
		sentinel         error
	}{
		{"unknown ordinal", one + `,"matrix":[[1,2],[2,1]],"ordinal":["z"]`, "ordinal[0]", scoring.ErrUnknownName},
		{"ordinal twice", one + `,"matrix":[[1,2],[2,1]],"ordinal":["x","x"]`, "ordinal[1]", scoring.ErrDuplicateName},
		{"unknown range", one + `,"matrix":[[1,2],[2,1]],"missing_range":{"w":[0,1]}`, "missing_range.w", scoring.ErrUnknownName},
		{"range reversed", one + `,"matrix":[[1,2],[2,1]],"missing_range":{"y":[3,1]}`, "missing_range.y", scoring.ErrParam},
		{"low without high", one + `,"low":[[1,2],[2,1]]`, "", scoring.ErrParam},
		{"matrix and low", one + `,"matrix":[[1,2],[2,1]],"low":[[1,2],[2,1]],"high":[[1,2],[2,1]]`, "", scoring.ErrParam},
		{"negative draws", one + `,"matrix":[[1,2],[2,1]],"value_draws":-1`, "value_draws", scoring.ErrParam},
		{"bounds reversed", one + `,"low":[[1,2],[2,1]],"high":[[1,2],[1,1]]`, "low[1][0]", scoring.ErrParam},
		{"ragged matrix", one + `,"matrix":[[1,2],[2]],"missing":[[false,false],[false,true]]`, "matrix[1]", scoring.ErrRagged},
		{"ordinal interval", one + `,"low":[[1,2],[2,1]],"high":[[1,2],[3,1]],"ordinal":["x"]`, "high[1][0]", scoring.ErrParam},
		{"ordinal missing", one + `,"matrix":[[1,2],[2,1]],"missing":[[true,false],[false,false]],"ordinal":["x"]`, "missing[0][0]", scoring.ErrParam},
		{"nothing observed", one + `,"matrix":[[1,2],[2,1]],"missing":[[false,true],[false,true]]`, "missing[0][1]", scoring.ErrParam},
		{"missing rows", one + `,"matrix":[[1,2],[2,1]],"missing":[[false,true]]`, "missing", scoring.ErrLength},
	}
	for _, tc := range cases {
		_, err := runSMAA(t, tc.body)
		require.ErrorIs(t, err, ErrBadInput, tc.name)
		assert.ErrorIs(t, err, tc.sentinel, tc.name)
		assert.Equal(t, tc.path, ErrorPath(err), "%s: %v", tc.name, err)
	}
	// Strict decoding: null is no number or boolean, keys match exactly,
	// a key is given once.
	for _, body := range []string{
		one + `,"low":[[1,null],[2,1]],"high":[[1,2],[2,1]]`,
		one + `,"matrix":[[1,2],[2,1]],"missing":[[null,false],[false,false]]`,
		one + `,"matrix":[[1,2],[2,1]],"missing_range":{"y":[0,null]}`,
		// A whole range null is not [0, 0] either.
		one + `,"matrix":[[1,2],[2,1]],"missing_range":{"y":null}`,
	} {
		_, err := runSMAA(t, body)
		assert.ErrorIs(t, err, strictdec.ErrNull, body)
	}
	for _, body := range []string{
		one + `,"matrix":[[1,2],[2,1]],"Ordinal":["x"]`,
		one + `,"matrix":[[1,2],[2,1]],"missing_range":{"y":[0,1],"y":[0,2]}`,
		one + `,"matrix":[[1,2],[2,1]],"missing_range":{"y":[0,1,2]}`,
		one + `,"matrix":[[1,2],[2,1]],"rank_reversal":true`,
	} {
		_, err := runSMAA(t, body)
		assert.ErrorIs(t, err, ErrBadInput, body)
	}
}

// TestRoundTripImprecise: a request with every imprecise key set reads
// back as sent, and its response unmarshals into the same value.
func TestRoundTripImprecise(t *testing.T) {
	t.Parallel()
	req := SMAARequest{
		ScoreRequest: ScoreRequest{Method: "topsis", Alternatives: []string{"a", "b"},
			Criteria: []Criterion{{Name: "x", Direction: "benefit"}, {Name: "y", Direction: "cost"}}},
		Samples: 300, Seed: 9, TopRanks: 1,
		ImpreciseParams: ImpreciseParams{
			Low: [][]float64{{1, 2}, {2, 1}}, High: [][]float64{{1.5, 2}, {3, 1}},
			Missing: [][]bool{{false, true}, {false, false}}, Ordinal: nil,
			MissingRange: map[string][2]float64{"y": {0, 4}}, ValueDraws: 3,
		},
	}
	roundTrip(t, &req, DecodeSMAA)
	res, err := req.Run(context.Background())
	require.NoError(t, err)
	roundTrip(t, res, unmarshal[scoring.SMAAResult])
	b, err := json.Marshal(req)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"missing_range":{"y":[0,4]}`)
}

// FuzzDecodeSMAAImprecise feeds arbitrary smaa requests with imprecise
// keys: each either succeeds with a response that marshals to JSON or fails
// with an error marked as bad input. A panic fails.
func FuzzDecodeSMAAImprecise(f *testing.F) {
	f.Add(`{` + impreciseCriteria + `,"low":[[8,10,3],[4,30,2]],"high":[[9,20,3],[6,40,2]],"samples":50}`)
	f.Add(`{` + impreciseCriteria + `,"matrix":[[8,10,3],[4,30,2]],"missing":[[false,true,false],[false,false,false]],"missing_range":{"cost":[1,2]},"ordinal":["image"],"value_draws":3,"samples":40}`)
	f.Add(`{` + impreciseCriteria + `,"matrix":[[8,10,3],[4,30,2]],"missing":[[true,true,true],[true,true,true]],"samples":40}`)
	f.Add(`{"method":"topsis","criteria":[{"name":"x","direction":"benefit"}],"low":[[1],[2]],"high":[[0],[3]],"ordinal":["x","x"]}`)
	f.Add(`{"method":"wsm","criteria":[{"name":"x","direction":"benefit","weight":1}],"matrix":[[1],[2]],"rank_reversal":true}`)
	f.Fuzz(func(t *testing.T, in string) {
		req, err := DecodeSMAA(strings.NewReader(in))
		if err != nil {
			require.ErrorIs(t, err, ErrBadInput)
			return
		}
		if req.Samples > 2000 || req.Samples == 0 || req.ValueDraws > 50 || len(req.Low)+len(req.Matrix) > 50 {
			return // keep each run short
		}
		res, err := req.Run(context.Background())
		if err != nil {
			require.ErrorIs(t, err, ErrBadInput)
			return
		}
		_, err = json.Marshal(res)
		require.NoError(t, err)
	})
}
