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
