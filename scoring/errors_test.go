package scoring_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func TestBadInput(t *testing.T) {
	t.Parallel()
	b := scoring.Criterion{Name: "b", Direction: scoring.Benefit}
	c := scoring.Criterion{Name: "c", Direction: scoring.Cost}
	good := [][]float64{{1, 2}, {3, 4}}
	goodP := scoring.MustNewProblem(nil, []scoring.Criterion{b, c}, good)
	zeroCost := scoring.MustNewProblem(nil, []scoring.Criterion{b, c}, [][]float64{{1, 0}, {3, 4}})
	negBenefit := scoring.MustNewProblem(nil, []scoring.Criterion{b, c}, [][]float64{{-1, 2}, {3, 4}})
	w := []float64{0.5, 0.5}
	rank := func(m scoring.Method, p *scoring.Problem, w []float64) func() error {
		return func() error { _, err := m.Rank(p, w); return err }
	}
	build := func(alts []string, crits []scoring.Criterion, rows [][]float64) func() error {
		return func() error { _, err := scoring.NewProblem(alts, crits, rows); return err }
	}
	cases := []struct {
		name      string
		call      func() error
		wantErr   error
		wantField string
		wantRow   int
		wantCol   int
	}{
		{"no rows", build(nil, []scoring.Criterion{b}, nil), scoring.ErrEmpty, "matrix", -1, -1},
		{"empty rows slice", build(nil, []scoring.Criterion{b}, [][]float64{}), scoring.ErrEmpty, "matrix", -1, -1},
		{"no criteria", build(nil, nil, [][]float64{{1}}), scoring.ErrEmpty, "criteria", -1, -1},
		{"ragged short row", build(nil, []scoring.Criterion{b, c}, [][]float64{{1, 2}, {3}}), scoring.ErrRagged, "matrix", 1, -1},
		{"ragged long row", build(nil, []scoring.Criterion{b, c}, [][]float64{{1, 2, 3}, {3, 4}}), scoring.ErrRagged, "matrix", 0, -1},
		{"NaN", build(nil, []scoring.Criterion{b, c}, [][]float64{{1, 2}, {math.NaN(), 4}}), scoring.ErrNotFinite, "matrix", 1, 0},
		{"+Inf", build(nil, []scoring.Criterion{b, c}, [][]float64{{1, math.Inf(1)}, {3, 4}}), scoring.ErrNotFinite, "matrix", 0, 1},
		{"-Inf", build(nil, []scoring.Criterion{b, c}, [][]float64{{1, 2}, {3, math.Inf(-1)}}), scoring.ErrNotFinite, "matrix", 1, 1},
		{"duplicate alternative", build([]string{"x", "x"}, []scoring.Criterion{b, c}, good), scoring.ErrDuplicateName, "alternatives", 1, -1},
		{"duplicate criterion", build(nil, []scoring.Criterion{b, b}, good), scoring.ErrDuplicateName, "criteria", -1, 1},
		{"empty alternative name", build([]string{"x", ""}, []scoring.Criterion{b, c}, good), scoring.ErrEmpty, "alternatives", 1, -1},
		{"empty criterion name", build(nil, []scoring.Criterion{b, {Direction: scoring.Cost}}, good), scoring.ErrEmpty, "criteria", -1, 1},
		{"unset direction", build(nil, []scoring.Criterion{b, {Name: "z"}}, good), scoring.ErrDirection, "criteria", -1, 1},
		{"unknown direction value", build(nil, []scoring.Criterion{{Name: "z", Direction: 7}, c}, good), scoring.ErrDirection, "criteria", -1, 0},
		{"too few names", build([]string{"x"}, []scoring.Criterion{b, c}, good), scoring.ErrLength, "alternatives", -1, -1},
		{"weights too short", rank(scoring.TOPSIS{}, goodP, []float64{1}), scoring.ErrLength, "weights", -1, -1},
		{"weights nil", rank(scoring.WeightedSum{}, goodP, nil), scoring.ErrLength, "weights", -1, -1},
		{"negative weight", rank(scoring.TOPSIS{}, goodP, []float64{1, -0.1}), scoring.ErrWeights, "weights", -1, 1},
		{"NaN weight", rank(scoring.NewVIKOR(), goodP, []float64{math.NaN(), 1}), scoring.ErrNotFinite, "weights", -1, 0},
		{"Inf weight", rank(scoring.COPRAS{}, goodP, []float64{math.Inf(1), 1}), scoring.ErrNotFinite, "weights", -1, 0},
		{"all-zero weights", rank(scoring.WeightedProduct{}, goodP, []float64{0, 0}), scoring.ErrWeights, "weights", -1, -1},
		{"nil problem", rank(scoring.TOPSIS{}, nil, w), scoring.ErrEmpty, "matrix", -1, -1},
		{"zero problem", rank(scoring.TOPSIS{}, &scoring.Problem{}, w), scoring.ErrEmpty, "matrix", -1, -1},
		{"VIKOR v > 1", rank(scoring.VIKOR{V: 1.5}, goodP, w), scoring.ErrParam, "v", -1, -1},
		{"VIKOR v < 0", rank(scoring.VIKOR{V: -0.1}, goodP, w), scoring.ErrParam, "v", -1, -1},
		{"VIKOR v NaN", rank(scoring.VIKOR{V: math.NaN()}, goodP, w), scoring.ErrParam, "v", -1, -1},
		{"unknown normalisation", rank(scoring.TOPSIS{Normalization: 42}, goodP, w), scoring.ErrParam, "normalization", -1, -1},
		{"Max with a zero cost", rank(scoring.WeightedSum{}, zeroCost, w), scoring.ErrDomain, "matrix", 0, 1},
		{"Max with a negative benefit", rank(scoring.WeightedSum{}, negBenefit, w), scoring.ErrDomain, "matrix", 0, 0},
		{"Sum with a negative benefit", rank(scoring.TOPSIS{Normalization: scoring.Sum}, negBenefit, w), scoring.ErrDomain, "matrix", 0, 0},
		{"COPRAS with a zero cost", rank(scoring.COPRAS{}, zeroCost, w), scoring.ErrDomain, "matrix", 0, 1},
		{"WPM on a zero cost", rank(scoring.WeightedProduct{}, zeroCost, w), scoring.ErrDomain, "matrix", 0, 1},
		{"WPM on negative vector-normalised values", rank(scoring.WeightedProduct{Normalization: scoring.Vector}, negBenefit, w), scoring.ErrDomain, "matrix", 0, 0},
		{"PROMETHEE preferences too few", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{}}}, goodP, w), scoring.ErrLength, "preferences", -1, -1},
		{"PROMETHEE p < q", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{}, {Function: scoring.Linear, Q: 2, P: 1}}}, goodP, w), scoring.ErrParam, "preferences", -1, 1},
		{"PROMETHEE negative q", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{Function: scoring.UShape, Q: -1}, {}}}, goodP, w), scoring.ErrParam, "preferences", -1, 0},
		{"PROMETHEE negative p", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{Function: scoring.VShape, P: -1}, {}}}, goodP, w), scoring.ErrParam, "preferences", -1, 0},
		{"PROMETHEE level p < q", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{Function: scoring.Level, Q: 3, P: 2}, {}}}, goodP, w), scoring.ErrParam, "preferences", -1, 0},
		{"PROMETHEE Gaussian s = 0", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{}, {Function: scoring.Gaussian}}}, goodP, w), scoring.ErrParam, "preferences", -1, 1},
		{"PROMETHEE NaN threshold", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{Function: scoring.Linear, P: math.NaN()}, {}}}, goodP, w), scoring.ErrNotFinite, "preferences", -1, 0},
		{"PROMETHEE unknown function", rank(scoring.PROMETHEEII{Preferences: []scoring.Preference{{Function: 9}, {}}}, goodP, w), scoring.ErrParam, "preferences", -1, 0},
		{"Normalize of nil problem", func() error { _, err := scoring.Normalize(nil, scoring.Vector); return err }, scoring.ErrEmpty, "matrix", -1, -1},
		{"NormalizeWeights length", func() error { _, err := scoring.NormalizeWeights([]float64{1}, 2); return err }, scoring.ErrLength, "weights", -1, -1},
		{"matrix columns differ from criteria", func() error {
			_, err := scoring.NewProblemFromMatrix(nil, []scoring.Criterion{b}, goodP.Matrix())
			return err
		}, scoring.ErrLength, "matrix", -1, -1},
		{"Spearman lengths", func() error { _, err := scoring.SpearmanRho([]int{1, 2}, []int{1}); return err }, scoring.ErrLength, "ranking", -1, -1},
		{"Kendall empty", func() error { _, err := scoring.KendallTau(nil, nil); return err }, scoring.ErrEmpty, "ranking", -1, -1},
		{"WS rank out of range", func() error { _, err := scoring.WSCoefficient([]int{1, 3}, []int{1, 2}); return err }, scoring.ErrParam, "ranking", 1, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.wantErr)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tc.wantField, ie.Path, "field")
			assert.Equal(t, tc.wantRow, ie.Row, "row")
			assert.Equal(t, tc.wantCol, ie.Col, "col")
			// The message starts where the problem is.
			assert.True(t, strings.HasPrefix(err.Error(), tc.wantField), "message %q does not start with %q", err, tc.wantField)
		})
	}
}

func TestEnumsRoundTrip(t *testing.T) {
	t.Parallel()
	type textEnum interface {
		String() string
		MarshalText() ([]byte, error)
	}
	check := func(v textEnum, parse func(string) (textEnum, error)) {
		t.Helper()
		text, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(text))
		back, err := parse(string(text))
		require.NoError(t, err)
		assert.Equal(t, v, back)
	}
	for _, d := range []scoring.Direction{scoring.Benefit, scoring.Cost} {
		check(d, func(s string) (textEnum, error) { return scoring.ParseDirection(s) })
		var u scoring.Direction
		require.NoError(t, u.UnmarshalText([]byte(d.String())))
		assert.Equal(t, d, u)
	}
	for _, n := range []scoring.Normalization{scoring.DefaultNormalization, scoring.Vector, scoring.Max, scoring.MinMax, scoring.Sum} {
		check(n, func(s string) (textEnum, error) { return scoring.ParseNormalization(s) })
	}
	for f := scoring.Usual; f <= scoring.Gaussian; f++ {
		check(f, func(s string) (textEnum, error) { return scoring.ParsePreferenceFunction(s) })
	}
	for _, b := range []scoring.Better{scoring.Higher, scoring.Lower} {
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back scoring.Better
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, b, back)
	}
	// Unknown tokens and values are typed errors.
	for _, err := range []error{
		func() error { _, err := scoring.ParseDirection("max"); return err }(),
		func() error { _, err := scoring.ParseDirection("Benefit"); return err }(),
		func() error { _, err := scoring.ParseNormalization("l2"); return err }(),
		func() error { _, err := scoring.ParsePreferenceFunction("type1"); return err }(),
		func() error { var d scoring.Direction; return d.UnmarshalText([]byte("")) }(),
		func() error { _, err := scoring.Direction(0).MarshalText(); return err }(),
		func() error { _, err := scoring.Better(5).MarshalText(); return err }(),
	} {
		assert.ErrorIs(t, err, scoring.ErrUnknownName)
	}
	assert.Equal(t, "Direction(0)", scoring.Direction(0).String())
}

func TestInputErrorMessage(t *testing.T) {
	t.Parallel()
	_, err := scoring.NewProblem([]string{"In-house", "Agency"},
		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}}, [][]float64{{1}, {math.NaN()}})
	var ie *scoring.InputError
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, `matrix[1][0] ("Agency/cost"): value is not finite (NaN)`, err.Error())
}
