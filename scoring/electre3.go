package scoring

import (
	"fmt"
	"math"
	"slices"
)

// PseudoCriterion holds the thresholds of one criterion in ELECTRE III and
// ELECTRE TRI, in the criterion's own units: the indifference threshold Q,
// the preference threshold P and the optional veto threshold V, with
// 0 ≤ Q ≤ P ≤ V. A nil V (JSON null or absent) means the criterion has no
// veto. The zero value is a true criterion without veto: any advantage is
// a strict preference.
type PseudoCriterion struct {
	// Q is the indifference threshold: an advantage of at most Q counts
	// for nothing.
	Q float64 `json:"q"`
	// P is the preference threshold: an advantage of at least P is a
	// strict preference; between Q and P it is weak.
	P float64 `json:"p"`
	// V, if not nil, is the veto threshold: an advantage of at least V
	// on this criterion forbids the other alternative to outrank.
	V *float64 `json:"v,omitempty"`
}

func (t PseudoCriterion) check(field string, j int, name string) error {
	vals := []float64{t.Q, t.P}
	if t.V != nil {
		vals = append(vals, *t.V)
	}
	for _, x := range vals {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return inputErr(field, -1, j, name, ErrNotFinite, fmt.Sprint(x))
		}
	}
	if t.Q < 0 || t.P < t.Q || (t.V != nil && *t.V < t.P) {
		v := "none"
		if t.V != nil {
			v = fmt.Sprint(*t.V)
		}
		return inputErr(field, -1, j, name, ErrParam, fmt.Sprintf("q = %g, p = %g, v = %s, want 0 ≤ q ≤ p ≤ v", t.Q, t.P, v))
	}
	return nil
}

// credibilityPair returns σ(a, b), C(a, b), σ(b, a) and C(b, a), with the
// same operations, in the same order, as credibility on each direction.
func credibilityPair(ga, gb []float64, w []float64, ts []PseudoCriterion) (sab, cab, sba, cba float64) {
	maxAB, maxBA := 0.0, 0.0
	gb = gb[:len(ga)]
	for j, t := range ts {
		d := gb[j] - ga[j] // b's advantage; a's is −d exactly
		cab += w[j] * t.concordance(d)
		cba += w[j] * t.concordance(-d)
		if t.V != nil {
			maxAB = max(maxAB, t.discordance(d))
			maxBA = max(maxBA, t.discordance(-d))
		}
	}
	cab, cba = min(max(cab, 0), 1), min(max(cba, 0), 1)
	sab, sba = cab, cba
	if maxAB > cab {
		for j, t := range ts {
			if d := t.discordance(gb[j] - ga[j]); d > cab {
				sab *= (1 - d) / (1 - cab)
			}
		}
	}
	if maxBA > cba {
		for j, t := range ts {
			if d := t.discordance(ga[j] - gb[j]); d > cba {
				sba *= (1 - d) / (1 - cba)
			}
		}
	}
	return sab, cab, sba, cba
}

// concordance returns c_j(a, b) for the advantage d = g_j(b) − g_j(a) of b
// over a.
func (t PseudoCriterion) concordance(d float64) float64 {
	switch {
	case d <= t.Q:
		return 1
	case d >= t.P:
		return 0
	}
	return (t.P - d) / (t.P - t.Q)
}

// discordance returns d_j(a, b) for the advantage d of b over a.
func (t PseudoCriterion) discordance(d float64) float64 {
	switch {
	case t.V == nil || d <= t.P:
		return 0
	case d >= *t.V:
		return 1
	}
	return (d - t.P) / (*t.V - t.P)
}

// checkPseudoCriteria validates one set of thresholds per criterion; nil
// means a true criterion without veto everywhere.
func checkPseudoCriteria(field string, ts []PseudoCriterion, p *Problem) ([]PseudoCriterion, error) {
	if ts == nil {
		return make([]PseudoCriterion, p.n), nil
	}
	if len(ts) != p.n {
		return nil, inputErr(field, -1, -1, "", ErrLength, fmt.Sprintf("%d thresholds for %d criteria", len(ts), p.n))
	}
	for j, t := range ts {
		if err := t.check(field, j, p.crits[j].Name); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

// credibility returns σ(a, b) for the oriented performance rows ga, gb:
// σ = C·Π_{j: d_j > C} (1 − d_j)/(1 − C).
// The discordances are computed twice only for the pairs where one
// exceeds C; the others have σ = C.
func credibility(ga, gb []float64, w []float64, ts []PseudoCriterion) (sigma, conc float64) {
	maxD := 0.0
	for j, t := range ts {
		d := gb[j] - ga[j]
		conc += w[j] * t.concordance(d)
		if t.V != nil {
			if dj := t.discordance(d); dj > maxD {
				maxD = dj
			}
		}
	}
	switch {
	case conc > 1:
		conc = 1
	case conc < 0:
		conc = 0
	}
	sigma = conc
	if maxD <= conc {
		return sigma, conc
	}
	for j, t := range ts {
		if d := t.discordance(gb[j] - ga[j]); d > conc {
			sigma *= (1 - d) / (1 - conc)
		}
	}
	return sigma, conc
}

// ELECTREIII is ELECTRE III (Roy 1978, "ELECTRE III: un algorithme de
// classement fondé sur une représentation floue des préférences en
// présence de critères multiples", Cahiers du CERO 20(1):3–24) as set out
// by Figueira, Mousseau & Roy (2005), "ELECTRE methods", ch. 4 of
// Figueira, Greco & Ehrgott (eds.), Multiple Criteria Decision Analysis:
// State of the Art Surveys, Springer, §4.3.3, with the distillation of Roy
// & Bouyssou (1993), Aide multicritère à la décision, Economica, ch. 6.
//
// With the advantage Δ_j = g_j(b) − g_j(a) of b over a on criterion j
// (oriented by its direction) and its thresholds q_j ≤ p_j ≤ v_j:
//
//	c_j(a,b) = 1 if Δ_j ≤ q_j, 0 if Δ_j ≥ p_j, (p_j − Δ_j)/(p_j − q_j) between
//	d_j(a,b) = 0 if Δ_j ≤ p_j, 1 if Δ_j ≥ v_j, (Δ_j − p_j)/(v_j − p_j) between
//	C(a,b)   = Σ_j w_j c_j(a,b)
//	σ(a,b)   = C(a,b) · Π_{j: d_j(a,b) > C(a,b)} (1 − d_j(a,b))/(1 − C(a,b))
//
// The descending distillation repeatedly extracts, from the alternatives
// not yet ranked, those of maximal qualification (the number of
// alternatives they λ-outrank minus the number that λ-outrank them), where
// a λ-outranks b if σ(a,b) > λ and σ(a,b) − σ(b,a) > s(σ(a,b)) with the
// discrimination threshold s(λ) = α + βλ (α = 0.3, β = −0.15 by default);
// λ starts at the largest credibility among them and, while several
// alternatives tie, drops to the largest credibility below λ − s(λ). The
// ascending distillation extracts the alternatives of minimal
// qualification, from the bottom. The final pre-order is their
// intersection: a is preferred to b when it is ranked better in one
// pre-order and not worse in the other, indifferent when ranked alike in
// both, and incomparable when the two pre-orders disagree.
//
// ELECTRE III does not produce a complete ranking, so it is not a
// [Method]: [ELECTREIII.Evaluate] returns an [ELECTREIIIResult]. Its text
// token is "electre3". The zero value uses true criteria (q = p = 0)
// without veto and the default discrimination threshold.
type ELECTREIII struct {
	// Thresholds holds one set of thresholds per criterion; nil means
	// q = p = 0 without veto everywhere.
	Thresholds []PseudoCriterion `json:"thresholds,omitempty"`
	// Alpha is α in the discrimination threshold s(λ) = α + βλ; Alpha and
	// Beta both zero mean the defaults α = 0.3, β = −0.15. s must stay
	// non-negative on [0, 1].
	Alpha float64 `json:"alpha"`
	// Beta is β in s(λ) = α + βλ; see Alpha.
	Beta float64 `json:"beta"`
}

// ELECTREIIIResult is the outcome of ELECTRE III. Matrices are indexed
// [a][b] in the problem's order.
type ELECTREIIIResult struct {
	// Method is "electre3".
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
	// Concordance.At(a, b) is the global concordance C(a, b) in [0, 1];
	// the diagonal is 1.
	Concordance *Table `json:"concordance"`
	// Credibility.At(a, b) is σ(a, b) in [0, 1], the credibility of
	// "a outranks b": C(a, b) lowered by the discordant criteria; the
	// diagonal is 1.
	Credibility *Table `json:"credibility"`
	// Descending is the descending distillation's classes, best first;
	// each class lists alternatives in problem order.
	Descending [][]int `json:"descending"`
	// Ascending is the ascending distillation's classes, also best first
	// (the distillation extracts them from the worst; they are listed
	// reversed), each in problem order.
	Ascending [][]int `json:"ascending"`
	// DescendingRank[a] is the 1-based position of a's class in
	// Descending, counted from the best.
	DescendingRank []int `json:"descending_rank"`
	// AscendingRank[a] is the 1-based position of a's class in
	// Ascending, counted from the best.
	AscendingRank []int `json:"ascending_rank"`
	// Relations[a][b] is the relation of a to b in the final pre-order.
	Relations [][]Relation `json:"relations"`
	// Incomparable lists the incomparable pairs {a, b} with a < b.
	Incomparable [][2]int `json:"incomparable"`
	// Rank[a] is 1 plus the number of alternatives preferred to a in the
	// final pre-order: a summary, not a complete ranking (incomparable
	// alternatives can share a rank).
	Rank []int `json:"rank"`
	// Notes records advisories about the input, as in [Result].
	Notes []Note `json:"notes,omitempty"`
}

// Evaluate computes the credibility matrix, both distillations and the
// final pre-order. Thresholds that are not finite, negative or out of
// order, and a discrimination threshold negative somewhere on [0, 1], are
// errors wrapping [ErrNotFinite] or [ErrParam]; other errors are those of
// [WeightedSum.Rank]. It takes O(m²·n) for the credibility matrix and
// O(m³) at worst for the distillations (far less in practice: each class
// reuses the row maxima and qualifications of the one before), and about
// 32·m² bytes; a problem that would exceed [DefaultMaxMemory] gets a
// [*MemoryError] wrapping [ErrTooLarge].
func (e ELECTREIII) Evaluate(p *Problem, weights []float64) (*ELECTREIIIResult, error) {
	alpha, beta := e.Alpha, e.Beta
	if alpha == 0 && beta == 0 {
		alpha, beta = 0.3, -0.15
	}
	if math.IsNaN(alpha) || math.IsInf(alpha, 0) || math.IsNaN(beta) || math.IsInf(beta, 0) {
		return nil, inputErr("alpha", -1, -1, "", ErrNotFinite, fmt.Sprintf("α = %g, β = %g", alpha, beta))
	}
	if alpha < 0 || alpha+beta < 0 {
		return nil, inputErr("alpha", -1, -1, "", ErrParam, fmt.Sprintf("s(λ) = %g + %g·λ is negative on [0, 1]", alpha, beta))
	}
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	ts, err := checkPseudoCriteria("thresholds", e.Thresholds, p)
	if err != nil {
		return nil, err
	}
	if err := checkPairwiseMemory("electre3", p.m, electre3PairBytes); err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	g := orientedValues(p)
	conc, sigma := make([]float64, mm*mm), make([]float64, mm*mm)
	forPairRows(mm, n, func(lo, hi, _ int) {
		// Each unordered pair once, from its smaller index: the two
		// directions share the differences (b − a and a − b are exact
		// negatives) and the thresholds' loads.
		for a := lo; a < hi; a++ {
			conc[a*mm+a], sigma[a*mm+a] = 1, 1
			ga := g[a*n : (a+1)*n]
			for b := a + 1; b < mm; b++ {
				sab, cab, sba, cba := credibilityPair(ga, g[b*n:(b+1)*n], w, ts)
				sigma[a*mm+b], conc[a*mm+b] = sab, cab
				sigma[b*mm+a], conc[b*mm+a] = sba, cba
			}
		}
	})
	res := &ELECTREIIIResult{
		Method:       "electre3",
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w,
		Concordance:  newTable(conc, mm, mm),
		Credibility:  newTable(sigma, mm, mm),
		Notes:        p.constantNotes(),
	}
	res.exploit(sigma, mm, alpha, beta)
	return res, nil
}

// exploit fills the distillations, the final pre-order and the ranks of res
// from the m × m credibility matrix sigma.
func (res *ELECTREIIIResult) exploit(sigma []float64, mm int, alpha, beta float64) {
	beats := outrankingLevels(sigma, mm, alpha, beta)
	res.Descending = distill(sigma, beats, mm, alpha, beta, true)
	asc := distill(sigma, beats, mm, alpha, beta, false) // worst class first
	slices.Reverse(asc)
	res.Ascending = asc
	res.DescendingRank, res.AscendingRank = classRanks(res.Descending, mm), classRanks(res.Ascending, mm)
	plus, minus := make([]float64, mm), make([]float64, mm)
	for a := range mm {
		// promethee1Relations treats a larger "plus" and a smaller "minus" as
		// better: use the negated descending position and the ascending
		// position.
		plus[a], minus[a] = -float64(res.DescendingRank[a]), float64(res.AscendingRank[a])
	}
	res.Relations, res.Incomparable, _ = promethee1Relations(plus, minus)
	res.Rank = make([]int, mm)
	for a := range mm {
		res.Rank[a] = 1
		for b := range mm {
			if res.Relations[b][a] == Preferred {
				res.Rank[a]++
			}
		}
	}
}

// classRanks returns each alternative's 1-based class position.
func classRanks(classes [][]int, m int) []int {
	r := make([]int, m)
	for k, c := range classes {
		for _, a := range c {
			r[a] = k + 1
		}
	}
	return r
}

// outrankingLevels returns, for each ordered pair (a, b), σ(a, b) if the
// discrimination margin σ(a, b) − σ(b, a) > s(σ(a, b)) holds and −1
// otherwise (the diagonal too). a λ-outranks b exactly when the entry is
// above λ ≥ 0; the margin does not depend on λ, so the distillations test
// one number per pair, read along rows, at every level. At most one
// direction of a pair holds the margin, since s ≥ 0.
func outrankingLevels(sigma []float64, m int, alpha, beta float64) []float64 {
	out := make([]float64, m*m)
	forPairRows(m, 1, func(lo, hi, _ int) {
		for a := lo; a < hi; a++ {
			row := out[a*m : (a+1)*m]
			for b := range m {
				sab := sigma[a*m+b]
				if a != b && sab-sigma[b*m+a] > alpha+beta*sab {
					row[b] = sab
				} else {
					row[b] = -1
				}
			}
		}
	})
	return out
}

// distill returns the classes of the descending distillation (best first)
// or of the ascending one (worst first) of the credibility matrix sigma,
// with beats from outrankingLevels.
//
// Each class is the outcome of distillStep on the alternatives not yet
// ranked. Its first level, on the whole remaining set, is the costly one,
// and from one class to the next the set loses only the class just
// extracted: the distiller keeps, per alternative, the largest credibility
// of its row (for λ), the largest below the current cut (for the next
// level) and its qualification at that level, and updates them for the
// removed alternatives instead of rescanning every pair. The outcome is
// that of the plain definition (refDistill in the tests checks it).
func distill(sigma, beats []float64, m int, alpha, beta float64, descending bool) [][]int {
	ds := newDistiller(sigma, beats, m, alpha, beta)
	remaining := make([]int, m)
	for i := range remaining {
		remaining[i] = i
	}
	classes := [][]int{}
	for len(remaining) > 0 {
		class := ds.step(remaining, descending)
		classes = append(classes, class)
		remaining = ds.remove(remaining, class)
	}
	return classes
}

// distiller holds the state of one distillation between its classes. Row
// quantities are over the remaining alternatives b ≠ a, with 0 as their
// floor (the levels start at 0 and move only to larger credibilities).
type distiller struct {
	sigma, beats []float64
	m            int
	alpha, beta  float64
	in           []bool    // still to rank
	rowMax       []float64 // max(0, max σ(a, b))
	rowMaxArg    []int     // the b attaining it, −1 for the floor
	cutOK        bool      // rowNext holds for cut
	cut          float64
	rowNext      []float64 // max(0, max σ(a, b) below cut)
	rowNextArg   []int
	qualOK       bool // qual holds at level qualAt
	qualAt       float64
	qual         []int // qualification at qualAt over the remaining set
	scratch      []int // qualifications of the later levels of a step
}

func newDistiller(sigma, beats []float64, m int, alpha, beta float64) *distiller {
	ds := &distiller{sigma: sigma, beats: beats, m: m, alpha: alpha, beta: beta,
		in: make([]bool, m), rowMax: make([]float64, m), rowMaxArg: make([]int, m),
		rowNext: make([]float64, m), rowNextArg: make([]int, m), qual: make([]int, m), scratch: make([]int, m)}
	all := make([]int, m)
	for a := range m {
		ds.in[a], all[a] = true, a
	}
	for a := range m {
		ds.rowMax[a], ds.rowMaxArg[a] = ds.rowBelow(a, all, math.Inf(1))
	}
	return ds
}

// rowBelow returns max(0, max σ(a, b) < limit) over b in d, b ≠ a, and the
// b attaining it (−1 for the floor).
func (ds *distiller) rowBelow(a int, d []int, limit float64) (float64, int) {
	row := ds.sigma[a*ds.m : (a+1)*ds.m]
	best, arg := 0.0, -1
	for _, b := range d {
		if v := row[b]; b != a && v < limit && v > best {
			best, arg = v, b
		}
	}
	return best, arg
}

// step extracts one class from the remaining set d (sorted): the first
// level from the kept state, the later ones, on the shrinking set of
// alternatives tied in qualification, directly from their definition.
func (ds *distiller) step(d []int, descending bool) []int {
	if len(d) == 1 {
		return slices.Clone(d)
	}
	lambda := 0.0
	for _, a := range d {
		lambda = math.Max(lambda, ds.rowMax[a])
	}
	// The next cut level: the largest credibility below λ − s(λ).
	cut := lambda - (ds.alpha + ds.beta*lambda)
	if !ds.cutOK || cut != ds.cut {
		for _, a := range d {
			ds.rowNext[a], ds.rowNextArg[a] = ds.rowBelow(a, d, cut)
		}
		ds.cutOK, ds.cut = true, cut
	}
	next := 0.0
	for _, a := range d {
		next = math.Max(next, ds.rowNext[a])
	}
	if !ds.qualOK || next != ds.qualAt {
		qualify(ds.beats, ds.m, d, next, ds.qual)
		ds.qualOK, ds.qualAt = true, next
	}
	kept := keepBest(d, ds.qual, descending)
	if len(kept) == 1 || next == 0 {
		return kept
	}
	return distillStep(ds.sigma, ds.beats, ds.m, kept, ds.scratch, next, ds.alpha, ds.beta, descending)
}

// remove takes class out of the remaining set d and updates the state.
func (ds *distiller) remove(d, class []int) []int {
	for _, c := range class {
		ds.in[c] = false
	}
	d = slices.DeleteFunc(d, func(a int) bool { return !ds.in[a] })
	for _, a := range d {
		if arg := ds.rowMaxArg[a]; arg >= 0 && !ds.in[arg] {
			ds.rowMax[a], ds.rowMaxArg[a] = ds.rowBelow(a, d, math.Inf(1))
		}
		if arg := ds.rowNextArg[a]; ds.cutOK && arg >= 0 && !ds.in[arg] {
			ds.rowNext[a], ds.rowNextArg[a] = ds.rowBelow(a, d, ds.cut)
		}
	}
	if ds.qualOK {
		m, at := ds.m, ds.qualAt
		for _, c := range class {
			crow := ds.beats[c*m : (c+1)*m]
			for _, a := range d {
				if ds.beats[a*m+c] > at {
					ds.qual[a]--
				}
				if crow[a] > at {
					ds.qual[a]++
				}
			}
		}
	}
	return d
}

// qualify sets qual[a], for a in d, to the number of alternatives of d
// that a outranks at the level minus the number that outrank a.
func qualify(beats []float64, m int, d []int, level float64, qual []int) {
	for _, a := range d {
		qual[a] = 0
	}
	for _, a := range d {
		row := beats[a*m : (a+1)*m]
		for _, b := range d {
			if row[b] > level {
				qual[a]++
				qual[b]--
			}
		}
	}
}

// keepBest returns the alternatives of d with the best (descending) or the
// worst (ascending) qualification.
func keepBest(d []int, qual []int, descending bool) []int {
	best := qual[d[0]]
	for _, a := range d {
		if (descending && qual[a] > best) || (!descending && qual[a] < best) {
			best = qual[a]
		}
	}
	return slices.DeleteFunc(slices.Clone(d), func(a int) bool { return qual[a] != best })
}

// distillStep continues a step on the set d (sorted) from the level
// lambda; qual is scratch space of m ints.
func distillStep(sigma, beats []float64, m int, d []int, qual []int, lambda, alpha, beta float64, descending bool) []int {
	for len(d) > 1 {
		cut := lambda - (alpha + beta*lambda)
		next := 0.0
		for _, a := range d {
			row := sigma[a*m : (a+1)*m]
			for _, b := range d {
				if v := row[b]; a != b && v < cut && v > next {
					next = v
				}
			}
		}
		qualify(beats, m, d, next, qual)
		kept := keepBest(d, qual, descending)
		if len(kept) == 1 || next == 0 {
			return kept
		}
		d, lambda = kept, next
	}
	return d
}
