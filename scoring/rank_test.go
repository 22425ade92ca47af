package scoring

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// The small-input ranking (a byte-wise radix sort) must give the ranks and
// order of a stable comparison sort followed by a head-based walk, for
// every size up to the threshold and for scores that tie, nearly tie,
// crowd into a range far below the tolerance's scale or span many
// magnitudes.
func TestSmallRanksMatchComparisonSort(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 77))
	for _, m := range []int{1, 2, 3, 5, 31, 33, 100, smallRanking, smallRanking + 1, 1000, radixThreshold} {
		gens := map[string]func(i int) float64{
			"near ties":  func(int) float64 { return float64(rng.IntN(m/3+1))/float64(m) + float64(rng.IntN(3))*3e-13 },
			"few values": func(int) float64 { return float64(rng.IntN(4)) },
			"all equal":  func(int) float64 { return -2 },
			"uniform":    func(int) float64 { return rng.NormFloat64() },
			"crowded":    func(int) float64 { return 1e3 + float64(rng.IntN(9))*4e-10 },
			"magnitudes": func(int) float64 { return math.Ldexp(rng.Float64()-0.5, rng.IntN(2000)-1000) },
			"outlier": func(i int) float64 {
				if i == m/2 {
					return 1e300
				}
				return rng.Float64()
			},
			"signed zeros": func(i int) float64 { return []float64{0, math.Copysign(0, -1), 1}[i%3] },
		}
		for name, gen := range gens {
			s := make([]float64, m)
			for i := range s {
				s[i] = gen(i)
			}
			for _, better := range []Better{Higher, Lower} {
				sign := -1.0
				if better == Lower {
					sign = 1
				}
				wantOrder := make([]int, m)
				for i := range wantOrder {
					wantOrder[i] = i
				}
				slices.SortStableFunc(wantOrder, func(a, b int) int { return cmpFloat(sign*s[a], sign*s[b]) })
				wantRanks := make([]int, m)
				tol := tieTolerance * maxAbs(s)
				head, rank := 0.0, 1
				for k, i := range wantOrder {
					if k == 0 || math.Abs(s[i]-head) > tol {
						head, rank = s[i], k+1
					}
					wantRanks[i] = rank
				}
				ranks, order := rankAndOrder(s, better)
				if !slices.Equal(ranks, wantRanks) {
					t.Errorf("m=%d %s, %v: ranks differ from the comparison path", m, name, better)
				}
				if !slices.Equal(order, wantOrder) {
					t.Errorf("m=%d %s, %v: order differs from the comparison path", m, name, better)
				}
				if got := sortOrder(s, better); !slices.Equal(got, wantOrder) {
					t.Errorf("m=%d %s, %v: sortOrder differs from the comparison path", m, name, better)
				}
			}
		}
	}
}

// BenchmarkRankSmall measures ranking a thousand random scores, the size
// of the end-to-end benchmarks' small problems.
func BenchmarkRankSmall(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float64, 1000)
	for i := range scores {
		scores[i] = rng.Float64()
	}
	b.ReportAllocs()
	for b.Loop() {
		rankScores(scores, Higher)
	}
}
