package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Roy (1978), "ELECTRE III : un algorithme de classements fondé sur une
// représentation floue des préférences en présence de critères
// multiples", Cahiers du CERO 20(1):3–24, the example of §III.5
// (pp. 22–23), read from the copy of the paper that pyDecision's
// documentation links (github.com/Valdecy/Datasets, MCDA/E03.pdf).
//
// The credibility degrees are those of the valued graph of Figure 1
// (p. 10): an arc a_i → a_j carries d(a_i, a_j); an absent arc is 0. With
// the constant discrimination threshold s(λ) = 0.15 the paper obtains
//
//	descending: {a1}, {a2}, {a4}, {a6, a8}, {a3, a5}, {a7}
//	ascending:  {a1}, {a4}, {a6}, {a2}, {a3, a8}, {a5}, {a7}
//
// and, as the final ranking, the rank intervals [r̄, r̲] (formula (4): 1 +
// the number of alternatives in better classes) a1 [1,1], a4 [3,2],
// a2 [2,4], a6 [4,3], a8 [4,5], a3 [6,5], a5 [6,7], a7 [8,8]. In the
// partial pre-order (Figure 5) a2 is comparable with neither a4 nor a6.
// (Figure 5 draws the a3–a8 arc towards a8; the pre-orders and the rank
// intervals printed beside it put a8 before a3 in the descending one and
// tie them in the ascending one, so a8 is preferred to a3, as the text's
// "a8 … soit ex aequo avec a3, soit entre a6 et a3" says.)
func TestPublishedELECTREIIIDistillationRoy1978(t *testing.T) {
	t.Parallel()
	arcs := map[[2]int]float64{
		{1, 2}: 1, {1, 3}: 0.5, {1, 4}: 0.75, {1, 5}: 0.5, {1, 7}: 0.5, {1, 8}: 1,
		{2, 1}: 0.5, {2, 3}: 1, {2, 4}: 0.5, {2, 5}: 1, {2, 7}: 1, {2, 8}: 0.75,
		{3, 5}: 0.75, {3, 7}: 0.5,
		{4, 3}: 0.75, {4, 5}: 1, {4, 6}: 0.75, {4, 7}: 0.75,
		{5, 3}: 0.75, {5, 7}: 0.5,
		{6, 2}: 0.75, {6, 7}: 1,
		{8, 7}: 1,
	}
	const m = 8
	sigma := make([]float64, m*m)
	for a := range m {
		sigma[a*m+a] = 1
	}
	for arc, d := range arcs {
		sigma[(arc[0]-1)*m+arc[1]-1] = d
	}
	res := &ELECTREIIIResult{}
	res.exploit(sigma, m, 0.15, 0)

	// Alternatives are 0-based here: a1 is 0.
	assert.Equal(t, [][]int{{0}, {1}, {3}, {5, 7}, {2, 4}, {6}}, res.Descending)
	assert.Equal(t, [][]int{{0}, {3}, {5}, {1}, {2, 7}, {4}, {6}}, res.Ascending)

	royRank := func(classes [][]int) []int {
		r := make([]int, m)
		before := 0
		for _, c := range classes {
			for _, a := range c {
				r[a] = 1 + before
			}
			before += len(c)
		}
		return r
	}
	// a1 … a8: [r̄, r̲] as printed on p. 23.
	want := [m][2]int{{1, 1}, {2, 4}, {6, 5}, {3, 2}, {6, 7}, {4, 3}, {8, 8}, {4, 5}}
	down, up := royRank(res.Descending), royRank(res.Ascending)
	for a := range m {
		assert.Equal(t, want[a], [2]int{down[a], up[a]}, "a%d", a+1)
	}

	require.Equal(t, [][2]int{{1, 3}, {1, 5}}, res.Incomparable, "a2 R a4, a2 R a6")
	for _, arc := range [][2]int{{0, 3}, {3, 5}, {5, 2}, {2, 4}, {4, 6}, {0, 1}, {1, 2}, {1, 7}, {5, 7}, {7, 2}} {
		assert.Equal(t, Preferred, res.Relations[arc[0]][arc[1]], "a%d P a%d", arc[0]+1, arc[1]+1)
	}
}

// Evaluate computes both directions of a pair at once; each must be the
// one-direction credibility bit for bit.
func TestCredibilityPairMatchesOneDirection(t *testing.T) {
	t.Parallel()
	v1, v2 := 4.0, 2.5
	ts := []PseudoCriterion{{Q: 0.5, P: 1.5, V: &v1}, {Q: 0, P: 2}, {Q: 1, P: 1, V: &v2}, {}}
	w := []float64{0.3, 0.2, 0.4, 0.1}
	rows := [][]float64{}
	for i := range 40 {
		rows = append(rows, []float64{float64(i%7) * 0.9, float64(i*i%11) / 2, float64(i*5%13) / 3, float64(i % 3)})
	}
	crits := []Criterion{{Name: "a", Direction: Benefit}, {Name: "b", Direction: Cost}, {Name: "c", Direction: Benefit}, {Name: "d", Direction: Benefit}}
	p, err := NewProblem(nil, crits, rows)
	require.NoError(t, err)
	res, err := ELECTREIII{Thresholds: ts}.Evaluate(p, w)
	require.NoError(t, err)
	g := orientedValues(p)
	m, n := len(rows), len(crits)
	vetoed := 0
	for a := range m {
		for b := range m {
			if a == b {
				continue
			}
			s, c := credibility(g[a*n:(a+1)*n], g[b*n:(b+1)*n], res.Weights, ts)
			require.Equal(t, s, res.Credibility.At(a, b), "σ(%d, %d)", a, b)
			require.Equal(t, c, res.Concordance.At(a, b), "C(%d, %d)", a, b)
			if s < c {
				vetoed++
			}
		}
	}
	assert.Positive(t, vetoed, "some pairs are weakened by a discordance")
}
