package strictdec

import (
	"bytes"
	"reflect"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// member is a struct field as a JSON object member.
type member struct {
	name     string
	typ      reflect.Type
	required bool
}

// members lists the JSON members of struct type t as go-json-experiment
// names them: the tag's name or else the field's, embedded structs
// without a name (or tagged inline) merged in, "-" and unexported fields
// left out. A member is required unless tagged omitempty or omitzero.
func members(t reflect.Type) []member {
	var out []member
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		inline := strings.Contains(","+opts+",", ",inline,")
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if (inline || (f.Anonymous && name == "")) && ft.Kind() == reflect.Struct && !decodesJSON(ft) {
			out = append(out, members(ft)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		optional := false
		for o := range strings.SplitSeq(opts, ",") {
			optional = optional || o == "omitempty" || o == "omitzero"
		}
		out = append(out, member{name: name, typ: f.Type, required: !optional})
	}
	return out
}

// checkRequired reports the first required member that data, already
// decoded into a value of type t, lacks or gives as null; data itself
// must not be null.
func checkRequired(data []byte, t reflect.Type, y *yamlDoc) error {
	w := walker{data: data, dec: jsontext.NewDecoder(bytes.NewReader(data), options)}
	if y != nil {
		w.lines = y.lines
	}
	if w.dec.PeekKind() == 'n' {
		e := w.locate("", len(data)-len(bytes.TrimLeft(data, " \t\r\n")))
		e.Err = causef(ErrNull, "null is not a value")
		return e
	}
	return w.value(t)
}

// walker reads a decoded document a second time alongside the Go type it
// decoded into.
type walker struct {
	data  []byte
	lines map[string]int
	dec   *jsontext.Decoder
}

func (w *walker) value(t reflect.Type) error {
	for t.Kind() == reflect.Pointer && !decodesJSON(t) {
		t = t.Elem()
	}
	kind := w.dec.PeekKind()
	switch {
	case decodesJSON(t) || decodesText(t):
	case kind == '{' && t.Kind() == reflect.Struct:
		return w.object(t)
	case kind == '{' && t.Kind() == reflect.Map:
		return w.each('}', func() error {
			if _, err := w.dec.ReadToken(); err != nil { // the key
				return err
			}
			return w.value(t.Elem())
		})
	case kind == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		return w.each(']', func() error { return w.value(t.Elem()) })
	}
	return w.dec.SkipValue()
}

// each reads an object or array, calling elem for each element.
func (w *walker) each(end jsontext.Kind, elem func() error) error {
	if _, err := w.dec.ReadToken(); err != nil {
		return err
	}
	return w.rest(end, elem)
}

// rest reads the rest of an object or array whose start has been read.
func (w *walker) rest(end jsontext.Kind, elem func() error) error {
	for w.dec.PeekKind() != end {
		if err := elem(); err != nil {
			return err
		}
	}
	_, err := w.dec.ReadToken()
	return err
}

func (w *walker) object(t reflect.Type) error {
	ms := members(t)
	seen := make([]bool, len(ms))
	start := int(w.dec.InputOffset())
	start += len(w.data[start:]) - len(bytes.TrimLeft(w.data[start:], " \t\r\n,:"))
	if _, err := w.dec.ReadToken(); err != nil { // {
		return err
	}
	ptr := w.dec.StackPointer()
	err := w.rest('}', func() error {
		tok, err := w.dec.ReadToken()
		if err != nil {
			return err
		}
		name := tok.String()
		for i := range ms {
			if ms[i].name != name {
				continue
			}
			seen[i] = true
			if w.dec.PeekKind() == 'n' && ms[i].required && !decodesJSON(ms[i].typ) {
				off := int(w.dec.InputOffset())
				off += len(w.data[off:]) - len(bytes.TrimLeft(w.data[off:], " \t\r\n:"))
				e := w.locate(ptr, off)
				e.Path = joinPath(pathOf(w.data, ptr), keyPath(name))
				e.Err = causef(ErrNull, "null is not a value")
				return e
			}
			return w.value(ms[i].typ)
		}
		return w.dec.SkipValue()
	})
	if err != nil {
		return err
	}
	for i, m := range ms {
		if m.required && !seen[i] {
			e := w.locate(ptr, start)
			e.Path = joinPath(pathOf(w.data, ptr), keyPath(m.name))
			e.Err = causef(ErrMissing, "missing field %q", m.name)
			return e
		}
	}
	return nil
}

// locate is the package's locate for the document being walked; ptr is
// the enclosing object's pointer, for a YAML document's lines.
func (w *walker) locate(ptr jsontext.Pointer, off int) *Error {
	return locate(w.data, w.lines, ptr, off)
}

// keyPath renders one member name as a path.
func keyPath(name string) string {
	var b strings.Builder
	writeKey(&b, name)
	return b.String()
}
