package placement_test

import (
	"testing"

	"github.com/socialseat/socialseat/placement"
)

// BenchmarkRecommend measures one recommendation with the default model and
// catalogue (110 candidate structures, 10 criteria, WSM plus the TOPSIS
// cross-check, three structures explained) through both entry points, for
// the target of at most 150 µs and 200 allocations per recommendation:
// "recommender" reuses a Recommender built once, as a scenario sweep
// would; "package" calls placement.Recommend, which must reuse the cached
// default recommender rather than rebuild the model and catalogue.
func BenchmarkRecommend(b *testing.B) {
	r, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []placement.Profile{startup(), multinational(), bank()} {
		b.Run("recommender/"+p.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Recommend(b.Context(), p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("package/"+p.Name, func(b *testing.B) {
			// The first call builds the default recommender, once per
			// process; what is measured is every call after it.
			if _, err := placement.Recommend(b.Context(), p, placement.Options{}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := placement.Recommend(b.Context(), p, placement.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkShortlist measures one shortlist (Recommender.Shortlist: the
// weights and the top three structures, without the explanations and
// analyses of a recommendation) for the profiles of BenchmarkRecommend.
func BenchmarkShortlist(b *testing.B) {
	r, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []placement.Profile{startup(), multinational(), bank()} {
		b.Run(p.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Shortlist(b.Context(), p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
