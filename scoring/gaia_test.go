package scoring_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/socialseat/socialseat/scoring"
)

// GAIA on the Papathanasiou & Ploskas (2018) ch. 3 data (linear q = 1,
// p = 2), checked against the definition of Mareschal & Brans (1988):
// the eigen-decomposition of the covariance matrix Φᵀ Φ/(m−1) of the
// unicriterion net flows, computed here with mat.EigenSym rather than the
// SVD behind stat.PC. The profiles themselves are anchored on the book's
// net flows: Σ_j w_j φ_j(a) must give φ = −0.26, −0.52, −0.22, 0.36, 0.70,
// −0.06 (2 dp).
func TestGAIAMatchesEigenDefinition(t *testing.T) {
	t.Parallel()
	prefs := repeatPref(scoring.Preference{Function: scoring.Linear, Q: 1, P: 2}, 4)
	p := problem(t, "bbbb", ploskas)
	res, err := scoring.GAIA{Preferences: prefs}.Evaluate(p, ploskasW)
	require.NoError(t, err)
	published := []float64{-0.26, -0.52, -0.22, 0.36, 0.70, -0.06}
	w := res.Weights
	for a, want := range published {
		assert.InDelta(t, want, mulAddTest(res.Profiles.Row(a), w), 5e-3, "net flow of A%d", a+1)
	}
	m, n := 6, 4
	phi := mat.NewDense(m, n, nil)
	for a := range m {
		phi.SetRow(a, res.Profiles.Row(a))
	}
	var cov mat.SymDense
	cov.SymOuterK(1/float64(m-1), phi.T())
	var eig mat.EigenSym
	require.True(t, eig.Factorize(&cov, true))
	vals := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	total := 0.0
	for _, v := range vals {
		total += v
	}
	assert.InDelta(t, (vals[n-1]+vals[n-2])/total, res.Delta, 1e-12)
	want := slices.Clone(vals)
	sort.Sort(sort.Reverse(sort.Float64Slice(want)))
	assert.InDeltaSlice(t, want, res.Variances, 1e-12)
	// Each axis matches an eigenvector up to sign; GAIA orients it so
	// that the decision stick's coordinate is non-negative.
	for k, col := range []int{n - 1, n - 2} {
		v := mat.Col(nil, col, &vecs)
		if mulAddTest(v, w) < 0 {
			for j := range v {
				v[j] = -v[j]
			}
		}
		for j := range n {
			got := res.CriterionAxes[j].X
			if k == 1 {
				got = res.CriterionAxes[j].Y
			}
			assert.InDelta(t, v[j], got, 1e-9, "axis %d, criterion %d", k, j)
		}
		for a := range m {
			got := res.AlternativePoints[a].X
			if k == 1 {
				got = res.AlternativePoints[a].Y
			}
			assert.InDelta(t, mulAddTest(res.Profiles.Row(a), v), got, 1e-9)
		}
	}
	assert.GreaterOrEqual(t, res.DecisionStick.X, 0.0)
	assert.GreaterOrEqual(t, res.DecisionStick.Y, 0.0)
}

func mulAddTest(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += x[i] * y[i]
	}
	return s
}

// With two criteria the plane is the whole space: δ = 1 and each
// alternative's projection on the decision stick is its PROMETHEE II net
// flow (Brans & Mareschal 2005, ch. 5, on the decision stick).
func TestGAIATwoCriteriaIsExact(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 5))
	for range 20 {
		rows := randomRows(rng, 3+rng.IntN(6), 2)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1}
		p := problem(t, "bc", rows)
		g, err := scoring.GAIA{}.Evaluate(p, w)
		require.NoError(t, err)
		r, err := scoring.PROMETHEEII{}.Rank(p, w)
		require.NoError(t, err)
		assert.InDelta(t, 1, g.Delta, 1e-12)
		for a, pt := range g.AlternativePoints {
			assert.InDelta(t, r.Scores[a], pt.X*g.DecisionStick.X+pt.Y*g.DecisionStick.Y, 1e-12)
		}
	}
}

// Permutation of the alternatives, scaling a benefit column and adding a
// dominating alternative, as for the ranking methods.
func TestGAIAProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 2))
	for trial := range 30 {
		m := 3 + rng.IntN(6)
		rows := randomRows(rng, m, 4)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		base, err := scoring.GAIA{}.Evaluate(problem(t, "bcbb", rows), w)
		require.NoError(t, err)
		require.GreaterOrEqual(t, base.Delta, 0.0)
		require.LessOrEqual(t, base.Delta, 1.0)

		perm := rng.Perm(m)
		prow := make([][]float64, m)
		for k, i := range perm {
			prow[k] = rows[i]
		}
		pres, err := scoring.GAIA{}.Evaluate(problem(t, "bcbb", prow), w)
		require.NoError(t, err)
		assert.InDelta(t, base.Delta, pres.Delta, 1e-12)
		// Axes are determined up to rotation within a degenerate
		// eigenspace; compare only when the second and third variances
		// are well apart.
		if len(base.Variances) > 2 && base.Variances[1]-base.Variances[2] > 1e-6 && base.Variances[0]-base.Variances[1] > 1e-6 {
			for k, i := range perm {
				assert.InDelta(t, base.AlternativePoints[i].X, pres.AlternativePoints[k].X, 1e-9, "trial %d", trial)
				assert.InDelta(t, base.AlternativePoints[i].Y, pres.AlternativePoints[k].Y, 1e-9, "trial %d", trial)
			}
		}

		scaled := make([][]float64, m)
		for i, r := range rows {
			scaled[i] = slices.Clone(r)
			scaled[i][0] *= 1000
		}
		sres, err := scoring.GAIA{}.Evaluate(problem(t, "bcbb", scaled), w)
		require.NoError(t, err)
		assert.Equal(t, base.AlternativePoints, sres.AlternativePoints, "trial %d: scaling changed the plane", trial)

		// A dominating alternative has the largest unicriterion flow on
		// every criterion, hence the largest net flow.
		dom := make([]float64, 4)
		for j := range dom {
			dom[j] = 10
		}
		dom[1] = 0
		dres, err := scoring.GAIA{}.Evaluate(problem(t, "bcbb", append(slices.Clone(rows), dom)), w)
		require.NoError(t, err)
		for j := range 4 {
			for a := range m {
				assert.Greater(t, dres.Profiles.At(m, j), dres.Profiles.At(a, j))
			}
		}
	}
}

func TestGAIADegenerate(t *testing.T) {
	t.Parallel()
	one, err := scoring.GAIA{}.Evaluate(problem(t, "bb", [][]float64{{1, 2}}), []float64{1, 1})
	require.NoError(t, err)
	assert.Equal(t, 1.0, one.Delta)
	assert.Equal(t, []scoring.Point{{}}, one.AlternativePoints)

	flat, err := scoring.GAIA{}.Evaluate(problem(t, "bb", [][]float64{{1, 2}, {1, 2}, {1, 2}}), []float64{1, 1})
	require.NoError(t, err)
	assert.Equal(t, 1.0, flat.Delta)
	assert.Len(t, flat.Notes, 2)

	single, err := scoring.GAIA{}.Evaluate(problem(t, "c", [][]float64{{1}, {3}, {2}}), []float64{1})
	require.NoError(t, err)
	assert.Equal(t, 1.0, single.Delta)
	assert.Equal(t, 1.0, single.CriterionAxes[0].X)
	assert.Equal(t, 0.0, single.CriterionAxes[0].Y)
	assert.Greater(t, single.AlternativePoints[0].X, single.AlternativePoints[1].X)

	_, err = scoring.GAIA{}.Evaluate(problem(t, "bb", [][]float64{{1, 2}}), []float64{-1, 1})
	assert.ErrorIs(t, err, scoring.ErrWeights)
	for _, pt := range append(flat.AlternativePoints, single.AlternativePoints...) {
		assert.False(t, math.IsNaN(pt.X) || math.IsNaN(pt.Y))
	}
}
