package scoring_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// Saaty's (1988) "size of house" judgements, read from JSON as a
// command-line tool would: fractions may be written as strings.
func ExampleAHP() {
	var in struct {
		Method   string                `json:"method"`
		Pairwise [][]scoring.Judgement `json:"pairwise"`
	}
	_ = json.Unmarshal([]byte(`{"method": "ahp", "pairwise": [[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]]}`), &in)

	r, err := scoring.AHP{}.Weigh(in.Pairwise)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weights %.3f\n", r.Weights)
	fmt.Printf("λmax %.3f  CI %.3f  CR %.3f  consistent %v\n", r.LambdaMax, r.CI, r.CR, r.Consistent)
	rv := r.Revisit[0]
	fmt.Printf("revisit a[%d][%d] = %.0f: consistent value %.2f, CR would be %.3f\n",
		rv.Row, rv.Col, rv.Judgement, rv.Suggested, rv.CR)
	// Output:
	// weights [0.754 0.181 0.065]
	// λmax 3.136  CI 0.068  CR 0.117  consistent false
	// revisit a[0][2] = 8: consistent value 11.54, CR would be 0.052
}

// With Strict, an inconsistent matrix is an error that points at the
// judgement to ask about again.
func ExampleAHP_strict() {
	_, err := scoring.AHP{Strict: true}.Weigh([][]scoring.Judgement{{1, 6, 8}, {0, 1, 4}, {0, 0, 1}})
	var ie *scoring.InputError
	if errors.Is(err, scoring.ErrInconsistent) && errors.As(err, &ie) {
		fmt.Printf("ask again about items %d and %d\n", ie.Row, ie.Col)
	}
	// Output:
	// ask again about items 0 and 2
}

// A missing judgement (0, null or "?") is filled by Harker's method.
func ExampleAHP_incomplete() {
	r, err := scoring.AHP{}.Weigh([][]scoring.Judgement{
		{1, 2, 0, 4},
		{0, 1, 2, 0},
		{0, 0, 1, 2},
		{0, 0, 0, 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weights %.4f\n", r.Weights)
	fmt.Println("filled", r.Filled)
	fmt.Printf("a[0][2] filled with %.2f, CR %.4f\n", r.Matrix[0][2], r.CR)
	// Output:
	// weights [0.4633 0.2755 0.1638 0.0974]
	// filled [[0 2] [1 3]]
	// a[0][2] filled with 2.83, CR 0.0111
}

func ExampleParseJudgement() {
	for _, s := range []string{"3", "1/3", "?", "three"} {
		j, err := scoring.ParseJudgement(s)
		fmt.Printf("%q → %v (%.4f) err=%v\n", s, j, float64(j), errors.Is(err, scoring.ErrUnknownName))
	}
	// Output:
	// "3" → 3 (3.0000) err=false
	// "1/3" → 1/3 (0.3333) err=false
	// "?" → ? (0.0000) err=false
	// "three" → ? (0.0000) err=true
}

func ExampleRankWeighting_Weigh() {
	ranks := []int{1, 2, 2, 3} // two criteria tie for second place
	for _, m := range []scoring.RankWeighting{scoring.ROC, scoring.RankSum, scoring.RankReciprocal} {
		w, _ := m.Weigh(ranks)
		fmt.Printf("%-15s %.4f\n", m, w.Weights)
	}
	// Output:
	// roc             [0.5208 0.2083 0.2083 0.0625]
	// rank_sum        [0.4000 0.2500 0.2500 0.1000]
	// rank_reciprocal [0.4800 0.2000 0.2000 0.1200]
}

func ExampleSwing() {
	// Reach's swing matters most (100); response speed 60; cost 40.
	w, _ := scoring.Swing([]float64{100, 60, 40})
	fmt.Printf("%.2f\n", w.Weights)
	// Output:
	// [0.50 0.30 0.20]
}

func ExampleDirectPoints() {
	w, _ := scoring.DirectPoints([]float64{40, 35, 25})
	fmt.Printf("%.2f\n", w.Weights)
	// Output:
	// [0.40 0.35 0.25]
}

// Entropy weights of Zavadskas & Podvezko's (2016) example.
func ExampleEntropy() {
	p := scoring.MustNewProblem(nil, crits("++++"), [][]float64{
		{3.0, 100, 10, 7}, {2.5, 80, 8, 5}, {1.8, 50, 20, 11}, {2.2, 70, 12, 9},
	})
	w, _ := scoring.Entropy{}.Weigh(p)
	fmt.Printf("weights %.4f\n", w.Weights)
	fmt.Printf("1 − e   %.4f\n", w.Basis)
	// Output:
	// weights [0.1146 0.1981 0.4185 0.2689]
	// 1 − e   [0.0123 0.0212 0.0448 0.0288]
}

// CRITIC weights of Tuş & Aytaç Adalı's (2019) software selection.
func ExampleCRITIC() {
	p := scoring.MustNewProblem(nil, crits("++++++"), [][]float64{
		{5000, 3, 3, 4, 3, 2}, {680, 5, 3, 2, 2, 1}, {2000, 3, 2, 3, 4, 3}, {600, 4, 3, 1, 2, 2}, {800, 2, 4, 3, 3, 4},
	})
	w, _ := scoring.CRITIC{}.Weigh(p)
	fmt.Printf("%.3f\n", w.Weights)
	// Output:
	// [0.157 0.249 0.168 0.121 0.154 0.151]
}

func ExampleStdDev() {
	p := scoring.MustNewProblem(nil, crits("+-"), [][]float64{{1, 10}, {2, 30}, {3, 20}, {4, 40}})
	w, _ := scoring.StdDev{}.Weigh(p)
	fmt.Printf("σ %.4f  weights %.4f\n", w.Basis, w.Weights)
	// Output:
	// σ [0.4303 0.4303]  weights [0.5000 0.5000]
}

// MEREC weights of the illustrative example of Keshavarz-Ghorabaee et al.
// (2021).
func ExampleMEREC() {
	p := scoring.MustNewProblem(nil, crits("++--"), [][]float64{
		{450, 8000, 54, 145}, {10, 9100, 2, 160}, {100, 8200, 31, 153}, {220, 9300, 1, 162}, {5, 8400, 23, 158},
	})
	w, _ := scoring.MEREC{}.Weigh(p)
	fmt.Printf("%.4f\n", w.Weights)
	// Output:
	// [0.5752 0.0141 0.4016 0.0091]
}

func ExampleKendallW() {
	// Three raters rank four criteria (1 = most important).
	w, _ := scoring.KendallW([][]float64{
		{1, 2, 3, 4},
		{1, 3, 2, 4},
		{2, 1, 3, 4},
	})
	fmt.Printf("W = %.3f\n", w)
	// Output:
	// W = 0.778
}

// A three-stakeholder workshop on where social media should sit: the
// heads of marketing, HR and customer service compare four criteria
// (reach, response speed, risk control, cost) pairwise. The group weights
// aggregate their judgements (AIJ); the consensus report says how far they
// agree and who should be heard again on what.
func ExampleGroup() {
	criteria := []string{"reach", "speed", "risk", "cost"}
	stakeholders := []string{"marketing", "HR", "customer service"}
	judgements := [][][]scoring.Judgement{
		{ // marketing: reach first
			{1, 3, 5, 4},
			{0, 1, 2, 2},
			{0, 0, 1, 1},
			{0, 0, 0, 1},
		},
		{ // HR: risk control first
			{1, 1, 1.0 / 5, 1.0 / 2},
			{0, 1, 1.0 / 4, 1.0 / 2},
			{0, 0, 1, 3},
			{0, 0, 0, 1},
		},
		{ // customer service: speed first
			{1, 1.0 / 4, 1, 2},
			{0, 1, 3, 5},
			{0, 0, 1, 2},
			{0, 0, 0, 1},
		},
	}
	r, err := scoring.Group{}.Weigh(judgements, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for j, c := range criteria {
		fmt.Printf("%-6s %.3f\n", c, r.Weights[j])
	}
	for k, s := range stakeholders {
		fmt.Printf("%-16s CR %.3f  distance %.3f\n", s, r.Individual[k].CR, r.Consensus.Distances[k])
	}
	f := r.Consensus.Furthest
	main := r.Consensus.MainCriterion[f]
	fmt.Printf("Kendall's W %.2f; furthest: %s, on %s (%+.3f)\n",
		r.Consensus.KendallW, stakeholders[f], criteria[main], r.Consensus.Deviations[f][main])
	// Output:
	// reach  0.267
	// speed  0.295
	// risk   0.274
	// cost   0.164
	// marketing        CR 0.006  distance 0.344
	// HR               CR 0.006  distance 0.371
	// customer service CR 0.008  distance 0.304
	// Kendall's W 0.11; furthest: HR, on risk (+0.282)
}
