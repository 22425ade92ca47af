package scoring_test

import (
	"errors"
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// Three ways to run social media, judged on cost (lower is better), reach
// and response speed.
func Example() {
	p, err := scoring.NewProblem(
		[]string{"In-house team", "Agency", "Hybrid"},
		[]scoring.Criterion{
			{Name: "cost", Direction: scoring.Cost},
			{Name: "reach", Direction: scoring.Benefit},
			{Name: "speed", Direction: scoring.Benefit},
		},
		[][]float64{
			{120, 7, 9},
			{90, 8, 5},
			{100, 8, 7},
		},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := scoring.TOPSIS{}.Rank(p, []float64{0.3, 0.3, 0.4})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range res.Order() {
		fmt.Printf("%d. %-13s %.4f\n", res.Ranks[i], res.Alternatives[i], res.Scores[i])
	}
	// Output:
	// 1. In-house team 0.7011
	// 2. Hybrid        0.5331
	// 3. Agency        0.2989
}

func ExampleNewProblem_invalid() {
	_, err := scoring.NewProblem(nil,
		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "reach", Direction: scoring.Benefit}},
		[][]float64{{120, 7}, {90}},
	)
	fmt.Println(errors.Is(err, scoring.ErrRagged))
	var ie *scoring.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Path, ie.Row)
	}
	fmt.Println(err)
	// Output:
	// true
	// matrix 1
	// matrix[1] ("A2"): ragged matrix (row has 1 values, want 2 (one per criterion))
}

// Hwang & Yoon's (1981) fighter-aircraft example.
func ExampleTOPSIS() {
	p := scoring.MustNewProblem(nil,
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
		})
	res, _ := scoring.TOPSIS{}.Evaluate(p, []float64{0.2, 0.1, 0.1, 0.1, 0.2, 0.3})
	for i, c := range res.Scores {
		fmt.Printf("%s C=%.3f D+=%.4f D-=%.4f rank %d\n", res.Alternatives[i], c, res.DistanceIdeal[i], res.DistanceAntiIdeal[i], res.Ranks[i])
	}
	// Output:
	// A1 C=0.643 D+=0.0546 D-=0.0984 rank 1
	// A2 C=0.268 D+=0.1197 D-=0.0439 rank 4
	// A3 C=0.614 D+=0.0580 D-=0.0920 rank 2
	// A4 C=0.312 D+=0.1009 D-=0.0458 rank 3
}

// Cost criteria need no preprocessing: the normalisation turns them into
// benefit form.
func ExampleTOPSIS_costCriteria() {
	p := scoring.MustNewProblem([]string{"cheap", "dear"},
		[]scoring.Criterion{{Name: "price", Direction: scoring.Cost}},
		[][]float64{{10}, {30}})
	res, _ := scoring.TOPSIS{Normalization: scoring.MinMax}.Rank(p, []float64{1})
	fmt.Printf("%v %.2f\n", res.Ranks, res.Scores)
	// Output: [1 2] [1.00 0.00]
}

// Simple additive weighting explains each score by its contributions.
func ExampleWeightedSum() {
	p := scoring.MustNewProblem([]string{"Marketing", "Communications"},
		[]scoring.Criterion{{Name: "reach", Direction: scoring.Benefit}, {Name: "control", Direction: scoring.Benefit}},
		[][]float64{{8, 4}, {5, 8}})
	res, _ := scoring.WeightedSum{}.Rank(p, []float64{0.6, 0.4})
	for i, name := range res.Alternatives {
		fmt.Printf("%-14s %.2f = reach %.2f + control %.2f\n", name, res.Scores[i], res.Contributions.At(i, 0), res.Contributions.At(i, 1))
	}
	// Output:
	// Marketing      0.80 = reach 0.60 + control 0.20
	// Communications 0.78 = reach 0.38 + control 0.40
}

// Triantaphyllou's (2000) weighted-product example: the ratio of two
// scores is the pairwise ratio P(A1/A2).
func ExampleWeightedProduct() {
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit},
			{Name: "c3", Direction: scoring.Benefit}, {Name: "c4", Direction: scoring.Benefit}},
		[][]float64{{25, 20, 15, 30}, {10, 30, 20, 30}, {30, 10, 30, 10}})
	res, _ := scoring.WeightedProduct{}.Rank(p, []float64{0.20, 0.15, 0.40, 0.25})
	fmt.Printf("P(A1/A2) = %.3f, ranks %v\n", res.Scores[0]/res.Scores[1], res.Ranks)
	// Output: P(A1/A2) = 1.007, ranks [1 2 3]
}

// Opricovic & Tzeng's (2004) example: A2 is the compromise solution.
func ExampleVIKOR() {
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "risk", Direction: scoring.Cost}, {Name: "altitude", Direction: scoring.Benefit}},
		[][]float64{{1, 3000}, {2, 3750}, {5, 4500}})
	res, _ := scoring.NewVIKOR().Evaluate(p, []float64{0.5, 0.5})
	fmt.Printf("S=%.3f R=%.3f Q=%.3f\n", res.S, res.R, res.Scores)
	fmt.Println("compromise:", res.Compromise, "C1:", res.AcceptableAdvantage, "C2:", res.AcceptableStability)
	// Output:
	// S=[0.500 0.375 0.500] R=[0.500 0.250 0.500] Q=[1.000 0.000 1.000]
	// compromise: [1] C1: true C2: true
}

// A linear preference function with indifference threshold q and
// preference threshold p on every criterion (Papathanasiou & Ploskas 2018).
func ExamplePROMETHEEII() {
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit},
			{Name: "c3", Direction: scoring.Benefit}, {Name: "c4", Direction: scoring.Benefit}},
		[][]float64{{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4}, {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}})
	linear := scoring.Preference{Function: scoring.Linear, Q: 1, P: 2}
	m := scoring.PROMETHEEII{Preferences: []scoring.Preference{linear, linear, linear, linear}}
	res, _ := m.Evaluate(p, []float64{0.4, 0.3, 0.1, 0.2})
	fmt.Printf("net %.2f\nphi+ %.2f\nranks %v\n", res.Scores, res.PositiveFlow, res.Ranks)
	// Output:
	// net [-0.26 -0.52 -0.22 0.36 0.70 -0.06]
	// phi+ [0.28 0.14 0.22 0.52 0.78 0.26]
	// ranks [5 6 4 2 1 3]
}

// Podvezko's (2011) COPRAS example: benefits and costs enter separately.
func ExampleCOPRAS() {
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "b1", Direction: scoring.Benefit}, {Name: "b2", Direction: scoring.Benefit},
			{Name: "c1", Direction: scoring.Cost}, {Name: "c2", Direction: scoring.Cost}},
		[][]float64{{42, 19, 13, 110}, {71, 18, 11, 200}, {53, 20, 12, 149}})
	res, _ := scoring.COPRAS{}.Evaluate(p, []float64{0.26, 0.23, 0.24, 0.27})
	fmt.Printf("Q=%.3f N=%.2f%% ranks %v\n", res.Significance, res.Scores, res.Ranks)
	// Output: Q=[0.332 0.334 0.335] N=[99.13 99.78 100.00]% ranks [3 2 1]
}

// Normalize shows the matrix a method works on.
func ExampleNormalize() {
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "reach", Direction: scoring.Benefit}, {Name: "cost", Direction: scoring.Cost}},
		[][]float64{{3, 2}, {4, 4}})
	r, _ := scoring.Normalize(p, scoring.Max)
	fmt.Println(r)
	// Output: [[0.75 1] [1 0.5]]
}

// Do two methods agree on the ranking?
func ExampleSpearmanRho() {
	rho, _ := scoring.SpearmanRho([]int{1, 2, 3, 4, 5}, []int{1, 2, 4, 3, 5})
	tau, _ := scoring.KendallTau([]int{1, 2, 3, 4, 5}, []int{1, 2, 4, 3, 5})
	ws, _ := scoring.WSCoefficient([]int{1, 2, 3, 4, 5}, []int{1, 2, 4, 3, 5})
	fmt.Printf("rho=%.2f tau=%.2f WS=%.4f\n", rho, tau, ws)
	// Output: rho=0.90 tau=0.80 WS=0.9167
}

// Any built-in method reports its intermediate values through the
// Evaluator interface; each detail type embeds the Result.
func ExampleEvaluator() {
	p := scoring.MustNewProblem(nil,
		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "reach", Direction: scoring.Benefit}},
		[][]float64{{120, 7}, {90, 8}, {100, 8}})
	for _, token := range []string{"edas", "mabac", "spotis"} {
		m, _ := scoring.ParseMethod(token)
		d, err := m.(scoring.Evaluator).Detail(p, []float64{0.5, 0.5})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-6s %-20T ranks %v\n", token, d, d.Base().Ranks)
	}
	// Output:
	// edas   *scoring.EDASResult  ranks [3 1 2]
	// mabac  *scoring.MABACResult ranks [3 1 2]
	// spotis *scoring.SPOTISResult ranks [3 1 2]
}

// MULTIMOORA on the candidates of Karabasevic et al. (2015): the three
// MOORA measures and the dominance aggregation. (The paper's weights sum to
// 0.999; rescaled to 1, the ratio system reads 0.001 above its table.)
func ExampleMOORA_multiMOORA() {
	p := scoring.MustNewProblem([]string{"A1", "A2", "A3"},
		[]scoring.Criterion{{Name: "c1", Direction: scoring.Benefit}, {Name: "c2", Direction: scoring.Benefit},
			{Name: "c3", Direction: scoring.Benefit}, {Name: "c4", Direction: scoring.Benefit},
			{Name: "c5", Direction: scoring.Benefit}, {Name: "c6", Direction: scoring.Benefit},
			{Name: "c7", Direction: scoring.Benefit}},
		[][]float64{{4, 3, 3, 4, 3, 2, 4}, {3, 3, 4, 3, 5, 4, 4}, {5, 4, 4, 5, 5, 5, 4}})
	w := []float64{0.215, 0.215, 0.159, 0.133, 0.102, 0.102, 0.073}
	res, err := scoring.MOORA{Form: scoring.MultiMOORA}.Evaluate(p, w)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range res.Alternatives {
		fmt.Printf("%s y %.3f  d %.3f  U %.3e  dominates %d  rank %d\n",
			name, res.Benefit[i]-res.Cost[i], res.Distance[i], res.Utility[i], res.Dominated[i], res.Ranks[i])
	}
	// Output:
	// A1 y 0.495  d 0.046  U 3.877e-09  dominates 0  rank 3
	// A2 y 0.527  d 0.061  U 9.693e-09  dominates 1  rank 2
	// A3 y 0.678  d 0.000  U 4.487e-08  dominates 2  rank 1
}

// SPOTIS measured from an expected solution point: a buyer who wants a
// car near 15,300 in price, 4 l/100 km, 115 g CO2/km, 50 kW and 900 l of
// boot rather than the cheapest and largest (Dezert et al. 2020's cars).
func ExampleSPOTIS_expectedSolutionPoint() {
	p := scoring.MustNewProblem([]string{"A1", "A2", "A3", "A4"},
		[]scoring.Criterion{{Name: "price", Direction: scoring.Cost}, {Name: "fuel", Direction: scoring.Cost},
			{Name: "co2", Direction: scoring.Cost}, {Name: "power", Direction: scoring.Benefit}, {Name: "boot", Direction: scoring.Benefit}},
		[][]float64{{15000, 4.3, 99, 42, 737}, {15290, 5.0, 116, 42, 892}, {15350, 5.0, 114, 45, 952}, {15490, 5.3, 123, 45, 1120}})
	m := scoring.SPOTIS{
		Bounds: [][2]float64{{14000, 16000}, {3, 8}, {80, 140}, {35, 60}, {650, 1300}},
		ESP:    []float64{15300, 4, 115, 50, 900},
	}
	res, err := m.Rank(p, []float64{5, 4, 4, 1, 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range res.Order() {
		fmt.Printf("%d. %s %.4f\n", res.Ranks[i], res.Alternatives[i], res.Scores[i])
	}
	// An expected point outside the bounds is an error naming "esp".
	_, err = scoring.SPOTIS{Bounds: m.Bounds, ESP: []float64{13000, 4, 115, 50, 900}}.Rank(p, []float64{5, 4, 4, 1, 3})
	var ie *scoring.InputError
	fmt.Println(errors.As(err, &ie), ie.Path, errors.Is(err, scoring.ErrParam))
	// Output:
	// 1. A2 0.0734
	// 2. A3 0.0842
	// 3. A1 0.1841
	// 4. A4 0.1920
	// true esp true
}

// Every rank agreement coefficient by name, as the JSON contract names
// them: the reference ranking first.
func ExampleRankAgreement() {
	ref, other := []int{1, 2, 3, 4, 5}, []int{1, 3, 2, 4, 5}
	for _, c := range scoring.RankAgreements() {
		v, _ := c.Compare(ref, other)
		fmt.Printf("%s %.4f\n", c, v)
	}
	// Output:
	// spearman 0.9000
	// weighted_spearman 0.8833
	// kendall 0.8000
	// goodman_kruskal 0.8000
	// ws 0.8542
}
