package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

// dezert2020 is Dezert, Tchamova, Han & Tacnet (2020), FUSION 2020: the
// SPOTIS example with weights (5, 4, 4, 1, 3)/17, printed to 4 dp.
var dezert2020 = scoreCase{
	source:  "Dezert, Tchamova, Han & Tacnet (2020), FUSION 2020, SPOTIS example with weights (5, 4, 4, 1, 3)/17 (4 dp)",
	method:  scoring.SPOTIS{Bounds: [][2]float64{{14000, 16000}, {3, 8}, {80, 140}, {35, 60}, {650, 1300}}},
	dirs:    "cccbb",
	rows:    [][]float64{{15000, 4.3, 99, 42, 737}, {15290, 5.0, 116, 42, 892}, {15350, 5.0, 114, 45, 952}, {15490, 5.3, 123, 45, 1120}},
	weights: []float64{5, 4, 4, 1, 3},
	want:    []float64{0.4779, 0.5781, 0.5558, 0.5801}, tol: 5e-5, ranks: []int{1, 3, 2, 4},
}

func TestSPOTISDezert2020(t *testing.T) {
	t.Parallel()
	dezert2020.check(t)
}

func TestSPOTISProperties(t *testing.T) {
	t.Parallel()
	if err := scoringtest.TestMethod(scoring.SPOTIS{}); err != nil {
		t.Error(err)
	}
}

func TestSPOTISBadBounds(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{1, 2}, {3, 4}})
	for _, tc := range []struct {
		m    scoring.SPOTIS
		want error
	}{
		{scoring.SPOTIS{Bounds: [][2]float64{{0, 5}}}, scoring.ErrLength},
		{scoring.SPOTIS{Bounds: [][2]float64{{0, 5}, {3, 10}}}, scoring.ErrParam}, // does not contain 2
		{scoring.SPOTIS{Bounds: [][2]float64{{5, 5}, {0, 10}}}, scoring.ErrParam},
	} {
		_, err := tc.m.Rank(p, []float64{1, 1})
		assert.ErrorIs(t, err, tc.want, "%#v", tc.m)
		var ie *scoring.InputError
		assert.ErrorAs(t, err, &ie)
	}
}
