package scoring

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSortKeysMatchesInsertion checks the branch-free rank count against
// the stable insertion sort on many small score vectors with exact ties,
// for both directions, and the fallback on NaN.
func TestSortKeysMatchesInsertion(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 20000 {
		m := 1 + r.IntN(12)
		s := make([]float64, m)
		for i := range s {
			s[i] = float64(r.IntN(5)) - 2 // many exact ties, no −0
		}
		k1, o1, rk := make([]float64, m), make([]int, m), make([]int, m)
		k2, o2 := make([]float64, m), make([]int, m)
		for range 2 {
			for i := range s {
				s[i] = -s[i]
			}
			if !countRanks(k1, o1, rk, s) {
				t.Fatalf("trial %d: %v: ranks are not a permutation", trial, s)
			}
			insertionKeys(k2, o2, s)
			for i := range o1 {
				if o1[i] != o2[i] || k1[i] != k2[i] {
					t.Fatalf("trial %d: %v: count %v, insertion %v", trial, s, o1, o2)
				}
			}
		}
	}
	s := []float64{1, math.NaN(), 3, 2}
	keys, ord, rank := make([]float64, 4), make([]int, 4), make([]int, 4)
	sortKeys(keys, ord, rank, s, Higher) // must not panic
	seen := map[int]bool{}
	for _, i := range ord {
		seen[i] = true
	}
	if len(seen) != 4 {
		t.Errorf("sortKeys with NaN gave order %v, not a permutation", ord)
	}
}

// TestScoreLinearBits checks that the SMAA fast path for linear kernels
// gives exactly the kernel's scores.
func TestScoreLinearBits(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	const m, n = 7, 5
	k := linearKernel{r: make([]float64, m*n), n: n}
	for i := range k.r {
		k.r[i] = r.Float64()
	}
	w := make([]float64, n)
	a, b := make([]float64, m), make([]float64, m)
	for range 1000 {
		uniformSimplex(r, w)
		k.score(a, w, nil)
		scoreLinear(b, k.r, w)
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
				t.Fatalf("scoreLinear %v, kernel %v", b, a)
			}
		}
	}
}
