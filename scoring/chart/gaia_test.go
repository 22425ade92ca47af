package chart_test

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/chart"
)

func gaiaResult(t *testing.T) *scoring.GAIAResult {
	t.Helper()
	p, err := scoring.NewProblem([]string{"In-house", "Agency", "Hybrid", "Freelance"},
		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "quality", Direction: scoring.Benefit}, {Name: "speed", Direction: scoring.Benefit}},
		[][]float64{{120, 7, 5}, {90, 6, 3}, {100, 8, 4}, {60, 4, 6}})
	require.NoError(t, err)
	g, err := scoring.GAIA{}.Evaluate(p, []float64{0.3, 0.5, 0.2})
	require.NoError(t, err)
	return g
}

func TestGAIAStructure(t *testing.T) {
	t.Parallel()
	g := gaiaResult(t)
	c, err := chart.GAIA(g, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)
	all := d.allText()
	for _, name := range append(g.Alternatives, g.Criteria...) {
		assert.Contains(t, all, squash(name))
	}
	assert.Contains(t, c.Title(), "δ = 94.3%")
	// Four alternative dots plus the legend's.
	assert.Equal(t, 5, d.fills[blue], "alternative points")
	// The decision stick, its diamond and their legend entries.
	assert.GreaterOrEqual(t, d.strokes["#D55E00"], 2, "decision stick")
	assert.GreaterOrEqual(t, d.fills["#D55E00"], 1, "decision stick tip")

	c, err = chart.GAIA(g, chart.Options{Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, 3, svgOf(t, c).fills[blue], "Limit keeps two alternatives")
}

func TestGAIABadData(t *testing.T) {
	t.Parallel()
	_, err := chart.GAIA(nil, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrEmpty)
	g := gaiaResult(t)
	bad := *g
	bad.AlternativePoints = append([]scoring.Point(nil), g.AlternativePoints...)
	bad.AlternativePoints[1].Y = math.NaN()
	_, err = chart.GAIA(&bad, chart.Options{})
	var de *chart.DataError
	require.True(t, errors.As(err, &de))
	assert.ErrorIs(t, err, chart.ErrValue)
	assert.Equal(t, 1, de.Row)
	bad = *g
	bad.CriterionAxes = bad.CriterionAxes[:1]
	_, err = chart.GAIA(&bad, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrLength)
	bad = *g
	bad.Delta = 1.5
	_, err = chart.GAIA(&bad, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrValue)

	// One alternative: every point at the origin, still a chart.
	p, err := scoring.NewProblem(nil, []scoring.Criterion{{Name: "a", Direction: scoring.Benefit}}, [][]float64{{1}})
	require.NoError(t, err)
	one, err := scoring.GAIA{}.Evaluate(p, []float64{1})
	require.NoError(t, err)
	_, err = chart.GAIA(one, chart.Options{})
	require.NoError(t, err)
}
