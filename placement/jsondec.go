package placement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// The strict JSON decoding behind the UnmarshalJSON methods of a
// recommendation: keys match exactly (no case folding), appear once, are
// all known and, unless optional, present; null is never a value; nothing
// follows the top-level value. Errors are [*FieldError] values whose path
// names the key ("ranking[2].values.agility").

// decodeObject splits a JSON object into its keys, in document order, and
// their raw values, rejecting duplicate keys and trailing data.
func decodeObject(b []byte) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, syntaxErr("", err.Error())
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, nil, syntaxErr("", fmt.Sprintf("%s is not an object", jsonKind(tok)))
	}
	var keys []string
	var raws []json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, syntaxErr("", err.Error())
		}
		k := tok.(string) // object keys are strings
		for _, seen := range keys {
			if seen == k {
				return nil, nil, syntaxErr(k, "duplicate key")
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, nil, syntaxErr(k, err.Error())
		}
		keys = append(keys, k)
		raws = append(raws, raw)
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, syntaxErr("", err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, syntaxErr("", "data after the top-level value")
	}
	return keys, raws, nil
}

// jsonKind names the kind of a JSON token for a message.
func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case nil:
		return "null"
	case json.Delim:
		if t == '[' {
			return "an array"
		}
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	}
	return "the value"
}

// field is one key of a JSON object for decodeFields: dst receives the
// value (decoded with json.Unmarshal, so types with a strict UnmarshalJSON
// stay strict), and an optional key may be absent.
type field struct {
	key      string
	dst      any
	optional bool
}

// decodeFields decodes a JSON object into fields, strictly.
func decodeFields(b []byte, fields ...field) error {
	keys, raws, err := decodeObject(b)
	if err != nil {
		return err
	}
	var errs []error
	found := make([]bool, len(fields))
	for i, k := range keys {
		j := -1
		for f := range fields {
			if fields[f].key == k {
				j = f
				break
			}
		}
		if j < 0 {
			errs = append(errs, syntaxErr(k, "unknown key"))
			continue
		}
		found[j] = true
		if err := decodeValue(raws[i], fields[j].dst); err != nil {
			errs = append(errs, prefixErr(k, err))
		}
	}
	for j, f := range fields {
		if !found[j] && !f.optional {
			errs = append(errs, fieldErr(f.key, "", ErrMissing))
		}
	}
	return joinErrs(errs)
}

// decodeStruct decodes a JSON object strictly into *dst through the
// fields that fields gives for a fresh value, and sets *dst only on
// success.
func decodeStruct[T any](b []byte, dst *T, fields func(*T) []field) error {
	var out T
	if err := decodeFields(b, fields(&out)...); err != nil {
		return err
	}
	*dst = out
	return nil
}

// decodeValue decodes one value, rejecting null and, for numbers, text
// that does not fit a float64.
func decodeValue(raw json.RawMessage, dst any) error {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return syntaxErr("", "null is not a value")
	}
	if p, ok := dst.(*float64); ok {
		return decodeNumber(raw, p)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) || errors.Is(err, ErrSyntax) {
			return err
		}
		return syntaxErr("", err.Error())
	}
	return nil
}

// decodeNumber decodes a JSON number into a float64.
func decodeNumber(raw json.RawMessage, dst *float64) error {
	s := string(bytes.TrimSpace(raw))
	if s == "null" {
		return syntaxErr("", "null is not a number")
	}
	var n json.Number
	if s == "" || s[0] == '"' {
		return syntaxErr("", "not a number")
	}
	if err := json.Unmarshal(raw, &n); err != nil {
		return syntaxErr("", "not a number")
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return fieldErr("", string(n), ErrRange)
	}
	*dst = x
	return nil
}

// decodeList decodes a JSON array element by element with decode, naming
// the index of a bad element.
func decodeList[T any](raw json.RawMessage, decode func(json.RawMessage, *T) error) ([]T, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		return nil, syntaxErr("", "not an array")
	}
	if len(raws) == 0 {
		return nil, nil
	}
	out := make([]T, len(raws))
	var errs []error
	for i, r := range raws {
		if err := decode(r, &out[i]); err != nil {
			errs = append(errs, prefixErr("["+strconv.Itoa(i)+"]", err))
		}
	}
	return out, joinErrs(errs)
}

// listOf is a field destination that decodes a JSON array element by
// element with decode (see decodeList).
type listOf[T any] struct {
	dst    *[]T
	decode func(json.RawMessage, *T) error
}

// list returns a field destination for a list decoded with decode.
func list[T any](dst *[]T, decode func(json.RawMessage, *T) error) *listOf[T] {
	return &listOf[T]{dst, decode}
}

// UnmarshalJSON decodes the array into *l.dst.
func (l *listOf[T]) UnmarshalJSON(b []byte) error {
	v, err := decodeList(b, l.decode)
	if err != nil {
		return err
	}
	*l.dst = v
	return nil
}

// syntaxErr is a decoding error at path.
func syntaxErr(path, msg string) error {
	return fieldErr(path, "", fmt.Errorf("%w: %s", ErrSyntax, msg))
}

// prefixErr puts key in front of the paths of err's field errors, or
// makes err a field error at key.
func prefixErr(key string, err error) error {
	var errs []error
	for _, e := range unjoin(err) {
		var fe *FieldError
		if errors.As(e, &fe) {
			p := key
			switch {
			case fe.Path == "":
			case fe.Path[0] == '[':
				p += fe.Path
			default:
				p += "." + fe.Path
			}
			c := *fe // keeps Value, Detail and any position
			c.Path = p
			errs = append(errs, &c)
			continue
		}
		errs = append(errs, fieldErr(key, "", e))
	}
	return joinErrs(errs)
}

// appendJSONFloat appends x as encoding/json writes it.
func appendJSONFloat(b []byte, x float64) []byte {
	j, _ := json.Marshal(x) // x is finite: callers check
	return append(b, j...)
}
