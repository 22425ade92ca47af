package invalid_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/socialseat/socialseat/invalid"
)

func TestFieldErrorMessage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err  *invalid.FieldError
		want string
	}{
		{invalid.At("name", "", invalid.ErrMissing), "name: missing value"},
		{invalid.At("agency", "maybe", invalid.ErrUnknownName), `agency: "maybe": unknown name`},
		{&invalid.FieldError{Path: "regulation", Row: -1, Col: -1, Err: invalid.ErrRange, Detail: "7 is outside 1–5"},
			"regulation: value out of range (7 is outside 1–5)"},
		{invalid.AtCell("matrix", 1, 0, "A2/cost", invalid.ErrNotFinite, "NaN"), `matrix[1][0] ("A2/cost"): value is not finite (NaN)`},
		{invalid.AtCell("weights", -1, 2, "", invalid.ErrWeights, "negative weight -1"), "weights[2]: invalid weights (negative weight -1)"},
		// A package's own sentinel loses its package name: the path says where.
		{invalid.At("current.role", "executing", errors.New("placement: incoherent structure")), `current.role: "executing": incoherent structure`},
		{&invalid.FieldError{Path: "x", Row: -1, Col: -1}, "x: invalid value"},
	} {
		assert.Equal(t, tc.want, tc.err.Error())
		assert.Equal(t, tc.err.Err, errors.Unwrap(tc.err))
	}
}

func TestKinds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err, is error
		want    bool
	}{
		{invalid.ErrUnknownTouchpoint, invalid.ErrUnknownName, true},
		{invalid.ErrUnknownDepartment, invalid.ErrUnknownName, true},
		{invalid.ErrNotFinite, invalid.ErrRange, true},
		{invalid.ErrUnknownName, invalid.ErrUnknownTouchpoint, false},
		{invalid.ErrRange, invalid.ErrNotFinite, false},
		{invalid.ErrUnknownTouchpoint, invalid.ErrUnknownDepartment, false},
		{invalid.ErrMissing, invalid.ErrRange, false},
		{fmt.Errorf("wrapped: %w", invalid.At("p", "", invalid.ErrNotFinite)), invalid.ErrRange, true},
	} {
		assert.Equal(t, tc.want, errors.Is(tc.err, tc.is), "errors.Is(%v, %v)", tc.err, tc.is)
	}
}

func TestJoin(t *testing.T) {
	t.Parallel()
	assert.NoError(t, invalid.Join(nil))
	one := invalid.At("a", "", invalid.ErrMissing)
	assert.Same(t, one, invalid.Join([]error{one}))
	two := invalid.Join([]error{one, invalid.At("b", "", invalid.ErrRange)})
	assert.Equal(t, "a: missing value\nb: value out of range", two.Error())
	assert.ErrorIs(t, two, invalid.ErrRange)
}

// One kind of failure, whichever package reports it: a caller tests the
// kind with errors.Is and reads where with errors.As.
func Example() {
	err := fmt.Errorf("reading the profile: %w", invalid.Join([]error{
		invalid.At("touchpoints.tiktok", "", invalid.ErrUnknownTouchpoint),
		invalid.At("social_staff", "NaN", invalid.ErrNotFinite),
	}))
	fmt.Println(errors.Is(err, invalid.ErrUnknownName), errors.Is(err, invalid.ErrRange))
	var fe *invalid.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Path)
	}
	fmt.Println(err)
	// Output:
	// true true
	// touchpoints.tiktok
	// reading the profile: touchpoints.tiktok: unknown touchpoint
	// social_staff: "NaN": value is not finite
}
