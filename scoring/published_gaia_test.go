package scoring_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// bvm1986 is the six-alternative example of Brans, Vincke & Mareschal
// (1986), "How to select and how to rank projects: the PROMETHEE method",
// EJOR 24(2):228–238, with equal weights and the six preference-function
// types, in the units and thresholds of
// TestPublishedPROMETHEEIBransVinckeMareschal1986 (see there for how the
// paper's parameters map to ours).
func bvm1986(t *testing.T) (*scoring.Problem, []scoring.Preference) {
	t.Helper()
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
	return problem(t, "cbcccb", rows), prefs
}

// bvm1986NetFlows are the net flows φ = φ⁺ − φ⁻ of the published leaving
// flows φ⁺ = 1.099, 1.980, 1.234, 1.644, 2.274, 1.500 and entering flows
// φ⁻ = 1.827, 1.895, 1.681, 1.746, 0.808, 1.774 of Brans, Vincke &
// Mareschal (1986), which the paper gives as sums over the other five
// alternatives (3 dp); ours are averages, so each is divided by 5.
//
// bvm1986Tol allows each published flow the 2.5e-3 (in the paper's units)
// of the PROMETHEE I test on the same data, so 5e-3 for a difference of
// two, 1e-3 once divided by 5. Our flows are within 2.3e-3 of the
// published ones, the largest gap being φ⁺(a4) = 1.6463 against 1.644;
// rounding our pairwise indices to 3 dp before summing gives 1.646, so
// the printed rounding does not account for all of it, and no other
// reading of the paper's thresholds that we tried (level p = 5, linear
// p = 45 or q = 0, a Gaussian in σ² instead of 2σ²) comes closer than
// 0.037. The published ranking is reproduced either way.
var bvm1986NetFlows = []float64{
	(1.099 - 1.827) / 5, (1.980 - 1.895) / 5, (1.234 - 1.681) / 5,
	(1.644 - 1.746) / 5, (2.274 - 0.808) / 5, (1.500 - 1.774) / 5,
}

const bvm1986Tol = 2*2.5e-3/5 + 1e-9

// PROMETHEE II on Brans, Vincke & Mareschal (1986): the net flows are the
// published φ⁺ − φ⁻ (PROMETHEE I on the same data checks φ⁺ and φ⁻
// separately), and the complete preorder they induce is a5 > a2 > a4 > a6
// > a3 > a1. The closest pair (a4 and a6) is 0.0344 apart, far above the
// tolerance, so the order is fixed by the published numbers.
func TestPublishedPROMETHEEIIBransVinckeMareschal1986(t *testing.T) {
	t.Parallel()
	p, prefs := bvm1986(t)
	res, err := scoring.PROMETHEEII{Preferences: prefs}.Evaluate(p, scoring.EqualWeights(6))
	require.NoError(t, err)
	if d := cmp.Diff(bvm1986NetFlows, res.Scores, cmpopts.EquateApprox(0, bvm1986Tol)); d != "" {
		t.Errorf("φ (-published +got):\n%s", d)
	}
	assert.Equal(t, []int{6, 2, 5, 3, 1, 4}, res.Ranks)
}

// GAIA on Brans, Vincke & Mareschal (1986). We found no published GAIA
// plane for this example (δ, coordinates or decision stick), so only
// what the published numbers fix is checked: GAIA's unicriterion net
// flows φ_j(a) must recombine, with the weights, into the published net
// flow φ(a) = Σ_j w_j φ_j(a) (Brans & Mareschal 2005, "PROMETHEE
// methods", ch. 5 of Figueira, Greco & Ehrgott (eds.), Multiple Criteria
// Decision Analysis: State of the Art Surveys, the decomposition on
// which GAIA rests), and each profile lies in [−1, 1].
func TestPublishedGAIAProfilesBransVinckeMareschal1986(t *testing.T) {
	t.Parallel()
	p, prefs := bvm1986(t)
	res, err := scoring.GAIA{Preferences: prefs}.Evaluate(p, scoring.EqualWeights(6))
	require.NoError(t, err)
	got := make([]float64, len(bvm1986NetFlows))
	for a := range got {
		for j, w := range res.Weights {
			v := res.Profiles.At(a, j)
			require.True(t, v >= -1 && v <= 1, "φ_%d(a%d) = %v", j+1, a+1, v)
			got[a] += w * v
		}
	}
	if d := cmp.Diff(bvm1986NetFlows, got, cmpopts.EquateApprox(0, bvm1986Tol)); d != "" {
		t.Errorf("Σ_j w_j φ_j (-published φ +got):\n%s", d)
	}
}
