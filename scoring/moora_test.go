package scoring_test

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

// Karabasevic, Stanujkic, Urosevic & Maksimovic (2015), Acta Montanistica
// Slovaca 20(2): MOORA ratio system with SWARA weights that sum to 0.999,
// printed to 3 dp. The paper does not rescale its weights; the package
// does, so its scores are the paper's divided by 0.999.
var (
	karabasevicW    = []float64{0.215, 0.215, 0.159, 0.133, 0.102, 0.102, 0.073}
	karabasevicData = [][]float64{{4, 3, 3, 4, 3, 2, 4}, {3, 3, 4, 3, 5, 4, 4}, {5, 4, 4, 5, 5, 5, 4}}
)

func TestPublishedMOORAKarabasevic2015(t *testing.T) {
	t.Parallel()
	res, err := scoring.MOORA{}.Rank(problem(t, "bbbbbbb", karabasevicData), karabasevicW)
	require.NoError(t, err)
	got := make([]float64, 3)
	for i, s := range res.Scores {
		got[i] = s * 0.999
	}
	if d := cmp.Diff([]float64{0.494, 0.527, 0.677}, got, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("ratio system (-published +got):\n%s", d)
	}
	assert.Equal(t, []int{3, 2, 1}, res.Ranks)
}

func TestMOORAEqualsVectorWSM(t *testing.T) {
	t.Parallel()
	p := problem(t, aircraftDirs, aircraft)
	a, err := scoring.MOORA{}.Rank(p, aircraftW)
	require.NoError(t, err)
	b, err := scoring.WeightedSum{Normalization: scoring.Vector}.Rank(p, aircraftW)
	require.NoError(t, err)
	assert.Equal(t, a.Ranks, b.Ranks)
	for i := range a.Scores {
		assert.InDelta(t, b.Scores[i], a.Scores[i]+0.1, 1e-12) // 0.1 = the cost criterion's weight
	}
}

func TestMOORAProperties(t *testing.T) {
	t.Parallel()
	if err := scoringtest.TestMethod(scoring.MOORA{}); err != nil {
		t.Error(err)
	}
}

// Karabasevic et al. (2015), Acta Montanistica Slovaca 20(2), MULTIMOORA
// on the three candidates: the reference point distances (3 dp), the full
// multiplicative utilities (4 significant figures, which this package's
// weights, rescaled to sum to 1, reproduce) and the final MULTIMOORA
// ranking A3, A2, A1 (A2 beats A1 by the ratio system and the
// multiplicative form, A1 beats A2 by the reference point).
func TestPublishedMULTIMOORAKarabasevic2015(t *testing.T) {
	t.Parallel()
	p := problem(t, "bbbbbbb", karabasevicData)

	rp, err := scoring.MOORA{Form: scoring.ReferencePoint}.Evaluate(p, karabasevicW)
	require.NoError(t, err)
	if d := cmp.Diff([]float64{0.046, 0.061, 0.000}, rp.Scores, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("reference point (-published +got):\n%s", d)
	}
	assert.Equal(t, rp.Scores, rp.Distance)
	assert.Equal(t, scoring.Lower, rp.Better)
	assert.Equal(t, []int{2, 3, 1}, rp.Ranks)

	fmf, err := scoring.MOORA{Form: scoring.FullMultiplicative}.Evaluate(p, karabasevicW)
	require.NoError(t, err)
	for i, want := range []float64{3.876e-09, 9.689e-09, 4.486e-08} {
		assert.InEpsilon(t, want, fmf.Utility[i], 5e-4, "U[%d]", i)
		assert.InEpsilon(t, fmf.Utility[i]/fmf.Utility[2], fmf.Scores[i], 1e-12, "relative utility %d", i)
	}
	assert.Equal(t, []int{3, 2, 1}, fmf.Ranks)

	mm, err := scoring.MOORA{Form: scoring.MultiMOORA}.Evaluate(p, karabasevicW)
	require.NoError(t, err)
	assert.Equal(t, []int{3, 2, 1}, mm.Ranks)
	assert.Equal(t, []int{0, 1, 2}, mm.Dominated)
	assert.Equal(t, []float64{0, 1, 2}, mm.Scores)
}

// MultiMOORA's count is the number of alternatives each one beats in at
// least two of the rankings the three other forms give, on random
// problems; a Pareto-dominant alternative beats every other.
func TestMULTIMOORAMatchesTheThreeRankings(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 7))
	for trial := range 30 {
		m := 2 + rng.IntN(12)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{1 + rng.Float64()*9, 1 + rng.Float64()*9, 1 + rng.Float64()*9}
		}
		rows[0] = []float64{11, 11, 0.5} // Pareto-dominant
		p := problem(t, "bbc", rows)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		var ranks [3][]int
		for f, form := range []scoring.MOORAForm{scoring.RatioSystem, scoring.ReferencePoint, scoring.FullMultiplicative} {
			res, err := scoring.MOORA{Form: form}.Rank(p, w)
			require.NoError(t, err)
			ranks[f] = res.Ranks
		}
		res, err := scoring.MOORA{Form: scoring.MultiMOORA}.Evaluate(p, w)
		require.NoError(t, err)
		for i := range m {
			want := 0
			for k := range m {
				wins := 0
				for _, r := range ranks {
					if r[i] < r[k] {
						wins++
					}
				}
				if wins >= 2 {
					want++
				}
			}
			assert.Equal(t, want, res.Dominated[i], "trial %d alternative %d", trial, i)
		}
		assert.Equal(t, m-1, res.Dominated[0], "trial %d: the Pareto-dominant alternative", trial)
		assert.Equal(t, 1, res.Ranks[0])
	}
}

func TestMOORAFormsProperties(t *testing.T) {
	t.Parallel()
	for _, f := range []scoring.MOORAForm{scoring.ReferencePoint, scoring.FullMultiplicative, scoring.MultiMOORA} {
		if err := scoringtest.TestMethod(scoring.MOORA{Form: f}); err != nil {
			t.Errorf("%v:\n%v", f, err)
		}
	}
}

func TestMOORAFormsBadInput(t *testing.T) {
	t.Parallel()
	w := []float64{1, 1}
	_, err := scoring.MOORA{Form: 9}.Rank(problem(t, "bc", [][]float64{{1, 2}, {3, 4}}), w)
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	for _, f := range []scoring.MOORAForm{scoring.FullMultiplicative, scoring.MultiMOORA} {
		_, err = scoring.MOORA{Form: f}.Rank(problem(t, "bc", [][]float64{{1, 2}, {3, 0}}), w)
		assert.ErrorIs(t, err, scoring.ErrDomain, "zero cost")
		var ie *scoring.InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, [2]int{1, 1}, [2]int{ie.Row, ie.Col})
		_, err = scoring.MOORA{Form: f}.Rank(problem(t, "bc", [][]float64{{-1, 2}, {3, 1}}), w)
		assert.ErrorIs(t, err, scoring.ErrDomain, "negative value")
		// A zero benefit gives U = 0, not an error.
		res, err := scoring.MOORA{Form: f}.Evaluate(problem(t, "bc", [][]float64{{0, 2}, {3, 1}}), w)
		require.NoError(t, err)
		assert.Equal(t, 0.0, res.Utility[0])
		assert.Equal(t, []int{2, 1}, res.Ranks)
	}
	// The reference point and the ratio system take any finite values.
	for _, f := range []scoring.MOORAForm{scoring.RatioSystem, scoring.ReferencePoint} {
		_, err = scoring.MOORA{Form: f}.Rank(problem(t, "bc", [][]float64{{-1, 0}, {3, 1}}), w)
		assert.NoError(t, err)
	}
	// The text forms round-trip.
	for _, f := range []scoring.MOORAForm{scoring.RatioSystem, scoring.ReferencePoint, scoring.FullMultiplicative, scoring.MultiMOORA} {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var g scoring.MOORAForm
		require.NoError(t, g.UnmarshalText(b))
		assert.Equal(t, f, g)
	}
	_, err = scoring.ParseMOORAForm("tchebycheff")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
}
