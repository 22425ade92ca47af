package scoring

import (
	"fmt"
	"math"
	"slices"
)

// ELECTREI is ELECTRE I (Roy 1968, "Classement et choix en présence de
// points de vue multiples", RIRO 2(8):57–75) in the formulation of Hwang &
// Yoon (1981), Multiple Attribute Decision Making, Springer, §4.1.2(b):
//
//	c(a,b) = Σ w_j over the criteria with g_j(a) ≥ g_j(b)
//	d(a,b) = max_{j: g_j(a) < g_j(b)} |v_aj − v_bj| / max_j |v_aj − v_bj|
//
// where g_j is oriented by the criterion's direction and v_aj = w_j x_aj/‖x_j‖
// is the weighted vector-normalised value (d = 0 when no criterion favours
// b). a outranks b (a S b) when c(a,b) ≥ c* and d(a,b) ≤ d*; the
// thresholds default to the means of the off-diagonal indices, as in Hwang
// & Yoon. Both comparisons allow 1e-12 for rounding.
//
// ELECTRE I is a choice method: its answer is the kernel of the outranking
// graph, the set of alternatives that outrank every alternative outside it
// and do not outrank one another. Alternatives on a cycle of the graph are
// merged into one indifference class before the kernel is taken (Roy's
// treatment of circuits), and the cycles are reported. ELECTRE I does not
// rank, so it is not a [Method]: [ELECTREI.Evaluate] returns an
// [ELECTREIResult]. Its text token is "electre1".
type ELECTREI struct {
	// ConcordanceThreshold is c* in [0, 1]; nil means the mean of the
	// off-diagonal concordance indices.
	ConcordanceThreshold *float64 `json:"concordance_threshold,omitempty"`
	// DiscordanceThreshold is d* in [0, 1]; nil means the mean of the
	// off-diagonal discordance indices.
	DiscordanceThreshold *float64 `json:"discordance_threshold,omitempty"`
}

// ELECTREIResult is the outcome of ELECTRE I. Matrices are indexed
// [a][b] in the problem's order; their diagonals are 0 (or false) and carry
// no meaning.
type ELECTREIResult struct {
	// Method is "electre1".
	Method string `json:"method"`
	// Alternatives and Criteria are shared with other results from the same
	// problem, as in [Result].
	Alternatives []string `json:"alternatives"`
	Criteria     []string `json:"criteria"`
	// Weights are the weights used, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// Concordance.At(a, b) is c(a, b); Discordance.At(a, b) is d(a, b).
	Concordance *Table `json:"concordance"`
	Discordance *Table `json:"discordance"`
	// ConcordanceThreshold and DiscordanceThreshold are the c* and d*
	// used.
	ConcordanceThreshold float64 `json:"concordance_threshold"`
	DiscordanceThreshold float64 `json:"discordance_threshold"`
	// Outranks[a][b] reports a S b.
	Outranks [][]bool `json:"outranks"`
	// Kernel lists, in problem order, the alternatives ELECTRE I retains.
	Kernel []int `json:"kernel"`
	// Cycles lists the groups of alternatives merged because they outrank
	// one another in a circuit; empty when the graph is acyclic.
	Cycles [][]int `json:"cycles"`
	// Notes records advisories about the input, as in [Result].
	Notes []Note `json:"notes,omitempty"`
}

// outrankTolerance absorbs rounding in threshold comparisons of indices
// that lie in [0, 1].
const outrankTolerance = 1e-12

func checkUnitThreshold(field string, t *float64) error {
	if t == nil {
		return nil
	}
	if math.IsNaN(*t) || math.IsInf(*t, 0) {
		return inputErr(field, -1, -1, "", ErrNotFinite, fmt.Sprint(*t))
	}
	if *t < 0 || *t > 1 {
		return inputErr(field, -1, -1, "", ErrParam, fmt.Sprintf("%g is outside [0, 1]", *t))
	}
	return nil
}

// Evaluate computes the concordance and discordance indices, the
// outranking relation and the kernel, in O(m²·n) time and about 18·m²
// bytes. A threshold outside [0, 1] is an error wrapping [ErrParam]; a
// problem whose matrices would exceed [DefaultMaxMemory] gets a
// [*MemoryError] wrapping [ErrTooLarge]; other errors are those of
// [WeightedSum.Rank].
func (e ELECTREI) Evaluate(p *Problem, weights []float64) (*ELECTREIResult, error) {
	if err := checkUnitThreshold("concordance_threshold", e.ConcordanceThreshold); err != nil {
		return nil, err
	}
	if err := checkUnitThreshold("discordance_threshold", e.DiscordanceThreshold); err != nil {
		return nil, err
	}
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	if err := checkPairwiseMemory("electre1", p.m, electre1PairBytes); err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	g := orientedValues(p)
	// v holds the weighted vector-normalised values, computed on the
	// exactly scaled columns so that no square overflows.
	v := make([]float64, mm*n)
	for j := range n {
		norm := math.Sqrt(p.colSumSq[j])
		if norm == 0 {
			continue
		}
		s := p.colScale[j]
		for a := range mm {
			v[a*n+j] = w[j] * p.data[a*n+j] * s / norm
		}
	}
	conc, disc := make([]float64, mm*mm), make([]float64, mm*mm)
	var sumC, sumD float64
	forBlocks(mm, mm*n, func(lo, hi, _ int) {
		// Each unordered pair once, from its smaller index: the
		// differences and their maximum serve both directions, and each
		// direction sums its own weights in criterion order, as a separate
		// pass over the pair would.
		for a := lo; a < hi; a++ {
			va, ga := v[a*n:(a+1)*n], g[a*n:(a+1)*n]
			crow, drow := conc[a*mm:(a+1)*mm], disc[a*mm:(a+1)*mm]
			for b := a + 1; b < mm; b++ {
				vb, gb := v[b*n:(b+1)*n], g[b*n:(b+1)*n]
				vb, gb = vb[:len(va)], gb[:len(ga)]
				var cab, cba, numAB, numBA, den float64
				for j, x := range va {
					diff := math.Abs(x - vb[j]) // never NaN: plain comparisons suffice
					if diff > den {
						den = diff
					}
					wab, wba, dab, dba := w[j], w[j], 0.0, 0.0
					if ga[j] < gb[j] {
						wab, dab = 0, diff
					}
					if gb[j] < ga[j] {
						wba, dba = 0, diff
					}
					cab += wab
					cba += wba
					if dab > numAB {
						numAB = dab
					}
					if dba > numBA {
						numBA = dba
					}
				}
				crow[b], conc[b*mm+a] = min(cab, 1), min(cba, 1)
				if den > 0 {
					drow[b], disc[b*mm+a] = numAB/den, numBA/den
				}
			}
		}
	})
	for k := range conc {
		sumC += conc[k]
		sumD += disc[k]
	}
	res := &ELECTREIResult{
		Method:       "electre1",
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w,
		Concordance:  newTable(conc, mm, mm),
		Discordance:  newTable(disc, mm, mm),
		Notes:        p.constantNotes(),
	}
	if pairs := float64(mm * (mm - 1)); pairs > 0 {
		res.ConcordanceThreshold, res.DiscordanceThreshold = sumC/pairs, sumD/pairs
	}
	if e.ConcordanceThreshold != nil {
		res.ConcordanceThreshold = *e.ConcordanceThreshold
	}
	if e.DiscordanceThreshold != nil {
		res.DiscordanceThreshold = *e.DiscordanceThreshold
	}
	res.Outranks = boolMatrix(mm)
	for a := range mm {
		for b := range mm {
			res.Outranks[a][b] = a != b &&
				conc[a*mm+b] >= res.ConcordanceThreshold-outrankTolerance &&
				disc[a*mm+b] <= res.DiscordanceThreshold+outrankTolerance
		}
	}
	res.Kernel, res.Cycles = graphKernel(res.Outranks)
	if len(res.Cycles) > 0 {
		res.Notes = append(res.Notes, Note{Code: "outranking-cycle",
			Text: fmt.Sprintf("%d group(s) of alternatives outrank one another in a circuit and are treated as indifferent", len(res.Cycles))})
	}
	return res, nil
}

// orientedValues returns the matrix with cost columns negated, so that
// larger is better everywhere. The values are exact copies (negation is
// exact).
func orientedValues(p *Problem) []float64 {
	g := slices.Clone(p.data)
	for j, c := range p.crits {
		if c.Direction == Cost {
			for a := range p.m {
				g[a*p.n+j] = -g[a*p.n+j]
			}
		}
	}
	return g
}

func boolMatrix(m int) [][]bool {
	flat := make([]bool, m*m)
	out := make([][]bool, m)
	for a := range out {
		out[a] = flat[a*m : (a+1)*m : (a+1)*m]
	}
	return out
}

// graphKernel returns the kernel of the graph arc[a][b] after merging its
// strongly connected components, and the merged components of more than
// one vertex. Both are sorted.
func graphKernel(arc [][]bool) (kernel []int, cycles [][]int) {
	comp, ncomp := stronglyConnected(arc)
	members := make([][]int, ncomp)
	for a, c := range comp {
		members[c] = append(members[c], a)
	}
	cycles = [][]int{}
	for _, ms := range members {
		if len(ms) > 1 {
			cycles = append(cycles, ms)
		}
	}
	slices.SortFunc(cycles, func(x, y []int) int { return x[0] - y[0] })
	// Arcs of the condensed graph, which is acyclic.
	carc := make([][]bool, ncomp)
	for c := range carc {
		carc[c] = make([]bool, ncomp)
	}
	for a, row := range arc {
		for b, ok := range row {
			if ok && comp[a] != comp[b] {
				carc[comp[a]][comp[b]] = true
			}
		}
	}
	// The kernel of an acyclic graph is unique: in topological order, a
	// vertex belongs to it exactly when none of its predecessors does.
	// Kahn's algorithm gives the order in O(ncomp²) on the dense matrix.
	indeg := make([]int, ncomp)
	for c := range ncomp {
		for d := range ncomp {
			if carc[c][d] {
				indeg[d]++
			}
		}
	}
	queue := make([]int, 0, ncomp)
	for c, k := range indeg {
		if k == 0 {
			queue = append(queue, c)
		}
	}
	inKernel, covered := make([]bool, ncomp), make([]bool, ncomp)
	for head := 0; head < len(queue); head++ {
		c := queue[head]
		if !covered[c] {
			inKernel[c] = true
		}
		for d := range ncomp {
			if !carc[c][d] {
				continue
			}
			if inKernel[c] {
				covered[d] = true
			}
			if indeg[d]--; indeg[d] == 0 {
				queue = append(queue, d)
			}
		}
	}
	kernel = []int{}
	for a, c := range comp {
		if inKernel[c] {
			kernel = append(kernel, a)
		}
	}
	return kernel, cycles
}

// stronglyConnected labels the strongly connected components of the graph
// (Tarjan's algorithm, iterative so that deep graphs cannot exhaust the
// stack).
func stronglyConnected(arc [][]bool) (comp []int, ncomp int) {
	m := len(arc)
	index, low := make([]int, m), make([]int, m)
	onStack := make([]bool, m)
	comp = make([]int, m)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next := 0
	type frame struct{ v, child int }
	for root := range m {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.child < m {
				w := f.child
				f.child++
				if !arc[v][w] {
					continue
				}
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
		}
	}
	return comp, ncomp
}
