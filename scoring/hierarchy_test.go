package scoring_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// pairwiseFromUpper builds a reciprocal n×n matrix from the judgements
// a_12, a_13, …, a_1n, a_23, … (the order of itertools.combinations).
func pairwiseFromUpper(n int, upper ...float64) [][]scoring.Judgement {
	a := make([][]scoring.Judgement, n)
	for i := range a {
		a[i] = make([]scoring.Judgement, n)
		a[i][i] = 1
	}
	k := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			a[i][j] = scoring.Judgement(upper[k])
			a[j][i] = scoring.Judgement(1 / upper[k])
			k++
		}
	}
	if k != len(upper) {
		panic("pairwiseFromUpper: wrong number of judgements")
	}
	return a
}

// carVehicles and carJudgements are the inputs of the multi-level AHP car
// example of Wikipedia, "Analytic hierarchy process – car example" (the
// Jones family choosing among six Hondas), as transcribed in the README of
// AHPy (github.com/PhilipGriffith/AHPy, "Purchasing a vehicle"), whose
// published outputs (eigenvector priorities, 3 decimals) the test checks.
var carVehicles = []string{"Accord Sedan", "Accord Hybrid", "Pilot", "CR-V", "Element", "Odyssey"}

var carJudgements = map[string][]float64{
	"Price":       {9, 9, 1, 1. / 2, 5, 1, 1. / 9, 1. / 9, 1. / 7, 1. / 9, 1. / 9, 1. / 7, 1. / 2, 5, 6},
	"Safety":      {1, 5, 7, 9, 1. / 3, 5, 7, 9, 1. / 3, 2, 9, 1. / 8, 2, 1. / 8, 1. / 9},
	"Passenger":   {1, 1. / 2, 1, 3, 1. / 2, 1. / 2, 1, 3, 1. / 2, 2, 6, 1, 3, 1. / 2, 1. / 6},
	"Fuel":        {1 / 1.13, 1.41, 1.15, 1.24, 1.19, 1.59, 1.3, 1.4, 1.35, 1 / 1.23, 1 / 1.14, 1 / 1.18, 1.08, 1.04, 1 / 1.04},
	"Resale":      {3, 4, 1. / 2, 2, 2, 2, 1. / 5, 1, 1, 1. / 6, 1. / 2, 1. / 2, 4, 4, 1},
	"Maintenance": {1.5, 4, 4, 4, 5, 4, 4, 4, 5, 1, 1.2, 1, 1, 3, 2},
	"Style":       {1, 7, 5, 9, 6, 7, 5, 9, 6, 1. / 6, 3, 1. / 3, 7, 5, 1. / 5},
	"Cargo":       {1, 1. / 2, 1. / 2, 1. / 2, 1. / 3, 1. / 2, 1. / 2, 1. / 2, 1. / 3, 1, 1, 1. / 2, 1, 1. / 2, 1. / 2},
}

func carTree() scoring.Node {
	leaf := func(id string) scoring.Node { return scoring.Node{ID: id} }
	return scoring.Node{
		ID: "Criteria",
		Weighting: &scoring.WeightSpec{Method: scoring.PairwiseAHP,
			Pairwise: pairwiseFromUpper(4, 3, 7, 3, 9, 1, 1./7)},
		Children: []scoring.Node{
			{ID: "Cost", Weighting: &scoring.WeightSpec{Method: scoring.PairwiseAHP,
				Pairwise: pairwiseFromUpper(4, 2, 5, 3, 2, 2, 1./2)},
				Children: []scoring.Node{leaf("Price"), leaf("Fuel"), leaf("Maintenance"), leaf("Resale")}},
			leaf("Safety"),
			leaf("Style"),
			{ID: "Capacity", Weighting: &scoring.WeightSpec{Method: scoring.PairwiseAHP,
				Pairwise: pairwiseFromUpper(2, 1./5)},
				Children: []scoring.Node{leaf("Cargo"), leaf("Passenger")}},
		},
	}
}

// carProblem is the matrix of the alternatives' local priorities under
// each leaf criterion (the bottom level of the AHP hierarchy), in the
// column order given.
func carProblem(t testing.TB, columns []string) *scoring.Problem {
	rows := make([][]float64, len(carVehicles))
	for i := range rows {
		rows[i] = make([]float64, len(columns))
	}
	crits := make([]scoring.Criterion, len(columns))
	for j, c := range columns {
		r, err := scoring.AHP{}.Weigh(pairwiseFromUpper(6, carJudgements[c]...))
		require.NoError(t, err, c)
		for i := range rows {
			rows[i][j] = r.Weights[i]
		}
		crits[j] = scoring.Criterion{Name: c, Direction: scoring.Benefit}
	}
	p, err := scoring.NewProblem(carVehicles, crits, rows)
	require.NoError(t, err)
	return p
}

func TestHierarchyPublishedCarExample(t *testing.T) {
	t.Parallel()
	const source = "Wikipedia, AHP – car example (inputs); AHPy README, Purchasing a vehicle (outputs, 3 dp)"
	h, err := scoring.NewHierarchy(carTree())
	require.NoError(t, err)

	local := map[string]float64{"Cost": 0.51, "Safety": 0.234, "Style": 0.041, "Capacity": 0.215,
		"Price": 0.488, "Fuel": 0.252, "Maintenance": 0.1, "Resale": 0.161, "Cargo": 0.1667, "Passenger": 0.8333}
	global := map[string]float64{"Cost": 0.51, "Price": 0.249, "Fuel": 0.129, "Resale": 0.082, "Maintenance": 0.051, "Cargo": 0.0358}
	for id, want := range local {
		n, ok := h.Node(id)
		require.True(t, ok, id)
		assert.InDelta(t, want, n.Local, 6e-4, "%s: local weight of %s", source, id)
	}
	for id, want := range global {
		// AHPy multiplies local weights already rounded to 3 decimals
		// (0.51 × 0.252 = 0.1285 → 0.129 for Fuel, where 0.1283 is exact),
		// hence the wider tolerance.
		n, _ := h.Node(id)
		assert.InDelta(t, want, n.Global, 1e-3, "%s: global weight of %s", source, id)
	}
	root, _ := h.Node("Criteria")
	require.NotNil(t, root.Derivation.CR)

	// Columns in an order different from the tree's: weights follow names.
	columns := []string{"Safety", "Price", "Cargo", "Style", "Fuel", "Passenger", "Resale", "Maintenance"}
	p := carProblem(t, columns)
	w, err := h.ProblemWeights(p)
	require.NoError(t, err)
	assert.InDelta(t, 1, sum(w), 1e-12)
	assert.InDelta(t, 0.234, w[0], 6e-4)
	assert.InDelta(t, 0.249, w[1], 6e-4)

	// The alternatives' local priorities (bottom level) and the composite.
	price := []float64{0.246, 0.025, 0.025, 0.246, 0.366, 0.093}
	cargo := []float64{0.089, 0.089, 0.17, 0.17, 0.17, 0.311}
	// The passenger judgements are fully consistent and give seat counts in
	// proportion 3:3:6:3:1:6 (Pilot and Odyssey 8 seats, Element 4, the
	// others 5, as on the Wikipedia page); the passenger vector printed
	// later in the README (0.493, 0.197, …) does not follow from them and
	// is not used, while its composite priorities below agree with ours.
	passenger := []float64{3. / 22, 3. / 22, 6. / 22, 3. / 22, 1. / 22, 6. / 22}
	for i := range carVehicles {
		assert.InDelta(t, price[i], p.At(i, 1), 6e-4, "%s: price priority of %s", source, carVehicles[i])
		assert.InDelta(t, cargo[i], p.At(i, 2), 6e-4, "%s: cargo priority of %s", source, carVehicles[i])
		assert.InDelta(t, passenger[i], p.At(i, 5), 1e-9, "passenger priority of %s", carVehicles[i])
	}
	// Hierarchic composition is the weighted sum of the priorities, which
	// the Sum normalisation leaves unchanged (each column sums to 1).
	res, err := h.Rank(scoring.WeightedSum{Normalization: scoring.Sum}, p)
	require.NoError(t, err)
	composite := []float64{0.215, 0.15, 0.106, 0.167, 0.144, 0.219}
	for i, want := range composite {
		assert.InDelta(t, want, res.Scores[i], 6e-4, "%s: composite priority of %s", source, carVehicles[i])
	}
	assert.Equal(t, "Odyssey", carVehicles[res.Best()])
}

func TestHierarchyBadInput(t *testing.T) {
	t.Parallel()
	leaf := func(id string) scoring.Node { return scoring.Node{ID: id} }
	cyc := scoring.Node{ID: "root"}
	kids := []scoring.Node{{ID: "a"}}
	kids[0].Children = kids // a node whose children include itself
	cyc.Children = kids
	tests := []struct {
		name string
		root scoring.Node
		path []string
		want error
	}{
		{"empty id", scoring.Node{ID: "g", Children: []scoring.Node{leaf("")}}, []string{"g", ""}, scoring.ErrEmpty},
		{"duplicate id", scoring.Node{ID: "g", Children: []scoring.Node{
			{ID: "cost", Children: []scoring.Node{leaf("price")}}, leaf("price")}}, []string{"g", "price"}, scoring.ErrDuplicateName},
		{"cycle", cyc, []string{"root", "a"}, scoring.ErrCycle},
		{"weights do not sum to one", scoring.Node{ID: "g",
			Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{0.5, 0.4}},
			Children:  []scoring.Node{leaf("x"), leaf("y")}}, []string{"g"}, scoring.ErrWeights},
		{"weights for the wrong number of children", scoring.Node{ID: "g",
			Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{1}},
			Children:  []scoring.Node{leaf("x"), leaf("y")}}, []string{"g"}, scoring.ErrLength},
		{"bad BWM at a node", scoring.Node{ID: "g",
			Weighting: &scoring.WeightSpec{Method: scoring.BestWorst, Best: 0, Worst: 1,
				BestToOthers: []float64{1, 3}, OthersToWorst: []float64{4, 1}},
			Children: []scoring.Node{leaf("x"), leaf("y")}}, []string{"g"}, scoring.ErrInconsistent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := scoring.NewHierarchy(tc.root)
			require.ErrorIs(t, err, tc.want)
			var he *scoring.HierarchyError
			require.True(t, errors.As(err, &he), "%v", err)
			assert.Equal(t, tc.path, he.Path, "%v", err)
		})
	}

	// Within the stated tolerance, direct weights are accepted.
	_, err := scoring.NewHierarchy(scoring.Node{ID: "g",
		Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{0.333, 0.333, 0.333}},
		Children:  []scoring.Node{leaf("x"), leaf("y"), leaf("z")}})
	require.NoError(t, err)

	h, err := scoring.NewHierarchy(scoring.Node{ID: "g", Children: []scoring.Node{leaf("x"), leaf("y")}})
	require.NoError(t, err)
	_, err = h.Weights([]string{"x", "y", "z"})
	require.ErrorIs(t, err, scoring.ErrUncovered)
	var he *scoring.HierarchyError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, []string{"z"}, he.Path)
	_, err = h.Weights([]string{"x"})
	require.ErrorIs(t, err, scoring.ErrUnknownName)
	require.ErrorAs(t, err, &he)
	assert.Equal(t, []string{"g", "y"}, he.Path)
}

func TestWeightSpecMethods(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec scoring.WeightSpec
		want []float64
	}{
		{scoring.WeightSpec{}, []float64{1. / 3, 1. / 3, 1. / 3}},
		{scoring.WeightSpec{Method: scoring.Points, Points: []float64{2, 1, 1}}, []float64{0.5, 0.25, 0.25}},
		{scoring.WeightSpec{Method: scoring.SwingWeights, Points: []float64{100, 50, 50}}, []float64{0.5, 0.25, 0.25}},
		{scoring.WeightSpec{Method: scoring.RankOrderCentroid, Ranks: []int{1, 2, 3}}, []float64{11. / 18, 5. / 18, 2. / 18}},
		{scoring.WeightSpec{Method: scoring.PairwiseAHP, Pairwise: pairwiseFromUpper(3, 2, 4, 2)}, []float64{4. / 7, 2. / 7, 1. / 7}},
		{scoring.WeightSpec{Method: scoring.GroupAHP, Stakeholders: [][][]scoring.Judgement{
			pairwiseFromUpper(3, 2, 4, 2), pairwiseFromUpper(3, 2, 4, 2)}}, []float64{4. / 7, 2. / 7, 1. / 7}},
		{scoring.WeightSpec{Method: scoring.BestWorst, Best: 0, Worst: 2,
			BestToOthers: []float64{1, 2, 4}, OthersToWorst: []float64{4, 2, 1}}, []float64{4. / 7, 2. / 7, 1. / 7}},
	}
	for _, tc := range tests {
		d, err := tc.spec.Derive(3)
		require.NoError(t, err, tc.spec.Method.String())
		assert.InDeltaSlice(t, tc.want, d.Weights, 1e-9, tc.spec.Method.String())
	}
}

// outside hides a method's internals, so that sensitivity must scan.
type outside struct{ m scoring.Method }

func (o outside) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	return o.m.Rank(p, w)
}

// A leaf's node sweep is the one-at-a-time sweep of Sensitivity, and the
// numerical scan agrees with the closed form.
func TestNodeSensitivity(t *testing.T) {
	t.Parallel()
	h, err := scoring.NewHierarchy(carTree())
	require.NoError(t, err)
	p := carProblem(t, h.Leaves())
	m := scoring.WeightedSum{Normalization: scoring.Sum}
	ctx := context.Background()
	exact, err := h.NodeSensitivity(ctx, m, p, 0)
	require.NoError(t, err)
	require.True(t, exact.Exact)
	numeric, err := h.NodeSensitivity(ctx, outside{m}, p, 200)
	require.NoError(t, err)
	require.False(t, numeric.Exact)
	w, _ := h.ProblemWeights(p)
	one, err := scoring.Sensitivity{Method: m}.Run(ctx, p, w)
	require.NoError(t, err)
	require.Len(t, exact.Sweeps, 10)
	for k, sw := range exact.Sweeps {
		ns := numeric.Sweeps[k]
		assert.Equal(t, sw.Top.Found, ns.Top.Found, sw.Node)
		assert.Equal(t, sw.Top.To, ns.Top.To, sw.Node)
		assert.InDelta(t, sw.Top.Weight, ns.Top.Weight, 1e-8, sw.Node)
		if len(sw.Leaves) == 1 {
			j, _ := p.CriterionIndex(sw.Node)
			assert.Equal(t, one.Sweeps[j].Top.Found, sw.Top.Found, sw.Node)
			assert.InDelta(t, one.Sweeps[j].Top.Weight, sw.Top.Weight, 1e-9, sw.Node)
			assert.Equal(t, one.Sweeps[j].Top.To, sw.Top.To, sw.Node)
		}
	}
	// Cost as a whole: at its threshold the winner does change.
	var cost scoring.NodeSweep
	for _, sw := range exact.Sweeps {
		if sw.Node == "Cost" {
			cost = sw
		}
	}
	require.True(t, cost.Top.Found)
	assert.Equal(t, []string{"Price", "Fuel", "Maintenance", "Resale"}, cost.Leaves)
	shifted := func(share float64) int {
		ws := make([]float64, len(w))
		for j, c := range p.CriterionNames() {
			n, _ := h.Node(c)
			if n.Path[1] == "Cost" {
				ws[j] = share * w[j] / cost.Weight
			} else {
				ws[j] = (1 - share) * w[j] / (1 - cost.Weight)
			}
		}
		r, err := m.Rank(p, ws)
		require.NoError(t, err)
		return r.Best()
	}
	step := 1e-6
	if cost.Top.Change < 0 {
		step = -step
	}
	assert.Equal(t, cost.Top.From, shifted(cost.Top.Weight-step))
	assert.Equal(t, cost.Top.To, shifted(cost.Top.Weight+step))
}

// A two-level criteria tree mixing direct, rank-order and equal local
// weights: global weights are the products of the local ones.
func ExampleNewHierarchy() {
	leaf := func(id string) scoring.Node { return scoring.Node{ID: id} }
	tree := scoring.Node{
		ID:        "Goal",
		Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{0.6, 0.4}},
		Children: []scoring.Node{
			{ID: "Cost", Weighting: &scoring.WeightSpec{Method: scoring.RankOrderCentroid, Ranks: []int{1, 2}},
				Children: []scoring.Node{leaf("price"), leaf("running cost")}},
			{ID: "Reach", Children: []scoring.Node{leaf("audience"), leaf("engagement")}},
		},
	}
	h, err := scoring.NewHierarchy(tree)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range h.Nodes() {
		fmt.Printf("%-12s local %.3f  global %.3f\n", n.ID, n.Local, n.Global)
	}
	// Output:
	// Goal         local 1.000  global 1.000
	// Cost         local 0.600  global 0.600
	// price        local 0.750  global 0.450
	// running cost local 0.250  global 0.150
	// Reach        local 0.400  global 0.400
	// audience     local 0.500  global 0.200
	// engagement   local 0.500  global 0.200
}

// How far can "Cost" as a whole move before the winner changes?
func ExampleHierarchy_NodeSensitivity() {
	leaf := func(id string) scoring.Node { return scoring.Node{ID: id} }
	h, _ := scoring.NewHierarchy(scoring.Node{
		ID:        "Goal",
		Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{0.5, 0.5}},
		Children: []scoring.Node{
			{ID: "Cost", Children: []scoring.Node{leaf("price"), leaf("running")}},
			leaf("quality"),
		},
	})
	p := scoring.MustNewProblem([]string{"In-house", "Agency"},
		[]scoring.Criterion{
			{Name: "price", Direction: scoring.Cost},
			{Name: "running", Direction: scoring.Cost},
			{Name: "quality", Direction: scoring.Benefit},
		},
		[][]float64{{120, 30, 8}, {90, 20, 6}})
	res, _ := h.NodeSensitivity(context.Background(), nil, p, 0)
	for _, sw := range res.Sweeps {
		if sw.Node == "Cost" {
			fmt.Printf("Cost weighs %.2f; at %.3f the winner changes from %s to %s\n",
				sw.Weight, sw.Top.Weight, p.Alternatives()[sw.Top.From], p.Alternatives()[sw.Top.To])
		}
	}
	// Output:
	// Cost weighs 0.50; at 0.462 the winner changes from Agency to In-house
}

// LocalWinner at a node's current local weights gives the current winner;
// with other local weights it ranks the tree with only that node changed.
func TestHierarchyLocalWinner(t *testing.T) {
	t.Parallel()
	h, err := scoring.NewHierarchy(carTree())
	require.NoError(t, err)
	p := carProblem(t, h.Leaves())
	m := scoring.WeightedSum{Normalization: scoring.Sum}
	res, err := h.Rank(m, p)
	require.NoError(t, err)
	for _, id := range []string{"Criteria", "Cost", "Capacity"} {
		win, err := h.LocalWinner(id, m, p)
		require.NoError(t, err)
		n, _ := h.Node(id)
		nodes := h.Nodes()
		local := make([]float64, len(n.Children))
		for k, c := range n.Children {
			local[k] = nodes[c].Local
		}
		b, err := win(local)
		require.NoError(t, err)
		assert.Equal(t, res.Best(), b, id)
	}
	// All of Cost on Price: the winner is the cheapest car under that
	// weighting, recomputed by hand.
	win, err := h.LocalWinner("Cost", m, p)
	require.NoError(t, err)
	got, err := win([]float64{1, 0, 0, 0})
	require.NoError(t, err)
	w, _ := h.ProblemWeights(p)
	cost, _ := h.Node("Cost")
	for j, c := range p.CriterionNames() {
		switch c {
		case "Price":
			w[j] = cost.Global
		case "Fuel", "Maintenance", "Resale":
			w[j] = 0
		}
	}
	want, err := m.Rank(p, w)
	require.NoError(t, err)
	assert.Equal(t, want.Best(), got)

	_, err = h.LocalWinner("Price", m, p)
	require.ErrorIs(t, err, scoring.ErrUnknownName)
	_, err = win([]float64{1})
	require.ErrorIs(t, err, scoring.ErrLength)
}

// SMAA around the hierarchy's global weights: a tight distribution keeps
// the hierarchy's winner first almost always.
func TestHierarchySMAA(t *testing.T) {
	t.Parallel()
	h, err := scoring.NewHierarchy(carTree())
	require.NoError(t, err)
	p := carProblem(t, h.Leaves())
	ws, err := h.WeightSpace(p, 5000)
	require.NoError(t, err)
	m := scoring.WeightedSum{Normalization: scoring.Sum}
	res, err := scoring.SMAA{Method: m, Samples: 4096, Seed: 3, Weights: ws}.Run(context.Background(), p)
	require.NoError(t, err)
	top, err := h.Rank(m, p)
	require.NoError(t, err)
	assert.Greater(t, res.RankAcceptability[top.Best()][0], 0.5)
	w, _ := h.ProblemWeights(p)
	assert.Equal(t, w, ws.Center)
}

func TestNodeSensitivityAt(t *testing.T) {
	t.Parallel()
	h, err := scoring.NewHierarchy(carTree())
	require.NoError(t, err)
	p := carProblem(t, h.Leaves())
	w, err := h.ProblemWeights(p)
	require.NoError(t, err)
	ctx := context.Background()
	own, err := h.NodeSensitivity(ctx, nil, p, 0)
	require.NoError(t, err)
	at, err := h.NodeSensitivityAt(ctx, nil, p, w, 0)
	require.NoError(t, err)
	assert.True(t, cmp.Equal(own, at, cmpopts.EquateApprox(0, 1e-12)), cmp.Diff(own, at, cmpopts.EquateApprox(0, 1e-12)))
	// Other weights, other thresholds.
	eq := make([]float64, len(w))
	for j := range eq {
		eq[j] = 1
	}
	other, err := h.NodeSensitivityAt(ctx, nil, p, eq, 0)
	require.NoError(t, err)
	assert.InDelta(t, 4.0/8, other.Sweeps[0].Weight, 1e-12, "Cost holds 4 of 8 equal weights")
	_, err = h.NodeSensitivityAt(ctx, nil, p, eq[:3], 0)
	require.ErrorIs(t, err, scoring.ErrLength)
	_, err = h.NodeSensitivityAt(ctx, nil, p, eq, -1)
	require.ErrorIs(t, err, scoring.ErrParam)
}
