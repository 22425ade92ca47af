package scoring_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// meyerOlteanuStudents are the 24 students of Meyer & Olteanu,
// "Integrating large positive and negative performance differences into
// multicriteria majority-rule sorting models", Computers & Operations
// Research 81 (2017) 216–230: grades on three courses, where 10 passes, 9
// narrowly fails, 7 is a large negative and 17 a large positive
// difference. Read via the R package MCDA (github.com/paterijk/MCDA,
// tests/LPDMRSort.R), whose test, written by the paper's first author,
// takes the example from the article ("Integrating Large Performance
// Differences in MR Sort", 2015 version) with the assignments it gives
// under each of its majority rules.
var meyerOlteanuStudents = [][]float64{
	{10, 10, 9}, {10, 9, 10}, {9, 10, 10}, {9, 9, 10}, {9, 10, 9}, {10, 9, 9},
	{10, 10, 7}, {10, 7, 10}, {7, 10, 10}, {9, 9, 17}, {9, 17, 9}, {17, 9, 9},
	{7, 10, 17}, {10, 17, 7}, {17, 7, 10}, {7, 17, 10}, {17, 10, 7}, {10, 7, 17},
	{7, 9, 17}, {9, 17, 7}, {17, 7, 9}, {7, 17, 9}, {17, 9, 7}, {9, 7, 17},
}

// MR-Sort on the students of Meyer & Olteanu (2017), read via the R
// package MCDA (see meyerOlteanuStudents): classes P (pass) and F (fail)
// separated by the profile (10, 10, 10), equal weights, λ = 1/2.
//
// With the veto profile (7, 7, 7) (a grade of 7 or less vetoes the pass),
// the package's rule "V", MR-Sort with vetoes, passes a1, a2 and a3 and
// fails the other 21: the majority fails a4–a6, a10–a12 and a19–a24, and
// the veto fails a7–a9 and a13–a18, which the majority alone would pass.
// The test reproduces that row of 24 exactly.
//
// Without vetoes, the students whom no veto or dictator grade concerns
// (a1–a6, none has a 7 or a 17) are assigned P, P, P, F, F, F under every
// one of the package's rules, which is plain MR-Sort's answer; a10–a12
// (a 17 and no 7) fail under the rules without a dictator ("V", "v"), again
// plain MR-Sort's answer (one course out of three).
func TestPublishedMRSortMeyerOlteanu2017(t *testing.T) {
	t.Parallel()
	p := problem(t, "bbb", meyerOlteanuStudents)
	classes := scoring.ClassProfiles{Classes: []string{"P", "F"}, Profiles: [][]float64{{10, 10, 10}}}
	w := scoring.EqualWeights(3)
	const pass, fail = 0, 1

	seven := 7.0
	vetoed, err := scoring.MRSort{ClassProfiles: classes, Lambda: 0.5,
		Vetoes: [][]*float64{{&seven, &seven, &seven}}}.Evaluate(p, w)
	require.NoError(t, err)
	want := make([]int, 24)
	for a := range want {
		want[a] = fail
	}
	want[0], want[1], want[2] = pass, pass, pass
	assert.Equal(t, want, vetoed.Pessimistic, "rule V, all 24 students")
	checkSortRules(t, vetoed, 0.5)
	assert.Zero(t, vetoed.Outranking.At(6, 0), "a7's veto")

	plain, err := scoring.MRSort{ClassProfiles: classes, Lambda: 0.5}.Evaluate(p, w)
	require.NoError(t, err)
	assert.Equal(t, []int{pass, pass, pass, fail, fail, fail}, plain.Pessimistic[:6], "a1–a6")
	assert.Equal(t, []int{fail, fail, fail}, plain.Pessimistic[9:12], "a10–a12")
	assert.InDelta(t, 2.0/3, plain.Outranking.At(6, 0), 1e-12, "a7 has the majority; only the veto fails it")
	checkSortRules(t, plain, 0.5)
}

// Vetoes keep MR-Sort's sorting properties: a class never depends on the
// other alternatives, improving an alternative never worsens its class,
// the optimistic class is never worse than the pessimistic one, and a
// veto can only lower a class.
func TestMRSortVetoProperties(t *testing.T) {
	t.Parallel()
	profiles := [][]float64{{5, 2, 5}, {3, 4, 3}, {1, 6, 1}}
	classes := []string{"adopt", "pilot", "reject", "drop"}
	f := func(x float64) *float64 { return &x }
	vetoes := [][]*float64{{f(3), f(4), nil}, {f(1), f(6), nil}, {nil, f(8), nil}}
	rng := rand.New(rand.NewPCG(17, 4))
	for trial := range 40 {
		m := 1 + rng.IntN(6)
		rows := randomRows(rng, m, 3)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		s := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: profiles}, Lambda: 0.6, Vetoes: vetoes}
		res, err := s.Evaluate(problem(t, "bcb", rows), w)
		require.NoError(t, err)
		checkSortRules(t, res, 0.6)
		s.Vetoes = nil
		free, err := s.Evaluate(problem(t, "bcb", rows), w)
		require.NoError(t, err)
		s.Vetoes = vetoes
		for a := range m {
			require.GreaterOrEqual(t, res.Pessimistic[a], free.Pessimistic[a], "trial %d: a veto raised %d's class", trial, a)
			alone, err := s.Evaluate(problem(t, "bcb", rows[a:a+1]), w)
			require.NoError(t, err)
			require.Equal(t, res.Pessimistic[a], alone.Pessimistic[0], "trial %d: class of %d depends on the others", trial, a)
			better := slices.Clone(rows[a])
			better[0]++
			better[1]--
			improved, err := s.Evaluate(problem(t, "bcb", [][]float64{better}), w)
			require.NoError(t, err)
			require.LessOrEqual(t, improved.Pessimistic[0], res.Pessimistic[a], "trial %d: improving %d worsened its class", trial, a)
		}
	}
}

func TestMRSortVetoErrors(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{1, 2}, {2, 1}})
	w := []float64{1, 1}
	f := func(x float64) *float64 { return &x }
	cp := scoring.ClassProfiles{Classes: []string{"a", "b", "c"}, Profiles: [][]float64{{5, 1}, {3, 3}}}
	cases := []struct {
		name   string
		vetoes [][]*float64
		want   error
		row    int
		col    int
	}{
		{"count", [][]*float64{{nil, nil}}, scoring.ErrLength, -1, -1},
		{"ragged", [][]*float64{{nil, nil}, {nil}}, scoring.ErrRagged, 1, -1},
		{"not finite", [][]*float64{{f(math.Inf(-1)), nil}, {nil, nil}}, scoring.ErrNotFinite, 0, 0},
		{"above its profile (benefit)", [][]*float64{{f(6), nil}, {nil, nil}}, scoring.ErrParam, 0, 0},
		{"above its profile (cost)", [][]*float64{{nil, f(0.5)}, {nil, nil}}, scoring.ErrParam, 0, 1},
		{"not nested", [][]*float64{{f(2), nil}, {f(3), nil}}, scoring.ErrParam, 1, 0},
		{"worse profile vetoes alone", [][]*float64{{nil, nil}, {nil, f(4)}}, scoring.ErrParam, 1, 1},
	}
	for _, tc := range cases {
		_, err := scoring.MRSort{ClassProfiles: cp, Vetoes: tc.vetoes}.Evaluate(p, w)
		require.ErrorIs(t, err, tc.want, tc.name)
		var ie *scoring.InputError
		require.True(t, errors.As(err, &ie), tc.name)
		assert.Equal(t, "vetoes", ie.Path, tc.name)
		assert.Equal(t, tc.row, ie.Row, tc.name)
		assert.Equal(t, tc.col, ie.Col, tc.name)
	}
	_, err := scoring.MRSort{ClassProfiles: cp, Vetoes: [][]*float64{{f(2), f(4)}, {f(1), nil}}}.Evaluate(p, w)
	require.NoError(t, err, "nested vetoes below their profiles")
}
