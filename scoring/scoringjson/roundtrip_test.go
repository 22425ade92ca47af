package scoringjson

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func ptr[T any](v T) *T { return &v }

// roundTrip checks decode(encode(x)) == x: the value is marshalled, read
// back with decode, and compared with go-cmp.
func roundTrip[T any](t *testing.T, x *T, decode func(io.Reader) (*T, error)) {
	t.Helper()
	b, err := json.Marshal(x)
	require.NoError(t, err)
	got, err := decode(bytes.NewReader(b))
	require.NoError(t, err, "%s", b)
	if diff := cmp.Diff(x, got); diff != "" {
		t.Errorf("%T does not round-trip through %s (-sent +read):\n%s", x, b, diff)
	}
}

// unmarshal is the decoder of a response: a client's json.Unmarshal into
// a fresh value.
func unmarshal[T any](r io.Reader) (*T, error) {
	v := new(T)
	return v, json.NewDecoder(r).Decode(v)
}

var fullScore = ScoreRequest{
	Method:       "promethee2",
	Alternatives: []string{"in-house", "agency", "hybrid"},
	Criteria: []Criterion{
		{Name: "cost", Direction: "cost", Weight: ptr(0.4)},
		{Name: "quality", Direction: "benefit", Weight: ptr(0.6)},
	},
	Matrix:     [][]float64{{120, 7}, {90, 5}, {100, 6.5}},
	Preference: []Preference{{Function: "linear", Q: 5, P: 20}, {Function: "gaussian", S: 0.75}},
}

// TestRoundTripRequests covers every request type of the contract, each
// field set to a value other than its zero value, through the contract's
// own strict decoders.
func TestRoundTripRequests(t *testing.T) {
	t.Parallel()
	t.Run("ScoreRequest", func(t *testing.T) {
		roundTrip(t, &fullScore, DecodeScore)
		vikor := ScoreRequest{Method: "vikor", Criteria: fullScore.Criteria, Matrix: fullScore.Matrix, V: ptr(0.25)}
		roundTrip(t, &vikor, DecodeScore)
		wsm := ScoreRequest{Method: "wsm", Criteria: fullScore.Criteria, Matrix: fullScore.Matrix, Normalization: ptr("minmax")}
		roundTrip(t, &wsm, DecodeScore)
		// A zero weight is a weight, not a missing one.
		zero := ScoreRequest{Method: "wsm", Criteria: []Criterion{{Name: "c", Direction: "benefit", Weight: ptr(0.0)}}, Matrix: [][]float64{{1}}}
		roundTrip(t, &zero, DecodeScore)
		spotis := ScoreRequest{Method: "spotis", Criteria: fullScore.Criteria, Matrix: fullScore.Matrix,
			Bounds: [][2]float64{{80, 130}, {4, 8}}, ESP: []float64{100, 6}}
		roundTrip(t, &spotis, DecodeScore)
		moora := ScoreRequest{Method: "moora", Criteria: fullScore.Criteria, Matrix: fullScore.Matrix, Form: ptr("multimoora")}
		roundTrip(t, &moora, DecodeScore)
		mrsort := ScoreRequest{Method: "mrsort", Criteria: fullScore.Criteria, Matrix: fullScore.Matrix,
			OutrankingParams: OutrankingParams{Classes: []string{"adopt", "pilot", "reject"}, Profiles: [][]float64{{120, 5}, {100, 7}},
				Vetoes: []map[string]float64{{fullScore.Criteria[0].Name: 90}, {}}}}
		roundTrip(t, &mrsort, DecodeScore)
	})
	t.Run("AgreementRequest", func(t *testing.T) {
		roundTrip(t, &AgreementRequest{Rankings: [][]int{{1, 2, 3}, {2, 1, 3}}, Names: []string{"a", "b"},
			Coefficients: []scoring.RankAgreement{scoring.AgreementWS, scoring.AgreementWeightedSpearman}}, DecodeAgreement)
		wsm := fullScore
		wsm.Method, wsm.Preference = "wsm", nil
		roundTrip(t, &AgreementRequest{Requests: []ScoreRequest{fullScore, wsm}}, DecodeAgreement)
	})
	t.Run("SMAARequest", func(t *testing.T) {
		roundTrip(t, &SMAARequest{ScoreRequest: fullScore, Samples: 500, Seed: 1 << 60}, DecodeSMAA)
	})
	t.Run("WeightsRequest", func(t *testing.T) {
		third, err := scoring.ParseJudgement("1/3")
		require.NoError(t, err)
		var missing scoring.Judgement
		for _, req := range []WeightsRequest{
			{Method: "ahp", Pairwise: [][]scoring.Judgement{{1, 3, missing}, {third, 1, 2}, {missing, 0.5, 1}}},
			{Method: "entropy", Criteria: []Criterion{{Name: "cost", Direction: "cost"}}, Matrix: [][]float64{{1}, {2}}},
			{Method: "roc", Ranks: []int{1, 2, 2, 3}},
			{Method: "swing", Points: []float64{100, 60, 30}},
			{Method: "ahp", Pairwise: [][]scoring.Judgement{{1, 3}, {third, 1}}, Priority: ptr("additive_normalization")},
			{Method: "entropy", Criteria: []Criterion{{Name: "cost", Direction: "cost"}}, Matrix: [][]float64{{1}, {2}}, Normalization: ptr("minmax")},
			{Method: "stddev", Criteria: []Criterion{{Name: "cost", Direction: "cost"}}, Matrix: [][]float64{{1}, {2}}, Raw: ptr(true)},
		} {
			roundTrip(t, &req, DecodeWeights)
		}
	})
	t.Run("Criterion", func(t *testing.T) {
		roundTrip(t, &Criterion{Name: "cost", Direction: "cost", Weight: ptr(0.5)}, unmarshal[Criterion])
	})
	t.Run("Preference", func(t *testing.T) {
		roundTrip(t, &Preference{Function: "level", Q: 1, P: 2, S: 3}, unmarshal[Preference])
	})
}

// responseRoundTrip checks that a client decoding the response res into
// a fresh value of its Go type gets the same value back.
func responseRoundTrip(t *testing.T, res any, err error) {
	t.Helper()
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	got := reflect.New(reflect.TypeOf(res).Elem()).Interface()
	require.NoError(t, json.Unmarshal(b, got), "%s", b)
	// Lists tagged omitempty are absent from the JSON when empty, so the
	// contract does not distinguish an empty list from none (AHPResult's
	// Revisit is [] when nothing needs revisiting).
	if diff := cmp.Diff(res, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%T does not round-trip through %s (-sent +read):\n%s", res, b, diff)
	}
}

// TestRoundTripResponses covers every response type of the contract: the
// result of every score method, of every weighting method family and of
// SMAA.
func TestRoundTripResponses(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, m := range scoring.MethodTokens() {
		req := fullScore
		req.Method = m
		if m != "promethee2" {
			req.Preference = nil
		}
		res, err := req.Score()
		responseRoundTrip(t, res, err)
		seen[reflect.TypeOf(res).String()] = true
	}
	for _, in := range []string{
		`{"method":"ahp","pairwise":[[1,3,null],["1/3",1,2],[null,"1/2",1]]}`,
		`{"method":"entropy","criteria":[{"name":"a","direction":"benefit"},{"name":"b","direction":"cost"}],"matrix":[[1,2],[3,5],[4,4]]}`,
		`{"method":"rank_sum","ranks":[1,2,2]}`,
		`{"method":"points","points":[5,3,2]}`,
	} {
		req, err := DecodeWeights(strings.NewReader(in))
		require.NoError(t, err)
		res, err := req.Weigh()
		responseRoundTrip(t, res, err)
		seen[reflect.TypeOf(res).String()] = true
	}
	spotis := fullScore
	spotis.Method, spotis.Preference, spotis.Bounds, spotis.ESP = "spotis", nil, [][2]float64{{80, 130}, {4, 8}}, []float64{100, 6}
	res, err := spotis.Score()
	responseRoundTrip(t, res, err)
	require.Equal(t, []float64{100, 6}, res.(*scoring.SPOTISResult).ESP)
	agreement := AgreementRequest{Rankings: [][]int{{1, 2, 3}, {2, 1, 3}}}
	ares, err := agreement.Compare()
	responseRoundTrip(t, ares, err)
	seen[reflect.TypeOf(ares).String()] = true
	req := SMAARequest{ScoreRequest: fullScore, Samples: 200, Seed: 7}
	req.Method, req.Preference = "topsis", nil
	res, err = req.Run(context.Background())
	responseRoundTrip(t, res, err)
	seen[reflect.TypeOf(res).String()] = true
	for _, typ := range []string{
		"*scoring.TOPSISResult", "*scoring.VIKORResult", "*scoring.PROMETHEEResult",
		"*scoring.COPRASResult", "*scoring.AHPResult", "*scoring.Weighting", "*scoring.SMAAResult",
		"*scoringjson.AgreementResult",
	} {
		if !seen[typ] {
			t.Errorf("no response of type %s was checked", typ)
		}
	}
}

// An empty list given in a request is kept when the request is written
// again: dropping it would turn a request that fails ("vetoes": [] for a
// problem with one profile) into one that succeeds.
func TestRoundTripEmptyLists(t *testing.T) {
	t.Parallel()
	score := func(in string) {
		t.Helper()
		req, err := DecodeScore(strings.NewReader(in))
		require.NoError(t, err, in)
		_, wantErr := req.Score()
		b, err := json.Marshal(req)
		require.NoError(t, err)
		again, err := DecodeScore(bytes.NewReader(b))
		require.NoError(t, err, "%s", b)
		assert.Empty(t, cmp.Diff(req, again), "%s", b)
		_, gotErr := again.Score()
		if wantErr == nil {
			assert.NoError(t, gotErr, "%s", b)
		} else {
			assert.EqualError(t, gotErr, wantErr.Error(), "%s", b)
		}
	}
	p := `"criteria":[{"name":"reach","direction":"benefit","weight":0.6},{"name":"cost","direction":"cost","weight":0.4}],"matrix":[[10,80],[8,40],[5,50]]`
	score(`{"method":"mrsort",` + p + `,"classes":["adopt","reject"],"profiles":[[7,60]],"vetoes":[]}`)
	score(`{"method":"mrsort",` + p + `,"classes":[],"profiles":[]}`)
	score(`{"method":"wsm",` + p + `,"alternatives":[]}`)
	score(`{"method":"spotis",` + p + `,"bounds":[],"esp":[]}`)
	score(`{"method":"promethee2",` + p + `,"preference":[]}`)
	score(`{"method":"electre3",` + p + `,"thresholds":[]}`)

	w, err := DecodeWeights(strings.NewReader(`{"method":"roc","ranks":[],"points":[],"pairwise":[],"criteria":[],"matrix":[]}`))
	require.NoError(t, err)
	b, err := json.Marshal(w)
	require.NoError(t, err)
	w2, err := DecodeWeights(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Empty(t, cmp.Diff(w, w2), "%s", b)

	a, err := DecodeAgreement(strings.NewReader(`{"rankings":[],"names":[],"coefficients":[]}`))
	require.NoError(t, err)
	b, err = json.Marshal(a)
	require.NoError(t, err)
	a2, err := DecodeAgreement(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Empty(t, cmp.Diff(a, a2), "%s", b)
}
