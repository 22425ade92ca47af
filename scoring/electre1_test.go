package scoring_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer,
// §4.1.2(b), ELECTRE on the fighter-aircraft example (the data and
// weights of TestPublishedScores): step 4, the concordance matrix (1 dp);
// steps 6–8, the concordance, discordance and aggregate dominance
// matrices with c̄ = 0.55 and d̄ the mean discordance; step 9, A2 and A4
// are eliminated, leaving A1 and A3.
func TestPublishedELECTREIHwangYoon1981(t *testing.T) {
	t.Parallel()
	p := problem(t, aircraftDirs, aircraft)
	res, err := scoring.ELECTREI{}.Evaluate(p, aircraftW)
	require.NoError(t, err)
	wantC := [][]float64{
		{0, 0.7, 0.5, 0.6},
		{0.3, 0, 0.3, 0.6},
		{0.5, 0.7, 0, 0.8},
		{0.7, 0.7, 0.2, 0},
	}
	if d := cmp.Diff(wantC, res.Concordance.RowSlices(), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("concordance (-published +got):\n%s", d)
	}
	assert.InDelta(t, 0.55, res.ConcordanceThreshold, 1e-12)
	dominance := func(f func(a, b int) bool) [][]int {
		out := make([][]int, 4)
		for a := range out {
			out[a] = make([]int, 4)
			for b := range out[a] {
				if a != b && f(a, b) {
					out[a][b] = 1
				}
			}
		}
		return out
	}
	concDom := dominance(func(a, b int) bool { return res.Concordance.At(a, b) >= res.ConcordanceThreshold-1e-12 })
	discDom := dominance(func(a, b int) bool { return res.Discordance.At(a, b) <= res.DiscordanceThreshold+1e-12 })
	aggregate := dominance(func(a, b int) bool { return res.Outranks[a][b] })
	assert.Equal(t, [][]int{{0, 1, 0, 1}, {0, 0, 0, 1}, {0, 1, 0, 1}, {1, 1, 0, 0}}, concDom, "concordance dominance, step 6")
	assert.Equal(t, [][]int{{0, 1, 0, 1}, {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 0, 0}}, discDom, "discordance dominance, step 7")
	assert.Equal(t, [][]int{{0, 1, 0, 1}, {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 0, 0}}, aggregate, "aggregate dominance, step 8")
	assert.Equal(t, []int{0, 2}, res.Kernel, "step 9: A1 and A3 remain")
	assert.Empty(t, res.Cycles)
}

// A cycle A1 → A2 → A3 → A1 is merged into one class; it outranks A4.
func TestELECTREICycleIsMerged(t *testing.T) {
	t.Parallel()
	// Three criteria of equal weight in a Condorcet cycle, and a fourth
	// alternative worse than all of them everywhere.
	rows := [][]float64{{3, 2, 1}, {1, 3, 2}, {2, 1, 3}, {0, 0, 0}}
	c, d := 0.6, 1.0
	res, err := scoring.ELECTREI{ConcordanceThreshold: &c, DiscordanceThreshold: &d}.Evaluate(problem(t, "bbb", rows), []float64{1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, [][]int{{0, 1, 2}}, res.Cycles)
	assert.Equal(t, []int{0, 1, 2}, res.Kernel)
	assert.True(t, slices.ContainsFunc(res.Notes, func(n scoring.Note) bool { return n.Code == "outranking-cycle" }))
	assert.True(t, res.Outranks[0][3] && !res.Outranks[3][0])
}

// checkKernel verifies the kernel's defining properties on an acyclic
// outranking graph: no member outranks another, and each non-member is
// outranked by a member.
func checkKernel(t *testing.T, res *scoring.ELECTREIResult) {
	t.Helper()
	if len(res.Cycles) > 0 {
		return
	}
	in := make([]bool, len(res.Outranks))
	for _, k := range res.Kernel {
		in[k] = true
	}
	for a := range in {
		covered := false
		for b := range in {
			if in[a] && in[b] && res.Outranks[a][b] {
				t.Fatalf("kernel members %d and %d outrank one another", a, b)
			}
			if in[b] && res.Outranks[b][a] {
				covered = true
			}
		}
		if !in[a] && !covered {
			t.Fatalf("alternative %d is neither in the kernel nor outranked by it", a)
		}
	}
}

func TestELECTREIProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(23, 4))
	for trial := range 40 {
		m := 2 + rng.IntN(7)
		rows := randomRows(rng, m, 3)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		base, err := scoring.ELECTREI{}.Evaluate(problem(t, "bcb", rows), w)
		require.NoError(t, err)
		checkKernel(t, base)

		// A dominating alternative outranks every other and is the kernel.
		dom := []float64{0, math.MaxFloat64, 0}
		for _, r := range rows {
			dom[0], dom[1], dom[2] = math.Max(dom[0], r[0]+1), math.Min(dom[1], r[1]/2), math.Max(dom[2], r[2]+1)
		}
		res, err := scoring.ELECTREI{}.Evaluate(problem(t, "bcb", append(slices.Clone(rows), dom)), w)
		require.NoError(t, err)
		assert.Equal(t, []int{m}, res.Kernel, "trial %d", trial)

		perm := rng.Perm(m)
		prow := make([][]float64, m)
		for k, i := range perm {
			prow[k] = rows[i]
		}
		pres, err := scoring.ELECTREI{}.Evaluate(problem(t, "bcb", prow), w)
		require.NoError(t, err)
		var kernel []int
		for _, k := range pres.Kernel {
			kernel = append(kernel, perm[k])
		}
		slices.Sort(kernel)
		assert.Equal(t, base.Kernel, kernel, "trial %d: permutation", trial)
		for k, i := range perm {
			for l, j := range perm {
				require.Equal(t, base.Outranks[i][j], pres.Outranks[k][l])
			}
		}

		scaled := make([][]float64, m)
		factor := math.Pow(10, float64(rng.IntN(7)-3))
		for i, r := range rows {
			scaled[i] = slices.Clone(r)
			scaled[i][0] *= factor
		}
		sres, err := scoring.ELECTREI{}.Evaluate(problem(t, "bcb", scaled), w)
		require.NoError(t, err)
		if d := cmp.Diff(base.Discordance.RowSlices(), sres.Discordance.RowSlices(), cmpopts.EquateApprox(0, 1e-12)); d != "" {
			t.Fatalf("trial %d: scaling by %g changed the discordance:\n%s", trial, factor, d)
		}
		assert.Equal(t, base.Kernel, sres.Kernel)
	}
}

func TestELECTREIErrors(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{1, 2}, {2, 1}})
	bad := 1.5
	_, err := scoring.ELECTREI{ConcordanceThreshold: &bad}.Evaluate(p, []float64{1, 1})
	var ie *scoring.InputError
	require.True(t, errors.As(err, &ie))
	assert.ErrorIs(t, err, scoring.ErrParam)
	assert.Equal(t, "concordance_threshold", ie.Path)
	nan := math.NaN()
	_, err = scoring.ELECTREI{DiscordanceThreshold: &nan}.Evaluate(p, []float64{1, 1})
	assert.ErrorIs(t, err, scoring.ErrNotFinite)
	_, err = scoring.ELECTREI{}.Evaluate(p, []float64{0, 0})
	assert.ErrorIs(t, err, scoring.ErrWeights)

	one, err := scoring.ELECTREI{}.Evaluate(problem(t, "b", [][]float64{{0}}), []float64{1})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, one.Kernel)
	assert.Equal(t, 0.0, one.ConcordanceThreshold)
}

// A problem whose pairwise matrices would exceed the memory bound fails
// before allocating them.
func TestPairwiseMethodsMemoryBound(t *testing.T) {
	t.Parallel()
	m := 12000 // 24·m² bytes ≈ 3.2 GiB for ELECTRE III
	rows := make([][]float64, m)
	flat := make([]float64, m)
	for i := range rows {
		rows[i] = flat[i : i+1]
		flat[i] = float64(i % 97)
	}
	p := problem(t, "b", rows)
	_, err := scoring.ELECTREIII{}.Evaluate(p, []float64{1})
	var me *scoring.MemoryError
	require.True(t, errors.As(err, &me), "%v", err)
	assert.ErrorIs(t, err, scoring.ErrTooLarge)
	assert.Equal(t, "electre3", me.Analysis)
	_, err = scoring.ELECTREI{}.Evaluate(p, []float64{1})
	assert.ErrorIs(t, err, scoring.ErrTooLarge)
	_, err = scoring.PROMETHEEI{}.Evaluate(p, []float64{1})
	assert.ErrorIs(t, err, scoring.ErrTooLarge)
}

// The indices of ELECTRE I, recomputed from their definition for every
// pair, with few criteria (summed from a table of criterion sets) and with
// more than 16 (summed one by one): the concordance exactly, as both sum
// the weights in criterion order, the discordance to rounding. Integer
// values make ties, which count for both directions.
func TestELECTREIIndicesMatchDefinition(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(71, 3))
	for _, n := range []int{3, 10, 18} {
		m := 60
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = make([]float64, n)
			for j := range rows[i] {
				rows[i][j] = float64(1 + rng.IntN(6))
			}
		}
		dirs := strings.Repeat("bbc", n)[:n]
		w := make([]float64, n)
		for j := range w {
			w[j] = rng.Float64() + 0.1
		}
		res, err := scoring.ELECTREI{}.Evaluate(problem(t, dirs, rows), w)
		require.NoError(t, err)
		norm := make([]float64, n)
		for j := range n {
			for i := range m {
				norm[j] += rows[i][j] * rows[i][j]
			}
			norm[j] = math.Sqrt(norm[j])
		}
		for a := range m {
			for b := range m {
				if a == b {
					continue
				}
				c, num, den := 0.0, 0.0, 0.0
				for j := range n {
					ga, gb := rows[a][j], rows[b][j]
					if dirs[j] == 'c' {
						ga, gb = -ga, -gb
					}
					d := math.Abs(res.Weights[j] * (rows[a][j] - rows[b][j]) / norm[j])
					den = math.Max(den, d)
					if ga >= gb {
						c += res.Weights[j]
					} else {
						num = math.Max(num, d)
					}
				}
				require.Equal(t, math.Min(c, 1), res.Concordance.At(a, b), "n = %d: c(%d, %d)", n, a, b)
				wantD := 0.0
				if den > 0 {
					wantD = num / den
				}
				require.InDelta(t, wantD, res.Discordance.At(a, b), 1e-12, "n = %d: d(%d, %d)", n, a, b)
			}
		}
	}
}
