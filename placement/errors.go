package placement

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (or a [touchpoint] sentinel for catalogue problems), so callers can test
// the kind of failure with [errors.Is]; an error about a field arrives as a
// [*FieldError] that says where.
var (
	// ErrUnknownName reports a token that is not one of an enumeration's
	// values (an operating model, a criterion, an agency stance).
	ErrUnknownName = errors.New("placement: unknown name")
	// ErrMissing reports a required field that is empty.
	ErrMissing = errors.New("placement: missing value")
	// ErrRange reports a number outside its documented range, or one that
	// is not finite.
	ErrRange = errors.New("placement: value out of range")
	// ErrUnknownTouchpoint reports a profile that refers to a touchpoint not
	// in the catalogue.
	ErrUnknownTouchpoint = errors.New("placement: unknown touchpoint")
	// ErrUnknownDepartment reports a structure whose home is neither "none"
	// nor a department known to the catalogue.
	ErrUnknownDepartment = errors.New("placement: unknown department")
	// ErrIncoherent reports a structure whose parts do not fit together
	// (an organic model with a central team, a dandelion whose centre
	// executes); see [Structure.Validate].
	ErrIncoherent = errors.New("placement: incoherent structure")
	// ErrWeights reports criterion weights that are negative, not finite or
	// all zero.
	ErrWeights = errors.New("placement: invalid weights")
	// ErrModel reports an invalid model: a missing, duplicate, unknown or
	// non-finite coefficient, or one without rationale or source.
	ErrModel = errors.New("placement: invalid model")
	// ErrSyntax reports a file that cannot be decoded: bad YAML or JSON, an
	// unknown field, more than one document.
	ErrSyntax = errors.New("placement: syntax error")
	// ErrNoCandidates reports that no candidate structure is admissible for
	// a profile (for example a custom candidate list that the profile's
	// agency stance rules out entirely).
	ErrNoCandidates = errors.New("placement: no admissible candidate structure")
)

// FieldError says which field of a profile, structure or model is wrong.
// Path uses the snake_case names of the file format, for example
// "touchpoints.crisis-response" or "current.role". Err is one of the
// sentinel errors above and is returned by Unwrap.
type FieldError struct {
	Path  string // where, in file-format names
	Value string // the offending value as text, "" when empty
	Err   error  // one of the Err* sentinels
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Value != "" {
		return fmt.Sprintf("%s: %q: %v", e.Path, e.Value, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the sentinel error.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path, value string, err error) *FieldError {
	return &FieldError{Path: path, Value: value, Err: err}
}

func joinErrs(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
