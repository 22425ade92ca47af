package chart

import (
	"errors"
	"fmt"

	"github.com/socialseat/socialseat/invalid"
)

// Sentinel errors. Every error returned by this package wraps exactly one of
// them; test the kind of failure with [errors.Is]. Errors about a position in
// the input data are [*DataError] values; read them with [errors.As].
var (
	// ErrEmpty reports missing data: a nil result, no alternatives, no
	// criteria, or a result without contributions.
	ErrEmpty = errors.New("chart: no data")
	// ErrLength reports two inputs whose lengths must agree but do not,
	// such as scores and alternatives.
	ErrLength = errors.New("chart: length mismatch")
	// ErrValue reports a value the chart cannot draw: NaN, an infinity, a
	// negative share or weight, a rank out of range, or a sensitivity grid
	// that does not increase.
	ErrValue = errors.New("chart: value out of range")
	// ErrOptions reports an invalid [Options] field, such as a negative
	// width, or a chart too large to render.
	ErrOptions = errors.New("chart: invalid option")
	// ErrFormat reports an output format other than SVG or PNG.
	ErrFormat = errors.New("chart: unknown image format")
)

// DataError describes bad input data at a position. It is
// [invalid.FieldError], the error type shared with the scoring, touchpoint
// and placement packages: Path names the input ("alternatives", "scores",
// "ranks", "contributions", "shares", "weights", "group", "reversals",
// "options.Width", …), Row and Col the position in it (-1 where they do not
// apply), Detail the offending value or a short explanation, and Err,
// returned by Unwrap, is one of the package's sentinel errors. Its message
// has the form
//
//	scores[2]: value out of range (NaN)
type DataError = invalid.FieldError

func dataErr(field string, row, col int, err error, format string, args ...any) *DataError {
	return invalid.AtCell(field, row, col, "", err, fmt.Sprintf(format, args...))
}
