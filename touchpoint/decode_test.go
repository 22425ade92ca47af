package touchpoint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/touchpoint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const oneTouchpoint = "touchpoints:\n  - id: help\n    name: Help desk\n    owner: customer-service\n    audience: external\n    speed: realtime\n    risk: 3\n    volume: 5\n    expertise: 3\n"

// TestReadCatalogDecodingRules: catalogues follow the decoding rules of
// every other document (issue 12).
func TestReadCatalogDecodingRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, doc string
		want      error
		path, msg string
	}{
		{"null level", strings.Replace(oneTouchpoint, "risk: 3", "risk: ~", 1),
			strictdec.ErrNull, "touchpoints[0].risk", "YAML line 7: touchpoints[0].risk: null is not a number"},
		{"JSON null level", `{"touchpoints":[{"id":"help","name":"Help","owner":"pr","audience":"external","speed":"realtime","risk":3,"volume":null,"expertise":3}]}`,
			strictdec.ErrNull, "touchpoints[0].volume", "touchpoints[0].volume: null is not a number"},
		{"null enumeration", strings.Replace(oneTouchpoint, "speed: realtime", "speed: null", 1),
			strictdec.ErrNull, "touchpoints[0].speed", "touchpoints[0].speed: null is not a string"},
		{"duplicate key", strings.Replace(oneTouchpoint, "risk: 3", "risk: 3\n    risk: 1", 1),
			strictdec.ErrDuplicateKey, "touchpoints[0]", `YAML line 8: touchpoints[0]: duplicate key "risk" (first on line 7)`},
		{"case variant", strings.Replace(oneTouchpoint, "risk: 3", "Risk: 3", 1),
			strictdec.ErrUnknownField, "touchpoints[0]", `YAML line 7: touchpoints[0]: unknown field "Risk"`},
		{"trailing data", `{"touchpoints":[]}]}`, strictdec.ErrTrailingData, "", "data after the top-level value"},
		{"binary tag", strings.Replace(oneTouchpoint, "name: Help desk", "name: !!binary SGVscA==", 1),
			strictdec.ErrTag, "touchpoints[0].name", "YAML line 3: touchpoints[0].name: tag !!binary is not allowed"},
		{"custom tag", "touchpoints: !list []\n", strictdec.ErrTag, "touchpoints", "tag !list is not allowed"},
		{"alias", "departments: [&d drug-safety]\ntouchpoints: []\nextra: *d\n", strictdec.ErrAlias, "departments[0]", "anchor &d"},
		{"invalid UTF-8 in a name", strings.Replace(oneTouchpoint, "Help desk", "Help d\xe9sk", 1),
			strictdec.ErrInvalidUTF8, "", "YAML line 3, column 17: invalid UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := touchpoint.ReadCatalog(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, touchpoint.ErrSyntax)
			assert.ErrorIs(t, err, tc.want)
			var e *strictdec.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.path, e.Path)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

func TestReadCatalogBOM(t *testing.T) {
	t.Parallel()
	want, err := touchpoint.ReadCatalog(strings.NewReader(oneTouchpoint))
	require.NoError(t, err)
	got, err := touchpoint.ReadCatalog(strings.NewReader("\uFEFF" + oneTouchpoint))
	require.NoError(t, err)
	assert.Equal(t, want.All(), got.All())
}
