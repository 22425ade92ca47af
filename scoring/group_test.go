package scoring_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func TestKendallWPublished(t *testing.T) {
	t.Parallel()
	// NAG Library routine g08daf, example program results (data after
	// Siegel 1956, Nonparametric Statistics for the Behavioral Sciences,
	// ch. 9): three comparisons of ten objects with tied ranks,
	// W = 0.828 (3 dp) with the correction for ties.
	ranks := [][]float64{
		{1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0},
		{2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5},
		{2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0},
	}
	w, err := scoring.KendallW(ranks)
	require.NoError(t, err)
	assert.InDelta(t, 0.828, w, 5e-4, "NAG g08daf example (Siegel 1956)")
}

func TestKendallWDefinitions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		ranks [][]float64
		want  float64
	}{
		{"identical", [][]float64{{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4}}, 1},
		{"reversed pair", [][]float64{{1, 2, 3, 4}, {4, 3, 2, 1}}, 0},
		{"only order matters", [][]float64{{10, 20, 30}, {0.1, 0.2, 0.3}}, 1},
		{"one rater", [][]float64{{3, 1, 2}}, 1},
		{"one item", [][]float64{{1}, {1}}, 1},
		{"everything tied", [][]float64{{1, 1, 1}, {2, 2, 2}}, 1},
		// Kendall & Babington Smith (1939): for m raters with a cyclic
		// Latin-square arrangement the rank sums are all equal, W = 0.
		{"latin square", [][]float64{{1, 2, 3}, {2, 3, 1}, {3, 1, 2}}, 0},
	} {
		got, err := scoring.KendallW(tc.ranks)
		require.NoError(t, err, tc.name)
		assert.InDelta(t, tc.want, got, 1e-12, tc.name)
	}
	for _, tc := range []struct {
		name    string
		ranks   [][]float64
		wantErr error
	}{
		{"nil", nil, scoring.ErrEmpty},
		{"no items", [][]float64{{}}, scoring.ErrEmpty},
		{"ragged", [][]float64{{1, 2}, {1}}, scoring.ErrLength},
		{"NaN", [][]float64{{1, math.NaN()}}, scoring.ErrNotFinite},
	} {
		_, err := scoring.KendallW(tc.ranks)
		require.ErrorIs(t, err, tc.wantErr, tc.name)
		var ie *scoring.InputError
		require.ErrorAs(t, err, &ie, tc.name)
		assert.Equal(t, "ranks", ie.Path)
	}
}

// randomReciprocal returns a random n×n reciprocal matrix on Saaty's scale.
func randomReciprocal(rng *rand.Rand, n int) [][]J {
	a := make([][]J, n)
	for i := range a {
		a[i] = make([]J, n)
		a[i][i] = 1
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			v := float64(1 + rng.IntN(9))
			if rng.IntN(2) == 0 {
				v = 1 / v
			}
			a[i][j], a[j][i] = J(v), J(1/v)
		}
	}
	return a
}

func TestAggregateJudgements(t *testing.T) {
	t.Parallel()
	a := [][]J{{1, 4, 9}, {0, 1, 1}, {0, 0, 1}}
	b := [][]J{{1, 1, 1}, {0, 1, 4}, {0, 0, 1}}
	got, err := scoring.AggregateJudgements([][][]J{a, b}, nil)
	require.NoError(t, err)
	want := [][]float64{{1, 2, 3}, {1.0 / 2, 1, 2}, {1.0 / 3, 1.0 / 2, 1}}
	if d := cmp.Diff(want, floats2(got), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("geometric mean of judgements (-want +got):\n%s", d)
	}
	// Stakeholder weights 3:1 give a^(3/4)·b^(1/4).
	got, err = scoring.AggregateJudgements([][][]J{a, b}, []float64{3, 1})
	require.NoError(t, err)
	assert.InDelta(t, math.Pow(4, 0.75), float64(got[0][1]), 1e-12)
	// A judgement missing from one matrix is aggregated over the others;
	// missing from all, it stays missing.
	c := [][]J{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	d := [][]J{{1, 2, 0}, {0, 1, 0}, {0, 0, 1}}
	got, err = scoring.AggregateJudgements([][][]J{c, d}, nil)
	require.NoError(t, err)
	assert.Equal(t, J(2), got[0][1])
	assert.Equal(t, J(0), got[0][2])
}

func floats2(a [][]J) [][]float64 {
	out := make([][]float64, len(a))
	for i, r := range a {
		out[i] = make([]float64, len(r))
		for j, v := range r {
			out[i][j] = float64(v)
		}
	}
	return out
}

func TestGroupAIJEqualsAIPGeometricForGeometricMean(t *testing.T) {
	t.Parallel()
	// Barzilai & Golany (1994, INFOR 32(2)): with row geometric mean
	// priorities and complete matrices, aggregating judgements and
	// aggregating priorities by the weighted geometric mean agree.
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 7))
		n, k := 3+rng.IntN(6), 2+rng.IntN(4)
		ms := make([][][]J, k)
		sw := make([]float64, k)
		for s := range ms {
			ms[s] = randomReciprocal(rng, n)
			sw[s] = 0.1 + rng.Float64()
		}
		ahp := scoring.AHP{Priority: scoring.GeometricMean}
		aij, err := scoring.Group{AHP: ahp}.Weigh(ms, sw)
		require.NoError(t, err)
		aip, err := scoring.Group{AHP: ahp, Aggregation: scoring.AIPGeometric}.Weigh(ms, sw)
		require.NoError(t, err)
		assert.InDeltaSlice(t, aij.Weights, aip.Weights, 1e-12, "seed %d", seed)
		assert.Nil(t, aip.Aggregate)
		require.NotNil(t, aij.Aggregate)
		assert.InDelta(t, 1, floatsSum(aij.Weights), 1e-12)
	}
}

func TestGroupIdenticalStakeholders(t *testing.T) {
	t.Parallel()
	ms := [][][]J{saaty2008Job, saaty2008Job, saaty2008Job}
	one := scoring.AHP{}.MustWeigh(saaty2008Job)
	for _, agg := range []scoring.GroupAggregation{scoring.AIJ, scoring.AIPGeometric, scoring.AIPArithmetic} {
		r, err := scoring.Group{Aggregation: agg}.Weigh(ms, nil)
		require.NoError(t, err)
		assert.InDeltaSlice(t, one.Weights, r.Weights, 1e-12, agg.String())
		assert.InDelta(t, 1, r.Consensus.KendallW, 1e-12)
		assert.Equal(t, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, r.StakeholderWeights)
		for _, d := range r.Consensus.Distances {
			assert.InDelta(t, 0, d, 1e-12)
		}
	}
}

func TestGroupConsensusFurthest(t *testing.T) {
	t.Parallel()
	// Two stakeholders agree that criterion 0 matters most; the third
	// puts criterion 2 first and is furthest from the group, mainly on
	// criterion 2 or 0.
	a := [][]J{{1, 3, 5}, {0, 1, 3}, {0, 0, 1}}
	b := [][]J{{1, 2, 4}, {0, 1, 2}, {0, 0, 1}}
	c := [][]J{{1, 1.0 / 2, 1.0 / 7}, {0, 1, 1.0 / 5}, {0, 0, 1}}
	r, err := scoring.Group{}.Weigh([][][]J{a, b, c}, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, r.Consensus.Furthest)
	assert.Contains(t, []int{0, 2}, r.Consensus.MainCriterion[2])
	assert.Greater(t, r.Consensus.Deviations[2][2], 0.0, "stakeholder 2 rates criterion 2 above the group")
	assert.Less(t, r.Consensus.KendallW, 1.0)
	// A stakeholder with weight 0 does not move the group weights, but is
	// still measured against them.
	r2, err := scoring.Group{}.Weigh([][][]J{a, b, c}, []float64{1, 1, 0})
	require.NoError(t, err)
	r3, err := scoring.Group{}.Weigh([][][]J{a, b}, nil)
	require.NoError(t, err)
	assert.InDeltaSlice(t, r3.Weights, r2.Weights, 1e-12)
	assert.Equal(t, []float64{0.5, 0.5, 0}, r2.StakeholderWeights)
	assert.Len(t, r2.Consensus.Distances, 3)
	assert.InDelta(t, 1, r3.Consensus.KendallW, 1e-12, "a and b rank the criteria alike")
	b2, err := json.Marshal(r)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b2, &out))
	for _, k := range []string{"weights", "individual", "aggregate", "consensus", "stakeholder_weights"} {
		assert.Contains(t, out, k)
	}
}

func TestAggregatePriorities(t *testing.T) {
	t.Parallel()
	prios := [][]float64{{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}}
	got, err := scoring.AggregatePriorities(prios, nil, false)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.35, 0.3, 0.35}, got, 1e-15)
	got, err = scoring.AggregatePriorities(prios, []float64{1, 3}, false)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.275, 0.3, 0.425}, got, 1e-15)
	got, err = scoring.AggregatePriorities(prios, nil, true)
	require.NoError(t, err)
	g := []float64{math.Sqrt(0.1), math.Sqrt(0.09), math.Sqrt(0.1)}
	s := g[0] + g[1] + g[2]
	assert.InDeltaSlice(t, []float64{g[0] / s, g[1] / s, g[2] / s}, got, 1e-15)
	// Unnormalised input is normalised first; a zero weight stays zero
	// under the geometric mean.
	got, err = scoring.AggregatePriorities([][]float64{{2, 2, 0}, {1, 1, 1}}, nil, true)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.5, 0.5, 0}, got, 1e-15)
	got, err = scoring.AggregatePriorities([][]float64{{1, 0}, {0, 1}}, nil, true)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.5, 0.5}, got, "all zero under the geometric mean: equal")
}

func TestGroupBadInput(t *testing.T) {
	t.Parallel()
	ok3 := [][]J{{1, 2, 3}, {0, 1, 2}, {0, 0, 1}}
	tests := []struct {
		name      string
		g         scoring.Group
		ms        [][][]J
		sw        []float64
		wantErr   error
		wantField string
		wantName  string
	}{
		{"no stakeholders", scoring.Group{}, nil, nil, scoring.ErrEmpty, "stakeholders", ""},
		{"sizes differ", scoring.Group{}, [][][]J{ok3, {{1, 2}, {0, 1}}}, nil, scoring.ErrLength, "stakeholders", "stakeholder 1"},
		{"bad matrix", scoring.Group{}, [][][]J{ok3, {{1, 2, -1}, {0, 1, 2}, {0, 0, 1}}}, nil, scoring.ErrDomain, "pairwise", "stakeholder 1"},
		{"weights length", scoring.Group{}, [][][]J{ok3}, []float64{1, 2}, scoring.ErrLength, "stakeholder_weights", ""},
		{"weights negative", scoring.Group{}, [][][]J{ok3, ok3}, []float64{1, -2}, scoring.ErrWeights, "stakeholder_weights", ""},
		{"weights zero", scoring.Group{}, [][][]J{ok3, ok3}, []float64{0, 0}, scoring.ErrWeights, "stakeholder_weights", ""},
		{"weights NaN", scoring.Group{}, [][][]J{ok3, ok3}, []float64{math.NaN(), 1}, scoring.ErrNotFinite, "stakeholder_weights", ""},
		{"bad aggregation", scoring.Group{Aggregation: 9}, [][][]J{ok3}, nil, scoring.ErrUnknownName, "aggregation", ""},
		{"strict stakeholder", scoring.Group{AHP: scoring.AHP{Strict: true}}, [][][]J{ok3, saaty1988House}, nil, scoring.ErrInconsistent, "pairwise", "stakeholder 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.g.Weigh(tc.ms, tc.sw)
			assert.Nil(t, got)
			require.ErrorIs(t, err, tc.wantErr)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tc.wantField, ie.Path)
			assert.Equal(t, tc.wantName, ie.Name)
		})
	}
	for _, tc := range []struct {
		name    string
		prios   [][]float64
		group   []float64
		wantErr error
		field   string
	}{
		{"no priorities", nil, []float64{1}, scoring.ErrEmpty, "priorities"},
		{"ragged", [][]float64{{1, 2}, {1}}, []float64{1, 1}, scoring.ErrLength, "priorities"},
		{"negative", [][]float64{{1, -2}}, []float64{1, 1}, scoring.ErrWeights, "priorities"},
		{"group length", [][]float64{{1, 2}}, []float64{1}, scoring.ErrLength, "group"},
	} {
		_, err := scoring.NewConsensus(tc.prios, tc.group)
		require.ErrorIs(t, err, tc.wantErr, tc.name)
		var ie *scoring.InputError
		require.ErrorAs(t, err, &ie, tc.name)
		assert.Equal(t, tc.field, ie.Path, tc.name)
	}
}

func TestGroupAggregationEnum(t *testing.T) {
	t.Parallel()
	for _, g := range []scoring.GroupAggregation{scoring.AIJ, scoring.AIPGeometric, scoring.AIPArithmetic} {
		b, err := g.MarshalText()
		require.NoError(t, err)
		var got scoring.GroupAggregation
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, g, got)
		p, err := scoring.ParseGroupAggregation(g.String())
		require.NoError(t, err)
		assert.Equal(t, g, p)
	}
	_, err := scoring.ParseGroupAggregation("mean")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
}
