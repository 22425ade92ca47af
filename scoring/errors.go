package scoring

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps exactly one of
// them, so callers can test the kind of failure with [errors.Is]. Errors that
// concern a position in the input are returned as [*InputError], which names
// the field, row and column; use [errors.As] to read them.
var (
	// ErrEmpty reports a problem with no alternatives or no criteria, or
	// another empty input where at least one element is required.
	ErrEmpty = errors.New("scoring: empty input")
	// ErrRagged reports a matrix whose rows do not all have the same length.
	ErrRagged = errors.New("scoring: ragged matrix")
	// ErrNotFinite reports a NaN or an infinite value.
	ErrNotFinite = errors.New("scoring: value is not finite")
	// ErrDuplicateName reports two alternatives or two criteria with the
	// same name.
	ErrDuplicateName = errors.New("scoring: duplicate name")
	// ErrUnknownName reports a name or text token that is not known, such as
	// an unknown direction token or an unknown criterion name.
	ErrUnknownName = errors.New("scoring: unknown name")
	// ErrDirection reports a criterion whose direction is neither Benefit
	// nor Cost (for example the zero Direction).
	ErrDirection = errors.New("scoring: invalid criterion direction")
	// ErrWeights reports weights that are negative, not finite, or all zero.
	ErrWeights = errors.New("scoring: invalid weights")
	// ErrLength reports two inputs whose lengths must agree but do not, such
	// as weights and criteria.
	ErrLength = errors.New("scoring: length mismatch")
	// ErrParam reports an invalid method parameter, such as VIKOR's v outside
	// [0, 1] or a PROMETHEE threshold p smaller than q.
	ErrParam = errors.New("scoring: invalid parameter")
	// ErrDomain reports a value that a method or normalisation cannot take,
	// such as a zero or negative value where a ratio is formed.
	ErrDomain = errors.New("scoring: value outside the method's domain")
	// ErrInconsistent reports judgements that are too inconsistent to use,
	// such as an AHP pairwise comparison matrix whose consistency ratio
	// exceeds the accepted threshold, or a matrix that is not reciprocal.
	ErrInconsistent = errors.New("scoring: inconsistent judgements")
	// ErrConstant reports data without the spread a method needs where no
	// defined answer would mean anything.
	ErrConstant = errors.New("scoring: no variation in the data")
)

// InputError describes bad input at a position. It follows the shape of
// [io/fs.PathError]: Err is one of the package's sentinel errors and is
// returned by Unwrap.
type InputError struct {
	// Field names the input: "matrix", "alternatives", "criteria",
	// "weights", "v", "preferences", "normalization", "bounds", "ranking",
	// and for weighting "pairwise", "judgement", "ranks", "points",
	// "priorities", "stakeholders", "stakeholder_weights".
	Field string
	// Row is the row (alternative) index, or -1 where it does not apply.
	Row int
	// Col is the column (criterion) index, or -1 where it does not apply.
	Col int
	// Name is the name of the element at the position, when known
	// (an alternative or criterion name).
	Name string
	// Detail adds a short explanation, such as the offending value.
	Detail string
	// Err is the sentinel error describing the kind of failure.
	Err error
}

// Error returns a message of the form
//
//	scoring: matrix[2][3] ("cost"): value is not finite (NaN)
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("scoring: ")
	b.WriteString(e.Field)
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
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "scoring: "))
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(field string, row, col int, name string, err error, detail string) *InputError {
	return &InputError{Field: field, Row: row, Col: col, Name: name, Err: err, Detail: detail}
}
