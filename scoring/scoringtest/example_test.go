package scoringtest_test

import (
	"fmt"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

// maximin ranks alternatives by their worst weighted, min–max normalised
// criterion value: a cautious decision rule written outside the package.
type maximin struct{}

func (maximin) Rank(p *scoring.Problem, weights []float64) (*scoring.Result, error) {
	// Reuse the weighted sum's validation, normalisation and result shape,
	// then replace the scores.
	res, err := scoring.WeightedSum{Normalization: scoring.MinMax}.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	for i, row := range res.Contributions.RowSlices() {
		worst := row[0]
		for _, c := range row[1:] {
			worst = min(worst, c)
		}
		res.Scores[i] = worst
	}
	res.Method, res.Contributions = "maximin", nil
	// Ranks must follow the new scores: rank by counting better scores.
	for i, s := range res.Scores {
		res.Ranks[i] = 1
		for _, t := range res.Scores {
			if t > s {
				res.Ranks[i]++
			}
		}
	}
	return res, nil
}

// A third party's method checked for the properties every method must have.
func ExampleTestMethod() {
	if err := scoringtest.TestMethod(maximin{}); err != nil {
		fmt.Println("maximin:", err)
		return
	}
	fmt.Println("maximin passes")
	// Output: maximin passes
}
