package scoring_test

import (
	"encoding/json"
	"errors"
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

// J is shorthand for literal judgement matrices in tests.
type J = scoring.Judgement

// Saaty (2008), Decision making with the analytic hierarchy process,
// Int. J. Services Sciences 1(1), 83–98, Table 2 (drinks consumption in
// the US: coffee, wine, tea, beer, sodas, milk, water). The printed table
// has a(tea, wine) = 2 while a(wine, tea) = 1/3; the published priorities
// and CR reproduce only with the reciprocal value 3, used here.
var saaty2008Drinks = [][]J{
	{1, 9, 5, 2, 1, 1, 1.0 / 2},
	{1.0 / 9, 1, 1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9},
	{1.0 / 5, 3, 1, 1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9},
	{1.0 / 2, 9, 3, 1, 1.0 / 2, 1, 1.0 / 3},
	{1, 9, 4, 2, 1, 2, 1.0 / 2},
	{1, 9, 3, 1, 1.0 / 2, 1, 1.0 / 3},
	{2, 9, 9, 3, 2, 3, 1},
}

// Saaty (2008), Table 3: criteria for choosing a job (flexibility,
// opportunities, security, reputation, salary).
var saaty2008Job = [][]J{
	{1, 1.0 / 4, 1.0 / 6, 1.0 / 4, 1.0 / 8},
	{4, 1, 1.0 / 3, 3, 1.0 / 7},
	{6, 3, 1, 4, 1.0 / 2},
	{4, 1.0 / 3, 1.0 / 4, 1, 1.0 / 7},
	{8, 7, 2, 7, 1},
}

// Saaty (1988), "What is the analytic hierarchy process?", in Mitra (ed.),
// Mathematical Models for Decision Support, NATO ASI Series F48, the
// "size of house" 3×3 example: λmax = 3.136, CI = .068, CR = .117.
var saaty1988House = [][]J{{1, 6, 8}, {1.0 / 6, 1, 4}, {1.0 / 8, 1.0 / 4, 1}}

func TestAHPPublished(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		source string
		ahp    scoring.AHP
		a      [][]J
		// Expected values; NaN means "not published".
		weights        []float64
		lambda, ci, cr float64
		tol            float64 // from the printed precision
	}{
		{
			name: "drinks", source: "Saaty 2008, IJSS 1(1), Table 2 (priorities 3 dp, CR 0.022)",
			a:       saaty2008Drinks,
			weights: []float64{0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327},
			lambda:  math.NaN(), ci: math.NaN(), cr: 0.022, tol: 5e-4,
		},
		{
			name: "job criteria", source: "Saaty 2008, IJSS 1(1), Table 3 (priorities 3 dp)",
			a:       saaty2008Job,
			weights: []float64{0.036, 0.122, 0.262, 0.075, 0.506},
			lambda:  math.NaN(), ci: math.NaN(), cr: math.NaN(), tol: 5e-4,
		},
		{
			name: "flexibility", source: "Saaty 2008, IJSS 1(1), Table 4 (priorities 3 dp)",
			a:       [][]J{{1, 1.0 / 3, 1.0 / 6}, {3, 1, 1.0 / 4}, {6, 4, 1}},
			weights: []float64{0.091, 0.218, 0.691},
			lambda:  math.NaN(), ci: math.NaN(), cr: math.NaN(), tol: 5e-4,
		},
		{
			// For n = 3 the row geometric mean is the principal eigenvector
			// (Crawford & Williams 1985, J. Math. Psych. 29(4):387–405), so
			// Saaty's published 3×3 priorities are also the geometric mean's.
			name: "flexibility, geometric mean", source: "Saaty 2008, IJSS 1(1), Table 4 (priorities 3 dp); row geometric mean = eigenvector for n = 3",
			ahp:     scoring.AHP{Priority: scoring.GeometricMean},
			a:       [][]J{{1, 1.0 / 3, 1.0 / 6}, {3, 1, 1.0 / 4}, {6, 4, 1}},
			weights: []float64{0.091, 0.218, 0.691},
			lambda:  math.NaN(), ci: math.NaN(), cr: math.NaN(), tol: 5e-4,
		},
		{
			name: "size of house", source: "Saaty 1988, NATO ASI F48 (λmax 3.136, CI .068, CR .117 with RI(3) = 0.58)",
			a:      saaty1988House,
			lambda: 3.136, ci: 0.068, cr: 0.117, tol: 5e-4,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.ahp.Weigh(tc.a)
			require.NoError(t, err, tc.source)
			if tc.weights != nil {
				if d := cmp.Diff(tc.weights, got.Weights, cmpopts.EquateApprox(0, tc.tol)); d != "" {
					t.Errorf("%s: weights mismatch (-want +got):\n%s", tc.source, d)
				}
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"λmax", got.LambdaMax, tc.lambda}, {"CI", got.CI, tc.ci}, {"CR", got.CR, tc.cr}} {
				if !math.IsNaN(c.want) {
					assert.InDelta(t, c.want, c.got, tc.tol, "%s: %s", tc.source, c.what)
				}
			}
		})
	}
}

// Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer
// Optimization and Its Applications 136, ch. 5 (AHP), pp. 109–129: a 4×4
// criteria matrix and four 6×6 matrices of alternatives; the published
// global priorities are (0.117, 0.071, 0.095, 0.212, 0.350, 0.155) (3 dp).
func TestAHPPapathanasiouPloskas2018Synthesis(t *testing.T) {
	t.Parallel()
	crit := [][]J{{1, 1, 5, 3}, {1, 1, 5, 3}, {1.0 / 5, 1.0 / 5, 1, 1.0 / 3}, {1.0 / 3, 1.0 / 3, 3, 1}}
	alts := [][][]J{
		{{1, 5, 1, 1, 1.0 / 3, 3}, {1.0 / 5, 1, 1.0 / 3, 1.0 / 5, 1.0 / 7, 1}, {1, 3, 1, 1.0 / 3, 1.0 / 5, 1}, {1, 5, 3, 1, 1.0 / 3, 3}, {3, 7, 5, 3, 1, 7}, {1.0 / 3, 1, 1, 1.0 / 3, 1.0 / 7, 1}},
		{{1, 7, 3, 1.0 / 3, 1.0 / 3, 1.0 / 3}, {1.0 / 7, 1, 1.0 / 3, 1.0 / 7, 1.0 / 9, 1.0 / 7}, {1.0 / 3, 3, 1, 1.0 / 5, 1.0 / 5, 1.0 / 5}, {3, 7, 5, 1, 1, 1}, {3, 9, 5, 1, 1, 1}, {3, 7, 5, 1, 1, 1}},
		{{1, 1.0 / 9, 1.0 / 7, 1.0 / 9, 1, 1.0 / 5}, {9, 1, 1, 1, 5, 3}, {7, 1, 1, 1, 5, 1}, {9, 1, 1, 1, 7, 3}, {1, 1.0 / 5, 1.0 / 5, 1.0 / 7, 1, 1.0 / 3}, {5, 1.0 / 3, 1, 1.0 / 3, 3, 1}},
		{{1, 1.0 / 5, 1.0 / 5, 1.0 / 3, 1.0 / 7, 1.0 / 5}, {5, 1, 1, 3, 1.0 / 3, 1}, {5, 1, 1, 1, 1.0 / 3, 1}, {3, 1.0 / 3, 1, 1, 1.0 / 7, 1}, {7, 3, 3, 7, 1, 5}, {5, 1, 1, 1, 1.0 / 5, 1}},
	}
	wc := scoring.AHP{}.MustWeigh(crit).Weights
	global := make([]float64, 6)
	for c, a := range alts {
		local := scoring.AHP{}.MustWeigh(a).Weights
		for i, v := range local {
			global[i] += wc[c] * v
		}
	}
	want := []float64{0.117, 0.071, 0.095, 0.212, 0.350, 0.155}
	if d := cmp.Diff(want, global, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("Papathanasiou & Ploskas 2018 ch. 5 global priorities (-want +got):\n%s", d)
	}
}

func TestRandomIndexTables(t *testing.T) {
	t.Parallel()
	// Saaty (1980), The Analytic Hierarchy Process, as usually reproduced
	// (n = 11…15 from smaller samples); Alonso & Lamata (2006), IJUFKS
	// 14(4), 445–459, 100 000 matrices per n.
	saaty := []float64{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59}
	alonso := []float64{0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838}
	for n := 1; n <= scoring.MaxPairwiseSize; n++ {
		ri, ok := scoring.SaatyRI.Index(n)
		assert.True(t, ok)
		assert.Equal(t, saaty[n-1], ri, "Saaty RI(%d)", n)
		ri, ok = scoring.AlonsoLamataRI.Index(n)
		assert.True(t, ok)
		assert.Equal(t, alonso[n-1], ri, "Alonso-Lamata RI(%d)", n)
	}
	for _, n := range []int{0, -1, 16} {
		_, ok := scoring.SaatyRI.Index(n)
		assert.False(t, ok, "n = %d", n)
	}
	_, ok := scoring.RandomIndexTable(7).Index(3)
	assert.False(t, ok)
}

func TestAHPDefinitions(t *testing.T) {
	t.Parallel()
	// n = 1 and n = 2 are consistent by definition (CR = 0).
	r := scoring.AHP{}.MustWeigh([][]J{{1}})
	assert.Equal(t, []float64{1}, r.Weights)
	assert.Zero(t, r.CR)
	r = scoring.AHP{}.MustWeigh([][]J{{1, 3}, {1.0 / 3, 1}})
	assert.InDeltaSlice(t, []float64{0.75, 0.25}, r.Weights, 1e-12)
	assert.InDelta(t, 2, r.LambdaMax, 1e-12)
	assert.Zero(t, r.CR)
	assert.True(t, r.Consistent)
	assert.Empty(t, r.Revisit)

	// A consistent matrix a_ij = w_i/w_j gives back w, λmax = n, CR = 0,
	// under both priority methods.
	w := []float64{0.4, 0.3, 0.2, 0.1}
	a := make([][]J, 4)
	for i := range a {
		a[i] = make([]J, 4)
		for j := range a[i] {
			a[i][j] = J(w[i] / w[j])
		}
	}
	for _, pm := range []scoring.PriorityMethod{scoring.Eigenvector, scoring.GeometricMean, scoring.AdditiveNormalization} {
		r := scoring.AHP{Priority: pm}.MustWeigh(a)
		assert.InDeltaSlice(t, w, r.Weights, 1e-12, pm.String())
		assert.InDelta(t, 4, r.LambdaMax, 1e-9, pm.String())
		assert.InDelta(t, 0, r.CR, 1e-9, pm.String())
		assert.Empty(t, r.Revisit, pm.String())
	}
}

func TestAHPUpperTriangleOnly(t *testing.T) {
	t.Parallel()
	// Missing lower-triangle entries are read as reciprocals.
	upper := [][]J{{1, 6, 8}, {0, 1, 4}, {0, 0, 1}}
	got := scoring.AHP{}.MustWeigh(upper)
	want := scoring.AHP{}.MustWeigh(saaty1988House)
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("upper triangle only (-want +got):\n%s", d)
	}
	assert.Empty(t, got.Filled)
}

func TestAHPRevisit(t *testing.T) {
	t.Parallel()
	// Perturb one judgement of a consistent 5×5 matrix: it must be the
	// first to revisit, and its suggested value restores consistency.
	w := []float64{0.35, 0.25, 0.2, 0.12, 0.08}
	for _, pm := range []scoring.PriorityMethod{scoring.Eigenvector, scoring.GeometricMean} {
		for _, bad := range [][2]int{{0, 1}, {1, 3}, {2, 4}, {0, 4}} {
			a := make([][]J, 5)
			for i := range a {
				a[i] = make([]J, 5)
				for j := range a[i] {
					a[i][j] = J(w[i] / w[j])
				}
			}
			i, j := bad[0], bad[1]
			a[i][j] *= 6
			a[j][i] = 1 / a[i][j]
			r := scoring.AHP{Priority: pm}.MustWeigh(a)
			require.NotEmpty(t, r.Revisit, "%v %v", pm, bad)
			got := r.Revisit[0]
			assert.Equal(t, [2]int{i, j}, [2]int{got.Row, got.Col}, "%v: first revision", pm)
			assert.Greater(t, got.Ratio, 1.0)
			assert.Less(t, got.CR, r.CR/3, "%v %v: CR after revising", pm, bad)
			assert.LessOrEqual(t, len(r.Revisit), 3)
		}
	}
}

func TestAHPStrict(t *testing.T) {
	t.Parallel()
	// Saaty's house matrix has CR 0.117 > 0.10.
	_, err := scoring.AHP{Strict: true}.Weigh(saaty1988House)
	require.ErrorIs(t, err, scoring.ErrInconsistent)
	var ie *scoring.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "pairwise", ie.Path)
	r := scoring.AHP{}.MustWeigh(saaty1988House)
	assert.False(t, r.Consistent)
	assert.Equal(t, [2]int{r.Revisit[0].Row, r.Revisit[0].Col}, [2]int{ie.Row, ie.Col})
	// Raising the threshold accepts it.
	r2, err := scoring.AHP{Strict: true, Threshold: 0.12}.Weigh(saaty1988House)
	require.NoError(t, err)
	assert.True(t, r2.Consistent)
}

func TestAHPIncompleteHarker(t *testing.T) {
	t.Parallel()
	// With one judgement of a consistent matrix left out, Harker's method
	// and the logarithmic least-squares completion both recover the
	// priorities exactly and fill the gap with w_i/w_j.
	w := []float64{0.5, 0.25, 0.15, 0.1}
	a := make([][]J, 4)
	for i := range a {
		a[i] = make([]J, 4)
		for j := range a[i] {
			a[i][j] = J(w[i] / w[j])
		}
	}
	a[0][3], a[3][0] = 0, 0
	for _, pm := range []scoring.PriorityMethod{scoring.Eigenvector, scoring.GeometricMean} {
		r := scoring.AHP{Priority: pm}.MustWeigh(a)
		assert.InDeltaSlice(t, w, r.Weights, 1e-12, pm.String())
		assert.Equal(t, [][2]int{{0, 3}}, r.Filled)
		assert.InDelta(t, 5.0, r.Matrix[0][3], 1e-9)
		assert.InDelta(t, 0, r.CR, 1e-9)
		require.NotEmpty(t, r.Notes)
	}

	// Harker (1987): the priorities are the Perron vector of the matrix
	// with zeros for missing entries and 1 + (missing in row) on the
	// diagonal; the completed matrix has the same eigenvector, so
	// completing it and re-running AHP changes nothing.
	inc := [][]J{{1, 2, 0, 5}, {0, 1, 3, 0}, {0, 0, 1, 1.0 / 2}, {0, 0, 0, 1}}
	r := scoring.AHP{}.MustWeigh(inc)
	full := make([][]J, 4)
	for i := range full {
		full[i] = make([]J, 4)
		for j := range full[i] {
			full[i][j] = J(r.Matrix[i][j])
		}
	}
	r2 := scoring.AHP{}.MustWeigh(full)
	assert.InDeltaSlice(t, r.Weights, r2.Weights, 1e-9)
	assert.InDelta(t, r.LambdaMax, r2.LambdaMax, 1e-9)
}

func TestAHPBadInput(t *testing.T) {
	t.Parallel()
	big := make([][]J, 16)
	for i := range big {
		big[i] = slices.Repeat([]J{1}, 16)
	}
	tests := []struct {
		name      string
		ahp       scoring.AHP
		a         [][]J
		wantErr   error
		wantField string
		row, col  int
	}{
		{"nil", scoring.AHP{}, nil, scoring.ErrEmpty, "pairwise", -1, -1},
		{"not square", scoring.AHP{}, [][]J{{1, 2, 3}, {0.5, 1, 2}}, scoring.ErrLength, "pairwise", 0, -1},
		{"ragged", scoring.AHP{}, [][]J{{1, 2}, {0.5}}, scoring.ErrLength, "pairwise", 1, -1},
		{"NaN", scoring.AHP{}, [][]J{{1, J(math.NaN())}, {1, 1}}, scoring.ErrNotFinite, "pairwise", 0, 1},
		{"+Inf", scoring.AHP{}, [][]J{{1, 1}, {J(math.Inf(1)), 1}}, scoring.ErrNotFinite, "pairwise", 1, 0},
		{"negative", scoring.AHP{}, [][]J{{1, -3}, {0, 1}}, scoring.ErrDomain, "pairwise", 0, 1},
		{"too large", scoring.AHP{}, [][]J{{1, 1e7}, {0, 1}}, scoring.ErrDomain, "pairwise", 0, 1},
		{"too small", scoring.AHP{}, [][]J{{1, 1e-7}, {0, 1}}, scoring.ErrDomain, "pairwise", 0, 1},
		{"not reciprocal", scoring.AHP{}, [][]J{{1, 3, 1}, {3, 1, 1}, {1, 1, 1}}, scoring.ErrInconsistent, "pairwise", 0, 1},
		{"diagonal", scoring.AHP{}, [][]J{{2, 1}, {1, 1}}, scoring.ErrInconsistent, "pairwise", 0, 0},
		{"tight tolerance", scoring.AHP{Tolerance: 1e-6}, [][]J{{1, 3}, {0.33, 1}}, scoring.ErrInconsistent, "pairwise", 0, 1},
		{"disconnected", scoring.AHP{}, [][]J{{1, 2, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 3}, {0, 0, 0, 1}}, scoring.ErrEmpty, "pairwise", 2, -1},
		{"16 items", scoring.AHP{}, big, scoring.ErrParam, "pairwise", -1, -1},
		{"bad priority", scoring.AHP{Priority: 9}, saaty1988House, scoring.ErrUnknownName, "priority", -1, -1},
		{"bad table", scoring.AHP{RandomIndex: -1}, saaty1988House, scoring.ErrUnknownName, "random_index", -1, -1},
		{"NaN threshold", scoring.AHP{Threshold: math.NaN()}, saaty1988House, scoring.ErrParam, "threshold", -1, -1},
		{"negative threshold", scoring.AHP{Threshold: -0.1}, saaty1988House, scoring.ErrParam, "threshold", -1, -1},
		{"tolerance 1", scoring.AHP{Tolerance: 1}, saaty1988House, scoring.ErrParam, "tolerance", -1, -1},
		{"strict", scoring.AHP{Strict: true}, saaty1988House, scoring.ErrInconsistent, "pairwise", 0, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			before := clone3([][][]J{tc.a})
			got, err := tc.ahp.Weigh(tc.a)
			assert.Nil(t, got)
			require.ErrorIs(t, err, tc.wantErr)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tc.wantField, ie.Path)
			assert.Equal(t, tc.row, ie.Row, "row")
			assert.Equal(t, tc.col, ie.Col, "col")
			nanEqual := cmp.Comparer(func(a, b J) bool { return a == b || (a != a && b != b) })
			if d := cmp.Diff(before[0], tc.a, nanEqual); d != "" {
				t.Errorf("input modified (-before +after):\n%s", d)
			}
		})
	}
}

func clone3(x [][][]J) [][][]J {
	out := make([][][]J, len(x))
	for k, m := range x {
		if m == nil {
			continue
		}
		out[k] = make([][]J, len(m))
		for i, r := range m {
			out[k][i] = slices.Clone(r)
		}
	}
	return out
}

func TestAHPJSON(t *testing.T) {
	t.Parallel()
	var in struct {
		Method   string `json:"method"`
		Pairwise [][]J  `json:"pairwise"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"method": "ahp", "pairwise": [[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]]}`), &in))
	r, err := scoring.AHP{}.Weigh(in.Pairwise)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b, &out))
	for _, k := range []string{"weights", "lambda_max", "ci", "cr"} {
		assert.Contains(t, out, k)
	}
	assert.Equal(t, "ahp", out["method"])
	assert.InDelta(t, 0.117, out["cr"], 5e-4, "Saaty 1988 house CR")
}

func TestAHPProperties(t *testing.T) {
	t.Parallel()
	scale := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 3))
		n := 3 + rng.IntN(8)
		a := make([][]J, n)
		for i := range a {
			a[i] = make([]J, n)
			a[i][i] = 1
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				v := scale[rng.IntN(len(scale))]
				if rng.IntN(2) == 0 {
					v = 1 / v
				}
				a[i][j], a[j][i] = J(v), J(1/v)
			}
		}
		perm := rng.Perm(n)
		pa := make([][]J, n)
		for i := range pa {
			pa[i] = make([]J, n)
			for j := range pa[i] {
				pa[i][j] = a[perm[i]][perm[j]]
			}
		}
		for _, pm := range []scoring.PriorityMethod{scoring.Eigenvector, scoring.GeometricMean, scoring.AdditiveNormalization} {
			r, err := scoring.AHP{Priority: pm}.Weigh(a)
			require.NoError(t, err, "seed %d", seed)
			assert.InDelta(t, 1, floatsSum(r.Weights), 1e-12, "seed %d: sum", seed)
			for _, w := range r.Weights {
				require.Greater(t, w, 0.0, "seed %d", seed)
			}
			assert.GreaterOrEqual(t, r.LambdaMax, float64(n), "seed %d", seed)
			assert.GreaterOrEqual(t, r.CR, 0.0)
			assert.False(t, math.IsNaN(r.CR))
			rp := scoring.AHP{Priority: pm}.MustWeigh(pa)
			for i := range n {
				assert.InDelta(t, r.Weights[perm[i]], rp.Weights[i], 1e-9, "seed %d: permutation", seed)
			}
			assert.InDelta(t, r.LambdaMax, rp.LambdaMax, 1e-9, "seed %d", seed)
		}
	}
}

func floatsSum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

func TestAHPEnums(t *testing.T) {
	t.Parallel()
	for _, m := range []scoring.PriorityMethod{scoring.Eigenvector, scoring.GeometricMean, scoring.AdditiveNormalization} {
		b, err := m.MarshalText()
		require.NoError(t, err)
		var got scoring.PriorityMethod
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, m, got)
		p, err := scoring.ParsePriorityMethod(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, p)
	}
	for _, tb := range []scoring.RandomIndexTable{scoring.SaatyRI, scoring.AlonsoLamataRI} {
		b, err := tb.MarshalText()
		require.NoError(t, err)
		var got scoring.RandomIndexTable
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, tb, got)
	}
	_, err := scoring.ParsePriorityMethod("power")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	_, err = scoring.ParseRandomIndexTable("saaty2008")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	_, err = scoring.PriorityMethod(5).MarshalText()
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	assert.Equal(t, "geometric_mean", scoring.GeometricMean.String())
	assert.Equal(t, "alonso_lamata", scoring.AlonsoLamataRI.String())
	assert.True(t, errors.Is(scoring.ErrInconsistent, scoring.ErrInconsistent))
}

// FuzzAHP reads a pairwise matrix from JSON, as the command-line tool
// does, and weighs it: either the call fails with one of the package's
// sentinel errors, or the weights are positive, finite and sum to 1 and
// the consistency figures are finite and non-negative.
func FuzzAHP(f *testing.F) {
	for _, s := range []string{
		`[[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]]`,
		`[[1, 2, null], [null, 1, 3], [null, null, 1]]`,
		`[[1, 2], [2, 1]]`, `[[1]]`, `[]`, `[[1, 1e6], [0, 1]]`, `[[1, 3, 0, 0], [0, 1, 0, 0], [0, 0, 1, 2], [0, 0, 0, 1]]`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	sentinels := []error{scoring.ErrEmpty, scoring.ErrLength, scoring.ErrNotFinite, scoring.ErrDomain,
		scoring.ErrInconsistent, scoring.ErrParam, scoring.ErrUnknownName}
	f.Fuzz(func(t *testing.T, data []byte, gm bool) {
		var a [][]J
		if json.Unmarshal(data, &a) != nil {
			t.Skip()
		}
		pm := scoring.Eigenvector
		if gm {
			pm = scoring.GeometricMean
		}
		r, err := scoring.AHP{Priority: pm}.Weigh(a)
		if err != nil {
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		sum := 0.0
		for _, w := range r.Weights {
			if !(w > 0) || math.IsInf(w, 0) {
				t.Fatalf("weight %v in %v", w, r.Weights)
			}
			sum += w
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("weights sum to %v", sum)
		}
		for _, v := range []float64{r.LambdaMax, r.CI, r.CR} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("consistency figure %v in %+v", v, r)
			}
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
	})
}

// Additive normalisation (column-normalised row averages) on the fruit
// example of Teknomo's AHP tutorial (revoledu.com, "How to compute the
// priority vector"): apple 28.28%, banana 64.34%, cherry 7.38%. The
// tutorial's matrix (apple/banana 1/3, apple/cherry 5, banana/cherry 7)
// reproduces all three printed percentages.
func TestAHPAdditiveNormalizationTeknomo(t *testing.T) {
	t.Parallel()
	a := [][]J{{1, J(1.0 / 3), 5}, {3, 1, 7}, {J(1.0 / 5), J(1.0 / 7), 1}}
	r, err := scoring.AHP{Priority: scoring.AdditiveNormalization}.Weigh(a)
	require.NoError(t, err)
	if d := cmp.Diff([]float64{0.2828, 0.6434, 0.0738}, r.Weights, cmpopts.EquateApprox(0, 5e-5)); d != "" {
		t.Errorf("priorities (-published +got):\n%s", d)
	}
	ev := scoring.AHP{}.MustWeigh(a)
	assert.Equal(t, ev.LambdaMax, r.LambdaMax, "λmax is the matrix's, whatever the priorities")
	assert.Equal(t, ev.CR, r.CR)
	assert.InDeltaSlice(t, ev.Weights, r.Weights, 0.01, "close to the eigenvector")

	// An incomplete matrix is refused, naming the first missing judgement.
	_, err = scoring.AHP{Priority: scoring.AdditiveNormalization}.Weigh([][]J{{1, 2, 0}, {0, 1, 3}, {0, 0, 1}})
	require.ErrorIs(t, err, scoring.ErrParam)
	var ie *scoring.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, [2]int{0, 2}, [2]int{ie.Row, ie.Col})
}

// Additive normalisation on a textbook table: the car purchase example of
// Anderson, Sweeney, Williams, Camm & Martin, "An Introduction to
// Management Science: Quantitative Approaches to Decision Making"
// (South-Western/Cengage), section on the Analytic Hierarchy Process,
// which computes priorities by this procedure (divide each column by its
// sum, average each row) as an approximation of the eigenvector. Criteria
// price, MPG, comfort, style; judgements price/MPG 3, price/comfort 2,
// price/style 2, MPG/comfort 1/4, MPG/style 1/4, comfort/style 1/2; the
// printed priorities are .398, .085, .218 and .299 (3 dp).
func TestAHPAdditiveNormalizationAnderson(t *testing.T) {
	t.Parallel()
	a := [][]J{
		{1, 3, 2, 2},
		{J(1.0 / 3), 1, J(1.0 / 4), J(1.0 / 4)},
		{J(1.0 / 2), 4, 1, J(1.0 / 2)},
		{J(1.0 / 2), 4, 2, 1},
	}
	r, err := scoring.AHP{Priority: scoring.AdditiveNormalization}.Weigh(a)
	require.NoError(t, err)
	if d := cmp.Diff([]float64{0.398, 0.085, 0.218, 0.299}, r.Weights, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("priorities (-published +got):\n%s", d)
	}
	// The eigenvector of the same matrix differs in the third decimal: the
	// test tells the two methods apart.
	ev := scoring.AHP{}.MustWeigh(a)
	assert.Greater(t, maxAbsDiff(ev.Weights, r.Weights), 5e-4)
}

func maxAbsDiff(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		d = math.Max(d, math.Abs(a[i]-b[i]))
	}
	return d
}
