package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// benchProblem returns a seeded m×n problem with values in [1, 100) and
// every third criterion a cost, and random weights.
func benchProblem(b *testing.B, m, n int) (*scoring.Problem, []float64) {
	b.Helper()
	rng := rand.New(rand.NewPCG(uint64(m), uint64(n)))
	rows := make([][]float64, m)
	flat := make([]float64, m*n)
	for i := range rows {
		rows[i] = flat[i*n : (i+1)*n]
		for j := range rows[i] {
			rows[i][j] = 1 + 99*rng.Float64()
		}
	}
	crits := make([]scoring.Criterion, n)
	w := make([]float64, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: fmt.Sprintf("c%d", j), Direction: scoring.Benefit}
		if j%3 == 2 {
			crits[j].Direction = scoring.Cost
		}
		w[j] = 0.5 + rng.Float64()
	}
	p, err := scoring.NewProblem(nil, crits, rows)
	if err != nil {
		b.Fatal(err)
	}
	return p, w
}

// BenchmarkMethods measures one Rank call per method and size. PROMETHEE II
// uses the linear preference function (q = 5, p = 20 on values in 1–100).
func BenchmarkMethods(b *testing.B) {
	linear := func(n int) []scoring.Preference {
		prefs := make([]scoring.Preference, n)
		for j := range prefs {
			prefs[j] = scoring.Preference{Function: scoring.Linear, Q: 5, P: 20}
		}
		return prefs
	}
	type size struct{ m, n int }
	big := []size{{10, 8}, {1000, 10}, {1000000, 10}}
	methods := []struct {
		token string
		sizes []size
		make  func(n int) scoring.Method
	}{
		{"wsm", big, func(int) scoring.Method { return scoring.WeightedSum{} }},
		{"wpm", big, func(int) scoring.Method { return scoring.WeightedProduct{} }},
		{"topsis", big, func(int) scoring.Method { return scoring.TOPSIS{} }},
		{"vikor", big, func(int) scoring.Method { return scoring.NewVIKOR() }},
		{"promethee2", []size{{10, 8}, {1000, 10}, {2000, 10}}, func(n int) scoring.Method { return scoring.PROMETHEEII{Preferences: linear(n)} }},
		{"copras", big, func(int) scoring.Method { return scoring.COPRAS{} }},
	}
	for _, meth := range methods {
		b.Run(meth.token, func(b *testing.B) {
			for _, s := range meth.sizes {
				b.Run(fmt.Sprintf("%dx%d", s.m, s.n), func(b *testing.B) {
					p, w := benchProblem(b, s.m, s.n)
					method := meth.make(s.n)
					b.ReportAllocs()
					for b.Loop() {
						if _, err := method.Rank(p, w); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
