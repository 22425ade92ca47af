package scoring

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// NodeSensitivityResult is the outcome of [Hierarchy.NodeSensitivity].
type NodeSensitivityResult struct {
	// Method is the method's text token.
	Method string `json:"method"`
	// Alternatives are the alternatives' names, shared read-only with the
	// problem as in [Result].
	Alternatives []string `json:"alternatives"`
	// Weights are the base (global) criterion weights, in the problem's
	// order of criteria.
	Weights []float64 `json:"weights"`
	// Better says whether a higher or a lower score is better.
	Better Better `json:"better"`
	// Exact is true when the thresholds are closed-form (methods whose
	// scores are linear in the weights) and false when found numerically.
	Exact bool `json:"exact"`
	// Sweeps holds one sweep per node except the root, in the order of
	// [Hierarchy.Nodes].
	Sweeps []NodeSweep `json:"sweeps"`
}

// NodeSweep is the sensitivity of the top alternative to the global weight
// of one node of the criteria tree, all of its leaves moving together.
type NodeSweep struct {
	// Node is the node's ID.
	Node string `json:"node"`
	// Path lists the IDs from the root to the node, both included.
	Path []string `json:"path"`
	// Leaves are the criteria under the node.
	Leaves []string `json:"leaves"`
	// Weight is the node's base global weight (the sum of its leaves').
	Weight float64 `json:"weight"`
	// Top is the smallest change of the node's global weight that changes
	// the top alternative; Top.Weight is the node's global weight there.
	Top TopChange `json:"top"`
}

// NodeSensitivity answers "how far can this group of criteria, as a whole,
// move before the winner changes?" for every node of the tree but the
// root. For a node whose leaves L carry the global share g, the path
//
//	w_l(t) = t · w_l/g               for l in L   (the leaves keep their proportions)
//	w_l(t) = (1 − t) · w_l/(1 − g)   otherwise    (so do the others)
//
// moves the node's share t from 0 to 1 (if g = 0 the leaves of L share t
// equally; a node holding every criterion cannot move). For a leaf this is
// exactly the one-at-a-time path of [Sensitivity]. The top alternative is
// tracked as in Sensitivity: in closed form for the methods whose scores
// are linear in the weights (weighted sum, PROMETHEE II, MOORA, SPOTIS),
// otherwise by a scan of steps intervals (0 means 100) refined by bisection
// to 1e-10.
//
// m nil means WeightedSum{}. The error is that of [Hierarchy.Weights] or
// of the method, [ErrParam] for steps outside [0, 100000], or the
// context's error.
func (h *Hierarchy) NodeSensitivity(ctx context.Context, m Method, p *Problem, steps int) (*NodeSensitivityResult, error) {
	if steps < 0 || steps > MaxSensitivitySteps {
		return nil, inputErr("steps", -1, -1, "", ErrParam, fmt.Sprintf("%d, want 0 ≤ steps ≤ %d", steps, MaxSensitivitySteps))
	}
	w0, err := h.ProblemWeights(p)
	if err != nil {
		return nil, err
	}
	return h.nodeSensitivity(ctx, m, p, w0, steps)
}

// NodeSensitivityAt is [Hierarchy.NodeSensitivity] around given criterion
// weights (in p's order of criteria) instead of the tree's own, such as a
// group's combined weights on the same tree. The error is also an
// [*InputError] for invalid weights.
func (h *Hierarchy) NodeSensitivityAt(ctx context.Context, m Method, p *Problem, weights []float64, steps int) (*NodeSensitivityResult, error) {
	if steps < 0 || steps > MaxSensitivitySteps {
		return nil, inputErr("steps", -1, -1, "", ErrParam, fmt.Sprintf("%d, want 0 ≤ steps ≤ %d", steps, MaxSensitivitySteps))
	}
	if _, err := h.ProblemWeights(p); err != nil {
		return nil, err
	}
	w0, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	return h.nodeSensitivity(ctx, m, p, w0, steps)
}

func (h *Hierarchy) nodeSensitivity(ctx context.Context, m Method, p *Problem, w0 []float64, steps int) (*NodeSensitivityResult, error) {
	if steps == 0 {
		steps = defaultSensitivitySteps
	}
	if m == nil {
		m = WeightedSum{}
	}
	probe, err := m.Rank(p, w0)
	if err != nil {
		return nil, err
	}
	if probe.Better != Higher && probe.Better != Lower {
		return nil, inputErr("method", -1, -1, "", ErrParam, "the method's result says neither higher nor lower is better")
	}
	exact := false
	if prep, ok := m.(preparer); ok {
		k, err := prep.prepare(p)
		if err != nil {
			return nil, err
		}
		switch k.(type) {
		case linearKernel, linearKernelLower:
			exact = true
		}
	}
	res := &NodeSensitivityResult{Method: probe.Method, Alternatives: p.resultAlts, Weights: w0, Better: probe.Better, Exact: exact}
	col := make(map[string]int, p.n)
	for j, c := range p.crits {
		col[c.Name] = j
	}
	sign := 1.0
	if probe.Better == Lower {
		sign = -1
	}
	for i, nd := range h.nodes {
		if nd.Parent < 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scoring: node sensitivity: %w", err)
		}
		in := make([]bool, p.n)
		var leaves []string
		for _, l := range h.leavesUnder(i) {
			in[col[h.nodes[l].ID]] = true
			leaves = append(leaves, h.nodes[l].ID)
		}
		sw := NodeSweep{Node: nd.ID, Path: slices.Clone(nd.Path), Leaves: leaves}
		var g float64
		for j, ok := range in {
			if ok {
				g += w0[j]
			}
		}
		sw.Weight = g
		ev := nodePath{m: m, p: p, w0: w0, in: in, g: g, sign: sign, w: make([]float64, p.n)}
		if !ev.movable() {
			sw.Top = TopChange{From: bestOf(orient(probe.Scores, sign))}
		} else if sw.Top, err = ev.top(exact, steps); err != nil {
			return nil, err
		}
		res.Sweeps = append(res.Sweeps, sw)
	}
	return res, nil
}

// leavesUnder returns the indices of the leaves under node i.
func (h *Hierarchy) leavesUnder(i int) []int {
	if len(h.nodes[i].Children) == 0 {
		return []int{i}
	}
	var out []int
	for _, c := range h.nodes[i].Children {
		out = append(out, h.leavesUnder(c)...)
	}
	return out
}

func orient(scores []float64, sign float64) []float64 {
	out := make([]float64, len(scores))
	for i, s := range scores {
		out[i] = s * sign
	}
	return out
}

// nodePath evaluates the ranking along one node's path.
type nodePath struct {
	m    Method
	p    *Problem
	w0   []float64
	in   []bool
	g    float64
	sign float64
	w    []float64
}

// movable reports whether the node's share can move: the node must leave
// out some criterion, and some weight must lie outside it.
func (e *nodePath) movable() bool {
	return e.g < 1 && slices.Contains(e.in, false)
}

// scores returns the oriented scores (higher is better) at share t.
func (e *nodePath) scores(t float64) ([]float64, error) {
	var inCount int
	for _, ok := range e.in {
		if ok {
			inCount++
		}
	}
	for j, ok := range e.in {
		switch {
		case ok && e.g > 0:
			e.w[j] = t * e.w0[j] / e.g
		case ok:
			e.w[j] = t / float64(inCount)
		default:
			e.w[j] = (1 - t) * e.w0[j] / (1 - e.g)
		}
	}
	r, err := e.m.Rank(e.p, e.w)
	if err != nil {
		return nil, err
	}
	return orient(r.Scores, e.sign), nil
}

func (e *nodePath) top(exact bool, steps int) (TopChange, error) {
	base, err := e.scores(e.g)
	if err != nil {
		return TopChange{}, err
	}
	b := bestOf(base)
	tc := TopChange{From: b}
	if exact {
		s0, err := e.scores(0)
		if err != nil {
			return tc, err
		}
		s1, err := e.scores(1)
		if err != nil {
			return tc, err
		}
		best := math.Inf(1)
		for k := range s0 {
			if k == b {
				continue
			}
			d0, d1 := s0[b]-s0[k], s1[b]-s1[k]
			if d0 == d1 {
				continue
			}
			t := d0 / (d0 - d1)
			up := d1 < d0 && t >= e.g && t <= 1
			down := d1 > d0 && t <= e.g && t >= 0
			if (up || down) && math.Abs(t-e.g) < best {
				best = math.Abs(t - e.g)
				tc = TopChange{Found: true, Weight: t, Change: t - e.g, From: b, To: k}
			}
		}
		return tc, nil
	}
	// Numerical: scan up and down from g on the grid, bisect the first
	// change of the best alternative in each direction.
	var found []TopChange
	for _, dir := range []int{1, -1} {
		var grid []float64
		for k := 0; k <= steps; k++ {
			if t := float64(k) / float64(steps); dir > 0 && t > e.g || dir < 0 && t < e.g {
				grid = append(grid, t)
			}
		}
		if dir < 0 {
			slices.Reverse(grid)
		}
		lo := e.g
		for _, t := range grid {
			s, err := e.scores(t)
			if err != nil {
				return tc, err
			}
			nb := bestOf(s)
			if nb == b {
				lo = t
				continue
			}
			hi, to := t, nb
			for math.Abs(hi-lo) > 1e-10 {
				mid := (lo + hi) / 2
				s, err := e.scores(mid)
				if err != nil {
					return tc, err
				}
				if nb := bestOf(s); nb != b {
					hi, to = mid, nb
				} else {
					lo = mid
				}
			}
			found = append(found, TopChange{Found: true, Weight: hi, Change: hi - e.g, From: b, To: to})
			break
		}
	}
	for _, f := range found {
		if !tc.Found || math.Abs(f.Change) < math.Abs(tc.Change) {
			tc = f
		}
	}
	return tc, nil
}
