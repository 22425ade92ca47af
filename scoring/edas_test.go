package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

// ersoyEDAS is Ersoy (2021), LogForum 17(3): EDAS on six laptops, with
// the appraisal scores printed to 3 dp.
var ersoyEDAS = scoreCase{
	source: "Ersoy (2021), LogForum 17(3), EDAS appraisal scores (3 dp)",
	method: scoring.EDAS{}, dirs: "bbbbcc",
	rows:    ersoy2021, // in objective_test.go
	weights: []float64{0.405, 0.221, 0.134, 0.199, 0.007, 0.034},
	want:    []float64{0.414, 0.130, 0.461, 0.212, 0.944, 0.043}, tol: 5e-4, ranks: []int{3, 5, 2, 4, 1, 6},
}

func TestEDASErsoy2021(t *testing.T) {
	t.Parallel()
	ersoyEDAS.check(t)
}

// Keshavarz Ghorabaee et al. (2015), Informatica 26(3), Table 7: EDAS
// rankings for the seven weight sets of Table 6.
func TestPublishedEDASRankingsKeshavarz2015(t *testing.T) {
	t.Parallel()
	want := [][]int{{1, 4, 6, 10, 7, 8, 2, 3, 5, 9}, {1, 4, 6, 10, 7, 8, 2, 3, 5, 9}, {1, 3, 7, 10, 6, 8, 2, 4, 5, 9},
		{1, 2, 7, 10, 6, 8, 3, 4, 5, 9}, {1, 2, 6, 10, 7, 8, 3, 4, 5, 9}, {1, 2, 6, 10, 7, 8, 3, 4, 5, 9}, {1, 2, 6, 10, 7, 8, 3, 4, 5, 9}}
	p := problem(t, edasDirs, edasData)
	for s, ranks := range want {
		res, err := scoring.EDAS{}.Rank(p, edasWeights[s])
		require.NoError(t, err)
		assert.Equal(t, ranks, res.Ranks, "weight set %d", s+1)
	}
}

func TestEDASProperties(t *testing.T) {
	t.Parallel()
	if err := scoringtest.TestMethod(scoring.EDAS{}); err != nil {
		t.Error(err)
	}
}

func TestEDASBadInput(t *testing.T) {
	t.Parallel()
	_, err := scoring.EDAS{}.Rank(problem(t, "bc", [][]float64{{1, 2}, {3, 4}}), []float64{1, 1})
	assert.NoError(t, err)
	_, err = scoring.EDAS{}.Rank(problem(t, "b", [][]float64{{-1}, {1}}), []float64{1})
	assert.ErrorIs(t, err, scoring.ErrDomain)
	var ie *scoring.InputError
	assert.ErrorAs(t, err, &ie)
}
