package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// subsetSweeps keeps the chosen alternatives in the given order,
// renumbers reversals and the top change, drops what involves the others,
// and leaves its input alone.
func TestSubsetSweeps(t *testing.T) {
	t.Parallel()
	r := &scoring.SensitivityResult{
		Alternatives: []string{"a", "b", "c", "d"},
		Criteria:     []string{"x"},
		Sweeps: []scoring.WeightSweep{{
			Criterion: "x",
			Grid:      []float64{0, 1},
			Scores:    [][]float64{{1, 2}, {3, 4}, {5, 6}, {7, 8}},
			Top:       scoring.TopChange{Found: true, Weight: 0.4, From: 2, To: 0},
			Reversals: []scoring.Reversal{{A: 2, B: 0, Weight: 0.4}, {A: 2, B: 1, Weight: 0.5}, {A: 3, B: 0, Weight: 0.6}},
		}},
	}
	got := subsetSweeps(r, []int{2, 0})
	assert.Equal(t, []string{"c", "a"}, got.Alternatives)
	sw := got.Sweeps[0]
	assert.Equal(t, [][]float64{{5, 6}, {1, 2}}, sw.Scores)
	assert.Equal(t, []scoring.Reversal{{A: 0, B: 1, Weight: 0.4}}, sw.Reversals)
	assert.Equal(t, scoring.TopChange{Found: true, Weight: 0.4, From: 0, To: 1}, sw.Top)

	// The new top left out: no change drawn, the old top renumbered.
	got = subsetSweeps(r, []int{3, 2})
	assert.Equal(t, scoring.TopChange{From: 1}, got.Sweeps[0].Top)
	assert.Empty(t, got.Sweeps[0].Reversals)

	// The input is untouched.
	require.Len(t, r.Alternatives, 4)
	assert.Equal(t, 2, r.Sweeps[0].Top.From)
	assert.Len(t, r.Sweeps[0].Reversals, 3)
	assert.Len(t, r.Sweeps[0].Scores, 4)
}
