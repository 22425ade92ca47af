package scoring_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

// vectorNormalised returns x_ij / ‖x_j‖₂, the textbook vector
// normalisation (Hwang & Yoon 1981, §3.2.5), computed here on its own.
func vectorNormalised(rows [][]float64) [][]float64 {
	n := len(rows[0])
	norm := make([]float64, n)
	for _, r := range rows {
		for j, x := range r {
			norm[j] += x * x
		}
	}
	out := make([][]float64, len(rows))
	for i, r := range rows {
		out[i] = make([]float64, n)
		for j, x := range r {
			out[i][j] = x / math.Sqrt(norm[j])
		}
	}
	return out
}

// TOPSIS with no normalisation, given Ersoy's (2021) matrix already
// vector-normalised (outside the method, by the textbook formula), gives
// the closeness coefficients Ersoy publishes for TOPSIS (LogForum 17(3),
// 3 dp from rounded intermediates: they agree within 1e-3, as in
// pyrepo-mcda's test of the same example, which compares 2 dp).
func TestTOPSISNoneErsoy2021(t *testing.T) {
	t.Parallel()
	want := []float64{0.308, 0.254, 0.327, 0.263, 0.857, 0.192}
	res, err := scoring.TOPSIS{Normalization: scoring.None}.Rank(problem(t, "bbbbcc", vectorNormalised(ersoy2021)), ersoyEDAS.weights)
	require.NoError(t, err)
	if d := cmp.Diff(want, res.Scores, cmpopts.EquateApprox(0, 1e-3)); d != "" {
		t.Errorf("closeness (-published +got):\n%s", d)
	}
	// The same as TOPSIS's own vector normalisation on the raw data.
	raw, err := scoring.TOPSIS{}.Rank(problem(t, "bbbbcc", ersoy2021), ersoyEDAS.weights)
	require.NoError(t, err)
	if d := cmp.Diff(raw.Scores, res.Scores, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("none on normalised data differs from vector on raw data:\n%s", d)
	}
}

// The weighted sum with no normalisation, given the admissions data of
// Rizan et al. (2020) already divided by each column's maximum (all seven
// criteria are benefits), gives their published SAW scores (CITSM 2020,
// 3 dp).
func TestWeightedSumNoneRizan2020(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{0.75, 0.50, 0.75, 0, 0, 0, 1}, {0.75, 1, 0.75, 0, 0, 0, 0.75},
		{0.75, 0.75, 0.75, 0, 0.50, 0.25, 1}, {0.50, 0.50, 0.75, 1, 0.50, 0, 0.75}}
	max := make([]float64, 7)
	for _, r := range rows {
		for j, x := range r {
			max[j] = math.Max(max[j], x)
		}
	}
	scaled := make([][]float64, len(rows))
	for i, r := range rows {
		scaled[i] = make([]float64, 7)
		for j, x := range r {
			scaled[i][j] = x / max[j]
		}
	}
	w := []float64{0.1, 0.1, 0.1, 0.15, 0.2, 0.25, 0.1}
	res, err := scoring.WeightedSum{Normalization: scoring.None}.Rank(problem(t, "bbbbbbb", scaled), w)
	require.NoError(t, err)
	if d := cmp.Diff([]float64{0.35, 0.375, 0.825, 0.642}, res.Scores, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("SAW (-published +got):\n%s", d)
	}
	assert.Equal(t, []int{4, 3, 1, 2}, res.Ranks)
}

// Properties of None: the scores are those of the raw values (costs
// negated); TOPSIS and WSM with None keep the method properties; the
// methods that need commensurable or positive values refuse it, naming
// the field; entropy's None is its raw-value default.
func TestNormalizationNone(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(4, 9))
	for trial := range 20 {
		m := 2 + rng.IntN(8)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{rng.Float64()*10 - 5, rng.Float64() * 3, rng.Float64()}
		}
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		p := problem(t, "bcb", rows)
		res, err := scoring.WeightedSum{Normalization: scoring.None}.Rank(p, w)
		require.NoError(t, err)
		sw := w[0] + w[1] + w[2]
		for i, r := range rows {
			want := (w[0]*r[0] - w[1]*r[1] + w[2]*r[2]) / sw
			assert.InDelta(t, want, res.Scores[i], 1e-12, "trial %d row %d", trial, i)
		}
		// Shifting every value of a TOPSIS column leaves its distances.
		shifted := make([][]float64, m)
		for i, r := range rows {
			shifted[i] = []float64{r[0] + 100, r[1], r[2] - 3}
		}
		a, err := scoring.TOPSIS{Normalization: scoring.None}.Rank(p, w)
		require.NoError(t, err)
		b, err := scoring.TOPSIS{Normalization: scoring.None}.Rank(problem(t, "bcb", shifted), w)
		require.NoError(t, err)
		assert.InDeltaSlice(t, a.Scores, b.Scores, 1e-9, "trial %d", trial)
	}
	for _, meth := range []scoring.Method{scoring.WeightedSum{Normalization: scoring.None}, scoring.TOPSIS{Normalization: scoring.None}} {
		if err := scoringtest.TestMethod(meth); err != nil {
			t.Errorf("%#v:\n%v", meth, err)
		}
	}
	p := problem(t, "bc", [][]float64{{1, 2}, {3, 4}})
	_, err := scoring.WeightedProduct{Normalization: scoring.None}.Rank(p, []float64{1, 1})
	require.ErrorIs(t, err, scoring.ErrParam)
	var ie *scoring.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "normalization", ie.Path)
	def, err := scoring.Entropy{}.Weigh(p)
	require.NoError(t, err)
	none, err := scoring.Entropy{Normalization: scoring.None}.Weigh(p)
	require.NoError(t, err)
	assert.Equal(t, def.Weights, none.Weights)
	n, err := scoring.ParseNormalization("none")
	require.NoError(t, err)
	assert.Equal(t, scoring.None, n)
}
