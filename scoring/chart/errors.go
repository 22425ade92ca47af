package chart

import (
	"errors"
	"fmt"
	"strings"
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

// DataError describes bad input data at a position. It follows the shape of
// [io/fs.PathError]: Err is one of the package's sentinel errors and is
// returned by Unwrap.
type DataError struct {
	// Field names the input: "alternatives", "scores", "ranks",
	// "contributions", "shares", "weights", "group", "reversals", …
	Field string
	// Row is the row index (usually an alternative), or -1.
	Row int
	// Col is the column index (a criterion, a rank or a grid point), or -1.
	Col int
	// Detail adds a short explanation, such as the offending value.
	Detail string
	// Err is the sentinel error describing the kind of failure.
	Err error
}

// Error returns a message of the form
//
//	chart: scores[2]: value out of range (NaN)
func (e *DataError) Error() string {
	var b strings.Builder
	b.WriteString("chart: ")
	b.WriteString(e.Field)
	if e.Row >= 0 {
		fmt.Fprintf(&b, "[%d]", e.Row)
	}
	if e.Col >= 0 {
		fmt.Fprintf(&b, "[%d]", e.Col)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "chart: "))
	}
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *DataError) Unwrap() error { return e.Err }

func dataErr(field string, row, col int, err error, format string, args ...any) *DataError {
	return &DataError{Field: field, Row: row, Col: col, Err: err, Detail: fmt.Sprintf(format, args...)}
}
