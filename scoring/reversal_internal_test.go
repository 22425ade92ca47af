package scoring

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// antiDiagonal is the reviewer's problem: m−1 alternatives on a line where
// every gain on one criterion is a loss on the other, and one far ahead on
// the first, whose removal reverses every pair of the others under WSM's
// min–max normalisation.
func antiDiagonal(t *testing.T, m int) *Problem {
	t.Helper()
	rows := [][]float64{{float64(10 * m), 1}}
	for i := 1; i < m; i++ {
		rows = append(rows, []float64{float64(i), float64(m - i)})
	}
	crits := []Criterion{{Name: "x", Direction: Benefit}, {Name: "y", Direction: Benefit}}
	p, err := NewProblem(nil, crits, rows)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A rank reversal check whose reversed pairs would pass the memory bound
// returns a MemoryError (ErrTooLarge) that says how many pairs one check
// reverses, and no report; under the bound the report lists every pair.
func TestRankReversalMemoryBound(t *testing.T) {
	const m = 200
	p := antiDiagonal(t, m)
	w := []float64{0.6, 0.4}
	rep, err := rankReversal(context.Background(), WeightedSum{}, p, w, DefaultMaxMemory)
	if err != nil {
		t.Fatal(err)
	}
	want := (m - 1) * (m - 2) / 2 // every pair of the line, once the outlier is gone
	if got := len(rep.Checks[0].Reversed); got != want {
		t.Fatalf("leave-one-out of the outlier reverses %d pairs, want %d", got, want)
	}
	// A bound that holds the checks but not that many pairs.
	bound := int64(2*m+1)*200 + int64(want/2)*16
	rep, err = rankReversal(context.Background(), WeightedSum{}, p, w, bound)
	var me *MemoryError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &me) || rep != nil {
		t.Fatalf("bound %d: report %v, error %v; want a MemoryError and no report", bound, rep != nil, err)
	}
	if me.Analysis != "rank reversal" || me.Estimate <= me.Limit || me.Limit != bound {
		t.Errorf("MemoryError %+v", me)
	}
	if s := err.Error(); !strings.Contains(s, fmt.Sprintf("reverses %d pairs", want)) {
		t.Errorf("error %q does not say how many pairs", s)
	}
	// A bound below the checks themselves: refused before any ranking.
	if _, err := rankReversal(context.Background(), WeightedSum{}, p, w, 1000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bound 1000: %v, want ErrTooLarge", err)
	}
}

// reversedPairs lists exactly the pairs a quadratic scan finds, counts
// them, and lists none (only the count) when they pass the budget.
func TestReversedPairsCountAndBudget(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 200 {
		m := 1 + rng.IntN(30)
		before, after := make([]int, m), make([]int, m)
		for i := range m {
			before[i] = 1 + rng.IntN(m)
			if rng.IntN(5) > 0 {
				after[i] = 1 + rng.IntN(m+1)
			}
		}
		worstFirst := make([]int, m)
		for i := range worstFirst {
			worstFirst[i] = i
		}
		slices.SortStableFunc(worstFirst, func(a, b int) int { return before[b] - before[a] })
		var want [][2]int
		for a := range m {
			for b := range m {
				if after[a] > 0 && after[b] > 0 && before[a] < before[b] && after[a] > after[b] {
					want = append(want, [2]int{a, b})
				}
			}
		}
		got, n := reversedPairs(before, after, worstFirst, m*m)
		if n != len(want) || !slices.Equal(got, want) && len(want) > 0 {
			t.Fatalf("trial %d: %v (%d), want %v", trial, got, n, want)
		}
		if len(want) > 0 {
			got, n = reversedPairs(before, after, worstFirst, len(want)-1)
			if len(got) != 0 || n != len(want) {
				t.Fatalf("trial %d, budget %d: %d pairs listed, count %d; want none listed, count %d", trial, len(want)-1, len(got), n, len(want))
			}
		}
	}
}
