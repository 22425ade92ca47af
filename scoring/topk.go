package scoring

import (
	"math"
	"math/bits"
	"slices"
)

// This file ranks one SMAA sample without the O(m²) work of a full
// pairwise count: a comparison sort for a full ranking of many
// alternatives, and a linear selection when only the first ranks are kept.
// Every path groups ties exactly as sortKeys and accumulateRanks do, so the
// counts they produce are bit-identical.

// pairwiseMax is the largest number of alternatives that sortKeys ranks by
// the branch-free pairwise count; above it, it sorts. The count is O(m²)
// without branches, the sort O(m log m) with a comparator call per
// comparison: BenchmarkSortKeys puts the crossover between 40 and 48
// alternatives on a 2-core amd64 machine (at 40: 0.54 µs counting against
// 0.57 µs sorting; at 48: 0.77 µs against 0.76 µs; at 64: 1.42 µs against
// 1.21 µs). countRanks cannot go beyond 64.
const pairwiseMax = 44

// topSmallK is the largest number of kept ranks for which selectTop keeps
// a sorted buffer of the best values seen; above it, it selects with
// quickselect. The buffer's insertions are rare after the first few
// thousand values, so a scan costs about one comparison per alternative.
const topSmallK = 16

// hasNaN reports whether xs holds a NaN.
func hasNaN(xs []float64) bool {
	for _, x := range xs {
		if x != x {
			return true
		}
	}
	return false
}

// allFinite reports whether xs holds neither a NaN nor an infinity.
func allFinite(xs []float64) bool {
	for _, x := range xs {
		if x-x != 0 {
			return false
		}
	}
	return true
}

// sortDesc leaves in ord the indices 0 … m−1 of vals from largest to
// smallest value, equal values (−0 and +0 included) by index, and in keys
// the values in that order. vals must not hold a NaN.
func sortDesc(keys []float64, ord []int, vals []float64) {
	m := len(vals)
	ord = ord[:m]
	for i := range ord {
		ord[i] = i
	}
	sortIdxDesc(ord, vals)
	for r, i := range ord {
		keys[r] = vals[i]
	}
}

// sortIdxDesc sorts the indices idx by decreasing vals[idx], equal values
// by increasing index: a total order, so the result does not depend on the
// algorithm.
func sortIdxDesc(idx []int, vals []float64) {
	slices.SortFunc(idx, func(a, b int) int {
		va, vb := vals[a], vals[b]
		switch {
		case va > vb:
			return -1
		case va < vb:
			return 1
		}
		return a - b
	})
}

// selectTop finds the alternatives whose tie group starts among the first
// k ranks (1 ≤ k < m), in O(m) plus the sort of those candidates. It
// orients scores in place (negated when lower is better), leaves the
// candidates best first in ord[:c] and their keys in keys[:c], and returns
// c and the tie tolerance of the whole sample (tieTolerance times the
// largest absolute key, as tieTol of the fully sorted keys). buf (length
// ≥ k when k ≤ topSmallK) is scratch. It reports false, leaving scores
// oriented, when a score is NaN or infinite (which only a method from
// outside the package can produce): the caller then falls back to
// sortKeys.
//
// The candidates are every alternative x with v_k − x ≤ tol, where v_k is
// the k-th largest key: a group that starts at rank r < k starts at a key
// g ≥ v_k and holds the keys x with g − x ≤ tol, hence v_k − x ≤ tol (the
// rounded difference is monotonic). The candidates are therefore a prefix
// of the full order that contains every group starting before rank k, and
// grouping them gives the groups of the full order.
func selectTop(keys []float64, ord []int, buf, scores []float64, better Better, k int) (c int, tol float64, ok bool) {
	if better == Lower {
		for i, x := range scores {
			scores[i] = -x
		}
	}
	var vk, big float64
	if k <= topSmallK {
		var finite bool
		vk, big, finite = kthLargestSmall(buf[:k], scores)
		if !finite {
			return 0, 0, false
		}
	} else {
		if !allFinite(scores) {
			return 0, 0, false
		}
		big = maxAbs(scores)
		copy(keys, scores)
		vk = nthSmallest(keys[:len(scores)], len(scores)-k)
	}
	tol = tieTolerance * big
	for i, x := range scores {
		if vk-x <= tol {
			ord[c] = i
			c++
		}
	}
	cand := ord[:c]
	if c <= pairwiseMax {
		// Insertion by index order of arrival is stable: equal keys keep
		// increasing indices, as sortIdxDesc would order them.
		for r, i := range cand {
			v := scores[i]
			q := r
			for q > 0 && keys[q-1] < v {
				keys[q], ord[q] = keys[q-1], ord[q-1]
				q--
			}
			keys[q], ord[q] = v, i
		}
	} else {
		sortIdxDesc(cand, scores)
		for r, i := range cand {
			keys[r] = scores[i]
		}
	}
	return c, tol, true
}

// kthLargestSmall returns the k-th largest of xs (k = len(top) ≤ len(xs)),
// counting repeated values, the largest absolute value, and whether every
// value is finite. top is scratch; it ends holding the k largest values,
// largest first.
func kthLargestSmall(top, xs []float64) (vk, big float64, finite bool) {
	k := len(top)
	nan := false
	for i, x := range xs[:k] {
		nan = nan || x != x
		big = max(big, math.Abs(x))
		q := i
		for q > 0 && top[q-1] < x {
			top[q] = top[q-1]
			q--
		}
		top[q] = x
	}
	last := top[k-1]
	for _, x := range xs[k:] {
		a := math.Abs(x)
		if a > big {
			big = a
		}
		if x > last {
			q := k - 1
			for q > 0 && top[q-1] < x {
				top[q] = top[q-1]
				q--
			}
			top[q] = x
			last = top[k-1]
		} else if x != x {
			nan = true
		}
	}
	return last, big, !nan && big <= math.MaxFloat64
}

// nthSmallest reorders a (no NaN) and returns the value that would be at
// index t if a were sorted in increasing order: Hoare's quickselect with a
// median-of-three pivot, which finishes by sorting the remaining range if
// the partitions shrink too slowly (at most O(m log m) then).
func nthSmallest(a []float64, t int) float64 {
	lo, hi := 0, len(a)-1
	budget := 2 * bits.Len(uint(len(a)))
	for hi-lo > 16 {
		if budget == 0 {
			slices.Sort(a[lo : hi+1])
			return a[t]
		}
		budget--
		mid := lo + (hi-lo)/2
		// Median of three into a[mid].
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		pivot := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		// a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i−1] == pivot.
		switch {
		case t <= j:
			hi = j
		case t >= i:
			lo = i
		default:
			return a[t]
		}
	}
	s := a[lo : hi+1]
	slices.Sort(s)
	return a[t]
}

// accumulateTop adds one sample to the counts of the first k ranks
// (m×k, row i holds alternative i) from the candidates of selectTop (keys
// and ord of length c ≥ k, best first) and adds w to the central-weight
// sums of the alternatives ranked first. A group of g tied alternatives
// over ranks r … r+g−1 adds 1/g to each of those ranks below k, as
// accumulateRanks does for all ranks, so the counts equal the first k
// columns of the full counts bit for bit.
func accumulateTop(counts, central, keys []float64, ord []int, tol float64, k int, w []float64) {
	c, n := len(ord), len(w)
	for g0 := 0; g0 < k; {
		g1 := g0 + 1
		for g1 < c && keys[g0]-keys[g1] <= tol {
			g1++
		}
		share := 1 / float64(g1-g0)
		hi := min(g1, k)
		for _, i := range ord[g0:g1] {
			row := counts[i*k : (i+1)*k]
			for r := g0; r < hi; r++ {
				row[r] += share
			}
			if g0 == 0 {
				cw := central[i*n : (i+1)*n]
				for j, x := range w {
					cw[j] += share * x
				}
			}
		}
		g0 = g1
	}
}

// firstTied returns the number g of alternatives tied for first place in
// scores (oriented in place, negated when lower is better) and whether
// alternative i is one of them, in O(m), as firstGroup of the sorted keys
// would. It reports false when a score is NaN or infinite.
func firstTied(scores []float64, better Better, i int) (g int, in, ok bool) {
	if better == Lower {
		for k, x := range scores {
			scores[k] = -x
		}
	}
	hi, big := math.Inf(-1), 0.0
	for _, x := range scores {
		if x-x != 0 {
			return 0, false, false
		}
		if x > hi {
			hi = x
		}
		if a := math.Abs(x); a > big {
			big = a
		}
	}
	tol := tieTolerance * big
	for _, x := range scores {
		if hi-x <= tol {
			g++
		}
	}
	return g, hi-scores[i] <= tol, true
}
