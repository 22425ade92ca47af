package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestProblemBuilderReserveBound checks the bound NewProblemBuilder
// documents: whatever the hint, it reserves at most DefaultMaxMemory
// bytes for the values and the names' offsets; a hint within the bound
// is reserved whole, and one of 0 or less reserves nothing.
func TestProblemBuilderReserveBound(t *testing.T) {
	t.Parallel()
	// Written from math.MaxInt so that the file also compiles where int
	// has 32 bits: on 64 bits they are 2^40, 2^61 and 2^38.
	huge, big := math.MaxInt>>23, math.MaxInt>>25
	for _, n := range []int{1, 2, 3, 20000, huge} {
		for _, hint := range []int{math.MaxInt / 4, big, 1 << 26, math.MaxInt, -1, math.MinInt, 0, 10} {
			rows := reserveRows(hint, n)
			assert.GreaterOrEqual(t, rows, 0, "n %d, hint %d", n, hint)
			assert.LessOrEqual(t, rows, max(hint, 0), "n %d, hint %d", n, hint)
			if rows > 0 {
				assert.LessOrEqual(t, int64(rows), DefaultMaxMemory/(8*int64(n)+4), "n %d, hint %d", n, hint)
			}
			if hint == 10 && n < 1<<20 {
				assert.Equal(t, 10, rows, "n %d", n)
			}
		}
	}
	crits := make([]Criterion, 2)
	b := NewProblemBuilder(crits, big)
	assert.LessOrEqual(t, int64(cap(b.data))*8+int64(cap(b.ends))*4, DefaultMaxMemory)
	assert.GreaterOrEqual(t, cap(b.data), min(2*big, 1<<21), "a large hint within the bound is kept")
}
