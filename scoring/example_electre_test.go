package scoring_test

import (
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// ELECTRE I keeps the alternatives that no retained alternative outranks:
// here the fighter aircraft of Hwang & Yoon (1981).
func ExampleELECTREI_Evaluate() {
	p := scoring.MustNewProblem(
		[]string{"A1", "A2", "A3", "A4"},
		[]scoring.Criterion{
			{Name: "speed", Direction: scoring.Benefit}, {Name: "range", Direction: scoring.Benefit},
			{Name: "payload", Direction: scoring.Benefit}, {Name: "cost", Direction: scoring.Cost},
			{Name: "reliability", Direction: scoring.Benefit}, {Name: "manoeuvrability", Direction: scoring.Benefit},
		},
		[][]float64{
			{2.0, 1500, 20000, 5.5, 5, 9},
			{2.5, 2700, 18000, 6.5, 3, 5},
			{1.8, 2000, 21000, 4.5, 7, 7},
			{2.2, 1800, 20000, 5.0, 5, 5},
		},
	)
	res, err := scoring.ELECTREI{}.Evaluate(p, []float64{0.2, 0.1, 0.1, 0.1, 0.2, 0.3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("c* = %.2f, d* = %.2f\n", res.ConcordanceThreshold, res.DiscordanceThreshold)
	for _, k := range res.Kernel {
		fmt.Println("kept:", res.Alternatives[k])
	}
	// Output:
	// c* = 0.55, d* = 0.73
	// kept: A1
	// kept: A3
}
