package scoring_test

import (
	"context"
	"errors"
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

// ExampleSMAA_topRanks analyses 20,000 alternatives. All 20,000 ranks
// would need a 20,000×20,000 matrix per block, far above the 1 GiB bound,
// so Run refuses before allocating it; keeping the first three ranks
// needs a few megabytes. Rows then sum to the chance of being in the top
// three.
func ExampleSMAA_topRanks() {
	const m = 20_000
	rows := make([][]float64, m)
	for i := range rows {
		// Deterministic, well-spread values on three benefit criteria.
		rows[i] = []float64{float64(i*7919%1000) + 1, float64(i*104729%997) + 1, float64(i*15485863%991) + 1}
	}
	p := scoring.MustNewProblem(nil, []scoring.Criterion{
		{Name: "reach", Direction: scoring.Benefit},
		{Name: "quality", Direction: scoring.Benefit},
		{Name: "speed", Direction: scoring.Benefit},
	}, rows)
	s := scoring.SMAA{Samples: 2000, Seed: 1, Workers: 1}
	_, err := s.Run(context.Background(), p)
	var me *scoring.MemoryError
	if errors.As(err, &me) {
		fmt.Println(err)
	}

	s.TopRanks = 3
	res, err := s.Run(context.Background(), p)
	if err != nil {
		log.Fatal(err)
	}
	alts := p.Alternatives()
	for i, b := range res.RankAcceptability {
		if b[0]+b[1]+b[2] > 0.25 {
			fmt.Printf("%s: first %.3f, second %.3f, third %.3f, top three %.3f\n", alts[i], b[0], b[1], b[2], b[0]+b[1]+b[2])
		}
	}
	// Output:
	// scoring: smaa: needs about 8.9 GiB, over the memory bound of 1.0 GiB: keep only the first ranks with TopRanks ("top_ranks"): 10 ranks need about 8.7 MiB
	// A1927: first 0.120, second 0.136, third 0.061, top three 0.318
	// A8248: first 0.000, second 0.296, third 0.199, top three 0.494
	// A9903: first 0.080, second 0.250, third 0.096, top three 0.425
	// A13211: first 0.744, second 0.123, third 0.045, top three 0.912
}
