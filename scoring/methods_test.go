package scoring_test

import (
	"encoding/json"
	"fmt"
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

func allMethods() []scoring.Method {
	return []scoring.Method{
		scoring.WeightedSum{}, scoring.WeightedProduct{}, scoring.TOPSIS{}, scoring.NewVIKOR(),
		scoring.PROMETHEEII{}, scoring.COPRAS{},
	}
}

func TestWPMTriantaphyllou2000(t *testing.T) {
	t.Parallel()
	// Triantaphyllou (2000), Multi-Criteria Decision Making Methods: A
	// Comparative Study, Kluwer, ch. 2, WPM example: the ratios
	// P(A1/A2) = 1.007, P(A1/A3) = 1.067, P(A2/A3) = 1.059 (3 dp).
	p := problem(t, "bbbb", [][]float64{{25, 20, 15, 30}, {10, 30, 20, 30}, {30, 10, 30, 10}})
	res, err := scoring.WeightedProduct{}.Rank(p, []float64{0.20, 0.15, 0.40, 0.25})
	require.NoError(t, err)
	s := res.Scores
	got := []float64{s[0] / s[1], s[0] / s[2], s[1] / s[2]}
	if d := cmp.Diff([]float64{1.007, 1.067, 1.059}, got, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("WPM ratios (-published +got):\n%s", d)
	}
	assert.Equal(t, []int{1, 2, 3}, res.Ranks)
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{3, 2}, {4, 4}, {0, 8}})
	cases := []struct {
		kind scoring.Normalization
		want [][]float64
	}{
		{scoring.Vector, [][]float64{{0.6, 1 - 2/math.Sqrt(84)}, {0.8, 1 - 4/math.Sqrt(84)}, {0, 1 - 8/math.Sqrt(84)}}},
		{scoring.Max, [][]float64{{0.75, 1}, {1, 0.5}, {0, 0.25}}},
		{scoring.MinMax, [][]float64{{0.75, 1}, {1, 4.0 / 6}, {0, 0}}},
		{scoring.Sum, [][]float64{{3.0 / 7, 0.5 / 0.875}, {4.0 / 7, 0.25 / 0.875}, {0, 0.125 / 0.875}}},
	}
	for _, tc := range cases {
		got, err := scoring.Normalize(p, tc.kind)
		require.NoError(t, err)
		if d := cmp.Diff(tc.want, got, cmpopts.EquateApprox(0, 1e-15)); d != "" {
			t.Errorf("%v (-want +got):\n%s", tc.kind, d)
		}
	}
}

func TestDegenerateColumns(t *testing.T) {
	t.Parallel()
	// A constant column and a column of zeros have the documented values.
	p := problem(t, "bbc", [][]float64{{5, 0, 7}, {5, 0, 7}, {5, 0, 7}})
	want := map[scoring.Normalization][]float64{
		scoring.Vector: {1 / math.Sqrt(3), 1 / math.Sqrt(3), 1 - 1/math.Sqrt(3)},
		scoring.Max:    {1, 1, 1},
		scoring.MinMax: {1, 1, 1},
		scoring.Sum:    {1.0 / 3, 1.0 / 3, 1.0 / 3},
	}
	for kind, row := range want {
		got, err := scoring.Normalize(p, kind)
		require.NoError(t, err)
		for _, r := range got {
			if d := cmp.Diff(row, r, cmpopts.EquateApprox(0, 1e-15)); d != "" {
				t.Errorf("%v (-want +got):\n%s", kind, d)
			}
		}
	}
	// Every method ranks identical alternatives as one tie, with finite
	// scores and a note naming each constant criterion.
	w := []float64{1, 1, 1}
	for _, m := range allMethods() {
		res, err := m.Rank(problem(t, "bbc", [][]float64{{5, 1, 7}, {5, 1, 7}}), w)
		require.NoError(t, err, "%T", m)
		assert.Equal(t, []int{1, 1}, res.Ranks, "%T", m)
		for _, s := range res.Scores {
			assert.False(t, math.IsNaN(s) || math.IsInf(s, 0), "%T score %v", m, s)
		}
		assert.Len(t, res.Notes, 3, "%T notes", m)
	}
	top, err := scoring.TOPSIS{}.Rank(problem(t, "bb", [][]float64{{1, 2}, {1, 2}}), []float64{1, 1})
	require.NoError(t, err)
	assert.Equal(t, []float64{0.5, 0.5}, top.Scores, "TOPSIS closeness of identical alternatives")
}

func TestSingleAlternative(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{3, 4}})
	for _, m := range allMethods() {
		res, err := m.Rank(p, []float64{1, 2})
		require.NoError(t, err, "%T", m)
		assert.Equal(t, []int{1}, res.Ranks)
		assert.False(t, math.IsNaN(res.Scores[0]))
	}
	v, err := scoring.NewVIKOR().Evaluate(p, []float64{1, 1})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, v.Compromise)
	assert.True(t, v.AcceptableAdvantage && v.AcceptableStability)
}

// Scaling a benefit column by a positive factor leaves the rankings of the
// scale-invariant normalisations unchanged; so does scaling a cost column.
func TestScalingInvariance(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 7))
	methods := []scoring.Method{
		scoring.WeightedSum{}, scoring.WeightedSum{Normalization: scoring.Vector}, scoring.WeightedSum{Normalization: scoring.MinMax},
		scoring.WeightedSum{Normalization: scoring.Sum}, scoring.WeightedProduct{}, scoring.TOPSIS{},
		scoring.TOPSIS{Normalization: scoring.MinMax}, scoring.TOPSIS{Normalization: scoring.Max}, scoring.NewVIKOR(), scoring.COPRAS{},
		scoring.PROMETHEEII{},
	}
	for trial := range 30 {
		rows := make([][]float64, 6)
		for i := range rows {
			rows[i] = []float64{1 + rng.Float64()*9, 1 + rng.Float64()*9, 1 + rng.Float64()*9}
		}
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		col, factor := trial%3, math.Pow(10, float64(rng.IntN(7)-3))
		scaled := make([][]float64, len(rows))
		for i, r := range rows {
			scaled[i] = slices.Clone(r)
			scaled[i][col] *= factor
		}
		for _, m := range methods {
			a, err := m.Rank(problem(t, "bcb", rows), w)
			require.NoError(t, err)
			b, err := m.Rank(problem(t, "bcb", scaled), w)
			require.NoError(t, err)
			if !slices.Equal(a.Ranks, b.Ranks) {
				t.Errorf("trial %d (seed 7,7): %#v: scaling column %d by %g changed ranks %v -> %v", trial, m, col, factor, a.Ranks, b.Ranks)
			}
			if d := cmp.Diff(a.Scores, b.Scores, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
				t.Errorf("trial %d: %#v: scaling changed scores:\n%s", trial, m, d)
			}
		}
	}
}

// PROMETHEE II's sorted-prefix flows must equal the pairwise definition,
// including differences that fall exactly on a threshold.
func TestPROMETHEEMatchesPairwiseDefinition(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 9))
	funcs := []scoring.Preference{
		{Function: scoring.Usual},
		{Function: scoring.UShape, Q: 1},
		{Function: scoring.VShape, P: 2},
		{Function: scoring.Level, Q: 1, P: 2},
		{Function: scoring.Linear, Q: 0.5, P: 2.5},
		{Function: scoring.Linear, Q: 1, P: 1},
		{Function: scoring.VShape, P: 0},
		{Function: scoring.Gaussian, S: 1.5},
	}
	for trial := range 40 {
		m, n := 2+rng.IntN(12), len(funcs)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = make([]float64, n)
			for j := range rows[i] {
				rows[i][j] = float64(rng.IntN(7)) / 2 // many ties and exact threshold hits
			}
		}
		dirs := ""
		for j := range n {
			dirs += string("bc"[j%2])
		}
		w := make([]float64, n)
		for j := range w {
			w[j] = rng.Float64() + 0.01
		}
		p := problem(t, dirs, rows)
		res, err := scoring.PROMETHEEII{Preferences: funcs}.Evaluate(p, w)
		require.NoError(t, err)
		plus, minus := pairwiseFlows(rows, dirs, funcs, res.Weights)
		opt := cmpopts.EquateApprox(0, 1e-12)
		if d := cmp.Diff(plus, res.PositiveFlow, opt); d != "" {
			t.Fatalf("trial %d (seed 3,9): phi+ (-pairwise +got):\n%s", trial, d)
		}
		if d := cmp.Diff(minus, res.NegativeFlow, opt); d != "" {
			t.Fatalf("trial %d: phi- (-pairwise +got):\n%s", trial, d)
		}
		for i := range plus {
			assert.InDelta(t, plus[i]-minus[i], res.Scores[i], 1e-12)
			assert.InDelta(t, res.Scores[i], sum(res.Contributions.Row(i)), 1e-12)
		}
	}
}

// pairwiseFlows is the textbook O(m²n) definition, written independently of
// the package's implementation.
func pairwiseFlows(rows [][]float64, dirs string, f []scoring.Preference, w []float64) (plus, minus []float64) {
	m := len(rows)
	pref := func(f scoring.Preference, d float64) float64 {
		if d <= 0 {
			return 0
		}
		switch f.Function {
		case scoring.Usual:
			return 1
		case scoring.UShape:
			if d <= f.Q {
				return 0
			}
			return 1
		case scoring.VShape:
			if d <= f.P {
				return d / f.P
			}
			return 1
		case scoring.Level:
			if d <= f.Q {
				return 0
			} else if d <= f.P {
				return 0.5
			}
			return 1
		case scoring.Linear:
			if d <= f.Q {
				return 0
			} else if d <= f.P {
				return (d - f.Q) / (f.P - f.Q)
			}
			return 1
		}
		return 1 - math.Exp(-d*d/(2*f.S*f.S))
	}
	plus, minus = make([]float64, m), make([]float64, m)
	for a := range m {
		for b := range m {
			pi := 0.0
			for j := range rows[a] {
				d := rows[a][j] - rows[b][j]
				if dirs[j] == 'c' {
					d = -d
				}
				pi += w[j] * pref(f[j], d)
			}
			plus[a] += pi / float64(m-1)
			minus[b] += pi / float64(m-1)
		}
	}
	return plus, minus
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func TestContributionsSumToScores(t *testing.T) {
	t.Parallel()
	p := problem(t, aircraftDirs, aircraft)
	for _, m := range []scoring.Method{scoring.WeightedSum{}, scoring.PROMETHEEII{}} {
		res, err := m.Rank(p, aircraftW)
		require.NoError(t, err)
		require.NotNil(t, res.Contributions)
		require.Equal(t, 4, res.Contributions.Rows)
		for i, row := range res.Contributions.RowSlices() {
			assert.InDelta(t, res.Scores[i], sum(row), 1e-15, "%T alternative %d", m, i)
		}
	}
}

func TestLargeProblemRankingMatchesSmallPath(t *testing.T) {
	t.Parallel()
	// Above 4096 alternatives the ranking uses a radix sort and the
	// kernels run in parallel blocks; both must agree with a direct
	// computation, including ties and negative scores.
	rng := rand.New(rand.NewPCG(11, 13))
	m := 70000
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = []float64{float64(rng.IntN(50)), float64(rng.IntN(50) + 1), rng.NormFloat64()}
	}
	p := problem(t, "bcb", rows)
	w := []float64{0.5, 0.3, 0.2}
	for _, meth := range []scoring.Method{scoring.WeightedSum{Normalization: scoring.MinMax}, scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.PROMETHEEII{}} {
		res, err := meth.Rank(p, w)
		require.NoError(t, err)
		want := naiveRanks(res.Scores, res.Better)
		require.Equal(t, want, res.Ranks, "%T", meth)
	}
}

// naiveRanks is an O(m log m) reference: competition ranks with the same
// tie tolerance as the package.
func naiveRanks(scores []float64, better scoring.Better) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sign := 1.0
	if better == scoring.Lower {
		sign = -1
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmpF(sign*scores[b], sign*scores[a])
	})
	big := 0.0
	for _, s := range scores {
		big = math.Max(big, math.Abs(s))
	}
	ranks := make([]int, len(scores))
	head, rank := scores[idx[0]], 1
	for k, i := range idx {
		if math.Abs(scores[i]-head) > 1e-12*big {
			head, rank = scores[i], k+1
		}
		ranks[i] = rank
	}
	return ranks
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestInputsAreNotModified(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{3, 2, 1}, {1, 5, 2}, {2, 2, 9}}
	alts := []string{"x", "y", "z"}
	crits := []scoring.Criterion{{Name: "a", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Cost}, {Name: "c", Direction: scoring.Benefit}}
	w := []float64{2, 1, 1}
	prefs := []scoring.Preference{{Function: scoring.Linear, Q: 0.5, P: 1}, {}, {Function: scoring.Gaussian, S: 1}}
	before := fmt.Sprint(rows, alts, crits, w, prefs)
	p, err := scoring.NewProblem(alts, crits, rows)
	require.NoError(t, err)
	rows[0][0], alts[0], crits[0].Name = 99, "changed", "changed" // the problem holds copies
	assert.Equal(t, 3.0, p.At(0, 0))
	assert.Equal(t, "x", p.Alternatives()[0])
	assert.Equal(t, "a", p.Criteria()[0].Name)
	rows[0][0], alts[0], crits[0].Name = 3, "x", "a"
	for _, m := range append(allMethods(), scoring.PROMETHEEII{Preferences: prefs}) {
		_, err := m.Rank(p, w)
		require.NoError(t, err)
	}
	assert.Equal(t, before, fmt.Sprint(rows, alts, crits, w, prefs))
	// Accessors return copies.
	p.Rows()[0][0] = 42
	p.Matrix().Set(0, 0, 42)
	p.Alternatives()[0] = "q"
	assert.Equal(t, 3.0, p.At(0, 0))
	assert.Equal(t, "x", p.Alternatives()[0])
}

// TestResultsShareNames pins the documented exception to copying: every
// result ranked from a problem shares the problem's name slices (a million
// alternatives are not copied per call), and the caller's own slices are
// still not retained.
func TestResultsShareNames(t *testing.T) {
	t.Parallel()
	alts := []string{"x", "y", "z"}
	p := problem(t, "bcb", [][]float64{{3, 2, 1}, {1, 5, 2}, {2, 2, 9}})
	p2, err := scoring.NewProblem(alts, p.Criteria(), p.Rows())
	require.NoError(t, err)
	w := []float64{2, 1, 1}
	var first *scoring.Result
	for _, m := range allMethods() {
		res, err := m.Rank(p2, w)
		require.NoError(t, err)
		require.Equal(t, alts, res.Alternatives)
		assert.NotSame(t, &alts[0], &res.Alternatives[0], "%s retains the caller's slice", res.Method)
		if first == nil {
			first = res
			continue
		}
		assert.Same(t, &first.Alternatives[0], &res.Alternatives[0], "%s copies the names", res.Method)
		assert.Same(t, &first.Criteria[0], &res.Criteria[0], "%s copies the criteria's names", res.Method)
	}
	// The problem's own accessors still return copies.
	assert.NotSame(t, &first.Alternatives[0], &p2.Alternatives()[0])
	assert.NotSame(t, &first.Criteria[0], &p2.CriterionNames()[0])

	// Decoding JSON into a returned result reuses its arrays (encoding/json
	// appends into the old backing array): the problem must not notice.
	require.NoError(t, json.Unmarshal([]byte(`{"alternatives":["evil","evil2"],"criteria":["zz"]}`), first))
	assert.Equal(t, alts, p2.Alternatives())
	assert.Equal(t, []string{"C1", "C2", "C3"}, p2.CriterionNames())
	i, ok := p2.AlternativeIndex("y")
	assert.True(t, ok)
	assert.Equal(t, 1, i)
}

func TestResultJSON(t *testing.T) {
	t.Parallel()
	p := problem(t, "cb", [][]float64{{1, 3000}, {2, 3750}, {5, 4500}})
	res, err := scoring.NewVIKOR().Evaluate(p, []float64{1, 1})
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	for _, key := range []string{"method", "alternatives", "scores", "better", "ranking", "s", "r", "compromise", "weights"} {
		assert.Contains(t, got, key)
	}
	assert.Equal(t, "vikor", got["method"])
	assert.Equal(t, "lower", got["better"])
	assert.Equal(t, []any{2.0, 1.0, 2.0}, got["ranking"])
}

func TestOrderAndBest(t *testing.T) {
	t.Parallel()
	res := &scoring.Result{Ranks: []int{3, 1, 2, 1}}
	assert.Equal(t, []int{1, 3, 2, 0}, res.Order())
	assert.Equal(t, 1, res.Best())
	assert.Equal(t, -1, (&scoring.Result{}).Best())
}

func TestNormalizeWeights(t *testing.T) {
	t.Parallel()
	in := []float64{1e308, 1e308, 0}
	w, err := scoring.NormalizeWeights(in, 3)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.5, 0.5, 0}, w)
	assert.Equal(t, []float64{1e308, 1e308, 0}, in)
	assert.Nil(t, scoring.EqualWeights(0))
	assert.InDelta(t, 1, sum(scoring.EqualWeights(7)), 1e-15)
}

func TestHugeAndTinyMagnitudes(t *testing.T) {
	t.Parallel()
	// Values near the ends of float64's range must not overflow into NaN
	// or Inf anywhere.
	rows := [][]float64{{1.7e308, 1e-300, -1.7e308}, {-1.7e308, 5e-324, 1.7e308}, {1, 1e-310, 0}}
	p := problem(t, "bbc", rows)
	for _, m := range []scoring.Method{scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.PROMETHEEII{},
		scoring.WeightedSum{Normalization: scoring.MinMax}, scoring.WeightedSum{Normalization: scoring.Vector},
		scoring.PROMETHEEII{Preferences: []scoring.Preference{{Function: scoring.Linear, Q: 1, P: 1e308}, {Function: scoring.Gaussian, S: 1e-300}, {Function: scoring.VShape, P: 1}}}} {
		res, err := m.Rank(p, []float64{1, 1, 1})
		require.NoError(t, err, "%#v", m)
		for _, s := range res.Scores {
			assert.False(t, math.IsNaN(s) || math.IsInf(s, 0), "%#v: score %v", m, s)
		}
	}
	pos := problem(t, "bc", [][]float64{{1e308, 1e-300}, {1e-300, 1e308}, {5, 5}})
	for _, m := range []scoring.Method{scoring.WeightedSum{}, scoring.WeightedProduct{}, scoring.COPRAS{}, scoring.WeightedSum{Normalization: scoring.Sum}} {
		res, err := m.Rank(pos, []float64{1, 1})
		require.NoError(t, err)
		for _, s := range res.Scores {
			assert.False(t, math.IsNaN(s) || math.IsInf(s, 0), "%#v: score %v", m, s)
		}
	}
}

func TestRankAgreement(t *testing.T) {
	t.Parallel()
	a := []int{1, 2, 3, 4, 5}
	rev := []int{5, 4, 3, 2, 1}
	for _, f := range []func(a, b []int) (float64, error){scoring.SpearmanRho, scoring.KendallTau} {
		v, err := f(a, a)
		require.NoError(t, err)
		assert.InDelta(t, 1, v, 1e-15)
		v, err = f(a, rev)
		require.NoError(t, err)
		assert.InDelta(t, -1, v, 1e-15)
	}
	// Spearman with the classic formula 1 − 6Σd²/(n(n²−1)) for untied ranks:
	// d = (0, 0, 1, −1, 0) gives 1 − 12/120 = 0.9.
	v, err := scoring.SpearmanRho(a, []int{1, 2, 4, 3, 5})
	require.NoError(t, err)
	assert.InDelta(t, 0.9, v, 1e-15)
	// Kendall: one discordant pair of 10 gives (9 − 1)/10.
	v, err = scoring.KendallTau(a, []int{1, 2, 4, 3, 5})
	require.NoError(t, err)
	assert.InDelta(t, 0.8, v, 1e-15)
	// Sałabun & Urbaniak (2020): swapping the top two of five costs more
	// than swapping the bottom two: 1 − (2⁻¹·1/4 + 2⁻²·1/3) and
	// 1 − (2⁻⁴·1/3 + 2⁻⁵·1/4).
	top, err := scoring.WSCoefficient(a, []int{2, 1, 3, 4, 5})
	require.NoError(t, err)
	assert.InDelta(t, 1-(0.5/4+0.25/3), top, 1e-15)
	bottom, err := scoring.WSCoefficient(a, []int{1, 2, 3, 5, 4})
	require.NoError(t, err)
	assert.InDelta(t, 1-(1.0/16/3+1.0/32/4), bottom, 1e-15)
	ties, err := scoring.SpearmanRho([]int{1, 1, 1}, []int{1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, 1.0, ties)
}

func TestParseMethod(t *testing.T) {
	t.Parallel()
	for _, tok := range scoring.MethodTokens() {
		m, err := scoring.ParseMethod(tok)
		require.NoError(t, err)
		res, err := m.Rank(problem(t, "bc", [][]float64{{1, 2}, {2, 3}}), []float64{1, 1})
		require.NoError(t, err)
		assert.Equal(t, tok, res.Method)
	}
	_, err := scoring.ParseMethod("TOPSIS")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	v, _ := scoring.ParseMethod("vikor")
	assert.Equal(t, scoring.NewVIKOR(), v)
}

// Regressions found in review: rounding noise must not decide a ranking,
// and extreme but finite values must not produce NaN or lose a score.
func TestReviewRegressions(t *testing.T) {
	t.Parallel()
	t.Run("VIKOR mathematical tie stays a tie", func(t *testing.T) {
		// A wins on quality, B on price, equal weights: S = R = 0.5 for both.
		p := problem(t, "bc", [][]float64{{2, 5}, {1, 2}})
		res, err := scoring.NewVIKOR().Evaluate(p, []float64{1, 1})
		require.NoError(t, err)
		assert.Equal(t, []int{1, 1}, res.Ranks)
		assert.Equal(t, []float64{0, 0}, res.Scores)
		for _, rows := range [][][]float64{{{2, 6}, {1, 1}}, {{2, 7}, {1, 4}}} {
			r, err := scoring.NewVIKOR().Rank(problem(t, "bc", rows), []float64{1, 1})
			require.NoError(t, err)
			assert.Equal(t, []int{1, 1}, r.Ranks, "%v", rows)
		}
	})
	t.Run("VIKOR with tiny weights stays finite", func(t *testing.T) {
		p := problem(t, "bcbc", [][]float64{{1, 2, 3, 4}, {4, 3, 2, 1}, {2, 2, 2, 2}})
		res, err := scoring.NewVIKOR().Rank(p, []float64{0, 1, 1e-300, 1e-300})
		require.NoError(t, err)
		for _, q := range res.Scores {
			assert.False(t, math.IsNaN(q) || math.IsInf(q, 0), "Q = %v", q)
		}
	})
	t.Run("EDAS with a tiny mean next to huge values", func(t *testing.T) {
		p := problem(t, "b", [][]float64{{1e300}, {-1e300}, {1e-10}})
		res, err := scoring.EDAS{}.Rank(p, []float64{1})
		require.NoError(t, err)
		for _, s := range res.Scores {
			assert.False(t, math.IsNaN(s) || math.IsInf(s, 0), "AS = %v", s)
		}
		assert.Equal(t, []int{1, 3, 2}, res.Ranks)
	})
	t.Run("weighted sum with a subnormal cost", func(t *testing.T) {
		p := problem(t, "cc", [][]float64{{5e-324, 3}, {2, 3}})
		res, err := scoring.WeightedSum{}.Rank(p, []float64{1, 1})
		require.NoError(t, err)
		assert.Equal(t, []int{1, 2}, res.Ranks)
		assert.Equal(t, 1.0, res.Scores[0])
	})
}

// The weighted product sums fast logarithms; its scores must match
// exp(Σ w_j ln r_ij) on the normalised matrix, with logarithms from
// math.Log (of values scaled out of the subnormal range, where math.Log is
// wrong on amd64), for every normalisation, zero weights, zeros, columns at
// one magnitude anywhere in 1e-300…1e300, and columns spanning hundreds of
// magnitudes. Max scores never exceed 1.
func TestWPMMatchesDirectProduct(t *testing.T) {
	t.Parallel()
	ln := func(x float64) float64 {
		if x > 0 && x < 0x1p-1022 {
			return math.Log(x*0x1p54) - 54*math.Ln2
		}
		return math.Log(x)
	}
	rng := rand.New(rand.NewPCG(31, 7))
	for trial := range 600 {
		m, n := 1+rng.IntN(30), 1+rng.IntN(6)
		dirs := make([]byte, n)
		rows := make([][]float64, m)
		mag := math.Pow(10, float64(rng.IntN(601)-300)) // 1e-300 … 1e300
		wide := trial%2 == 1
		for j := range dirs {
			dirs[j] = "bc"[rng.IntN(2)]
		}
		for i := range rows {
			rows[i] = make([]float64, n)
			for j := range rows[i] {
				rows[i][j] = mag * (0.5 + 99*rng.Float64())
				if wide {
					rows[i][j] = (0.5 + 99*rng.Float64()) * math.Pow(10, float64(rng.IntN(601)-300))
				}
				if dirs[j] == 'b' && rng.IntN(20) == 0 {
					rows[i][j] = 0
				}
			}
		}
		w := make([]float64, n)
		for j := range w {
			if rng.IntN(4) > 0 {
				w[j] = rng.Float64()
			}
		}
		w[rng.IntN(n)] = 0.5
		p := problem(t, string(dirs), rows)
		for _, norm := range []scoring.Normalization{scoring.Max, scoring.Sum, scoring.Vector, scoring.MinMax} {
			res, err := scoring.WeightedProduct{Normalization: norm}.Rank(p, w)
			require.NoError(t, err)
			r, err := scoring.Normalize(p, norm)
			require.NoError(t, err)
			for i := range m {
				lw, size, exact := 0.0, 1.0, true
				for j := range n {
					if res.Weights[j] != 0 {
						lw += res.Weights[j] * min(ln(r[i][j]), 0)
						size -= res.Weights[j] * min(ln(r[i][j]), 0)
						// A subnormal normalised value has lost bits in
						// Normalize (Rank takes the logarithm before the
						// last multiplication), so the reference is not
						// exact there.
						exact = exact && (r[i][j] == 0 || r[i][j] >= 0x1p-1022)
					}
				}
				want := math.Exp(lw)
				if !exact {
					require.False(t, math.IsNaN(res.Scores[i]) || res.Scores[i] < 0 || res.Scores[i] > 1+1e-15)
					continue
				}
				// exp turns an absolute error in Σ w ln r, a few ulps of
				// the terms' sizes, into a relative one.
				if want == 0 {
					require.Zero(t, res.Scores[i], "trial %d, %v: a zero normalised value makes the product 0", trial, norm)
					continue
				}
				if !(math.Abs(res.Scores[i]-want) <= want*8*float64(n+2)*0x1p-52*size) {
					t.Fatalf("trial %d, %v, alternative %d: score %v, exp Σ w ln r = %v", trial, norm, i, res.Scores[i], want)
				}
				if norm == scoring.Max && res.Scores[i] > 1 {
					t.Fatalf("trial %d: Max score %v > 1", trial, res.Scores[i])
				}
			}
		}
	}
}

// Regressions from review: a cost column spanning the whole float range
// (its power-of-two scale makes x·s subnormal), subnormal values, and best
// scores rounding above 1.
func TestWPMExtremeColumns(t *testing.T) {
	t.Parallel()
	p := problem(t, "c", [][]float64{{1}, {2}, {3}, {1e308}})
	res, err := scoring.WeightedProduct{}.Rank(p, []float64{1})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{1, 0.5, 1.0 / 3, 1e-308}, res.Scores, 1e-15)

	// Cost then benefit: B (cheapest) wins, 0.7746 against A's 0.7071.
	p = problem(t, "cb", [][]float64{{2, 1}, {1, 0.6}, {1e308, 1}})
	res, err = scoring.WeightedProduct{}.Rank(p, []float64{1, 1})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{math.Sqrt(0.5), math.Sqrt(0.6), math.Sqrt(1e-308)}, res.Scores, 1e-15)
	assert.Equal(t, []int{2, 1, 3}, res.Ranks)

	for _, norm := range []scoring.Normalization{scoring.Max, scoring.Sum} {
		res, err = scoring.WeightedProduct{Normalization: norm}.Rank(problem(t, "c", [][]float64{{1e-320}, {2e-320}, {1}}), []float64{1})
		require.NoError(t, err)
		assert.Equal(t, []int{1, 2, 3}, res.Ranks, "%v: subnormal costs", norm)
		res, err = scoring.WeightedProduct{Normalization: norm}.Rank(problem(t, "b", [][]float64{{1e-320}, {2e-320}, {1}}), []float64{1})
		require.NoError(t, err)
		// The scores are right (math.Log would put both near 1.2e-308),
		// but they differ by less than 1e-12 of the best: a tie.
		r := res.Scores[2]
		assert.InEpsilon(t, 1e-320/(1+3e-320), res.Scores[0]/r, 1e-3, "%v", norm)
		assert.InEpsilon(t, 2e-320/(1+3e-320), res.Scores[1]/r, 1e-3, "%v", norm)
		assert.Equal(t, []int{2, 2, 1}, res.Ranks, "%v: subnormal benefits", norm)
	}

	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		hi := 1 + 99*rng.Float64()
		p := problem(t, "bc", [][]float64{{hi, 1 + rng.Float64()}, {hi / 2, 5}})
		res, err := scoring.WeightedProduct{}.Rank(p, []float64{rng.Float64(), rng.Float64()})
		require.NoError(t, err)
		require.LessOrEqual(t, res.Scores[0], 1.0, "the best on every criterion scores at most 1")
	}
}
