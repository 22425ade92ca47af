package scoring_test

import (
	"fmt"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// numpyProblem is the problem scoring/bench/outrank_numpy.py builds with the
// same arithmetic, so that Go and numpy time the same numbers: x[i][j] =
// 1 + k·99/997 with k = (131i + 71j + 17ij) mod 997, every third
// criterion a cost, weights 1, 1.25, 1.5, 1, ... normalised.
func numpyProblem(tb testing.TB, m, n int) (*scoring.Problem, []float64) {
	tb.Helper()
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			k := (131*i + 71*j + 17*i*j) % 997
			rows[i][j] = 1 + float64(k)*99/997
		}
	}
	crits := make([]scoring.Criterion, n)
	w := make([]float64, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: fmt.Sprintf("c%d", j), Direction: scoring.Benefit}
		if j%3 == 2 {
			crits[j].Direction = scoring.Cost
		}
		w[j] = 1 + float64(j%3)*0.25
	}
	p, err := scoring.NewProblem(nil, crits, rows)
	if err != nil {
		tb.Fatal(err)
	}
	return p, w
}

// BenchmarkOutrankingNumpy times PROMETHEE I, ELECTRE I and GAIA on the
// data of numpyProblem, for scoring/bench/outrank_numpy.py, which times its
// numpy formulas on the same data in the same run and compares the
// reported "check" metric (Σφ⁺, the mean concordance c*, δ) with its own.
func BenchmarkOutrankingNumpy(b *testing.B) {
	linear := func(n int) []scoring.Preference {
		prefs := make([]scoring.Preference, n)
		for j := range prefs {
			prefs[j] = scoring.Preference{Function: scoring.Linear, Q: 5, P: 20}
		}
		return prefs
	}
	methods := []struct {
		token string
		run   func(p *scoring.Problem, w []float64, n int) (float64, error)
	}{
		{"promethee1", func(p *scoring.Problem, w []float64, n int) (float64, error) {
			r, err := scoring.PROMETHEEI{Preferences: linear(n)}.Evaluate(p, w)
			if err != nil {
				return 0, err
			}
			s := 0.0
			for _, x := range r.PositiveFlow {
				s += x
			}
			return s, nil
		}},
		{"electre1", func(p *scoring.Problem, w []float64, _ int) (float64, error) {
			r, err := scoring.ELECTREI{}.Evaluate(p, w)
			if err != nil {
				return 0, err
			}
			return r.ConcordanceThreshold, nil
		}},
		{"gaia", func(p *scoring.Problem, w []float64, n int) (float64, error) {
			r, err := scoring.GAIA{Preferences: linear(n)}.Evaluate(p, w)
			if err != nil {
				return 0, err
			}
			return r.Delta, nil
		}},
	}
	for _, meth := range methods {
		b.Run(meth.token, func(b *testing.B) {
			for _, s := range []struct{ m, n int }{{10, 8}, {1000, 10}} {
				b.Run(fmt.Sprintf("%dx%d", s.m, s.n), func(b *testing.B) {
					p, w := numpyProblem(b, s.m, s.n)
					b.ReportAllocs()
					check := 0.0
					for b.Loop() {
						var err error
						if check, err = meth.run(p, w, s.n); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(check, "check")
				})
			}
		})
	}
}
