package scoring

import (
	"errors"

	"github.com/socialseat/socialseat/invalid"
)

// Sentinel errors. Every error returned by this package wraps exactly one of
// them, so callers can test the kind of failure with [errors.Is]. Errors that
// concern a position in the input are returned as [*InputError], which names
// the field, row and column; use [errors.As] to read them.
//
// ErrNotFinite, ErrDuplicateName, ErrUnknownName and ErrWeights are the
// shared sentinels of package [invalid], the same values as the touchpoint
// and placement sentinels of the same kind, so errors.Is answers alike
// whichever package found the problem.
var (
	// ErrEmpty reports a problem with no alternatives or no criteria, or
	// another empty input where at least one element is required.
	ErrEmpty = errors.New("scoring: empty input")
	// ErrRagged reports a matrix whose rows do not all have the same length.
	ErrRagged = errors.New("scoring: ragged matrix")
	// ErrNotFinite reports a NaN or an infinite value.
	// It is also an [invalid.ErrRange].
	ErrNotFinite = invalid.ErrNotFinite
	// ErrDuplicateName reports two alternatives or two criteria with the
	// same name.
	ErrDuplicateName = invalid.ErrDuplicate
	// ErrUnknownName reports a name or text token that is not known, such as
	// an unknown direction token or an unknown criterion name.
	ErrUnknownName = invalid.ErrUnknownName
	// ErrDirection reports a criterion whose direction is neither Benefit
	// nor Cost (for example the zero Direction).
	ErrDirection = errors.New("scoring: invalid criterion direction")
	// ErrWeights reports weights that are negative, not finite, or all zero.
	ErrWeights = invalid.ErrWeights
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

// InputError describes bad input at a position. It is [invalid.FieldError],
// the error type shared with the touchpoint and placement packages (where it
// is called FieldError): Path names the input, Row and Col the position in
// it (-1 where they do not apply), Name the alternative or criterion there,
// Detail the offending value or a short explanation, and Err, returned by
// Unwrap, is one of the package's sentinel errors. Path is one of "matrix",
// "alternatives", "criteria", "weights", "v", "preferences",
// "normalization", "bounds", "ranking", and for weighting "pairwise",
// "judgement", "ranks", "points", "priorities", "stakeholders",
// "stakeholder_weights". Its message has the form
//
//	matrix[2][3] ("cost"): value is not finite (NaN)
type InputError = invalid.FieldError

func inputErr(field string, row, col int, name string, err error, detail string) *InputError {
	return invalid.AtCell(field, row, col, name, err, detail)
}
