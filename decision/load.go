package decision

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/socialseat/socialseat/internal/strictdec"
)

//go:embed schema/v1.json
var schemaV1 []byte

// schemaURL is the $id of the version 1 schema.
const schemaURL = "https://github.com/socialseat/socialseat/decision/schema/v1.json"

// Schema returns the published JSON Schema (draft 2020-12) of the given
// schema_version, and false for a version that does not exist.
func Schema(version int) ([]byte, bool) {
	if version == 1 {
		return bytes.Clone(schemaV1), true
	}
	return nil, false
}

// compiledV1 is the version 1 schema, compiled once; a compiled schema is
// immutable and safe for concurrent validation.
var compiledV1 = sync.OnceValues(func() (*jsonschema.Schema, error) { return compileSchema(1) })

// parsedV1 is the version 1 schema as plain JSON values, read once and
// never modified.
var parsedV1 = sync.OnceValues(func() (map[string]any, error) {
	var sch map[string]any
	err := json.Unmarshal(schemaV1, &sch)
	return sch, err
})

// schemaFor returns the compiled schema of a version.
func schemaFor(version int) (*jsonschema.Schema, error) {
	if version == 1 {
		return compiledV1()
	}
	return nil, &VersionError{Version: version}
}

// compileSchema compiles the embedded schema of a version.
func compileSchema(version int) (*jsonschema.Schema, error) {
	src, ok := Schema(version)
	if !ok {
		return nil, &VersionError{Version: version}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
}

// Load decodes a decision document strictly. Its schema_version selects
// the schema it must validate against; older versions are upgraded to the
// current [Document]. It does not evaluate the document: call [Decide].
//
// The error is a [*VersionError] (no schema_version, an unknown one, or a
// value that is not a version number, such as 1.0 or "1") or a
// [*PathError] wrapping [ErrSchema] whose Pointer locates the first
// violation: a value of the wrong type, a null number, an unknown or
// duplicate key (the Pointer names the key itself), a key whose case
// differs from a known one (the message names the one meant), or a missing
// field. Malformed JSON, invalid UTF-8 and data after the document have no
// Pointer (it is empty) but a Line and Column.
func Load(data []byte) (*Document, error) {
	// The syntax first, strictly: duplicate keys at any depth, invalid
	// UTF-8 and trailing data, with their place.
	var raw any
	if err := strictdec.DecodeJSON(data, &raw); err != nil {
		return nil, decodeError(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, &PathError{Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	obj, ok := inst.(map[string]any)
	if !ok {
		return nil, &PathError{Err: fmt.Errorf("%w: the document is not a JSON object", ErrSchema)}
	}
	version, err := readVersion(obj)
	if err != nil {
		return nil, err
	}
	sch, err := schemaFor(version)
	if err != nil {
		var ve *VersionError
		if errors.As(err, &ve) {
			return nil, ve
		}
		return nil, fmt.Errorf("decision: the embedded schema does not compile: %w", err)
	}
	if err := caseFolded(obj, version); err != nil {
		return nil, err
	}
	if err := sch.Validate(inst); err != nil {
		return nil, schemaError(err)
	}
	if p := findNull(obj["method"], "/method"); p != "" {
		return nil, &PathError{Pointer: p, Err: fmt.Errorf("%w: null is not a value", ErrSchema)}
	}
	var d Document
	switch version {
	case 1:
		if err := strictdec.Decode(data, &d); err != nil {
			return nil, decodeError(err)
		}
	}
	return &d, nil
}

// readVersion returns the document's schema_version, or a VersionError
// that says what was found instead of a version number.
func readVersion(obj map[string]any) (int, error) {
	v, ok := obj["schema_version"]
	if !ok {
		return 0, &VersionError{}
	}
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil && i > 0 && i <= math.MaxInt32 {
			return int(i), nil
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte("?")
	}
	if len(b) > 40 {
		b = append(b[:37:37], "…"...)
	}
	ve := &VersionError{Value: string(b)}
	return 0, ve
}

// caseFolded reports the first key of the document that is not a member
// its schema knows but differs from one only in case ("Title" for
// "title"): the schema would only call it an unknown property, or call the
// member it was meant to be missing.
func caseFolded(obj map[string]any, version int) error {
	if version != 1 {
		return &VersionError{Version: version}
	}
	sch, err := parsedV1()
	if err != nil {
		return fmt.Errorf("decision: the embedded schema does not decode: %w", err)
	}
	defs, _ := sch["$defs"].(map[string]any)
	return foldAt(obj, sch, defs, "")
}

// foldAt checks the instance v against the schema s (only its properties,
// additionalProperties and items matter), at the JSON Pointer at.
func foldAt(v any, s map[string]any, defs map[string]any, at string) error {
	for range 64 { // a $ref chain; the schema has no cycle of bare $refs
		ref, ok := s["$ref"].(string)
		if !ok {
			break
		}
		def, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if def == nil {
			return nil
		}
		s = def
	}
	switch t := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		extra, _ := s["additionalProperties"].(map[string]any)
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := at + "/" + escape(k)
			sub, known := props[k].(map[string]any)
			if !known && extra == nil {
				meant := make([]string, 0, 1)
				for name := range props {
					if strings.EqualFold(name, k) {
						meant = append(meant, name)
					}
				}
				if len(meant) > 0 {
					sort.Strings(meant)
					return &PathError{Pointer: p, Err: fmt.Errorf("%w: key %q differs from %q only in case (keys match exactly)", ErrSchema, k, meant[0])}
				}
				continue
			}
			if !known {
				sub = extra
			}
			if err := foldAt(t[k], sub, defs, p); err != nil {
				return err
			}
		}
	case []any:
		items, _ := s["items"].(map[string]any)
		if items == nil {
			return nil
		}
		for i, x := range t {
			if err := foldAt(x, items, defs, at+"/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeError turns an error of the strict decoder into a PathError whose
// Pointer is the decoder's path (the key itself for an unknown or duplicate
// key), with its line and column.
func decodeError(err error) error {
	var se *strictdec.Error
	if !errors.As(err, &se) {
		return &PathError{Err: fmt.Errorf("%w: %w", ErrSchema, err)}
	}
	ptr, ok := pathPointer(se.Path)
	if !ok {
		// Not a path this package can read: keep it in the message.
		return &PathError{Line: se.Line, Column: se.Column, Err: fmt.Errorf("%w: %s: %w", ErrSchema, se.Path, se.Err)}
	}
	if se.Key != "" {
		ptr += "/" + escape(se.Key)
	}
	return &PathError{Pointer: ptr, Line: se.Line, Column: se.Column, Err: fmt.Errorf("%w: %w", ErrSchema, se.Err)}
}

// pathPointer converts a path of the strict decoder (criteria[0].name,
// stakeholders[1].judgements["brand control"]) to a JSON Pointer.
func pathPointer(path string) (string, bool) {
	var b strings.Builder
	for len(path) > 0 {
		switch path[0] {
		case '.':
			path = path[1:]
		case '[':
			if strings.HasPrefix(path, `["`) {
				q, err := strconv.QuotedPrefix(path[1:])
				if err != nil || !strings.HasPrefix(path[1+len(q):], "]") {
					return "", false
				}
				key, _ := strconv.Unquote(q)
				b.WriteString("/" + escape(key))
				path = path[1+len(q)+1:]
				continue
			}
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return "", false
			}
			b.WriteString("/" + path[1:end])
			path = path[end+1:]
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			b.WriteString("/" + escape(path[:end]))
			path = path[end:]
		}
	}
	return b.String(), true
}

// schemaError turns a validation error into a PathError at the deepest
// first cause.
func schemaError(err error) error {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return &PathError{Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	leaf := ve
	for len(leaf.Causes) > 0 {
		leaf = leaf.Causes[0]
	}
	if ap, ok := leaf.ErrorKind.(*kind.AdditionalProperties); ok && len(ap.Properties) > 0 {
		// The Pointer names the unknown key itself, not its object.
		keys := slices.Sorted(slices.Values(ap.Properties))
		return &PathError{Pointer: pointer(append(slices.Clone(leaf.InstanceLocation), keys[0])),
			Err: fmt.Errorf("%w: unknown key %q", ErrSchema, keys[0])}
	}
	msg := leaf.Error()
	if strings.HasPrefix(msg, "at '") {
		if i := strings.Index(msg, "': "); i >= 0 {
			msg = msg[i+3:]
		}
	}
	return &PathError{Pointer: pointer(leaf.InstanceLocation), Err: fmt.Errorf("%w: %s", ErrSchema, msg)}
}

// pointer encodes a location as a JSON Pointer.
func pointer(loc []string) string {
	var b strings.Builder
	for _, s := range loc {
		b.WriteByte('/')
		b.WriteString(escape(s))
	}
	return b.String()
}

// findNull returns the pointer of the first null inside v, or "".
func findNull(v any, at string) string {
	switch t := v.(type) {
	case nil:
		return at
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p := findNull(t[k], at+"/"+escape(k)); p != "" {
				return p
			}
		}
	case []any:
		for i, x := range t {
			if p := findNull(x, fmt.Sprintf("%s/%d", at, i)); p != "" {
				return p
			}
		}
	}
	return ""
}

// validateSchema checks that d, as Marshal writes it, follows the schema
// of its version, so that Load reads back whatever Decide returns.
func validateSchema(d *Document) error {
	b, err := d.Marshal()
	if err != nil {
		return &PathError{Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return &PathError{Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	sch, err := schemaFor(d.SchemaVersion)
	if err != nil {
		return err
	}
	if err := sch.Validate(inst); err != nil {
		return schemaError(err)
	}
	return nil
}
