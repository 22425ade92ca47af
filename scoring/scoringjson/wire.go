package scoringjson

import (
	"errors"
	"fmt"
	"io"

	"github.com/socialseat/socialseat/internal/strictdec"
)

// ErrBadInput marks every error caused by the request rather than by the
// program, so callers can answer 400 (HTTP) or exit 1 (CLI).
var ErrBadInput = errors.New("bad input")

// BadInput wraps err so that it satisfies errors.Is(err, ErrBadInput)
// while keeping its own chain and message. It returns nil for nil.
func BadInput(err error) error { return badInput(err) }

func badInput(err error) error {
	if err == nil || errors.Is(err, ErrBadInput) {
		return err
	}
	return &inputError{err}
}

type inputError struct{ err error }

func (e *inputError) Error() string   { return e.err.Error() }
func (e *inputError) Unwrap() []error { return []error{ErrBadInput, e.err} }

// maxRequest is the largest request decodeStrict reads.
const maxRequest = 64 << 20

// decodeStrict decodes one JSON value from r into v by the rules of
// internal/strictdec: exact-case keys, no unknown or duplicate keys, no
// null for a number, no trailing data, valid UTF-8 (a leading byte order
// mark is ignored). Errors name the offending path and wrap ErrBadInput
// and the strictdec sentinel.
func decodeStrict(r io.Reader, v any) error {
	data, err := io.ReadAll(io.LimitReader(r, maxRequest+1))
	if err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	if len(data) > maxRequest {
		return badInput(fmt.Errorf("request larger than %d bytes", maxRequest))
	}
	if err := strictdec.DecodeJSON(data, v); err != nil {
		if errors.Is(err, strictdec.ErrEmpty) {
			return badInput(fmt.Errorf("empty request: want a JSON object: %w", err))
		}
		return badInput(err)
	}
	return nil
}
