package scoring_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// carBounds are the bounds of the car example of Dezert et al. (2020).
var carBounds = [][2]float64{{14000, 16000}, {3, 8}, {80, 140}, {35, 60}, {650, 1300}}

// SPOTIS measured from an expected solution point: the car example of
// Dezert et al. (2020) with the ESP (15300, 4, 115, 50, 900).
func TestSPOTISESPDezert2020(t *testing.T) {
	t.Parallel()
	tc := dezert2020
	tc.source = "Dezert, Tchamova, Han & Tacnet (2020), FUSION 2020, car example, weights (5, 4, 4, 1, 3)/17, " +
		"measured from the expected solution point (15300, 4, 115, 50, 900): 0.1841, 0.0734, 0.0842, 0.1920 (4 dp), " +
		"the values pymcdm's test suite (TestSPOTIS2) reproduces from that paper"
	tc.method = scoring.SPOTIS{Bounds: carBounds, ESP: []float64{15300, 4, 115, 50, 900}}
	tc.want, tc.ranks = []float64{0.1841, 0.0734, 0.0842, 0.1920}, []int{3, 1, 2, 4}
	tc.check(t)
}

// Shekhovtsov, Dezert & Sałabun (2025), "Enhancing personalized
// decision-making with the balanced SPOTIS algorithm", ICAART 2025,
// pp. 264–271: the used-car case. Balanced SPOTIS with ESP confidence α
// scores (1 − α)·d(ideal) + α·d(ESP); the paper's α = 0.5 scores are
// therefore the mean of plain SPOTIS and SPOTIS from the ESP, which
// checks the ESP distances on a second published example.
func TestSPOTISESPBalancedShekhovtsov2025(t *testing.T) {
	t.Parallel()
	p := problem(t, "ccb", [][]float64{
		{94.0, 69.9, 2017}, {297.0, 42.0, 2013}, {205.0, 68.9, 2015}, {360.0, 36.9, 2014},
		{86.0, 59.9, 2017}, {79.6, 63.8, 2017}, {113.0, 56.9, 2015}, {171.0, 58.0, 2016},
	})
	bounds := [][2]float64{{70, 360}, {35, 70}, {2013, 2018}}
	w := []float64{0.33, 0.56, 0.11}
	ideal, err := scoring.SPOTIS{Bounds: bounds}.Rank(p, w)
	require.NoError(t, err)
	esp, err := scoring.SPOTIS{Bounds: bounds, ESP: []float64{110, 45, 2018}}.Evaluate(p, w)
	require.NoError(t, err)
	want := []float64{0.5232, 0.4256, 0.6593, 0.4752, 0.3632, 0.4256, 0.3626, 0.4242} // α = 0.5, 4 dp
	for i := range want {
		assert.InDelta(t, want[i], (ideal.Scores[i]+esp.Scores[i])/2, 5e-5, "alternative %d", i+1)
	}
	assert.Equal(t, []float64{110, 45, 2018}, esp.ESP)
	assert.Equal(t, []float64{70, 35, 2018}, esp.Ideal)
}

// Properties of SPOTIS from an expected solution point.
func TestSPOTISESPProperties(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{15000, 4.3, 99, 42, 737}, {15290, 5.0, 116, 42, 892}, {15350, 5.0, 114, 45, 952}, {15490, 5.3, 123, 45, 1120}}
	w := []float64{5, 4, 4, 1, 3}
	p := problem(t, "cccbb", rows)

	// An ESP at the ideal is plain SPOTIS, bit for bit.
	plain, err := scoring.SPOTIS{Bounds: carBounds}.Rank(p, w)
	require.NoError(t, err)
	atIdeal, err := scoring.SPOTIS{Bounds: carBounds, ESP: []float64{14000, 3, 80, 60, 1300}}.Rank(p, w)
	require.NoError(t, err)
	assert.Equal(t, plain.Scores, atIdeal.Scores)

	// An alternative at the ESP scores 0 and comes first; every score is
	// in [0, 1]; the caller's ESP is not changed.
	esp := []float64{15290, 5.0, 116, 42, 892}
	m := scoring.SPOTIS{Bounds: carBounds, ESP: esp}
	res, err := m.Evaluate(p, w)
	require.NoError(t, err)
	assert.Zero(t, res.Scores[1])
	assert.Equal(t, 1, res.Ranks[1])
	for _, s := range res.Scores {
		assert.True(t, s >= 0 && s <= 1, "%v", s)
	}
	assert.Equal(t, []float64{15290, 5.0, 116, 42, 892}, esp)
	res.ESP[0] = 0
	assert.Equal(t, 15290.0, m.ESP[0], "the result's ESP is a copy")

	// Beyond the ESP on either side counts against: on one criterion, the
	// value 2 below and the value 2 above an ESP of 5 tie.
	q := problem(t, "b", [][]float64{{3}, {7}, {5}})
	r, err := scoring.SPOTIS{Bounds: [][2]float64{{0, 10}}, ESP: []float64{5}}.Rank(q, []float64{1})
	require.NoError(t, err)
	assert.Equal(t, []float64{0.2, 0.2, 0}, r.Scores)

	// With fixed bounds, adding an alternative does not change the others'
	// scores, so their order cannot reverse.
	more := problem(t, "cccbb", append(append([][]float64(nil), rows...), []float64{14100, 7.9, 139, 36, 660}))
	res2, err := m.Rank(more, w)
	require.NoError(t, err)
	assert.Equal(t, res.Scores, res2.Scores[:4])

	// The zero value's JSON leaves the unset options out rather than
	// writing null, which a decision document refuses in a method's
	// options (null is never a value there); a document sets the ESP by
	// name.
	b, err := json.Marshal(scoring.SPOTIS{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(b))
	var back scoring.SPOTIS
	require.NoError(t, json.Unmarshal([]byte(`{"esp": [1, 2]}`), &back))
	assert.Equal(t, []float64{1, 2}, back.ESP)

	// Without bounds, the ESP must lie in the data's range.
	_, err = scoring.SPOTIS{ESP: []float64{15300, 4.5, 115, 44, 900}}.Rank(p, w)
	require.NoError(t, err)
}

// A bad expected solution point is an *InputError naming "esp" and, where
// one criterion is at fault, that criterion.
func TestSPOTISBadESP(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{1, 2}, {3, 4}})
	for _, tc := range []struct {
		m    scoring.SPOTIS
		want error
		col  int
	}{
		{scoring.SPOTIS{ESP: []float64{2}}, scoring.ErrLength, -1},
		{scoring.SPOTIS{ESP: []float64{2, 5}}, scoring.ErrParam, 1},                                        // outside the data's range [2, 4]
		{scoring.SPOTIS{Bounds: [][2]float64{{0, 5}, {0, 5}}, ESP: []float64{-1, 3}}, scoring.ErrParam, 0}, // outside the bounds
		{scoring.SPOTIS{Bounds: [][2]float64{{0, 5}, {0, 5}}, ESP: []float64{1, math.NaN()}}, scoring.ErrNotFinite, 1},
		{scoring.SPOTIS{ESP: []float64{math.Inf(1), 3}}, scoring.ErrNotFinite, 0},
	} {
		for _, run := range []func() error{
			func() error { _, err := tc.m.Rank(p, []float64{1, 1}); return err },
			func() error { _, err := tc.m.Evaluate(p, []float64{1, 1}); return err },
		} {
			err := run()
			assert.ErrorIs(t, err, tc.want, "%#v", tc.m)
			var ie *scoring.InputError
			if assert.ErrorAs(t, err, &ie) {
				assert.Equal(t, "esp", ie.Path)
				assert.Equal(t, tc.col, ie.Col)
			}
		}
	}
}

// SPOTIS from an ESP does not depend on the order of the alternatives:
// permuting the rows permutes the scores, bit for bit.
func TestSPOTISESPPermutation(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{15000, 4.3, 99, 42, 737}, {15290, 5.0, 116, 42, 892}, {15350, 5.0, 114, 45, 952}, {15490, 5.3, 123, 45, 1120}}
	perm := []int{2, 0, 3, 1}
	shuffled := make([][]float64, len(rows))
	for k, i := range perm {
		shuffled[k] = rows[i]
	}
	m := scoring.SPOTIS{Bounds: carBounds, ESP: []float64{15300, 4, 115, 50, 900}}
	w := []float64{5, 4, 4, 1, 3}
	a, err := m.Rank(problem(t, "cccbb", rows), w)
	require.NoError(t, err)
	b, err := m.Rank(problem(t, "cccbb", shuffled), w)
	require.NoError(t, err)
	for k, i := range perm {
		assert.Equal(t, a.Scores[i], b.Scores[k])
		assert.Equal(t, a.Ranks[i], b.Ranks[k])
	}
}
