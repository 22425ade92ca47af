package touchpoint

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps one of them,
// so callers can test the kind of failure with [errors.Is]; errors about a
// particular field or entry arrive as a [*FieldError] that says where.
var (
	// ErrUnknownName reports a token that is not one of an enumeration's
	// values (an audience, a speed).
	ErrUnknownName = errors.New("touchpoint: unknown name")
	// ErrUnknownTouchpoint reports a reference to a touchpoint ID that is not
	// in the catalogue.
	ErrUnknownTouchpoint = errors.New("touchpoint: unknown touchpoint")
	// ErrUnknownDepartment reports a reference to a department that is
	// neither standard nor declared in the catalogue.
	ErrUnknownDepartment = errors.New("touchpoint: unknown department")
	// ErrDuplicate reports a touchpoint or department that is already present.
	ErrDuplicate = errors.New("touchpoint: duplicate")
	// ErrMissing reports a required field that is empty.
	ErrMissing = errors.New("touchpoint: missing value")
	// ErrRange reports a number outside its documented range.
	ErrRange = errors.New("touchpoint: value out of range")
	// ErrSyntax reports an identifier that is not kebab-case, or a file that
	// cannot be decoded (bad YAML or JSON, an unknown field).
	ErrSyntax = errors.New("touchpoint: syntax error")
	// ErrInUse reports a department that cannot be removed because a
	// touchpoint still refers to it.
	ErrInUse = errors.New("touchpoint: still referenced")
)

// FieldError says which field of which entry is wrong. Path uses the names
// of the file format, for example "touchpoints[3].owner" or
// "touchpoints[crisis-response].risk". Err is one of the sentinel errors
// above and is returned by Unwrap.
type FieldError struct {
	Path  string // where, in file-format names
	Value string // the offending value as text, "" when empty
	Err   error  // one of the Err* sentinels
}

// Error implements error.
func (e *FieldError) Error() string {
	msg := e.Err.Error()
	if e.Value != "" {
		return fmt.Sprintf("%s: %q: %s", e.Path, e.Value, msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, msg)
}

// Unwrap returns the sentinel error.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path, value string, err error) error {
	return &FieldError{Path: path, Value: value, Err: err}
}
