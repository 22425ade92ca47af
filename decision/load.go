package decision

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

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
// The error is a [*VersionError] (no or an unknown schema_version) or a
// [*PathError] wrapping [ErrSchema] whose Pointer locates the first
// violation: a value of the wrong type, a null number, an unknown or
// duplicate key, a key whose case differs, a missing field, or data after
// the document.
func Load(data []byte) (*Document, error) {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, &PathError{Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	obj, ok := inst.(map[string]any)
	if !ok {
		return nil, &PathError{Err: fmt.Errorf("%w: the document is not a JSON object", ErrSchema)}
	}
	version := 0
	if v, ok := obj["schema_version"].(json.Number); ok {
		if n, err := v.Int64(); err == nil && n > 0 && n <= 1<<20 {
			version = int(n)
		}
	}
	sch, err := schemaFor(version)
	if err != nil {
		var ve *VersionError
		if errors.As(err, &ve) {
			return nil, ve
		}
		return nil, fmt.Errorf("decision: the embedded schema does not compile: %w", err)
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
			return nil, &PathError{Err: fmt.Errorf("%w: %w", ErrSchema, err)}
		}
	}
	return &d, nil
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
