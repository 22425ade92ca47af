package strictdec

import (
	"bytes"
	"encoding"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// options are the decoding rules. Exact-case member names, no duplicate
// names and valid UTF-8 are also the defaults of go-json-experiment/json;
// they are spelled out because the package's contract depends on them.
var options = json.JoinOptions(
	json.RejectUnknownMembers(true),
	json.MatchCaseInsensitiveNames(false),
	jsontext.AllowDuplicateNames(false),
	jsontext.AllowInvalidUTF8(false),
	json.WithUnmarshalers(json.UnmarshalFromFunc(refuseNull)),
)

// decodeJSON decodes data into dst. y is nil for a JSON document and
// describes the YAML document that data was converted from otherwise.
// With require, every struct member is required (see RequireFields).
func decodeJSON(data []byte, dst any, y *yamlDoc, require bool) error {
	opts := options
	if y != nil && (len(y.nonFinite) > 0 || len(y.plain) > 0) {
		opts = json.JoinOptions(options, json.WithUnmarshalers(json.JoinUnmarshalers(
			json.UnmarshalFromFunc(refuseNull),
			json.UnmarshalFromFunc(plainAsText(y)),
			json.UnmarshalFromFunc(nonFiniteHook[float64](y)),
			json.UnmarshalFromFunc(nonFiniteHook[float32](y)),
		)))
	}
	dec := jsontext.NewDecoder(bytes.NewReader(data), opts)
	if err := json.UnmarshalDecode(dec, dst, opts); err != nil {
		return describe(err, data, y)
	}
	off := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 {
		e := locate(data, nil, "", len(data)-len(rest))
		e.Err = causef(ErrTrailingData, "data after the top-level value")
		return e
	}
	if require {
		return checkRequired(data, reflect.TypeOf(dst).Elem(), y)
	}
	return nil
}

// refuseNull rejects null for numbers, booleans and strings (and pointers
// to them) at every depth, unless the type decodes JSON itself.
func refuseNull(dec *jsontext.Decoder, v any) error {
	if dec.PeekKind() != 'n' {
		return errors.ErrUnsupported // decode as usual
	}
	if what := nullTarget(reflect.TypeOf(v).Elem()); what != "" {
		return causef(ErrNull, "null is not %s", what)
	}
	return errors.ErrUnsupported
}

type (
	jsonUnmarshaler     interface{ UnmarshalJSON([]byte) error }
	jsonUnmarshalerFrom interface {
		UnmarshalJSONFrom(*jsontext.Decoder) error
	}
)

var (
	jsonUnmarshalerType     = reflect.TypeFor[jsonUnmarshaler]()
	jsonUnmarshalerFromType = reflect.TypeFor[jsonUnmarshalerFrom]()
	textUnmarshalerType     = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decodesJSON reports whether t has its own JSON decoding, which then
// decides what null means.
func decodesJSON(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(jsonUnmarshalerType) || p.Implements(jsonUnmarshalerFromType)
}

func decodesText(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// nullTarget names what null would wrongly stand for in t ("a number"),
// or returns "" when null is acceptable for t.
func nullTarget(t reflect.Type) string {
	for ; ; t = t.Elem() {
		if decodesJSON(t) {
			return ""
		}
		if t.Kind() != reflect.Pointer {
			break
		}
	}
	switch k := goKind(t); k {
	case "a boolean", "a string", "a number":
		return k
	case "an integer", "a non-negative integer":
		return "a number"
	}
	if t.Kind() == reflect.Array {
		// A list or an object decoded from null is empty, as if absent,
		// but a fixed-size array has no empty form: null would decode to
		// its zero value, such as the range [0, 0].
		return "a list of " + strconv.Itoa(t.Len()) + " values"
	}
	return ""
}

// describe turns an error of the JSON decoder into an *Error.
func describe(err error, data []byte, y *yamlDoc) error {
	var lines map[string]int
	if y != nil {
		lines = y.lines
	}
	var sem *json.SemanticError
	var syn *jsontext.SyntacticError
	switch {
	case errors.As(err, &sem):
		ptr := sem.JSONPointer
		switch {
		case errors.Is(sem.Err, json.ErrUnknownName):
			e := locate(data, lines, ptr, int(sem.ByteOffset))
			e.Path, e.Key = pathOf(data, ptr.Parent()), ptr.LastToken()
			e.Err = causef(ErrUnknownField, "unknown field %q", ptr.LastToken())
			return e
		}
		e := locate(data, lines, ptr, int(sem.ByteOffset))
		e.Path = pathOf(data, ptr)
		var inner *Error
		c, ours := sem.Err.(*cause)
		switch {
		case ours:
			e.Err = c // refuseNull or nonFiniteHook
		case errors.As(sem.Err, &inner):
			// A type that decodes itself with this package (scoring.Table):
			// its path continues ours, and its position, counted from the
			// start of the value, is moved to the document's.
			e.Path = joinPath(e.Path, inner.Path)
			e.Key, e.Err = inner.Key, inner.Err
			if y == nil && e.Line > 0 && inner.Line > 0 {
				if inner.Line == 1 {
					e.Column += inner.Column - 1
				} else {
					e.Column = inner.Column
				}
				e.Line += inner.Line - 1
			}
		case sem.Err != nil && sem.GoType != nil && (decodesJSON(sem.GoType) || decodesText(sem.GoType)):
			e.Err = sem.Err // the type's own error, such as an unknown token
		default:
			msg := mismatch(sem, data)
			if f, ok := y.nonFiniteAt(ptr); ok {
				msg = "want " + goKind(sem.GoType) + ", got " + yamlFloat(f)
			}
			errs := []error{ErrType}
			if sem.JSONKind == '0' && sem.GoType != nil && goKind(sem.GoType) == "a number" {
				errs = append(errs, ErrRange) // the message says so
			}
			e.Err = &cause{msg: msg, errs: errs}
		}
		return e
	case errors.As(err, &syn):
		e := locate(data, lines, syn.JSONPointer, int(syn.ByteOffset))
		if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
			e.Path, e.Key = pathOf(data, syn.JSONPointer.Parent()), syn.JSONPointer.LastToken()
			e.Err = causef(ErrDuplicateKey, "duplicate key %q", syn.JSONPointer.LastToken())
			return e
		}
		msg := strings.TrimPrefix(syn.Err.Error(), "jsontext: ")
		if errors.Is(syn.Err, io.ErrUnexpectedEOF) {
			msg = "the document ends too early"
		}
		e.Err = causef(ErrSyntax, "invalid JSON: %s", msg)
		return e
	case errors.Is(err, io.ErrUnexpectedEOF):
		e := locate(data, lines, "", len(data))
		e.Err = causef(ErrSyntax, "invalid JSON: the document ends too early")
		return e
	case errors.Is(err, io.EOF):
		return &Error{Format: "JSON", Err: ErrEmpty}
	}
	e := locate(data, lines, "", -1)
	e.Err = &cause{msg: err.Error(), errs: []error{ErrSyntax, err}}
	return e
}

// mismatch describes a value of the wrong type.
func mismatch(sem *json.SemanticError, data []byte) string {
	want := "another type"
	if sem.GoType != nil {
		want = goKind(sem.GoType)
	}
	got := map[jsontext.Kind]string{
		'n': "null", 'f': "a boolean", 't': "a boolean", '"': "a string",
		'0': "a number", '{': "an object", '[': "a list",
	}[sem.JSONKind]
	if got == "" {
		got = "another value"
	}
	v := sem.JSONValue
	if len(v) == 0 && sem.ByteOffset >= 0 && sem.ByteOffset < int64(len(data)) && sem.JSONKind != '{' && sem.JSONKind != '[' {
		v, _ = jsontext.NewDecoder(bytes.NewReader(data[sem.ByteOffset:])).ReadValue()
	}
	if len(v) > 0 && len(v) <= 40 {
		if sem.JSONKind == '0' {
			got = string(v)
		} else {
			got += " " + string(v)
		}
	}
	msg := "want " + want + ", got " + got
	if sem.JSONKind == '0' && want == "a number" {
		msg = got + " is out of range for a number"
	}
	return msg
}

// goKind names a Go type for a reader who knows JSON, not Go.
func goKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if decodesText(t) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "another type"
}

// locate returns an *Error with the position of the problem: for YAML the
// line of the nearest enclosing node of ptr, for JSON the line and column
// of byte offset off (ignored when negative).
func locate(data []byte, lines map[string]int, ptr jsontext.Pointer, off int) *Error {
	if lines != nil {
		for p := ptr; ; p = p.Parent() {
			if l, ok := lines[string(p)]; ok {
				return &Error{Format: "YAML", Line: l}
			}
			if p == "" {
				return &Error{Format: "YAML"}
			}
		}
	}
	if off < 0 {
		return &Error{Format: "JSON"}
	}
	line, col := position(data, off)
	return &Error{Format: "JSON", Line: line, Column: col}
}

// pathOf renders a JSON pointer as a path a person reads: matrix[0][1],
// criteria[2].weight, touchpoints["a b"]. Whether a token indexes a list
// is read from the document itself.
func pathOf(data []byte, ptr jsontext.Pointer) string {
	if ptr == "" {
		return ""
	}
	var doc any
	_ = json.Unmarshal(data, &doc, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)) // a partial tree is enough
	var b strings.Builder
	cur := doc
	for tok := range ptr.Tokens() {
		switch c := cur.(type) {
		case []any:
			b.WriteString("[" + tok + "]")
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(c) {
				cur = c[i]
			} else {
				cur = nil
			}
			continue
		case map[string]any:
			cur = c[tok]
		default:
			cur = nil
			if _, err := strconv.Atoi(tok); err == nil {
				b.WriteString("[" + tok + "]")
				continue
			}
		}
		writeKey(&b, tok)
	}
	return b.String()
}

// joinPath appends path rel, relative to a value, to the path of that
// value.
func joinPath(base, rel string) string {
	if base == "" || rel == "" || rel[0] == '[' {
		return base + rel
	}
	return base + "." + rel
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_-]*$`)

func writeKey(b *strings.Builder, key string) {
	if !plainKey.MatchString(key) {
		b.WriteString("[" + strconv.Quote(key) + "]")
		return
	}
	if b.Len() > 0 {
		b.WriteByte('.')
	}
	b.WriteString(key)
}
