package scoring_test

import (
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// PROMETHEE I keeps the leaving and entering flows apart and reports the
// pairs it refuses to compare.
func ExamplePROMETHEEI_Evaluate() {
	p := scoring.MustNewProblem(
		[]string{"Specialist", "Generalist A", "Generalist B"},
		[]scoring.Criterion{{Name: "reach", Direction: scoring.Benefit}, {Name: "cost", Direction: scoring.Cost}},
		[][]float64{{10, 9}, {5, 5}, {5, 5}},
	)
	res, err := scoring.PROMETHEEI{}.Evaluate(p, []float64{1, 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for a, name := range res.Alternatives {
		fmt.Printf("%-12s φ+ %.2f  φ- %.2f\n", name, res.PositiveFlow[a], res.NegativeFlow[a])
	}
	for _, pair := range res.Incomparable {
		fmt.Printf("%s and %s are incomparable\n", res.Alternatives[pair[0]], res.Alternatives[pair[1]])
	}
	fmt.Println("A vs B:", res.Relation(1, 2))
	// Output:
	// Specialist   φ+ 0.50  φ- 0.50
	// Generalist A φ+ 0.25  φ- 0.25
	// Generalist B φ+ 0.25  φ- 0.25
	// Specialist and Generalist A are incomparable
	// Specialist and Generalist B are incomparable
	// A vs B: indifferent
}

// GAIA places the alternatives, the criteria and the decision stick on one
// plane and says how much of the picture it keeps.
func ExampleGAIA_Evaluate() {
	p := scoring.MustNewProblem(
		[]string{"In-house", "Agency", "Hybrid", "Freelance"},
		[]scoring.Criterion{
			{Name: "cost", Direction: scoring.Cost},
			{Name: "quality", Direction: scoring.Benefit},
			{Name: "speed", Direction: scoring.Benefit},
		},
		[][]float64{{120, 7, 5}, {90, 6, 3}, {100, 8, 4}, {60, 4, 6}},
	)
	res, err := scoring.GAIA{}.Evaluate(p, []float64{0.3, 0.5, 0.2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("δ = %.0f%%\n", 100*res.Delta)
	fmt.Printf("decision stick (%.2f, %.2f)\n", res.DecisionStick.X, res.DecisionStick.Y)
	for a, pt := range res.AlternativePoints {
		fmt.Printf("%-9s (%+.2f, %+.2f)\n", res.Alternatives[a], pt.X, pt.Y)
	}
	// Output:
	// δ = 94%
	// decision stick (0.07, 0.12)
	// In-house  (+0.72, +0.77)
	// Agency    (-0.03, -1.08)
	// Hybrid    (+1.01, -0.02)
	// Freelance (-1.70, +0.33)
}
