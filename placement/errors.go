package placement

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/invalid"
	"github.com/socialseat/socialseat/touchpoint"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (or a [touchpoint] sentinel for catalogue problems), so callers can test
// the kind of failure with [errors.Is]; an error about a field arrives as a
// [*FieldError] that says where.
//
// ErrUnknownName, ErrMissing, ErrRange, ErrNotFinite, ErrUnknownTouchpoint,
// ErrUnknownDepartment, ErrWeights and ErrSyntax are the shared sentinels of
// package [invalid]: the same values as the touchpoint and scoring
// sentinels of the same kind, so errors.Is(err, placement.ErrUnknownName)
// holds for an unknown token that touchpoint or scoring found.
var (
	// ErrUnknownName reports a token that is not one of an enumeration's
	// values (an operating model, a criterion, an agency stance).
	ErrUnknownName = invalid.ErrUnknownName
	// ErrMissing reports a required field that is empty.
	ErrMissing = invalid.ErrMissing
	// ErrRange reports a number outside its documented range, or one that
	// is not finite.
	ErrRange = invalid.ErrRange
	// ErrNotFinite reports a NaN or an infinite number. It is also an
	// [ErrRange].
	ErrNotFinite = invalid.ErrNotFinite
	// ErrUnknownTouchpoint reports a profile that refers to a touchpoint not
	// in the catalogue. It is also an [ErrUnknownName].
	ErrUnknownTouchpoint = invalid.ErrUnknownTouchpoint
	// ErrUnknownDepartment reports a structure whose home is neither "none"
	// nor a department known to the catalogue. It is also an
	// [ErrUnknownName].
	ErrUnknownDepartment = invalid.ErrUnknownDepartment
	// ErrIncoherent reports a structure whose parts do not fit together
	// (an organic model with a central team, a dandelion whose centre
	// executes); see [Structure.Validate].
	ErrIncoherent = errors.New("placement: incoherent structure")
	// ErrWeights reports criterion weights that are negative, not finite or
	// all zero.
	ErrWeights = invalid.ErrWeights
	// ErrModel reports an invalid model: a missing, duplicate, unknown or
	// non-finite coefficient, or one without rationale or source.
	ErrModel = errors.New("placement: invalid model")
	// ErrSyntax reports a file that cannot be decoded: bad YAML or JSON, an
	// unknown field, more than one document.
	ErrSyntax = invalid.ErrSyntax
	// ErrNoCandidates reports that no candidate structure is admissible for
	// a profile (for example a custom candidate list that the profile's
	// agency stance rules out entirely).
	ErrNoCandidates = errors.New("placement: no admissible candidate structure")
)

// FieldError says which field of a profile, structure or model is wrong.
// It is [invalid.FieldError], the error type shared with the touchpoint and
// scoring packages. Path uses the snake_case names of the file format, for
// example "touchpoints.crisis-response" or "current.role"; Value is the
// offending value as text ("" when empty or shown by Detail); Detail
// explains, for example with the valid range; Err is one of the sentinel
// errors above and is returned by Unwrap.
type FieldError = invalid.FieldError

func fieldErr(path, value string, err error) *FieldError {
	return invalid.At(path, value, err)
}

// explained returns a [*FieldError] whose Detail tells the reader what
// would be valid, such as the range or the valid names.
func explained(path string, err error, format string, args ...any) *FieldError {
	fe := invalid.At(path, "", err)
	fe.Detail = fmt.Sprintf(format, args...)
	return fe
}

// tokenList lists an enumeration's tokens for a message: "a, b or c".
func tokenList(tokens []string) string {
	return orList(slices.DeleteFunc(slices.Clone(tokens), func(t string) bool { return t == "" }))
}

// idList lists touchpoint IDs for a message.
func idList(ids []touchpoint.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return orList(s)
}

func orList(s []string) string { return joinList(s, "or") }

// joinList joins s for a message: "a, b and c".
func joinList(s []string, conj string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + conj + " " + s[len(s)-1]
}

func joinErrs(errs []error) error { return invalid.Join(errs) }
