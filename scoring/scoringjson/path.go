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
// It reads the decoder's errors, [invalid.FieldError] (scoring's
// InputError, placement's and touchpoint's FieldError) and
// [json.UnmarshalTypeError]. An HTTP service can send it beside the
// message, as examples/httpservice does.
func ErrorPath(err error) string {
	var fe *invalid.FieldError
	var de *strictdec.Error
	var ue *json.UnmarshalTypeError
	switch {
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
