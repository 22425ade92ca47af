package scoring_test

import (
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// Rank a matrix held in one flat row-major slice without copying it: the
// problem takes the slice over, so building it only reads the values
// once. The slice must not be changed while the problem is in use.
func ExampleNewProblemNoCopy() {
	criteria := []scoring.Criterion{
		{Name: "price", Direction: scoring.Cost},
		{Name: "quality", Direction: scoring.Benefit},
	}
	data := []float64{
		100, 7, // North
		120, 9, // South
		90, 5, // East
	}
	p, err := scoring.NewProblemNoCopy([]string{"North", "South", "East"}, criteria, data)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := scoring.TOPSIS{}.Rank(p, []float64{0.5, 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range res.Order() {
		fmt.Printf("%d. %s %.4f\n", res.Ranks[i], res.Alternatives[i], res.Scores[i])
	}
	// Output:
	// 1. South 0.6588
	// 2. North 0.5346
	// 3. East 0.3412
}
