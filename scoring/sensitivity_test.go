package scoring_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// pathWeights returns the weights of the one-at-a-time path: w_j = t and
// the others rescaled in proportion (shared equally if base[j] = 1).
func pathWeights(base []float64, j int, t float64) []float64 {
	w := make([]float64, len(base))
	for k, b := range base {
		switch {
		case k == j:
			w[k] = t
		case base[j] < 1:
			w[k] = b * (1 - t) / (1 - base[j])
		default:
			w[k] = (1 - t) / float64(len(base)-1)
		}
	}
	return w
}

// TestSensitivityTwoByTwo checks the closed form on smaaTwoByTwo at equal
// weights: A2 is best (0.7 against 0.625), and A1 overtakes it when w1
// exceeds 5/9 (a rise of 1/18) or, equivalently, w2 falls below 4/9.
func TestSensitivityTwoByTwo(t *testing.T) {
	t.Parallel()
	res, err := scoring.Sensitivity{}.Run(context.Background(), smaaTwoByTwo(), []float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Exact || res.Method != "wsm" {
		t.Errorf("Exact = %v, Method = %q; want true, wsm", res.Exact, res.Method)
	}
	want := []scoring.TopChange{
		{Found: true, Weight: 5.0 / 9, Change: 1.0 / 18, From: 1, To: 0},
		{Found: true, Weight: 4.0 / 9, Change: -1.0 / 18, From: 1, To: 0},
	}
	for j, sw := range res.Sweeps {
		got := sw.Top
		if got.Found != want[j].Found || got.From != want[j].From || got.To != want[j].To ||
			math.Abs(got.Weight-want[j].Weight) > 1e-12 || math.Abs(got.Change-want[j].Change) > 1e-12 {
			t.Errorf("criterion %d: top change %+v, want %+v", j, got, want[j])
		}
		if len(sw.Reversals) != 1 || sw.Reversals[0].A != 1 || math.Abs(sw.Reversals[0].Weight-want[j].Weight) > 1e-12 {
			t.Errorf("criterion %d: reversals %+v, want A2 over A1 at %v", j, sw.Reversals, want[j].Weight)
		}
		if len(sw.Grid) != 101 || len(sw.Scores) != 2 || len(sw.Scores[0]) != 101 {
			t.Errorf("criterion %d: grid of %d points, scores %dx%d; want 101, 2x101", j, len(sw.Grid), len(sw.Scores), len(sw.Scores[0]))
		}
	}
	if j, ok := res.MostSensitive(); !ok || j != 0 {
		t.Errorf("MostSensitive() = %d, %v; want 0, true (ties go to the first)", j, ok)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Error(err)
	}
}

// bruteForce sweeps criterion j on a grid of steps intervals through
// Method.Rank and returns, for the pair (a, b) with a ahead at the base,
// the grid point nearest the base where b is ahead, and the nearest grid
// point where the best alternative differs from the base.
func bruteForce(t *testing.T, meth scoring.Method, p *scoring.Problem, base []float64, j, steps int) (best int, topAt float64, topOK bool, baseRanks []int, ranks [][]int, ts []float64) {
	t.Helper()
	r0, err := meth.Rank(p, base)
	if err != nil {
		t.Fatal(err)
	}
	best, baseRanks = r0.Best(), r0.Ranks
	for k := 0; k <= steps; k++ {
		tt := float64(k) / float64(steps)
		r, err := meth.Rank(p, pathWeights(base, j, tt))
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, tt)
		ranks = append(ranks, r.Ranks)
		if r.Best() != best && (!topOK || math.Abs(tt-base[j]) < math.Abs(topAt-base[j])) {
			topAt, topOK = tt, true
		}
	}
	return best, topAt, topOK, baseRanks, ranks, ts
}

// TestSensitivityBruteForce checks thresholds (closed form for the
// weighted sum and PROMETHEE II, numerical for TOPSIS and VIKOR) against
// a brute-force sweep of Method.Rank on a grid 50 times finer than the
// default: every reported threshold must lie within one brute-force step
// of the nearest change the sweep sees, and a pair reported as never
// reversing must keep its order on the whole sweep.
func TestSensitivityBruteForce(t *testing.T) {
	t.Parallel()
	steps := 5000
	if testing.Short() {
		steps = 1000
	}
	// A threshold on a grid point is seen one step later (at the point
	// itself the pair ties), so allow one step plus rounding.
	h := 1/float64(steps) + 1e-9
	p := smaaBenchProblem(6, 4)
	base := []float64{0.4, 0.1, 0.3, 0.2}
	for _, meth := range []scoring.Method{scoring.WeightedSum{}, scoring.PROMETHEEII{}, scoring.SPOTIS{}, scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.EDAS{}} {
		res, err := scoring.Sensitivity{Method: meth}.Run(context.Background(), p, base)
		if err != nil {
			t.Fatal(err)
		}
		for j, sw := range res.Sweeps {
			best, topAt, topOK, baseRanks, ranks, ts := bruteForce(t, meth, p, base, j, steps)
			if sw.Top.From != best || sw.Top.Found != topOK || (topOK && math.Abs(sw.Top.Weight-topAt) > h) {
				t.Errorf("%s criterion %d: top %+v; brute force: from %d, change at %v (found %v)", res.Method, j, sw.Top, best, topAt, topOK)
			}
			reported := map[[2]int]float64{}
			for _, rv := range sw.Reversals {
				reported[[2]int{rv.A, rv.B}] = rv.Weight
			}
			m := len(res.Alternatives)
			for a := range m {
				for b := range m {
					wAt, ok := reported[[2]int{a, b}]
					if !ok {
						continue
					}
					// Nearest grid point to the base where b is ranked above a.
					near, found := 0.0, false
					for k, tt := range ts {
						if ranks[k][b] < ranks[k][a] && (!found || math.Abs(tt-base[j]) < math.Abs(near-base[j])) {
							near, found = tt, true
						}
					}
					if !found || math.Abs(near-wAt) > h {
						t.Errorf("%s criterion %d: %d overtakes %d at %v; brute force %v (found %v)", res.Method, j, b, a, wAt, near, found)
					}
				}
			}
			// Pairs never reported must never swap on the sweep.
			for a := range m {
				for b := range m {
					if a == b {
						continue
					}
					_, ab := reported[[2]int{a, b}]
					_, ba := reported[[2]int{b, a}]
					if ab || ba {
						continue
					}
					for k := range ts {
						if baseRanks[a] < baseRanks[b] && ranks[k][b] < ranks[k][a] {
							t.Errorf("%s criterion %d: %d and %d swap at %v but no reversal is reported", res.Method, j, a, b, ts[k])
							break
						}
					}
				}
			}
		}
	}
}

// TestSensitivityExactMatchesNumerical checks that the bisection path,
// forced by hiding PROMETHEE II's kernel, finds the closed-form thresholds
// to 1e-9.
func TestSensitivityExactMatchesNumerical(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(7, 5)
	base := []float64{1, 2, 3, 4, 5}
	for _, meth := range []scoring.Method{scoring.PROMETHEEII{}, scoring.WeightedSum{}, scoring.SPOTIS{}, scoring.MOORA{}} {
		exact, err := scoring.Sensitivity{Method: meth}.Run(context.Background(), p, base)
		if err != nil {
			t.Fatal(err)
		}
		num, err := scoring.Sensitivity{Method: rankOnly{meth}}.Run(context.Background(), p, base)
		if err != nil {
			t.Fatal(err)
		}
		if !exact.Exact || num.Exact {
			t.Fatalf("Exact flags %v, %v; want true, false", exact.Exact, num.Exact)
		}
		for j := range exact.Sweeps {
			e, n := exact.Sweeps[j], num.Sweeps[j]
			if e.Top.Found != n.Top.Found || e.Top.To != n.Top.To || math.Abs(e.Top.Weight-n.Top.Weight) > 1e-9 {
				t.Errorf("%s criterion %d: exact top %+v, numerical %+v", exact.Method, j, e.Top, n.Top)
			}
			if len(e.Reversals) != len(n.Reversals) {
				t.Errorf("%s criterion %d: %d exact reversals, %d numerical", exact.Method, j, len(e.Reversals), len(n.Reversals))
				continue
			}
			// Reversals at the same weight may be listed in either order.
			numerical := map[[2]int]float64{}
			for _, y := range n.Reversals {
				numerical[[2]int{y.A, y.B}] = y.Weight
			}
			for _, x := range e.Reversals {
				y, ok := numerical[[2]int{x.A, x.B}]
				if !ok || math.Abs(x.Weight-y) > 1e-9 {
					t.Errorf("%s criterion %d: reversal %+v exact, numerical at %v (found %v)", exact.Method, j, x, y, ok)
				}
			}
		}
	}
}

// TestSensitivityEdgeCases covers one criterion, a base weight of 1 and
// identical alternatives: no panic, no NaN, defined answers.
func TestSensitivityEdgeCases(t *testing.T) {
	t.Parallel()
	one := scoring.MustNewProblem(nil, []scoring.Criterion{{Name: "x", Direction: scoring.Cost}}, [][]float64{{3}, {2}})
	res, err := scoring.Sensitivity{Method: scoring.TOPSIS{}}.Run(context.Background(), one, []float64{5})
	if err != nil {
		t.Fatal(err)
	}
	if sw := res.Sweeps[0]; sw.Top.Found || sw.Top.From != 1 || len(sw.Reversals) != 0 {
		t.Errorf("one criterion: %+v, want no change and A2 on top", sw)
	}
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "a", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Benefit}},
		[][]float64{{5, 5}, {5, 5}, {1, 9}})
	for _, meth := range []scoring.Method{scoring.WeightedSum{}, scoring.TOPSIS{}} {
		res, err := scoring.Sensitivity{Method: meth, Steps: 10}.Run(context.Background(), p, []float64{1, 0})
		if err != nil {
			t.Fatal(err)
		}
		for _, sw := range res.Sweeps {
			for _, rv := range sw.Reversals {
				if rv.A == 0 && rv.B == 1 {
					t.Errorf("%s: identical alternatives reported as reversing: %+v", res.Method, rv)
				}
				if math.IsNaN(rv.Weight) {
					t.Errorf("%s: NaN threshold", res.Method)
				}
			}
		}
		if _, err := json.Marshal(res); err != nil {
			t.Errorf("%s: %v", res.Method, err)
		}
	}
}

// TestSensitivityBadInput checks the typed errors.
func TestSensitivityBadInput(t *testing.T) {
	t.Parallel()
	p := smaaTwoByTwo()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	cases := []struct {
		name    string
		s       scoring.Sensitivity
		ctx     context.Context
		p       *scoring.Problem
		w       []float64
		wantErr error
	}{
		{"negative steps", scoring.Sensitivity{Steps: -1}, context.Background(), p, []float64{1, 1}, scoring.ErrParam},
		{"too many steps", scoring.Sensitivity{Steps: 2_000_000}, context.Background(), p, []float64{1, 1}, scoring.ErrParam},
		{"weights length", scoring.Sensitivity{}, context.Background(), p, []float64{1}, scoring.ErrLength},
		{"weights NaN", scoring.Sensitivity{}, context.Background(), p, []float64{math.NaN(), 1}, scoring.ErrNotFinite},
		{"weights zero", scoring.Sensitivity{}, context.Background(), p, []float64{0, 0}, scoring.ErrWeights},
		{"nil problem", scoring.Sensitivity{}, context.Background(), nil, []float64{1, 1}, scoring.ErrEmpty},
		{"method parameter", scoring.Sensitivity{Method: scoring.VIKOR{V: -1}}, context.Background(), p, []float64{1, 1}, scoring.ErrParam},
		{"cancelled", scoring.Sensitivity{}, cancelled, p, []float64{1, 1}, context.Canceled},
	}
	for _, tc := range cases {
		res, err := tc.s.Run(tc.ctx, tc.p, tc.w)
		if res != nil || !errors.Is(err, tc.wantErr) {
			t.Errorf("%s: Run = %v, %v; want nil and %v", tc.name, res, err, tc.wantErr)
		}
	}
}

// A tie reached only at an end of the weight range is not a change of the
// top alternative, on the exact path (WSM) and on the grid path (TOPSIS)
// alike: B and A are level on c1 and A leads on c2, so with all the
// weight on c1 they tie, and B's lower index must not make it "win".
func TestSensitivityEndTieIsNotAChange(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem([]string{"B", "A"},
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit}},
		[][]float64{{5, 1}, {5, 9}})
	for _, m := range []scoring.Method{scoring.WeightedSum{}, scoring.TOPSIS{}} {
		res, err := scoring.Sensitivity{Method: m}.Run(context.Background(), p, []float64{0.5, 0.5})
		require.NoError(t, err)
		top := res.Sweeps[0].Top
		assert.Equal(t, 1, top.From, "%T: A is best at the base", m)
		assert.False(t, top.Found, "%T: a tie at weight 1 is not a change: %+v", m, top)
	}
}

// TestSensitivityProgress checks the progress contract on the exact path
// (WSM) and the numerical one (TOPSIS): a fixed total of
// n·(Steps+1) + n·m(m−1)/2 units, done never decreasing, the last call
// done == total.
func TestSensitivityProgress(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(40, 3)
	for _, meth := range []scoring.Method{scoring.WeightedSum{}, scoring.TOPSIS{}} {
		var seen [][2]int
		s := scoring.Sensitivity{Method: meth, Steps: 50, Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) }}
		_, err := s.Run(context.Background(), p, []float64{1, 2, 3})
		require.NoError(t, err)
		const want = 3*51 + 3*40*39/2
		require.GreaterOrEqual(t, len(seen), 3, "one call per criterion at least")
		for k, c := range seen {
			assert.Equal(t, want, c[1], "total of call %d", k)
			if k > 0 {
				assert.GreaterOrEqual(t, c[0], seen[k-1][0], "done went %v then %v", seen[k-1], c)
			}
		}
		assert.Equal(t, want, seen[len(seen)-1][0], "last call")
	}
}

// TestSensitivityCancel checks that cancelling stops a scan inside a
// criterion: from Progress in the middle of the pairwise pass (no further
// call after it), and while a slow outside method scans the grid (at most
// one more evaluation after it).
func TestSensitivityCancel(t *testing.T) {
	t.Parallel()
	t.Run("pairs", func(t *testing.T) {
		t.Parallel()
		const m, steps = 2000, 10
		p := smaaBenchProblem(m, 2)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls, after := 0, 0
		s := scoring.Sensitivity{Steps: steps, Progress: func(done, total int) {
			if ctx.Err() != nil {
				after++
				return
			}
			calls++
			if done > steps+1 && done < total/4 {
				cancel() // inside criterion 0's pairs
			}
		}}
		res, err := s.Run(ctx, p, []float64{1, 1})
		if res != nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("Run = %v, %v; want nil, context.Canceled", res, err)
		}
		if calls == 0 || after != 0 {
			t.Errorf("%d progress calls before the cancellation, %d after; want some, then none", calls, after)
		}
	})
	t.Run("grid", func(t *testing.T) {
		t.Parallel()
		p := smaaBenchProblem(1<<15, 2) // 2^16 cells: the context is checked at every evaluation
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var calls atomic.Int64
		meth := countingMethod{calls: &calls, cancelAt: 4, cancel: cancel}
		res, err := scoring.Sensitivity{Method: meth, Steps: 100}.Run(ctx, p, []float64{1, 1})
		if res != nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("Run = %v, %v; want nil, context.Canceled", res, err)
		}
		if n := calls.Load(); n > 5 {
			t.Errorf("the method was called %d times; cancelled at call 4, Run should stop after at most one more", n)
		}
	})
}

// TestSensitivityMemoryBound checks that a grid too large for the bound
// fails with a *MemoryError naming the steps that fit, before the method
// is called.
func TestSensitivityMemoryBound(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(1000, 4)
	res, err := scoring.Sensitivity{Method: panicMethod{t}, Steps: 100_000}.Run(context.Background(), p, []float64{1, 1, 1, 1})
	var me *scoring.MemoryError
	if res != nil || !errors.Is(err, scoring.ErrTooLarge) || !errors.As(err, &me) {
		t.Fatalf("Run = %v, %v; want a *MemoryError", res, err)
	}
	// 8·1000·4·100001 + 8·1000·100001 + 8·4000 + 48·1000 bytes.
	const want int64 = 8*1000*4*100001 + 8*1000*100001 + 8*4000 + 48*1000
	if me.Estimate != want || me.Limit != scoring.DefaultMaxMemory || me.Analysis != "sensitivity" {
		t.Errorf("%+v; want estimate %d over the default bound", me, want)
	}
	if !strings.Contains(err.Error(), `"steps"`) || !strings.Contains(err.Error(), "at most 26840 fit") {
		t.Errorf("message %q should name the steps that fit", err)
	}
	if _, err := (scoring.Sensitivity{Steps: 26840}).Run(context.Background(), smaaBenchProblem(3, 4), []float64{1, 1, 1, 1}); err != nil {
		t.Errorf("a small problem with many steps: %v", err)
	}
	_, err = scoring.Sensitivity{MaxMemory: -1}.Run(context.Background(), p, []float64{1, 1, 1, 1})
	var ie *scoring.InputError
	if !errors.Is(err, scoring.ErrParam) || !errors.As(err, &ie) || ie.Path != "max_memory" {
		t.Errorf("negative MaxMemory: %v; want an *InputError on max_memory", err)
	}
}

// The reversals count against MaxMemory: alternatives on an anti-diagonal
// all swap order as a weight moves (m(m−1)/2 per criterion), which under
// a small bound ends the run with a MemoryError naming the bound's option
// — on the exact path (WSM) and the numerical one (TOPSIS) — and under the
// default bound lists every one of them.
func TestSensitivityReversalsWithinMaxMemory(t *testing.T) {
	t.Parallel()
	antiDiagonal := func(m int) *scoring.Problem {
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{float64(i + 1), float64(m - i)}
		}
		return scoring.MustNewProblem(nil, []scoring.Criterion{{Name: "x", Direction: scoring.Benefit}, {Name: "y", Direction: scoring.Benefit}}, rows)
	}
	for _, tc := range []struct {
		method scoring.Method
		m      int
	}{{scoring.WeightedSum{}, 1000}, {scoring.TOPSIS{}, 120}} {
		p := antiDiagonal(tc.m)
		w := []float64{0.5, 0.5}
		res, err := scoring.Sensitivity{Method: tc.method, Steps: 10}.Run(context.Background(), p, w)
		require.NoError(t, err)
		total := 0
		for _, sw := range res.Sweeps {
			total += len(sw.Reversals)
		}
		require.Greater(t, total, tc.m*(tc.m-1)/2, "%T: the test needs more reversals than one criterion's pairs", tc.method)
		// A bound that holds the analysis but a tenth of its reversals.
		bound := int64(8*tc.m*2*11+8*tc.m*11+8*tc.m*2+48*tc.m) + int64(total/10)*32
		_, err = scoring.Sensitivity{Method: tc.method, Steps: 10, MaxMemory: bound}.Run(context.Background(), p, w)
		var me *scoring.MemoryError
		require.ErrorIs(t, err, scoring.ErrTooLarge, "%T", tc.method)
		require.ErrorAs(t, err, &me)
		assert.Equal(t, "sensitivity", me.Analysis)
		assert.Equal(t, "MaxMemory", me.Option)
		assert.Equal(t, bound, me.Limit)
		assert.Greater(t, me.Estimate, me.Limit)
		assert.Contains(t, err.Error(), "pairs of alternatives swap order")
	}
}
