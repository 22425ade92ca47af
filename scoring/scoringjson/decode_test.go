package scoringjson

import (
	"errors"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	scoreOK   = `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":2}],"matrix":[[1,2],[3,4]]}`
	weightsOK = `{"method":"swing","points":[100,60,30]}`
	smaaOK    = `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"},{"name":"b","direction":"cost"}],"matrix":[[1,2],[3,4]],"samples":10,"seed":1}`
)

// decoders are the three request types of the JSON contract.
var decoders = map[string]func(string) error{
	"score": func(s string) error {
		_, err := DecodeScore(strings.NewReader(s))
		return err
	},
	"weights": func(s string) error {
		_, err := DecodeWeights(strings.NewReader(s))
		return err
	},
	"smaa": func(s string) error {
		_, err := DecodeSMAA(strings.NewReader(s))
		return err
	},
}

func TestRequestsAreDecodedStrictly(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, request, in string
		want              error
		path              string // strictdec.Error.Path
		msg               string // in the message
	}{
		// null is never a number.
		{"score: null matrix cell", "score", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":2}],"matrix":[[1,null],[3,4]]}`,
			strictdec.ErrNull, "matrix[0][1]", "matrix[0][1]: null is not a number"},
		{"score: null weight", "score", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":null}],"matrix":[[1],[2]]}`,
			strictdec.ErrNull, "criteria[0].weight", "criteria[0].weight: null is not a number"},
		{"score: null v", "score", `{"method":"vikor","v":null,"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]}`,
			strictdec.ErrNull, "v", "v: null is not a number"},
		{"score: null PROMETHEE q", "score", `{"method":"promethee2","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]],"preference":[{"function":"linear","q":null,"p":1}]}`,
			strictdec.ErrNull, "preference[0].q", "preference[0].q: null is not a number"},
		{"score: null PROMETHEE p", "score", `{"method":"promethee2","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]],"preference":[{"function":"linear","q":0,"p":null}]}`,
			strictdec.ErrNull, "preference[0].p", "preference[0].p: null is not a number"},
		{"score: null SPOTIS bounds", "score", `{"method":"spotis","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":2}],"matrix":[[1,2],[3,4]],"bounds":[[0,5],null]}`,
			strictdec.ErrNull, "bounds[1]", "bounds[1]: null is not a list of 2 values"},
		{"score: null PROMETHEE s", "score", `{"method":"promethee2","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]],"preference":[{"function":"gaussian","s":null}]}`,
			strictdec.ErrNull, "preference[0].s", "preference[0].s: null is not a number"},
		{"weights: null SWING points", "weights", `{"method":"swing","points":[100,null,30]}`,
			strictdec.ErrNull, "points[1]", "points[1]: null is not a number"},
		{"weights: null direct points", "weights", `{"method":"points","points":[null]}`,
			strictdec.ErrNull, "points[0]", "points[0]: null is not a number"},
		{"weights: null rank", "weights", `{"method":"roc","ranks":[1,null]}`,
			strictdec.ErrNull, "ranks[1]", "ranks[1]: null is not a number"},
		{"weights: null matrix cell", "weights", `{"method":"entropy","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[null],[2]]}`,
			strictdec.ErrNull, "matrix[0][0]", "matrix[0][0]: null is not a number"},
		{"smaa: null samples", "smaa", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1],[2]],"samples":null}`,
			strictdec.ErrNull, "samples", "samples: null is not a number"},
		{"smaa: null seed", "smaa", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1],[2]],"seed":null}`,
			strictdec.ErrNull, "seed", "seed: null is not a number"},
		{"smaa: null matrix cell", "smaa", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1],[null]]}`,
			strictdec.ErrNull, "matrix[1][0]", "matrix[1][0]: null is not a number"},
		{"score: null method", "score", `{"method":null}`, strictdec.ErrNull, "method", "method: null is not a string"},

		// Keys are exact: duplicates and case variants, in every request type.
		{"score: duplicate method", "score", `{"method":"wsm","method":"topsis"}`, strictdec.ErrDuplicateKey, "", `duplicate key "method"`},
		{"score: duplicate criterion key", "score", `{"method":"wsm","criteria":[{"name":"a","name":"b"}]}`, strictdec.ErrDuplicateKey, "criteria[0]", `criteria[0]: duplicate key "name"`},
		{"score: Matrix", "score", `{"method":"wsm","Matrix":[[1]]}`, strictdec.ErrUnknownField, "", `unknown field "Matrix"`},
		{"score: METHOD", "score", `{"METHOD":"wsm"}`, strictdec.ErrUnknownField, "", `unknown field "METHOD"`},
		{"score: Weight", "score", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","Weight":1}]}`, strictdec.ErrUnknownField, "criteria[0]", `criteria[0]: unknown field "Weight"`},
		{"weights: duplicate method", "weights", `{"method":"swing","method":"points","points":[1]}`, strictdec.ErrDuplicateKey, "", `duplicate key "method"`},
		{"weights: duplicate points", "weights", `{"method":"swing","points":[1],"points":[2]}`, strictdec.ErrDuplicateKey, "", `duplicate key "points"`},
		{"weights: METHOD", "weights", `{"METHOD":"swing","points":[1]}`, strictdec.ErrUnknownField, "", `unknown field "METHOD"`},
		{"weights: Points", "weights", `{"method":"swing","Points":[1]}`, strictdec.ErrUnknownField, "", `unknown field "Points"`},
		{"smaa: duplicate seed", "smaa", `{"method":"wsm","seed":1,"seed":2}`, strictdec.ErrDuplicateKey, "", `duplicate key "seed"`},
		{"smaa: duplicate method", "smaa", `{"method":"wsm","method":"topsis"}`, strictdec.ErrDuplicateKey, "", `duplicate key "method"`},
		{"smaa: Matrix", "smaa", `{"method":"wsm","Matrix":[[1]]}`, strictdec.ErrUnknownField, "", `unknown field "Matrix"`},
		{"smaa: Samples", "smaa", `{"method":"wsm","Samples":10}`, strictdec.ErrUnknownField, "", `unknown field "Samples"`},

		// One value, valid text.
		{"score: trailing brackets", "score", scoreOK + `]}`, strictdec.ErrTrailingData, "", "data after the top-level value"},
		{"weights: trailing object", "weights", weightsOK + ` {}`, strictdec.ErrTrailingData, "", "data after the top-level value"},
		{"smaa: trailing brackets", "smaa", smaaOK + `]}`, strictdec.ErrTrailingData, "", "data after the top-level value"},
		{"score: invalid UTF-8 in a name", "score", "{\"method\":\"wsm\",\"criteria\":[{\"name\":\"co\xfft\",\"direction\":\"cost\",\"weight\":1}],\"matrix\":[[1]]}", strictdec.ErrInvalidUTF8, "", "column 40: invalid UTF-8 (byte 0xFF"},
		{"weights: YAML is not a request", "weights", "method: swing\npoints: [1]\n", strictdec.ErrSyntax, "", "invalid JSON"},
		{"smaa: empty", "smaa", "", strictdec.ErrEmpty, "", "empty request"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := decoders[tc.request](tc.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrBadInput)
			assert.ErrorIs(t, err, tc.want)
			var e *strictdec.Error
			require.True(t, errors.As(err, &e), "%T: %v", err, err)
			assert.Equal(t, "JSON", e.Format)
			assert.Equal(t, tc.path, e.Path)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

// TestRequestsAccept: the valid requests above decode, with and without a
// byte order mark.
func TestRequestsAccept(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{"score": scoreOK, "weights": weightsOK, "smaa": smaaOK} {
		assert.NoError(t, decoders[name](in), name)
		assert.NoError(t, decoders[name]("\uFEFF"+in), name+" with BOM")
	}
	req, err := DecodeWeights(strings.NewReader(`{"method":"ahp","pairwise":[[1,null],[null,1]]}`))
	require.NoError(t, err, "null is a missing AHP judgement")
	assert.Zero(t, req.Pairwise[0][1])
}
