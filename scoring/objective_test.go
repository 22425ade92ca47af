package scoring_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// crits builds criteria C1…Cn with the given directions ('+' benefit,
// '-' cost).
func crits(dirs string) []scoring.Criterion {
	cs := make([]scoring.Criterion, len(dirs))
	for j, d := range dirs {
		cs[j] = scoring.Criterion{Name: fmt.Sprintf("C%d", j+1), Direction: scoring.Benefit}
		if d == '-' {
			cs[j].Direction = scoring.Cost
		}
	}
	return cs
}

// Data of published objective-weighting examples. The input matrices and
// printed weights were transcribed from secondary copies that cite the
// papers (see /work/research/worked_examples.md) and recomputed
// independently before use.
var (
	xu2004 = [][]float64{{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}}

	zavadskasPodvezko2016 = [][]float64{{3.0, 100, 10, 7}, {2.5, 80, 8, 5}, {1.8, 50, 20, 11}, {2.2, 70, 12, 9}}

	ersoy2021 = [][]float64{
		{256, 8, 41, 1.6, 1.77, 7347.16}, {256, 8, 32, 1.0, 1.8, 6919.99}, {256, 8, 53, 1.6, 1.9, 8400},
		{256, 8, 41, 1.0, 1.75, 6808.9}, {512, 8, 35, 1.6, 1.7, 8479.99}, {256, 4, 35, 1.6, 1.7, 7499.99},
	}

	krishnan2021 = [][]float64{
		{649, 4.7, 326, 7.1, 143}, {749, 5.5, 401, 7.3, 192}, {740, 5.7, 520, 7.6, 171},
		{400, 5.7, 520, 11.1, 179}, {600, 5.5, 538, 8.9, 152},
	}

	mukhametzyanov2021DM1 = [][]float64{
		{71, 4500, 150, 1056, 478}, {85, 5800, 145, 2680, 564}, {76, 5600, 135, 1230, 620}, {74, 4200, 160, 1480, 448},
		{82, 6200, 183, 1350, 615}, {81, 6000, 178, 2065, 580}, {80, 5900, 160, 1650, 610}, {85, 6500, 140, 1650, 667},
	}

	tusAytacAdali2019 = [][]float64{
		{5000, 3, 3, 4, 3, 2}, {680, 5, 3, 2, 2, 1}, {2000, 3, 2, 3, 4, 3}, {600, 4, 3, 1, 2, 2}, {800, 2, 4, 3, 3, 4},
	}

	salabun2020 = [][]float64{
		{0.619, 0.449, 0.447}, {0.862, 0.466, 0.006}, {0.458, 0.698, 0.771}, {0.777, 0.631, 0.491}, {0.567, 0.992, 0.968},
	}

	merec2021 = [][]float64{
		{450, 8000, 54, 145}, {10, 9100, 2, 160}, {100, 8200, 31, 153}, {220, 9300, 1, 162}, {5, 8400, 23, 158},
	}
)

func TestObjectiveWeightsPublished(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		source string
		method scoring.Weigher
		dirs   string
		rows   [][]float64
		want   []float64
		basis  []float64 // optional published per-criterion values
		tol    float64   // half a unit of the last printed digit
	}{
		{
			name: "entropy Xu 2004", method: scoring.Entropy{}, dirs: "++++", rows: xu2004,
			source: "Xu 2004, EJOR 156(2), 530–532, entropy weights (4 dp)",
			want:   []float64{0.4630, 0.3992, 0.1378, 0.0000}, tol: 5e-5,
		},
		{
			name: "entropy Zavadskas & Podvezko 2016", method: scoring.Entropy{}, dirs: "++++", rows: zavadskasPodvezko2016,
			source: "Zavadskas & Podvezko 2016, IJITDM 15(2), 267–283, entropy weights (4 dp)",
			want:   []float64{0.1146, 0.1981, 0.4185, 0.2689}, tol: 5e-5,
		},
		{
			name: "entropy Ersoy 2021", method: scoring.Entropy{}, dirs: "++++--", rows: ersoy2021,
			source: "Ersoy 2021, LogForum 17(3), entropy weights (3 dp; directions play no part)",
			want:   []float64{0.405, 0.221, 0.134, 0.199, 0.007, 0.034}, tol: 5e-4,
		},
		{
			name: "entropy min-max Krishnan 2021", method: scoring.Entropy{Normalization: scoring.MinMax}, dirs: "-++--", rows: krishnan2021,
			source: "Krishnan, Kasim, Hamid & Ghazali 2021, Symmetry 13(6), 973, Table 1 input, Table 5 entropy weights (4 dp)",
			want:   []float64{0.3481, 0.1360, 0.1690, 0.1463, 0.2006}, tol: 5e-5,
		},
		{
			name: "entropy min-max Mukhametzyanov 2021", method: scoring.Entropy{Normalization: scoring.MinMax}, dirs: "+-++-", rows: mukhametzyanov2021DM1,
			source: "Mukhametzyanov 2021, DMAME 4(2), 76–105, Table 2, DM-1 entropy weights (3 dp)",
			want:   []float64{0.146, 0.228, 0.211, 0.223, 0.191}, tol: 5e-4,
		},
		{
			name: "stddev Mukhametzyanov 2021", method: scoring.StdDev{}, dirs: "+-++-", rows: mukhametzyanov2021DM1,
			source: "Mukhametzyanov 2021, DMAME 4(2), Table 4, DM-1: sample σ and SD weights (3 dp)",
			want:   []float64{0.210, 0.203, 0.207, 0.183, 0.196},
			basis:  []float64{0.366, 0.354, 0.361, 0.319, 0.341}, tol: 5e-4,
		},
		{
			name: "stddev raw Sałabun 2020", method: scoring.StdDev{Raw: true}, dirs: "+++", rows: salabun2020,
			source: "Sałabun, Wątróbski & Shekhovtsov 2020, Symmetry 12(9), 1549, standard-deviation weights on the raw " +
				"values (3 dp; matrix and weights as reproduced in pyrepo-mcda's tests, which cite the paper; " +
				"table number not checked; recomputed by hand: σ = 0.1625, 0.2201, 0.3649)",
			want: []float64{0.217, 0.294, 0.488}, tol: 5e-4,
		},
		{
			// The published weights are reproduced only when every column,
			// including the price, is min–max normalised as a benefit.
			name: "CRITIC Tuş & Aytaç Adalı 2019", method: scoring.CRITIC{}, dirs: "++++++", rows: tusAytacAdali2019,
			source: "Tuş & Aytaç Adalı 2019, OPSEARCH 56(2), 528–538, CRITIC weights (3 dp)",
			want:   []float64{0.157, 0.249, 0.168, 0.121, 0.154, 0.151}, tol: 5e-4,
		},
		{
			name: "MEREC Keshavarz-Ghorabaee 2021", method: scoring.MEREC{}, dirs: "++--", rows: merec2021,
			source: "Keshavarz-Ghorabaee et al. 2021, Symmetry 13(4), 525, illustrative example " +
				"(data and weights as reproduced in JMcDM's tests, which cite the paper; table number not checked)",
			want: []float64{0.5752, 0.0141, 0.4016, 0.0091}, tol: 1e-4,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := scoring.MustNewProblem(nil, crits(tc.dirs), tc.rows)
			got, err := tc.method.Weigh(p)
			require.NoError(t, err)
			if d := cmp.Diff(tc.want, got.Weights, cmpopts.EquateApprox(0, tc.tol)); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.source, d)
			}
			if tc.basis != nil {
				if d := cmp.Diff(tc.basis, got.Basis, cmpopts.EquateApprox(0, tc.tol)); d != "" {
					t.Errorf("%s: basis (-want +got):\n%s", tc.source, d)
				}
			}
			assert.Equal(t, p.CriterionNames(), got.Criteria)
		})
	}
}

var weighers = []struct {
	name string
	w    scoring.Weigher
}{
	{"entropy", scoring.Entropy{}},
	{"entropy-minmax", scoring.Entropy{Normalization: scoring.MinMax}},
	{"critic", scoring.CRITIC{}},
	{"stddev", scoring.StdDev{}},
	{"merec", scoring.MEREC{}},
}

func randomProblem(rng *rand.Rand, m, n int) *scoring.Problem {
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			rows[i][j] = 1 + rng.Float64()*float64(10*(j+1))
		}
	}
	dirs := make([]byte, n)
	for j := range dirs {
		dirs[j] = "+-"[rng.IntN(2)]
	}
	return scoring.MustNewProblem(nil, crits(string(dirs)), rows)
}

func TestObjectiveWeightsProperties(t *testing.T) {
	t.Parallel()
	for seed := range uint64(100) {
		rng := rand.New(rand.NewPCG(seed, 11))
		m, n := 2+rng.IntN(12), 1+rng.IntN(7)
		p := randomProblem(rng, m, n)
		rows, cs := p.Rows(), p.Criteria()
		perm := rng.Perm(n)
		prows := make([][]float64, m)
		for i := range prows {
			prows[i] = make([]float64, n)
			for j := range n {
				prows[i][j] = rows[i][perm[j]]
			}
		}
		pcs := make([]scoring.Criterion, n)
		for j := range n {
			pcs[j] = cs[perm[j]]
		}
		pp := scoring.MustNewProblem(nil, pcs, prows)
		// Scale column 0 by a positive factor.
		col := rng.IntN(n)
		srows := p.Rows()
		for i := range srows {
			srows[i][col] *= 37.5
		}
		sp := scoring.MustNewProblem(nil, cs, srows)
		for _, wm := range weighers {
			w, err := wm.w.Weigh(p)
			require.NoError(t, err, "seed %d %s", seed, wm.name)
			assert.InDelta(t, 1, floatsSum(w.Weights), 1e-12, "seed %d %s: sum", seed, wm.name)
			for j, x := range w.Weights {
				assert.True(t, x >= 0 && !math.IsNaN(x), "seed %d %s: w[%d] = %v", seed, wm.name, j, x)
			}
			_, err = json.Marshal(w)
			require.NoError(t, err, "seed %d %s", seed, wm.name)
			wp, err := wm.w.Weigh(pp)
			require.NoError(t, err)
			for j := range n {
				assert.InDelta(t, w.Weights[perm[j]], wp.Weights[j], 1e-12, "seed %d %s: permutation", seed, wm.name)
			}
			ws, err := wm.w.Weigh(sp)
			require.NoError(t, err)
			assert.InDeltaSlice(t, w.Weights, ws.Weights, 1e-12, "seed %d %s: scaling column %d", seed, wm.name, col)
			assert.Equal(t, rows, p.Rows(), "problem modified")
		}
	}
}

func TestObjectiveWeightsDegenerate(t *testing.T) {
	t.Parallel()
	constant := scoring.MustNewProblem(nil, crits("++-"), [][]float64{{5, 2, 7}, {5, 4, 3}, {5, 9, 1}})
	allConstant := scoring.MustNewProblem(nil, crits("+-"), [][]float64{{3, 4}, {3, 4}})
	oneRow := scoring.MustNewProblem(nil, crits("++"), [][]float64{{1, 2}})
	zeros := scoring.MustNewProblem(nil, crits("++"), [][]float64{{0, 1}, {0, 3}})
	for _, wm := range weighers {
		if wm.name != "merec" {
			w, err := wm.w.Weigh(zeros)
			require.NoError(t, err, wm.name)
			assert.Zero(t, w.Weights[0], "%s: column of zeros", wm.name)
		}
		w, err := wm.w.Weigh(constant)
		require.NoError(t, err, wm.name)
		assert.Zero(t, w.Weights[0], "%s: constant column gets weight 0", wm.name)
		assert.InDelta(t, 1, floatsSum(w.Weights), 1e-12, wm.name)
		assert.Contains(t, noteCodes(w.Notes), "constant-criterion", wm.name)
		for _, p := range []*scoring.Problem{allConstant, oneRow} {
			w, err := wm.w.Weigh(p)
			require.NoError(t, err, wm.name)
			assert.Equal(t, []float64{0.5, 0.5}, w.Weights, "%s: no criterion discriminates", wm.name)
			assert.Contains(t, noteCodes(w.Notes), "equal-weights", wm.name)
		}
	}
	// CRITIC leaves constant columns out of the other criteria's sums, so
	// adding one changes no other weight.
	base := scoring.MustNewProblem(nil, crits("+-"), [][]float64{{2, 7}, {4, 3}, {9, 1}, {1, 5}})
	wb, err := scoring.CRITIC{}.Weigh(base)
	require.NoError(t, err)
	wc, err := scoring.CRITIC{}.Weigh(scoring.MustNewProblem(nil, crits("+-+"), [][]float64{{2, 7, 1}, {4, 3, 1}, {9, 1, 1}, {1, 5, 1}}))
	require.NoError(t, err)
	assert.InDeltaSlice(t, wb.Weights, wc.Weights[:2], 1e-15)
	// Perfectly correlated columns: CRITIC falls back to σ.
	wcor, err := scoring.CRITIC{}.Weigh(scoring.MustNewProblem(nil, crits("++"), [][]float64{{1, 10}, {2, 20}, {4, 40}}))
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.5, 0.5}, wcor.Weights, 1e-12)
	assert.Contains(t, noteCodes(wcor.Notes), "no-conflict")
}

func noteCodes(notes []scoring.Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Code)
	}
	return out
}

func TestObjectiveWeightsBadInput(t *testing.T) {
	t.Parallel()
	neg := scoring.MustNewProblem(nil, crits("++"), [][]float64{{1, 2}, {3, -4}})
	zero := scoring.MustNewProblem(nil, crits("+-"), [][]float64{{1, 2}, {3, 0}})
	tests := []struct {
		name      string
		w         scoring.Weigher
		p         *scoring.Problem
		wantErr   error
		wantField string
		row, col  int
	}{
		{"entropy nil", scoring.Entropy{}, nil, scoring.ErrEmpty, "matrix", -1, -1},
		{"entropy zero problem", scoring.Entropy{}, &scoring.Problem{}, scoring.ErrEmpty, "matrix", -1, -1},
		{"critic nil", scoring.CRITIC{}, nil, scoring.ErrEmpty, "matrix", -1, -1},
		{"stddev nil", scoring.StdDev{}, nil, scoring.ErrEmpty, "matrix", -1, -1},
		{"merec nil", scoring.MEREC{}, nil, scoring.ErrEmpty, "matrix", -1, -1},
		{"entropy negative", scoring.Entropy{}, neg, scoring.ErrDomain, "matrix", 1, 1},
		{"entropy vector negative", scoring.Entropy{Normalization: scoring.Vector}, neg, scoring.ErrDomain, "matrix", 1, 1},
		{"entropy max negative", scoring.Entropy{Normalization: scoring.Max}, neg, scoring.ErrDomain, "matrix", 1, 1},
		{"entropy bad normalization", scoring.Entropy{Normalization: 42}, neg, scoring.ErrParam, "normalization", -1, -1},
		{"merec negative", scoring.MEREC{}, neg, scoring.ErrDomain, "matrix", 1, 1},
		{"merec zero", scoring.MEREC{}, zero, scoring.ErrDomain, "matrix", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.w.Weigh(tc.p)
			assert.Nil(t, got)
			require.ErrorIs(t, err, tc.wantErr)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tc.wantField, ie.Path)
			assert.Equal(t, tc.row, ie.Row, "row")
			assert.Equal(t, tc.col, ie.Col, "col")
		})
	}
	// Min–max entropy accepts negative values.
	_, err := scoring.Entropy{Normalization: scoring.MinMax}.Weigh(neg)
	assert.NoError(t, err)
}

// TestObjectiveWeightsDeterministic checks that large problems, processed
// in parallel row blocks, give the same bits whatever GOMAXPROCS is.
func TestObjectiveWeightsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("large problem")
	}
	p := randomProblem(rand.New(rand.NewPCG(5, 5)), 30000, 6)
	prev := runtime.GOMAXPROCS(1)
	one := make([][]float64, len(weighers))
	for k, wm := range weighers {
		w, err := wm.w.Weigh(p)
		require.NoError(t, err)
		one[k] = w.Weights
	}
	runtime.GOMAXPROCS(max(prev, 4))
	defer runtime.GOMAXPROCS(prev)
	for k, wm := range weighers {
		w, err := wm.w.Weigh(p)
		require.NoError(t, err)
		for j := range w.Weights {
			assert.Equal(t, math.Float64bits(one[k][j]), math.Float64bits(w.Weights[j]), "%s[%d]", wm.name, j)
		}
	}
}

func BenchmarkWeights(b *testing.B) {
	methods := []struct {
		name string
		w    scoring.Weigher
	}{
		{"entropy", scoring.Entropy{}},
		{"critic", scoring.CRITIC{}},
		{"stddev", scoring.StdDev{}},
		{"merec", scoring.MEREC{}},
	}
	sizes := [][2]int{{10, 8}, {1000, 10}, {1000000, 10}}
	problems := make(map[[2]int]*scoring.Problem)
	for _, mt := range methods {
		b.Run(mt.name, func(b *testing.B) {
			for _, sz := range sizes {
				b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
					p := problems[sz]
					if p == nil {
						p = randomProblem(rand.New(rand.NewPCG(1, 2)), sz[0], sz[1])
						problems[sz] = p
					}
					b.ReportAllocs()
					for b.Loop() {
						if _, err := mt.w.Weigh(p); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

func TestWeighingDoesNotShareSlices(t *testing.T) {
	t.Parallel()
	w1, err := scoring.Entropy{}.Weigh(scoring.MustNewProblem(nil, crits("++++"), xu2004))
	require.NoError(t, err)
	w1.Weights[0] = 99
	w1.Criteria[0] = "changed"
	w2, err := scoring.Entropy{}.Weigh(scoring.MustNewProblem(nil, crits("++++"), xu2004))
	require.NoError(t, err)
	assert.NotEqual(t, 99.0, w2.Weights[0])
	assert.Equal(t, "C1", w2.Criteria[0])
	assert.True(t, slices.Equal(xu2004[0], []float64{30, 30, 38, 29}))
}

// MEREC on a column spanning more than 308 magnitudes: min/x is subnormal,
// where math.Log is wrong on amd64 (Go issue 56600). The weights must
// match the published formula evaluated with correct logarithms.
func TestMERECSubnormalRatios(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{1e-10, 4, 7}, {1e300, 2, 5}, {1, 3, 9}, {5e-5, 1, 6}}
	dirs := "+-+"
	p := problem(t, "bcb", rows)
	got, err := scoring.MEREC{}.Weigh(p)
	require.NoError(t, err)

	ln := func(x float64) float64 {
		if x < 0x1p-1022 {
			return math.Log(x*0x1p54) - 54*math.Ln2
		}
		return math.Log(x)
	}
	m, n := len(rows), len(rows[0])
	lo, hi := make([]float64, n), make([]float64, n)
	for j := range n {
		lo[j], hi[j] = rows[0][j], rows[0][j]
		for i := range m {
			lo[j], hi[j] = min(lo[j], rows[i][j]), max(hi[j], rows[i][j])
		}
	}
	require.Less(t, lo[0]/hi[0], 0x1p-1022, "the test needs a subnormal ratio")
	l := func(i, j int) float64 {
		if dirs[j] == '+' {
			return -ln(lo[j] / rows[i][j])
		}
		return -ln(rows[i][j] / hi[j])
	}
	e := make([]float64, n)
	for i := range m {
		all := 0.0
		for j := range n {
			all += l(i, j)
		}
		s := math.Log(1 + all/float64(n))
		for j := range n {
			e[j] += math.Abs(math.Log(1+(all-l(i, j))/float64(n)) - s)
		}
	}
	total := e[0] + e[1] + e[2]
	for j := range n {
		assert.InDelta(t, e[j]/total, got.Weights[j], 1e-12, "weight %d", j)
	}
}

// StdDev with Raw: the basis is the sample standard deviation of the raw
// column; on columns that already span [0, 1] it equals the min–max
// default; scaling every column alike leaves the weights, scaling one
// column multiplies its share of the deviations; huge columns stay finite.
func TestStdDevRawProperties(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{0, 1, 0.5}, {1, 0, 0.25}, {0.3, 0.9, 1}, {0.6, 0.2, 0}}
	p := scoring.MustNewProblem(nil, crits("+-+"), rows)
	def, err := scoring.StdDev{}.Weigh(p)
	require.NoError(t, err)
	raw, err := scoring.StdDev{Raw: true}.Weigh(p)
	require.NoError(t, err)
	if d := cmp.Diff(def.Weights, raw.Weights, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("columns spanning [0, 1]: raw and min–max differ (-minmax +raw):\n%s", d)
	}
	for j := range 3 {
		var mean, ss float64
		for _, r := range rows {
			mean += r[j] / 4
		}
		for _, r := range rows {
			ss += (r[j] - mean) * (r[j] - mean)
		}
		assert.InDelta(t, math.Sqrt(ss/3), raw.Basis[j], 1e-12, "σ[%d]", j)
	}

	scaled := make([][]float64, len(rows))
	one := make([][]float64, len(rows))
	for i, r := range rows {
		scaled[i] = []float64{r[0] * 1000, r[1] * 1000, r[2] * 1000}
		one[i] = []float64{r[0] * 3, r[1], r[2]}
	}
	got, err := scoring.StdDev{Raw: true}.Weigh(scoring.MustNewProblem(nil, crits("+-+"), scaled))
	require.NoError(t, err)
	if d := cmp.Diff(raw.Weights, got.Weights, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("common scaling changed the weights:\n%s", d)
	}
	got, err = scoring.StdDev{Raw: true}.Weigh(scoring.MustNewProblem(nil, crits("+-+"), one))
	require.NoError(t, err)
	s := 3*raw.Basis[0] + raw.Basis[1] + raw.Basis[2]
	assert.InDelta(t, 3*raw.Basis[0]/s, got.Weights[0], 1e-12)

	huge, err := scoring.StdDev{Raw: true}.Weigh(scoring.MustNewProblem(nil, crits("++"),
		[][]float64{{-1.5e308, 1}, {1.5e308, 2}, {0, 3}}))
	require.NoError(t, err)
	for _, x := range append(huge.Weights, huge.Basis...) {
		assert.False(t, math.IsInf(x, 0) || math.IsNaN(x), "%v", x)
	}
	assert.InDelta(t, 1, huge.Weights[0], 1e-12)

	// Random problems: weights non-negative, summing to 1, following a
	// permutation of the criteria, proportional to the raw σ.
	for seed := range uint64(50) {
		rng := rand.New(rand.NewPCG(seed, 13))
		m, n := 2+rng.IntN(12), 1+rng.IntN(7)
		p := randomProblem(rng, m, n)
		w, err := scoring.StdDev{Raw: true}.Weigh(p)
		require.NoError(t, err)
		assert.InDelta(t, 1, floatsSum(w.Weights), 1e-12, "seed %d", seed)
		perm := rng.Perm(n)
		rows, cs := p.Rows(), p.Criteria()
		prows := make([][]float64, m)
		pcs := make([]scoring.Criterion, n)
		for i := range prows {
			prows[i] = make([]float64, n)
			for j := range n {
				prows[i][j] = rows[i][perm[j]]
			}
		}
		for j := range n {
			pcs[j] = cs[perm[j]]
		}
		wp, err := scoring.StdDev{Raw: true}.Weigh(scoring.MustNewProblem(nil, pcs, prows))
		require.NoError(t, err)
		sum := floatsSum(w.Basis)
		for j := range n {
			assert.GreaterOrEqual(t, w.Weights[j], 0.0)
			assert.InDelta(t, w.Weights[perm[j]], wp.Weights[j], 1e-12, "seed %d: permutation", seed)
			if sum > 0 {
				assert.InDelta(t, w.Basis[j]/sum, w.Weights[j], 1e-12, "seed %d: proportional", seed)
			}
		}
	}
}

// MEREC on columns spanning more than 616 magnitudes, where the ratio to
// the column's best value underflows to zero (it gave weights [0.5 0.5]
// and a NaN basis, without an error): the weights are finite and match
// the published formula with |ln n_ij| taken as a difference of
// logarithms, for a benefit and a cost column.
func TestMERECRatioBeyondFloatRange(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dirs string
		rows [][]float64
		lnY  float64 // |ln n| of alternative 2 on y
	}{
		{"bb", [][]float64{{1, 1e-200}, {2, 1e200}}, 400 * math.Ln10},
		{"bc", [][]float64{{1, 1e300}, {2, 1e-300}}, 600 * math.Ln10},
	} {
		got, err := scoring.MEREC{}.Weigh(problem(t, tc.dirs, tc.rows))
		require.NoError(t, err)
		// Alternative 1 is best on both columns (no removal effect);
		// alternative 2 has |ln n| = ln 2 on x and lnY on y.
		lx, ly, n := math.Ln2, tc.lnY, 2.0
		ex := math.Log1p(lx / (n + ly))
		ey := math.Log1p(ly / (n + lx))
		for j, want := range []float64{ex / (ex + ey), ey / (ex + ey)} {
			assert.InDelta(t, want, got.Weights[j], 1e-12, "%s: weight %d", tc.dirs, j)
		}
		for _, x := range append(slices.Clone(got.Weights), got.Basis...) {
			require.False(t, math.IsNaN(x) || math.IsInf(x, 0), "%s: weights %v basis %v", tc.dirs, got.Weights, got.Basis)
		}
	}
}
