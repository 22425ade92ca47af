package scoring_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// The car-purchase example of Rezaei (2016), "Best-worst multi-criteria
// decision-making method: Some properties and a linear model", Omega
// 64:126–130: criteria quality, price, comfort, safety, style; best = price
// (index 1), worst = style (index 4). Inputs are Tables 2, 3 and 4;
// outputs are the published figures of §3 (non-linear model: ξ* and weight
// intervals) and §4 (linear model: weights and ξᴸ), to 4 decimals.
func TestBWMPublishedRezaei2016(t *testing.T) {
	t.Parallel()
	const best, worst = 1, 4
	tests := []struct {
		name       string
		source     string
		bo, ow     []float64
		linear     []float64 // nil: not published
		xiL        float64
		xiStar     float64
		intervals  [][2]float64 // nil: not checked
		consistent bool
	}{
		{
			name:   "example 1, fully consistent",
			source: "Rezaei 2016, Table 2 (input), §4 (linear weights, ξᴸ = 0), §3 (ξ* = 0)",
			bo:     []float64{2, 1, 4, 2, 8}, ow: []float64{4, 8, 2, 4, 1},
			linear: []float64{0.2105, 0.4211, 0.1053, 0.2105, 0.0526}, xiL: 0, xiStar: 0,
			consistent: true,
		},
		{
			name:   "example 2",
			source: "Rezaei 2016, Table 3 (input), §4 (linear weights, ξᴸ = 0.0109), §3 (ξ* = 0.1459 and intervals)",
			bo:     []float64{2, 1, 4, 3, 8}, ow: []float64{4, 8, 2, 3, 1},
			linear: []float64{0.2295, 0.4481, 0.1148, 0.1530, 0.0546}, xiL: 0.0109, xiStar: 0.1459,
			intervals: [][2]float64{{0.2145, 0.2289}, {0.4461, 0.4571}, {0.1085, 0.1176}, {0.1563, 0.1602}, {0.0548, 0.0561}},
		},
		{
			name:   "example 3",
			source: "Rezaei 2016, Table 4 (input), §3 (ξ* = 1)",
			bo:     []float64{2, 1, 4, 3, 8}, ow: []float64{4, 8, 4, 2, 1},
			xiStar: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			lin, err := scoring.BWM{}.Weigh(best, worst, tc.bo, tc.ow)
			require.NoError(t, err, tc.source)
			assert.InDelta(t, 1, sum(lin.Weights), 1e-12)
			if tc.linear != nil {
				for j, w := range tc.linear {
					assert.InDelta(t, w, lin.Weights[j], 5e-5, "%s: w[%d]", tc.source, j)
				}
				assert.InDelta(t, tc.xiL, lin.Xi, 5e-5, tc.source)
			}
			assert.InDelta(t, tc.xiStar, lin.XiStar, 5e-5, tc.source)
			ci, _ := scoring.BWMConsistencyIndex(8)
			assert.InDelta(t, tc.xiStar/ci, lin.CR, 1e-4)
			assert.Equal(t, tc.consistent, lin.CR == 0)

			nl, err := scoring.BWM{Model: scoring.BWMNonLinear}.Weigh(best, worst, tc.bo, tc.ow)
			require.NoError(t, err)
			assert.InDelta(t, tc.xiStar, nl.Xi, 5e-5, tc.source)
			assert.InDelta(t, 1, sum(nl.Weights), 1e-12)
			require.Len(t, nl.Intervals, 5)
			for j, iv := range tc.intervals {
				assert.InDelta(t, iv[0], nl.Intervals[j][0], 5e-5, "%s: interval %d low", tc.source, j)
				assert.InDelta(t, iv[1], nl.Intervals[j][1], 5e-5, "%s: interval %d high", tc.source, j)
			}
			for j, w := range nl.Weights {
				// One optimal solution: inside every interval.
				assert.GreaterOrEqual(t, w, nl.Intervals[j][0]-1e-9)
				assert.LessOrEqual(t, w, nl.Intervals[j][1]+1e-9)
			}
		})
	}
}

// The published consistency index (Rezaei 2015, Omega 53:49–57, Table 5;
// reproduced in Rezaei 2016, Table 1) agrees with the root of the equation
// it was computed from, to its two decimals.
func TestBWMConsistencyIndexTable(t *testing.T) {
	t.Parallel()
	want := []float64{0, 0.44, 1.00, 1.63, 2.30, 3.00, 3.73, 4.47, 5.23}
	for k, w := range want {
		a := float64(k + 1)
		got, ok := scoring.BWMConsistencyIndex(a)
		require.True(t, ok)
		assert.Equal(t, w, got)
		root, ok := scoring.BWMConsistencyIndex(math.Nextafter(a, 0))
		if k > 0 {
			require.True(t, ok)
			assert.InDelta(t, w, root, 0.005, "a_BW = %g", a)
		}
	}
	for _, a := range []float64{0.5, 9.5, math.NaN(), math.Inf(1)} {
		_, ok := scoring.BWMConsistencyIndex(a)
		assert.False(t, ok, "%g", a)
	}
}

// A fully consistent input is reproduced exactly: w_B/w_j = a_Bj.
func TestBWMConsistentIsExact(t *testing.T) {
	t.Parallel()
	// Weights 8:4:2:1 → a_B = (1, 2, 4, 8), a_W = (8, 4, 2, 1).
	for _, model := range []scoring.BWMModel{scoring.BWMLinear, scoring.BWMNonLinear} {
		r, err := scoring.BWM{Model: model}.Weigh(0, 3, []float64{1, 2, 4, 8}, []float64{8, 4, 2, 1})
		require.NoError(t, err)
		for j, w := range []float64{8.0 / 15, 4.0 / 15, 2.0 / 15, 1.0 / 15} {
			assert.InDelta(t, w, r.Weights[j], 1e-9, "%v w[%d]", model, j)
		}
		assert.InDelta(t, 0, r.CR, 1e-9)
	}
	// Two criteria: w_B = a/(1 + a).
	r, err := scoring.BWM{}.Weigh(1, 0, []float64{3, 1}, []float64{1, 3})
	require.NoError(t, err)
	assert.InDelta(t, 0.75, r.Weights[1], 1e-12)
}

func TestBWMBadInput(t *testing.T) {
	t.Parallel()
	bo := []float64{2, 1, 4, 3, 8}
	ow := []float64{4, 8, 2, 3, 1}
	with := func(v []float64, j int, x float64) []float64 {
		c := slices.Clone(v)
		c[j] = x
		return c
	}
	tests := []struct {
		name        string
		model       scoring.BWMModel
		best, worst int
		bo, ow      []float64
		field       string
		col         int
		want        error
	}{
		{"best out of range", 0, 5, 4, bo, ow, "best", 5, scoring.ErrParam},
		{"worst negative", 0, 1, -1, bo, ow, "worst", -1, scoring.ErrParam},
		{"best is worst", 0, 1, 1, bo, ow, "worst", 1, scoring.ErrParam},
		{"one criterion", 0, 0, 0, []float64{1}, []float64{1}, "best_to_others", -1, scoring.ErrEmpty},
		{"lengths differ", 0, 1, 4, bo, ow[:4], "others_to_worst", -1, scoring.ErrLength},
		{"NaN", 0, 1, 4, with(bo, 2, math.NaN()), ow, "best_to_others", 2, scoring.ErrNotFinite},
		{"above 9", 0, 1, 4, bo, with(ow, 3, 10), "others_to_worst", 3, scoring.ErrDomain},
		{"below 1", 0, 1, 4, with(bo, 0, 0.5), ow, "best_to_others", 0, scoring.ErrDomain},
		{"a_BB not 1", 0, 1, 4, with(bo, 1, 2), ow, "best_to_others", 1, scoring.ErrDomain},
		{"a_WW not 1", 0, 1, 4, bo, with(ow, 4, 2), "others_to_worst", 4, scoring.ErrDomain},
		{"a_BW disagrees", 0, 1, 4, bo, with(ow, 1, 7), "others_to_worst", 1, scoring.ErrInconsistent},
		{"bad model", 7, 1, 4, bo, ow, "model", -1, scoring.ErrParam},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			boIn, owIn := slices.Clone(tc.bo), slices.Clone(tc.ow)
			_, err := scoring.BWM{Model: tc.model}.Weigh(tc.best, tc.worst, tc.bo, tc.ow)
			require.ErrorIs(t, err, tc.want)
			var ie *scoring.InputError
			require.True(t, errors.As(err, &ie), "%v", err)
			assert.Equal(t, tc.field, ie.Path)
			assert.Equal(t, tc.col, ie.Col)
			assert.True(t, cmp.Equal(boIn, tc.bo, cmpopts.EquateNaNs()), "caller data unchanged")
			assert.True(t, cmp.Equal(owIn, tc.ow, cmpopts.EquateNaNs()))
		})
	}
}

func TestBWMModelText(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(scoring.BWM{Model: scoring.BWMNonLinear})
	require.NoError(t, err)
	assert.JSONEq(t, `{"model":"nonlinear"}`, string(b))
	var back scoring.BWM
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, scoring.BWMNonLinear, back.Model)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"model":"quadratic"}`), &back), scoring.ErrUnknownName)
}

// Every input on the integer 1–9 scale gives finite weights summing to 1,
// and a consistency ratio in [0, 1] when no criterion is placed beyond the
// best or the worst; otherwise a note says so.
func TestBWMAllSmallInputs(t *testing.T) {
	t.Parallel()
	for a1 := 1.0; a1 <= 9; a1 += 4 {
		for aBW := 1.0; aBW <= 9; aBW++ {
			for b1 := 1.0; b1 <= 9; b1 += 4 {
				r, err := scoring.BWM{}.Weigh(0, 2, []float64{1, a1, aBW}, []float64{aBW, b1, 1})
				require.NoError(t, err)
				assert.InDelta(t, 1, sum(r.Weights), 1e-9)
				ordinal := a1 <= aBW && b1 <= aBW
				if ordinal {
					assert.True(t, r.CR >= 0 && r.CR <= 1+1e-6, "a=%v %v %v: CR %v", a1, aBW, b1, r.CR)
				}
				assert.Equal(t, !ordinal, slices.ContainsFunc(r.Notes, func(n scoring.Note) bool {
					return n.Code == "bwm-beyond-extremes"
				}), "a=%v %v %v", a1, aBW, b1)
			}
		}
	}
}

// The car example of Rezaei (2016, Table 3): price is the most important
// criterion and style the least.
func ExampleBWM() {
	criteria := []string{"quality", "price", "comfort", "safety", "style"}
	bestToOthers := []float64{2, 1, 4, 3, 8}  // price over each
	othersToWorst := []float64{4, 8, 2, 3, 1} // each over style
	res, err := scoring.BWM{}.Weigh(1, 4, bestToOthers, othersToWorst)
	if err != nil {
		fmt.Println(err)
		return
	}
	for j, c := range criteria {
		fmt.Printf("%-8s %.4f\n", c, res.Weights[j])
	}
	fmt.Printf("ξL %.4f  ξ* %.4f  CR %.4f\n", res.Xi, res.XiStar, res.CR)
	// Output:
	// quality  0.2295
	// price    0.4481
	// comfort  0.1148
	// safety   0.1530
	// style    0.0546
	// ξL 0.0109  ξ* 0.1459  CR 0.0326
}

// Random inputs of 3 to 8 criteria: the linear solution satisfies its own
// constraints with ξᴸ, and the non-linear weights satisfy the minmax
// constraints at ξ* and lie in the reported intervals.
func TestBWMRandomInputsFeasible(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 60 {
		n := 3 + rng.IntN(6)
		best, worst := rng.IntN(n), rng.IntN(n-1)
		if worst >= best {
			worst++
		}
		aBW := float64(2 + rng.IntN(8))
		bo, ow := make([]float64, n), make([]float64, n)
		for j := range n {
			bo[j], ow[j] = float64(1+rng.IntN(int(aBW))), float64(1+rng.IntN(int(aBW)))
		}
		bo[best], ow[worst], bo[worst], ow[best] = 1, 1, aBW, aBW
		lin, err := scoring.BWM{}.Weigh(best, worst, bo, ow)
		require.NoError(t, err, "trial %d", trial)
		for j := range n {
			assert.LessOrEqual(t, math.Abs(lin.Weights[best]-bo[j]*lin.Weights[j]), lin.Xi+1e-9, "trial %d", trial)
			assert.LessOrEqual(t, math.Abs(lin.Weights[j]-ow[j]*lin.Weights[worst]), lin.Xi+1e-9, "trial %d", trial)
		}
		nl, err := scoring.BWM{Model: scoring.BWMNonLinear}.Weigh(best, worst, bo, ow)
		require.NoError(t, err, "trial %d", trial)
		assert.InDelta(t, lin.XiStar, nl.Xi, 1e-12)
		assert.True(t, nl.CR >= 0 && !math.IsInf(nl.CR, 0), "trial %d: CR %v", trial, nl.CR)
		assert.InDelta(t, 1, sum(nl.Weights), 1e-9)
		w := nl.Weights
		for j := range n {
			assert.LessOrEqual(t, math.Abs(w[best]/w[j]-bo[j]), nl.Xi+1e-6, "trial %d", trial)
			assert.LessOrEqual(t, math.Abs(w[j]/w[worst]-ow[j]), nl.Xi+1e-6, "trial %d", trial)
			assert.GreaterOrEqual(t, w[j], nl.Intervals[j][0]-1e-9)
			assert.LessOrEqual(t, w[j], nl.Intervals[j][1]+1e-9)
		}
	}
}

// With a_BW = 2, a criterion as important as both the best and the worst
// next to one half-way from both forces ξ* = 0.5, above CI(2) = 0.44.
func TestBWMRatioAboveOne(t *testing.T) {
	t.Parallel()
	r, err := scoring.BWM{}.Weigh(0, 3, []float64{1, 1, 2, 2}, []float64{2, 1, 2, 1})
	require.NoError(t, err)
	assert.InDelta(t, 0.5, r.XiStar, 1e-9)
	assert.InDelta(t, 0.5/0.44, r.CR, 1e-8)
}
