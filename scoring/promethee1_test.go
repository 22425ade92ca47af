package scoring_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// PROMETHEE I on Papathanasiou & Ploskas (2018), Multiple Criteria Decision
// Aid, Springer, ch. 3 (PROMETHEE), linear preference q = 1, p = 2: the
// book prints the net flows φ = −0.26, −0.52, −0.22, 0.36, 0.70, −0.06
// (2 dp). φ⁺ and φ⁻ are checked against the pairwise definition (the book
// prints only φ), and the partial preorder against the PROMETHEE I rules
// of Brans & Vincke (1985) §4 applied to those flows by hand.
func TestPublishedPROMETHEEIPloskas2018(t *testing.T) {
	t.Parallel()
	prefs := repeatPref(scoring.Preference{Function: scoring.Linear, Q: 1, P: 2}, 4)
	p := problem(t, "bbbb", ploskas)
	res, err := scoring.PROMETHEEI{Preferences: prefs}.Evaluate(p, ploskasW)
	require.NoError(t, err)
	if d := cmp.Diff([]float64{-0.26, -0.52, -0.22, 0.36, 0.70, -0.06}, res.NetFlow, cmpopts.EquateApprox(0, 5e-3)); d != "" {
		t.Errorf("net flow (-published +got):\n%s", d)
	}
	plus, minus := pairwiseFlows(ploskas, "bbbb", prefs, ploskasW)
	if d := cmp.Diff(plus, res.PositiveFlow, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("φ⁺ (-definition +got):\n%s", d)
	}
	if d := cmp.Diff(minus, res.NegativeFlow, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("φ⁻ (-definition +got):\n%s", d)
	}
	// Alternative 5 (index 4) has the largest φ⁺ and the smallest φ⁻: it is
	// preferred to every other and is the only unbeaten one.
	assert.Equal(t, []int{4}, res.Unbeaten)
	for b := range 6 {
		if b != 4 {
			assert.Equal(t, scoring.Preferred, res.Relation(4, b), "a5 vs a%d", b+1)
			assert.Equal(t, scoring.Outranked, res.Relation(b, 4))
		}
	}
	checkPROMETHEEIRules(t, res)
}

// checkPROMETHEEIRules recomputes every relation from the flows by the
// textbook rules.
func checkPROMETHEEIRules(t *testing.T, res *scoring.PROMETHEEIResult) {
	t.Helper()
	m := len(res.PositiveFlow)
	var incomparable [][2]int
	for a := range m {
		for b := range m {
			pa, pb, na, nb := res.PositiveFlow[a], res.PositiveFlow[b], res.NegativeFlow[a], res.NegativeFlow[b]
			eq := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 }
			var want scoring.Relation
			switch {
			case eq(pa, pb) && eq(na, nb):
				want = scoring.Indifferent
			case (pa > pb || eq(pa, pb)) && (na < nb || eq(na, nb)):
				want = scoring.Preferred
			case (pa < pb || eq(pa, pb)) && (na > nb || eq(na, nb)):
				want = scoring.Outranked
			default:
				want = scoring.Incomparable
				if a < b {
					incomparable = append(incomparable, [2]int{a, b})
				}
			}
			if got := res.Relation(a, b); got != want {
				t.Errorf("relation of %d to %d = %v, want %v", a, b, got, want)
			}
		}
	}
	if !slices.Equal(incomparable, res.Incomparable) {
		t.Errorf("incomparable pairs %v, want %v", res.Incomparable, incomparable)
	}
}

// An incomparability: A1 wins and loses every comparison (φ⁺ = φ⁻ = ½),
// while the three identical others tie among themselves (φ⁺ = φ⁻ = 1/6):
// A1 has the larger leaving flow but also the larger entering flow.
func TestPROMETHEEIIncomparable(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{10, 0}, {5, 5}, {5, 5}, {5, 5}})
	res, err := scoring.PROMETHEEI{}.Evaluate(p, []float64{1, 1})
	require.NoError(t, err)
	checkPROMETHEEIRules(t, res)
	if d := cmp.Diff([]float64{0.5, 1.0 / 6, 1.0 / 6, 1.0 / 6}, res.PositiveFlow, cmpopts.EquateApprox(0, 1e-15)); d != "" {
		t.Errorf("φ⁺:\n%s", d)
	}
	assert.Equal(t, [][2]int{{0, 1}, {0, 2}, {0, 3}}, res.Incomparable)
	assert.Equal(t, scoring.Incomparable, res.Relation(2, 0))
	assert.Equal(t, scoring.Indifferent, res.Relation(1, 3))
	assert.Equal(t, []int{0, 1, 2, 3}, res.Unbeaten)
}

// Dominance, permutation and scaling, as the complete-ranking methods are
// checked in package scoringtest and TestScalingInvariance.
func TestPROMETHEEIProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(17, 1))
	for trial := range 40 {
		m := 2 + rng.IntN(7)
		rows := randomRows(rng, m, 3)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		base, err := scoring.PROMETHEEI{}.Evaluate(problem(t, "bcb", rows), w)
		require.NoError(t, err)
		checkPROMETHEEIRules(t, base)

		// A dominating alternative is preferred to every other.
		dom := []float64{-math.MaxFloat64, math.MaxFloat64, -math.MaxFloat64}
		for _, r := range rows {
			dom[0], dom[1], dom[2] = math.Max(dom[0], r[0]+1), math.Min(dom[1], r[1]/2), math.Max(dom[2], r[2]+1)
		}
		res, err := scoring.PROMETHEEI{}.Evaluate(problem(t, "bcb", append(slices.Clone(rows), dom)), w)
		require.NoError(t, err)
		for b := range m {
			if res.Relation(m, b) != scoring.Preferred {
				t.Fatalf("trial %d: dominating alternative vs %d: %v", trial, b, res.Relation(m, b))
			}
		}
		assert.Equal(t, []int{m}, res.Unbeaten)

		// Permuting the alternatives permutes the relation.
		perm := rng.Perm(m)
		prow := make([][]float64, m)
		for k, i := range perm {
			prow[k] = rows[i]
		}
		pres, err := scoring.PROMETHEEI{}.Evaluate(problem(t, "bcb", prow), w)
		require.NoError(t, err)
		for k, i := range perm {
			for l, j := range perm {
				if pres.Relation(k, l) != base.Relation(i, j) {
					t.Fatalf("trial %d: permutation changed the relation of %d to %d", trial, i, j)
				}
			}
			assert.InDelta(t, base.NetFlow[i], pres.NetFlow[k], 1e-12)
		}

		// Scaling a benefit column leaves everything unchanged.
		scaled := make([][]float64, m)
		factor := math.Pow(10, float64(rng.IntN(7)-3))
		for i, r := range rows {
			scaled[i] = slices.Clone(r)
			scaled[i][2] *= factor
		}
		sres, err := scoring.PROMETHEEI{}.Evaluate(problem(t, "bcb", scaled), w)
		require.NoError(t, err)
		if d := cmp.Diff(base.Relations, sres.Relations); d != "" {
			t.Fatalf("trial %d: scaling by %g changed the relations:\n%s", trial, factor, d)
		}
	}
}

func randomRows(rng *rand.Rand, m, n int) [][]float64 {
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			// Small integers make ties and incomparabilities common.
			rows[i][j] = float64(1 + rng.IntN(6))
		}
	}
	return rows
}

func TestPROMETHEEIErrorsAndJSON(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{1, 2}, {2, 1}})
	_, err := scoring.PROMETHEEI{}.Evaluate(p, []float64{1})
	assert.ErrorIs(t, err, scoring.ErrLength)
	_, err = scoring.PROMETHEEI{Preferences: []scoring.Preference{{Function: scoring.Linear, Q: 2, P: 1}, {}}}.Evaluate(p, []float64{1, 1})
	var ie *scoring.InputError
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.ErrorIs(t, err, scoring.ErrParam)
	assert.Equal(t, 0, ie.Col)

	res, err := scoring.PROMETHEEI{}.Evaluate(p, []float64{1, 1})
	require.NoError(t, err)
	// Two mirror-image alternatives have equal flows: PROMETHEE I calls
	// them indifferent, not incomparable.
	assert.Equal(t, [][2]int{}, res.Incomparable)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"relations":[["indifferent","indifferent"],["indifferent","indifferent"]]`)
	var back scoring.PROMETHEEIResult
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, res.Relations, back.Relations)

	for _, r := range []scoring.Relation{scoring.Indifferent, scoring.Preferred, scoring.Outranked, scoring.Incomparable} {
		got, err := scoring.ParseRelation(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
		assert.Equal(t, r, r.Inverse().Inverse())
	}
	_, err = scoring.ParseRelation("better")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	_, err = scoring.Relation(9).MarshalText()
	assert.ErrorIs(t, err, scoring.ErrUnknownName)

	one, err := scoring.PROMETHEEI{}.Evaluate(problem(t, "b", [][]float64{{1}}), []float64{1})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, one.Unbeaten)
	assert.Equal(t, [][2]int{}, one.Incomparable)
}

// PROMETHEE I on the six-alternative example of Brans, Vincke & Mareschal
// (1986), EJOR 24(2):228–238 (manpower, power, construction cost,
// maintenance cost, number of villages, security; the construction and
// maintenance costs in the units of the test suites that reproduce it,
// 60 for 600 and 5.4 for 54, with their thresholds scaled alike), equal
// weights and the six preference-function types: U-shape q = 10, V-shape
// p = 30, linear with s = 5, r = 45, level with q = 1, p = 5, usual,
// Gaussian σ = 5. The paper parametrises the linear criterion by the
// indifference zone s and the width r of the linear zone, and the level
// criterion by q and the width p of the half-preference zone, so in our
// thresholds they are linear q = 5, p = 50 and level q = 1, p = 6.
// The paper gives the flows as sums over the other alternatives (3 dp):
// φ⁺ = 1.099, 1.980, 1.234, 1.644, 2.274, 1.500 and φ⁻ = 1.827, 1.895,
// 1.681, 1.746, 0.808, 1.774; ours are those divided by m − 1 = 5. In the
// partial preorder a5 is preferred to every other alternative and a2 and
// a4 are incomparable (a2 has the larger leaving flow, a4 the smaller
// entering flow).
func TestPublishedPROMETHEEIBransVinckeMareschal1986(t *testing.T) {
	t.Parallel()
	rows := transpose([][]float64{
		{80, 65, 83, 40, 52, 94},
		{90, 58, 60, 80, 72, 96},
		{60, 20, 40, 100, 60, 70},
		{5.4, 9.7, 7.2, 7.5, 2, 3.6},
		{8, 1, 4, 7, 3, 5},
		{5, 1, 7, 10, 8, 6},
	})
	prefs := []scoring.Preference{
		{Function: scoring.UShape, Q: 10},
		{Function: scoring.VShape, P: 30},
		{Function: scoring.Linear, Q: 5, P: 50},
		{Function: scoring.Level, Q: 1, P: 6},
		{Function: scoring.Usual},
		{Function: scoring.Gaussian, S: 5},
	}
	res, err := scoring.PROMETHEEI{Preferences: prefs}.Evaluate(problem(t, "cbcccb", rows), scoring.EqualWeights(6))
	require.NoError(t, err)
	scale := func(xs []float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = x / 5
		}
		return out
	}
	// Each published flow sums five indices printed to 3 dp.
	if d := cmp.Diff(scale([]float64{1.099, 1.980, 1.234, 1.644, 2.274, 1.500}), res.PositiveFlow, cmpopts.EquateApprox(0, 2.5e-3/5)); d != "" {
		t.Errorf("φ⁺ (-published +got):\n%s", d)
	}
	if d := cmp.Diff(scale([]float64{1.827, 1.895, 1.681, 1.746, 0.808, 1.774}), res.NegativeFlow, cmpopts.EquateApprox(0, 2.5e-3/5)); d != "" {
		t.Errorf("φ⁻ (-published +got):\n%s", d)
	}
	assert.Equal(t, []int{4}, res.Unbeaten)
	assert.Equal(t, scoring.Incomparable, res.Relation(1, 3))
	checkPROMETHEEIRules(t, res)
}
