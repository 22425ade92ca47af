package textenum

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/invalid"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tokens := range [][]string{
		{"", "a", "b"},        // zero value unset, as placement.OperatingModel
		{"default", "a", "b"}, // zero value meaningful, as scoring.Normalization
	} {
		for v, tok := range tokens {
			if tok == "" {
				continue
			}
			b, err := Marshal("x", tokens, v)
			require.NoError(t, err)
			got, err := Parse("x", tokens, string(b))
			require.NoError(t, err)
			assert.Equal(t, v, got)
			assert.Equal(t, tok, String("X", tokens, v))
		}
		for _, v := range []int{-1, len(tokens)} {
			assert.Equal(t, fmt.Sprintf("X(%d)", v), String("X", tokens, v))
			_, err := Marshal("x", tokens, v)
			assert.ErrorIs(t, err, invalid.ErrUnknownName)
		}
	}
	_, err := Marshal("x", []string{"", "a"}, 0)
	assert.ErrorIs(t, err, invalid.ErrUnknownName)
	assert.Equal(t, "X(0)", String("X", []string{"", "a"}, 0))
	assert.Equal(t, "X(7)", String("X", []string{"", "a"}, 7))
	for _, s := range []string{"c", "", "A"} {
		_, err = Parse("x", []string{"", "a", "b"}, s)
		assert.ErrorIs(t, err, invalid.ErrUnknownName, s)
	}
	assert.EqualError(t, err, `unknown name: x "A" (want one of "a", "b")`)
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th", 112: "112th", 0: "0th"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}
