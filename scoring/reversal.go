package scoring

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unsafe"
)

// Perturbation names a change to the set of alternatives that a rank
// reversal check applies. Text tokens: "leave-one-out", "add-copy",
// "add-dominated".
type Perturbation int

const (
	// LeaveOneOut removes one alternative.
	LeaveOneOut Perturbation = iota
	// AddCopy adds an exact copy of one alternative.
	AddCopy
	// AddDominated adds an alternative worse than every other on every
	// criterion.
	AddDominated
)

var perturbationTokens = []string{"leave-one-out", "add-copy", "add-dominated"}

// String returns the perturbation's token.
func (k Perturbation) String() string { return tokenString("Perturbation", perturbationTokens, int(k)) }

// MarshalText returns the perturbation's token; an invalid value is an
// error.
func (k Perturbation) MarshalText() ([]byte, error) {
	return marshalToken("perturbation", perturbationTokens, int(k))
}

// UnmarshalText parses a perturbation token.
func (k *Perturbation) UnmarshalText(b []byte) error {
	v, err := ParsePerturbation(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// ParsePerturbation parses "leave-one-out", "add-copy" or "add-dominated".
func ParsePerturbation(s string) (Perturbation, error) {
	i, err := parseToken("perturbation", perturbationTokens, s)
	return Perturbation(i), err
}

// ReversalCheck is the outcome of one perturbation.
type ReversalCheck struct {
	// Perturbation is the change applied.
	Perturbation Perturbation `json:"perturbation"`
	// Alternative is the index of the alternative removed or copied; −1
	// for AddDominated.
	Alternative int `json:"alternative"`
	// Reversed lists the pairs {a, b} of original alternatives (indices in
	// the problem, the removed or copied one included when present) such
	// that a ranked strictly above b before the change and strictly below
	// it after. A pair that merely becomes tied is not a reversal.
	Reversed [][2]int `json:"reversed"`
	// BestChanged reports whether the best alternative (rank 1, first in
	// problem order on a tie) changed, among those still present.
	BestChanged bool `json:"best_changed"`
}

// ReversalReport is the result of [RankReversal].
type ReversalReport struct {
	// Method is the method's token, as in its results.
	Method string `json:"method"`
	// Alternatives are the problem's alternatives.
	Alternatives []string `json:"alternatives"`
	// Ranks are the ranks before any change.
	Ranks []int `json:"ranks"`
	// Checks holds one entry per perturbation: the m leave-one-out
	// removals, the m copies, then the dominated alternative.
	Checks []ReversalCheck `json:"checks"`
	// Reversals is the total number of reversed pairs over all checks.
	Reversals int `json:"reversals"`
	// Affected is the number of checks with at least one reversed pair.
	Affected int `json:"affected"`
}

// RankReversal checks a ranking method for rank reversal, a known weakness
// of normalisation-based methods such as TOPSIS and AHP (Belton & Gear
// 1983; Wang & Triantaphyllou 2008, Omega 36(1):45–63). It ranks p, then
// ranks it again after each of these changes and reports which pairs of the
// original alternatives swap order:
//
//   - removing each alternative in turn (leave-one-out);
//   - adding an exact copy of each alternative;
//   - adding one alternative dominated by all: on each criterion worse
//     than the worst value while keeping its sign (half the smallest
//     positive benefit, the largest cost plus the column's range; a benefit
//     whose worst value is 0 stays 0), so that methods that need positive
//     data accept it.
//
// A method immune to rank reversal reports nothing. With one alternative
// only the additions are checked. The cost is 2m+1 rankings plus, per
// check, O(m log m) to find the reversed pairs (and O(m) more for each
// alternative that takes part in one). The context is checked between
// rankings; a cancelled run returns the context's error and no report.
// Errors of the method are returned as they are, wrapped with the
// perturbation that caused them.
//
// The report's memory is bounded by [DefaultMaxMemory]: a problem whose
// checks alone would pass it, or a run whose reversed pairs would (a check
// can reverse up to m(m−1)/2 of them, 16 bytes each), returns a
// [*MemoryError] wrapping [ErrTooLarge] and no report, before the pairs
// that would pass the bound are listed.
func RankReversal(ctx context.Context, m Method, p *Problem, weights []float64) (*ReversalReport, error) {
	return rankReversal(ctx, m, p, weights, DefaultMaxMemory)
}

// rankReversal is RankReversal with the memory bound as a parameter.
func rankReversal(ctx context.Context, m Method, p *Problem, weights []float64, bound int64) (*ReversalReport, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	base, err := m.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	mm := p.m
	// The memory bound: the report's checks and a perturbed copy of the
	// problem (its rows, as a [][]float64 and as the problem's own
	// matrix), then 16 bytes for each reversed pair, whose number is known
	// only as the checks run: a check whose pairs would pass the bound is
	// counted, not listed, and ends the run with a MemoryError.
	const pairBytes = int64(unsafe.Sizeof([2]int{}))
	fixed := bytesOf(float64(2*mm+1)*float64(unsafe.Sizeof(ReversalCheck{})) + 3*float64(mm+1)*(float64(p.n)*8+24))
	if fixed > bound {
		return nil, &MemoryError{Analysis: "rank reversal", Estimate: fixed, Limit: bound, Hint: "check a smaller problem"}
	}
	rows := p.Rows()
	names := p.Alternatives()
	crits := p.Criteria()
	rep := &ReversalReport{
		Method:       base.Method,
		Alternatives: names,
		Ranks:        slices.Clone(base.Ranks),
		Checks:       make([]ReversalCheck, 0, 2*mm+1),
	}
	baseBest := bestIndex(base.Ranks)
	worstFirst := make([]int, mm)
	for i := range worstFirst {
		worstFirst[i] = i
	}
	slices.SortStableFunc(worstFirst, func(a, b int) int { return base.Ranks[b] - base.Ranks[a] })
	// run ranks the modified problem; keep[k] is the original index of
	// its k-th alternative, or −1 for an added one.
	run := func(kind Perturbation, alt int, rs [][]float64, ns []string, keep []int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		q, err := NewProblem(ns, crits, rs)
		if err != nil {
			return fmt.Errorf("%v of alternative %d: %w", kind, alt, err)
		}
		res, err := m.Rank(q, weights)
		if err != nil {
			return fmt.Errorf("%v of alternative %d: %w", kind, alt, err)
		}
		chk := ReversalCheck{Perturbation: kind, Alternative: alt, Reversed: [][2]int{}}
		// after[i] is the new rank of original alternative i, 0 if absent.
		after := make([]int, mm)
		for k, i := range keep {
			if i >= 0 && after[i] == 0 {
				after[i] = res.Ranks[k]
			}
		}
		budget := int((bound - fixed) / pairBytes)
		var total int
		chk.Reversed, total = reversedPairs(base.Ranks, after, worstFirst, budget-rep.Reversals)
		if len(chk.Reversed) < total {
			return &MemoryError{Analysis: "rank reversal", Estimate: fixed + bytesOf(float64(rep.Reversals+total)*float64(pairBytes)), Limit: bound,
				Hint: fmt.Sprintf("%v of alternative %d alone reverses %d pairs; check a smaller problem", kind, alt, total)}
		}
		if after[baseBest] > 0 {
			newBest, bestRank := -1, math.MaxInt
			for i, r := range after {
				if r > 0 && r < bestRank {
					newBest, bestRank = i, r
				}
			}
			chk.BestChanged = newBest != baseBest
		}
		rep.Checks = append(rep.Checks, chk)
		rep.Reversals += len(chk.Reversed)
		if len(chk.Reversed) > 0 {
			rep.Affected++
		}
		return nil
	}
	if mm > 1 {
		for i := range mm {
			keep := make([]int, 0, mm-1)
			for k := range mm {
				if k != i {
					keep = append(keep, k)
				}
			}
			rs, ns := pick(rows, keep), pickNames(names, keep)
			if err := run(LeaveOneOut, i, rs, ns, keep); err != nil {
				return nil, err
			}
		}
	}
	all := make([]int, mm)
	for i := range all {
		all[i] = i
	}
	taken := make(map[string]bool, mm+1)
	for _, n := range names {
		taken[n] = true
	}
	for i := range mm {
		keep := append(slices.Clone(all), -1)
		rs := append(slices.Clone(rows), slices.Clone(rows[i]))
		ns := append(slices.Clone(names), freshName(taken, names[i]+" (copy)"))
		if err := run(AddCopy, i, rs, ns, keep); err != nil {
			return nil, err
		}
	}
	worst := make([]float64, p.n)
	for j, c := range crits {
		worst[j] = dominatedValue(c.Direction, p.colMin[j], p.colMax[j])
	}
	keep := append(slices.Clone(all), -1)
	rs := append(slices.Clone(rows), worst)
	ns := append(slices.Clone(names), freshName(taken, "dominated"))
	if err := run(AddDominated, -1, rs, ns, keep); err != nil {
		return nil, err
	}
	return rep, nil
}

// dominatedValue returns a value worse than every value in [lo, hi] in
// direction d that keeps the sign of the column, so that methods defined
// only for positive data still accept it: half the smallest positive
// benefit, or the largest cost plus the column's range. A zero benefit
// floor stays 0 (equal, not worse), and a column with no room beyond its
// extreme keeps the extreme.
func dominatedValue(d Direction, lo, hi float64) float64 {
	margin := hi - lo
	if margin == 0 || math.IsInf(margin, 0) {
		margin = math.Max(math.Abs(hi)/10, 1)
	}
	var v float64
	if d == Cost {
		if hi >= 0 {
			v = hi + margin
		} else {
			v = hi / 2
		}
		if math.IsInf(v, 0) {
			v = hi
		}
		return v
	}
	switch {
	case lo > 0:
		v = lo / 2
	case lo == 0:
		v = 0
	default:
		v = lo - margin
	}
	if math.IsInf(v, 0) {
		v = lo
	}
	return v
}

// reversedPairs returns the pairs {a, b}, sorted, with before[a] <
// before[b] and after[a] > after[b], among the alternatives present after
// (after > 0), and their number. worstFirst lists all alternatives by
// decreasing before-rank. Alternatives are visited worst first while a
// Fenwick tree counts the after-ranks of those strictly worse before: one
// such pass counts the pairs, in O(m log m); when there are more than
// budget it returns no pairs, only the count, so that a report over its
// memory bound is never built. Otherwise a second pass lists them, at a
// further linear scan for each alternative that takes part in a reversal.
func reversedPairs(before, after, worstFirst []int, budget int) ([][2]int, int) {
	size := 0
	for _, r := range after {
		size = max(size, r)
	}
	fen := make([]int, size+1)
	add := func(i int) {
		for ; i <= size; i += i & -i {
			fen[i]++
		}
	}
	count := func(i int) int { // number of inserted ranks ≤ i
		c := 0
		for ; i > 0; i -= i & -i {
			c += fen[i]
		}
		return c
	}
	// visit calls fn(a, k) for each present alternative a, worst first,
	// with k the number of those strictly worse before that rank better
	// after, and inserts the alternatives of each tie group after it.
	visit := func(fn func(a, k int), done *[]int) {
		for i := 0; i < len(worstFirst); {
			j := i
			for j < len(worstFirst) && before[worstFirst[j]] == before[worstFirst[i]] {
				j++
			}
			group := worstFirst[i:j]
			for _, a := range group {
				if after[a] > 0 {
					if k := count(after[a] - 1); k > 0 {
						fn(a, k)
					}
				}
			}
			for _, a := range group {
				if after[a] > 0 {
					add(after[a])
					if done != nil {
						*done = append(*done, a)
					}
				}
			}
			i = j
		}
	}
	total := 0
	visit(func(_, k int) { total += k }, nil)
	out := [][2]int{}
	if total == 0 || total > budget {
		return out, total
	}
	clear(fen)
	out = make([][2]int, 0, total)
	var done []int
	visit(func(a, _ int) {
		for _, b := range done {
			if after[b] < after[a] {
				out = append(out, [2]int{a, b})
			}
		}
	}, &done)
	slices.SortFunc(out, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return out, total
}

// bestIndex returns the first alternative of rank 1 (or of the smallest
// rank).
func bestIndex(ranks []int) int {
	best := 0
	for i, r := range ranks {
		if r < ranks[best] {
			best = i
		}
	}
	return best
}

func pick(rows [][]float64, keep []int) [][]float64 {
	out := make([][]float64, len(keep))
	for k, i := range keep {
		out[k] = rows[i]
	}
	return out
}

func pickNames(names []string, keep []int) []string {
	out := make([]string, len(keep))
	for k, i := range keep {
		out[k] = names[i]
	}
	return out
}

// freshName returns base, or base with a number appended, that is not yet
// taken, and marks it taken.
func freshName(taken map[string]bool, base string) string {
	name := base
	for k := 2; taken[name]; k++ {
		name = base + " " + strconv.Itoa(k)
	}
	taken[name] = true
	return name
}
