package scoring

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ProblemBuilder builds a [Problem] one alternative, or one block of
// alternatives, at a time, for data that arrives as a stream (a CSV file,
// a database cursor, a JSON request read as it comes): the values go
// straight into the problem's own storage, so a problem read from a stream
// is held once, not once as rows and again as the problem's copy. Build one
// with [NewProblemBuilder]; after [ProblemBuilder.Problem] it is spent.
//
// The alternatives are named one at a time ([ProblemBuilder.Add]), a
// block at a time ([ProblemBuilder.AddRows], whose names the problem keeps
// without copying them) or not at all ([ProblemBuilder.AddUnnamed]: "A1"
// … "Am", as [NewProblem] names them); one builder does not mix named and
// unnamed alternatives.
type ProblemBuilder struct {
	crits []Criterion
	n     int
	m     int // alternatives added
	data  []float64
	// The names of the alternatives: blocks[k] holds those of
	// alternatives firsts[k] … firsts[k+1]−1 one after the other, the
	// i-th ending at ends[i] (an offset into its block). cur collects the
	// names Add is given, a block that is not full yet.
	blocks  []string
	firsts  []int
	ends    []uint32
	cur     strings.Builder
	curFrom int // the first alternative whose name is in cur
	// nameBytes is the length of the names Add was given.
	nameBytes int
	unnamed   bool
	bad       error
}

// Bounds of the blocks Add collects names in: the first is small, as
// most problems are, and each later one as large as all before it, up to
// the largest. A block is never copied once written, and a problem of a
// million names holds a few dozen strings rather than a million, which
// the garbage collector would have to visit on every cycle.
const (
	minNameBlock = 1 << 10
	maxNameBlock = 1 << 20
)

// NewProblemBuilder returns a builder for a problem on the given criteria.
// sizeHint, if positive, is the expected number of alternatives: storage
// for that many is reserved at once (memory that is reserved but never
// written is not resident on most systems, so a generous hint is cheap).
// A hint is only a hint: the reservation is at most [DefaultMaxMemory]
// bytes (8 per value and 4 per alternative), whatever the hint, so a
// hint taken from untrusted input cannot exhaust memory; a hint of 0 or
// less reserves nothing. Beyond the reservation, storage grows with the
// alternatives actually added.
func NewProblemBuilder(criteria []Criterion, sizeHint int) *ProblemBuilder {
	b := &ProblemBuilder{crits: slices.Clone(criteria), n: len(criteria)}
	if rows := reserveRows(sizeHint, b.n); rows > 0 {
		b.data = make([]float64, 0, rows*b.n)
		b.ends = make([]uint32, 0, rows)
	}
	return b
}

// reserveRows returns the number of alternatives of n criteria a builder
// given sizeHint reserves storage for: sizeHint, clamped to 0 and to
// what fits in DefaultMaxMemory bytes. The bound is divided, never the
// hint multiplied, so no hint overflows.
func reserveRows(sizeHint, n int) int {
	if sizeHint <= 0 || n <= 0 {
		return 0
	}
	perRow := 8*int64(n) + 4 // n values and a name's end; n is a slice's length, so this does not overflow
	return int(min(int64(sizeHint), DefaultMaxMemory/perRow))
}

// Add appends an alternative named name (which must be non-empty and
// unique) with one value per criterion; values is copied. An error is an
// [*InputError] as [NewProblem] would return for the same row ([ErrRagged],
// [ErrNotFinite]); names are checked by [ProblemBuilder.Problem]. After an
// error the builder is spent.
func (b *ProblemBuilder) Add(name string, values []float64) error {
	if b.bad != nil {
		return b.bad
	}
	if err := b.named(true); err != nil {
		return err
	}
	if len(values) != b.n {
		b.bad = inputErr("matrix", b.m, -1, name, ErrRagged,
			fmt.Sprintf("row has %d values, want %d (one per criterion)", len(values), b.n))
		return b.bad
	}
	if b.cur.Len()+len(name) > b.cur.Cap() || uint64(b.cur.Len()+len(name)) > math.MaxUint32 {
		b.seal()
		b.cur.Grow(min(max(b.nameBytes, minNameBlock), maxNameBlock) + len(name))
	}
	if err := b.addValues(1, values, func(int) string { return name }); err != nil {
		return err
	}
	b.cur.WriteString(name)
	b.nameBytes += len(name)
	b.ends = append(b.ends, uint32(b.cur.Len()))
	return nil
}

// AddRows appends len(ends) alternatives, whose values are in values in
// row-major order (one value per criterion for each alternative, so
// len(ends)·n in all) and whose names are in names one after the other:
// the first is names[:ends[0]], the k-th names[ends[k-1]:ends[k]]. ends
// must not decrease nor go past len(names) ([ErrLength] otherwise). values
// is copied, names kept: the problem's names are substrings of it (a
// string cannot change), so it should hold these names only. Errors are
// those of [ProblemBuilder.Add], for the first row in error.
func (b *ProblemBuilder) AddRows(names string, ends []int, values []float64) error {
	if b.bad != nil {
		return b.bad
	}
	if err := b.named(true); err != nil {
		return err
	}
	if err := b.rowCount(len(ends), values); err != nil {
		return err
	}
	from := 0
	for k, e := range ends {
		if e < from || e > len(names) || uint64(e) > math.MaxUint32 {
			b.bad = inputErr("alternatives", b.m+k, -1, "", ErrLength,
				fmt.Sprintf("a name ends at %d, after %d and within %d bytes", e, from, len(names)))
			return b.bad
		}
		from = e
	}
	name := func(k int) string {
		if k == 0 {
			return names[:ends[0]]
		}
		return names[ends[k-1]:ends[k]]
	}
	b.seal()
	first := b.m
	if err := b.addValues(len(ends), values, name); err != nil {
		return err
	}
	b.blocks = append(b.blocks, names)
	b.firsts = append(b.firsts, first)
	for _, e := range ends {
		b.ends = append(b.ends, uint32(e))
	}
	b.curFrom = b.m
	return nil
}

// AddUnnamed appends len(values)/n alternatives, whose values are in
// values in row-major order, named as [NewProblem] names alternatives
// without names: "A1", "A2", … by their place in the problem. values is
// copied. Errors are those of [ProblemBuilder.Add], and [ErrLength] when
// len(values) is not a multiple of n.
func (b *ProblemBuilder) AddUnnamed(values []float64) error {
	if b.bad != nil {
		return b.bad
	}
	if err := b.named(false); err != nil {
		return err
	}
	if b.n == 0 {
		b.bad = inputErr("criteria", -1, -1, "", ErrEmpty, "no criteria")
		return b.bad
	}
	if len(values)%b.n != 0 {
		b.bad = inputErr("matrix", b.m, -1, "", ErrLength,
			fmt.Sprintf("%d values are not a whole number of rows of %d criteria", len(values), b.n))
		return b.bad
	}
	return b.addValues(len(values)/b.n, values, func(k int) string { return "A" + strconv.Itoa(b.m+k+1) })
}

// named records whether the alternatives are named, and fails if they were
// added the other way before.
func (b *ProblemBuilder) named(named bool) error {
	if b.m > 0 && b.unnamed == named {
		b.bad = inputErr("alternatives", b.m, -1, "", ErrLength,
			"named and unnamed alternatives in one problem")
		return b.bad
	}
	b.unnamed = !named
	return nil
}

// rowCount checks that values holds rows of n values for k alternatives.
func (b *ProblemBuilder) rowCount(k int, values []float64) error {
	if len(values) != k*b.n {
		b.bad = inputErr("matrix", b.m, -1, "", ErrLength,
			fmt.Sprintf("%d values for %d alternatives of %d criteria", len(values), k, b.n))
		return b.bad
	}
	return nil
}

// addValues checks that values, rows rows of n values, are finite and
// appends them; name(k) names the k-th of these rows in an error.
func (b *ProblemBuilder) addValues(rows int, values []float64, name func(k int) string) error {
	for k, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			i, j := k/b.n, k%b.n
			b.bad = inputErr("matrix", b.m+i, j, name(i)+"/"+b.crits[j].Name, ErrNotFinite,
				strconv.FormatFloat(v, 'g', -1, 64))
			return b.bad
		}
	}
	b.data = append(b.data, values...)
	b.m += rows
	return nil
}

// seal ends the block Add collects names in.
func (b *ProblemBuilder) seal() {
	if b.curFrom < b.m && b.cur.Cap() > 0 {
		b.blocks = append(b.blocks, b.cur.String())
		b.firsts = append(b.firsts, b.curFrom)
	}
	b.cur = strings.Builder{}
	b.curFrom = b.m
}

// fillNames sets out (one per alternative) to the alternatives' names.
func (b *ProblemBuilder) fillNames(out []string) {
	b.seal()
	for k, s := range b.blocks {
		to := b.m
		if k+1 < len(b.firsts) {
			to = b.firsts[k+1]
		}
		start := uint32(0)
		for i := b.firsts[k]; i < to; i++ {
			e := b.ends[i]
			out[i] = s[start:e]
			start = e
		}
	}
}

// Len returns the number of alternatives added so far.
func (b *ProblemBuilder) Len() int { return b.m }

// Problem validates and returns the problem built so far, with the errors
// of [NewProblem]. The builder is spent: it hands its storage over to the
// problem.
func (b *ProblemBuilder) Problem() (*Problem, error) {
	if b.bad != nil {
		return nil, b.bad
	}
	m := b.m
	if m == 0 {
		return nil, inputErr("matrix", -1, -1, "", ErrEmpty, "no alternatives")
	}
	b.bad = errors.New("scoring: ProblemBuilder used after Problem")
	built := b
	if b.unnamed {
		built = nil
	}
	p, err := newProblemShellOwning(nil, b.crits, m, b.data[:m*b.n:m*b.n], built)
	b.data, b.blocks, b.firsts, b.ends, b.cur = nil, nil, nil, nil, strings.Builder{}
	if err != nil {
		return nil, err
	}
	return p.fill(matrixSource{inPlace: true, data: p.data, stride: p.n})
}
