package scoring

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkSortKeys compares the two ways sortKeys ranks one SMAA sample,
// the branch-free pairwise count and the comparison sort, on random scores:
// the crossover sets pairwiseMax.
func BenchmarkSortKeys(b *testing.B) {
	for _, m := range []int{8, 16, 24, 32, 40, 48, 64, 256} {
		r := rand.New(rand.NewPCG(1, uint64(m)))
		const sets = 64
		vals := make([][]float64, sets)
		for k := range vals {
			vals[k] = make([]float64, m)
			for i := range vals[k] {
				vals[k][i] = r.Float64()
			}
		}
		keys, ord, rank, scores := make([]float64, m), make([]int, m), make([]int, m), make([]float64, m)
		for _, path := range []struct {
			name    string
			pairMax int
		}{{"count", 64}, {"sort", 0}} {
			if path.pairMax > 0 && m > 64 {
				continue
			}
			b.Run(fmt.Sprintf("%s/m=%d", path.name, m), func(b *testing.B) {
				b.ReportAllocs()
				k := 0
				for b.Loop() {
					copy(scores, vals[k%sets])
					k++
					sortKeysMax(keys, ord, rank, scores, Higher, path.pairMax)
				}
			})
		}
	}
}

// BenchmarkSelectTop measures finding the first 3 and the first 100 of a
// million random scores, the per-sample ranking cost of SMAA with
// TopRanks.
func BenchmarkSelectTop(b *testing.B) {
	const m = 1_000_000
	r := rand.New(rand.NewPCG(1, 2))
	vals := make([]float64, m)
	for i := range vals {
		vals[i] = r.Float64()
	}
	keys, ord, scores := make([]float64, m), make([]int, m), make([]float64, m)
	for _, k := range []int{3, 100} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]float64, k)
			for b.Loop() {
				copy(scores, vals)
				selectTop(keys, ord, buf, scores, Higher, k)
			}
		})
	}
}
