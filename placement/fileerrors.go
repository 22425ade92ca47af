package placement

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// explainDecode makes a decoder's failure on a profile document one a
// consultant can act on, whichever strict decoder produced it: when the
// document has a field the file format does not know, the message goes on
// to list the fields that are valid there, by their file names; Go type
// names, which mean nothing to the reader, are removed from the decoder's
// words. The decoder's error stays in the chain (errors.Is and errors.As
// see it), and so does [ErrSyntax] when it was there.
//
// file is the Go form of the document (profileFile): its json tags are
// the field names of the file format.
func explainDecode(data []byte, file any, err error) error {
	msg := plainDecoderText(err.Error())
	var doc any
	if yaml.Unmarshal(data, &doc) == nil {
		if path, fields, ok := firstUnknownField(doc, reflect.TypeOf(file), ""); ok {
			where := "the fields are"
			if path != "" {
				where = "the fields of " + path + " are"
			}
			msg += "; " + where + " " + joinList(fields, "and")
		}
	}
	return &decodeError{msg: msg, err: err}
}

// decodeError is a decoder's error with a message for the reader.
type decodeError struct {
	msg string
	err error
}

func (e *decodeError) Error() string { return e.msg }
func (e *decodeError) Unwrap() error { return e.err }

// firstUnknownField walks a generically decoded document v along the Go
// type t it is read into and returns the first key (in sorted order) that
// no field takes: the path of the object holding it and that object's
// valid field names.
func firstUnknownField(v any, t reflect.Type, path string) (string, []string, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	m, ok := asMapping(v)
	if !ok {
		return "", nil, false
	}
	at := func(key string) string {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	switch t.Kind() {
	case reflect.Struct:
		fields := fileFields(t)
		for _, k := range slices.Sorted(mapsKeys(m)) {
			i := slices.IndexFunc(fields, func(f fileField) bool { return f.name == k })
			if i < 0 {
				return path, fieldNames(fields), true
			}
			if p, f, ok := firstUnknownField(m[k], fields[i].typ, at(k)); ok {
				return p, f, true
			}
		}
	case reflect.Map:
		for _, k := range slices.Sorted(mapsKeys(m)) {
			if p, f, ok := firstUnknownField(m[k], t.Elem(), at(k)); ok {
				return p, f, true
			}
		}
	}
	return "", nil, false
}

// sortByField orders errs as the fields of file are declared (the order
// of the documented file format), so that a reader meets them in the order
// of the file; errors without a known field come last, in their order.
func sortByField(errs []error, file any) {
	names := fieldNames(fileFields(reflect.TypeOf(file)))
	rank := func(err error) int {
		var fe *FieldError
		if !errors.As(err, &fe) {
			return len(names)
		}
		top, _, _ := strings.Cut(fe.Path, ".")
		if i := slices.Index(names, top); i >= 0 {
			return i
		}
		return len(names)
	}
	slices.SortStableFunc(errs, func(a, b error) int { return rank(a) - rank(b) })
}

// fileField is a field of a file format: its name and Go type.
type fileField struct {
	name string
	typ  reflect.Type
}

// fileFields lists the fields of struct type t under their file names, in
// declaration order.
func fileFields(t reflect.Type) []fileField {
	var out []fileField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, fileField{name, f.Type})
	}
	return out
}

func fieldNames(fields []fileField) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.name
	}
	return out
}

// asMapping returns v as a mapping with text keys (YAML decodes a mapping
// with non-text keys as map[any]any).
func asMapping(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[fmt.Sprint(k)] = x
		}
		return out, true
	}
	return nil, false
}

func mapsKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

var (
	// "json: cannot unmarshal string into Go struct field profileFile.employees of type float64"
	goStructField = regexp.MustCompile(`Go struct field \*?[\w]+\.([\w.]+) of type [\w.*\[\]]+`)
	// "yaml: unmarshal errors:\n  line 4: field colour not found in type placement.profileFile"
	inGoType = regexp.MustCompile(` in type \*?[\w.\[\]]+`)
	// "cannot unmarshal !!str `abc` into float64"
	intoGoType = regexp.MustCompile(`into \*?(?:map\[\w+\])?[\w]+(?:\.\w+)?`)
)

// plainDecoderText rewrites a decoder's message without Go type names and
// on one line.
func plainDecoderText(msg string) string {
	msg = goStructField.ReplaceAllString(msg, `field "$1"`)
	msg = inGoType.ReplaceAllString(msg, "")
	msg = intoGoType.ReplaceAllStringFunc(msg, func(s string) string {
		switch t := strings.TrimPrefix(s, "into "); {
		case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
			return "into a mapping"
		case strings.HasPrefix(t, "float"), strings.HasPrefix(t, "int"):
			return "into a number"
		case t == "string":
			return "into text"
		}
		return s
	})
	msg = strings.ReplaceAll(msg, "yaml: unmarshal errors:", "")
	msg = strings.ReplaceAll(msg, "YAML: yaml: ", "YAML: ")
	msg = strings.ReplaceAll(msg, "JSON: json: ", "JSON: ")
	return strings.Join(strings.Fields(msg), " ")
}
