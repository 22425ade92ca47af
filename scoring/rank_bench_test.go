package scoring

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkRankScores measures ranking a million random scores, the part
// of every method's call that does not depend on the method.
func BenchmarkRankScores(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float64, 1000000)
	for i := range scores {
		scores[i] = rng.Float64()
	}
	b.ReportAllocs()
	for b.Loop() {
		rankScores(scores, Higher)
	}
}
