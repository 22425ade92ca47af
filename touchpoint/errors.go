package touchpoint

import (
	"errors"

	"github.com/socialseat/socialseat/invalid"
)

// Sentinel errors. Every error returned by this package wraps one of them,
// so callers can test the kind of failure with [errors.Is]; errors about a
// particular field or entry arrive as a [*FieldError] that says where.
//
// All but ErrInUse are the shared sentinels of package [invalid]: the same
// values as the placement and scoring sentinels of the same kind, so that
// errors.Is(err, placement.ErrUnknownTouchpoint) holds for a touchpoint
// error too.
var (
	// ErrUnknownName reports a token that is not one of an enumeration's
	// values (an audience, a speed).
	ErrUnknownName = invalid.ErrUnknownName
	// ErrUnknownTouchpoint reports a reference to a touchpoint ID that is not
	// in the catalogue. It is also an [ErrUnknownName].
	ErrUnknownTouchpoint = invalid.ErrUnknownTouchpoint
	// ErrUnknownDepartment reports a reference to a department that is
	// neither standard nor declared in the catalogue. It is also an
	// [ErrUnknownName].
	ErrUnknownDepartment = invalid.ErrUnknownDepartment
	// ErrDuplicate reports a touchpoint or department that is already present.
	ErrDuplicate = invalid.ErrDuplicate
	// ErrMissing reports a required field that is empty.
	ErrMissing = invalid.ErrMissing
	// ErrRange reports a number outside its documented range.
	ErrRange = invalid.ErrRange
	// ErrSyntax reports an identifier that is not kebab-case, or a file that
	// cannot be decoded (bad YAML or JSON, an unknown field).
	ErrSyntax = invalid.ErrSyntax
	// ErrInUse reports a department that cannot be removed because a
	// touchpoint still refers to it.
	ErrInUse = errors.New("touchpoint: still referenced")
)

// FieldError says which field of which entry is wrong. It is
// [invalid.FieldError], the error type shared with the placement and
// scoring packages. Path uses the names of the file format, for example
// "touchpoints[3].owner" or "touchpoints[crisis-response].risk"; Value is
// the offending value as text ("" when empty); Err is one of the sentinel
// errors above and is returned by Unwrap.
type FieldError = invalid.FieldError

func fieldErr(path, value string, err error) error {
	return invalid.At(path, value, err)
}
