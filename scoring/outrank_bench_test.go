package scoring_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// BenchmarkOutranking measures one call per outranking, sorting and
// robustness method beside BenchmarkMethods, at 10×8 and 1000×10 on the
// same seeded problems. PROMETHEE-based methods use the linear preference
// function (q = 5, p = 20), ELECTRE III and TRI-B the thresholds q = 5,
// p = 20, v = 60, on values in 1–100. Sorting uses three classes.
func BenchmarkOutranking(b *testing.B) {
	linear := func(n int) []scoring.Preference {
		prefs := make([]scoring.Preference, n)
		for j := range prefs {
			prefs[j] = scoring.Preference{Function: scoring.Linear, Q: 5, P: 20}
		}
		return prefs
	}
	thresholds := func(n int) []scoring.PseudoCriterion {
		v := 60.0
		ts := make([]scoring.PseudoCriterion, n)
		for j := range ts {
			ts[j] = scoring.PseudoCriterion{Q: 5, P: 20, V: &v}
		}
		return ts
	}
	// profiles returns the given levels (best first) for benefit columns
	// and their mirror 101 − x for the cost columns (every third).
	profiles := func(n int, levels ...float64) [][]float64 {
		out := make([][]float64, len(levels))
		for k, x := range levels {
			out[k] = make([]float64, n)
			for j := range out[k] {
				out[k][j] = x
				if j%3 == 2 {
					out[k][j] = 101 - x
				}
			}
		}
		return out
	}
	classes := []string{"adopt", "pilot", "reject"}
	methods := []struct {
		token string
		run   func(p *scoring.Problem, w []float64, n int) error
	}{
		{"promethee1", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.PROMETHEEI{Preferences: linear(n)}.Evaluate(p, w)
			return err
		}},
		{"gaia", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.GAIA{Preferences: linear(n)}.Evaluate(p, w)
			return err
		}},
		{"electre1", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.ELECTREI{}.Evaluate(p, w)
			return err
		}},
		{"electre3", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.ELECTREIII{Thresholds: thresholds(n)}.Evaluate(p, w)
			return err
		}},
		{"mrsort", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.MRSort{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: profiles(n, 70, 40)}}.Evaluate(p, w)
			return err
		}},
		{"electre-tri-b", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.ELECTRETRIB{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: profiles(n, 70, 40)}, Thresholds: thresholds(n)}.Evaluate(p, w)
			return err
		}},
		{"flowsort", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.FlowSort{ClassProfiles: scoring.ClassProfiles{Classes: classes, Profiles: profiles(n, 101, 70, 40, 0)}, Preferences: linear(n)}.Evaluate(p, w)
			return err
		}},
		{"reversal-topsis", func(p *scoring.Problem, w []float64, n int) error {
			_, err := scoring.RankReversal(context.Background(), scoring.TOPSIS{}, p, w)
			return err
		}},
	}
	for _, meth := range methods {
		b.Run(meth.token, func(b *testing.B) {
			for _, s := range []struct{ m, n int }{{10, 8}, {1000, 10}} {
				b.Run(fmt.Sprintf("%dx%d", s.m, s.n), func(b *testing.B) {
					p, w := benchProblem(b, s.m, s.n)
					b.ReportAllocs()
					for b.Loop() {
						if err := meth.run(p, w, s.n); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
