package scoring_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/socialseat/socialseat/scoring"
)

func TestParseJudgement(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    float64
		wantErr error
	}{
		{"3", 3, nil},
		{" 9 ", 9, nil},
		{"1/3", 1.0 / 3, nil},
		{"1 / 7", 1.0 / 7, nil},
		{"2/5", 0.4, nil},
		{"0.25", 0.25, nil},
		{"1e-1", 0.1, nil},
		{"?", 0, nil},
		{"", 0, nil},
		{"0", 0, nil},
		{"-0", 0, nil},
		{"-3", 0, scoring.ErrDomain},
		{"1/-3", 0, scoring.ErrDomain},
		{"1/0", 0, scoring.ErrDomain},
		{"1e-400", 0, scoring.ErrDomain},
		{"1e-300/1e300", 0, scoring.ErrDomain},
		{"NaN", 0, scoring.ErrNotFinite},
		{"inf", 0, scoring.ErrNotFinite},
		{"-Infinity", 0, scoring.ErrNotFinite},
		{"1e400", 0, scoring.ErrNotFinite},
		{"1e300/1e-300", 0, scoring.ErrNotFinite},
		{"three", 0, scoring.ErrUnknownName},
		{"1/3/4", 0, scoring.ErrUnknownName},
		{"0x10", 0, scoring.ErrUnknownName},
		{"1_000", 0, scoring.ErrUnknownName},
		{"/", 0, scoring.ErrUnknownName},
		{"1:3", 0, scoring.ErrUnknownName},
	}
	for _, tc := range tests {
		got, err := scoring.ParseJudgement(tc.in)
		if tc.wantErr != nil {
			assert.ErrorIs(t, err, tc.wantErr, "%q", tc.in)
			var ie *scoring.InputError
			if assert.ErrorAs(t, err, &ie, "%q", tc.in) {
				assert.Equal(t, "judgement", ie.Path)
			}
			continue
		}
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, float64(got), "%q", tc.in)
	}
}

func TestJudgementString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		j    scoring.Judgement
		want string
	}{
		{0, "?"}, {1, "1"}, {3, "3"}, {1.0 / 3, "1/3"}, {0.5, "1/2"}, {1.0 / 9, "1/9"},
		{0.4, "0.4"}, {0.33, "0.33"}, {2.5, "2.5"},
	} {
		assert.Equal(t, tc.want, tc.j.String())
		back, err := scoring.ParseJudgement(tc.want)
		require.NoError(t, err)
		assert.Equal(t, tc.j, back, tc.want)
	}
}

func TestJudgementJSON(t *testing.T) {
	t.Parallel()
	var m [][]scoring.Judgement
	require.NoError(t, json.Unmarshal([]byte(`[[1, 3, "1/5"], ["1/3", 1, null], [5, "?", 1]]`), &m))
	assert.Equal(t, [][]scoring.Judgement{{1, 3, 1.0 / 5}, {1.0 / 3, 1, 0}, {5, 0, 1}}, m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `[[1, 3, "1/5"], ["1/3", 1, null], [5, null, 1]]`, string(b))

	for _, bad := range []string{`[["x"]]`, `[[-1]]`, `[["1/0"]]`, `[[true]]`} {
		var m [][]scoring.Judgement
		assert.Error(t, json.Unmarshal([]byte(bad), &m), bad)
	}
	_, err = json.Marshal([]scoring.Judgement{scoring.Judgement(math.NaN())})
	assert.ErrorIs(t, err, scoring.ErrNotFinite)
	_, err = json.Marshal([]scoring.Judgement{-2})
	assert.ErrorIs(t, err, scoring.ErrDomain)
}

func TestJudgementYAML(t *testing.T) {
	t.Parallel()
	var in struct {
		Method   string                `yaml:"method"`
		Pairwise [][]scoring.Judgement `yaml:"pairwise"`
	}
	doc := "method: ahp\npairwise:\n  - [1, 6, 8]\n  - [1/6, 1, 4]\n  - [\"1/8\", 0.25, \"?\"]\n"
	require.NoError(t, yaml.Unmarshal([]byte(doc), &in))
	assert.Equal(t, [][]scoring.Judgement{{1, 6, 8}, {1.0 / 6, 1, 4}, {1.0 / 8, 0.25, 0}}, in.Pairwise)
	r, err := scoring.AHP{}.Weigh(in.Pairwise)
	require.NoError(t, err)
	// Saaty (1988) "size of house": CR = .117.
	assert.InDelta(t, 0.117, r.CR, 5e-4)

	var bad [][]scoring.Judgement
	assert.Error(t, yaml.Unmarshal([]byte("- [1, one]\n"), &bad))

	// yaml.v3 drops null items from a sequence of non-pointer values, so
	// a missing judgement must be written "?" or 0 in YAML, not ~.
	var short [][]scoring.Judgement
	require.NoError(t, yaml.Unmarshal([]byte("- [1, ~]\n"), &short))
	assert.Len(t, short[0], 1)
}

// FuzzParseJudgement checks the reader of judgements: it never panics,
// fails only with the package's sentinels, accepts only finite
// non-negative values, and what it accepts survives a text and a JSON
// round trip.
func FuzzParseJudgement(f *testing.F) {
	for _, s := range []string{"3", "1/3", " 1 / 9 ", "0.25", "?", "", "0", "-1", "1/0", "NaN", "inf",
		"1e400", "1e-400", "1e300/1e-300", "0x1p3", "1/3/4", "\"1/3\"", "1/3333333333"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		j, err := scoring.ParseJudgement(s)
		if err != nil {
			if !errors.Is(err, scoring.ErrUnknownName) && !errors.Is(err, scoring.ErrDomain) &&
				!errors.Is(err, scoring.ErrNotFinite) {
				t.Fatalf("ParseJudgement(%q): unexpected error %v", s, err)
			}
			var ie *scoring.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("ParseJudgement(%q): error %v is not an *InputError", s, err)
			}
			return
		}
		v := float64(j)
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || math.Signbit(v) {
			t.Fatalf("ParseJudgement(%q) = %v", s, v)
		}
		back, err := scoring.ParseJudgement(j.String())
		if err != nil {
			t.Fatalf("ParseJudgement(%q.String() = %q): %v", s, j.String(), err)
		}
		if math.Abs(float64(back)-v) > 1e-12*v {
			t.Fatalf("round trip %q → %v → %q → %v", s, v, j.String(), back)
		}
		b, err := json.Marshal(j)
		if err != nil {
			t.Fatalf("json.Marshal(%v): %v", v, err)
		}
		var jj scoring.Judgement
		if err := json.Unmarshal(b, &jj); err != nil {
			t.Fatalf("json.Unmarshal(%s): %v", b, err)
		}
		if math.Abs(float64(jj)-v) > 1e-12*v {
			t.Fatalf("JSON round trip %v → %s → %v", v, b, jj)
		}
	})
}
