package scoring

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// ProblemBuilder builds a [Problem] one alternative at a time, for data
// that arrives as a stream (a CSV file, a database cursor): the values go
// straight into the problem's own storage, so a problem read from a stream
// is held once, not once as rows and again as the problem's copy. Build one
// with [NewProblemBuilder]; after [ProblemBuilder.Problem] it is spent.
type ProblemBuilder struct {
	crits []Criterion
	n     int
	data  []float64
	names []byte
	ends  []int
	bad   error
}

// NewProblemBuilder returns a builder for a problem on the given criteria.
// sizeHint, if positive, is the expected number of alternatives: storage
// for that many is reserved at once (memory that is reserved but never
// written is not resident on most systems, so a generous hint is cheap).
func NewProblemBuilder(criteria []Criterion, sizeHint int) *ProblemBuilder {
	b := &ProblemBuilder{crits: slices.Clone(criteria), n: len(criteria)}
	if sizeHint > 0 && b.n > 0 {
		b.data = make([]float64, 0, sizeHint*b.n)
		b.ends = make([]int, 0, sizeHint)
	}
	return b
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
	i := len(b.ends)
	if len(values) != b.n {
		b.bad = inputErr("matrix", i, -1, name, ErrRagged,
			fmt.Sprintf("row has %d values, want %d (one per criterion)", len(values), b.n))
		return b.bad
	}
	for j, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b.bad = inputErr("matrix", i, j, name+"/"+b.crits[j].Name, ErrNotFinite,
				strconv.FormatFloat(v, 'g', -1, 64))
			return b.bad
		}
	}
	b.data = append(b.data, values...)
	b.names = append(b.names, name...)
	b.ends = append(b.ends, len(b.names))
	return nil
}

// Len returns the number of alternatives added so far.
func (b *ProblemBuilder) Len() int { return len(b.ends) }

// Problem validates and returns the problem built so far, with the errors
// of [NewProblem]. The builder is spent: it hands its storage over to the
// problem.
func (b *ProblemBuilder) Problem() (*Problem, error) {
	if b.bad != nil {
		return nil, b.bad
	}
	m := len(b.ends)
	if m == 0 {
		return nil, inputErr("matrix", -1, -1, "", ErrEmpty, "no alternatives")
	}
	b.bad = errors.New("scoring: ProblemBuilder used after Problem")
	p, err := newProblemShellOwning(nil, b.crits, m, b.data[:m*b.n:m*b.n], b)
	b.data, b.names, b.ends = nil, nil, nil
	if err != nil {
		return nil, err
	}
	return p.fill(matrixSource{inPlace: true, data: p.data, stride: p.n})
}
