package scoringjson

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDecodeScore feeds arbitrary requests through the score, weights and
// smaa paths: each either succeeds with a response that marshals to JSON or
// fails with an error marked as bad input; a request that does not decode
// fails with a *strictdec.Error. A panic fails.
func FuzzDecodeScore(f *testing.F) {
	f.Add(`{"method":"topsis","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":2}],"matrix":[[1,2],[3,4]]}`)
	f.Add(`{"method":"promethee2","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]],"preference":[{"function":"linear","q":0,"p":1}]}`)
	f.Add(`{"method":"vikor","v":0.3,"criteria":[{"name":"a","direction":"cost","weight":1}],"matrix":[[1],[1]]}`)
	f.Add(`{"method":"ahp","pairwise":[[1,3,"1/5"],["1/3",1,2],[5,"1/2",1]]}`)
	f.Add(`{"method":"roc","ranks":[1,2,2,3]}`)
	f.Add(`{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1],[2]],"samples":50,"seed":1}`)
	f.Add(`{`)
	f.Add(`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":null}],"matrix":[[1,null]]}`)
	f.Add(`{"method":"wsm","METHOD":"topsis","method":"vikor","Matrix":[]}`)
	f.Add(`{"method":"swing","points":[100,null]}]}`)
	f.Add("\uFEFF{\"method\":\"roc\",\"ranks\":[1,2]}")
	f.Add("{\"method\":\"roc\",\"ranks\":[1,2],\"x\xff\":1}")
	f.Fuzz(func(t *testing.T, in string) {
		decodeErr := func(err error) {
			var e *strictdec.Error
			if err != nil && !errors.As(err, &e) && !strings.HasPrefix(err.Error(), "request larger") {
				t.Fatalf("decoding error is not a *strictdec.Error: %v", err)
			}
		}
		check := func(res any, err error) {
			if err != nil {
				if !errors.Is(err, ErrBadInput) {
					t.Fatalf("error not marked as bad input: %v", err)
				}
				return
			}
			if _, err := json.Marshal(res); err != nil {
				t.Fatalf("response does not marshal: %v", err)
			}
		}
		if req, err := DecodeScore(strings.NewReader(in)); err == nil {
			check(req.Score())
		} else {
			decodeErr(err)
			check(nil, err)
		}
		if req, err := DecodeWeights(strings.NewReader(in)); err == nil {
			check(req.Weigh())
		} else {
			decodeErr(err)
			check(nil, err)
		}
		if req, err := DecodeSMAA(strings.NewReader(in)); err == nil && req.Samples <= 200 {
			check(req.Run(context.Background()))
		} else {
			decodeErr(err)
		}
	})
}

func TestDecodeStrict(t *testing.T) {
	t.Parallel()
	for _, in := range []string{``, `{`, `[]`, `{"method":"wsm"} x`, `{"method":1}`, `{"nope":true}`} {
		_, err := DecodeScore(strings.NewReader(in))
		require.Error(t, err, in)
		assert.ErrorIs(t, err, ErrBadInput, in)
	}
	assert.NoError(t, BadInput(nil))
	err := BadInput(errors.New("x"))
	assert.Equal(t, "x", err.Error())
	assert.Same(t, err, BadInput(err), "marking twice is a no-op")
}
