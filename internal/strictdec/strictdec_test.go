package strictdec

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// doc has the shapes of the project's documents: a request's criteria,
// matrix and thresholds, a profile's maps, a model's coefficients.
type doc struct {
	Name        string                `json:"name"`
	Method      string                `json:"method"`
	Criteria    []criterion           `json:"criteria"`
	Matrix      [][]float64           `json:"matrix"`
	V           *float64              `json:"v,omitempty"`
	Points      []float64             `json:"points"`
	Ranks       []int                 `json:"ranks"`
	Preference  []threshold           `json:"preference"`
	Touchpoints map[string]float64    `json:"touchpoints"`
	Active      bool                  `json:"active"`
	Judgements  []nullable            `json:"judgements"`
	Kind        fuzzEnum              `json:"kind"`
	Tags        []string              `json:"tags"`
	Bounds      [][2]float64          `json:"bounds,omitempty"`
	Ranges      map[string][2]float64 `json:"ranges,omitempty"`
}

type criterion struct {
	Name   string   `json:"name"`
	Weight *float64 `json:"weight"`
}

type threshold struct {
	Q float64 `json:"q"`
	P float64 `json:"p"`
	S float64 `json:"s"`
}

func ptr(f float64) *float64 { return &f }

func TestDecodeAccepts(t *testing.T) {
	t.Parallel()
	want := doc{
		Name: "é", Method: "wsm", Criteria: []criterion{{Name: "a", Weight: ptr(0.5)}},
		Matrix: [][]float64{{1, 2}, {3, 4}}, Touchpoints: map[string]float64{"x": 3}, Active: true,
		Judgements: []nullable{2, -1}, Kind: 1, Tags: []string{"t", "t"},
	}
	cases := []struct{ name, in string }{
		{"JSON", `{"name":"é","method":"wsm","criteria":[{"name":"a","weight":0.5}],"matrix":[[1,2],[3,4]],"touchpoints":{"x":3},"active":true,"judgements":[2,null],"kind":"b","tags":["t","t"]}`},
		{"JSON with BOM", "\uFEFF" + `{"name":"é","method":"wsm","criteria":[{"name":"a","weight":0.5}],"matrix":[[1,2],[3,4]],"touchpoints":{"x":3},"active":true,"judgements":[2,null],"kind":"b","tags":["t","t"]}`},
		{"YAML", "name: é\nmethod: wsm\ncriteria:\n  - name: a\n    weight: 0.5\nmatrix:\n  - [1, 2]\n  - [3, 4]\ntouchpoints: {x: 3}\nactive: true\njudgements: [2, ~]\nkind: b\ntags: [t, t]\n"},
		{"YAML with BOM", "\uFEFFname: é\nmethod: wsm\ncriteria: [{name: a, weight: 0.5}]\nmatrix: [[1, 2], [3, 4]]\ntouchpoints: {x: 3}\nactive: true\njudgements: [2, null]\nkind: b\ntags: [t, t]\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got doc
			require.NoError(t, Decode([]byte(tc.in), &got))
			assert.Equal(t, want, got)
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		want     error
		path     string // Error.Path
		line     int    // Error.Line; 0: not checked
		msg      string // in Error()
	}{
		// null is never a number, a boolean or a string.
		{"null matrix cell", `{"matrix":[[1,2],[3,null]]}`, ErrNull, "matrix[1][1]", 1, "matrix[1][1]: null is not a number"},
		{"null weight", `{"criteria":[{"name":"a","weight":null}]}`, ErrNull, "criteria[0].weight", 1, "criteria[0].weight: null is not a number"},
		{"null pointer number", `{"v":null}`, ErrNull, "v", 1, "v: null is not a number"},
		{"null points value", `{"points":[100,null,30]}`, ErrNull, "points[1]", 1, "points[1]: null is not a number"},
		{"null rank", `{"ranks":[1,null]}`, ErrNull, "ranks[1]", 1, "ranks[1]: null is not a number"},
		{"null PROMETHEE q", `{"preference":[{"q":null,"p":1}]}`, ErrNull, "preference[0].q", 1, "preference[0].q: null is not a number"},
		{"null PROMETHEE p", `{"preference":[{"q":0,"p":null}]}`, ErrNull, "preference[0].p", 1, "preference[0].p: null is not a number"},
		{"null PROMETHEE s", `{"preference":[{},{"s":null}]}`, ErrNull, "preference[1].s", 1, "preference[1].s: null is not a number"},
		{"null map value", `{"touchpoints":{"customer-support":null}}`, ErrNull, "touchpoints.customer-support", 1, "touchpoints.customer-support: null is not a number"},
		// A fixed-size array (a range) has no empty form: null is not [0, 0].
		{"null range in a list", `{"bounds":[[0,5],null]}`, ErrNull, "bounds[1]", 1, "bounds[1]: null is not a list of 2 values"},
		{"null range in a map", `{"ranges":{"reach":null}}`, ErrNull, "ranges.reach", 1, "ranges.reach: null is not a list of 2 values"},
		{"YAML ~ range", "ranges:\n  reach: ~\n", ErrNull, "ranges.reach", 2, "YAML line 2: ranges.reach: null is not a list of 2 values"},
		{"null boolean", `{"active":null}`, ErrNull, "active", 1, "active: null is not a boolean"},
		{"null string", `{"name":null}`, ErrNull, "name", 1, "name: null is not a string"},
		{"null enum", `{"kind":null}`, ErrNull, "kind", 1, "kind: null is not a string"},
		{"YAML ~ matrix cell", "matrix:\n  - [1, 2]\n  - [3, ~]\n", ErrNull, "matrix[1][1]", 3, "YAML line 3: matrix[1][1]: null is not a number"},
		{"YAML empty value", "touchpoints:\n  customer-support:\n", ErrNull, "touchpoints.customer-support", 2, "touchpoints.customer-support: null is not a number"},
		{"YAML null weight", "criteria:\n  - name: a\n    weight: null\n", ErrNull, "criteria[0].weight", 3, "criteria[0].weight: null is not a number"},
		// Keys are exact.
		{"case variant", `{"Matrix":[[1]]}`, ErrUnknownField, "", 1, `unknown field "Matrix"`},
		{"upper case", `{"METHOD":"wsm"}`, ErrUnknownField, "", 1, `unknown field "METHOD"`},
		{"nested case variant", `{"criteria":[{"Name":"a"}]}`, ErrUnknownField, "criteria[0]", 1, `criteria[0]: unknown field "Name"`},
		{"YAML case variant", "method: wsm\nMatrix: [[1]]\n", ErrUnknownField, "", 2, `YAML line 2: unknown field "Matrix"`},
		{"duplicate key", `{"method":"wsm","method":"topsis"}`, ErrDuplicateKey, "", 1, `duplicate key "method"`},
		{"nested duplicate key", `{"criteria":[{"name":"a","name":"b"}]}`, ErrDuplicateKey, "criteria[0]", 1, `criteria[0]: duplicate key "name"`},
		{"duplicate map key", `{"touchpoints":{"x":1,"x":2}}`, ErrDuplicateKey, "touchpoints", 1, `touchpoints: duplicate key "x"`},
		{"YAML duplicate key", "method: wsm\nname: a\nmethod: topsis\n", ErrDuplicateKey, "", 3, `YAML line 3: duplicate key "method" (first on line 1)`},
		{"YAML nested duplicate", "touchpoints:\n  x: 1\n  x: 2\n", ErrDuplicateKey, "touchpoints", 3, `touchpoints: duplicate key "x"`},
		// One value only.
		{"trailing brackets", `{"method":"wsm","matrix":[[1]]}]}`, ErrTrailingData, "", 1, "column 32: data after the top-level value"},
		{"second object", "{\"method\":\"wsm\"}\n{}", ErrTrailingData, "", 2, "line 2, column 1: data after the top-level value"},
		{"second YAML document", "method: wsm\n---\nmethod: topsis\n", ErrTrailingData, "", 0, "more than one document"},
		// Text.
		{"invalid UTF-8 in a JSON name", "{\"criteria\":[{\"name\":\"caf\xe9\"}]}", ErrInvalidUTF8, "", 1, "line 1, column 26: invalid UTF-8 (byte 0xE9"},
		{"invalid UTF-8 in a YAML name", "method: wsm\nname: \"caf\xe9\"\n", ErrInvalidUTF8, "", 2, "YAML line 2, column 11: invalid UTF-8"},
		{"UTF-16", "\xff\xfe{\x00}\x00", ErrInvalidUTF8, "", 1, "UTF-16"},
		{"BOM not at the start", "{\"method\":\"wsm\"}\uFEFF", ErrTrailingData, "", 1, "data after"},
		// YAML features that have no JSON equivalent.
		{"binary tag", "name: !!binary aGk=\n", ErrTag, "name", 1, "YAML line 1: name: tag !!binary is not allowed"},
		{"str tag", "name: !!str 12\n", ErrTag, "name", 1, "tag !!str is not allowed"},
		{"custom tag", "criteria:\n  - !custom {name: a}\n", ErrTag, "criteria[0]", 2, "criteria[0]: tag !custom is not allowed"},
		{"tag on a key", "!k name: a\n", ErrTag, "", 1, "tag !k on key"},
		{"anchor", "name: &n a\nmethod: b\n", ErrAlias, "name", 1, "anchor &n"},
		{"merge key", "<<: {name: a}\n", ErrTag, "", 1, "merge keys (<<) are not allowed"},
		{"list as key", "? [a]\n: b\n", ErrType, "", 1, "a key must be a plain string"},
		// Types and syntax.
		{"string for a number", `{"matrix":[[1,"2"]]}`, ErrType, "matrix[0][1]", 1, "matrix[0][1]: want a number, got a string"},
		{"fraction for an integer", `{"ranks":[1.5]}`, ErrType, "ranks[0]", 1, "ranks[0]: want an integer, got 1.5"},
		{"number out of range", `{"points":[1e999]}`, ErrType, "points[0]", 1, "1e999 is out of range"},
		{"YAML string for a number", "touchpoints: {x: high}\n", ErrType, "touchpoints.x", 1, "want a number, got a string"},
		{"key with a space", `{"touchpoints":{"a b":"x"}}`, ErrType, `touchpoints["a b"]`, 1, `touchpoints["a b"]: want a number`},
		{"truncated JSON", `{"method":`, ErrSyntax, "", 1, "invalid JSON: the document ends too early"},
		{"bad JSON", "{\"method\":\"wsm\"\n\"name\":\"a\"}", ErrSyntax, "", 2, "line 2, column 1: invalid JSON: invalid character"},
		{"bad YAML", "method: [wsm\n", ErrSyntax, "", 1, "invalid YAML"},
		{"empty", " \n\t", ErrEmpty, "", 0, "empty document"},
		{"only a comment", "# nothing\n", ErrEmpty, "", 0, "empty document"},
		{"only a BOM", "\uFEFF", ErrEmpty, "", 0, "empty document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := doc{Name: "untouched"}
			err := Decode([]byte(tc.in), &got)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.path, e.Path, "path")
			if tc.line > 0 {
				assert.Equal(t, tc.line, e.Line, "line")
			}
			assert.Contains(t, err.Error(), tc.msg)
			assert.Equal(t, doc{Name: "untouched"}, got, "a failed decode leaves the target alone")
		})
	}
}

// TestTypeErrorsKeepTheirChain checks that a type's own decoding error
// (an unknown enumeration token) stays visible to errors.Is.
func TestTypeErrorsKeepTheirChain(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`{"kind":"z"}`, "kind: z\n"} {
		err := Decode([]byte(in), &doc{})
		var e *Error
		require.ErrorAs(t, err, &e, in)
		assert.Equal(t, "kind", e.Path)
		assert.Contains(t, err.Error(), `kind: unknown kind "z"`)
	}
}

// TestFormatsAgree decodes the same content written as JSON and as YAML.
func TestFormatsAgree(t *testing.T) {
	t.Parallel()
	pairs := [][2]string{
		{`{"matrix":[[1,null]]}`, "matrix: [[1, null]]\n"},
		{`{"Matrix":[]}`, "Matrix: []\n"},
		{`{"ranks":[0.5]}`, "ranks: [0.5]\n"},
		{`{"v":1e3,"ranks":[16]}`, "v: 1e3\nranks: [0x10]\n"},
	}
	for _, p := range pairs {
		var a, b doc
		errA, errB := DecodeJSON([]byte(p[0]), &a), DecodeYAML([]byte(p[1]), &b)
		assert.Equal(t, a, b, p[0])
		if errA == nil || errB == nil {
			assert.Equal(t, errA, errB)
			continue
		}
		var ea, eb *Error
		require.ErrorAs(t, errA, &ea)
		require.ErrorAs(t, errB, &eb)
		assert.Equal(t, ea.Path, eb.Path, p[0])
		assert.Equal(t, ea.Err.Error(), eb.Err.Error(), p[0])
	}
}

// TestNonFiniteYAML: .inf and .nan reach a float field (for the caller's
// validation to judge) and nothing else.
func TestNonFiniteYAML(t *testing.T) {
	t.Parallel()
	var d doc
	require.NoError(t, Decode([]byte("matrix: [[.inf, -.inf]]\nv: .nan\n"), &d))
	assert.Equal(t, [][]float64{{inf, -inf}}, d.Matrix)
	assert.True(t, *d.V != *d.V, "NaN")
	err := Decode([]byte("ranks: [.inf]\n"), &d)
	assert.ErrorIs(t, err, ErrType)
	assert.Contains(t, err.Error(), "ranks[0]: want an integer, got .inf")
	err = Decode([]byte("name: .inf\n"), &d)
	assert.NoError(t, err, "a plain .inf is also the string .inf")
}

var inf = func() float64 { var z float64; return 1 / z }()

func TestDecodeJSONOnly(t *testing.T) {
	t.Parallel()
	err := DecodeJSON([]byte("method: wsm\n"), &doc{})
	assert.ErrorIs(t, err, ErrSyntax)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "JSON", e.Format)
	assert.ErrorIs(t, DecodeJSON(nil, &doc{}), ErrEmpty)
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	e := &Error{Format: "JSON", Path: "matrix[0][1]", Line: 1, Column: 23, Err: causef(ErrNull, "null is not a number")}
	assert.Equal(t, "JSON line 1, column 23: matrix[0][1]: null is not a number", e.Error())
	assert.True(t, errors.Is(e, ErrNull))
	assert.Equal(t, "YAML: empty document", (&Error{Format: "YAML", Err: ErrEmpty}).Error())
}

// selfDecoding decodes itself with this package, as scoring.Table does.
type selfDecoding struct{ Rows [][]float64 }

func (s *selfDecoding) UnmarshalJSON(b []byte) error { return DecodeJSON(b, &s.Rows) }

// TestNestedDecoderPath: the path of an error inside a self-decoding
// value continues the path of the value.
func TestNestedDecoderPath(t *testing.T) {
	t.Parallel()
	var v struct {
		Tables []selfDecoding `json:"tables"`
	}
	for _, in := range []string{`{"tables":[[[1]],[[1,2],[3,null]]]}`, "tables:\n  - [[1]]\n  - [[1, 2], [3, ~]]\n"} {
		err := Decode([]byte(in), &v)
		assert.ErrorIs(t, err, ErrNull)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "tables[1][1][1]", e.Path, in)
		assert.NotContains(t, err.Error(), "JSON line 1, column 13: JSON", "one position")
	}
}

// TestYAMLPlainScalarsAsText: a plain YAML number or boolean is accepted,
// as written, where text is wanted; JSON stays typed.
func TestYAMLPlainScalarsAsText(t *testing.T) {
	t.Parallel()
	var d doc
	require.NoError(t, Decode([]byte("name: 1.50\nmethod: true\nkind: 1\ntags: [0x10, 2024]\n"), &d))
	assert.Equal(t, "1.50", d.Name)
	assert.Equal(t, "true", d.Method)
	assert.Equal(t, fuzzEnum(1), d.Kind)
	assert.Equal(t, []string{"0x10", "2024"}, d.Tags)
	err := Decode([]byte(`{"name":12}`), &d)
	assert.ErrorIs(t, err, ErrType)
	assert.Contains(t, err.Error(), "name: want a string, got 12")
	err = Decode([]byte("kind: 7\n"), &d)
	assert.Contains(t, err.Error(), `kind: unknown kind "7"`)
}

// TestFirstInvalidUTF8: the offset of the first byte that begins no valid
// sequence, a sequence cut by the end included; -1 for valid text.
func TestFirstInvalidUTF8(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", -1},
		{"café ✓", -1},
		{"caf\xe9", 3},
		{"é\xff", 2},
		{"ab\xe2\x9c", 2},   // "✓" cut after two of its three bytes
		{"\xed\xa0\x80", 0}, // a UTF-16 surrogate is no UTF-8
	} {
		assert.Equal(t, tc.want, FirstInvalidUTF8([]byte(tc.in)), "%q", tc.in)
	}
}

// Plain YAML numbers resolve by YAML 1.2's core schema, not by the YAML
// 1.1 forms the YAML reader also knows: 8_000, 1_0 and 0b101 are strings
// (so a type error where a number is wanted, and the text as written
// where a string is), 0o17 and 0x1F are integers, and 010, octal in YAML
// 1.1 and decimal in YAML 1.2, is refused rather than read either way.
func TestYAMLNumbersAreYAML12(t *testing.T) {
	t.Parallel()
	var d doc
	for src, want := range map[string][]int{
		"ranks: [10, +7, -3, 0, 0o17, 0x1F]\n": {10, 7, -3, 0, 15, 31},
		"ranks: [1e3, 2.0]\n":                  {1000, 2},
	} {
		d = doc{}
		require.NoError(t, Decode([]byte(src), &d), src)
		assert.Equal(t, want, d.Ranks, src)
	}
	d = doc{}
	require.NoError(t, Decode([]byte("points: [.5, 1., -2.5e-3, 00.5]\n"), &d))
	assert.Equal(t, []float64{0.5, 1, -0.0025, 0.5}, d.Points)
	for _, src := range []string{"ranks: [8_000]\n", "ranks: [1_0]\n", "ranks: [0b101]\n", "points: [1_000.5]\n"} {
		err := Decode([]byte(src), &d)
		assert.ErrorIs(t, err, ErrType, src)
	}
	for _, src := range []string{"ranks: [010]\n", "ranks: [-007]\n", "points: [010]\n"} {
		err := Decode([]byte(src), &d)
		require.ErrorIs(t, err, ErrType, src)
		assert.Contains(t, err.Error(), "leading zero", src)
		assert.Contains(t, err.Error(), "line 1", src)
	}
	d = doc{}
	require.NoError(t, Decode([]byte("name: 8_000\ntags: [0b101, 1_0]\n"), &d))
	assert.Equal(t, "8_000", d.Name)
	assert.Equal(t, []string{"0b101", "1_0"}, d.Tags)
}
