package strictdec

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type doc struct {
	Name  string         `json:"name" yaml:"name"`
	Tags  []string       `json:"tags" yaml:"tags"`
	Inner map[string]int `json:"inner" yaml:"inner"`
}

func TestDecode(t *testing.T) {
	t.Parallel()
	var d doc
	require.NoError(t, Decode([]byte(`{"name":"a","tags":["x","x"],"inner":{"k":1,"j":2}}`), &d))
	assert.Equal(t, doc{Name: "a", Tags: []string{"x", "x"}, Inner: map[string]int{"k": 1, "j": 2}}, d)
	require.NoError(t, Decode([]byte("name: b\ninner: {k: 1}\n"), &d))
	assert.Equal(t, "b", d.Name)

	var se *Error
	for _, bad := range []string{
		`{"name":"a","name":"b"}`,                       // duplicate key
		`{"name":"a","inner":{"k":1,"k":2}}`,            // duplicate key, nested
		`{"name":"a","colour":"blue"}`,                  // unknown field
		`{"name":"a"} {}`,                               // trailing data
		`{"name":`,                                      // truncated
		"name: a\nname: b\n",                            // YAML duplicate key
		"name: a\ncolour: blue\n",                       // YAML unknown field
		"name: a\n---\nname: b\n",                       // two documents
		`{"tags":[{"name":"x"}],"name":"a","name":"c"}`, // duplicate after an array
	} {
		err := Decode([]byte(bad), &doc{})
		require.Error(t, err, bad)
		assert.True(t, errors.As(err, &se), "%q: %v", bad, err)
	}
	assert.ErrorIs(t, Decode([]byte("  \n"), &doc{}), ErrEmpty)
}
