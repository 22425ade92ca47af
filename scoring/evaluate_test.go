package scoring_test

import (
	"encoding/json"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// builtins returns every built-in method with its default parameters, as
// ParseMethod gives them.
func builtins(t *testing.T) []scoring.Method {
	t.Helper()
	var ms []scoring.Method
	for _, tok := range scoring.MethodTokens() {
		m, err := scoring.ParseMethod(tok)
		require.NoError(t, err)
		ms = append(ms, m)
	}
	return ms
}

// Every built-in method is an Evaluator whose detail's Base is exactly
// what Rank returns, whose JSON carries the Result's keys, and which
// returns a nil Evaluation with an error.
func TestEveryMethodEvaluates(t *testing.T) {
	t.Parallel()
	problems := []*scoring.Problem{
		problem(t, aircraftDirs, aircraft),
		problem(t, edasDirs, edasData),
		problem(t, "bc", [][]float64{{1, 2}, {1, 3}, {1, 5}}), // a constant column
	}
	weights := [][]float64{aircraftW, edasWeights[0], {1, 1}}
	for _, m := range builtins(t) {
		e, ok := m.(scoring.Evaluator)
		require.True(t, ok, "%T is not an Evaluator", m)
		for k, p := range problems {
			want, err := m.Rank(p, weights[k])
			require.NoError(t, err, "%T", m)
			got, err := e.Detail(p, weights[k])
			require.NoError(t, err, "%T", m)
			if d := cmp.Diff(want, got.Base()); d != "" {
				t.Errorf("%T problem %d: Detail's Base differs from Rank (-Rank +Detail):\n%s", m, k, d)
			}
			b, err := json.Marshal(got)
			require.NoError(t, err)
			var keys map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(b, &keys))
			for _, key := range []string{"method", "alternatives", "criteria", "weights", "scores", "better", "ranking"} {
				assert.Contains(t, keys, key, "%T", m)
			}
			assert.Greater(t, len(keys), 7, "%T adds no detail", m)
		}
		det, err := e.Detail(problems[0], []float64{1}) // wrong length
		assert.Error(t, err)
		assert.Nil(t, det, "%T: an error must come with a nil Evaluation", m)
	}
}

// The EDAS detail of Ersoy (2021) (see TestEDASErsoy2021): the averages
// are the column means of the paper's data, PDA and NDA follow the
// definitions of Keshavarz Ghorabaee et al. (2015), eqs. (3)–(6),
// recomputed here directly, and the published appraisal scores are
// (NSP + NSN)/2.
func TestEDASEvaluateErsoy2021(t *testing.T) {
	t.Parallel()
	dirs := "bbbbcc"
	res, err := scoring.EDAS{}.Evaluate(problem(t, dirs, ersoy2021), ersoyEDAS.weights)
	require.NoError(t, err)
	av := make([]float64, 6)
	for _, row := range ersoy2021 {
		for j, x := range row {
			av[j] += x / 6
		}
	}
	assert.InDelta(t, 298.6667, res.Average[0], 5e-5) // (5·256 + 512)/6
	if d := cmp.Diff(av, res.Average, cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("averages (-want +got):\n%s", d)
	}
	w := res.Weights
	for i, row := range ersoy2021 {
		var sp, sn float64
		for j, x := range row {
			rel := (x - av[j]) / av[j]
			if dirs[j] == 'c' {
				rel = -rel
			}
			pda, nda := math.Max(0, rel), math.Max(0, -rel)
			assert.InDelta(t, pda, res.PositiveDistance.At(i, j), 1e-12, "PDA[%d][%d]", i, j)
			assert.InDelta(t, nda, res.NegativeDistance.At(i, j), 1e-12, "NDA[%d][%d]", i, j)
			sp += w[j] * pda
			sn += w[j] * nda
		}
		assert.InDelta(t, sp, res.SP[i], 1e-12, "SP[%d]", i)
		assert.InDelta(t, sn, res.SN[i], 1e-12, "SN[%d]", i)
		assert.InDelta(t, ersoyEDAS.want[i], (res.NSP[i]+res.NSN[i])/2, 5e-4, "AS[%d] published", i)
		assert.InDelta(t, res.Scores[i], (res.NSP[i]+res.NSN[i])/2, 1e-12)
	}
	assert.InDelta(t, 1, slices.Max(res.NSP), 0)     // the best SP normalises to 1
	assert.InDelta(t, 0, slices.Min(res.NSN), 1e-15) // the worst SN to 0
}

// The MABAC detail of Işık et al. (2020) (see TestMABACIsik2020): V lies
// in [w_j, 2w_j], G is the geometric mean of each column of V (Pamučar &
// Ćirović 2015, eq. (4)), and Q = V − G sums to the published S.
func TestMABACEvaluateIsik2020(t *testing.T) {
	t.Parallel()
	res, err := scoring.MABAC{}.Evaluate(problem(t, isik2020.dirs, isik2020.rows), isik2020.weights)
	require.NoError(t, err)
	m, n := len(isik2020.rows), len(isik2020.weights)
	require.Same(t, res.Contributions, res.Distance)
	for j := range n {
		logSum := 0.0
		for i := range m {
			v := res.Weighted.At(i, j)
			assert.GreaterOrEqual(t, v, res.Weights[j]-1e-15)
			assert.LessOrEqual(t, v, 2*res.Weights[j]+1e-15)
			logSum += math.Log(v)
		}
		assert.InDelta(t, math.Exp(logSum/float64(m)), res.Border[j], 1e-14, "G[%d]", j)
	}
	for i := range m {
		s := 0.0
		for j := range n {
			q := res.Weighted.At(i, j) - res.Border[j]
			assert.InDelta(t, q, res.Distance.At(i, j), 1e-15)
			s += q
		}
		assert.InDelta(t, isik2020.want[i], s, 5e-6, "S[%d] published", i)
	}
}

// The SPOTIS detail of Dezert et al. (2020) (see TestSPOTISDezert2020):
// the ideal point is (14000, 3, 80, 60, 1300) from the paper's bounds, and
// A1's normalised distances, computed by hand from the paper's data, are
// 1000/2000, 1.3/5, 19/60, 18/25 and 563/650; their weighted sum is the
// published 0.4779.
func TestSPOTISEvaluateDezert2020(t *testing.T) {
	t.Parallel()
	m := dezert2020.method.(scoring.SPOTIS)
	res, err := m.Evaluate(problem(t, dezert2020.dirs, dezert2020.rows), dezert2020.weights)
	require.NoError(t, err)
	assert.Equal(t, m.Bounds, res.Bounds)
	assert.Equal(t, []float64{14000, 3, 80, 60, 1300}, res.Ideal)
	want := []float64{0.5, 1.3 / 5, 19.0 / 60, 18.0 / 25, 563.0 / 650}
	if d := cmp.Diff(want, res.Distance.Row(0), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("A1's distances (-hand +got):\n%s", d)
	}
	assert.InDelta(t, 0.4779, res.Scores[0], 5e-5)

	// Without bounds, the data's range is used.
	res, err = scoring.SPOTIS{}.Evaluate(problem(t, "bc", [][]float64{{1, 7}, {3, 4}}), []float64{1, 1})
	require.NoError(t, err)
	assert.Equal(t, [][2]float64{{1, 3}, {4, 7}}, res.Bounds)
	assert.Equal(t, []float64{3, 4}, res.Ideal)
}

// The MOORA detail of Karabasevic et al. (2015) (see
// TestPublishedMOORAKarabasevic2015): the first column (4, 3, 5) has norm
// √50, and with benefit criteria only the score is the benefit sum. On the
// aircraft example (one cost criterion) the score is Benefit − Cost.
func TestMOORAEvaluate(t *testing.T) {
	t.Parallel()
	res, err := scoring.MOORA{}.Evaluate(problem(t, "bbbbbbb", karabasevicData), karabasevicW)
	require.NoError(t, err)
	s50 := math.Sqrt(50)
	assert.InDeltaSlice(t, []float64{4 / s50, 3 / s50, 5 / s50}, []float64{res.Normalized.At(0, 0), res.Normalized.At(1, 0), res.Normalized.At(2, 0)}, 1e-15)
	assert.Equal(t, res.Scores, res.Benefit)
	assert.Equal(t, []float64{0, 0, 0}, res.Cost)

	res, err = scoring.MOORA{}.Evaluate(problem(t, aircraftDirs, aircraft), aircraftW)
	require.NoError(t, err)
	for i := range aircraft {
		assert.InDelta(t, res.Scores[i], res.Benefit[i]-res.Cost[i], 1e-15)
		assert.Greater(t, res.Cost[i], 0.0)
		assert.Greater(t, res.Normalized.At(i, 3), 0.0, "cost column not turned around")
	}
}

// WSM and WPM report the normalised matrix: with Max normalisation x/max
// for benefits and min/x for costs (Hwang & Yoon 1981, §3.2.1); the
// weighted product is Π r^w of it.
func TestWeightedSumAndProductEvaluate(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{2, 4}, {4, 8}})
	w := []float64{0.25, 0.75}
	ws, err := scoring.WeightedSum{}.Evaluate(p, w)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.5, 1, 1, 0.5}, ws.Normalized.Data)
	wp, err := scoring.WeightedProduct{}.Evaluate(p, w)
	require.NoError(t, err)
	assert.Equal(t, ws.Normalized, wp.Normalized)
	assert.InDelta(t, math.Pow(0.5, 0.25), wp.Scores[0], 1e-15)
	assert.InDelta(t, math.Pow(0.5, 0.75), wp.Scores[1], 1e-15)
}
