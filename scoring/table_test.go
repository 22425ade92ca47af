package scoring_test

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func TestTableAccess(t *testing.T) {
	t.Parallel()
	tab := &scoring.Table{Rows: 2, Cols: 3, Data: []float64{1, 2, 3, 4, 5, 6}}
	require.NoError(t, tab.Check())
	assert.Equal(t, 6.0, tab.At(1, 2))
	assert.Equal(t, []float64{4, 5, 6}, tab.Row(1))
	assert.Equal(t, [][]float64{{1, 2, 3}, {4, 5, 6}}, tab.RowSlices())
	// Appending to a row must not overwrite the next one.
	_ = append(tab.Row(0), 99)
	assert.Equal(t, 4.0, tab.At(1, 0))
	assert.Panics(t, func() { tab.At(2, 0) })
	assert.Panics(t, func() { tab.At(0, 3) })
	assert.Panics(t, func() { tab.At(-1, 0) })
	assert.Panics(t, func() { tab.Row(2) })
}

func TestTableCheck(t *testing.T) {
	t.Parallel()
	for _, tab := range []*scoring.Table{
		{Rows: 2, Cols: 3, Data: make([]float64, 5)},
		{Rows: -1, Cols: 0},
		{Rows: 1, Cols: -2},
		{Rows: math.MaxInt, Cols: 2, Data: make([]float64, 2)},
	} {
		err := tab.Check()
		require.ErrorIs(t, err, scoring.ErrLength, "%d×%d with %d values", tab.Rows, tab.Cols, len(tab.Data))
		var ie *scoring.InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "table", ie.Path)
		_, err = json.Marshal(tab)
		assert.ErrorIs(t, err, scoring.ErrLength)
	}
	assert.NoError(t, (&scoring.Table{}).Check())
}

func TestTableJSON(t *testing.T) {
	t.Parallel()
	tab := &scoring.Table{Rows: 2, Cols: 2, Data: []float64{0.5, 1e-9, 2, 3e21}}
	b, err := json.Marshal(tab)
	require.NoError(t, err)
	want, _ := json.Marshal([][]float64{{0.5, 1e-9}, {2, 3e21}})
	assert.JSONEq(t, string(want), string(b))
	assert.Equal(t, string(want), string(b), "the same bytes as a [][]float64")

	var back scoring.Table
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, *tab, back)

	var nilTab *scoring.Table
	b, err = json.Marshal(nilTab)
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))

	require.NoError(t, json.Unmarshal([]byte(`[]`), &back))
	assert.Equal(t, scoring.Table{Data: []float64{}}, back)

	err = json.Unmarshal([]byte(`[[1,2],[3]]`), &back)
	require.ErrorIs(t, err, scoring.ErrRagged)
	var ie *scoring.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 1, ie.Row)
	assert.Error(t, json.Unmarshal([]byte(`[[1,"x"]]`), &back))
	assert.Error(t, json.Unmarshal([]byte(`{"rows":1}`), &back))

	_, err = json.Marshal(&scoring.Table{Rows: 1, Cols: 1, Data: []float64{math.NaN()}})
	assert.Error(t, err, "NaN cannot be written as JSON")
}

func TestResultContributionsJSON(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{1, 4}, {3, 2}})
	res, err := scoring.WeightedSum{}.Rank(p, []float64{1, 1})
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var got struct {
		Contributions [][]float64 `json:"contributions"`
	}
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, res.Contributions.RowSlices(), got.Contributions)

	var back scoring.Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, res.Contributions, back.Contributions)

	res, err = scoring.TOPSIS{}.Rank(p, []float64{1, 1})
	require.NoError(t, err)
	b, err = json.Marshal(res)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "contributions", "non-additive methods omit them")
}

// A table holds one row per alternative and one column per criterion.
func ExampleTable() {
	p := scoring.MustNewProblem([]string{"Marketing", "Communications"},
		[]scoring.Criterion{{Name: "reach", Direction: scoring.Benefit}, {Name: "control", Direction: scoring.Benefit}},
		[][]float64{{8, 4}, {5, 8}})
	res, _ := scoring.WeightedSum{}.Rank(p, []float64{0.6, 0.4})
	c := res.Contributions
	fmt.Printf("%d×%d, Communications on control: %.2f\n", c.Rows, c.Cols, c.At(1, 1))
	fmt.Printf("Marketing: %.2f\n", c.Row(0))
	b, _ := json.Marshal(c)
	fmt.Println(string(b))
	// Output:
	// 2×2, Communications on control: 0.40
	// Marketing: [0.60 0.20]
	// [[0.6,0.2],[0.375,0.4]]
}
