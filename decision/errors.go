package decision

import (
	"errors"
	"fmt"
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
	// Err is the cause, matched with errors.Is against the sentinels.
	Err error
}

// Error returns "decision: at /pointer: message".
func (e *PathError) Error() string {
	p := e.Pointer
	if p == "" {
		p = "the top level"
	}
	return fmt.Sprintf("decision: at %s: %s", p, strings.TrimPrefix(e.Err.Error(), "decision: "))
}

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// VersionError is a document whose schema_version is not known.
type VersionError struct {
	// Version is the document's schema_version; 0 if absent.
	Version int
}

// Error names the version and the versions known.
func (e *VersionError) Error() string {
	if e.Version == 0 {
		return "decision: the document has no schema_version (this program reads version 1)"
	}
	return fmt.Sprintf("decision: schema_version %d is not known (this program reads version 1)", e.Version)
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
