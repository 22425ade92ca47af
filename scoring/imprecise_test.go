package scoring_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func exactImprecise(rows [][]float64, crits []scoring.Criterion) *scoring.ImpreciseProblem {
	ic := make([]scoring.ImpreciseCriterion, len(crits))
	for j, c := range crits {
		ic[j] = scoring.ImpreciseCriterion{Criterion: c}
	}
	return &scoring.ImpreciseProblem{Criteria: ic, Low: rows, High: rows}
}

// With exact values and one value draw, ImpreciseSMAA is SMAA.
func TestImpreciseSMAAExactIsSMAA(t *testing.T) {
	t.Parallel()
	crits := []scoring.Criterion{{Name: "a", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Cost}, {Name: "c", Direction: scoring.Benefit}}
	rows := [][]float64{{3, 5, 1}, {4, 4, 2}, {1, 2, 3}, {2, 6, 5}}
	p, err := scoring.NewProblem(nil, crits, rows)
	require.NoError(t, err)
	want, err := scoring.SMAA{Samples: 5000, Seed: 7}.Run(context.Background(), p)
	require.NoError(t, err)
	got, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 5000, Seed: 7}, ValueDraws: 1}.Run(context.Background(), exactImprecise(rows, crits))
	require.NoError(t, err)
	for i := range want.RankAcceptability {
		assert.InDeltaSlice(t, want.RankAcceptability[i], got.RankAcceptability[i], 1e-12)
		assert.InDeltaSlice(t, want.CentralWeights[i], got.CentralWeights[i], 1e-12)
	}
	assert.Nil(t, got.Confidence)
}

// An interval as wide as the float64 range, whose width overflows, is
// sampled inside its bounds, not reported as an infinite value.
func TestImpreciseSMAAWidestInterval(t *testing.T) {
	t.Parallel()
	one := []scoring.ImpreciseCriterion{{Criterion: scoring.Criterion{Name: "x", Direction: scoring.Benefit}}}
	ip := &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{-1e308}, {0}}, High: [][]float64{{1e308}, {0}}}
	sm := scoring.SMAA{Samples: 2000, Seed: 3, Method: scoring.WeightedSum{Normalization: scoring.None}}
	res, err := scoring.ImpreciseSMAA{SMAA: sm, ValueDraws: 2000}.Run(context.Background(), ip)
	require.NoError(t, err)
	// A is above B's 0 half of the time.
	assert.InDelta(t, 0.5, res.RankAcceptability[0][0], 0.04)
}

// Intervals, missing values and ordinal levels, each with an outcome that
// follows from the sampling rules alone.
func TestImpreciseSMAASampling(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	one := []scoring.ImpreciseCriterion{{Criterion: scoring.Criterion{Name: "x", Direction: scoring.Benefit}}}
	// A is uniform on [0, 10], B is 5: A is first half of the time.
	ip := &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{0}, {5}}, High: [][]float64{{10}, {5}}}
	res, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 4000, Seed: 1}, ValueDraws: 4000}.Run(ctx, ip)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, res.RankAcceptability[0][0], 0.03)
	for _, row := range res.RankAcceptability {
		assert.InDelta(t, 1, row[0]+row[1], 1e-12)
	}

	// A is missing: drawn from the observed range [0, 10], strictly
	// inside it almost surely, so A is second.
	ip = &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{0}, {0}, {10}}, High: [][]float64{{0}, {0}, {10}},
		Missing: [][]bool{{true}, {false}, {false}}}
	res, err = scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 200, Seed: 2}, ValueDraws: 200}.Run(ctx, ip)
	require.NoError(t, err)
	assert.InDelta(t, 1, res.RankAcceptability[0][1], 1e-12)
	// With a range above every observed value, A is first.
	above := [2]float64{20, 30}
	one2 := []scoring.ImpreciseCriterion{{Criterion: one[0].Criterion, Range: &above}}
	ip.Criteria = one2
	res, err = scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 200, Seed: 2}, ValueDraws: 50}.Run(ctx, ip)
	require.NoError(t, err)
	assert.InDelta(t, 1, res.RankAcceptability[0][0], 1e-12)

	// An ordinal cost criterion: level 1 is best whatever the draw.
	ord := []scoring.ImpreciseCriterion{{Criterion: scoring.Criterion{Name: "risk", Direction: scoring.Cost}, Ordinal: true}}
	levels := [][]float64{{3}, {1}, {2}}
	res, err = scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 300, Seed: 3}, ValueDraws: 30}.Run(ctx, &scoring.ImpreciseProblem{Criteria: ord, Low: levels, High: levels})
	require.NoError(t, err)
	assert.InDelta(t, 1, res.RankAcceptability[1][0], 1e-12)
	assert.InDelta(t, 1, res.RankAcceptability[2][1], 1e-12)
	assert.InDelta(t, 1, res.RankAcceptability[0][2], 1e-12)

	// Ordinal levels against a cardinal criterion: the middle level's
	// value is uniform, so the outcome between B = (level 2, 0.5) and
	// A = (level 3, 0) / C = (level 1, 1) varies from draw to draw.
	mixed := []scoring.ImpreciseCriterion{
		{Criterion: scoring.Criterion{Name: "fit", Direction: scoring.Benefit}, Ordinal: true},
		{Criterion: scoring.Criterion{Name: "x", Direction: scoring.Benefit}},
	}
	rows := [][]float64{{3, 0}, {2, 0.5}, {1, 1}}
	a, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 2000, Seed: 4, Workers: 1}, ValueDraws: 100}.Run(ctx, &scoring.ImpreciseProblem{Criteria: mixed, Low: rows, High: rows})
	require.NoError(t, err)
	b, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 2000, Seed: 4, Workers: 2}, ValueDraws: 100}.Run(ctx, &scoring.ImpreciseProblem{Criteria: mixed, Low: rows, High: rows})
	require.NoError(t, err)
	assert.Equal(t, a.RankAcceptability, b.RankAcceptability, "same seed, any number of workers")
	assert.Greater(t, a.RankAcceptability[1][0], 0.0)
}

func TestImpreciseSMAAErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	one := []scoring.ImpreciseCriterion{{Criterion: scoring.Criterion{Name: "x", Direction: scoring.Benefit}}}
	cases := []struct {
		name  string
		ip    *scoring.ImpreciseProblem
		want  error
		field string
	}{
		{"empty", &scoring.ImpreciseProblem{Criteria: one}, scoring.ErrEmpty, "low"},
		{"reversed bounds", &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{3}}, High: [][]float64{{2}}}, scoring.ErrParam, "low"},
		{"NaN", &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{math.NaN()}}, High: [][]float64{{2}}}, scoring.ErrNotFinite, "low"},
		{"ragged", &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{1, 2}}, High: [][]float64{{2}}}, scoring.ErrRagged, "low"},
		{"nothing to draw from", &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{0}}, High: [][]float64{{0}}, Missing: [][]bool{{true}}}, scoring.ErrParam, "missing"},
		{"ordinal missing", &scoring.ImpreciseProblem{Criteria: []scoring.ImpreciseCriterion{{Criterion: one[0].Criterion, Ordinal: true}},
			Low: [][]float64{{1}, {2}}, High: [][]float64{{1}, {2}}, Missing: [][]bool{{true}, {false}}}, scoring.ErrParam, "missing"},
		{"ordinal interval", &scoring.ImpreciseProblem{Criteria: []scoring.ImpreciseCriterion{{Criterion: one[0].Criterion, Ordinal: true}},
			Low: [][]float64{{1}}, High: [][]float64{{2}}}, scoring.ErrParam, "high"},
	}
	for _, tc := range cases {
		_, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 10}}.Run(ctx, tc.ip)
		require.ErrorIs(t, err, tc.want, tc.name)
		var ie *scoring.InputError
		require.True(t, errors.As(err, &ie), tc.name)
		assert.Equal(t, tc.field, ie.Path, tc.name)
	}
	// A method that cannot take a drawn value says so.
	ip := &scoring.ImpreciseProblem{Criteria: one, Low: [][]float64{{-2}, {2}}, High: [][]float64{{-1}, {3}}}
	_, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 10, Method: scoring.WeightedSum{Normalization: scoring.Sum}}, ValueDraws: 2}.Run(ctx, ip)
	assert.ErrorIs(t, err, scoring.ErrDomain)
	_, err = scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 10, Values: scoring.ValueUncertainty{Fraction: 0.1}}}.Run(ctx, ip)
	assert.ErrorIs(t, err, scoring.ErrParam)
}

// The property tests of the other methods, on imprecise data: an
// alternative whose every lower bound beats every other's upper bound is
// always first; permuting the alternatives permutes the acceptabilities
// (exact values and ordinal levels, whose draws do not depend on the row
// order); scaling a benefit column's bounds by a power of two changes no
// draw's ranking, so nothing at all.
func TestImpreciseSMAAProperties(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	crits := []scoring.ImpreciseCriterion{
		{Criterion: scoring.Criterion{Name: "reach", Direction: scoring.Benefit}},
		{Criterion: scoring.Criterion{Name: "cost", Direction: scoring.Cost}},
		{Criterion: scoring.Criterion{Name: "fit", Direction: scoring.Benefit}, Ordinal: true},
	}
	run := func(ip *scoring.ImpreciseProblem) *scoring.SMAAResult {
		t.Helper()
		res, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 3000, Seed: 11}, ValueDraws: 30}.Run(ctx, ip)
		require.NoError(t, err)
		return res
	}
	low := [][]float64{{4, 30, 1}, {6, 20, 3}, {5, 25, 2}, {2, 40, 2}}
	high := [][]float64{{5, 35, 1}, {8, 28, 3}, {7, 25, 2}, {3, 45, 2}}

	// Dominance: (20, 1, 4) against upper reach ≤ 8, lower cost ≥ 20,
	// level ≤ 3.
	dom := &scoring.ImpreciseProblem{Criteria: crits,
		Low: append(append([][]float64{}, low...), []float64{20, 1, 4}), High: append(append([][]float64{}, high...), []float64{20, 1, 4})}
	res := run(dom)
	assert.Equal(t, 1.0, res.RankAcceptability[4][0])

	// Permutation, on exact values and ordinal levels.
	perm := []int{2, 0, 3, 1}
	prow := make([][]float64, len(low))
	for k, i := range perm {
		prow[k] = low[i]
	}
	base := run(&scoring.ImpreciseProblem{Criteria: crits, Low: low, High: low})
	pres := run(&scoring.ImpreciseProblem{Criteria: crits, Low: prow, High: prow})
	for k, i := range perm {
		assert.Equal(t, base.RankAcceptability[i], pres.RankAcceptability[k], "row %d moved to %d", i, k)
	}

	// Scaling the reach bounds by 4.
	interval := run(&scoring.ImpreciseProblem{Criteria: crits, Low: low, High: high})
	slow, shigh := make([][]float64, len(low)), make([][]float64, len(high))
	for i := range low {
		slow[i] = append([]float64{low[i][0] * 4}, low[i][1:]...)
		shigh[i] = append([]float64{high[i][0] * 4}, high[i][1:]...)
	}
	scaled := run(&scoring.ImpreciseProblem{Criteria: crits, Low: slow, High: shigh})
	assert.Equal(t, interval.RankAcceptability, scaled.RankAcceptability)
}
