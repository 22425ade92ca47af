package decision

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
)

// visitor checks one value of a document: every string (a map's keys
// included), every float and every json.RawMessage. It returns the cause
// of an error, which the walk puts at the value's JSON Pointer.
type visitor func(v reflect.Value) error

// walkInputs calls visit on the values of d's members but the result
// (which Decide replaces), under their JSON names. The members are found
// by reflection, so a member added to the document later is checked too.
func walkInputs(d *Document, visit visitor) error {
	v := reflect.ValueOf(d).Elem()
	t := v.Type()
	w := &walker{visit: visit}
	for i := range t.NumField() {
		name := jsonName(t.Field(i))
		if name == "" || name == "result" {
			continue
		}
		w.path = append(w.path[:0], name)
		if err := w.walk(v.Field(i)); err != nil {
			return err
		}
	}
	return nil
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// walker visits a document's values in document order (a map's keys
// sorted), keeping the path to the current one; the path becomes a JSON
// Pointer only for an error.
type walker struct {
	visit visitor
	path  []string
}

// fail returns the cause of an error at the current path as a PathError.
func (w *walker) fail(cause error) error {
	var b strings.Builder
	for _, tok := range w.path {
		b.WriteByte('/')
		b.WriteString(escape(tok))
	}
	return &PathError{Pointer: b.String(), Err: cause}
}

// at walks v under the path token tok.
func (w *walker) at(tok string, v reflect.Value) error {
	w.path = append(w.path, tok)
	err := w.walk(v)
	w.path = w.path[:len(w.path)-1]
	return err
}

func (w *walker) walk(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String, reflect.Float32, reflect.Float64:
		if err := w.visit(v); err != nil {
			return w.fail(err)
		}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return w.walk(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Type() == rawMessageType {
			if err := w.visit(v); err != nil {
				return w.fail(err)
			}
			return nil
		}
		for i := range v.Len() {
			if err := w.at(strconv.Itoa(i), v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			w.path = append(w.path, k.String())
			if err := w.visit(k); err != nil {
				return w.fail(err) // the key's own pointer
			}
			if err := w.walk(v.MapIndex(k)); err != nil {
				return err
			}
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name := jsonName(f)
			if !f.IsExported() || name == "" {
				continue
			}
			if err := w.at(name, v.Field(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonName is the member name of a struct field in JSON, "" if it has
// none.
func jsonName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	switch tag {
	case "-":
		return ""
	case "":
		return f.Name
	}
	return tag
}

// validText refuses a string (or raw JSON) that is not valid UTF-8: JSON
// cannot carry it, so Marshal would write U+FFFD in its place and the
// reloaded document would no longer match its hash.
func validText(v reflect.Value) error {
	var s string
	switch {
	case v.Kind() == reflect.String:
		s = v.String()
	case v.Type() == rawMessageType:
		s = string(v.Bytes())
	default:
		return nil
	}
	off := strictdec.FirstInvalidUTF8([]byte(s))
	if off < 0 {
		return nil
	}
	return &textError{
		msg: fmt.Sprintf("%s: byte 0x%02X at offset %d of %q", strings.TrimPrefix(ErrInvalidUTF8.Error(), "decision: "), s[off], off, s)}
}

// textError is text that is not valid UTF-8; it matches both
// ErrInvalidUTF8 and scoring.ErrInvalidUTF8.
type textError struct{ msg string }

func (e *textError) Error() string   { return e.msg }
func (e *textError) Unwrap() []error { return []error{ErrInvalidUTF8, scoring.ErrInvalidUTF8} }

// finite refuses a NaN or infinite number, which JSON cannot write.
func finite(v reflect.Value) error {
	if k := v.Kind(); k != reflect.Float32 && k != reflect.Float64 {
		return nil
	}
	if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Errorf("%w: %g", scoring.ErrNotFinite, f)
	}
	return nil
}

// clone returns a deep copy of d: no slice, map or pointer of the copy is
// shared with d, so that neither the caller's later edits to d nor edits to
// the copy reach the other.
func clone(d *Document) *Document {
	return deepCopy(reflect.ValueOf(d)).Interface().(*Document)
}

// deepCopy copies v and everything it refers to. A nil slice or map stays
// nil and an empty one empty (the JSON differs). Unexported struct fields
// are copied as they are; the document's types have none.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	}
	return v
}
