package scoring_test

import (
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
