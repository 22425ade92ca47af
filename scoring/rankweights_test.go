package scoring_test

import (
	"encoding/json"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func TestRankWeightingPublished(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		source string
		method scoring.RankWeighting
		ranks  []int
		want   []float64
		tol    float64
	}{
		{
			name: "ROC n=4", method: scoring.ROC, ranks: []int{1, 2, 3, 4},
			source: "Barron & Barrett 1996, Management Science 42(11), ROC weights for n = 4 (4 dp)",
			want:   []float64{0.5208, 0.2708, 0.1458, 0.0625}, tol: 5e-5,
		},
		{
			// Exact values of the formulas defined by the sources; the
			// printed tables were not available to compare digits with.
			name: "ROC n=3 exact", method: scoring.ROC, ranks: []int{1, 2, 3},
			source: "Barron & Barrett 1996 formula: (11/18, 5/18, 2/18)",
			want:   []float64{11.0 / 18, 5.0 / 18, 2.0 / 18}, tol: 1e-15,
		},
		{
			name: "rank sum n=4", method: scoring.RankSum, ranks: []int{1, 2, 3, 4},
			source: "Stillwell, Seaver & Edwards 1981, OBHP 28(1), rank-sum formula: (4, 3, 2, 1)/10",
			want:   []float64{0.4, 0.3, 0.2, 0.1}, tol: 1e-15,
		},
		{
			name: "rank reciprocal n=4", method: scoring.RankReciprocal, ranks: []int{1, 2, 3, 4},
			source: "Stillwell, Seaver & Edwards 1981, rank-reciprocal formula: (12, 6, 4, 3)/25",
			want:   []float64{0.48, 0.24, 0.16, 0.12}, tol: 1e-15,
		},
		{
			name: "ROC ties 1,2,2,3", method: scoring.ROC, ranks: []int{1, 2, 2, 3},
			source: "tied positions 2 and 3 share (0.2708 + 0.1458)/2 (Barron & Barrett 1996 values)",
			want:   []float64{0.5208, 0.2083, 0.2083, 0.0625}, tol: 5e-5,
		},
		{
			name: "ROC ties competition ranks", method: scoring.ROC, ranks: []int{3, 1, 4, 1},
			source: "as above, ranks 1,1,3,4 in another order: positions 1–2 share, then 3, 4",
			want:   []float64{0.1458, (0.5208 + 0.2708) / 2, 0.0625, (0.5208 + 0.2708) / 2}, tol: 5e-5,
		},
		{
			name: "all tied", method: scoring.RankSum, ranks: []int{2, 2, 2},
			source: "every position shared: equal weights",
			want:   []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, tol: 1e-15,
		},
		{
			name: "single", method: scoring.RankReciprocal, ranks: []int{1},
			source: "one criterion", want: []float64{1}, tol: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			before := slices.Clone(tc.ranks)
			got, err := tc.method.Weigh(tc.ranks)
			require.NoError(t, err)
			assert.Equal(t, tc.method.String(), got.Method)
			if d := cmp.Diff(tc.want, got.Weights, cmpopts.EquateApprox(0, tc.tol)); d != "" {
				t.Errorf("%s: %s (-want +got):\n%s", tc.name, tc.source, d)
			}
			assert.InDelta(t, 1, floatsSum(got.Weights), 1e-12)
			assert.Equal(t, before, tc.ranks, "input modified")
		})
	}
}

func TestRankWeightingProperties(t *testing.T) {
	t.Parallel()
	for _, m := range []scoring.RankWeighting{scoring.ROC, scoring.RankSum, scoring.RankReciprocal} {
		for n := 1; n <= 30; n++ {
			ranks := make([]int, n)
			for j := range ranks {
				ranks[j] = j + 1
			}
			w, err := m.Weigh(ranks)
			require.NoError(t, err)
			assert.InDelta(t, 1, floatsSum(w.Weights), 1e-12, "%v n=%d", m, n)
			for k := 1; k < n; k++ {
				assert.Greater(t, w.Weights[k-1], w.Weights[k], "%v n=%d: strictly decreasing", m, n)
			}
			// Reversing the criteria reverses the weights.
			rev := slices.Clone(ranks)
			slices.Reverse(rev)
			wr, err := m.Weigh(rev)
			require.NoError(t, err)
			back := slices.Clone(wr.Weights)
			slices.Reverse(back)
			assert.Equal(t, w.Weights, back)
		}
	}
}

func TestRankWeightingBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		m         scoring.RankWeighting
		ranks     []int
		wantErr   error
		wantField string
		col       int
	}{
		{"empty", scoring.ROC, nil, scoring.ErrEmpty, "ranks", -1},
		{"zero rank", scoring.ROC, []int{1, 0}, scoring.ErrDomain, "ranks", 1},
		{"negative rank", scoring.RankSum, []int{-2, 1}, scoring.ErrDomain, "ranks", 0},
		{"bad method", scoring.RankWeighting(7), []int{1}, scoring.ErrUnknownName, "method", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tc.m.Weigh(tc.ranks)
			require.ErrorIs(t, err, tc.wantErr)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tc.wantField, ie.Path)
			assert.Equal(t, tc.col, ie.Col)
		})
	}
}

func TestRankWeightingJSON(t *testing.T) {
	t.Parallel()
	var in struct {
		Method scoring.RankWeighting `json:"method"`
		Ranks  []int                 `json:"ranks"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"method": "rank_reciprocal", "ranks": [1, 2, 2, 3]}`), &in))
	assert.Equal(t, scoring.RankReciprocal, in.Method)
	w, err := in.Method.Weigh(in.Ranks)
	require.NoError(t, err)
	b, err := json.Marshal(w)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, "rank_reciprocal", out["method"])
	assert.Len(t, out["weights"], 4)

	for _, m := range []scoring.RankWeighting{scoring.ROC, scoring.RankSum, scoring.RankReciprocal} {
		b, err := m.MarshalText()
		require.NoError(t, err)
		var got scoring.RankWeighting
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, m, got)
		p, err := scoring.ParseRankWeighting(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, p)
	}
	assert.Equal(t, []string{"roc", "rank_sum", "rank_reciprocal"},
		[]string{scoring.ROC.String(), scoring.RankSum.String(), scoring.RankReciprocal.String()})
	_, err = scoring.ParseRankWeighting("rank_order_centroid")
	assert.ErrorIs(t, err, scoring.ErrUnknownName)
	var bad scoring.RankWeighting
	assert.ErrorIs(t, json.Unmarshal([]byte(`"sum"`), &bad), scoring.ErrUnknownName)
}

func TestSwingAndDirectPoints(t *testing.T) {
	t.Parallel()
	// SWING: the most important swing gets 100 points.
	w, err := scoring.Swing([]float64{100, 60, 40})
	require.NoError(t, err)
	assert.Equal(t, "swing", w.Method)
	assert.InDeltaSlice(t, []float64{0.5, 0.3, 0.2}, w.Weights, 1e-15)
	assert.Equal(t, []float64{100, 60, 40}, w.Basis)

	w, err = scoring.DirectPoints([]float64{30, 0, 50, 20})
	require.NoError(t, err)
	assert.Equal(t, "points", w.Method)
	assert.InDeltaSlice(t, []float64{0.3, 0, 0.5, 0.2}, w.Weights, 1e-15)

	tests := []struct {
		name    string
		fn      func([]float64) (*scoring.Weighting, error)
		points  []float64
		wantErr error
		col     int
	}{
		{"swing empty", scoring.Swing, nil, scoring.ErrEmpty, -1},
		{"swing above 100", scoring.Swing, []float64{100, 120}, scoring.ErrDomain, 1},
		{"swing negative", scoring.Swing, []float64{-1, 100}, scoring.ErrDomain, 0},
		{"swing NaN", scoring.Swing, []float64{100, math.NaN()}, scoring.ErrNotFinite, 1},
		{"swing all zero", scoring.Swing, []float64{0, 0}, scoring.ErrWeights, -1},
		{"points empty", scoring.DirectPoints, []float64{}, scoring.ErrEmpty, -1},
		{"points Inf", scoring.DirectPoints, []float64{math.Inf(1), 1}, scoring.ErrNotFinite, 0},
		{"points negative", scoring.DirectPoints, []float64{3, -1}, scoring.ErrWeights, 1},
		{"points all zero", scoring.DirectPoints, []float64{0}, scoring.ErrWeights, -1},
	}
	for _, tc := range tests {
		_, err := tc.fn(tc.points)
		require.ErrorIs(t, err, tc.wantErr, tc.name)
		var ie *scoring.InputError
		require.ErrorAs(t, err, &ie, tc.name)
		assert.Equal(t, "points", ie.Path, tc.name)
		assert.Equal(t, tc.col, ie.Col, tc.name)
	}
}
