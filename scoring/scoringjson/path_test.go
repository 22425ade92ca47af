package scoringjson

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/invalid"
)

func TestErrorPath(t *testing.T) {
	t.Parallel()
	score := func(in string) error {
		req, err := DecodeScore(strings.NewReader(in))
		if err != nil {
			return err
		}
		_, err = req.Score()
		return err
	}
	for in, want := range map[string]string{
		`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":null}],"matrix":[[1]]}`:    "criteria[0].weight",
		`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[1,2]]}`: "matrix[1]",
		`{"method":"wsm","Criteria":[]}`: "",
	} {
		err := score(in)
		require.Error(t, err, in)
		assert.Equal(t, want, ErrorPath(err), "%s: %v", in, err)
	}
	assert.Equal(t, "touchpoints.tiktok", ErrorPath(invalid.At("touchpoints.tiktok", "", invalid.ErrUnknownTouchpoint)))
	assert.Equal(t, "", ErrorPath(invalid.AtCell("weights", -1, 2, "", invalid.ErrWeights, "")), "weights[2] is not a key of the request")
	assert.Equal(t, "", ErrorPath(nil))
}
