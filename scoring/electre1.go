package scoring

import (
	"fmt"
	"math"
	"math/bits"
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
	// Alternatives are the problem's alternatives' names, in problem
	// order; the slice is shared with other results from the same
	// problem, as in [Result].
	Alternatives []string `json:"alternatives"`
	// Criteria are the problem's criteria's names, in problem order,
	// shared in the same way.
	Criteria []string `json:"criteria"`
	// Weights are the weights used, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// Concordance.At(a, b) is c(a, b) in [0, 1]: the weight of the
	// criteria on which a is at least as good as b.
	Concordance *Table `json:"concordance"`
	// Discordance.At(a, b) is d(a, b) in [0, 1]: b's largest weighted
	// advantage over a relative to the largest weighted difference.
	Discordance *Table `json:"discordance"`
	// ConcordanceThreshold is the c* used: the one given, or the mean of
	// the off-diagonal concordance indices.
	ConcordanceThreshold float64 `json:"concordance_threshold"`
	// DiscordanceThreshold is the d* used: the one given, or the mean of
	// the off-diagonal discordance indices.
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
	conc, disc := electre1Indices(v, g, w, mm, n)
	var sumC, sumD float64
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

// maxMaskCriteria is the largest number of criteria for which
// electre1Indices sums the concordance weights from a table indexed by
// the set of criteria in favour (2^n entries).
const maxMaskCriteria = 16

// electre1Indices returns the concordance and discordance matrices of
// ELECTRE I from the oriented values g and the weighted normalised values
// v (both m × n, row-major) and the weights w.
//
// Each unordered pair is handled once, from its smaller index: the
// differences |v_aj − v_bj| and their maximum serve both directions, and
// each direction sums its own weights in criterion order, as a separate
// pass over the pair would; the loop over b, innermost, reads column-major
// copies of the values. With at most maxMaskCriteria criteria the loop is
// free of data-dependent branches: it collects, per pair and direction, the
// set of criteria in favour as a bit mask, whose weight sum comes from a
// table built in criterion order (so with the same rounding), and takes
// the maxima of the non-negative differences on their bit patterns, which
// order as the numbers do.
func electre1Indices(v, g, w []float64, m, n int) (conc, disc []float64) {
	conc, disc = make([]float64, m*m), make([]float64, m*m)
	vT, gT := make([]float64, n*m), make([]float64, n*m)
	for a := range m {
		for j := range n {
			vT[j*m+a], gT[j*m+a] = v[a*n+j], g[a*n+j]
		}
	}
	var table []float64
	if n <= maxMaskCriteria {
		// table[mask] = Σ w_j over the bits of mask, in increasing j: the
		// mask without its highest bit, plus that bit's weight.
		table = make([]float64, 1<<n)
		for mask := 1; mask < len(table); mask++ {
			hi := bits.Len(uint(mask)) - 1
			table[mask] = table[mask&^(1<<hi)] + w[hi]
		}
	}
	forPairRows(m, n, func(lo, hi, _ int) {
		acc := make([]uint64, 5*m)
		var fac []float64
		if table == nil {
			fac = make([]float64, 2*m)
		}
		for a := lo; a < hi; a++ {
			k := m - a - 1
			if k == 0 {
				continue
			}
			crow, drow := conc[a*m:(a+1)*m], disc[a*m:(a+1)*m]
			if table == nil {
				cab, cba := fac[:k], fac[m:m+k]
				numAB, numBA, den := acc[:k], acc[m:m+k], acc[2*m:2*m+k]
				electre1RowFloat(vT, gT, w, m, n, a, cab, cba, numAB, numBA, den)
				for t := range k {
					b := a + 1 + t
					crow[b], conc[b*m+a] = min(cab[t], 1), min(cba[t], 1)
					if den[t] > 0 {
						d := math.Float64frombits(den[t])
						drow[b], disc[b*m+a] = math.Float64frombits(numAB[t])/d, math.Float64frombits(numBA[t])/d
					}
				}
				continue
			}
			mab, mba, numAB, numBA, den := acc[:k], acc[m:m+k], acc[2*m:2*m+k], acc[3*m:3*m+k], acc[4*m:4*m+k]
			electre1RowMask(vT, gT, m, n, a, mab, mba, numAB, numBA, den)
			for t := range k {
				b := a + 1 + t
				crow[b], conc[b*m+a] = min(table[mab[t]], 1), min(table[mba[t]], 1)
				if den[t] > 0 {
					d := math.Float64frombits(den[t])
					drow[b], disc[b*m+a] = math.Float64frombits(numAB[t])/d, math.Float64frombits(numBA[t])/d
				}
			}
		}
	})
	return conc, disc
}

// b2u is 1 for true and 0 for false.
func b2u(b bool) uint64 {
	var u uint64
	if b {
		u = 1
	}
	return u
}

// absBits returns the bit pattern of |x| (for a NaN-free x): the bit
// patterns of non-negative numbers order as the numbers do.
func absBits(x float64) uint64 { return math.Float64bits(x) &^ (1 << 63) }

// electre1RowMask fills, for the alternatives b = a+1+t, the masks of the
// criteria on which a (mab) and b (mba) are at least as good, and the bit
// patterns of the largest difference against each (numAB, numBA) and
// overall (den).
func electre1RowMask(vT, gT []float64, m, n, a int, mab, mba, numAB, numBA, den []uint64) {
	k := len(mab)
	// The first criterion sets the accumulators, the others update them.
	{
		vj, gj := vT[a+1:m], gT[a+1:m]
		vj, gj = vj[:k], gj[:k]
		mba, numAB, numBA, den := mba[:k], numAB[:k], numBA[:k], den[:k]
		x, ga := vT[a], gT[a]
		for t, y := range vj {
			d := absBits(x - y)
			gb := gj[t]
			lt, gt := b2u(ga < gb), b2u(gb < ga)
			den[t] = d
			numAB[t] = d & -lt
			numBA[t] = d & -gt
			mab[t] = 1 - lt
			mba[t] = 1 - gt
		}
	}
	for j := 1; j < n; j++ {
		vj, gj := vT[j*m+a+1:(j+1)*m], gT[j*m+a+1:(j+1)*m]
		vj, gj = vj[:k], gj[:k]
		mba, numAB, numBA, den := mba[:k], numAB[:k], numBA[:k], den[:k]
		x, ga := vT[j*m+a], gT[j*m+a]
		for t, y := range vj {
			d := absBits(x - y)
			gb := gj[t]
			lt, gt := b2u(ga < gb), b2u(gb < ga)
			den[t] = max(den[t], d)
			numAB[t] = max(numAB[t], d&-lt)
			numBA[t] = max(numBA[t], d&-gt)
			mab[t] |= (1 - lt) << j
			mba[t] |= (1 - gt) << j
		}
	}
}

// electre1RowFloat is electre1RowMask for many criteria: it sums the
// weights in favour of each direction (cab, cba) instead of collecting
// masks.
func electre1RowFloat(vT, gT, w []float64, m, n, a int, cab, cba []float64, numAB, numBA, den []uint64) {
	clear(cab)
	clear(cba)
	clear(numAB)
	clear(numBA)
	clear(den)
	k := len(cab)
	for j := range n {
		vj, gj := vT[j*m+a+1:(j+1)*m], gT[j*m+a+1:(j+1)*m]
		vj, gj = vj[:k], gj[:k]
		x, ga, wj := vT[j*m+a], gT[j*m+a], w[j]
		for t, y := range vj {
			d := absBits(x - y)
			den[t] = max(den[t], d)
			// The weight goes to each direction where its alternative is
			// at least as good (adding nothing elsewhere leaves the same
			// sums).
			switch gb := gj[t]; {
			case ga < gb:
				cba[t] += wj
				numAB[t] = max(numAB[t], d)
			case gb < ga:
				cab[t] += wj
				numBA[t] = max(numBA[t], d)
			default:
				cab[t] += wj
				cba[t] += wj
			}
		}
	}
}
