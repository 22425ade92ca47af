package scoring

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

// tieTolerance is the relative tolerance under which two scores tie.
const tieTolerance = 1e-12

// rankScores returns competition ranks (1 = best, ties share the smaller
// rank). Scores tie when they differ by at most tieTolerance times the
// largest absolute score.
func rankScores(scores []float64, better Better) []int {
	ranks, _ := rankOrder(scores, better, false)
	return ranks
}

// rankAndOrder returns the competition ranks and the order (indices best
// first, ties by index).
func rankAndOrder(scores []float64, better Better) (ranks, order []int) {
	return rankOrder(scores, better, true)
}

func rankOrder(scores []float64, better Better, wantOrder bool) (ranks, order []int) {
	return rankOrderChunks(scores, better, wantOrder, radixChunks(len(scores)))
}

// radixChunks is the number of chunks the large-input paths split m items
// into: one per CPU, each at least radixThreshold long. The answer never
// depends on it.
func radixChunks(m int) int {
	return max(1, min(runtime.GOMAXPROCS(0), m/radixThreshold))
}

// rankOrderChunks is rankOrder with the number of parallel chunks given, so
// that tests can check that the answer does not depend on it.
func rankOrderChunks(scores []float64, better Better, wantOrder bool, chunks int) (ranks, order []int) {
	m := len(scores)
	if m <= stackRanking {
		// The ranks, and the order if wanted, in one allocation; the
		// sort's scratch space on the stack.
		var scratch [2 * stackRanking]int
		size := m
		if wantOrder {
			size += m
		}
		block := make([]int, size)
		ranks = block[:m:m]
		if wantOrder {
			order = block[m:]
		}
		if m > 0 {
			rankSmall(scores, better, ranks, order, scratch[:2*m])
		}
		return ranks, order
	}
	if m <= radixThreshold {
		// One allocation: the ranks, then the sort's scratch space and
		// the order in the same block beyond their capacity.
		size := 3 * m
		if wantOrder {
			size += m
		}
		block := make([]int, size)
		ranks = block[:m:m]
		if wantOrder {
			order = block[3*m:]
		}
		if m > 0 {
			rankSmall(scores, better, ranks, order, block[m:])
		}
		return ranks, order
	}
	ranks = make([]int, m)
	if wantOrder {
		order = make([]int, m)
	}
	rankLarge(scores, better, ranks, order, chunks)
	return ranks, order
}

// stackRanking is the largest number of scores whose sort scratch space
// (2 ints per score, 16 KB at most) rankOrderChunks keeps on the stack
// rather than in the heap: a thousand-alternative ranking then allocates
// its ranks only.
const stackRanking = 1024

// rankSmall sets the competition ranks of 1 ≤ m ≤ radixThreshold scores,
// and their order if order is not nil. scratch holds at least 2m values.
// The items key<<32 | index (held in ints) are radix-sorted stably by the
// top 16 bits of their key in two 8-bit passes, whose digits are counted
// in one pass while the keys are made (a pass whose digit is the same for
// every item is skipped); runs of items sharing those bits are then
// sorted by the scores themselves (fixRuns), as rarely as 16 bits of
// a thousand scores' range collide. The result is the order (score,
// index) a stable comparison sort would give.
func rankSmall(scores []float64, better Better, ranks, order, scratch []int) {
	m := len(scores)
	lo, hi := scores[0], scores[0]
	for _, s := range scores {
		if s < lo {
			lo = s
		}
		if s > hi {
			hi = s
		}
	}
	kt, sign := newKeyTransform(lo, hi, better)
	a, b := scratch[:m:m], scratch[m:2*m:2*m]
	var count [2][256]uint32
	for i, s := range scores {
		k := kt.key(s)
		a[i] = int(k<<32 | uint64(i))
		count[0][k>>16&255]++
		count[1][k>>24&255]++
	}
	for pass := range 2 {
		h := &count[pass]
		sum, single := uint32(0), false
		for d, c := range h {
			h[d] = sum
			sum += c
			single = single || c == uint32(m)
		}
		if single {
			continue
		}
		shift := uint(48 + 8*pass)
		for _, it := range a {
			d := uint64(it) >> shift & 255
			b[h[d]] = it
			h[d]++
		}
		a, b = b, a
	}
	fixRuns(a, scores, sign, 48)
	tol := tieTolerance * max(math.Abs(lo), math.Abs(hi))
	head, rank := 0.0, 1
	for k, it := range a {
		i := int(uint32(it))
		if k == 0 || math.Abs(scores[i]-head) > tol {
			head, rank = scores[i], k+1
		}
		ranks[i] = rank
		if order != nil {
			order[k] = i
		}
	}
}

// rankLarge is rankOrderChunks for m > radixThreshold.
func rankLarge(scores []float64, better Better, ranks, order []int, chunks int) {
	m := len(scores)
	chunks = max(1, min(chunks, m/2))
	wantOrder := order != nil
	if uint64(m) > math.MaxUint32 {
		tol := tieTolerance * maxAbs(scores)
		head, rank := 0.0, 1
		for k, i := range sortOrder(scores, better) {
			if k == 0 || math.Abs(scores[i]-head) > tol {
				head, rank = scores[i], k+1
			}
			ranks[i] = rank
			if wantOrder {
				order[k] = i
			}
		}
		return
	}
	items, kt, sign, big := radixItems(scores, better, chunks)
	tol := tieTolerance * big
	// Scores can only tie when their keys are within keyTol; only then are
	// the scores themselves read. A position whose key is more than keyTol
	// above its predecessor's starts a tie group whatever came before, so
	// the sorted items split there into chunks that are finished (runs of
	// equal keys sorted by score, ranks found and scattered) independently.
	keyTol := uint64(math.Min(tol*math.Abs(kt.scale)+1, math.MaxUint32))
	starts := make([]int, chunks+1)
	starts[chunks] = m
	for c := 1; c < chunks; c++ {
		k := max(c*m/chunks, starts[c-1]+1)
		for k < m && items[k]>>32-items[k-1]>>32 <= keyTol {
			k++
		}
		starts[c] = min(k, m)
	}
	parallel(chunks, func(c int) {
		lo, hi := starts[c], starts[c+1]
		if lo >= hi {
			return
		}
		part := items[lo:hi]
		fixRuns(part, scores, sign, 32)
		headKey, headIdx, rank := part[0]>>32, uint32(part[0]), lo+1
		for k, it := range part {
			key, i := it>>32, uint32(it)
			if key-headKey > keyTol || math.Abs(scores[i]-scores[headIdx]) > tol {
				headKey, headIdx, rank = key, i, lo+k+1
			}
			ranks[i] = rank
			if wantOrder {
				order[lo+k] = int(i)
			}
		}
	})
}

// scoreRange returns the smallest and largest of the (finite) scores.
func scoreRange(scores []float64, chunks int) (lo, hi float64) {
	m := len(scores)
	los, his := make([]float64, chunks), make([]float64, chunks)
	parallel(chunks, func(c int) {
		part := scores[c*m/chunks : (c+1)*m/chunks]
		lo, hi := part[0], part[0]
		for _, s := range part {
			if s < lo {
				lo = s
			}
			if s > hi {
				hi = s
			}
		}
		los[c], his[c] = lo, hi
	})
	return slices.Min(los), slices.Max(his)
}

// maxAbs returns the largest absolute value in xs (0 for none).
func maxAbs(xs []float64) float64 {
	big := 0.0
	for _, x := range xs {
		if x < 0 {
			x = -x
		}
		if x > big {
			big = x
		}
	}
	return big
}

// radixThreshold is the size above which sortOrder uses a radix sort.
const radixThreshold = 4096

// sortOrder returns the indices of scores from best to worst, ties by index.
func sortOrder(scores []float64, better Better) []int {
	m := len(scores)
	if m == 0 {
		return nil
	}
	if m > radixThreshold {
		return radixOrder(scores, better)
	}
	items := smallSorted(scores, better)
	order := make([]int, m)
	for k, it := range items {
		order[k] = int(uint32(it))
	}
	return order
}

// smallSorted returns the items key<<32 | index of at most 2^32 scores
// sorted best first, ties by index.
func smallSorted(scores []float64, better Better) []uint64 {
	// Pack (key, index) into integers: sorting them needs no comparator
	// calls, and the index breaks ties deterministically.
	kt, sign := newKeyTransform(slices.Min(scores), slices.Max(scores), better)
	items := make([]uint64, len(scores))
	for i, s := range scores {
		items[i] = kt.key(s)<<32 | uint64(i)
	}
	slices.Sort(items)
	fixRuns(items, scores, sign, 32)
	return items
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// radixItems returns the scores' items sorted by key (see radixSorted,
// runs of equal keys not yet fixed), with the key transform over the
// scores' own range, the sign under which ascending scores are best first,
// and the largest absolute score.
func radixItems(scores []float64, better Better, chunks int) (items []uint64, kt keyTransform, sign, big float64) {
	lo, hi := scoreRange(scores, chunks)
	kt, sign = newKeyTransform(lo, hi, better)
	return radixSorted(scores, kt, chunks), kt, sign, max(math.Abs(lo), math.Abs(hi))
}

// radixOrder is sortOrder for large inputs, in O(m): see radixSorted.
func radixOrder(scores []float64, better Better) []int {
	items, _, sign, _ := radixItems(scores, better, radixChunks(len(scores)))
	fixRuns(items, scores, sign, 32)
	order := make([]int, len(items))
	for k, it := range items {
		order[k] = int(uint32(it))
	}
	return order
}

// newKeyTransform returns the key transform for scores in [lo, hi] (small
// keys best) and the sign under which ascending scores are best first.
func newKeyTransform(lo, hi float64, better Better) (keyTransform, float64) {
	// Halving keeps hi − lo finite for any finite scores.
	kt := keyTransform{origin: lo}
	sign := 1.0
	if better != Lower {
		kt.origin, sign = hi, -1
	}
	if span := hi/2 - lo/2; span > 0 {
		kt.scale = sign * math.MaxUint32 / span / 2
	}
	return kt, sign
}

// fixRuns sorts each run of sorted items (key<<32 | index, held in ints
// or uint64s) that share their bits above shift by the scores themselves,
// ascending s·sign (best first), stably.
func fixRuns[T int | uint64](a []T, scores []float64, sign float64, shift uint) {
	m := len(a)
	less := func(p, q T) int {
		if c := cmpFloat(sign*scores[uint32(p)], sign*scores[uint32(q)]); c != 0 {
			return c
		}
		return cmpUint64(uint64(p), uint64(q))
	}
	for lo := 0; lo < m; {
		hi := lo + 1
		for hi < m && uint64(a[hi])>>shift == uint64(a[lo])>>shift {
			hi++
		}
		if run := a[lo:hi]; len(run) > 32 {
			slices.SortFunc(run, less)
		} else {
			for x := 1; x < len(run); x++ {
				v := run[x]
				y := x
				for ; y > 0 && less(run[y-1], v) > 0; y-- {
					run[y] = run[y-1]
				}
				run[y] = v
			}
		}
		lo = hi
	}
}

// keyTransform maps scores monotonically onto 32-bit keys across their own
// range, small keys best: key(s) = (s − origin)·scale, clamped.
type keyTransform struct{ origin, scale float64 }

func (t keyTransform) key(s float64) uint64 {
	k := (s - t.origin) * t.scale
	if !(k < math.MaxUint32) { // also catches NaN from 0·Inf
		k = math.MaxUint32
	}
	return uint64(k)
}

// radixSorted returns the scores as items key<<32 | index sorted by key,
// ties by index, where each score's key is kt.key: a 32-bit key across the
// scores' own range, small keys best. Runs of equal keys (scores closer than
// a 2^-32 part of the range) are left for the caller to sort by the scores
// themselves (see fixRuns). The items are radix-sorted stably in three
// 11-bit passes on the given number of chunks; a stable sort has one
// answer, so the result does not depend on it. Items are 8 bytes, so each
// pass moves little memory and no pass reads the scores out of order. The
// first pass's digits are counted while the keys are made.
func radixSorted(scores []float64, kt keyTransform, chunks int) []uint64 {
	m := len(scores)
	bound := func(c int) int { return c * m / chunks }
	// count[c][d] counts digit d of the current pass in chunk c.
	count := make([][radixBuckets]uint32, chunks)
	a := make([]uint64, m)
	parallel(chunks, func(c int) {
		h := &count[c]
		for i := bound(c); i < bound(c+1); i++ {
			it := kt.key(scores[i])<<32 | uint64(i)
			a[i] = it
			h[(it>>32)&(radixBuckets-1)]++
		}
	})
	return radixSortHigh(a, make([]uint64, m), count, true)
}

// radixBits is the width of a digit of radixSortHigh, and radixBuckets the
// number of its values.
const (
	radixBits    = 11
	radixBuckets = 1 << radixBits
)

// radixSortHigh sorts the items of a stably by their upper 32 bits, in
// three 11-bit passes over len(count) chunks of a, with b as scratch of
// the same length, and returns whichever of the two holds the result.
// Items with equal upper bits keep their order, so items key<<32 | index
// made in index order come out sorted by key, then index. When counted,
// count already holds each chunk's counts of the first pass's digits.
func radixSortHigh(a, b []uint64, count [][radixBuckets]uint32, counted bool) []uint64 {
	m, chunks := len(a), len(count)
	bound := func(c int) int { return c * m / chunks }
	for pass := range 3 {
		// The closures read this pass's src and dst, declared anew each
		// pass, so that a and b, which swap, stay off the heap.
		src, dst := a, b
		shift := uint(32 + pass*radixBits)
		if pass > 0 || !counted {
			parallel(chunks, func(c int) {
				h := &count[c]
				clear(h[:])
				for _, it := range src[bound(c):bound(c+1)] {
					h[(it>>shift)&(radixBuckets-1)]++
				}
			})
		}
		// Turn counts into starting offsets, digit-major then chunk, which
		// keeps the sort stable.
		sum, single := uint32(0), false
		for d := range radixBuckets {
			total := uint32(0)
			for c := range chunks {
				n := count[c][d]
				count[c][d] = sum
				sum += n
				total += n
			}
			single = single || total == uint32(m)
		}
		if single {
			continue // every key has the same digit: the pass would not move anything
		}
		parallel(chunks, func(c int) {
			h := &count[c]
			for _, it := range src[bound(c):bound(c+1)] {
				d := (it >> shift) & (radixBuckets - 1)
				dst[h[d]] = it
				h[d]++
			}
		})
		a, b = dst, src
	}
	return a
}

func cmpUint64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// parallel runs fn(0) … fn(n−1) concurrently and waits for all of them.
func parallel(n int, fn func(c int)) {
	if n == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for c := range n {
		wg.Go(func() { fn(c) })
	}
	wg.Wait()
}
