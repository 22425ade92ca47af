package main

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/socialseat/socialseat/placement"
)

// answerFor returns the judgement on Saaty's 1–9 scale nearest to the
// ratio of two hidden weights.
func answerFor(view []float64, p pair) float64 {
	r := view[p.Row] / view[p.Col]
	if r >= 1 {
		return math.Min(9, math.Round(r))
	}
	return 1 / math.Min(9, math.Round(1/r))
}

// spearman returns the rank correlation of two vectors without ties.
func spearman(a, b []float64) float64 {
	rank := func(x []float64) []float64 {
		idx := make([]int, len(x))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return x[idx[i]] < x[idx[j]] })
		r := make([]float64, len(x))
		for k, i := range idx {
			r[i] = float64(k)
		}
		return r
	}
	ra, rb := rank(a), rank(b)
	n := float64(len(a))
	d2 := 0.0
	for i := range ra {
		d2 += (ra[i] - rb[i]) * (ra[i] - rb[i])
	}
	return 1 - 6*d2/(n*(n*n-1))
}

// TestElicitationNeverStalls runs the guided questioning for 12 simulated
// stakeholders, each answering from a hidden weighting rounded to the 1–9
// scale, as the question page does: every step must give a next question
// until the elicitation is done (the incomplete, star-shaped matrices of
// the first answers once made scoring's eigensolver panic), and the weights
// found must order the criteria as the hidden weighting does.
func TestElicitationNeverStalls(t *testing.T) {
	rec, err := placement.Recommend(context.Background(), placement.Profile{Employees: 3000, Countries: 4, Regulation: 3}, placement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prob, _, err := problemOf(rec)
	if err != nil {
		t.Fatal(err)
	}
	questions := 0
	for seed := range uint64(12) {
		r := rand.New(rand.NewPCG(seed, 18))
		view := make([]float64, placement.NumCriteria)
		for i := range view {
			view[i] = 1 + 8*r.Float64()
		}
		answers := map[pair]float64{}
		for range 46 {
			st, err := elicitStep(answers, rec, prob)
			if err != nil {
				t.Fatalf("seed %d after %d answers: %v", seed, len(answers), err)
			}
			if st.Linked && (st.CR == nil || st.Weights == nil) {
				t.Fatalf("seed %d after %d answers: linked without weights or consistency", seed, len(answers))
			}
			if st.Done || st.Next == nil {
				break
			}
			p := pair{st.Next.Row, st.Next.Col}
			if _, ok := answers[p]; ok {
				t.Fatalf("seed %d: pair %v asked twice", seed, p)
			}
			answers[p] = answerFor(view, p)
			questions++
		}
		res, err := individual(answers)
		if err != nil || res == nil {
			t.Fatalf("seed %d: no weights after %d answers: %v", seed, len(answers), err)
		}
		if rho := spearman(view, res.Weights); rho < 0.8 {
			t.Errorf("seed %d: weights %v order the criteria unlike the view %v (ρ = %.2f)", seed, res.Weights, view, rho)
		}
	}
	t.Logf("%d questions asked", questions)
}

// TestGroupOutlier checks the group view on three stakeholders, two of
// whom agree: the third is the outlier, the group's weights lie between,
// and the consensus is computed.
func TestGroupOutlier(t *testing.T) {
	mk := func(name string, id int64, view []float64) stakeholderRow {
		ans := map[pair]float64{}
		for i := range placement.NumCriteria {
			for j := i + 1; j < placement.NumCriteria; j++ {
				ans[pair{i, j}] = answerFor(view, pair{i, j})
			}
		}
		return stakeholderRow{ID: id, Name: name, Answers: ans}
	}
	up := []float64{9, 8, 7, 6, 5, 4, 3, 2, 1.5, 1}
	down := []float64{1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9}
	g, matrices, names := groupOf([]stakeholderRow{mk("Ann", 1, up), mk("Ben", 2, up), mk("Cy", 3, down), {ID: 4, Name: "Dee", Answers: map[pair]float64{{0, 1}: 3}}})
	if g.Included != 3 || len(matrices) != 3 || len(names) != 3 {
		t.Fatalf("included %d, want 3 (Dee's one answer links nothing)", g.Included)
	}
	if g.Outlier != "Cy" {
		t.Errorf("outlier %q, want Cy", g.Outlier)
	}
	if g.KendallW == nil || *g.KendallW >= 0.5 {
		t.Errorf("Kendall's W %v: two against one in reverse should agree little", g.KendallW)
	}
	if g.Stakeholders[3].Included || g.Stakeholders[3].Weights != nil {
		t.Errorf("Dee: %+v", g.Stakeholders[3])
	}
	if d := g.Stakeholders; !(d[0].Distance < d[2].Distance && d[1].Distance < d[2].Distance) {
		t.Errorf("distances from the group: Ann %v, Ben %v, Cy %v", d[0].Distance, d[1].Distance, d[2].Distance)
	}
	// The decision document carries the same stakeholders and ranks as the
	// placement ranking under the group's weights.
	doc, err := withStakeholders(mustRec(t), "t", "n", matrices, names)
	if err != nil {
		t.Fatal(err)
	}
	p := placement.Profile{Employees: 3000, Weights: weightsMap(g.Weights)}
	grec, err := placement.Recommend(context.Background(), p, placement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Result.Ranking[0] != grec.Ranking[0].Structure.ID() {
		t.Errorf("decision winner %s, placement winner under the group's weights %s", doc.Result.Ranking[0], grec.Ranking[0].Structure.ID())
	}
}

func mustRec(t *testing.T) *placement.Recommendation {
	t.Helper()
	rec, err := placement.Recommend(context.Background(), placement.Profile{Employees: 3000}, placement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}
