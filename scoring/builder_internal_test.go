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
	for _, n := range []int{1, 2, 3, 20000, 1 << 40} {
		for _, hint := range []int{1 << 62, 1 << 38, 1 << 26, math.MaxInt, -1, math.MinInt, 0, 10} {
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
	b := NewProblemBuilder(crits, 1<<38)
	assert.LessOrEqual(t, int64(cap(b.data))*8+int64(cap(b.ends))*4, DefaultMaxMemory)
	assert.Greater(t, cap(b.data), 1<<20, "a large hint within the bound is kept")
}
