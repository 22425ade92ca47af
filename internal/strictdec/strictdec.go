// Package strictdec decodes the YAML and JSON files that socialseat reads
// (organisation profiles, touchpoint catalogues) strictly: unknown fields,
// duplicate keys, trailing data and extra documents are errors, so a typo
// in a consultant's file never passes silently.
package strictdec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// ErrEmpty reports a document with no content.
var ErrEmpty = errors.New("empty document")

// SyntaxError is a document that does not decode; Format is "JSON" or
// "YAML". It unwraps to the decoder's error, so sentinel errors returned
// by a type's UnmarshalText remain visible to errors.Is.
type SyntaxError struct {
	Format string
	Err    error
}

// Error returns the format and the decoder's message.
func (e *SyntaxError) Error() string { return e.Format + ": " + e.Err.Error() }

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Decode decodes data into v: as JSON when the first non-space byte is
// '{', else as YAML (of which JSON is a subset, but the JSON decoder gives
// better messages). The error is ErrEmpty or a *SyntaxError.
func Decode(data []byte, v any) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if err := duplicateKeys(data); err != nil {
			return &SyntaxError{"JSON", err}
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			return &SyntaxError{"JSON", err}
		}
		if dec.More() {
			return &SyntaxError{"JSON", errors.New("data after the top-level value")}
		}
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return ErrEmpty
		}
		return &SyntaxError{"YAML", err}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return &SyntaxError{"YAML", errors.New("more than one document")}
	}
	return nil
}

// duplicateKeys reports the first object key that appears twice in the
// same JSON object (encoding/json would silently keep the last one).
// Malformed JSON is left for the decoder to report.
func duplicateKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		keys   map[string]bool
		object bool
		expect bool // an object expects a key next
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		top := len(stack) - 1
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if top >= 0 && stack[top].object {
					stack[top].expect = true // the value is done once it closes
				}
				stack = append(stack, frame{keys: map[string]bool{}, object: t == '{', expect: t == '{'})
			case '}', ']':
				stack = stack[:top]
			}
		case string:
			if top >= 0 && stack[top].object && stack[top].expect {
				if stack[top].keys[t] {
					return fmt.Errorf("duplicate key %q", t)
				}
				stack[top].keys[t] = true
				stack[top].expect = false
				continue
			}
			if top >= 0 && stack[top].object {
				stack[top].expect = true
			}
		default:
			if top >= 0 && stack[top].object {
				stack[top].expect = true
			}
		}
		if len(stack) == 0 {
			return nil
		}
	}
}
