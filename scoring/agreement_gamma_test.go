package scoring_test

import (
	"math/rand/v2"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// gammaByDefinition is Goodman & Kruskal's γ by its definition, over every
// pair: (N_c − N_d)/(N_c + N_d), the pairs tied in either ranking left
// out; 1 when both rankings tie everything and no pair counts, else 0.
func gammaByDefinition(a, b []int) float64 {
	var conc, disc float64
	tiesA, tiesB := true, true
	for i := range a {
		for k := i + 1; k < len(a); k++ {
			da, db := a[i]-a[k], b[i]-b[k]
			tiesA = tiesA && da == 0
			tiesB = tiesB && db == 0
			switch {
			case da*db > 0:
				conc++
			case da*db < 0:
				disc++
			}
		}
	}
	if conc+disc == 0 {
		if tiesA && tiesB {
			return 1
		}
		return 0
	}
	return (conc - disc) / (conc + disc)
}

// competitionRanks turns scores into competition ranks (1, 2, 2, 4), the
// ranks a ranking with ties carries.
func competitionRanks(s []int) []int {
	r := make([]int, len(s))
	for i := range s {
		r[i] = 1
		for k := range s {
			if s[k] < s[i] {
				r[i]++
			}
		}
	}
	return r
}

// The O(n log n) count gives exactly the pairwise definition's γ, on
// random rankings with few to many ties, and above the length handled in
// stack buffers.
func TestGoodmanKruskalMatchesDefinition(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 400 {
		n := 1 + rng.IntN(40)
		if trial%20 == 0 {
			n = 257 + rng.IntN(300)
		}
		levels := 1 + rng.IntN(n) // few levels: many ties
		sa, sb := make([]int, n), make([]int, n)
		for i := range n {
			sa[i] = rng.IntN(levels)
			sb[i] = rng.IntN(levels)
			if trial%3 == 0 { // correlated rankings
				sb[i] = sa[i] + rng.IntN(2)
			}
		}
		a, b := competitionRanks(sa), competitionRanks(sb)
		got, err := scoring.GoodmanKruskalGamma(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if want := gammaByDefinition(a, b); got != want {
			t.Fatalf("trial %d: γ(%v, %v) = %v, want %v by the definition", trial, a, b, got, want)
		}
	}
}

// γ allocates nothing up to the stack-buffer length, and a few buffers
// of the rankings' length beyond: O(n) memory.
func TestGoodmanKruskalAllocations(t *testing.T) {
	a, b := make([]int, 200), make([]int, 200)
	for i := range a {
		a[i], b[i] = i+1, 200-i
	}
	if got := testing.AllocsPerRun(20, func() { _, _ = scoring.GoodmanKruskalGamma(a, b) }); got != 0 {
		t.Errorf("γ of 200 alternatives: %v allocations, want 0", got)
	}
}

// BenchmarkGoodmanKruskal is γ on two rankings of 60,000 alternatives:
// O(n log n), where the pairwise definition takes 1.8·10⁹ steps.
func BenchmarkGoodmanKruskal(b *testing.B) {
	const n = 60000
	x, y := make([]int, n), make([]int, n)
	for i := range x {
		x[i], y[i] = i+1, 1+(i*7919)%n
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.GoodmanKruskalGamma(x, y); err != nil {
			b.Fatal(err)
		}
	}
}
