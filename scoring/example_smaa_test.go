package scoring_test

import (
	"context"
	"fmt"
	"log"

	"github.com/socialseat/socialseat/scoring"
)

// exampleStructures is a small decision: three ways to staff social media,
// rated on cost (per month, lower is better), quality and speed (scores
// out of 10).
func exampleStructures() *scoring.Problem {
	return scoring.MustNewProblem(
		[]string{"In-house", "Agency", "Hybrid"},
		[]scoring.Criterion{
			{Name: "cost", Direction: scoring.Cost},
			{Name: "quality", Direction: scoring.Benefit},
			{Name: "speed", Direction: scoring.Benefit},
		},
		[][]float64{{120, 7, 9}, {90, 6, 5}, {100, 8, 6}},
	)
}

// ExampleSMAA asks how sure the ranking is when nothing is known about the
// weights: each structure's share of first, second and third places over
// 100000 weightings drawn uniformly, the typical weights that make it
// first, and its confidence factor.
func ExampleSMAA() {
	res, err := scoring.SMAA{Samples: 100_000, Seed: 1}.Run(context.Background(), exampleStructures())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("structure   rank 1  rank 2  rank 3   central weights (cost quality speed)")
	for i, name := range res.Alternatives {
		b := res.RankAcceptability[i]
		w := res.CentralWeights[i]
		fmt.Printf("%-10s  %6.3f  %6.3f  %6.3f   %.2f %.2f %.2f  confidence %.0f\n",
			name, b[0], b[1], b[2], w[0], w[1], w[2], res.Confidence[i])
	}
	// Output:
	// structure   rank 1  rank 2  rank 3   central weights (cost quality speed)
	// In-house     0.496   0.270   0.234   0.23 0.24 0.53  confidence 1
	// Agency       0.123   0.127   0.750   0.76 0.10 0.14  confidence 1
	// Hybrid       0.381   0.603   0.017   0.33 0.53 0.14  confidence 1
}

// ExampleSMAA_ordinal adds partial preference information: quality
// matters at least as much as cost, and cost at least as much as speed.
// Weights are then drawn uniformly from that part of the simplex.
func ExampleSMAA_ordinal() {
	s := scoring.SMAA{
		Method:  scoring.TOPSIS{},
		Samples: 50_000,
		Seed:    1,
		Weights: scoring.WeightSpace{Order: []int{1, 0, 2}}, // quality ≥ cost ≥ speed
		Values:  scoring.ValueUncertainty{Fraction: 0.05},   // every value ±5 %
	}
	res, err := s.Run(context.Background(), exampleStructures())
	if err != nil {
		log.Fatal(err)
	}
	for i, name := range res.Alternatives {
		fmt.Printf("%-10s first in %4.1f%% of weightings, confidence %.2f\n",
			name, 100*res.RankAcceptability[i][0], res.Confidence[i])
	}
	// Output:
	// In-house   first in  9.6% of weightings, confidence 0.75
	// Agency     first in  0.0% of weightings, confidence 0.00
	// Hybrid     first in 90.4% of weightings, confidence 1.00
}

// ExampleSensitivity finds how far each weight can move before the
// recommendation changes.
func ExampleSensitivity() {
	res, err := scoring.Sensitivity{}.Run(context.Background(), exampleStructures(), []float64{0.4, 0.4, 0.2})
	if err != nil {
		log.Fatal(err)
	}
	for _, sw := range res.Sweeps {
		top := sw.Top
		if !top.Found {
			fmt.Printf("%-8s %.2f: %s stays best for any weight\n", sw.Criterion, sw.Weight, res.Alternatives[top.From])
			continue
		}
		fmt.Printf("%-8s %.2f: %s stays best until %.4f (change %+.4f), then %s\n",
			sw.Criterion, sw.Weight, res.Alternatives[top.From], top.Weight, top.Change, res.Alternatives[top.To])
	}
	if j, ok := res.MostSensitive(); ok {
		fmt.Println("most sensitive weight:", res.Criteria[j])
	}
	// Output:
	// cost     0.40: Hybrid stays best until 0.1563 (change -0.2437), then In-house
	// quality  0.40: Hybrid stays best until 0.1060 (change -0.2940), then Agency
	// speed    0.20: Hybrid stays best until 0.2920 (change +0.0920), then In-house
	// most sensitive weight: speed
}
