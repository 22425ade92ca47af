package textenum

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	errUnknown := errors.New("unknown")
	names := []string{"", "a", "b"}
	for v := 1; v < len(names); v++ {
		b, err := Marshal("x", names, v, errUnknown)
		assert.NoError(t, err)
		got, err := Parse("x", names, string(b), errUnknown)
		assert.NoError(t, err)
		assert.Equal(t, v, got)
		assert.Equal(t, names[v], String("X", names, v))
	}
	_, err := Marshal("x", names, 0, errUnknown)
	assert.ErrorIs(t, err, errUnknown)
	_, err = Parse("x", names, "c", errUnknown)
	assert.ErrorIs(t, err, errUnknown)
	assert.Equal(t, "X(7)", String("X", names, 7))
}
