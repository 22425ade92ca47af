package scoring_test

import (
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// Rezaei (2016) Table 3: five criteria.
func BenchmarkBWMLinear(b *testing.B) {
	b.ReportAllocs()
	bo, ow := []float64{2, 1, 4, 3, 8}, []float64{4, 8, 2, 3, 1}
	for b.Loop() {
		if _, err := (scoring.BWM{}).Weigh(1, 4, bo, ow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBWMNonLinear(b *testing.B) {
	b.ReportAllocs()
	bo, ow := []float64{2, 1, 4, 3, 8}, []float64{4, 8, 2, 3, 1}
	for b.Loop() {
		if _, err := (scoring.BWM{Model: scoring.BWMNonLinear}).Weigh(1, 4, bo, ow); err != nil {
			b.Fatal(err)
		}
	}
}
