package scoring_test

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// TestProblemWithValues checks that a problem built by WithValues ranks
// exactly like one built from scratch with the same names and values, for
// named and default-named alternatives and for a large problem that spans
// several blocks, and that neither the caller's data nor the template
// problem is changed.
func TestProblemWithValues(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{4, 3}, {111, 10}, {30000, 5}} {
		m, n := size[0], size[1]
		_, first, _ := flatRandomRows(m, n, 1)
		_, second, _ := flatRandomRows(m, n, 2)
		crits := mixedCriteria(n)
		var names []string
		if m < 1000 {
			names = make([]string, m)
			for i := range names {
				names[i] = "alt-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
			}
		}
		tmpl, err := scoring.NewProblemRowMajor(names, crits, first)
		require.NoError(t, err)
		tmplRows := tmpl.Rows()
		second0 := slices.Clone(second)

		got, err := tmpl.WithValues(second)
		require.NoError(t, err)
		want, err := scoring.NewProblemRowMajor(names, crits, second)
		require.NoError(t, err)
		assert.Equal(t, want.Rows(), got.Rows(), "%dx%d", m, n)
		assert.Equal(t, second0, second, "caller's data modified")
		assert.Equal(t, tmplRows, tmpl.Rows(), "template changed")
		w := slices.Repeat([]float64{1}, n)
		for _, meth := range []scoring.Method{scoring.TOPSIS{}, scoring.NewVIKOR(), scoring.MABAC{}, scoring.WeightedSum{Normalization: scoring.MinMax}} {
			a, err := meth.Rank(want, w)
			require.NoError(t, err)
			b, err := meth.Rank(got, w)
			require.NoError(t, err)
			assert.True(t, reflect.DeepEqual(a, b), "%T %dx%d: results differ", meth, m, n)
		}
		// Results of the new problem have their own names: writing into
		// them leaves the template's results alone.
		b, err := scoring.TOPSIS{}.Rank(got, w)
		require.NoError(t, err)
		b.Alternatives[0] = "changed"
		c, err := scoring.TOPSIS{}.Rank(tmpl, w)
		require.NoError(t, err)
		assert.NotEqual(t, "changed", c.Alternatives[0])
		second[0] = 1e9
		assert.NotEqual(t, 1e9, got.At(0, 0), "data retained")
	}
}

// TestProblemWithValuesErrors checks the typed errors of WithValues.
func TestProblemWithValuesErrors(t *testing.T) {
	t.Parallel()
	crits := mixedCriteria(3)
	tmpl, err := scoring.NewProblemRowMajor(nil, crits, make([]float64, 6))
	require.NoError(t, err)
	_, err = tmpl.WithValues(make([]float64, 7))
	assertInputError(t, err, scoring.ErrLength, -1, -1)
	bad := make([]float64, 6)
	bad[4] = math.NaN()
	_, err = tmpl.WithValues(bad)
	assertInputError(t, err, scoring.ErrNotFinite, 1, 1)
}

// TestTOPSISRankMatchesEvaluate checks that Rank, which skips the
// distances, gives bit for bit the result inside Evaluate, for every
// normalisation, on a small and on a multi-block problem, and with values
// so large that the unnormalised variant rescales them.
func TestTOPSISRankMatchesEvaluate(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{111, 10}, {30000, 5}} {
		m, n := size[0], size[1]
		_, data, _ := flatRandomRows(m, n, 5)
		for i := range data {
			data[i] = math.Abs(data[i]) + 1 // the ratio normalisations want positives
		}
		huge := slices.Clone(data)
		for i := range huge {
			huge[i] *= 1e300
		}
		for _, values := range [][]float64{data, huge} {
			p, err := scoring.NewProblemRowMajor(nil, mixedCriteria(n), values)
			require.NoError(t, err)
			w := slices.Repeat([]float64{1}, n)
			for _, norm := range []scoring.Normalization{scoring.DefaultNormalization, scoring.Vector, scoring.Max, scoring.MinMax, scoring.Sum, scoring.None} {
				meth := scoring.TOPSIS{Normalization: norm}
				got, err := meth.Rank(p, w)
				require.NoError(t, err, "%v", norm)
				full, err := meth.Evaluate(p, w)
				require.NoError(t, err, "%v", norm)
				assert.True(t, reflect.DeepEqual(&full.Result, got), "%v %dx%d: Rank differs from Evaluate", norm, m, n)
				assert.Len(t, full.DistanceIdeal, m)
			}
		}
	}
}
