package decision_test

import (
	"fmt"
	"math"
	"os"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/scoring"
)

// A workshop end to end: the criteria tree of a saved decision, a new
// stakeholder (the COO) questioned pair by pair at the top of the tree as
// the elicitation suggests until the winner can no longer change, then the
// answers saved in the decision and the decision re-run.
func Example_workshop() {
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
	// The tree with equal weights stands in for the COO's view below the
	// top, and gives the problem the winner check ranks.
	h, err := scoring.NewHierarchy(doc.Tree)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := scoring.NewProblem(doc.Alternatives, doc.Criteria, doc.Performances)
	if err != nil {
		fmt.Println(err)
		return
	}
	winner, err := h.LocalWinner("goal", scoring.TOPSIS{Normalization: scoring.Vector}, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	// What the COO would answer: resources : impact : brand control as 1 : 2 : 4,
	// rounded to the 1–9 scale.
	view := []float64{1, 2, 4}
	answer := func(i, j int) scoring.Judgement {
		r := view[i] / view[j]
		if r >= 1 {
			return scoring.Judgement(math.Round(r))
		}
		return scoring.Judgement(1 / math.Round(1/r))
	}
	items := []string{"resources", "impact", "brand control"}
	m := [][]scoring.Judgement{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	for {
		st, err := scoring.Elicitation{}.StepFunc(m, items, doc.Alternatives, winner)
		if err != nil {
			fmt.Println(err)
			return
		}
		if st.Done || st.Next == nil {
			fmt.Printf("stop after %d questions: %s leads, fixed: %v\n", st.Answered, st.Top.BestName, st.Top.Fixed)
			break
		}
		i, j := st.Next.Row, st.Next.Col
		m[i][j] = answer(i, j)
		fmt.Printf("ask %s vs %s: %v\n", st.Next.RowName, st.Next.ColName, m[i][j])
	}
	doc.Stakeholders = append(doc.Stakeholders, decision.Stakeholder{Name: "COO", Weight: 1,
		Judgements: map[string]scoring.WeightSpec{"goal": {Method: scoring.PairwiseAHP, Pairwise: m}}})
	out, err := decision.Decide(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("ranking:", out.Result.Ranking)
	// Output:
	// ask resources vs impact: 1/2
	// ask resources vs brand control: 1/4
	// ask impact vs brand control: 1/2
	// stop after 3 questions: Communications leads, fixed: true
	// ranking: [Communications Dedicated unit Marketing Agency]
}
