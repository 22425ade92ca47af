package scoring_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/socialseat/socialseat/scoring"
)

// Every kind of bad pairwise matrix is an *InputError that names the
// judgement (or row) concerned, wraps its own kind and the broader kind it
// refines, and says what is wrong in the message.
func TestAHPErrorsNameTheCell(t *testing.T) {
	t.Parallel()
	type J = scoring.Judgement
	big := make([][]J, scoring.MaxPairwiseSize+1)
	for i := range big {
		big[i] = make([]J, len(big))
		for j := range big[i] {
			big[i][j] = 1
		}
	}
	tests := []struct {
		name        string
		a           [][]J
		kind, broad error
		row, col    int
		msg         string
	}{
		{"reciprocal mismatch", [][]J{{1, 2, 1, 1}, {0.5, 1, 1, 1}, {1, 1, 1, 3}, {1, 1, 0.5, 1}},
			scoring.ErrNotReciprocal, scoring.ErrInconsistent, 2, 3, "pairwise[2][3]: reciprocal mismatch (3 vs 1/2: a[2][3]·a[3][2] = 1.5"},
		{"negative", [][]J{{1, -3}, {0, 1}}, scoring.ErrJudgementRange, scoring.ErrDomain, 0, 1, "pairwise[0][1]: judgement out of range (-3 is negative)"},
		{"too large a judgement", [][]J{{1, 0}, {1e7, 1}}, scoring.ErrJudgementRange, scoring.ErrDomain, 1, 0, "pairwise[1][0]: judgement out of range (1e+07 is outside [1e-6, 1e6])"},
		{"too small a judgement", [][]J{{1, 1e-7}, {0, 1}}, scoring.ErrJudgementRange, scoring.ErrDomain, 0, 1, "pairwise[0][1]: judgement out of range"},
		{"NaN", [][]J{{1, 1}, {J(math.NaN()), 1}}, scoring.ErrNotFinite, scoring.ErrNotFinite, 1, 0, "pairwise[1][0]: value is not finite (NaN)"},
		{"Inf", [][]J{{1, J(math.Inf(1))}, {1, 1}}, scoring.ErrNotFinite, scoring.ErrNotFinite, 0, 1, "pairwise[0][1]: value is not finite (+Inf)"},
		{"diagonal not 1", [][]J{{1, 2}, {0.5, 3}}, scoring.ErrDiagonal, scoring.ErrInconsistent, 1, 1, "pairwise[1][1]: diagonal judgement is not 1 (3, want 1)"},
		{"ragged", [][]J{{1, 2}, {0.5}}, scoring.ErrNotSquare, scoring.ErrLength, 1, -1, "pairwise[1]: matrix is not square (row has 1 judgements, want 2)"},
		{"rectangular", [][]J{{1, 2, 3}, {0.5, 1, 2}}, scoring.ErrNotSquare, scoring.ErrLength, 0, -1, "pairwise[0]: matrix is not square"},
		{"too small a matrix", [][]J{}, scoring.ErrEmpty, scoring.ErrEmpty, -1, -1, "pairwise: empty input"},
		{"too large a matrix", big, scoring.ErrTooManyItems, scoring.ErrParam, -1, -1, "pairwise: too many items to compare (16 items; at most 15"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := scoring.AHP{}.Weigh(tc.a)
			require.ErrorIs(t, err, tc.kind)
			require.ErrorIs(t, err, tc.broad)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, "pairwise", ie.Path)
			assert.Equal(t, tc.row, ie.Row, "row")
			assert.Equal(t, tc.col, ie.Col, "col")
			assert.Contains(t, err.Error(), tc.msg)
			// No other kind matches.
			for _, other := range []error{scoring.ErrNotReciprocal, scoring.ErrDiagonal, scoring.ErrJudgementRange,
				scoring.ErrNotSquare, scoring.ErrTooManyItems} {
				if other != tc.kind {
					assert.False(t, errors.Is(err, other), "%v also matches %v", err, other)
				}
			}
		})
	}
	// A stakeholder's bad judgement in a group names the stakeholder too.
	_, err := scoring.Group{}.Weigh([][][]J{{{1, 2}, {0.5, 1}}, {{1, 2}, {2, 1}}}, nil)
	require.ErrorIs(t, err, scoring.ErrNotReciprocal)
	assert.Contains(t, err.Error(), `pairwise[0][1] ("stakeholder 1"): reciprocal mismatch (2 vs 2`)
}

// Names that are not valid UTF-8 are rejected with their index; two
// different bad names are not silently made equal.
func TestInvalidUTF8Names(t *testing.T) {
	t.Parallel()
	b := scoring.Criterion{Name: "b", Direction: scoring.Benefit}
	rows := [][]float64{{1, 2}, {3, 4}, {5, 6}}
	_, err := scoring.NewProblem([]string{"ok", "x\xff", "x\xfe"}, []scoring.Criterion{b, {Name: "c", Direction: scoring.Cost}}, rows)
	require.ErrorIs(t, err, scoring.ErrInvalidUTF8)
	var ie *scoring.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "alternatives", ie.Path)
	assert.Equal(t, 1, ie.Row)
	assert.Contains(t, err.Error(), `alternatives[1]: name is not valid UTF-8 ("x\xff")`)
	assert.True(t, strings.ToValidUTF8(err.Error(), "") == err.Error(), "the message itself is valid UTF-8")

	_, err = scoring.NewProblem(nil, []scoring.Criterion{b, {Name: "\xc3", Direction: scoring.Cost}}, rows)
	require.ErrorIs(t, err, scoring.ErrInvalidUTF8)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "criteria", ie.Path)
	assert.Equal(t, 1, ie.Col)

	_, err = scoring.NewProblemFromMatrix([]string{"a", "b", "\x80"}, []scoring.Criterion{b, {Name: "c", Direction: scoring.Cost}}, mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6}))
	require.ErrorIs(t, err, scoring.ErrInvalidUTF8)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 2, ie.Row)

	// Valid non-ASCII names are fine.
	_, err = scoring.NewProblem([]string{"Zürich", "東京", "İzmir"}, []scoring.Criterion{b, {Name: "coût", Direction: scoring.Cost}}, rows)
	assert.NoError(t, err)
}
