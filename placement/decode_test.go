package placement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/placement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Decoding tests of issue 12: every reader goes through internal/strictdec,
// so null, case variants, duplicate keys, trailing data, tags and invalid
// UTF-8 fail the same way for profiles and models, naming the place.

const minimalProfile = `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 2}}`

func TestReadProfileDecodingRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, doc string
		want      error
		path, msg string
	}{
		{"null touchpoint level", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": null}}`,
			strictdec.ErrNull, "touchpoints.customer-support", "touchpoints.customer-support: null is not a number"},
		{"YAML null touchpoint level", "name: x\nemployees: 3\ntouchpoints:\n  customer-support: ~\n",
			strictdec.ErrNull, "touchpoints.customer-support", "YAML line 4: touchpoints.customer-support: null is not a number"},
		{"YAML touchpoint level left empty", "name: x\nemployees: 3\ntouchpoints:\n  customer-support:\n",
			strictdec.ErrNull, "touchpoints.customer-support", "YAML line 4: touchpoints.customer-support: null is not a number"},
		{"null profile weight", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 2}, "weights": {"agility": null}}`,
			strictdec.ErrNull, "weights.agility", "weights.agility: null is not a number"},
		{"YAML null profile weight", "name: x\nemployees: 3\ntouchpoints: {customer-support: 2}\nweights: {agility: null}\n",
			strictdec.ErrNull, "weights.agility", "YAML line 4: weights.agility: null is not a number"},
		{"null employees", `{"name": "x", "employees": null, "touchpoints": {"customer-support": 2}}`,
			strictdec.ErrNull, "employees", "employees: null is not a number"},
		{"null name", `{"name": null, "employees": 3, "touchpoints": {"customer-support": 2}}`,
			strictdec.ErrNull, "name", "name: null is not a string"},
		{"duplicate key", `{"name": "x", "employees": 3, "employees": 3000, "touchpoints": {"customer-support": 2}}`,
			strictdec.ErrDuplicateKey, "", `duplicate key "employees"`},
		{"duplicate touchpoint", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 2, "customer-support": 5}}`,
			strictdec.ErrDuplicateKey, "touchpoints", `touchpoints: duplicate key "customer-support"`},
		{"YAML duplicate touchpoint", "name: x\nemployees: 3\ntouchpoints:\n  customer-support: 2\n  customer-support: 5\n",
			strictdec.ErrDuplicateKey, "touchpoints", `YAML line 5: touchpoints: duplicate key "customer-support" (first on line 4)`},
		{"case variant", `{"name": "x", "Employees": 3, "touchpoints": {"customer-support": 2}}`,
			strictdec.ErrUnknownField, "", `unknown field "Employees"`},
		{"YAML case variant", "NAME: x\nemployees: 3\ntouchpoints: {customer-support: 2}\n",
			strictdec.ErrUnknownField, "", `YAML line 1: unknown field "NAME"`},
		{"nested case variant", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 2}, "current": {"Home": "pr"}}`,
			strictdec.ErrUnknownField, "current", `current: unknown field "Home"`},
		{"trailing data", minimalProfile + `]}`, strictdec.ErrTrailingData, "", "data after the top-level value"},
		{"binary tag", "name: !!binary eA==\nemployees: 3\ntouchpoints: {customer-support: 2}\n",
			strictdec.ErrTag, "name", "YAML line 1: name: tag !!binary is not allowed"},
		{"custom tag", "name: x\nemployees: !headcount 3\ntouchpoints: {customer-support: 2}\n",
			strictdec.ErrTag, "employees", "YAML line 2: employees: tag !headcount is not allowed"},
		{"invalid UTF-8 in the name", "name: \"Caf\xe9\"\nemployees: 3\ntouchpoints: {customer-support: 2}\n",
			strictdec.ErrInvalidUTF8, "", "YAML line 1, column 11: invalid UTF-8"},
		{"invalid UTF-8 in a JSON name", "{\"name\": \"Caf\xe9\", \"employees\": 3, \"touchpoints\": {\"customer-support\": 2}}",
			strictdec.ErrInvalidUTF8, "", "JSON line 1, column 14: invalid UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := placement.ReadProfile(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, placement.ErrSyntax)
			assert.ErrorIs(t, err, tc.want)
			var e *strictdec.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.path, e.Path)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

// TestReadProfileBOM: a byte order mark at the start is ignored, in JSON
// and in YAML alike.
func TestReadProfileBOM(t *testing.T) {
	t.Parallel()
	want, err := placement.ReadProfile(strings.NewReader(minimalProfile))
	require.NoError(t, err)
	for _, doc := range []string{
		"\uFEFF" + minimalProfile,
		"\uFEFFname: x\nemployees: 3\ntouchpoints: {customer-support: 2}\n",
	} {
		got, err := placement.ReadProfile(strings.NewReader(doc))
		require.NoError(t, err, doc)
		assert.Equal(t, want, got)
	}
}

// modelJSON returns the default model as JSON, with edit applied to its
// decoded form.
func modelJSON(t *testing.T, edit func(map[string]any)) string {
	t.Helper()
	b, err := json.Marshal(placement.DefaultModel())
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	edit(m)
	b, err = json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

func TestReadModelDecodingRules(t *testing.T) {
	t.Parallel()
	yml, err := os.ReadFile("model.yaml")
	require.NoError(t, err)
	firstValue := lineOf(t, string(yml), "value: ")
	cases := []struct {
		name, doc string
		want      error
		path, msg string
	}{
		{"null coefficient", modelJSON(t, func(m map[string]any) {
			m["coefficients"].([]any)[3].(map[string]any)["value"] = nil
		}), strictdec.ErrNull, "coefficients[3].value", "coefficients[3].value: null is not a number"},
		{"YAML null coefficient", strings.Replace(string(yml), "value: 1.5,", "value: ~,", 1),
			strictdec.ErrNull, "coefficients[0].value", "coefficients[0].value: null is not a number"},
		{"case variant", strings.Replace(modelJSON(t, func(map[string]any) {}), `"coefficients"`, `"Coefficients"`, 1),
			strictdec.ErrUnknownField, "", `unknown field "Coefficients"`},
		{"nested case variant", modelJSON(t, func(m map[string]any) {
			c := m["coefficients"].([]any)[0].(map[string]any)
			c["VALUE"] = c["value"]
			delete(c, "value")
		}), strictdec.ErrUnknownField, "coefficients[0]", `coefficients[0]: unknown field "VALUE"`},
		{"duplicate key", strings.Replace(modelJSON(t, func(map[string]any) {}), `"name":`, `"name":"x","name":`, 1),
			strictdec.ErrDuplicateKey, "", `duplicate key "name"`},
		{"YAML duplicate key", "name: a\n" + string(yml), strictdec.ErrDuplicateKey, "", `duplicate key "name" (first on line 1)`},
		{"trailing data", modelJSON(t, func(map[string]any) {}) + "]}", strictdec.ErrTrailingData, "", "data after the top-level value"},
		{"tag", strings.Replace(string(yml), "value: 1.5,", "value: !!float 1.5,", 1),
			strictdec.ErrTag, "coefficients[0].value", "tag !!float is not allowed"},
		{"invalid UTF-8", strings.Replace(string(yml), "fast locally", "fast loc\xffally", 1),
			strictdec.ErrInvalidUTF8, "", "invalid UTF-8"},
	}
	require.Positive(t, firstValue)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := placement.ReadModel(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, placement.ErrSyntax)
			assert.ErrorIs(t, err, tc.want)
			var e *strictdec.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.path, e.Path)
			assert.Contains(t, err.Error(), tc.msg)
			if e.Format == "YAML" && tc.want == strictdec.ErrNull {
				assert.Equal(t, firstValue, e.Line, "the line of the first coefficient")
			}
		})
	}
	for _, doc := range [][]byte{append([]byte("\uFEFF"), yml...), append([]byte("\uFEFF"), modelJSON(t, func(map[string]any) {})...)} {
		m, err := placement.ReadModel(bytes.NewReader(doc))
		require.NoError(t, err, "a byte order mark is ignored")
		assert.Equal(t, placement.DefaultModel(), m)
	}
}

// lineOf returns the 1-based number of the first line containing s.
func lineOf(t *testing.T, doc, s string) int {
	t.Helper()
	for i, l := range strings.Split(doc, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}
