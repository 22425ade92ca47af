package scoring

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The prepared kernels used by robustness analysis must give the scores
// Rank gives.
func TestKernelsMatchRank(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 8))
	crits := []Criterion{{"a", Benefit}, {"b", Cost}, {"c", Benefit}, {"d", Cost}}
	for trial := range 20 {
		m := 2 + rng.IntN(9)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{1 + rng.Float64()*9, 1 + rng.Float64()*9, float64(1 + rng.IntN(5)), 1 + rng.Float64()}
		}
		p := MustNewProblem(nil, crits, rows)
		w := []float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64() + 0.1}
		prefs := []Preference{{Function: Linear, Q: 0.5, P: 3}, {Function: Gaussian, S: 2}, {Function: Level, Q: 1, P: 2}, {}}
		for _, meth := range []interface {
			Method
			preparer
		}{WeightedSum{}, WeightedSum{Normalization: Vector}, WeightedProduct{}, TOPSIS{}, TOPSIS{Normalization: Max},
			NewVIKOR(), VIKOR{V: 0.2}, PROMETHEEII{}, PROMETHEEII{Preferences: prefs}, COPRAS{}} {
			res, err := meth.Rank(p, w)
			if err != nil {
				t.Fatal(err)
			}
			k, err := meth.prepare(p)
			if err != nil {
				t.Fatal(err)
			}
			got := make([]float64, m)
			k.score(got, res.Weights, make([]float64, k.scratchLen()))
			if k.better() != res.Better {
				t.Errorf("%#v: kernel better %v, Rank %v", meth, k.better(), res.Better)
			}
			for i := range got {
				if math.Abs(got[i]-res.Scores[i]) > 1e-12*math.Max(1, math.Abs(res.Scores[i])) {
					t.Fatalf("trial %d (seed 5,8) %#v: kernel score %d = %v, Rank %v", trial, meth, i, got[i], res.Scores[i])
				}
			}
		}
	}
}
