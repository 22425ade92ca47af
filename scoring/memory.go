package scoring

import (
	"errors"
	"fmt"
	"math"
)

// ErrTooLarge reports an analysis whose memory estimate exceeds its bound
// (see [SMAA].MaxMemory). Errors wrapping it are [*MemoryError] values.
var ErrTooLarge = errors.New("scoring: analysis too large for the memory bound")

// DefaultMaxMemory is the memory bound of an analysis whose MaxMemory is
// zero: 1 GiB.
const DefaultMaxMemory int64 = 1 << 30

// MemoryError reports that an analysis would need more memory than its
// bound. It is returned before the memory is allocated. Unwrap returns
// [ErrTooLarge].
type MemoryError struct {
	// Analysis names the analysis: "smaa", "sensitivity" or "rank
	// reversal".
	Analysis string
	// Estimate is the estimated memory in bytes.
	Estimate int64
	// Limit is the bound in bytes that the estimate exceeds.
	Limit int64
	// Option names the setting that reduces the memory, such as
	// "TopRanks" (JSON "top_ranks").
	Option string
	// Hint says how to use Option, such as the memory 10 ranks would take.
	Hint string
}

// Error returns a message of the form
//
//	scoring: smaa: needs about 8.9 GiB, over the memory bound of 1.0 GiB: keep only the first ranks with TopRanks ("top_ranks"): 10 ranks need about 8.7 MiB
func (e *MemoryError) Error() string {
	msg := fmt.Sprintf("scoring: %s: needs about %s, over the memory bound of %s", e.Analysis, formatBytes(e.Estimate), formatBytes(e.Limit))
	if e.Hint != "" {
		msg += ": " + e.Hint
	}
	return msg
}

// Unwrap returns [ErrTooLarge].
func (e *MemoryError) Unwrap() error { return ErrTooLarge }

// formatBytes writes a byte count with a binary unit.
func formatBytes(b int64) string {
	const unit = 1024
	if b < unit {
		return fmt.Sprintf("%d B", b)
	}
	v, u := float64(b), 0
	for v >= unit && u < 5 {
		v /= unit
		u++
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTPE"[u-1])
}

// memBound resolves a MaxMemory setting: 0 means DefaultMaxMemory, a
// negative bound is an error.
func memBound(maxMemory int64) (int64, error) {
	switch {
	case maxMemory < 0:
		return 0, inputErr("max_memory", -1, -1, "", ErrParam, fmt.Sprintf("%d, want ≥ 0 (0 means %d bytes)", maxMemory, DefaultMaxMemory))
	case maxMemory == 0:
		return DefaultMaxMemory, nil
	}
	return maxMemory, nil
}

// bytesOf converts a byte count computed in float64 (so that it cannot
// overflow) to int64, saturating.
func bytesOf(x float64) int64 {
	if x >= math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(x)
}

// smaaMemory estimates the bytes an SMAA run allocates for m alternatives,
// n criteria, k kept ranks and w workers (noisy: with uncertain values):
//
//	8·m·(k+n)·(2w+1)   rank counts and central-weight sums: 2w blocks in
//	                   flight and the merged totals (which become the
//	                   rank acceptability matrix)
//	+ 16·m·n           the central weights of the result and the method's
//	                   prepared (normalised) copy of the matrix
//	+ 8·m·n·w          a perturbed copy of the matrix per worker (noisy only)
//	+ 32·m·w           per-worker scores, keys and orders
//	+ 64·m             confidence, holistic acceptability and row headers
//
// It leaves out the problem itself and whatever a method keeps beyond its
// normalised matrix (PROMETHEE II's preference flows, for example).
func smaaMemory(m, n, k, w int, noisy bool) int64 {
	fm, fn, fk, fw := float64(m), float64(n), float64(k), float64(w)
	b := 8*fm*(fk+fn)*(2*fw+1) + 16*fm*fn + 32*fm*fw + 64*fm
	if noisy {
		b += 8 * fm * fn * fw
	}
	return bytesOf(b)
}
