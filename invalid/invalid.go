// Package invalid is the vocabulary of bad input shared by the touchpoint,
// placement and scoring packages: one set of sentinel errors, so that
// [errors.Is] gives the same answer whichever package found the problem,
// and one error type, [FieldError], that says where in the input the
// problem is.
//
// Each of those packages re-exports the sentinels it returns under its own
// name (placement.ErrRange is ErrRange, scoring.ErrNotFinite is
// ErrNotFinite) and [FieldError] as an alias (placement.FieldError,
// touchpoint.FieldError, scoring.InputError, chart.DataError), so code written against one
// package keeps working and a test written against another matches too:
//
//	errors.Is(err, placement.ErrUnknownName) // true for an unknown token found by touchpoint
//	var fe *placement.FieldError
//	errors.As(err, &fe) // also finds a *scoring.InputError: it is the same type
//
// Some kinds refine others: an unknown touchpoint or department is an
// unknown name, and a value that is not finite is out of range, so a caller
// that only asks the broader question still gets a true answer.
//
// The package has no dependencies inside the module; it exists so that
// scoring, touchpoint and placement can share it without importing each
// other.
package invalid

import (
	"errors"
	"fmt"
	"strings"
)

// kind is a sentinel that refines a broader one: errors.Is matches both.
type kind struct {
	msg    string
	parent error
}

func (k *kind) Error() string { return k.msg }
func (k *kind) Unwrap() error { return k.parent }

// The sentinels. Messages carry no package name: the [FieldError] around
// them says where the problem is.
var (
	// ErrUnknownName reports a name or text token that is not known: an
	// enumeration token, a method, a criterion, a touchpoint, a department.
	ErrUnknownName = errors.New("unknown name")
	// ErrUnknownTouchpoint reports a touchpoint ID that is not in the
	// catalogue. It is also an [ErrUnknownName].
	ErrUnknownTouchpoint error = &kind{"unknown touchpoint", ErrUnknownName}
	// ErrUnknownDepartment reports a department that is neither standard
	// nor declared in the catalogue. It is also an [ErrUnknownName].
	ErrUnknownDepartment error = &kind{"unknown department", ErrUnknownName}
	// ErrMissing reports a required value that is absent or empty.
	ErrMissing = errors.New("missing value")
	// ErrRange reports a number outside its documented range.
	ErrRange = errors.New("value out of range")
	// ErrNotFinite reports a NaN or an infinite number. It is also an
	// [ErrRange].
	ErrNotFinite error = &kind{"value is not finite", ErrRange}
	// ErrSyntax reports input that cannot be decoded: malformed JSON or
	// YAML, an unknown field, a value of the wrong type, an identifier that
	// is not kebab-case.
	ErrSyntax = errors.New("syntax error")
	// ErrDuplicate reports a name, key or entry that is already present.
	ErrDuplicate = errors.New("duplicate")
	// ErrWeights reports weights that are negative, not finite, or all
	// zero.
	ErrWeights = errors.New("invalid weights")
)

// FieldError says where in an input a value is wrong and what kind of
// wrong. Err is one of the sentinels (of this package or of the package
// that returned the error) and is returned by Unwrap, so errors.Is sees
// through a FieldError.
//
// Create one with [At] or [AtCell]: Row and Col are -1 when they do not
// apply, and a literal that leaves them 0 names row 0 and column 0.
type FieldError struct {
	// Path is where, in the input's own names: a key path in a file such
	// as "touchpoints.crisis-response" or "current.role", or the name of a
	// function's input such as "matrix" or "weights".
	Path string
	// Row and Col index into Path when it names a table or a list (for a
	// list, Col is the element's index and Row is -1); -1 when they do not
	// apply.
	Row, Col int
	// Name is the name of the element at Row and Col, when known (an
	// alternative or criterion name).
	Name string
	// Value is the offending value as text; "" when the value is empty or
	// Detail already shows it.
	Value string
	// Detail is a short explanation, such as the valid range or the valid
	// names.
	Detail string
	// Err is the kind of failure: a sentinel error.
	Err error
}

// At returns a [*FieldError] at path, without row or column.
func At(path, value string, err error) *FieldError {
	return &FieldError{Path: path, Row: -1, Col: -1, Value: value, Err: err}
}

// AtCell returns a [*FieldError] at row and column of path (either may be
// -1), for the element called name.
func AtCell(path string, row, col int, name string, err error, detail string) *FieldError {
	return &FieldError{Path: path, Row: row, Col: col, Name: name, Err: err, Detail: detail}
}

// Error returns a message of the form
//
//	path[row][col] ("name"): "value": kind of failure (detail)
//
// where each of the indexes, the name, the value and the detail appears
// only when set, for example
//
//	regulation: value out of range (7 is outside 1–5)
//	matrix[1][0] ("Agency/cost"): value is not finite (NaN)
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Row >= 0 {
		fmt.Fprintf(&b, "[%d]", e.Row)
	}
	if e.Col >= 0 {
		fmt.Fprintf(&b, "[%d]", e.Col)
	}
	if e.Name != "" {
		fmt.Fprintf(&b, " (%q)", e.Name)
	}
	b.WriteString(": ")
	if e.Value != "" {
		fmt.Fprintf(&b, "%q: ", e.Value)
	}
	if e.Err != nil {
		b.WriteString(trimPackage(e.Err.Error()))
	} else {
		b.WriteString("invalid value")
	}
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns Err.
func (e *FieldError) Unwrap() error { return e.Err }

// trimPackage drops the package name that a package's own sentinels start
// with ("scoring: ragged matrix"): the path already says where.
func trimPackage(msg string) string {
	for _, pkg := range []string{"scoring: ", "placement: ", "touchpoint: ", "chart: ", "report: "} {
		if rest, ok := strings.CutPrefix(msg, pkg); ok {
			return rest
		}
	}
	return msg
}

// Join returns nil for no errors, the error itself for one, and
// [errors.Join] of them otherwise; its message has one error per line.
func Join(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
