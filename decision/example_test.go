package decision_test

import (
	"fmt"
	"os"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/scoring"
)

// Reopen a saved workshop decision, re-evaluate it and read the result.
func ExampleDecide() {
	data, err := os.ReadFile("testdata/v1/workshop.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := decision.Load(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := decision.Decide(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range out.Result.Alternatives {
		fmt.Printf("%d. %-15s %.3f\n", a.Rank, a.Name, a.Score)
	}
	// Output:
	// 2. Marketing       0.581
	// 1. Communications  0.684
	// 3. Dedicated unit  0.570
	// 4. Agency          0.352
}

// What changes if the CFO's judgement moves and the agency cuts its price?
func ExampleDiff() {
	data, _ := os.ReadFile("testdata/v1/workshop.json")
	before, _ := decision.Load(data)
	after, _ := decision.Load(data)
	after.Performances[3][0] = 60
	after.Stakeholders[1].Judgements["goal"] = scoring.WeightSpec{Method: scoring.BestWorst,
		Best: 0, Worst: 2, BestToOthers: []float64{1, 2, 9}, OthersToWorst: []float64{9, 5, 1}}
	d, err := decision.Diff(before, after)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(d)
	// Output:
	// Agency on cost: 140 → 60.
	// Stakeholder "CFO" changed the judgements on "goal" (same method, different judgements).
	// The weight of cost rose from 0.203 to 0.220.
	// The weight of expertise rose from 0.144 to 0.156.
	// The weight of reach rose from 0.248 to 0.266.
	// The weight of speed rose from 0.111 to 0.119.
	// The weight of brand control fell from 0.294 to 0.240.
	// Marketing moved from 2nd to 3rd place.
	// Dedicated unit moved from 3rd to 4th place.
	// Agency moved from 4th to 2nd place.
}

// Export a flat decision built from plain values, for instance a
// recommendation another package computed.
func ExampleNew() {
	doc, err := decision.New("Export", []string{"Marketing", "Communications"},
		[]scoring.Criterion{{Name: "fit", Direction: scoring.Benefit}, {Name: "effort", Direction: scoring.Cost}},
		[]float64{0.7, 0.3}, [][]float64{{0.8, 5}, {0.6, 2}}, "wsm")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Result.Ranking)
	// Output:
	// [Communications Marketing]
}
