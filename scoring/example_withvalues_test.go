package scoring_test

import (
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// Rank the same three suppliers under two scenarios: the names and
// criteria are checked once, when the first problem is built, and each
// scenario only brings its values. In the base case South and East tie
// (min-max scores 0.5 each); when East's price rises to South's, East
// falls to last.
func ExampleProblem_WithValues() {
	criteria := []scoring.Criterion{
		{Name: "price", Direction: scoring.Cost},
		{Name: "quality", Direction: scoring.Benefit},
	}
	base, err := scoring.NewProblemRowMajor([]string{"North", "South", "East"}, criteria, []float64{
		100, 7,
		120, 9,
		90, 5,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	priceRise := []float64{ // East's price rises by a third
		100, 7,
		120, 9,
		120, 5,
	}
	scenario, err := base.WithValues(priceRise)
	if err != nil {
		fmt.Println(err)
		return
	}
	w := []float64{0.5, 0.5}
	for _, p := range []*scoring.Problem{base, scenario} {
		res, err := scoring.WeightedSum{Normalization: scoring.MinMax}.Rank(p, w)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(res.Alternatives[res.Best()], res.Ranks)
	}
	// Output:
	// North [1 2 2]
	// North [1 2 3]
}
