// Package strictdec is the one decoding path for every document socialseat
// reads: organisation profiles, touchpoint catalogues, calibrated models
// and the JSON requests of the command-line tool and the HTTP service.
// A typo or a hole in a consultant's file must never pass silently, so the
// rules are strict and identical for JSON and YAML:
//
//   - A UTF-8 byte order mark at the very start is stripped; any other
//     invalid UTF-8 anywhere in the document is an error naming its line and
//     column ([ErrInvalidUTF8]), never replaced by U+FFFD.
//   - Keys match field names exactly: no case folding ("Matrix" is not
//     "matrix"). A key that no field takes is an error ([ErrUnknownField]);
//     a key given twice in one object is an error ([ErrDuplicateKey]).
//   - null is never a number, a boolean, a string or a fixed-size array
//     (a Go [2]float64 range): null for such a field, for a pointer to one,
//     or for an element of a list or map of them is an error ([ErrNull]),
//     so a missing value can never become 0 or [0, 0]. null is accepted
//     for lists, maps and objects (it means "not given") and by
//     types that decode null themselves (scoring.Judgement: a missing
//     judgement).
//   - A value of the wrong type ("3" for a number, 1.5 for an integer) is
//     an error ([ErrType]). The YAML numbers .inf, -.inf and .nan, which
//     JSON cannot write, decode into float fields as such, for the
//     caller's validation to judge.
//   - With [RequireFields], every member of every struct must be present
//     and not null, unless its field is tagged omitempty or omitzero
//     ([ErrMissing], [ErrNull]); a type that decodes JSON itself checks
//     its own members.
//   - Anything after the top-level value, including a second YAML document,
//     is an error ([ErrTrailingData]); an empty document is [ErrEmpty].
//   - YAML only: explicit tags (!!binary, !!str, a custom !tag), anchors and
//     aliases (& and *), merge keys (<<) and non-scalar keys are errors
//     ([ErrTag], [ErrAlias]). Plain YAML scalars take their YAML 1.2 type
//     (the core schema: 8_000 and 0b101 are strings, 0o17 and 0x1F
//     integers; 010, octal in YAML 1.1 and decimal in YAML 1.2, is an
//     [ErrType] error rather than either), except that a plain number or
//     boolean is also accepted, as written, where a string or a type
//     decoded from text is wanted (version: 2 reads as "2"), as YAML
//     readers usually allow.
//
// YAML is checked as a node tree, turned into the equivalent JSON and then
// decoded by the same JSON decoder, so the two formats cannot drift apart.
// Every error is an [*Error] naming the format, the path of the offending
// value (matrix[0][1], criteria[2].weight) and, when known, its line; it
// wraps one of the sentinel errors above (or the error of a type's own
// UnmarshalText, such as an unknown enumeration token).
package strictdec

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Sentinel errors wrapped by [*Error]; test with errors.Is.
var (
	// ErrEmpty reports a document with no content.
	ErrEmpty = errors.New("empty document")
	// ErrSyntax reports a document that is not well-formed JSON or YAML.
	ErrSyntax = errors.New("malformed document")
	// ErrInvalidUTF8 reports bytes that are not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrNull reports null where a number, boolean, string or fixed-size
	// array is needed.
	ErrNull = errors.New("null is not a value")
	// ErrType reports a value of the wrong type.
	ErrType = errors.New("wrong type")
	// ErrRange reports a number too large for a float64 (1e999); the
	// error also wraps ErrType.
	ErrRange = errors.New("number out of range")
	// ErrUnknownField reports a key that no field takes, including a key
	// that differs from a field's name only in case.
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateKey reports a key given twice in the same object.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrMissing reports a required member that is not there (see
	// [RequireFields]).
	ErrMissing = errors.New("missing field")
	// ErrTrailingData reports data after the top-level value, or a second
	// YAML document.
	ErrTrailingData = errors.New("data after the top-level value")
	// ErrTag reports an explicit YAML tag or merge key.
	ErrTag = errors.New("YAML tags are not allowed")
	// ErrAlias reports a YAML anchor or alias.
	ErrAlias = errors.New("YAML anchors and aliases are not allowed")
)

// Error is a document that does not decode. Format is "JSON" or "YAML";
// Path locates the offending value in the document (matrix[0][1],
// touchpoints.crisis-response; "" for the document itself); Line and
// Column are 1-based and 0 when unknown. It unwraps to Err, which wraps
// one of the package's sentinel errors or a type's own decoding error.
type Error struct {
	// Format is the syntax the document was read as: "JSON" or "YAML".
	Format string
	// Path locates the offending value in the document, as a person
	// writes it (matrix[0][1], touchpoints.crisis-response,
	// touchpoints["a b"]); "" means the document itself.
	Path string
	// Key is, for an unknown or duplicate key ([ErrUnknownField],
	// [ErrDuplicateKey]), the key itself; Path then names the object
	// that holds it.
	Key string
	// Line is the 1-based line of the problem; 0 when unknown. For YAML
	// it is the line of the nearest node that encloses the problem.
	Line int
	// Column is the 1-based column of the problem, counted in characters
	// (not bytes); 0 when unknown, which is always the case for YAML
	// errors other than invalid UTF-8.
	Column int
	// Err is the cause, for errors.Is and errors.As: one of the
	// package's sentinel errors or an error that wraps one, or a type's
	// own decoding error (from its UnmarshalJSON or UnmarshalText
	// method) returned as is.
	Err error
}

// Error returns, for example,
// "JSON line 1, column 23: matrix[0][1]: null is not a number".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Format)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// cause is an error with its own message that wraps a sentinel and, when
// there is one, the underlying error (such as a type's UnmarshalText
// error).
type cause struct {
	msg  string
	errs []error
}

func (c *cause) Error() string   { return c.msg }
func (c *cause) Unwrap() []error { return c.errs }

func causef(sentinel error, format string, args ...any) error {
	return &cause{msg: fmt.Sprintf(format, args...), errs: []error{sentinel}}
}

// Option is a decoding rule beyond the package's defaults.
type Option int

// RequireFields makes every member of every struct required: absent or
// null, it is an error ([ErrMissing], [ErrNull]), unless its field is
// tagged omitempty or omitzero; nor may the document be null. A type that
// decodes JSON itself (an UnmarshalJSON method) is left to check its own
// members and what null means for it.
const RequireFields Option = 1

// required reports whether opts holds RequireFields.
func required(opts []Option) bool {
	for _, o := range opts {
		if o == RequireFields {
			return true
		}
	}
	return false
}

// Decode decodes data into v, which must be a non-nil pointer: as JSON
// when the first character after an optional byte order mark and white
// space is '{', else as YAML. v is replaced by the decoded value only when
// decoding succeeds (values already in v are not kept as defaults). The
// error is an [*Error].
func Decode(data []byte, v any, opts ...Option) error {
	data = bytes.TrimPrefix(data, bom)
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return DecodeJSON(data, v, opts...)
	}
	return DecodeYAML(data, v, opts...)
}

// DecodeJSON decodes one JSON value from data into v, following the
// package's rules. The error is an [*Error].
func DecodeJSON(data []byte, v any, opts ...Option) error {
	data = bytes.TrimPrefix(data, bom)
	if err := checkText("JSON", data); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return &Error{Format: "JSON", Err: ErrEmpty}
	}
	return into(v, func(dst any) error { return decodeJSON(data, dst, nil, required(opts)) })
}

// DecodeYAML decodes one YAML document from data into v, following the
// package's rules. The error is an [*Error].
func DecodeYAML(data []byte, v any, opts ...Option) error {
	data = bytes.TrimPrefix(data, bom)
	if err := checkText("YAML", data); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return &Error{Format: "YAML", Err: ErrEmpty}
	}
	js, y, err := yamlToJSON(data)
	if err != nil {
		return err
	}
	return into(v, func(dst any) error { return decodeJSON(js, dst, y, required(opts)) })
}

// into decodes into a fresh value of v's type and stores it in v only on
// success, so a failed decode leaves v untouched.
func into(v any, decode func(any) error) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("strictdec: decoding into %T, not a non-nil pointer", v)) // a programming error
	}
	fresh := reflect.New(rv.Type().Elem())
	if err := decode(fresh.Interface()); err != nil {
		return err
	}
	rv.Elem().Set(fresh.Elem())
	return nil
}

var bom = []byte("\uFEFF")

// checkText reports the first invalid UTF-8 sequence, and names UTF-16
// (recognised by its byte order mark) explicitly.
func checkText(format string, data []byte) error {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return &Error{Format: format, Line: 1, Column: 1, Err: causef(ErrInvalidUTF8, "invalid UTF-8: the document is UTF-16; save it as UTF-8")}
	}
	off := FirstInvalidUTF8(data)
	if off < 0 {
		return nil
	}
	line, col := position(data, off)
	return &Error{Format: format, Line: line, Column: col, Err: causef(ErrInvalidUTF8, "invalid UTF-8 (byte 0x%02X at offset %d)", data[off], off)}
}

// FirstInvalidUTF8 returns the offset of the first byte of b that does not
// begin a valid UTF-8 sequence (a sequence cut by the end of b included),
// or -1 when b is valid UTF-8.
func FirstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return off
}

// position returns the 1-based line and column (in characters) of byte
// offset off in data.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
