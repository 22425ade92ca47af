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

// ELECTRE III with indifference, preference and veto thresholds: the
// final pre-order intersects the descending and ascending distillations.
func ExampleELECTREIII_Evaluate() {
	p := scoring.MustNewProblem(
		[]string{"A", "B", "C"},
		[]scoring.Criterion{{Name: "reach", Direction: scoring.Benefit}, {Name: "fit", Direction: scoring.Benefit}},
		[][]float64{{10, 2}, {8, 6}, {5, 5}},
	)
	v1, v2 := 6.0, 8.0
	e := scoring.ELECTREIII{Thresholds: []scoring.PseudoCriterion{{Q: 1, P: 3, V: &v1}, {Q: 1, P: 3, V: &v2}}}
	res, err := e.Evaluate(p, []float64{0.6, 0.4})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("σ(C, A) = %.3f\n", res.Credibility.At(2, 0))
	fmt.Println("descending:", res.Descending)
	fmt.Println("ascending: ", res.Ascending)
	for a, name := range res.Alternatives {
		fmt.Println(name, "rank", res.Rank[a])
	}
	// Output:
	// σ(C, A) = 0.222
	// descending: [[1] [0] [2]]
	// ascending:  [[0 1] [2]]
	// A rank 2
	// B rank 1
	// C rank 3
}
