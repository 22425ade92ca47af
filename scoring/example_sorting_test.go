package scoring_test

import (
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
