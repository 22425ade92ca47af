package scoring

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOrderMatchesStableSort checks the counting sort of Result.Order
// against a stable sort by rank, for method-style ranks (1..m with ties)
// and for ranks set by hand outside 1..m, which take the fallback.
func TestOrderMatchesStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	want := func(ranks []int) []int {
		idx := make([]int, len(ranks))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return ranks[a] - ranks[b] })
		return idx
	}
	for _, m := range []int{0, 1, 2, 5, 111, 1000} {
		for trial := range 20 {
			scores := make([]float64, m)
			for i := range scores {
				scores[i] = float64(rng.IntN(max(1, m/3))) // many ties
			}
			ranks := rankScores(scores, Higher)
			if trial%4 == 3 && m > 0 {
				ranks[rng.IntN(m)] = m + 5 - rng.IntN(2*m+10) // out of range sometimes
			}
			r := &Result{Ranks: ranks}
			assert.Equal(t, want(ranks), r.Order(), "m=%d trial=%d", m, trial)
			// AppendOrder appends after what dst holds, reusing its memory.
			dst := make([]int, 2, 2+m)
			dst[0], dst[1] = -7, -8
			got := r.AppendOrder(dst)
			assert.Equal(t, append([]int{-7, -8}, want(ranks)...), got, "m=%d trial=%d", m, trial)
			if m > 0 {
				assert.Same(t, &dst[0], &got[0], "m=%d: the capacity was enough", m)
			}
		}
	}
}

// TestAgreementBeyondStackBuffers checks SpearmanRho and KendallTau on both
// sides of the stack-buffer limit: identical rankings give 1, reversed ones
// −1, and a ranking with ties the same value whether or not it fits.
func TestAgreementBeyondStackBuffers(t *testing.T) {
	for _, m := range []int{smallRanking - 1, smallRanking, smallRanking + 1, 3 * smallRanking} {
		up, down := make([]int, m), make([]int, m)
		for i := range up {
			up[i], down[i] = i+1, m-i
		}
		for _, f := range []func(a, b []int) (float64, error){SpearmanRho, KendallTau} {
			same, err := f(up, up)
			assert.NoError(t, err)
			assert.InDelta(t, 1, same, 1e-12, "m=%d", m)
			rev, err := f(up, down)
			assert.NoError(t, err)
			assert.InDelta(t, -1, rev, 1e-12, "m=%d", m)
		}
	}
}

// TestKendallTauMatchesPairCount checks KendallTau against the definition
// of τ-b counted pair by pair, on random rankings with many ties, on both
// sides of the stack-buffer limit.
func TestKendallTauMatchesPairCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	naive := func(a, b []int) float64 {
		var conc, disc, tieA, tieB, n0 float64
		for i := range a {
			for j := i + 1; j < len(a); j++ {
				n0++
				da, db := a[i]-a[j], b[i]-b[j]
				switch {
				case da == 0 && db == 0:
					tieA++
					tieB++
				case da == 0:
					tieA++
				case db == 0:
					tieB++
				case (da > 0) == (db > 0):
					conc++
				default:
					disc++
				}
			}
		}
		return (conc - disc) / math.Sqrt((n0-tieA)*(n0-tieB))
	}
	for _, m := range []int{2, 7, 111, smallRanking + 40} {
		for range 10 {
			sa, sb := make([]float64, m), make([]float64, m)
			for i := range sa {
				sa[i], sb[i] = float64(rng.IntN(m/2+1)), float64(rng.IntN(m/2+1))
			}
			a, b := rankScores(sa, Higher), rankScores(sb, Higher)
			got, err := KendallTau(a, b)
			assert.NoError(t, err)
			want := naive(a, b)
			if math.IsNaN(want) { // a ranking ties everything: defined apart
				continue
			}
			assert.InDelta(t, want, got, 1e-12, "m=%d", m)
		}
	}
}
