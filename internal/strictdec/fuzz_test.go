package strictdec

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fuzzDoc has a field of each kind the project decodes. Pointers carry
// omitzero so that re-encoding an absent value does not write null.
type fuzzDoc struct {
	Name   string             `json:"name"`
	Num    float64            `json:"num"`
	Int    int                `json:"int"`
	Ptr    *float64           `json:"ptr,omitzero"`
	Flag   bool               `json:"flag"`
	Nums   []float64          `json:"nums"`
	Matrix [][]float64        `json:"matrix"`
	Map    map[string]float64 `json:"map"`
	Kind   fuzzEnum           `json:"kind"`
	Maybe  []nullable         `json:"maybe"`
	Items  []fuzzItem         `json:"items"`
}

type fuzzItem struct {
	ID    string   `json:"id"`
	Level *float64 `json:"level,omitzero"`
}

// fuzzEnum decodes from text, like the project's enumerations.
type fuzzEnum int

func (e fuzzEnum) MarshalText() ([]byte, error) { return []byte(strconv.Itoa(int(e))), nil }

func (e *fuzzEnum) UnmarshalText(b []byte) error {
	switch string(b) {
	case "a", "0":
		*e = 0
	case "b", "1":
		*e = 1
	default:
		return errors.New("unknown kind " + strconv.Quote(string(b)))
	}
	return nil
}

// nullable decodes null itself (as scoring.Judgement does): to -1.
type nullable float64

func (n nullable) MarshalJSON() ([]byte, error) {
	if n == -1 {
		return []byte("null"), nil
	}
	return json.Marshal(float64(n))
}

func (n *nullable) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = -1
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*n = nullable(f)
	return nil
}

var sentinels = []error{ErrEmpty, ErrSyntax, ErrInvalidUTF8, ErrNull, ErrType, ErrUnknownField,
	ErrDuplicateKey, ErrTrailingData, ErrTag, ErrAlias, ErrMissing}

// FuzzDecode feeds arbitrary documents to DecodeJSON, DecodeYAML and
// Decode. Properties: no panic; an error is an *Error wrapping a sentinel
// (or the type's own error); an accepted document holds no null where a
// number is wanted, and re-encoding the value and decoding it again gives
// the same value.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"name":"a","num":1.5,"int":2,"ptr":3,"flag":true,"nums":[1,2],"matrix":[[1,2],[3,4]],"map":{"x":1},"kind":"b","maybe":[1,null],"items":[{"id":"x","level":2}]}`,
		`{"num":null}`, `{"matrix":[[1,null]]}`, `{"map":{"x":null}}`, `{"ptr":null}`, `{"items":[{"level":null}]}`,
		`{"name":"a","name":"b"}`, `{"Name":"a"}`, `{"NUM":1}`, `{"name":"a"}]}`, `{"name":"a"} {}`,
		"\uFEFF{\"name\":\"a\"}", "{\"name\":\"a\xff\"}", `{"int":1.5}`, `{"num":"1"}`, `{"kind":"z"}`,
		"name: a\nnum: 1.5\nmatrix:\n  - [1, 2]\nmap: {x: 1}\nitems:\n  - id: x\n    level: 2\n",
		"num: ~\n", "num: null\n", "matrix: [[1, ~]]\n", "name: a\nname: b\n", "Name: a\n",
		"name: !!binary aGk=\n", "name: !x a\n", "name: &a x\nkind: *a\n", "<<: {name: a}\n",
		"\uFEFFname: a\n", "name: \"a\xfe\"\n", "name: a\n---\nname: b\n", "num: .nan\nptr: -.inf\n",
		"int: 0x1F\nnum: 1_000\n", "? [a]\n: b\n", "", "# nothing\n", "[1, 2]", "num: 1e999\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(format string, decode func([]byte, any) error) {
			orig := bytes.Clone(data)
			var v fuzzDoc
			err := decode(data, &v)
			if !bytes.Equal(orig, data) {
				t.Fatalf("%s: input modified", format)
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("%s: error %T is not an *Error: %v", format, err, err)
				}
				if e.Err == nil || e.Error() == "" {
					t.Fatalf("%s: empty error %#v", format, e)
				}
				if !wrapsSentinel(err) && e.Path == "" {
					t.Fatalf("%s: error wraps no sentinel and names no path: %v", format, err)
				}
				if v.Name != "" || v.Num != 0 || v.Matrix != nil || v.Map != nil {
					t.Fatalf("%s: failed decode changed the target: %+v", format, v)
				}
				return
			}
			noNullNumbers(t, format, data)
			if hasNonFinite(v) {
				return // only YAML can write it; JSON cannot carry it back
			}
			js, err := json.Marshal(v, json.Deterministic(true))
			if err != nil {
				t.Fatalf("%s: re-encoding %+v: %v", format, v, err)
			}
			var again fuzzDoc
			if err := DecodeJSON(js, &again); err != nil {
				t.Fatalf("%s: decoding the re-encoded %s: %v", format, js, err)
			}
			if diff := cmp.Diff(v, again, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("%s: round trip through %s differs (-first +again):\n%s", format, js, diff)
			}
		}
		for _, opts := range [][]Option{nil, {RequireFields}} {
			check("JSON", func(b []byte, v any) error { return DecodeJSON(b, v, opts...) })
			check("YAML", func(b []byte, v any) error { return DecodeYAML(b, v, opts...) })
			check("auto", func(b []byte, v any) error { return Decode(b, v, opts...) })
		}
	})
}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func hasNonFinite(v fuzzDoc) bool {
	bad := func(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }
	fs := append([]float64{v.Num}, v.Nums...)
	if v.Ptr != nil {
		fs = append(fs, *v.Ptr)
	}
	for _, row := range v.Matrix {
		fs = append(fs, row...)
	}
	for _, x := range v.Map {
		fs = append(fs, x)
	}
	for _, x := range v.Maybe {
		fs = append(fs, float64(x))
	}
	for _, it := range v.Items {
		if it.Level != nil {
			fs = append(fs, *it.Level)
		}
	}
	for _, f := range fs {
		if bad(f) {
			return true
		}
	}
	return false
}

// noNullNumbers checks, on the document as a generic tree, that an
// accepted document has no null where fuzzDoc wants a number.
func noNullNumbers(t *testing.T, format string, data []byte) {
	t.Helper()
	data = bytes.TrimPrefix(data, bom)
	js := data
	if format == "YAML" || (format == "auto" && !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{"))) {
		var err error
		if js, _, err = yamlToJSON(data); err != nil {
			t.Fatalf("%s: accepted, but does not convert: %v", format, err)
		}
	}
	var tree map[string]any
	if err := json.Unmarshal(js, &tree, jsontext.AllowDuplicateNames(true)); err != nil {
		t.Fatalf("%s: accepted, but is not a JSON object: %v", format, err)
	}
	isNull := func(v any, ok bool) bool { return ok && v == nil }
	for _, k := range []string{"num", "int", "ptr", "flag", "name", "kind"} {
		if v, ok := tree[k]; isNull(v, ok) {
			t.Fatalf("%s: accepted null for %q", format, k)
		}
	}
	list := func(v any) []any { l, _ := v.([]any); return l }
	for _, v := range list(tree["nums"]) {
		if v == nil {
			t.Fatalf("%s: accepted null in nums", format)
		}
	}
	for _, row := range list(tree["matrix"]) {
		for _, v := range list(row) {
			if v == nil {
				t.Fatalf("%s: accepted null in matrix", format)
			}
		}
	}
	if m, ok := tree["map"].(map[string]any); ok {
		for k, v := range m {
			if v == nil {
				t.Fatalf("%s: accepted null for map[%q]", format, k)
			}
		}
	}
	for _, it := range list(tree["items"]) {
		if m, ok := it.(map[string]any); ok {
			if v, ok := m["level"]; isNull(v, ok) {
				t.Fatalf("%s: accepted null level", format)
			}
		}
	}
}
