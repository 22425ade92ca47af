package placement_test

import (
	"testing"

	"github.com/socialseat/socialseat/placement"
)

// BenchmarkRecommend measures one recommendation with the default model and
// catalogue (110 candidate structures, 10 criteria, WSM plus the TOPSIS
// cross-check, three structures explained), for the target of
// under 100 µs and 200 allocations. The Recommender is built once, as a
// scenario sweep would.
func BenchmarkRecommend(b *testing.B) {
	r, err := placement.NewRecommender(placement.DefaultModel(), nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []placement.Profile{startup(), multinational(), bank()} {
		b.Run(p.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Recommend(p, placement.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
