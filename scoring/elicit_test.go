package scoring_test

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func TestElicitNotLinked(t *testing.T) {
	t.Parallel()
	m := [][]scoring.Judgement{{1, 3, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 2}, {0, 0, 0, 1}}
	st, err := scoring.Elicitation{}.Step(m, []string{"a", "b", "c", "d"}, nil)
	require.NoError(t, err)
	assert.False(t, st.Linked)
	assert.Nil(t, st.Weights)
	assert.Nil(t, st.CR, "no consistency ratio before the items are linked")
	assert.False(t, st.Consistent)
	require.NotNil(t, st.Next)
	assert.Equal(t, 0, st.Next.Row)
	assert.Equal(t, 2, st.Next.Col, "the lowest item not linked to the first")
	assert.Equal(t, "c", st.Next.ColName)
	assert.Equal(t, 2, st.Answered)
	assert.Equal(t, 4, st.Open)
	assert.False(t, st.Done)

	// Bad judgements are still reported while not linked.
	m[2][3] = -1
	_, err = scoring.Elicitation{}.Step(m, nil, nil)
	require.ErrorIs(t, err, scoring.ErrDomain)
}

// The next pair is the open pair whose answer at the two ends of the scale
// moves the completed priorities furthest, recomputed here independently.
func TestElicitNextPairRule(t *testing.T) {
	t.Parallel()
	m := [][]scoring.Judgement{
		{1, 3, 5, 0, 0},
		{0, 1, 0, 2, 0},
		{0, 0, 1, 0, 0},
		{0, 0, 0, 1, 4},
		{0, 0, 0, 0, 1},
	}
	st, err := scoring.Elicitation{}.Step(m, nil, nil)
	require.NoError(t, err)
	require.True(t, st.Linked)
	require.NotNil(t, st.Next)
	best, bestSpread := [2]int{-1, -1}, -1.0
	for i := range 5 {
		for j := i + 1; j < 5; j++ {
			if m[i][j] != 0 {
				continue
			}
			w := func(v float64) []float64 {
				c := make([][]scoring.Judgement, 5)
				for k := range c {
					c[k] = append([]scoring.Judgement(nil), m[k]...)
				}
				c[i][j], c[j][i] = scoring.Judgement(v), scoring.Judgement(1/v)
				r, err := scoring.AHP{}.Weigh(c)
				require.NoError(t, err)
				return r.Weights
			}
			hi, lo := w(9), w(1.0/9)
			var tv float64
			for k := range hi {
				tv += math.Abs(hi[k]-lo[k]) / 2
			}
			if tv > bestSpread+1e-15 {
				best, bestSpread = [2]int{i, j}, tv
			}
		}
	}
	assert.Equal(t, best, [2]int{st.Next.Row, st.Next.Col})
	assert.InDelta(t, bestSpread, st.Next.Spread, 1e-12)
	assert.Len(t, st.Candidates, st.Open)
	for k := 1; k < len(st.Candidates); k++ {
		assert.GreaterOrEqual(t, st.Candidates[k-1].Spread, st.Candidates[k].Spread)
	}
}

func TestElicitTopFixed(t *testing.T) {
	t.Parallel()
	crit := []scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "reach", Direction: scoring.Benefit}, {Name: "speed", Direction: scoring.Benefit}}
	m := [][]scoring.Judgement{{1, 2, 0}, {0, 1, 0}, {0, 0, 1}}
	m[1][2] = 3 // linked, one open pair (0, 2)

	// "Hybrid" is best on every criterion: fixed whatever the answers.
	dominant := scoring.MustNewProblem([]string{"In-house", "Agency", "Hybrid"}, crit,
		[][]float64{{120, 5, 5}, {100, 6, 4}, {80, 9, 8}})
	st, err := scoring.Elicitation{}.Step(m, nil, dominant)
	require.NoError(t, err)
	require.NotNil(t, st.Top)
	assert.True(t, st.Top.Fixed)
	assert.Equal(t, "Hybrid", st.Top.BestName)
	assert.Equal(t, 2, st.Top.Checked)
	assert.Equal(t, -1, st.Top.Challenger)
	assert.Equal(t, st.Consistent, st.Done)

	// A trade-off: cheap but slow against dear but fast; the open pair
	// cost-vs-speed decides.
	tradeoff := scoring.MustNewProblem([]string{"Cheap", "Fast"}, crit,
		[][]float64{{50, 5, 1}, {100, 5, 9}})
	st, err = scoring.Elicitation{}.Step(m, nil, tradeoff)
	require.NoError(t, err)
	assert.False(t, st.Top.Fixed)
	assert.NotEqual(t, -1, st.Top.Challenger)
	assert.NotEqual(t, st.Top.Best, st.Top.Challenger)
	assert.False(t, st.Done)
	assert.Equal(t, []string{"cost", "reach", "speed"}, st.Items)
}

func TestElicitCompleteAndRevisit(t *testing.T) {
	t.Parallel()
	// A complete, inconsistent matrix: nothing left to ask, but a
	// judgement to revisit, the same as AHP's first.
	m := [][]scoring.Judgement{{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}}
	st, err := scoring.Elicitation{}.Step(m, nil, nil)
	require.NoError(t, err)
	assert.Nil(t, st.Next)
	assert.Equal(t, 0, st.Open)
	assert.True(t, st.Done)
	assert.False(t, st.Consistent)
	r, err := scoring.AHP{}.Weigh(m)
	require.NoError(t, err)
	require.NotNil(t, st.Revisit)
	assert.Equal(t, r.Revisit[0], *st.Revisit)
	require.NotNil(t, st.CR)
	assert.InDelta(t, r.CR, *st.CR, 1e-15)
}

func TestElicitRequestJSON(t *testing.T) {
	t.Parallel()
	in := `{
	  "pairwise": [[1, 3, null], ["1/3", 1, 2], [null, "1/2", 1]],
	  "alternatives": ["In-house", "Agency"],
	  "criteria": [{"name": "cost", "direction": "cost"}, {"name": "reach", "direction": "benefit"}, {"name": "speed", "direction": "benefit"}],
	  "matrix": [[120, 5, 5], [100, 6, 4]],
	  "method": "topsis"
	}`
	var req scoring.ElicitRequest
	require.NoError(t, json.Unmarshal([]byte(in), &req))
	st, err := req.Run()
	require.NoError(t, err)
	out, err := json.Marshal(st)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, []any{"cost", "reach", "speed"}, back["items"])
	next := back["next"].(map[string]any)
	assert.Equal(t, "cost", next["row_name"])
	assert.Equal(t, "speed", next["col_name"])
	assert.Contains(t, back, "top")

	req.Method = "nope"
	_, err = req.Run()
	require.ErrorIs(t, err, scoring.ErrUnknownName)
	req.Method = ""
	req.Criteria = req.Criteria[:2]
	req.Matrix = [][]float64{{1, 2}, {3, 4}}
	_, err = req.Run()
	require.ErrorIs(t, err, scoring.ErrLength)
}

// While the judgements do not link the items no consistency ratio can be
// computed: the state's JSON has no "cr" (a CR of 0 would read as
// perfectly consistent), and once they link, "cr" is there, 0 included.
func TestElicitCRAbsentUntilLinked(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in     string
		linked bool
	}{
		{`{"pairwise": [[1, null], [null, 1]]}`, false},
		{`{"pairwise": [[1, 3, null, null], ["1/3", 1, null, null], [null, null, 1, 2], [null, null, "1/2", 1]]}`, false},
		{`{"pairwise": [[1, 2], ["1/2", 1]]}`, true},
	} {
		var req scoring.ElicitRequest
		require.NoError(t, json.Unmarshal([]byte(c.in), &req))
		st, err := req.Run()
		require.NoError(t, err)
		out, err := json.Marshal(st)
		require.NoError(t, err)
		var back map[string]any
		require.NoError(t, json.Unmarshal(out, &back))
		assert.Equal(t, c.linked, back["linked"], c.in)
		if c.linked {
			assert.Equal(t, 0.0, back["cr"], "%s: a consistent pair has CR 0: %s", c.in, out)
		} else {
			assert.NotContains(t, back, "cr", "%s: %s", c.in, out)
		}
		assert.Equal(t, c.linked, back["consistent"], c.in)
	}
}

// A workshop step: two judgements given, which question comes next and is
// the winner already clear?
func ExampleElicitation_Step() {
	p := scoring.MustNewProblem([]string{"In-house", "Agency", "Hybrid"},
		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "reach", Direction: scoring.Benefit}, {Name: "control", Direction: scoring.Benefit}},
		[][]float64{{120, 5, 9}, {90, 8, 3}, {100, 7, 7}})
	judgements := [][]scoring.Judgement{
		{1, 2, 0},
		{0, 1, 3},
		{0, 0, 1},
	}
	st, err := scoring.Elicitation{}.Step(judgements, nil, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weights so far %.3f, CR %.3f\n", st.Weights, *st.CR)
	fmt.Printf("ask next: %s vs %s (can move the weights by %.2f)\n", st.Next.RowName, st.Next.ColName, st.Next.Spread)
	fmt.Printf("leader %s, fixed: %v\n", st.Top.BestName, st.Top.Fixed)
	// Output:
	// weights so far [0.600 0.300 0.100], CR 0.000
	// ask next: cost vs control (can move the weights by 0.45)
	// leader Agency, fixed: false
}

// TestAHPStarJudgementsDoNotPanic: a workshop whose first answers compare
// one item with every other (a star) is completed by Harker's method into
// a matrix whose eigenvalue 1 + (n − 2) is repeated n − 2 times; gonum
// v0.17.0's eigenvector back-substitution panicked on it (index out of
// range in Dlaln2) when Elicitation probed the next pair. A star is
// consistent by construction, so the priorities are known in closed form:
// w_0 ∝ 1 and w_i ∝ 1/a_0i.
func TestAHPStarJudgementsDoNotPanic(t *testing.T) {
	t.Parallel()
	first := []scoring.Judgement{1, 4, 2, 2, 5, 3, 2, 7}
	n := len(first)
	m := make([][]scoring.Judgement, n)
	for i := range m {
		m[i] = make([]scoring.Judgement, n)
		m[i][i] = 1
		m[0][i], m[i][0] = first[i], 1/first[i]
	}
	st, err := scoring.Elicitation{}.Step(m, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, a := range first {
		sum += 1 / float64(a)
	}
	for i, a := range first {
		if want := 1 / float64(a) / sum; math.Abs(st.Weights[i]-want) > 1e-12 {
			t.Errorf("w[%d] = %v, want %v", i, st.Weights[i], want)
		}
	}
	if st.Next == nil || len(st.Candidates) != (n-1)*(n-2)/2 {
		t.Fatalf("next %v, %d candidates; want a next pair among %d", st.Next, len(st.Candidates), (n-1)*(n-2)/2)
	}
	// Every probe the step made, answered at the end of the scale, also
	// weighs without a panic.
	for _, c := range st.Candidates {
		for _, v := range []scoring.Judgement{9, 1.0 / 9} {
			p := make([][]scoring.Judgement, n)
			for i := range m {
				p[i] = slices.Clone(m[i])
			}
			p[c.Row][c.Col], p[c.Col][c.Row] = v, 1/v
			if _, err := (scoring.AHP{}).Weigh(p); err != nil {
				t.Errorf("pair (%d,%d) at %v: %v", c.Row, c.Col, v, err)
			}
		}
	}
}
