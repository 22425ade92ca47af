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

// MR-Sort on the commuting example of the R package MCDA (Bigaret, Meyer
// et al.), tests/MRSort.R, without its vetoes: price and time are costs,
// comfort a benefit, weights 1:3:2, λ = 1/2; "good" starts at (3, 11, 3)
// and "medium" at (7, 25, 2). Worked by hand: RER is at least as good as
// the good profile on price and time (1/6 + 1/2 ≥ 1/2); METRO1 and METRO2
// reach the medium profile on price and time (2/3); BUS (1/6) and TAXI
// (1/3) reach neither. The package's own run, with a comfort veto at 0 on
// the medium profile, sends METRO2 to "bad": the vetoes are the only
// difference.
func TestMRSortCommuting(t *testing.T) {
	t.Parallel()
	p, err := scoring.NewProblem([]string{"RER", "METRO1", "METRO2", "BUS", "TAXI"},
		[]scoring.Criterion{{Name: "price", Direction: scoring.Cost}, {Name: "time", Direction: scoring.Cost}, {Name: "comfort", Direction: scoring.Benefit}},
		[][]float64{{1, 10, 1}, {4, 20, 2}, {2, 20, 0}, {6, 40, 0}, {30, 30, 3}})
	require.NoError(t, err)
	s := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{
		Classes:  []string{"good", "medium", "bad"},
		Profiles: [][]float64{{3, 11, 3}, {7, 25, 2}},
	}, Lambda: 0.5}
	res, err := s.Evaluate(p, []float64{1, 3, 2})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 1, 2, 2}, res.Pessimistic)
	assert.InDelta(t, 2.0/3, res.Outranking.At(0, 0), 1e-12)
	checkSortRules(t, res, 0.5)
}

// checkSortRules verifies the assignment rules from the credibilities and
// that the optimistic class is never worse than the pessimistic one.
func checkSortRules(t *testing.T, res *scoring.SortResult, lambda float64) {
	t.Helper()
	nb := len(res.Classes) - 1
	for a := range res.Pessimistic {
		pess := nb
		for k := nb - 1; k >= 0; k-- {
			if res.Outranking.At(a, k) >= lambda-1e-12 {
				pess = k
			}
		}
		require.Equal(t, pess, res.Pessimistic[a], "pessimistic class of %d", a)
		require.LessOrEqual(t, res.Optimistic[a], res.Pessimistic[a], "alternative %d", a)
	}
}

// ELECTRE TRI-B on the data of Mousseau, Słowiński & Zielniewicz (1999),
// ELECTRE TRI 2.0a methodological guide and user's manual, LAMSADE
// document 111: performances of Table 1, thresholds q = 5, p = 10, v = 30
// and equal weights of Table 2, the two profiles b2 = (70, 75, 80, 75, 85)
// and b1 = (50, 48, 55, 55, 60) of Table 9, λ = 0.75. The credibilities
// were worked by hand from the formulas (the manual's assignment table was
// not available to us): σ(a1, b2) = 0.88, σ(b2, a1) = 0.92; σ(a2, b1) =
// σ(b2, a2) = 0.6 and σ(a2, b2) = σ(b1, a2) = 0 (vetoes on c1, c2);
// σ(a3, b1) = 1, σ(b1, a3) = 0.6. a1 goes to the best class under both
// rules, a3 to the middle one, and a2, incomparable with both profiles,
// to the worst class pessimistically and the best optimistically.
func TestELECTRETRIBMousseau1999(t *testing.T) {
	t.Parallel()
	p := problem(t, "bbbbb", [][]float64{{75, 67, 85, 82, 90}, {28, 35, 70, 90, 95}, {45, 60, 55, 68, 60}})
	v := 30.0
	ts := make([]scoring.PseudoCriterion, 5)
	for j := range ts {
		ts[j] = scoring.PseudoCriterion{Q: 5, P: 10, V: &v}
	}
	s := scoring.ELECTRETRIB{ClassProfiles: scoring.ClassProfiles{
		Classes:  []string{"C3", "C2", "C1"},
		Profiles: [][]float64{{70, 75, 80, 75, 85}, {50, 48, 55, 55, 60}},
	}, Thresholds: ts}
	res, err := s.Evaluate(p, scoring.EqualWeights(5))
	require.NoError(t, err)
	assert.InDelta(t, 0.88, res.Outranking.At(0, 0), 1e-12)
	assert.InDelta(t, 0.92, res.Outranked.At(0, 0), 1e-12)
	assert.InDelta(t, 0.6, res.Outranking.At(1, 1), 1e-12)
	assert.InDelta(t, 0.0, res.Outranking.At(1, 0), 1e-12)
	assert.InDelta(t, 0.6, res.Outranked.At(2, 1), 1e-12)
	assert.Equal(t, []int{0, 2, 1}, res.Pessimistic)
	assert.Equal(t, []int{0, 0, 1}, res.Optimistic)
	checkSortRules(t, res, 0.75)
}

// FlowSort (Nemery & Lamboray 2008) worked by hand with the usual
// criterion and equal weights. Limiting profiles (10, 10), (5, 5), (0, 0):
// a = (7, 7) has φ = 1/3 between φ(r0) = 1 and φ(r1) = −1/3: "good"; b =
// (7, 2) ties r1 at φ = 0 and φ(r_k) ≥ φ(a) > φ(r_{k+1}) puts it in "bad".
// Central profiles (8, 8) and (2, 2): c = (7, 1) has φ = −0.5, equal to the
// bad profile's: "bad".
func TestFlowSortWorkedExample(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{7, 7}, {7, 2}, {7, 1}, {12, 12}})
	lim := scoring.FlowSort{ClassProfiles: scoring.ClassProfiles{
		Classes: []string{"good", "bad"}, Profiles: [][]float64{{10, 10}, {5, 5}, {0, 0}}}}
	res, err := lim.Evaluate(p, []float64{1, 1})
	require.NoError(t, err)
	assert.InDelta(t, 1.0/3, res.NetFlow[0], 1e-12)
	assert.InDelta(t, -1.0/3, res.ProfileNetFlows.At(0, 1), 1e-12)
	assert.InDelta(t, 0, res.NetFlow[1], 1e-12)
	assert.Equal(t, []int{0, 1, 1, 0}, res.Assignment)
	assert.True(t, slices.ContainsFunc(res.Notes, func(n scoring.Note) bool { return n.Code == "outside-profiles" }), "(12, 12) is above the best profile")

	cen := scoring.FlowSort{Kind: scoring.Central, ClassProfiles: scoring.ClassProfiles{
		Classes: []string{"good", "bad"}, Profiles: [][]float64{{8, 8}, {2, 2}}}}
	res, err = cen.Evaluate(p, []float64{1, 1})
	require.NoError(t, err)
	assert.InDelta(t, -0.5, res.NetFlow[2], 1e-12)
	assert.Equal(t, 1, res.Assignment[2])
	assert.Equal(t, 0, res.Assignment[3])
}

type sorter func(p *scoring.Problem, w []float64, scale float64) []int

// Sorting properties: an alternative's class does not depend on the other
// alternatives (so permuting or removing them changes nothing), improving
// an alternative never worsens its class, and scaling a benefit column
// with its profile values and thresholds changes nothing.
func TestSortingProperties(t *testing.T) {
	t.Parallel()
	profiles := func(scale float64) [][]float64 {
		return [][]float64{{5 * scale, 2, 5}, {3 * scale, 4, 3}, {1 * scale, 6, 1}}
	}
	classes := []string{"adopt", "pilot", "reject", "drop"}
	v := 3.0
	sorters := map[string]sorter{
		"mrsort": func(p *scoring.Problem, w []float64, scale float64) []int {
			r, err := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: profiles(scale)}, Lambda: 0.6}.Evaluate(p, w)
			require.NoError(t, err)
			return r.Pessimistic
		},
		"electre-tri-b optimistic": func(p *scoring.Problem, w []float64, scale float64) []int {
			vs := v * scale
			ts := []scoring.PseudoCriterion{{Q: 0.5 * scale, P: scale, V: &vs}, {Q: 0.5, P: 1, V: &v}, {P: 1}}
			r, err := scoring.ELECTRETRIB{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: profiles(scale)}, Thresholds: ts}.Evaluate(p, w)
			require.NoError(t, err)
			return r.Optimistic
		},
		"flowsort": func(p *scoring.Problem, w []float64, scale float64) []int {
			lim := [][]float64{{7 * scale, 0, 7}, {5 * scale, 2, 5}, {3 * scale, 4, 3}, {1 * scale, 6, 1}, {-1 * scale, 8, -1}}
			prefs := []scoring.Preference{{Function: scoring.Linear, Q: 0.5 * scale, P: 2 * scale}, {Function: scoring.VShape, P: 2}, {}}
			r, err := scoring.FlowSort{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: lim}, Preferences: prefs}.Evaluate(p, w)
			require.NoError(t, err)
			return r.Assignment
		},
	}
	rng := rand.New(rand.NewPCG(41, 2))
	for name, sort := range sorters {
		for trial := range 25 {
			m := 2 + rng.IntN(6)
			rows := randomRows(rng, m, 3)
			w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
			base := sort(problem(t, "bcb", rows), w, 1)
			for a := range m {
				alone := sort(problem(t, "bcb", rows[a:a+1]), w, 1)
				require.Equal(t, base[a], alone[0], "%s trial %d: class of %d depends on the others", name, trial, a)
				better := slices.Clone(rows[a])
				better[0]++
				better[1]--
				improved := sort(problem(t, "bcb", [][]float64{better}), w, 1)
				require.LessOrEqual(t, improved[0], base[a], "%s trial %d: improving %d worsened its class", name, trial, a)
			}
			factor := math.Pow(2, float64(rng.IntN(7)-3))
			scaled := make([][]float64, m)
			for i, r := range rows {
				scaled[i] = slices.Clone(r)
				scaled[i][0] *= factor
			}
			require.Equal(t, base, sort(problem(t, "bcb", scaled), w, factor), "%s trial %d: scaling by %g", name, trial, factor)
		}
	}
}

func TestSortingErrors(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{1, 2}, {2, 1}})
	w := []float64{1, 1}
	cases := []struct {
		name  string
		run   func() error
		want  error
		field string
	}{
		{"no classes", func() error { _, err := scoring.MRSort{}.Evaluate(p, w); return err }, scoring.ErrEmpty, "classes"},
		{"duplicate class", func() error {
			_, err := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: []string{"a", "a"}, Profiles: [][]float64{{1, 1}}}}.Evaluate(p, w)
			return err
		}, scoring.ErrDuplicateName, "classes"},
		{"profile count", func() error {
			_, err := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: []string{"a", "b"}}}.Evaluate(p, w)
			return err
		}, scoring.ErrLength, "profiles"},
		{"ragged profile", func() error {
			_, err := scoring.ELECTRETRIB{ClassProfiles: scoring.ClassProfiles{Classes: []string{"a", "b"}, Profiles: [][]float64{{1}}}}.Evaluate(p, w)
			return err
		}, scoring.ErrRagged, "profiles"},
		{"profiles out of order", func() error {
			_, err := scoring.FlowSort{ClassProfiles: scoring.ClassProfiles{Classes: []string{"a"}, Profiles: [][]float64{{1, 1}, {2, 0}}}}.Evaluate(p, w)
			return err
		}, scoring.ErrParam, "profiles"},
		{"NaN profile", func() error {
			_, err := scoring.FlowSort{Kind: scoring.Central, ClassProfiles: scoring.ClassProfiles{Classes: []string{"a"}, Profiles: [][]float64{{math.NaN(), 1}}}}.Evaluate(p, w)
			return err
		}, scoring.ErrNotFinite, "profiles"},
		{"lambda", func() error {
			_, err := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: []string{"a"}}, Lambda: 0.3}.Evaluate(p, w)
			return err
		}, scoring.ErrParam, "lambda"},
		{"kind", func() error {
			_, err := scoring.FlowSort{Kind: 7, ClassProfiles: scoring.ClassProfiles{Classes: []string{"a"}}}.Evaluate(p, w)
			return err
		}, scoring.ErrParam, "profile_kind"},
	}
	for _, tc := range cases {
		err := tc.run()
		require.ErrorIs(t, err, tc.want, tc.name)
		var ie *scoring.InputError
		require.True(t, errors.As(err, &ie), tc.name)
		assert.Equal(t, tc.field, ie.Path, tc.name)
	}
	k, err := scoring.ParseProfileKind("central")
	require.NoError(t, err)
	assert.Equal(t, scoring.Central, k)
	_, err = scoring.ParseProfileKind("middle")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
}
