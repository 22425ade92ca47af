package strictdec

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type reqDoc struct {
	Name  string    `json:"name"`
	Note  string    `json:"note,omitempty"`
	Items []reqItem `json:"items"`
	Map   map[string]reqItem
	Own   nullable `json:"own"` // decodes null itself
	reqInline
}

type reqItem struct {
	ID    string   `json:"id"`
	Level *float64 `json:"level,omitzero"`
	List  []int    `json:"list"`
}

type reqInline struct {
	Extra int `json:"extra"`
}

// RequireFields makes every member required, at every depth, unless
// tagged omitempty or omitzero; null for one is ErrNull, not absence.
func TestRequireFields(t *testing.T) {
	good := `{"name":"a","items":[{"id":"x","list":[]}],"Map":{"k":{"id":"y","list":[1],"level":2}},"own":null,"extra":1}`
	var d reqDoc
	require.NoError(t, DecodeJSON([]byte(good), &d, RequireFields))
	assert.Equal(t, "y", d.Map["k"].ID)
	for _, tc := range []struct {
		name, in, path string
		line, col      int
		want           error
	}{
		{"top-level", `{"items":[],"Map":{},"own":1,"extra":1}`, "name", 1, 1, ErrMissing},
		{"in a list", `{"name":"a","items":[{"id":"x"}],"Map":{},"own":1,"extra":1}`, "items[0].list", 1, 22, ErrMissing},
		{"in a map", "{\"name\":\"a\",\"items\":[],\n \"Map\":{\"k\":{\"list\":[]}},\"own\":1,\"extra\":1}", "Map.k.id", 2, 13, ErrMissing},
		{"inlined", `{"name":"a","items":[],"Map":{},"own":1}`, "extra", 1, 1, ErrMissing},
		{"null list", `{"name":"a","items":null,"Map":{},"own":1,"extra":1}`, "items", 1, 21, ErrNull},
		{"null object", `{"name":"a","items":[],"Map":null,"own":1,"extra":1}`, "Map", 1, 30, ErrNull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got reqDoc
			err := DecodeJSON([]byte(tc.in), &got, RequireFields)
			require.ErrorIs(t, err, tc.want)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tc.path, e.Path)
			assert.Equal(t, tc.line, e.Line, "line")
			assert.Equal(t, tc.col, e.Column, "column")
			assert.Equal(t, reqDoc{}, got, "a failed decode leaves the target alone")
			assert.NoError(t, DecodeJSON([]byte(tc.in), &got), "without the option")
		})
	}
	// Nor may the document be null, as it may without the option.
	err0 := DecodeJSON([]byte(" null"), &d, RequireFields)
	require.ErrorIs(t, err0, ErrNull)
	require.NoError(t, DecodeJSON([]byte("null"), &d))
	// An optional member may be absent.
	require.NoError(t, DecodeJSON([]byte(`{"name":"a","items":[{"id":"x","list":[]}],"Map":{},"own":1,"extra":1}`), &d, RequireFields))
	// YAML follows the same rule and names the line.
	err := DecodeYAML([]byte("name: a\nitems:\n  - id: x\nMap: {}\nown: 1\nextra: 1\n"), &d, RequireFields)
	require.ErrorIs(t, err, ErrMissing)
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "items[0].list", e.Path)
	assert.Equal(t, 3, e.Line)
}

// selfChecking decodes itself with this package, as placement's types do.
type selfChecking struct{ inner reqItem }

func (s *selfChecking) UnmarshalJSON(b []byte) error {
	return DecodeJSON(b, &s.inner, RequireFields)
}

// An error inside a type that decodes itself names the full path and the
// position in the whole document; unknown and duplicate keys name the key.
func TestNestedErrorsAndKeys(t *testing.T) {
	for _, tc := range []struct {
		name, in, path, key string
		line, col           int
		want                error
	}{
		{"same line", `{"x": [{"id":"a","list":[]}, {"id":"b","list":[1,null]}]}`, "x[1].list[1]", "", 1, 50, ErrNull},
		{"next line", "{\"x\": [\n  {\"id\":\"a\",\n   \"list\":[], \"id\":\"c\"}]}", "x[0]", "id", 3, 15, ErrDuplicateKey},
		{"unknown", `{"x": [{"id":"a","list":[],"lvl":1}]}`, "x[0]", "lvl", 1, 28, ErrUnknownField},
		{"missing", `{"x": [{"list":[]}]}`, "x[0].id", "", 1, 8, ErrMissing},
		{"range", `{"x": [{"id":"a","list":[],"level":1e999}]}`, "x[0].level", "", 1, 36, ErrRange},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v struct {
				X []selfChecking `json:"x"`
			}
			err := DecodeJSON([]byte(tc.in), &v, RequireFields)
			require.ErrorIs(t, err, tc.want)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tc.path, e.Path)
			assert.Equal(t, tc.key, e.Key)
			assert.Equal(t, []int{tc.line, tc.col}, []int{e.Line, e.Column}, "%v", err)
		})
	}
}
