package placement_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
)

// roundTripOpts is what a JSON round trip keeps: everything but the full
// SMAA and sensitivity analyses (left out of the JSON form), with empty
// and absent lists alike.
var roundTripOpts = cmp.Options{
	cmpopts.EquateEmpty(),
	cmpopts.IgnoreFields(placement.SMAASummary{}, "Analysis"),
	cmpopts.IgnoreFields(placement.SensitivitySummary{}, "Analysis"),
}

// json.Unmarshal of what MarshalJSON writes (the CLI's output) gives back
// an equal recommendation, for several profiles and options.
func TestRecommendationRoundTrip(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	cases := []struct {
		name string
		p    placement.Profile
		o    placement.Options
	}{
		{"start-up", startup(), placement.Options{}},
		{"multinational", multinational(), placement.Options{Detail: 5}},
		{"bank with SMAA and sensitivity", bank(), placement.Options{SMAA: &placement.SMAAOptions{Samples: 500, Seed: 3}, Sensitivity: true}},
		{"bank by TOPSIS (no contributions)", bank(), placement.Options{Method: scoring.TOPSIS{Normalization: scoring.MinMax}}},
		{"multinational by VIKOR (lower is better)", multinational(), placement.Options{Method: scoring.VIKOR{V: 0.3}, Sensitivity: true,
			Candidates: placement.Enumerate(nil)[:20]}}, // a grid analysis: kept small
		{"minimal profile (assumptions)", placement.Profile{Employees: 40}, placement.Options{}},
		{"profile weights", weighted(), placement.Options{Detail: 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, err := r.WithOptions(tc.o).Recommend(t.Context(), tc.p)
			require.NoError(t, err)
			data, err := json.Marshal(want)
			require.NoError(t, err)
			var got placement.Recommendation
			require.NoError(t, json.Unmarshal(data, &got))
			assert.Empty(t, cmp.Diff(want, &got, roundTripOpts))
			again, err := json.Marshal(got) // a value marshals like a pointer
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))
		})
	}
}

// The decoder is strict and says where the problem is.
func TestRecommendationDecodeErrors(t *testing.T) {
	rec := recommend(t, bank())
	data, err := json.Marshal(rec)
	require.NoError(t, err)
	good := string(data)
	top := rec.Ranking[0].Structure.ID()
	cases := []struct {
		name, in, path string
		want           error
	}{
		{"unknown key", strings.Replace(good, `{"profile":`, `{"extra":1,"profile":`, 1), "extra", placement.ErrSyntax},
		{"case variant", strings.Replace(good, `"weights_source":`, `"Weights_Source":`, 1), "Weights_Source", placement.ErrSyntax},
		{"duplicate key", strings.Replace(good, `{"profile":`, `{"roadmap":[],"profile":`, 1), "roadmap", placement.ErrSyntax},
		{"missing key", strings.Replace(good, `"weights_source":`, `"weights_sourc":`, 1), "weights_sourc", placement.ErrSyntax},
		{"profile key case", strings.Replace(good, `"employees":`, `"Employees":`, 1), `unknown field "Employees"`, placement.ErrSyntax},
		{"null score", strings.Replace(good, `"score":`, `"score":null,"x":`, 1), "ranking[0].score", placement.ErrSyntax},
		{"wrong ID", strings.Replace(good, `"id":"`+top+`"`, `"id":"xx"`, 1), "ranking[0].id", placement.ErrSyntax},
		{"unknown method", strings.Replace(good, `"token":"wsm"`, `"token":"magic"`, 1), "method.token", placement.ErrUnknownName},
		{"trailing data", good + `]`, "", placement.ErrSyntax},
		{"not an object", `[1]`, "", placement.ErrSyntax},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeFails(t, tc.in, tc.want)
			assert.Contains(t, err.Error(), tc.path)
		})
	}

	// A missing required key is ErrMissing, named.
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &m))
	delete(m, "catalog")
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var got placement.Recommendation
	err = json.Unmarshal(b, &got)
	assert.ErrorIs(t, err, placement.ErrMissing)
	assert.ErrorContains(t, err, "catalog")
}

func TestIdentities(t *testing.T) {
	rec := recommend(t, bank())
	m := placement.DefaultModel()
	assert.Equal(t, placement.Identity{Name: m.Name, Version: m.Version, Hash: m.Hash()}, rec.Model)
	assert.Equal(t, "socialseat-default", rec.Catalog.Name)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, rec.Catalog.Hash)
	m.Coefficients[0].Value += 0.25
	assert.NotEqual(t, rec.Model.Hash, m.Hash(), "a coefficient changes the hash")
	assert.Equal(t, m.Name+" v"+m.Version, rec.Model.String())
}

// weighted is the bank with weights of its own.
func weighted() placement.Profile {
	p := bank()
	p.Weights = map[placement.Criterion]float64{placement.RiskCompliance: 3, placement.Agility: 1, placement.Cost: 0.5}
	return p
}

// decodeFails decodes in as a recommendation, checks that it fails with
// a *FieldError wrapping want and leaves the target alone, and returns
// the first field error and the error.
func decodeFails(t *testing.T, in string, want error) (*placement.FieldError, error) {
	t.Helper()
	var got placement.Recommendation
	err := got.UnmarshalJSON([]byte(in)) // json.Unmarshal checks the syntax first
	require.Error(t, err)
	assert.ErrorIs(t, err, want)
	var fe *placement.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Nil(t, got.Result, "a failed decode leaves the target alone")
	return fe, err
}

// Every key of the JSON form is required unless documented optional, at
// every depth; null is never a value; keys appear once and match exactly;
// nothing follows the document. The error names the key's path and, for
// what the strict decoder finds, the line and column.
func TestRecommendationDecodeStrict(t *testing.T) {
	rec := recommend(t, bank())
	data, err := json.Marshal(rec)
	require.NoError(t, err)
	// edit decodes the recommendation generically, changes it and encodes
	// it again.
	edit := func(change func(m map[string]any)) string {
		var m map[string]any
		require.NoError(t, json.Unmarshal(data, &m))
		change(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		return string(b)
	}
	at := func(m map[string]any, keys ...any) map[string]any {
		var v any = m
		for _, k := range keys {
			switch k := k.(type) {
			case string:
				v = v.(map[string]any)[k]
			case int:
				v = v.([]any)[k]
			}
		}
		return v.(map[string]any)
	}
	cases := []struct {
		name, in, path string
		want           error
		own            bool // found by the recommendation's own checks, which know no position
	}{
		{"missing top-level key", edit(func(m map[string]any) { delete(m, "gaps") }), "gaps", placement.ErrMissing, false},
		{"missing nested key", edit(func(m map[string]any) { delete(at(m, "ranking", 2, "staffing"), "basis") }), "ranking[2].staffing.basis", placement.ErrMissing, false},
		{"missing key in a list element", edit(func(m map[string]any) { delete(at(m, "roadmap", 0), "why") }), "roadmap[0].why", placement.ErrMissing, false},
		{"missing criterion", edit(func(m map[string]any) { delete(at(m, "ranking", 1, "values"), "cost") }), "ranking[1].values.cost", placement.ErrMissing, true},
		{"missing identity hash", edit(func(m map[string]any) { delete(at(m, "model"), "hash") }), "model.hash", placement.ErrMissing, false},
		{"null list", edit(func(m map[string]any) { m["gaps"] = nil }), "gaps", placement.ErrSyntax, false},
		{"null object", edit(func(m map[string]any) { at(m, "ranking", 0)["staffing"] = nil }), "ranking[0].staffing", placement.ErrSyntax, false},
		{"null number", edit(func(m map[string]any) { at(m, "robustness", "cross_check")["kendall_tau"] = nil }), "robustness.cross_check.kendall_tau", placement.ErrSyntax, false},
		{"null text", edit(func(m map[string]any) { m["weights_source"] = nil }), "weights_source", placement.ErrSyntax, false},
		{"null result", edit(func(m map[string]any) { m["result"] = nil }), "result", placement.ErrSyntax, false},
		{"unknown nested key", edit(func(m map[string]any) { at(m, "ranking", 4, "staffing")["fte_low"] = 1 }), "ranking[4].staffing.fte_low", placement.ErrSyntax, false},
		{"unknown result key", edit(func(m map[string]any) { at(m, "result")["order"] = 1 }), "result.order", placement.ErrSyntax, false},
		{"string for a number", edit(func(m map[string]any) { at(m, "ranking", 0)["rank"] = "1" }), "ranking[0].rank", placement.ErrSyntax, false},
		{"number out of range", strings.Replace(string(data), `"fte":`, `"fte":1e999,"_":`, 1), "ranking[0].staffing.fte", placement.ErrRange, false},
		{"duplicate nested key", strings.Replace(string(data), `"fte":`, `"high":1,"fte":`, 1), "ranking[0].staffing.high", placement.ErrSyntax, false},
		{"trailing object", string(data) + ` {}`, "", placement.ErrSyntax, false},
		{"null document", `null`, "", placement.ErrSyntax, false},
		{"RACI map not the top structure's", edit(func(m map[string]any) { delete(at(m, "raci"), "crisis-response") }), "raci.crisis-response", placement.ErrMissing, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fe, err := decodeFails(t, tc.in, tc.want)
			assert.Equal(t, tc.path, fe.Path, "%v", err)
			if !tc.own {
				assert.Regexp(t, `\(JSON line 1, column [1-9][0-9]*\)$`, err.Error())
			}
		})
	}
}

// FuzzRecommendationJSON feeds arbitrary documents to
// Recommendation.UnmarshalJSON. Properties: no panic; an error is a
// *FieldError (or several) wrapping one of the package's sentinels, and
// the target is left alone; a document that decodes marshals to a form
// that decodes to an equal recommendation and marshals the same again.
func FuzzRecommendationJSON(f *testing.F) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(f, err)
	small := placement.Options{Candidates: placement.Enumerate(nil)[:4], Detail: 1}
	for _, tc := range []struct {
		p placement.Profile
		o placement.Options
	}{
		{startup(), small},
		{placement.Profile{Employees: 40}, small},
		{bank(), placement.Options{Candidates: placement.Enumerate(nil)[:6], SMAA: &placement.SMAAOptions{Samples: 50}, Sensitivity: true}},
	} {
		rec, err := r.WithOptions(tc.o).Recommend(f.Context(), tc.p)
		require.NoError(f, err)
		data, err := json.Marshal(rec)
		require.NoError(f, err)
		f.Add(data)
		f.Add([]byte(strings.Replace(string(data), `"fte":`, `"fte":null,"x":`, 1)))
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`{"profile":{}}`))
	sentinels := []error{placement.ErrSyntax, placement.ErrMissing, placement.ErrRange, placement.ErrUnknownName}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got placement.Recommendation
		err := got.UnmarshalJSON(data)
		if err != nil {
			var fe *placement.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FieldError: %v", err, err)
			}
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			if got.Result != nil || got.Ranking != nil || got.Profile.Employees != 0 {
				t.Fatalf("a failed decode changed the target")
			}
			return
		}
		again, err := json.Marshal(got)
		if err != nil {
			return // decoded as written, not validated: it need not marshal
		}
		var back placement.Recommendation
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("decoding the re-encoded recommendation: %v", err)
		}
		if d := cmp.Diff(&got, &back, roundTripOpts); d != "" {
			t.Fatalf("round trip differs (-first +again):\n%s", d)
		}
		third, err := json.Marshal(back)
		require.NoError(t, err)
		if string(third) != string(again) {
			t.Fatalf("marshalling is not stable")
		}
	})
}

// "scale" may be absent (a recommendation written before model version 7),
// but never null and never another scale than the fixed one, which
// Decision relies on to export the values that were ranked.
func TestRecommendationScaleStrict(t *testing.T) {
	t.Parallel()
	rec, err := placement.Recommend(t.Context(), bank(), placement.Options{})
	require.NoError(t, err)
	data, err := json.Marshal(rec)
	require.NoError(t, err)
	s := string(data)
	const fixed = `"scale":{"normalization":"fixed","low":0,"high":10}`
	require.Contains(t, s, fixed)
	for name, repl := range map[string]string{
		"null":         `"scale":null`,
		"other token":  `"scale":{"normalization":"bogus","low":0,"high":10}`,
		"other bounds": `"scale":{"normalization":"fixed","low":3,"high":5}`,
		"missing key":  `"scale":{"normalization":"fixed","low":0}`,
		"unknown key":  `"scale":{"normalization":"fixed","low":0,"high":10,"x":1}`,
	} {
		var got placement.Recommendation
		err := json.Unmarshal([]byte(strings.Replace(s, fixed, repl, 1)), &got)
		require.Error(t, err, name)
		var fe *placement.FieldError
		require.True(t, errors.As(err, &fe), "%s: %v", name, err)
		assert.True(t, strings.HasPrefix(fe.Path, "scale"), "%s: path %q", name, fe.Path)
	}
	// Absent: read as a recommendation from before version 7, and written
	// back without the member rather than with an empty scale.
	old := strings.Replace(s, fixed+",", "", 1)
	require.NotContains(t, old, `"scale"`)
	var got placement.Recommendation
	require.NoError(t, json.Unmarshal([]byte(old), &got))
	assert.Equal(t, placement.ValueScale{}, got.Scale)
	again, err := json.Marshal(got)
	require.NoError(t, err)
	assert.NotContains(t, string(again), `"scale"`)
	// Present: decision exports reproduce the recommendation's scores.
	var cur placement.Recommendation
	require.NoError(t, json.Unmarshal(data, &cur))
	assert.Equal(t, rec.Scale, cur.Scale)
}
