package scoringjson

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/invalid"
)

// requestKeys are the scoring input names that are also keys of a request,
// with the same indices (matrix[1][0], criteria[2]).
var requestKeys = map[string]bool{
	"matrix": true, "alternatives": true, "criteria": true,
	"pairwise": true, "ranks": true, "points": true,
	"thresholds": true, "classes": true, "profiles": true,
	"low": true, "high": true, "missing": true,
}

// ErrorPath returns the key path, in the request's own names, of the value
// that err is about ("criteria[2].weight", "matrix[1][0]",
// "touchpoints.crisis-response"), or "" when no single value is at fault.
// It reads the decoder's errors, the requests' own validation errors
// ("rankings[1]", "requests[0].matrix[1]"), [invalid.FieldError] (scoring's
// InputError, placement's and touchpoint's FieldError) and
// [json.UnmarshalTypeError]. An HTTP service can send it beside the
// message, as examples/httpservice does.
func ErrorPath(err error) string {
	var fe *invalid.FieldError
	var de *strictdec.Error
	var ue *json.UnmarshalTypeError
	var pe *pathError
	switch {
	case errors.As(err, &pe):
		return pe.path
	case errors.As(err, &fe) && fe.Row < 0 && fe.Col < 0:
		// placement's and touchpoint's paths are key paths of the file.
		return fe.Path
	case errors.As(err, &fe) && requestKeys[fe.Path]:
		path := fe.Path
		if fe.Row >= 0 {
			path += fmt.Sprintf("[%d]", fe.Row)
		}
		if fe.Col >= 0 {
			path += fmt.Sprintf("[%d]", fe.Col)
		}
		return path
	case errors.As(err, &de):
		return de.Path
	case errors.As(err, &ue):
		return ue.Field
	}
	return ""
}

// pathError is an error about the request's value at path, a key path in
// the request's own names; its message is err's.
type pathError struct {
	path string
	err  error
}

// at returns err as the error about the value at path.
func at(path string, err error) error { return &pathError{path: path, err: err} }

func (e *pathError) Error() string { return e.err.Error() }
func (e *pathError) Unwrap() error { return e.err }
