package scoring

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckNamesLarge: from radixNames names on, checkNames radix-sorts
// the hashes; it must still report the same duplicate as a scan in index
// order (the earliest name that repeats an earlier one, and the index of
// the first of its kind), on both sides of the threshold.
func TestCheckNamesLarge(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 7))
	for _, m := range []int{radixNames - 1, radixNames, 3 * radixNames, 70000} {
		for trial := range 6 {
			names := make([]string, m)
			for i := range names {
				names[i] = "alt-" + strconv.Itoa(i)
			}
			// Trial 0 has no duplicate; the others copy names over others.
			for range trial * 2 {
				names[rng.IntN(m)] = names[rng.IntN(m)]
			}
			wantDup, wantFirst := -1, -1
			seen := map[string]int{}
			for i, s := range names {
				if j, ok := seen[s]; ok {
					wantDup, wantFirst = i, j
					break
				}
				seen[s] = i
			}
			err := checkNames("alternatives", names)
			if wantDup < 0 {
				require.NoError(t, err, "m %d trial %d", m, trial)
				continue
			}
			require.ErrorIs(t, err, ErrDuplicateName, "m %d trial %d", m, trial)
			var ie *InputError
			require.True(t, errors.As(err, &ie))
			assert.Equal(t, wantDup, ie.Row, "m %d trial %d", m, trial)
			assert.Contains(t, err.Error(), "same as index "+strconv.Itoa(wantFirst), "m %d trial %d", m, trial)
		}
	}
}

// TestRadixSortHigh compares radixSortHigh with a stable sort on the upper
// 32 bits, for keys over the whole range, keys that share their low digits
// (so that every pass matters) and keys all equal, on 1 and 3 chunks.
func TestRadixSortHigh(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 13))
	keys := map[string]func() uint64{
		"any":       func() uint64 { return uint64(rng.Uint32()) },
		"high bits": func() uint64 { return uint64(rng.IntN(8)) << 29 },
		"middle":    func() uint64 { return uint64(rng.IntN(8)) << 13 },
		"equal":     func() uint64 { return 7 },
	}
	for name, key := range keys {
		for _, chunks := range []int{1, 3} {
			m := 10000
			items := make([]uint64, m)
			for i := range items {
				items[i] = key()<<32 | uint64(rng.Uint32())
			}
			want := slices.Clone(items)
			slices.SortStableFunc(want, func(a, b uint64) int { return cmp.Compare(a>>32, b>>32) })
			got := radixSortHigh(slices.Clone(items), make([]uint64, m), make([][radixBuckets]uint32, chunks), false)
			assert.Equal(t, want, got, "%s, %d chunks", name, chunks)
		}
	}
}
