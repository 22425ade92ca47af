package scoring_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/socialseat/socialseat/scoring"
)

// randomRows returns m seeded rows of n values, with a flat row-major and
// a flat column-major copy.
func flatRandomRows(m, n int, seed uint64) (rows [][]float64, rowMajor, colMajor []float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	rows = make([][]float64, m)
	rowMajor = make([]float64, m*n)
	colMajor = make([]float64, m*n)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			v := math.Round((rng.Float64()*200-50)*1000) / 1000
			rows[i][j] = v
			rowMajor[i*n+j] = v
			colMajor[j*m+i] = v
		}
	}
	return rows, rowMajor, colMajor
}

func mixedCriteria(n int) []scoring.Criterion {
	crits := make([]scoring.Criterion, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: string(rune('a'+j%26)) + string(rune('0'+j/26)), Direction: scoring.Benefit}
		if j%3 == 1 {
			crits[j].Direction = scoring.Cost
		}
	}
	return crits
}

// TestProblemConstructorsAgree checks that every constructor builds the
// same problem, with the same rankings, on one block of rows and on many
// (the fused pass then runs block-wise), and that none modifies or keeps
// the caller's data.
func TestProblemConstructorsAgree(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{1, 1}, {7, 3}, {20000, 4}} {
		m, n := size[0], size[1]
		rows, rowMajor, colMajor := flatRandomRows(m, n, uint64(m))
		crits := mixedCriteria(n)
		want, err := scoring.NewProblem(nil, crits, rows)
		require.NoError(t, err)
		require.Equal(t, rows, want.Rows())

		dense := mat.NewDense(m, n, slices.Clone(rowMajor))
		wide := mat.NewDense(m, n+2, nil) // a stride larger than n
		wideT := mat.NewDense(n+1, m, nil)
		for i := range m {
			for j := range n {
				wide.Set(i, j+1, rowMajor[i*n+j])
				wideT.Set(j+1, i, rowMajor[i*n+j])
			}
		}
		builders := map[string]func() (*scoring.Problem, error){
			"row-major": func() (*scoring.Problem, error) { return scoring.NewProblemRowMajor(nil, crits, rowMajor) },
			"col-major": func() (*scoring.Problem, error) { return scoring.NewProblemColMajor(nil, crits, colMajor) },
			"no-copy": func() (*scoring.Problem, error) {
				return scoring.NewProblemNoCopy(nil, crits, slices.Clone(rowMajor))
			},
			"dense": func() (*scoring.Problem, error) { return scoring.NewProblemFromMatrix(nil, crits, dense) },
			"strided": func() (*scoring.Problem, error) {
				return scoring.NewProblemFromMatrix(nil, crits, wide.Slice(0, m, 1, n+1))
			},
			"transpose": func() (*scoring.Problem, error) {
				return scoring.NewProblemFromMatrix(nil, crits, wideT.Slice(1, n+1, 0, m).T())
			},
			"at": func() (*scoring.Problem, error) {
				// mat.Transpose of a Transpose is not raw: read through At.
				return scoring.NewProblemFromMatrix(nil, crits, mat.Transpose{Matrix: mat.Transpose{Matrix: dense}})
			},
		}
		rowMajor0, colMajor0 := slices.Clone(rowMajor), slices.Clone(colMajor)
		for name, build := range builders {
			p, err := build()
			require.NoError(t, err, "%s %dx%d", name, m, n)
			assert.Equal(t, rows, p.Rows(), "%s %dx%d", name, m, n)
			// (The values include negatives, which the ratio
			// normalisations refuse.)
			for _, meth := range []scoring.Method{scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.MABAC{}} {
				w := slices.Repeat([]float64{1}, n)
				a, err := meth.Rank(want, w)
				require.NoError(t, err)
				b, err := meth.Rank(p, w)
				require.NoError(t, err)
				assert.Equal(t, a.Scores, b.Scores, "%s %dx%d", name, m, n)
			}
		}
		assert.Equal(t, rowMajor0, rowMajor, "caller's row-major data modified")
		assert.Equal(t, colMajor0, colMajor, "caller's column-major data modified")
		rowMajor[0] = 1e9
		colMajor[0] = 1e9
		dense.Set(0, 0, 1e9)
		for name, build := range builders {
			if name == "row-major" || name == "col-major" || name == "dense" || name == "at" || name == "no-copy" {
				continue // their sources were just changed
			}
			p, err := build()
			require.NoError(t, err)
			assert.NotEqual(t, 1e9, p.At(0, 0), name)
		}
	}
}

// TestProblemFlatErrors checks the typed errors of the flat constructors
// and that a bad value is reported at its row and column whatever the
// layout and however many blocks the matrix spans.
func TestProblemFlatErrors(t *testing.T) {
	t.Parallel()
	crits := mixedCriteria(3)
	_, err := scoring.NewProblemRowMajor(nil, crits, make([]float64, 7))
	assertInputError(t, err, scoring.ErrLength, -1, -1)
	_, err = scoring.NewProblemColMajor(nil, crits, nil)
	assertInputError(t, err, scoring.ErrEmpty, -1, -1)
	_, err = scoring.NewProblemRowMajor(nil, nil, []float64{1})
	assertInputError(t, err, scoring.ErrEmpty, -1, -1)
	_, err = scoring.NewProblemRowMajor([]string{"x"}, crits, make([]float64, 6))
	assertInputError(t, err, scoring.ErrLength, -1, -1)
	_, err = scoring.NewProblemRowMajor([]string{"x", "\xff"}, crits, make([]float64, 6))
	assertInputError(t, err, scoring.ErrInvalidUTF8, 1, -1)
	_, err = scoring.NewProblemNoCopy(nil, crits, make([]float64, 7))
	assertInputError(t, err, scoring.ErrLength, -1, -1)
	_, err = scoring.NewProblemNoCopy(nil, crits, nil)
	assertInputError(t, err, scoring.ErrEmpty, -1, -1)
	_, err = scoring.NewProblemNoCopy([]string{"x"}, crits, make([]float64, 6))
	assertInputError(t, err, scoring.ErrLength, -1, -1)

	for _, m := range []int{5, 30000} {
		for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			rows, rowMajor, colMajor := flatRandomRows(m, 3, 3)
			// Two bad values: the first in row-major order is reported.
			at := [][2]int{{m - 2, 2}, {m - 1, 0}}
			for _, c := range at {
				i, j := c[0], c[1]
				rows[i][j], rowMajor[i*3+j], colMajor[j*m+i] = bad, bad, bad
			}
			_, err := scoring.NewProblem(nil, crits, rows)
			assertInputError(t, err, scoring.ErrNotFinite, m-2, 2)
			_, err = scoring.NewProblemRowMajor(nil, crits, rowMajor)
			assertInputError(t, err, scoring.ErrNotFinite, m-2, 2)
			_, err = scoring.NewProblemColMajor(nil, crits, colMajor)
			assertInputError(t, err, scoring.ErrNotFinite, m-2, 2)
			_, err = scoring.NewProblemNoCopy(nil, crits, rowMajor)
			assertInputError(t, err, scoring.ErrNotFinite, m-2, 2)
			_, err = scoring.NewProblemFromMatrix(nil, crits, mat.NewDense(m, 3, rowMajor))
			assertInputError(t, err, scoring.ErrNotFinite, m-2, 2)
			_, err = scoring.NewProblemFromMatrix(nil, crits, mat.NewDense(3, m, colMajor).T())
			assertInputError(t, err, scoring.ErrNotFinite, m-2, 2)
		}
	}
	// A ragged row is reported before a bad value in an earlier row.
	_, err = scoring.NewProblem(nil, crits, [][]float64{{math.NaN(), 1, 2}, {1, 2}})
	assertInputError(t, err, scoring.ErrRagged, 1, -1)
}

func assertInputError(t *testing.T, err error, want error, row, col int) {
	t.Helper()
	require.ErrorIs(t, err, want)
	var ie *scoring.InputError
	require.True(t, errors.As(err, &ie), "%T is not an *InputError", err)
	assert.Equal(t, row, ie.Row, "row of %v", err)
	assert.Equal(t, col, ie.Col, "column of %v", err)
}

// TestProblemHugeFiniteValues checks that finite values whose column sums
// overflow are accepted, not taken for infinities.
func TestProblemHugeFiniteValues(t *testing.T) {
	t.Parallel()
	rows := [][]float64{{math.MaxFloat64, 1}, {math.MaxFloat64, 2}, {-math.MaxFloat64 / 2, 3}}
	p, err := scoring.NewProblem(nil, mixedCriteria(2), rows)
	require.NoError(t, err)
	res, err := scoring.TOPSIS{}.Rank(p, []float64{1, 1})
	require.NoError(t, err)
	for _, s := range res.Scores {
		assert.False(t, math.IsNaN(s) || math.IsInf(s, 0), "score %v", s)
	}
}

// TestProblemDefaultNames checks the generated names across digit counts.
func TestProblemDefaultNames(t *testing.T) {
	t.Parallel()
	p, err := scoring.NewProblemRowMajor(nil, mixedCriteria(1), make([]float64, 1001))
	require.NoError(t, err)
	names := p.Alternatives()
	assert.Equal(t, []string{"A1", "A9", "A10", "A99", "A100", "A999", "A1000", "A1001"},
		[]string{names[0], names[8], names[9], names[98], names[99], names[998], names[999], names[1000]})
}

// TestNewProblemAllocations pins the allocation count of building a
// 1000×10 problem: the problem, one block for the values and summaries,
// one slice and one string for the names, the criteria. No pools, no
// goroutines, no scratch (see BenchmarkEndToEnd for the whole call).
func TestNewProblemAllocations(t *testing.T) {
	rows, crits, _ := e2eData(1000, 10)
	got := testing.AllocsPerRun(5, func() {
		if _, err := scoring.NewProblem(nil, crits, rows); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, got, 4.0, "NewProblem allocations")
}

// TestProblemBuilder checks that a problem built row by row equals the one
// NewProblem builds, on one block and on many, and that the builder's
// errors are NewProblem's.
func TestProblemBuilder(t *testing.T) {
	t.Parallel()
	for _, m := range []int{3, 20000} {
		rows, _, _ := flatRandomRows(m, 4, 9)
		crits := mixedCriteria(4)
		names := make([]string, m)
		for i := range names {
			names[i] = "alt " + string(rune('a'+i%26)) + fmt.Sprint(i)
		}
		want, err := scoring.NewProblem(names, crits, rows)
		require.NoError(t, err)
		for _, hint := range []int{0, 1, m, 3 * m} {
			b := scoring.NewProblemBuilder(crits, hint)
			for i, row := range rows {
				require.NoError(t, b.Add(names[i], row))
			}
			rows[0][0] = 1e9 // Add copied the row
			p, err := b.Problem()
			rows[0][0] = want.At(0, 0)
			require.NoError(t, err)
			assert.Equal(t, want.Rows(), p.Rows())
			assert.Equal(t, names, p.Alternatives())
			a, err := scoring.TOPSIS{}.Rank(want, []float64{1, 2, 3, 4})
			require.NoError(t, err)
			c, err := scoring.TOPSIS{}.Rank(p, []float64{1, 2, 3, 4})
			require.NoError(t, err)
			assert.Equal(t, a.Scores, c.Scores)
			_, err = b.Problem()
			assert.Error(t, err, "a spent builder")
		}
	}
	crits := mixedCriteria(2)
	b := scoring.NewProblemBuilder(crits, 0)
	_, err := b.Problem()
	assertInputError(t, err, scoring.ErrEmpty, -1, -1)
	b = scoring.NewProblemBuilder(crits, 0)
	require.NoError(t, b.Add("x", []float64{1, 2}))
	assertInputError(t, b.Add("y", []float64{1}), scoring.ErrRagged, 1, -1)
	_, err = b.Problem()
	assertInputError(t, err, scoring.ErrRagged, 1, -1)
	b = scoring.NewProblemBuilder(crits, 0)
	require.NoError(t, b.Add("x", []float64{1, 2}))
	assertInputError(t, b.Add("y", []float64{1, math.Inf(-1)}), scoring.ErrNotFinite, 1, 1)
	b = scoring.NewProblemBuilder(crits, 0)
	require.NoError(t, b.Add("x", []float64{1, 2}))
	require.NoError(t, b.Add("x", []float64{1, 3}))
	_, err = b.Problem()
	assertInputError(t, err, scoring.ErrDuplicateName, 1, -1)
	b = scoring.NewProblemBuilder(crits, 0)
	require.NoError(t, b.Add("", []float64{1, 2}))
	_, err = b.Problem()
	assertInputError(t, err, scoring.ErrEmpty, 0, -1)
}

// TestDefaultNames checks the names of a problem built without names:
// A1 … Am in Alternatives, in results and in AlternativeIndex, and that
// writing into a result's names (as the contract forbids) renames neither
// the problem's nor another problem's results.
func TestDefaultNames(t *testing.T) {
	t.Parallel()
	rows, crits, w := e2eData(1234, 3)
	p, err := scoring.NewProblem(nil, crits, rows)
	require.NoError(t, err)
	want := make([]string, len(rows))
	for i := range want {
		want[i] = fmt.Sprintf("A%d", i+1)
	}
	assert.Equal(t, want, p.Alternatives())
	res, err := scoring.WeightedSum{}.Rank(p, w)
	require.NoError(t, err)
	assert.Equal(t, want, res.Alternatives)
	res.Alternatives[0] = "changed"
	assert.Equal(t, "A1", p.Alternatives()[0])
	// Another problem's results have names of their own: writing into one
	// result's names reaches no other problem's.
	q, err := scoring.NewProblem(nil, crits, rows)
	require.NoError(t, err)
	other, err := scoring.WeightedSum{}.Rank(q, w)
	require.NoError(t, err)
	assert.Equal(t, "A1", other.Alternatives[0])
	res.Alternatives[0] = "A1"
	for name, i := range map[string]int{"A1": 0, "A10": 9, "A1234": 1233} {
		got, ok := p.AlternativeIndex(name)
		assert.True(t, ok, name)
		assert.Equal(t, i, got, name)
	}
	for _, name := range []string{"", "A", "A0", "A01", "A1235", "A+1", "A-1", "B1", "a1", "A1 "} {
		_, ok := p.AlternativeIndex(name)
		assert.False(t, ok, name)
	}
	rows[7][1] = math.NaN()
	_, err = scoring.NewProblem(nil, crits, rows)
	var ie *scoring.InputError
	require.ErrorAs(t, err, &ie)
	assert.Contains(t, ie.Error(), "A8/")
}

// TestEndToEndAllocations checks that building a 1000×10 problem from
// rows and ranking it allocates at most 10 times, for every method.
func TestEndToEndAllocations(t *testing.T) {
	rows, crits, w := e2eData(1000, 10)
	for _, meth := range endToEndMethods {
		method := meth.make(len(crits))
		got := testing.AllocsPerRun(5, func() {
			p, err := scoring.NewProblem(nil, crits, rows)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := method.Rank(p, w); err != nil {
				t.Fatal(err)
			}
		})
		assert.LessOrEqual(t, got, 10.0, "%s: allocations of NewProblem + Rank at 1000x10", meth.token)
	}
}

// TestNewProblemNoCopy checks that NewProblemNoCopy uses the caller's
// slice as the problem's storage and never writes to it: every value the
// caller's memory held is the problem's, and a slice it may only read
// (here, every value written afterwards by the test itself) shows through.
func TestNewProblemNoCopy(t *testing.T) {
	t.Parallel()
	for _, m := range []int{3, 30000} {
		rows, rowMajor, _ := flatRandomRows(m, 4, 5)
		crits := mixedCriteria(4)
		held := slices.Clone(rowMajor)
		p, err := scoring.NewProblemNoCopy(nil, crits, rowMajor)
		require.NoError(t, err)
		assert.Equal(t, held, rowMajor, "data written to")
		assert.Equal(t, rows, p.Rows())
		want, err := scoring.NewProblem(nil, crits, rows)
		require.NoError(t, err)
		for _, meth := range []scoring.Method{scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.MABAC{}} {
			w := []float64{1, 2, 3, 4}
			a, err := meth.Rank(want, w)
			require.NoError(t, err)
			b, err := meth.Rank(p, w)
			require.NoError(t, err)
			assert.Equal(t, a, b, "%T %d rows", meth, m)
		}
		rowMajor[1] = 12345 // against the contract: shows the storage is shared
		assert.Equal(t, 12345.0, p.At(0, 1), "data copied")
	}
}
