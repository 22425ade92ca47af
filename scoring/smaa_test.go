package scoring_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/socialseat/socialseat/scoring"
)

// smaaTwoByTwo is a 2×2 benefit problem whose Max-normalised matrix is
// A1 = (1, 0.25), A2 = (0.4, 1). Under the weighted sum A1 beats A2 iff
// 0.6·w1 > 0.75·w2, that is iff w1 > 5/9 on the simplex w2 = 1 − w1.
func smaaTwoByTwo() *scoring.Problem {
	return scoring.MustNewProblem([]string{"A1", "A2"},
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit}},
		[][]float64{{10, 2}, {4, 8}})
}

// within reports whether got is within k binomial standard errors of the
// probability want estimated from n samples (with a floor for want ∈ {0, 1}).
func within(got, want float64, n int, k float64) bool {
	se := math.Sqrt(math.Max(want*(1-want), 1e-6) / float64(n))
	return math.Abs(got-want) <= k*se
}

func checkSMAAInvariants(t *testing.T, res *scoring.SMAAResult) {
	t.Helper()
	m := len(res.Alternatives)
	for i := range m {
		row, col := 0.0, 0.0
		for r := range m {
			row += res.RankAcceptability[i][r]
			col += res.RankAcceptability[r][i]
		}
		if math.Abs(row-1) > 1e-9 || math.Abs(col-1) > 1e-9 {
			t.Errorf("rank acceptability row %d sums to %v, column %d to %v; want 1", i, row, i, col)
		}
		sum := 0.0
		for _, w := range res.CentralWeights[i] {
			sum += w
		}
		if res.RankAcceptability[i][0] > 0 && math.Abs(sum-1) > 1e-9 {
			t.Errorf("central weights of %d sum to %v, want 1", i, sum)
		}
		if res.RankAcceptability[i][0] == 0 && sum != 0 {
			t.Errorf("alternative %d is never first but has central weights %v", i, res.CentralWeights[i])
		}
	}
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("json.Marshal(result) = %v; a result must always marshal", err)
	}
}

// TestSMAATwoByTwoAnalytic checks SMAA-2 on smaaTwoByTwo against the exact
// values: with w1 uniform on [0, 1], b_1^1 = P(w1 > 5/9) = 4/9, and the
// central weights are the centroids of [5/9, 1] and [0, 5/9].
func TestSMAATwoByTwoAnalytic(t *testing.T) {
	t.Parallel()
	const n = 200_000
	res, err := scoring.SMAA{Samples: n, Seed: 42}.Run(context.Background(), smaaTwoByTwo())
	if err != nil {
		t.Fatal(err)
	}
	checkSMAAInvariants(t, res)
	if got, want := res.RankAcceptability[0][0], 4.0/9; !within(got, want, n, 4) {
		t.Errorf("b_1^1 = %v, want %v ± 4σ", got, want)
	}
	// w1 given A1 first is uniform on [5/9, 1]: sd (4/9)/√12 over 4n/9 draws.
	for i, want := range []float64{7.0 / 9, 5.0 / 18} {
		width := 4.0 / 9
		if i == 1 {
			width = 5.0 / 9
		}
		se := width / math.Sqrt(12) / math.Sqrt(width*n)
		if got := res.CentralWeights[i][0]; math.Abs(got-want) > 4*se {
			t.Errorf("central weight w1 of A%d = %v, want %v ± %v", i+1, got, want, 4*se)
		}
	}
	if !slices.Equal(res.Confidence, []float64{1, 1}) {
		t.Errorf("confidence = %v, want [1 1] with exact values", res.Confidence)
	}
	if res.Method != "wsm" || res.Samples != n || res.Seed != 42 {
		t.Errorf("echoed settings %q %d %d, want wsm %d 42", res.Method, res.Samples, res.Seed, n)
	}
}

// TestSMAAWeightSpaces checks first-rank acceptabilities of A1 in
// smaaTwoByTwo under each kind of partial preference information, where
// the distribution of w1 is known exactly.
func TestSMAAWeightSpaces(t *testing.T) {
	t.Parallel()
	const n = 100_000
	const t0 = 5.0 / 9 // A1 is first iff w1 > t0
	cases := []struct {
		name    string
		weights scoring.WeightSpace
		want    float64
		source  string
	}{
		{"uniform", scoring.WeightSpace{}, 4.0 / 9, "w1 ~ U(0, 1)"},
		{"bounds", scoring.WeightSpace{Lower: []float64{0.3, 0}, Upper: []float64{0.9, 1}}, (0.9 - t0) / 0.6, "w1 ~ U(0.3, 0.9)"},
		{"upper bound only", scoring.WeightSpace{Upper: []float64{1, 0.6}}, (1 - t0) / 0.6, "w2 ≤ 0.6: w1 ~ U(0.4, 1)"},
		{"ordinal w1 ≥ w2", scoring.WeightSpace{Order: []int{0, 1}}, (1 - t0) / 0.5, "w1 ~ U(0.5, 1)"},
		{"ordinal w2 ≥ w1", scoring.WeightSpace{Order: []int{1, 0}}, 0, "w1 ~ U(0, 0.5) never exceeds 5/9"},
		{"box around centre", scoring.WeightSpace{Center: []float64{1, 1}, Spread: 0.1}, (0.6 - t0) / 0.2, "w1 ~ U(0.4, 0.6)"},
		// Dirichlet(κc) with κ = 2, c = (½, ½) is Beta(1, 1) in w1: uniform.
		{"dirichlet uniform", scoring.WeightSpace{Center: []float64{0.5, 0.5}, Concentration: 2}, 4.0 / 9, "Dirichlet(1, 1) = U(0, 1)"},
		// κ = 4, c = (½, ½): w1 ~ Beta(2, 2), P(w1 > t) = 1 − 3t² + 2t³.
		{"dirichlet beta(2,2)", scoring.WeightSpace{Center: []float64{1, 1}, Concentration: 4}, 1 - 3*t0*t0 + 2*t0*t0*t0, "Beta(2, 2) tail"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := scoring.SMAA{Samples: n, Seed: 7, Weights: tc.weights}.Run(context.Background(), smaaTwoByTwo())
			if err != nil {
				t.Fatal(err)
			}
			checkSMAAInvariants(t, res)
			if got := res.RankAcceptability[0][0]; !within(got, tc.want, n, 4) {
				t.Errorf("b_1^1 = %v, want %v ± 4σ (%s)", got, tc.want, tc.source)
			}
		})
	}
}

// TestSMAAOrdinalCentroid checks that ordinal weights are uniform on the
// cell w1 ≥ w2 ≥ w3: with a dominating alternative its central weights are
// the mean of all samples, the centroid of the cell's vertices (1,0,0),
// (½,½,0), (⅓,⅓,⅓), which is (11/18, 5/18, 2/18).
func TestSMAAOrdinalCentroid(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "a", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Benefit}, {Name: "c", Direction: scoring.Cost}},
		[][]float64{{9, 9, 1}, {5, 7, 3}, {8, 2, 2}})
	const n = 50_000
	res, err := scoring.SMAA{Samples: n, Seed: 3, Weights: scoring.WeightSpace{Order: []int{2, 0, 1}}}.Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if res.RankAcceptability[0][0] != 1 {
		t.Fatalf("dominating alternative has b^1 = %v, want exactly 1", res.RankAcceptability[0][0])
	}
	// Order {2, 0, 1}: w_c ≥ w_a ≥ w_b.
	want := []float64{5.0 / 18, 2.0 / 18, 11.0 / 18}
	for j, w := range res.CentralWeights[0] {
		// Each coordinate lies in [0, 1]; its sd is below 0.3.
		if math.Abs(w-want[j]) > 4*0.3/math.Sqrt(n) {
			t.Errorf("central weight %d = %v, want %v", j, w, want[j])
		}
	}
	for i := 1; i < 3; i++ {
		if res.Confidence[i] != 0 || slices.Max(res.CentralWeights[i]) != 0 {
			t.Errorf("never-first alternative %d: confidence %v, central %v; want zeros", i, res.Confidence[i], res.CentralWeights[i])
		}
	}
}

// TestSMAADominating checks that an alternative at least as good on every
// criterion and better on one is first in every sample, for every built-in
// method and weight space.
func TestSMAADominating(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "q", Direction: scoring.Benefit}, {Name: "cost", Direction: scoring.Cost}, {Name: "r", Direction: scoring.Benefit}},
		[][]float64{{6, 3, 7}, {9, 2, 8}, {5, 5, 5}, {9, 4, 1}})
	methods := []scoring.Method{scoring.WeightedSum{}, scoring.WeightedProduct{}, scoring.TOPSIS{},
		scoring.NewVIKOR(), scoring.PROMETHEEII{}, scoring.COPRAS{},
		scoring.EDAS{}, scoring.MABAC{}, scoring.SPOTIS{}, scoring.MOORA{}}
	for _, meth := range methods {
		res, err := scoring.SMAA{Method: meth, Samples: 5000, Seed: 11}.Run(context.Background(), p)
		if err != nil {
			t.Fatalf("%T: %v", meth, err)
		}
		checkSMAAInvariants(t, res)
		if res.RankAcceptability[1][0] != 1 || res.Confidence[1] != 1 {
			t.Errorf("%s: dominating alternative has b^1 = %v, confidence %v; want exactly 1, 1",
				res.Method, res.RankAcceptability[1][0], res.Confidence[1])
		}
	}
}

// TestSMAAIdenticalAlternatives checks the tie rule: identical alternatives
// share their ranks equally, so two identical best alternatives each have
// b^1 = b^2 = ½ exactly.
func TestSMAAIdenticalAlternatives(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "a", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Benefit}},
		[][]float64{{1, 1}, {5, 5}, {5, 5}})
	res, err := scoring.SMAA{Samples: 10_000, Seed: 1}.Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	checkSMAAInvariants(t, res)
	want := [][]float64{{0, 0, 1}, {0.5, 0.5, 0}, {0.5, 0.5, 0}}
	if !reflect.DeepEqual(res.RankAcceptability, want) {
		t.Errorf("rank acceptability = %v, want %v", res.RankAcceptability, want)
	}
	if !slices.Equal(res.Confidence, []float64{0, 0.5, 0.5}) {
		t.Errorf("confidence = %v, want [0 0.5 0.5]", res.Confidence)
	}
}

// TestSMAAValueUncertainty checks rank acceptability and confidence with
// uncertain values on one criterion, where the weight is always 1: with
// X = 10(1 + 0.2U₁) and Y = 9(1 + 0.2U₂), U uniform on [−1, 1],
// P(X > Y) = 6.16/14.4 + 0.3 = 0.727777… (integrating the two uniform laws).
func TestSMAAValueUncertainty(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem(nil, []scoring.Criterion{{Name: "x", Direction: scoring.Benefit}}, [][]float64{{10}, {9}})
	const n = 100_000
	want := 6.16/14.4 + 0.3
	// Reuse beyond a block (4096) means one draw per block.
	for _, reuse := range []int{0, 16, math.MaxInt} {
		res, err := scoring.SMAA{Samples: n, Seed: 5, Values: scoring.ValueUncertainty{Fraction: 0.2, Reuse: reuse}}.Run(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		checkSMAAInvariants(t, res)
		draws := n / max(1, min(reuse, 4096))
		if got := res.RankAcceptability[0][0]; !within(got, want, draws, 4) {
			t.Errorf("reuse %d: b_1^1 = %v, want %v", reuse, got, want)
		}
		if got := res.Confidence[0]; !within(got, want, draws, 4) {
			t.Errorf("reuse %d: confidence of A1 = %v, want %v", reuse, got, want)
		}
		if got := res.Confidence[1]; !within(got, 1-want, draws, 4) {
			t.Errorf("reuse %d: confidence of A2 = %v, want %v", reuse, got, 1-want)
		}
	}
}

// TestSMAANormalNoise checks normal noise on the same problem: the
// difference X − Y of independent normals (truncation at 3σ is
// negligible) has mean 1 and sd √(2² + 1.8²)·σ-fraction, here with f = 0.1.
func TestSMAANormalNoise(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem(nil, []scoring.Criterion{{Name: "x", Direction: scoring.Benefit}}, [][]float64{{10}, {9}})
	const n = 50_000
	sd := math.Hypot(1, 0.9)
	want := 0.5 * math.Erfc(-1/sd/math.Sqrt2)
	res, err := scoring.SMAA{Samples: n, Seed: 5, Values: scoring.ValueUncertainty{Distribution: scoring.NormalNoise, Fraction: 0.1}}.Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	// The 3σ truncation moves the probability by far less than 1e-3.
	if got := res.RankAcceptability[0][0]; math.Abs(got-want) > 4*math.Sqrt(want*(1-want)/n)+1e-3 {
		t.Errorf("b_1^1 = %v, want %v", got, want)
	}
}

// TestSMAADeterminism runs the same configuration with 1 and 4 workers and
// requires bit-identical results, for the kernel path with bounds and with
// uncertain values, and for a method outside the package.
func TestSMAADeterminism(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(7, 4)
	configs := map[string]scoring.SMAA{
		"wsm uniform":    {Samples: 30_001, Seed: 99},
		"topsis bounds":  {Method: scoring.TOPSIS{}, Samples: 20_000, Seed: 1, Weights: scoring.WeightSpace{Lower: []float64{0.1, 0, 0, 0.2}, Upper: []float64{0.5, 1, 0.4, 1}}},
		"vikor ordinal":  {Method: scoring.NewVIKOR(), Samples: 9000, Seed: 2, Weights: scoring.WeightSpace{Order: []int{3, 1, 0, 2}}},
		"wpm dirichlet":  {Method: scoring.WeightedProduct{}, Samples: 9000, Seed: 3, Weights: scoring.WeightSpace{Center: []float64{1, 2, 3, 4}, Concentration: 5}},
		"promethee vals": {Method: scoring.PROMETHEEII{}, Samples: 9000, Seed: 4, Values: scoring.ValueUncertainty{Fraction: 0.1, Reuse: 3}},
		"spotis lower":   {Method: scoring.SPOTIS{}, Samples: 9000, Seed: 6},
		"external":       {Method: rankOnly{scoring.COPRAS{}}, Samples: 9000, Seed: 5, Values: scoring.ValueUncertainty{Distribution: scoring.NormalNoise, Fraction: 0.05}},
	}
	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var got [2]*scoring.SMAAResult
			for k, workers := range []int{1, 4} {
				cfg.Workers = workers
				res, err := cfg.Run(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				got[k] = res
			}
			a, b := smaaBits(got[0]), smaaBits(got[1])
			if !slices.Equal(a, b) {
				t.Errorf("results differ between 1 and 4 workers:\n%v\n%v", got[0].RankAcceptability, got[1].RankAcceptability)
			}
		})
	}
}

// smaaBits flattens every float of a result into its bit pattern.
func smaaBits(r *scoring.SMAAResult) []uint64 {
	var out []uint64
	add := func(xs ...float64) {
		for _, x := range xs {
			out = append(out, math.Float64bits(x))
		}
	}
	for i := range r.RankAcceptability {
		add(r.RankAcceptability[i]...)
		add(r.CentralWeights[i]...)
	}
	add(r.Confidence...)
	add(r.Holistic...)
	return out
}

// rankOnly hides a built-in method's prepared kernel, so SMAA must go
// through Rank as it does for a third party's Method.
type rankOnly struct{ m scoring.Method }

func (r rankOnly) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	return r.m.Rank(p, w)
}

// TestSMAAExternalMethod checks that the Rank fallback agrees with the
// prepared kernel: both rank the same samples, so the indices agree up to
// samples that sit within rounding of a tie.
func TestSMAAExternalMethod(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(6, 5)
	for _, meth := range []scoring.Method{scoring.WeightedSum{}, scoring.TOPSIS{}, scoring.SPOTIS{}, scoring.NewVIKOR()} {
		fast, err := scoring.SMAA{Method: meth, Samples: 5000, Seed: 8}.Run(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := scoring.SMAA{Method: rankOnly{meth}, Samples: 5000, Seed: 8}.Run(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range fast.RankAcceptability {
			for r, a := range fast.RankAcceptability[i] {
				if b := slow.RankAcceptability[i][r]; math.Abs(a-b) > 2.0/5000 {
					t.Errorf("%s: b_%d^%d kernel %v, Rank %v", fast.Method, i+1, r+1, a, b)
				}
			}
		}
		if slow.Method != fast.Method {
			t.Errorf("method token %q via Rank, %q via kernel", slow.Method, fast.Method)
		}
	}
}

// TestSMAACancel checks that a cancelled run returns no result and an
// error matching context.Canceled, whether the context is cancelled
// before the run or from the progress callback during it.
func TestSMAACancel(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(5, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := scoring.SMAA{Samples: 100_000}.Run(ctx, p)
	if res != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Run(cancelled ctx) = %v, %v; want nil, context.Canceled", res, err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	s := scoring.SMAA{Samples: 100_000, Workers: 2, Progress: func(done, total int) {
		calls++
		if calls == 2 {
			cancel()
		}
	}}
	res, err = s.Run(ctx, p)
	if res != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Run cancelled from Progress = %v, %v; want nil, context.Canceled", res, err)
	}
}

// TestSMAAProgress checks the progress contract: done never decreases and
// the last call reports done == total.
func TestSMAAProgress(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(5, 3)
	for _, cfg := range []scoring.SMAA{
		{Samples: 20_000, Workers: 3},
		{Samples: 9000, Values: scoring.ValueUncertainty{Fraction: 0.1, Reuse: 2}},
	} {
		var seen [][2]int
		cfg.Progress = func(done, total int) { seen = append(seen, [2]int{done, total}) }
		if _, err := cfg.Run(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		if len(seen) == 0 {
			t.Fatal("Progress never called")
		}
		for k := 1; k < len(seen); k++ {
			if seen[k][0] < seen[k-1][0] || seen[k][1] != seen[0][1] {
				t.Errorf("progress went %v then %v", seen[k-1], seen[k])
			}
		}
		if last := seen[len(seen)-1]; last[0] != last[1] {
			t.Errorf("last progress %v, want done == total", last)
		}
	}
}

// TestSMAADoesNotMutate checks that Run leaves the problem and the
// configuration's slices unchanged.
func TestSMAADoesNotMutate(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(4, 3)
	rows := p.Rows()
	ws := scoring.WeightSpace{Lower: []float64{0.1, 0.1, 0}, Upper: []float64{0.8, 1, 0.9}}
	vu := scoring.ValueUncertainty{Fractions: []float64{0.1, 0, 0.2}}
	s := scoring.SMAA{Samples: 2000, Weights: ws, Values: vu}
	res, err := s.Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Rows(), rows) {
		t.Error("Run modified the problem")
	}
	if !reflect.DeepEqual(ws, scoring.WeightSpace{Lower: []float64{0.1, 0.1, 0}, Upper: []float64{0.8, 1, 0.9}}) ||
		!reflect.DeepEqual(vu, scoring.ValueUncertainty{Fractions: []float64{0.1, 0, 0.2}}) {
		t.Error("Run modified the configuration")
	}
	res.Weights.Lower[0] = 0.5
	if ws.Lower[0] != 0.1 {
		t.Error("the result shares the configuration's slices")
	}
}

// TestSMAABadInput is the table of invalid configurations: each must fail
// with the sentinel and field given, never panic.
func TestSMAABadInput(t *testing.T) {
	t.Parallel()
	p := smaaTwoByTwo()
	nan := math.NaN()
	cases := []struct {
		name      string
		s         scoring.SMAA
		p         *scoring.Problem
		wantErr   error
		wantField string
	}{
		{"negative samples", scoring.SMAA{Samples: -1}, p, scoring.ErrParam, "samples"},
		{"too many samples", scoring.SMAA{Samples: math.MaxInt}, p, scoring.ErrParam, "samples"},
		{"negative workers", scoring.SMAA{Workers: -2}, p, scoring.ErrParam, "workers"},
		{"negative top ranks", scoring.SMAA{TopRanks: -1}, p, scoring.ErrParam, "top_ranks"},
		{"negative memory bound", scoring.SMAA{MaxMemory: -1}, p, scoring.ErrParam, "max_memory"},
		{"nil problem", scoring.SMAA{}, nil, scoring.ErrEmpty, "matrix"},
		{"zero problem", scoring.SMAA{}, &scoring.Problem{}, scoring.ErrEmpty, "matrix"},
		{"lower length", scoring.SMAA{Weights: scoring.WeightSpace{Lower: []float64{0.1}}}, p, scoring.ErrLength, "lower"},
		{"upper length", scoring.SMAA{Weights: scoring.WeightSpace{Upper: []float64{1, 1, 1}}}, p, scoring.ErrLength, "upper"},
		{"lower NaN", scoring.SMAA{Weights: scoring.WeightSpace{Lower: []float64{nan, 0}}}, p, scoring.ErrNotFinite, "lower"},
		{"upper Inf", scoring.SMAA{Weights: scoring.WeightSpace{Upper: []float64{math.Inf(1), 1}}}, p, scoring.ErrNotFinite, "upper"},
		{"lower negative", scoring.SMAA{Weights: scoring.WeightSpace{Lower: []float64{-0.1, 0}}}, p, scoring.ErrParam, "lower"},
		{"upper above 1", scoring.SMAA{Weights: scoring.WeightSpace{Upper: []float64{1.5, 1}}}, p, scoring.ErrParam, "upper"},
		{"lower above upper", scoring.SMAA{Weights: scoring.WeightSpace{Lower: []float64{0.6, 0}, Upper: []float64{0.5, 1}}}, p, scoring.ErrParam, "bounds"},
		{"lower sum above 1", scoring.SMAA{Weights: scoring.WeightSpace{Lower: []float64{0.6, 0.6}}}, p, scoring.ErrParam, "bounds"},
		{"upper sum below 1", scoring.SMAA{Weights: scoring.WeightSpace{Upper: []float64{0.4, 0.4}}}, p, scoring.ErrParam, "bounds"},
		{"order length", scoring.SMAA{Weights: scoring.WeightSpace{Order: []int{0}}}, p, scoring.ErrLength, "order"},
		{"order duplicate", scoring.SMAA{Weights: scoring.WeightSpace{Order: []int{1, 1}}}, p, scoring.ErrParam, "order"},
		{"order out of range", scoring.SMAA{Weights: scoring.WeightSpace{Order: []int{0, 2}}}, p, scoring.ErrParam, "order"},
		{"order negative", scoring.SMAA{Weights: scoring.WeightSpace{Order: []int{-1, 0}}}, p, scoring.ErrParam, "order"},
		{"order and bounds disjoint", scoring.SMAA{Samples: 10, Weights: scoring.WeightSpace{Order: []int{0, 1}, Upper: []float64{0.4, 1}}}, p, scoring.ErrParam, "bounds"},
		{"order with centre", scoring.SMAA{Weights: scoring.WeightSpace{Order: []int{0, 1}, Center: []float64{1, 1}, Concentration: 1}}, p, scoring.ErrParam, "order"},
		{"centre length", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1}, Concentration: 1}}, p, scoring.ErrLength, "center"},
		{"centre NaN", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{nan, 1}, Concentration: 1}}, p, scoring.ErrNotFinite, "center"},
		{"centre negative", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{-1, 1}, Concentration: 1}}, p, scoring.ErrWeights, "center"},
		{"centre zero", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{0, 0}, Concentration: 1}}, p, scoring.ErrWeights, "center"},
		{"centre without spread", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}}}, p, scoring.ErrParam, "center"},
		{"centre with both", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}, Spread: 0.1, Concentration: 1}}, p, scoring.ErrParam, "center"},
		{"concentration without centre", scoring.SMAA{Weights: scoring.WeightSpace{Concentration: 3}}, p, scoring.ErrParam, "center"},
		{"concentration NaN", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}, Concentration: nan}}, p, scoring.ErrNotFinite, "concentration"},
		{"concentration negative", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}, Concentration: -1}}, p, scoring.ErrParam, "concentration"},
		{"spread NaN", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}, Spread: nan}}, p, scoring.ErrNotFinite, "spread"},
		{"spread Inf", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}, Spread: math.Inf(1)}}, p, scoring.ErrNotFinite, "spread"},
		{"spread above 1", scoring.SMAA{Weights: scoring.WeightSpace{Center: []float64{1, 1}, Spread: 1.5}}, p, scoring.ErrParam, "spread"},
		{"fraction NaN", scoring.SMAA{Values: scoring.ValueUncertainty{Fraction: nan}}, p, scoring.ErrNotFinite, "values"},
		{"fraction negative", scoring.SMAA{Values: scoring.ValueUncertainty{Fraction: -0.1}}, p, scoring.ErrParam, "values"},
		{"fraction 1", scoring.SMAA{Values: scoring.ValueUncertainty{Fraction: 1}}, p, scoring.ErrParam, "values"},
		{"normal fraction too big", scoring.SMAA{Values: scoring.ValueUncertainty{Distribution: scoring.NormalNoise, Fraction: 0.4}}, p, scoring.ErrParam, "values"},
		{"fractions length", scoring.SMAA{Values: scoring.ValueUncertainty{Fractions: []float64{0.1}}}, p, scoring.ErrLength, "values"},
		{"unknown noise", scoring.SMAA{Values: scoring.ValueUncertainty{Distribution: 7}}, p, scoring.ErrParam, "values"},
		{"negative reuse", scoring.SMAA{Values: scoring.ValueUncertainty{Fraction: 0.1, Reuse: -1}}, p, scoring.ErrParam, "values"},
		{"method parameter", scoring.SMAA{Method: scoring.VIKOR{V: 2}}, p, scoring.ErrParam, "v"},
		{"method domain", scoring.SMAA{Method: scoring.WeightedSum{Normalization: scoring.Max}}, scoring.MustNewProblem(nil,
			[]scoring.Criterion{{Name: "c", Direction: scoring.Cost}}, [][]float64{{0}, {1}}), scoring.ErrDomain, "matrix"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := tc.s.Run(context.Background(), tc.p)
			if res != nil || !errors.Is(err, tc.wantErr) {
				t.Fatalf("Run = %v, %v; want nil and an error matching %v", res, err, tc.wantErr)
			}
			var ie *scoring.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			if ie.Path != tc.wantField {
				t.Errorf("error field %q, want %q (%v)", ie.Path, tc.wantField, err)
			}
		})
	}
}

// TestSMAAJSON checks the field names of the CLI contract.
func TestSMAAJSON(t *testing.T) {
	t.Parallel()
	res, err := scoring.SMAA{Samples: 100}.Run(context.Background(), smaaTwoByTwo())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"rank_acceptability", "central_weights", "confidence", "method", "alternatives", "samples", "seed"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON lacks %q: %s", key, b)
		}
	}
	var back scoring.SMAAResult
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, res) {
		t.Errorf("JSON round trip changed the result:\n%+v\n%+v", back, *res)
	}
}

// TestNoiseText round-trips the Noise tokens.
func TestNoiseText(t *testing.T) {
	t.Parallel()
	for _, d := range []scoring.Noise{scoring.UniformNoise, scoring.NormalNoise} {
		b, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back scoring.Noise
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Errorf("round trip of %v gave %v, %v", d, back, err)
		}
		if p, err := scoring.ParseNoise(d.String()); err != nil || p != d {
			t.Errorf("ParseNoise(%q) = %v, %v", d.String(), p, err)
		}
	}
	if _, err := scoring.ParseNoise("cauchy"); !errors.Is(err, scoring.ErrUnknownName) {
		t.Errorf("ParseNoise(cauchy) error %v, want ErrUnknownName", err)
	}
	if _, err := scoring.Noise(9).MarshalText(); !errors.Is(err, scoring.ErrUnknownName) {
		t.Errorf("MarshalText of an invalid Noise: %v, want ErrUnknownName", err)
	}
}

// TestSMAAProperties runs random configurations on random problems from a
// seeded PCG stream: each run either fails with a package sentinel or
// returns finite indices whose rows and columns sum to 1, and a sensitivity
// run on the same problem returns finite thresholds.
func TestSMAAProperties(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(2024, 11))
	methods := []scoring.Method{scoring.WeightedSum{}, scoring.WeightedProduct{}, scoring.TOPSIS{}, scoring.NewVIKOR(),
		scoring.PROMETHEEII{}, scoring.COPRAS{}, scoring.EDAS{}, scoring.MABAC{}, scoring.SPOTIS{}, scoring.MOORA{}, rankOnly{scoring.TOPSIS{}}}
	sentinels := []error{scoring.ErrParam, scoring.ErrLength, scoring.ErrNotFinite, scoring.ErrWeights, scoring.ErrDomain, scoring.ErrEmpty, scoring.ErrConstant}
	rounds := 60
	if testing.Short() {
		rounds = 15
	}
	for round := range rounds {
		m, n := 1+r.IntN(6), 1+r.IntN(4)
		crits := make([]scoring.Criterion, n)
		for j := range crits {
			crits[j] = scoring.Criterion{Name: string(rune('a' + j)), Direction: scoring.Direction(1 + r.IntN(2))}
		}
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = make([]float64, n)
			for j := range rows[i] {
				switch r.IntN(6) {
				case 0:
					rows[i][j] = 0
				case 1:
					rows[i][j] = 5 // repeated values make ties
				default:
					rows[i][j] = math.Ldexp(r.Float64(), r.IntN(40)-20)
				}
			}
		}
		p := scoring.MustNewProblem(nil, crits, rows)
		vec := func() []float64 {
			v := make([]float64, n)
			for j := range v {
				v[j] = r.Float64() * 0.6
			}
			return v
		}
		var ws scoring.WeightSpace
		switch r.IntN(5) {
		case 1:
			ws.Lower = vec()
		case 2:
			ws.Upper = vec()
			for j := range ws.Upper {
				ws.Upper[j] += 0.4
			}
		case 3:
			ws.Order = r.Perm(n)
		case 4:
			ws.Center = vec()
			if r.IntN(2) == 0 {
				ws.Concentration = 0.1 + 10*r.Float64()
			} else {
				ws.Spread = r.Float64()
			}
		}
		s := scoring.SMAA{Method: methods[r.IntN(len(methods))], Samples: 1 + r.IntN(3000), Seed: r.Uint64(), Workers: 1 + r.IntN(3), Weights: ws}
		if r.IntN(3) == 0 {
			s.Values = scoring.ValueUncertainty{Distribution: scoring.Noise(r.IntN(2)), Fraction: 0.3 * r.Float64(), Reuse: r.IntN(5)}
		}
		res, err := s.Run(context.Background(), p)
		if err != nil {
			known := false
			for _, e := range sentinels {
				known = known || errors.Is(err, e)
			}
			if !known {
				t.Errorf("round %d: error %v wraps no package sentinel", round, err)
			}
			continue
		}
		checkSMAAInvariants(t, res)
		for i := range res.RankAcceptability {
			for _, x := range slices.Concat(res.RankAcceptability[i], res.CentralWeights[i], []float64{res.Confidence[i], res.Holistic[i]}) {
				if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 || x > 1+1e-12 {
					t.Fatalf("round %d (%+v): value %v out of [0, 1]", round, s, x)
				}
			}
		}
		w := vec()
		w[0] += 0.1
		sr, err := scoring.Sensitivity{Method: s.Method, Steps: 20}.Run(context.Background(), p, w)
		if err != nil {
			t.Fatalf("round %d: sensitivity: %v", round, err)
		}
		for _, sw := range sr.Sweeps {
			for _, rv := range sw.Reversals {
				if math.IsNaN(rv.Weight) || rv.Weight < 0 || rv.Weight > 1 {
					t.Errorf("round %d: reversal weight %v", round, rv.Weight)
				}
			}
		}
	}
}

// TestSMAATopRanksTies checks TopRanks on a problem whose ties straddle
// the kept ranks. A1, A2 and A3 are identical and dominate the others, so
// in every sample they share ranks 1–3: each gets exactly 1/3 of each of
// those ranks. With TopRanks 2 each keeps 1/3 of ranks 1 and 2, and its
// row sums to 2/3; A4 and A5 (identical, dominated by the first three,
// dominating A6) share ranks 4 and 5.
func TestSMAATopRanksTies(t *testing.T) {
	t.Parallel()
	p := scoring.MustNewProblem([]string{"A1", "A2", "A3", "A4", "A5", "A6"},
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit}},
		[][]float64{{9, 9}, {9, 9}, {9, 9}, {5, 5}, {5, 5}, {1, 1}})
	third := 1.0 / 3
	for _, k := range []int{1, 2, 3, 4, 5} {
		res, err := scoring.SMAA{Samples: 3000, Seed: 1, TopRanks: k}.Run(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if res.TopRanks != k {
			t.Errorf("k=%d: result TopRanks %d", k, res.TopRanks)
		}
		want := [][]float64{
			{third, third, third, 0, 0, 0},
			{third, third, third, 0, 0, 0},
			{third, third, third, 0, 0, 0},
			{0, 0, 0, 0.5, 0.5, 0},
			{0, 0, 0, 0.5, 0.5, 0},
			{0, 0, 0, 0, 0, 1},
		}
		for i, row := range res.RankAcceptability {
			if len(row) != k {
				t.Fatalf("k=%d: row %d has %d ranks", k, i, len(row))
			}
			for r, v := range row {
				if math.Abs(v-want[i][r]) > 1e-12 {
					t.Errorf("k=%d: b[%d][%d] = %v, want %v", k, i, r, v, want[i][r])
				}
			}
		}
		for i := range 3 {
			if math.Abs(res.Confidence[i]-third) > 1e-12 {
				t.Errorf("k=%d: confidence of %d = %v, want 1/3", k, i, res.Confidence[i])
			}
		}
	}
}

// TestSMAATopRanksMatchFull checks that the TopRanks result is the first
// columns of the full result bit for bit (central weights and confidence
// too), for any number of workers, with ties among identical alternatives,
// with exact and uncertain values, for built-in and outside methods, and
// on more alternatives than the pairwise count ranks.
func TestSMAATopRanksMatchFull(t *testing.T) {
	t.Parallel()
	for _, m := range []int{9, 70} {
		p := tiedProblem(m)
		for name, cfg := range map[string]scoring.SMAA{
			"wsm":       {Samples: 9000, Seed: 5},
			"topsis":    {Method: scoring.TOPSIS{}, Samples: 5000, Seed: 6, Weights: scoring.WeightSpace{Order: []int{2, 0, 1}}},
			"wsm noisy": {Samples: 1500, Seed: 7, Values: scoring.ValueUncertainty{Fraction: 0.05, Reuse: 2}},
			"external":  {Method: rankOnly{scoring.WeightedSum{}}, Samples: 1000, Seed: 8},
		} {
			t.Run(fmt.Sprintf("%s/m=%d", name, m), func(t *testing.T) {
				t.Parallel()
				full, err := cfg.Run(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				for _, k := range []int{1, 2, 17, m - 1, m + 5} {
					var first []uint64
					workers := []int{2}
					if k == 2 || k == 17 {
						workers = []int{1, 2, 7}
					}
					for _, workers := range workers {
						c := cfg
						c.TopRanks, c.Workers = k, workers
						res, err := c.Run(context.Background(), p)
						if err != nil {
							t.Fatal(err)
						}
						kk := min(k, m)
						for i := range m {
							if !slices.Equal(floatBits(res.RankAcceptability[i]), floatBits(full.RankAcceptability[i][:kk])) {
								t.Fatalf("k=%d workers=%d: row %d = %v, full %v", k, workers, i, res.RankAcceptability[i], full.RankAcceptability[i][:kk])
							}
							if !slices.Equal(floatBits(res.CentralWeights[i]), floatBits(full.CentralWeights[i])) {
								t.Fatalf("k=%d workers=%d: central weights %d differ", k, workers, i)
							}
						}
						if !slices.Equal(floatBits(res.Confidence), floatBits(full.Confidence)) {
							t.Fatalf("k=%d workers=%d: confidence %v, full %v", k, workers, res.Confidence, full.Confidence)
						}
						for r := range kk {
							col := 0.0
							for i := range m {
								col += res.RankAcceptability[i][r]
							}
							if math.Abs(col-1) > 1e-9 {
								t.Errorf("k=%d: column %d sums to %v", k, r, col)
							}
						}
						if b := smaaBits(res); first == nil {
							first = b
						} else if !slices.Equal(first, b) {
							t.Fatalf("k=%d: %d workers give other bits than 1", k, workers)
						}
					}
				}
			})
		}
	}
}

// tiedProblem returns m alternatives on 3 criteria with values from a few
// levels, so that identical alternatives (which always tie) are common.
func tiedProblem(m int) *scoring.Problem {
	r := rand.New(rand.NewPCG(42, uint64(m)))
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = []float64{float64(1 + r.IntN(3)), float64(1 + r.IntN(3)), float64(1 + r.IntN(3))}
	}
	return scoring.MustNewProblem(nil, []scoring.Criterion{
		{Name: "a", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Cost}, {Name: "c", Direction: scoring.Benefit},
	}, rows)
}

func floatBits(xs []float64) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		out[i] = math.Float64bits(x)
	}
	return out
}

// panicMethod fails the test if SMAA ever ranks with it: the memory check
// must come first.
type panicMethod struct{ t *testing.T }

func (m panicMethod) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	m.t.Error("the method was called before the memory check")
	return scoring.WeightedSum{}.Rank(p, w)
}

// TestSMAAMemoryBound checks that a configuration over the memory bound
// fails with a *MemoryError before the method is called or the matrix is
// allocated, and that TopRanks brings it under the bound.
func TestSMAAMemoryBound(t *testing.T) {
	t.Parallel()
	const m = 100_000 // all ranks: 80 GB of counts; the problem itself is 800 kB
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = []float64{float64(i % 1000)}
	}
	p := scoring.MustNewProblem(nil, []scoring.Criterion{{Name: "c", Direction: scoring.Benefit}}, rows)
	cases := []struct {
		name      string
		s         scoring.SMAA
		wantLimit int64
	}{
		{"default bound", scoring.SMAA{Method: panicMethod{t}}, scoring.DefaultMaxMemory},
		{"explicit bound", scoring.SMAA{Method: panicMethod{t}, MaxMemory: 1 << 36}, 1 << 36},
		{"top ranks over a small bound", scoring.SMAA{Method: panicMethod{t}, TopRanks: 3, MaxMemory: 1 << 20}, 1 << 20},
	}
	for _, tc := range cases {
		res, err := tc.s.Run(context.Background(), p)
		var me *scoring.MemoryError
		if res != nil || !errors.Is(err, scoring.ErrTooLarge) || !errors.As(err, &me) {
			t.Fatalf("%s: Run = %v, %v; want a *MemoryError wrapping ErrTooLarge", tc.name, res, err)
		}
		if me.Limit != tc.wantLimit || me.Estimate <= me.Limit || me.Analysis != "smaa" || me.Option != "TopRanks" {
			t.Errorf("%s: %+v", tc.name, me)
		}
		if !strings.Contains(err.Error(), "top_ranks") || !strings.Contains(err.Error(), "iB") {
			t.Errorf("%s: message %q should name the option and the sizes", tc.name, err)
		}
	}
	res, err := scoring.SMAA{Samples: 100, TopRanks: 3}.Run(context.Background(), p)
	if err != nil {
		t.Fatalf("TopRanks 3: %v", err)
	}
	if len(res.RankAcceptability[0]) != 3 || res.TopRanks != 3 {
		t.Errorf("TopRanks 3 gave rows of %d ranks", len(res.RankAcceptability[0]))
	}
	// A hundred alternatives tie at the top (value 999): each keeps 1/100
	// of each of the first three ranks.
	if got := res.RankAcceptability[999][0]; math.Abs(got-1.0/100) > 1e-12 {
		t.Errorf("b[999][0] = %v, want 1/100 (100 tied alternatives)", got)
	}
	notes := 0
	for _, n := range res.Notes {
		if n.Code == "never-first" {
			notes++
		}
	}
	if notes != 11 {
		t.Errorf("%d never-first notes for %d such alternatives, want 10 named and one count", notes, m-100)
	}
}

// TestSMAASamplesMaximum checks the documented bound on Samples.
func TestSMAASamplesMaximum(t *testing.T) {
	t.Parallel()
	p := smaaTwoByTwo()
	for _, n := range []int{scoring.MaxSMAASamples + 1, math.MaxInt} {
		_, err := scoring.SMAA{Samples: n}.Run(context.Background(), p)
		var ie *scoring.InputError
		if !errors.Is(err, scoring.ErrParam) || !errors.As(err, &ie) || ie.Path != "samples" ||
			!strings.Contains(err.Error(), "1000000000") {
			t.Errorf("Samples %d: %v; want an *InputError on samples naming the maximum", n, err)
		}
	}
}

// countingMethod counts its Rank calls and cancels a context on call
// cancelAt.
type countingMethod struct {
	calls    *atomic.Int64
	cancelAt int64
	cancel   context.CancelFunc
}

func (c countingMethod) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	if c.calls.Add(1) == c.cancelAt {
		c.cancel()
	}
	return scoring.WeightedSum{}.Rank(p, w)
}

// TestSMAACancelWithinBlock checks that a large problem stops within a
// sample or two of the cancellation, not at the end of its block of 4096
// samples (which would take minutes here).
func TestSMAACancelWithinBlock(t *testing.T) {
	t.Parallel()
	p := smaaBenchProblem(1<<16, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int64
	meth := countingMethod{calls: &calls, cancelAt: 5, cancel: cancel}
	res, err := scoring.SMAA{Method: meth, Samples: 4096, TopRanks: 2, Workers: 1}.Run(ctx, p)
	if res != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, %v; want nil, context.Canceled", res, err)
	}
	if n := calls.Load(); n > 6 {
		t.Errorf("the method was called %d times; cancelled at call 5, Run should stop after at most one more", n)
	}
}

// slowMethod ranks with the weighted sum after a pause, standing for an
// expensive method.
type slowMethod struct{ pause time.Duration }

func (s slowMethod) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	time.Sleep(s.pause)
	return scoring.WeightedSum{}.Rank(p, w)
}

// TestSMAAProgressWithinBlock checks that a long block reports progress
// before it ends: 300 samples of a method taking a millisecond each make
// one block of at least 300 ms, and progress is reported every 100 ms.
func TestSMAAProgressWithinBlock(t *testing.T) {
	t.Parallel()
	var seen [][2]int
	s := scoring.SMAA{Method: slowMethod{time.Millisecond}, Samples: 300, Workers: 1,
		Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) }}
	if _, err := s.Run(context.Background(), smaaTwoByTwo()); err != nil {
		t.Fatal(err)
	}
	if len(seen) < 2 || seen[0][0] <= 0 || seen[0][0] >= 300 {
		t.Errorf("progress calls %v; want one within the block before the last", seen)
	}
	for k := 1; k < len(seen); k++ {
		if seen[k][0] <= seen[k-1][0] || seen[k][1] != 300 {
			t.Errorf("progress went %v then %v", seen[k-1], seen[k])
		}
	}
	if last := seen[len(seen)-1]; last != [2]int{300, 300} {
		t.Errorf("last progress %v, want [300 300]", last)
	}
}
