package scoring_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// TestProblemBuilderBlocks checks that a problem built a block of rows at
// a time, named (AddRows) or not (AddUnnamed), or mixing Add and AddRows,
// equals the one NewProblem builds, and that its errors name the row.
func TestProblemBuilderBlocks(t *testing.T) {
	t.Parallel()
	const m, n = 10000, 3
	rows, flat, _ := flatRandomRows(m, n, 11)
	crits := mixedCriteria(n)
	names := make([]string, m)
	for i := range names {
		names[i] = fmt.Sprintf("alt %d é", i)
	}
	named, err := scoring.NewProblem(names, crits, rows)
	require.NoError(t, err)
	unnamed, err := scoring.NewProblem(nil, crits, rows)
	require.NoError(t, err)
	// addBlocks adds rows lo…hi−1 in blocks of size (Add for odd blocks
	// when mixed).
	addBlocks := func(b *scoring.ProblemBuilder, lo, hi, size int, mixed bool) {
		for k := lo; k < hi; k += size {
			to := min(k+size, hi)
			if mixed && (k/size)%2 == 1 {
				for i := k; i < to; i++ {
					require.NoError(t, b.Add(names[i], rows[i]))
				}
				continue
			}
			var all strings.Builder
			ends := make([]int, 0, to-k)
			for _, s := range names[k:to] {
				all.WriteString(s)
				ends = append(ends, all.Len())
			}
			vals := append([]float64(nil), flat[k*n:to*n]...)
			require.NoError(t, b.AddRows(all.String(), ends, vals))
			vals[0] = math.NaN() // AddRows copied the values
		}
	}
	for _, size := range []int{1, 7, 4096, m} {
		for _, mixed := range []bool{false, true} {
			b := scoring.NewProblemBuilder(crits, size)
			addBlocks(b, 0, m, size, mixed)
			assert.Equal(t, m, b.Len())
			p, err := b.Problem()
			require.NoError(t, err)
			assert.Equal(t, named.Rows(), p.Rows(), "size %d", size)
			assert.Equal(t, names, p.Alternatives(), "size %d", size)
		}
		b := scoring.NewProblemBuilder(crits, 0)
		for k := 0; k < m; k += size {
			require.NoError(t, b.AddUnnamed(flat[k*n:min(k+size, m)*n]))
		}
		p, err := b.Problem()
		require.NoError(t, err)
		assert.Equal(t, unnamed.Rows(), p.Rows())
		assert.Equal(t, unnamed.Alternatives(), p.Alternatives())
		i, ok := p.AlternativeIndex("A17")
		assert.True(t, ok)
		assert.Equal(t, 16, i)
		a, err := scoring.TOPSIS{}.Rank(unnamed, []float64{1, 2, 3})
		require.NoError(t, err)
		c, err := scoring.TOPSIS{}.Rank(p, []float64{1, 2, 3})
		require.NoError(t, err)
		assert.Equal(t, a, c)
	}

	// Errors: the row and column in the whole problem, as NewProblem's.
	b := scoring.NewProblemBuilder(crits, 0)
	require.NoError(t, b.AddRows("ab", []int{1, 2}, []float64{1, 2, 3, 4, 5, 6}))
	assertInputError(t, b.AddRows("cd", []int{1, 2}, []float64{1, 2, 3, 4, math.Inf(1), 6}), scoring.ErrNotFinite, 3, 1)
	_, err = b.Problem()
	assertInputError(t, err, scoring.ErrNotFinite, 3, 1)
	assert.ErrorContains(t, err, "d/")

	b = scoring.NewProblemBuilder(crits, 0)
	require.NoError(t, b.AddUnnamed([]float64{1, 2, 3}))
	err = b.AddUnnamed([]float64{1, 2, 3, 4, 5, math.NaN()})
	assertInputError(t, err, scoring.ErrNotFinite, 2, 2)
	assert.ErrorContains(t, err, "A3/")

	for _, tc := range []struct {
		name string
		add  func(b *scoring.ProblemBuilder) error
		err  error
		row  int
	}{
		{"values for fewer rows", func(b *scoring.ProblemBuilder) error {
			return b.AddRows("ab", []int{1, 2}, []float64{1, 2, 3})
		}, scoring.ErrLength, 0},
		{"a name past the end", func(b *scoring.ProblemBuilder) error {
			return b.AddRows("ab", []int{1, 3}, []float64{1, 2, 3, 4, 5, 6})
		}, scoring.ErrLength, 1},
		{"ends decrease", func(b *scoring.ProblemBuilder) error {
			return b.AddRows("ab", []int{2, 1}, []float64{1, 2, 3, 4, 5, 6})
		}, scoring.ErrLength, 1},
		{"part of a row", func(b *scoring.ProblemBuilder) error {
			return b.AddUnnamed([]float64{1, 2, 3, 4})
		}, scoring.ErrLength, 0},
		{"unnamed after named", func(b *scoring.ProblemBuilder) error {
			if err := b.Add("x", []float64{1, 2, 3}); err != nil {
				return err
			}
			return b.AddUnnamed([]float64{1, 2, 3})
		}, scoring.ErrLength, 1},
		{"named after unnamed", func(b *scoring.ProblemBuilder) error {
			if err := b.AddUnnamed([]float64{1, 2, 3}); err != nil {
				return err
			}
			return b.AddRows("x", []int{1}, []float64{1, 2, 3})
		}, scoring.ErrLength, 1},
		{"a duplicate across blocks", func(b *scoring.ProblemBuilder) error {
			if err := b.AddRows("xy", []int{1, 2}, []float64{1, 2, 3, 4, 5, 6}); err != nil {
				return err
			}
			return b.Add("y", []float64{1, 2, 3})
		}, scoring.ErrDuplicateName, 2},
		{"an empty name in a block", func(b *scoring.ProblemBuilder) error {
			return b.AddRows("xy", []int{1, 1, 2}, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9})
		}, scoring.ErrEmpty, 1},
	} {
		b := scoring.NewProblemBuilder(crits, 0)
		err := tc.add(b)
		if err == nil {
			_, err = b.Problem()
		}
		require.Error(t, err, tc.name)
		assertInputError(t, err, tc.err, tc.row, -1)
		_, err = b.Problem()
		assert.Error(t, err, tc.name)
	}

	b = scoring.NewProblemBuilder(nil, 0)
	_, err = b.Problem()
	assertInputError(t, err, scoring.ErrEmpty, -1, -1)
	b = scoring.NewProblemBuilder(nil, 0)
	assertInputError(t, b.AddUnnamed(nil), scoring.ErrEmpty, -1, -1)
	b = scoring.NewProblemBuilder(nil, 0)
	require.NoError(t, b.Add("x", nil))
	_, err = b.Problem()
	assertInputError(t, err, scoring.ErrEmpty, -1, -1)
	assert.ErrorContains(t, err, "criteria")
}

// TestProblemBuilderLargeHint builds a problem with a hint far larger
// than the rows given, and checks that the values are intact.
func TestProblemBuilderLargeHint(t *testing.T) {
	t.Parallel()
	const m, n = 50000, 3
	rows, flat, _ := flatRandomRows(m, n, 12)
	crits := mixedCriteria(n)
	want, err := scoring.NewProblem(nil, crits, rows)
	require.NoError(t, err)
	b := scoring.NewProblemBuilder(crits, 1<<20) // 24 MB reserved
	require.NoError(t, b.AddUnnamed(flat))
	p, err := b.Problem()
	require.NoError(t, err)
	assert.Equal(t, want.Rows(), p.Rows())
}

// TestProblemBuilderHugeHint: a hint is only a hint. One that no memory
// could hold, or a negative one, neither panics nor reserves more than
// the stated bound, and the problem built is the one the rows give.
func TestProblemBuilderHugeHint(t *testing.T) {
	t.Parallel()
	const m, n = 3, 20000
	rows, flat, _ := flatRandomRows(m, n, 13)
	crits := mixedCriteria(n)
	want, err := scoring.NewProblem(nil, crits, rows)
	require.NoError(t, err)
	// From math.MaxInt, so that the file compiles where int has 32 bits
	// (on 64 bits: 2^61 and 2^38).
	for _, hint := range []int{math.MaxInt / 4, math.MaxInt >> 25, -1} {
		b := scoring.NewProblemBuilder(crits, hint)
		require.NoError(t, b.AddUnnamed(flat), "hint %d", hint)
		p, err := b.Problem()
		require.NoError(t, err, "hint %d", hint)
		assert.Equal(t, want.Rows(), p.Rows(), "hint %d", hint)
	}
}
