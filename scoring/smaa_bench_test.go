package scoring_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// smaaBenchProblem returns an m×n problem with values uniform in [1, 100)
// from a fixed PCG stream; every third criterion is a cost.
func smaaBenchProblem(m, n int) *scoring.Problem {
	r := rand.New(rand.NewPCG(20250101, 5))
	crits := make([]scoring.Criterion, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: fmt.Sprintf("c%d", j+1), Direction: scoring.Benefit}
		if j%3 == 2 {
			crits[j].Direction = scoring.Cost
		}
	}
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			rows[i][j] = 1 + 99*r.Float64()
		}
	}
	return scoring.MustNewProblem(nil, crits, rows)
}

// BenchmarkSMAA measures SMAA-2 with uniform weights, seed 1 and the
// default number of workers. The method tokens are those of the JSON
// contract. Allocations per op are a constant independent of the number
// of samples (the result, per-worker buffers and the prepared method).
func BenchmarkSMAA(b *testing.B) {
	methods := []struct {
		token  string
		method scoring.Method
	}{
		{"wsm", scoring.WeightedSum{}},
		{"topsis", scoring.TOPSIS{}},
	}
	sizes := [][2]int{{10, 8}}
	for _, mt := range methods {
		for _, sz := range sizes {
			p := smaaBenchProblem(sz[0], sz[1])
			for _, samples := range []int{100_000, 1_000_000} {
				name := fmt.Sprintf("%s/%dx%d/%d", mt.token, sz[0], sz[1], samples)
				b.Run(name, func(b *testing.B) {
					s := scoring.SMAA{Method: mt.method, Samples: samples, Seed: 1}
					b.ReportAllocs()
					for b.Loop() {
						if _, err := s.Run(context.Background(), p); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(samples)*float64(b.N)/b.Elapsed().Seconds(), "samples/s")
				})
			}
		}
	}
}

// BenchmarkSMAALarge measures SMAA on many alternatives with 1,000 samples:
// all ranks of a few thousand alternatives (memory and time grow as m²)
// and the first 3 ranks of a million (memory grows as m·(3+n)). Run with
// -benchtime 1x: one iteration of the largest case takes seconds.
//
// Peak resident memory of the test binary running one case alone
// (/usr/bin/time -v, 2-core amd64, December 2026): before TopRanks and the
// sorted ranking, 1000×4 took 28 MB, 2000×4 75 MB, 4000×4 264 MB (and
// 8000×4 would take about 1 GB, a million crashed out of memory); now
// 4000×4/all takes 263 MB (the counts are the same), 100000×4/top3 51 MB
// and 1000000×4/top3 429 MB (392 MB allocated per op, 161 allocations,
// 4.5 s of CPU).
func BenchmarkSMAALarge(b *testing.B) {
	cases := []struct {
		m, n, top int
	}{
		{1000, 4, 0},
		{4000, 4, 0},
		{100_000, 4, 3},
		{1_000_000, 4, 3},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%dx%d/all", c.m, c.n)
		if c.top > 0 {
			name = fmt.Sprintf("%dx%d/top%d", c.m, c.n, c.top)
		}
		b.Run(name, func(b *testing.B) {
			p := smaaBenchProblem(c.m, c.n)
			s := scoring.SMAA{Samples: 1000, Seed: 1, TopRanks: c.top}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Run(context.Background(), p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
