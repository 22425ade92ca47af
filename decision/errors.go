package decision

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Sentinel errors; every error of this package wraps one of them or an
// error of package scoring.
var (
	// ErrUnknownVersion reports a schema_version this package cannot read
	// (or none).
	ErrUnknownVersion = errors.New("decision: unknown schema version")
	// ErrHashMismatch reports a document whose input_hash does not match
	// its inputs: they were edited after it was decided.
	ErrHashMismatch = errors.New("decision: input hash does not match the inputs")
	// ErrSchema reports a document that does not follow the JSON Schema or
	// does not decode strictly (unknown or duplicate keys, null numbers,
	// wrong types, trailing data).
	ErrSchema = errors.New("decision: document does not follow the schema")
	// ErrUnknownNode reports a stakeholder judgement on a node that is not
	// an inner node of the tree.
	ErrUnknownNode = errors.New("decision: judgement on an unknown node")
	// ErrInvalidUTF8 reports a string of a document (a name, a node ID,
	// a judgement's key, the title, the method's options…) that is not
	// valid UTF-8, which JSON cannot carry. The error also matches
	// scoring.ErrInvalidUTF8.
	ErrInvalidUTF8 = errors.New("decision: text is not valid UTF-8")
)

// PathError is bad input at a place in the document. Pointer is a JSON
// Pointer (RFC 6901) into the document, such as "/performances/2/3" or
// "/stakeholders/0/judgements/Cost"; Err wraps a sentinel error of this
// package or of package scoring.
type PathError struct {
	// Pointer is the JSON Pointer of the bad value; empty for the
	// document as a whole.
	Pointer string
	// Line and Column locate the problem in the text [Load] read, 1-based
	// (Column counts characters); 0 when unknown, which is always the
	// case for an error of [Decide].
	Line, Column int
	// Err is the cause, matched with errors.Is against the sentinels.
	Err error
}

// Error returns "decision: at /pointer: message", with the line and
// column when known ("decision: at /criteria/0/name (line 4, column 31):
// duplicate key").
func (e *PathError) Error() string {
	p := e.Pointer
	switch {
	case p == "" && e.Line > 0:
		p = fmt.Sprintf("line %d, column %d", e.Line, e.Column)
	case p == "":
		p = "the top level"
	case e.Line > 0:
		p += fmt.Sprintf(" (line %d, column %d)", e.Line, e.Column)
	}
	return fmt.Sprintf("decision: at %s: %s", p, strings.TrimPrefix(e.Err.Error(), "decision: "))
}

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// VersionError is a document whose schema_version is absent, not a
// version number or not known.
type VersionError struct {
	// Version is the document's schema_version; 0 if absent or not a
	// version number (a whole number from 1 up, written as such).
	Version int
	// Value is the schema_version as found in the document, as JSON text
	// (1.0, -1, "1", null); empty when Version is set or the member is
	// absent.
	Value string
}

// Error names the version found and the versions known.
func (e *VersionError) Error() string {
	const known = "this program reads version 1"
	switch {
	case e.Version != 0:
		return fmt.Sprintf("decision: schema_version %d is not known (%s)", e.Version, known)
	case e.Value == "":
		return fmt.Sprintf("decision: the document has no schema_version (%s)", known)
	case strings.HasPrefix(e.Value, `"`):
		return fmt.Sprintf("decision: schema_version %s is a string, not a number: write it without quotes, as in \"schema_version\": 1 (%s)", e.Value, known)
	case e.Value == "null", e.Value == "true", e.Value == "false", strings.HasPrefix(e.Value, "["), strings.HasPrefix(e.Value, "{"):
		return fmt.Sprintf("decision: schema_version %s is not a version number (%s)", e.Value, known)
	}
	n, err := strconv.ParseFloat(e.Value, 64)
	switch {
	case err == nil && n >= 1 && n == math.Trunc(n) && n <= 1<<31-1:
		return fmt.Sprintf("decision: schema_version %s is not a version number: write it as a whole number, without a decimal point or exponent, such as 1 (%s)", e.Value, known)
	case err == nil && n >= 1 && n == math.Trunc(n):
		return fmt.Sprintf("decision: schema_version %s is not known (%s)", e.Value, known)
	}
	return fmt.Sprintf("decision: schema_version %s is not a version number: it is a whole number from 1 up (%s)", e.Value, known)
}

// Unwrap returns ErrUnknownVersion.
func (e *VersionError) Unwrap() error { return ErrUnknownVersion }

// HashError is a document whose stored input_hash differs from the hash of
// its inputs.
type HashError struct {
	// Stored is the document's input_hash and Computed the hash of its
	// inputs as they are now.
	Stored, Computed string
}

// Error names both hashes.
func (e *HashError) Error() string {
	return fmt.Sprintf("decision: the inputs were changed after the decision was made (stored hash %s, inputs hash to %s); clear input_hash to accept the edit", e.Stored, e.Computed)
}

// Unwrap returns ErrHashMismatch.
func (e *HashError) Unwrap() error { return ErrHashMismatch }
