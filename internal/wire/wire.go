// Package wire implements socialseat's stable JSON contract: the request
// and response shapes that the command-line tool and the HTTP service
// example speak, so that people who do not write Go can use the library.
// Decoding is strict: unknown fields, trailing data and wrong types are
// errors. Every error that concerns the request wraps [ErrBadInput].
package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
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

// decodeStrict decodes one JSON value from r into v, rejecting unknown
// fields and trailing data, with messages that name the offending field.
func decodeStrict(r io.Reader, v any) error {
	data, err := io.ReadAll(io.LimitReader(r, maxRequest+1))
	if err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	if len(data) > maxRequest {
		return badInput(fmt.Errorf("request larger than %d bytes", maxRequest))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badInput(describeJSONError(err))
	}
	if dec.More() {
		return badInput(errors.New("unexpected data after the JSON value"))
	}
	return nil
}

func describeJSONError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON at byte %d: %w", syn.Offset, err)
	case errors.As(err, &typ):
		return fmt.Errorf("field %q: want %s, got JSON %s", typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF):
		return errors.New("empty request: want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("invalid JSON: the request ends too early")
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return fmt.Errorf("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return err
}
