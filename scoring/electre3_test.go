package scoring_test

import (
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

func veto(v float64) *float64 { return &v }

// With q = p = 0 and no veto, ELECTRE III's concordance index is ELECTRE
// I's: c(a,b) is the weight of the criteria on which a is at least as good
// as b. Anchored on the concordance matrix Hwang & Yoon (1981) §4.1.2(b)
// step 4 publish for the fighter-aircraft example.
func TestPublishedELECTREIIIConcordanceHwangYoon1981(t *testing.T) {
	t.Parallel()
	res, err := scoring.ELECTREIII{}.Evaluate(problem(t, aircraftDirs, aircraft), aircraftW)
	require.NoError(t, err)
	want := [][]float64{
		{1, 0.7, 0.5, 0.6},
		{0.3, 1, 0.3, 0.6},
		{0.5, 0.7, 1, 0.8},
		{0.7, 0.7, 0.2, 1},
	}
	if d := cmp.Diff(want, res.Concordance.RowSlices(), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("concordance (-published +got):\n%s", d)
	}
	if d := cmp.Diff(want, res.Credibility.RowSlices(), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("without veto σ = C (-want +got):\n%s", d)
	}
}

// A worked example computed by hand from the formulas of Figueira,
// Mousseau & Roy (2005) §4.3.3 and the distillation of Roy & Bouyssou
// (1993) ch. 6 with s(λ) = 0.3 − 0.15λ. Criteria: c1 (w 0.6, q 1, p 3,
// v 6), c2 (w 0.4, q 1, p 3, v 8); A = (10, 2), B = (8, 6), C = (5, 5).
//
//	σ(A,B): Δ = (−2, 4): c = (1, 0), d2 = 0.2 < C = 0.6       → 0.6
//	σ(B,A): Δ = (2, −4): c = (0.5, 1), C = 0.7               → 0.7
//	σ(A,C): Δ = (−5, 3): c = (1, 0), d2 = 0                  → 0.6
//	σ(C,A): Δ = (5, −3): C = 0.4, d1 = 2/3 > C: 0.4·(1/3)/0.6 → 2/9
//	σ(B,C): Δ = (−3, −1): C = 1                              → 1
//	σ(C,B): Δ = (3, 1): c = (0, 1), d1 = 0                   → 0.4
//
// Descending: λ0 = 1, λ1 = 0.7 (largest σ below 0.85); only B outranks
// (C): B first. On {A, C}: λ0 = 0.6, λ1 = 2/9; A outranks C. Classes B, A,
// C. Ascending: at λ1 = 0.7 C has the lowest qualification (−1), so C is
// last; on {A, B} λ0 = 0.7 and no credibility lies below 0.505, so λ1 = 0
// and neither outranks the other (0.7 − 0.6 < s(0.7) = 0.195): A and B tie.
// Final pre-order: B P A (better descending, tied ascending), A P C, B P C.
func TestELECTREIIIWorkedExample(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{10, 2}, {8, 6}, {5, 5}})
	e := scoring.ELECTREIII{Thresholds: []scoring.PseudoCriterion{{Q: 1, P: 3, V: veto(6)}, {Q: 1, P: 3, V: veto(8)}}}
	res, err := e.Evaluate(p, []float64{0.6, 0.4})
	require.NoError(t, err)
	want := [][]float64{{1, 0.6, 0.6}, {0.7, 1, 1}, {2.0 / 9, 0.4, 1}}
	if d := cmp.Diff(want, res.Credibility.RowSlices(), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("credibility (-hand +got):\n%s", d)
	}
	assert.Equal(t, [][]int{{1}, {0}, {2}}, res.Descending)
	assert.Equal(t, [][]int{{0, 1}, {2}}, res.Ascending)
	assert.Equal(t, []int{2, 1, 3}, res.DescendingRank)
	assert.Equal(t, []int{1, 1, 2}, res.AscendingRank)
	assert.Equal(t, scoring.Outranked, res.Relations[0][1])
	assert.Equal(t, scoring.Preferred, res.Relations[0][2])
	assert.Equal(t, scoring.Preferred, res.Relations[1][2])
	assert.Equal(t, []int{2, 1, 3}, res.Rank)
	assert.Empty(t, res.Incomparable)
}

// The two distillations can disagree: here A4 = (1, 6) is second in the
// descending pre-order and third in the ascending one, A1 = (4, 2) the
// reverse, so the final pre-order leaves them incomparable. (The classes
// are pinned from this implementation as a regression check; the rule
// combining them is checked independently by checkFinalPreorder.)
func TestELECTREIIIIncomparability(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{4, 2}, {3, 6}, {3, 3}, {1, 6}}
	ts := []scoring.PseudoCriterion{{Q: 0, P: 1, V: veto(3)}, {Q: 0, P: 1, V: veto(3)}}
	res, err := scoring.ELECTREIII{Thresholds: ts}.Evaluate(problem(t, "bb", rows), []float64{0.5, 0.5})
	require.NoError(t, err)
	checkFinalPreorder(t, res)
	assert.Equal(t, [][]int{{1}, {3}, {0, 2}}, res.Descending)
	assert.Equal(t, [][]int{{1}, {0}, {3}, {2}}, res.Ascending)
	assert.Equal(t, [][2]int{{0, 3}}, res.Incomparable)
	assert.Equal(t, scoring.Incomparable, res.Relations[3][0])
}

// checkFinalPreorder recomputes the final pre-order from the two
// distillation ranks.
func checkFinalPreorder(t *testing.T, res *scoring.ELECTREIIIResult) {
	t.Helper()
	m := len(res.DescendingRank)
	for a := range m {
		for b := range m {
			da, db := res.DescendingRank[a], res.DescendingRank[b]
			ua, ub := res.AscendingRank[a], res.AscendingRank[b]
			var want scoring.Relation
			switch {
			case da == db && ua == ub:
				want = scoring.Indifferent
			case da <= db && ua <= ub:
				want = scoring.Preferred
			case da >= db && ua >= ub:
				want = scoring.Outranked
			default:
				want = scoring.Incomparable
			}
			require.Equal(t, want, res.Relations[a][b], "relation of %d to %d", a, b)
		}
	}
	seen := make([]bool, m)
	for _, classes := range [][][]int{res.Descending, res.Ascending} {
		clear(seen)
		for _, c := range classes {
			for _, a := range c {
				require.False(t, seen[a], "alternative %d in two classes", a)
				seen[a] = true
			}
		}
		require.NotContains(t, seen, false)
	}
	for k := range m * m {
		s := res.Credibility.At(k/m, k%m)
		require.False(t, math.IsNaN(s) || s < 0 || s > 1, "σ = %v", s)
		require.LessOrEqual(t, s, res.Concordance.At(k/m, k%m)+1e-15)
	}
}

func TestELECTREIIIProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(31, 8))
	ts := []scoring.PseudoCriterion{{Q: 0.5, P: 1.5, V: veto(4)}, {Q: 0, P: 2}, {Q: 1, P: 1, V: veto(3)}}
	for trial := range 40 {
		m := 2 + rng.IntN(7)
		rows := randomRows(rng, m, 3)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		e := scoring.ELECTREIII{Thresholds: ts}
		base, err := e.Evaluate(problem(t, "bcb", rows), w)
		require.NoError(t, err)
		checkFinalPreorder(t, base)

		// An alternative better than every other by more than the veto
		// on every criterion is preferred to all.
		dom := []float64{0, math.MaxFloat64, 0}
		for _, r := range rows {
			dom[0], dom[1], dom[2] = math.Max(dom[0], r[0]+5), math.Min(dom[1], r[1]-5), math.Max(dom[2], r[2]+5)
		}
		res, err := e.Evaluate(problem(t, "bcb", append(slices.Clone(rows), dom)), w)
		require.NoError(t, err)
		for b := range m {
			require.Equal(t, scoring.Preferred, res.Relations[m][b], "trial %d", trial)
		}
		assert.Equal(t, []int{m}, res.Descending[0])

		perm := rng.Perm(m)
		prow := make([][]float64, m)
		for k, i := range perm {
			prow[k] = rows[i]
		}
		pres, err := e.Evaluate(problem(t, "bcb", prow), w)
		require.NoError(t, err)
		for k, i := range perm {
			for l, j := range perm {
				require.Equal(t, base.Relations[i][j], pres.Relations[k][l], "trial %d: permutation", trial)
			}
		}

		// Scaling a benefit column together with its thresholds changes
		// nothing.
		factor := math.Pow(2, float64(rng.IntN(9)-4))
		scaled := make([][]float64, m)
		for i, r := range rows {
			scaled[i] = slices.Clone(r)
			scaled[i][0] *= factor
		}
		sts := slices.Clone(ts)
		sts[0] = scoring.PseudoCriterion{Q: ts[0].Q * factor, P: ts[0].P * factor, V: veto(*ts[0].V * factor)}
		sres, err := scoring.ELECTREIII{Thresholds: sts}.Evaluate(problem(t, "bcb", scaled), w)
		require.NoError(t, err)
		assert.Equal(t, base.Relations, sres.Relations, "trial %d: scaling", trial)
	}
}

func TestELECTREIIIErrors(t *testing.T) {
	t.Parallel()
	p := problem(t, "bb", [][]float64{{1, 2}, {2, 1}})
	_, err := scoring.ELECTREIII{Thresholds: []scoring.PseudoCriterion{{Q: 2, P: 1}, {}}}.Evaluate(p, []float64{1, 1})
	var ie *scoring.InputError
	require.True(t, errors.As(err, &ie))
	assert.ErrorIs(t, err, scoring.ErrParam)
	assert.Equal(t, 0, ie.Col)
	_, err = scoring.ELECTREIII{Thresholds: []scoring.PseudoCriterion{{}, {P: 1, V: veto(0.5)}}}.Evaluate(p, []float64{1, 1})
	assert.ErrorIs(t, err, scoring.ErrParam)
	_, err = scoring.ELECTREIII{Thresholds: []scoring.PseudoCriterion{{}, {P: math.Inf(1)}}}.Evaluate(p, []float64{1, 1})
	assert.ErrorIs(t, err, scoring.ErrNotFinite)
	_, err = scoring.ELECTREIII{Thresholds: []scoring.PseudoCriterion{{}}}.Evaluate(p, []float64{1, 1})
	assert.ErrorIs(t, err, scoring.ErrLength)
	_, err = scoring.ELECTREIII{Alpha: 0.1, Beta: -0.5}.Evaluate(p, []float64{1, 1})
	assert.ErrorIs(t, err, scoring.ErrParam)

	one, err := scoring.ELECTREIII{}.Evaluate(problem(t, "b", [][]float64{{3}}), []float64{1})
	require.NoError(t, err)
	assert.Equal(t, [][]int{{0}}, one.Descending)
	assert.Equal(t, []int{1}, one.Rank)
}

// Problems large enough to be processed in parallel blocks give the same
// indices as the pairwise definition (and run clean under -race).
func TestOutrankingParallelBlocks(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(53, 1))
	m, n := 120, 10
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			rows[i][j] = float64(rng.IntN(20))
		}
	}
	dirs := "bbbbbccccc"
	w := scoring.EqualWeights(n)
	e1, err := scoring.ELECTREI{}.Evaluate(problem(t, dirs, rows), w)
	require.NoError(t, err)
	e3, err := scoring.ELECTREIII{}.Evaluate(problem(t, dirs, rows), w)
	require.NoError(t, err)
	for _, pr := range [][2]int{{0, 1}, {57, 3}, {119, 64}, {88, 88}} {
		a, b := pr[0], pr[1]
		c := 0.0
		for j := range n {
			d := rows[a][j] - rows[b][j]
			if dirs[j] == 'c' {
				d = -d
			}
			if d >= 0 {
				c += w[j]
			}
		}
		if a != b {
			assert.InDelta(t, c, e1.Concordance.At(a, b), 1e-12)
		}
		assert.InDelta(t, c, e3.Credibility.At(a, b), 1e-12, "no veto: σ = C")
	}
	checkFinalPreorder(t, e3)
}

// refDistill is a direct transcription of the distillation of Roy &
// Bouyssou (1993) ch. 6, written independently of the package: from the
// set still to rank, take λ as its largest credibility, then repeatedly
// lower it to the largest credibility below λ − s(λ), keeping the
// alternatives of best (descending) or worst (ascending) qualification
// computed on the kept set, until one remains or λ reaches 0.
func refDistill(sigma [][]float64, descending bool) [][]int {
	s := func(l float64) float64 { return 0.3 - 0.15*l }
	left := map[int]bool{}
	for i := range sigma {
		left[i] = true
	}
	var classes [][]int
	for len(left) > 0 {
		var d []int
		for i := range sigma {
			if left[i] {
				d = append(d, i)
			}
		}
		lambda := 0.0
		for _, a := range d {
			for _, b := range d {
				if a != b && sigma[a][b] > lambda {
					lambda = sigma[a][b]
				}
			}
		}
		for len(d) > 1 {
			next := 0.0
			for _, a := range d {
				for _, b := range d {
					if a != b && sigma[a][b] < lambda-s(lambda) && sigma[a][b] > next {
						next = sigma[a][b]
					}
				}
			}
			q := map[int]int{}
			for _, a := range d {
				for _, b := range d {
					if a != b && sigma[a][b] > next && sigma[a][b]-sigma[b][a] > s(sigma[a][b]) {
						q[a]++
						q[b]--
					}
				}
			}
			best := q[d[0]]
			for _, a := range d {
				if (descending && q[a] > best) || (!descending && q[a] < best) {
					best = q[a]
				}
			}
			var kept []int
			for _, a := range d {
				if q[a] == best {
					kept = append(kept, a)
				}
			}
			d = kept
			if next == 0 {
				break
			}
			lambda = next
		}
		classes = append(classes, d)
		for _, a := range d {
			delete(left, a)
		}
	}
	return classes
}

func TestELECTREIIIDistillationMatchesReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(61, 5))
	ts := []scoring.PseudoCriterion{{Q: 0.5, P: 2, V: veto(5)}, {Q: 1, P: 3}, {Q: 0, P: 1, V: veto(4)}}
	for trial := range 60 {
		m := 2 + rng.IntN(10)
		rows := randomRows(rng, m, 3)
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		res, err := scoring.ELECTREIII{Thresholds: ts}.Evaluate(problem(t, "bcb", rows), w)
		require.NoError(t, err)
		sigma := res.Credibility.RowSlices()
		assert.Equal(t, refDistill(sigma, true), res.Descending, "trial %d: descending", trial)
		asc := refDistill(sigma, false)
		slices.Reverse(asc)
		assert.Equal(t, asc, res.Ascending, "trial %d: ascending", trial)
	}
}

// Larger problems with many tied credibilities (small integer values, a
// true criterion, a shared veto): the distillation, which carries its
// row maxima and qualifications from one class to the next, still gives
// the classes of the plain definition.
func TestELECTREIIIDistillationMatchesReferenceLarge(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(67, 9))
	ts := []scoring.PseudoCriterion{{Q: 1, P: 2, V: veto(6)}, {}, {Q: 0, P: 3, V: veto(5)}, {Q: 1, P: 1}}
	for trial := range 6 {
		m := 40 + rng.IntN(90)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{float64(rng.IntN(8)), float64(rng.IntN(4)), float64(rng.IntN(10)), float64(rng.IntN(6))}
		}
		w := []float64{rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1, rng.Float64() + 0.1}
		res, err := scoring.ELECTREIII{Thresholds: ts}.Evaluate(problem(t, "bcbb", rows), w)
		require.NoError(t, err)
		sigma := res.Credibility.RowSlices()
		desc := refDistill(sigma, true)
		require.Equal(t, desc, res.Descending, "trial %d (m = %d): descending", trial, m)
		asc := refDistill(sigma, false)
		slices.Reverse(asc)
		require.Equal(t, asc, res.Ascending, "trial %d (m = %d): ascending", trial, m)
		require.Greater(t, len(desc), 3, "trial %d: a problem with several classes", trial)
	}
}
