package scoring_test

import (
	"context"
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// Sorting options into "adopt / pilot / reject" with MR-Sort, ELECTRE
// TRI-B and FlowSort: each option is compared with the class profiles, not
// with the other options. ELECTRE TRI-B prints its pessimistic and
// optimistic classes; they differ where an option is incomparable with a
// profile (the influencer deal: great reach, poor fit and cost).
func ExampleMRSort_Evaluate() {
	p := scoring.MustNewProblem(
		[]string{"Chatbot", "Community manager", "Influencer deal"},
		[]scoring.Criterion{
			{Name: "reach", Direction: scoring.Benefit},
			{Name: "cost", Direction: scoring.Cost},
			{Name: "brand fit", Direction: scoring.Benefit},
		},
		[][]float64{{6, 40, 5}, {8, 60, 9}, {9, 90, 3}},
	)
	classes := scoring.ClassProfiles{
		Classes:  []string{"adopt", "pilot", "reject"},
		Profiles: [][]float64{{7, 50, 7}, {5, 80, 4}},
	}
	w := []float64{0.4, 0.3, 0.3}
	mr, err := scoring.MRSort{ClassProfiles: classes, Lambda: 0.6}.Evaluate(p, w)
	if err != nil {
		fmt.Println(err)
		return
	}
	tri, err := scoring.ELECTRETRIB{ClassProfiles: classes}.Evaluate(p, w)
	if err != nil {
		fmt.Println(err)
		return
	}
	limiting := scoring.ClassProfiles{
		Classes:  classes.Classes,
		Profiles: [][]float64{{10, 20, 10}, {7, 50, 7}, {5, 80, 4}, {0, 120, 0}},
	}
	fs, err := scoring.FlowSort{ClassProfiles: limiting}.Evaluate(p, w)
	if err != nil {
		fmt.Println(err)
		return
	}
	for a, name := range mr.Alternatives {
		fmt.Printf("%-17s MR-Sort %-6s TRI-B %s/%-6s FlowSort %s\n", name, mr.Classes[mr.Pessimistic[a]],
			tri.Classes[tri.Pessimistic[a]], tri.Classes[tri.Optimistic[a]], fs.Classes[fs.Assignment[a]])
	}
	// Output:
	// Chatbot           MR-Sort pilot  TRI-B pilot/adopt  FlowSort pilot
	// Community manager MR-Sort adopt  TRI-B pilot/adopt  FlowSort adopt
	// Influencer deal   MR-Sort reject TRI-B reject/adopt  FlowSort pilot
}

// Rank reversal: adding a copy of the best alternative lets the runner-up
// overtake it under the sum normalisation (Belton & Gear's objection to
// AHP's distributive mode).
func ExampleRankReversal() {
	p := scoring.MustNewProblem([]string{"A", "B", "C"},
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit}, {Name: "c3", Direction: scoring.Benefit}},
		[][]float64{{1, 9, 8}, {9, 1, 9}, {1, 1, 1}})
	rep, err := scoring.RankReversal(context.Background(), scoring.WeightedSum{Normalization: scoring.Sum}, p, []float64{1, 1, 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range rep.Checks {
		for _, pair := range c.Reversed {
			what := "the dominated alternative"
			if c.Alternative >= 0 {
				what = rep.Alternatives[c.Alternative]
			}
			fmt.Printf("%s of %s: %s no longer ahead of %s\n", c.Perturbation, what,
				rep.Alternatives[pair[0]], rep.Alternatives[pair[1]])
		}
	}
	// Output:
	// add-copy of B: B no longer ahead of A
}

// SMAA with imprecise data: an interval, a missing value and an ordinal
// criterion known only by its levels.
func ExampleImpreciseSMAA_Run() {
	ip := &scoring.ImpreciseProblem{
		Alternatives: []string{"Chatbot", "Community manager", "Agency"},
		Criteria: []scoring.ImpreciseCriterion{
			{Criterion: scoring.Criterion{Name: "reach", Direction: scoring.Benefit}},
			{Criterion: scoring.Criterion{Name: "risk", Direction: scoring.Cost}, Ordinal: true},
		},
		// The chatbot's reach is between 4 and 9; the agency's is unknown.
		Low:     [][]float64{{4, 2}, {6, 1}, {0, 3}},
		High:    [][]float64{{9, 2}, {6, 1}, {0, 3}},
		Missing: [][]bool{{false, false}, {false, false}, {true, false}},
	}
	res, err := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 20000, Seed: 1}, ValueDraws: 200}.Run(context.Background(), ip)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range res.Alternatives {
		fmt.Printf("%-17s first in %.0f%% of the samples\n", name, 100*res.RankAcceptability[i][0])
	}
	// Output:
	// Chatbot           first in 19% of the samples
	// Community manager first in 75% of the samples
	// Agency            first in 6% of the samples
}
