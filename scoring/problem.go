package scoring

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"gonum.org/v1/gonum/mat"
)

// Criterion names a column of a decision problem and says which way is
// better.
type Criterion struct {
	// Name identifies the criterion; names are unique within a problem.
	Name string `json:"name"`
	// Direction is Benefit or Cost; the zero value is rejected.
	Direction Direction `json:"direction"`
}

// Problem is a validated decision problem: m named alternatives (rows)
// evaluated on n named criteria (columns). It is immutable once built and
// safe for concurrent use. Build one with [NewProblem] or
// [NewProblemFromMatrix]; the zero Problem is empty and is rejected by every
// method.
type Problem struct {
	alts  []string
	crits []Criterion
	// resultAlts and resultCrits are copies of the names that every result
	// ranked from the problem shares (read-only by contract). The problem
	// itself never reads them, so a caller who writes into a result's
	// names cannot corrupt the problem.
	resultAlts, resultCrits []string
	data                    []float64 // row-major, m*n
	m, n                    int
	// Per-column summaries computed once at construction.
	colMin, colMax []float64
	// colScale[j] is a power of two with max|x|·colScale[j] < 1, so that
	// kernels can work on exactly scaled values without overflow.
	colScale []float64
	// colSum[j] and colSumSq[j] are Σ x·s and Σ (x·s)² with s = colScale[j].
	colSum, colSumSq []float64
}

// NewProblem copies and validates a decision problem. rows[i][j] is the
// performance of alternative i on criterion j. If alternatives is nil the
// alternatives are named "A1" … "Am"; otherwise it must have one non-empty,
// unique name per row.
//
// The error, if any, is an [*InputError] wrapping [ErrEmpty] (no rows, no
// criteria, an empty name), [ErrRagged] (a row of the wrong length),
// [ErrNotFinite] (NaN or ±Inf), [ErrInvalidUTF8] (a name that is not
// valid UTF-8), [ErrDuplicateName], [ErrDirection] or [ErrLength]
// (alternatives and rows disagree). The caller's slices are never
// retained or modified.
func NewProblem(alternatives []string, criteria []Criterion, rows [][]float64) (*Problem, error) {
	m := len(rows)
	if m == 0 {
		return nil, inputErr("matrix", -1, -1, "", ErrEmpty, "no alternatives")
	}
	n := len(criteria)
	if n == 0 {
		return nil, inputErr("criteria", -1, -1, "", ErrEmpty, "no criteria")
	}
	p := &Problem{m: m, n: n, data: make([]float64, m*n)}
	if err := p.setNames(alternatives, criteria); err != nil {
		return nil, err
	}
	for i, row := range rows {
		if len(row) != n {
			return nil, inputErr("matrix", i, -1, p.alts[i], ErrRagged,
				fmt.Sprintf("row has %d values, want %d (one per criterion)", len(row), n))
		}
		copy(p.data[i*n:], row)
	}
	if err := p.checkFinite(); err != nil {
		return nil, err
	}
	return p, nil
}

// NewProblemFromMatrix is like [NewProblem] but reads the performances from
// a gonum matrix, whose values are copied. The matrix has one row per
// alternative and one column per criterion.
func NewProblemFromMatrix(alternatives []string, criteria []Criterion, a mat.Matrix) (*Problem, error) {
	if a == nil {
		return nil, inputErr("matrix", -1, -1, "", ErrEmpty, "nil matrix")
	}
	m, n := a.Dims()
	if m == 0 {
		return nil, inputErr("matrix", -1, -1, "", ErrEmpty, "no alternatives")
	}
	if len(criteria) == 0 {
		return nil, inputErr("criteria", -1, -1, "", ErrEmpty, "no criteria")
	}
	if n != len(criteria) {
		return nil, inputErr("matrix", -1, -1, "", ErrLength,
			fmt.Sprintf("matrix has %d columns for %d criteria", n, len(criteria)))
	}
	p := &Problem{m: m, n: n, data: make([]float64, m*n)}
	if err := p.setNames(alternatives, criteria); err != nil {
		return nil, err
	}
	for i := range m {
		for j := range n {
			p.data[i*n+j] = a.At(i, j)
		}
	}
	if err := p.checkFinite(); err != nil {
		return nil, err
	}
	return p, nil
}

// MustNewProblem is like [NewProblem] but panics on error. It is meant for
// tests and examples with literal data.
func MustNewProblem(alternatives []string, criteria []Criterion, rows [][]float64) *Problem {
	p, err := NewProblem(alternatives, criteria, rows)
	if err != nil {
		panic(err)
	}
	return p
}

func (p *Problem) setNames(alternatives []string, criteria []Criterion) error {
	m := p.m
	if alternatives == nil {
		var b []byte
		ends := make([]int, m)
		for i := range m {
			b = strconv.AppendInt(append(b, 'A'), int64(i+1), 10)
			ends[i] = len(b)
		}
		p.alts = carve(string(b), ends)
	} else {
		if len(alternatives) != m {
			return inputErr("alternatives", -1, -1, "", ErrLength,
				fmt.Sprintf("%d names for %d rows", len(alternatives), m))
		}
		p.alts = internNames(alternatives)
		if err := checkNames("alternatives", p.alts); err != nil {
			return err
		}
	}
	p.crits = slices.Clone(criteria)
	names := make([]string, len(criteria))
	for j, c := range criteria {
		names[j] = c.Name
		if c.Direction != Benefit && c.Direction != Cost {
			return inputErr("criteria", -1, j, c.Name, ErrDirection, c.Direction.String())
		}
	}
	if err := checkNames("criteria", names); err != nil {
		return err
	}
	p.resultAlts, p.resultCrits = slices.Clone(p.alts), names
	return nil
}

// internNames copies names into one string and returns substrings of it:
// a problem with a million alternatives then holds one string object
// rather than a million, which the garbage collector would have to visit
// on every cycle.
func internNames(names []string) []string {
	n := 0
	for _, s := range names {
		n += len(s)
	}
	b := make([]byte, 0, n)
	ends := make([]int, len(names))
	for i, s := range names {
		b = append(b, s...)
		ends[i] = len(b)
	}
	return carve(string(b), ends)
}

// carve cuts all into the substrings ending at ends.
func carve(all string, ends []int) []string {
	out := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// nameHash is the 32-bit FNV-1a hash of s.
func nameHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// checkNames rejects empty names, names that are not valid UTF-8 and
// duplicate names. Field is "alternatives" or
// "criteria"; the error's Row or Col is the index of the offending name (for
// a duplicate, the later one).
func checkNames(field string, names []string) error {
	at := func(i int) (row, col int) {
		if field == "criteria" {
			return -1, i
		}
		return i, -1
	}
	for i, s := range names {
		if s == "" {
			row, col := at(i)
			return inputErr(field, row, col, "", ErrEmpty, "empty name")
		}
		if !utf8.ValidString(s) {
			row, col := at(i)
			return inputErr(field, row, col, "", ErrInvalidUTF8, strconv.Quote(s))
		}
	}
	// Sort (hash, index) pairs: equal names have equal hashes, so only
	// neighbours with equal hashes need their names compared, and sorting
	// integers needs neither a map nor a comparator call.
	items := make([]uint64, len(names))
	for i, s := range names {
		items[i] = uint64(nameHash(s))<<32 | uint64(i)
	}
	slices.Sort(items)
	// Within a run of equal hashes the indices ascend; report the earliest
	// index that repeats an earlier name, as a scan in index order would.
	dup, first := -1, -1
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && items[hi]>>32 == items[lo]>>32 {
			hi++
		}
		for x := lo + 1; x < hi; x++ {
			i := int(uint32(items[x]))
			if dup >= 0 && i > dup {
				continue
			}
			for y := lo; y < x; y++ {
				if j := int(uint32(items[y])); names[j] == names[i] {
					dup, first = i, j
					break
				}
			}
		}
		lo = hi
	}
	if dup >= 0 {
		row, col := at(dup)
		return inputErr(field, row, col, names[dup], ErrDuplicateName, fmt.Sprintf("same as index %d", first))
	}
	return nil
}

// checkFinite rejects NaN and ±Inf and fills the per-column summaries.
func (p *Problem) checkFinite() error {
	for k, v := range p.data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			i, j := k/p.n, k%p.n
			return inputErr("matrix", i, j, p.alts[i]+"/"+p.crits[j].Name, ErrNotFinite,
				strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	p.summarize()
	return nil
}

// summarize fills the per-column summaries from p.data, reusing the
// summary slices when they exist: minimum, maximum, the exact power-of-two
// scale, and the scaled sums Σx·s and Σ(x·s)² that the Vector and Sum
// normalisations need, so that ranking does not have to pass over the data
// for them.
func (p *Problem) summarize() {
	n := p.n
	for _, s := range []*[]float64{&p.colMin, &p.colMax, &p.colScale, &p.colSum, &p.colSumSq} {
		if len(*s) != n {
			*s = make([]float64, n)
		}
	}
	copy(p.colMin, p.data[:n])
	copy(p.colMax, p.data[:n])
	clear(p.colSum)
	clear(p.colSumSq)
	lo, hi, sum, sq := p.colMin, p.colMax, p.colSum, p.colSumSq
	for i := range p.m {
		row := p.data[i*n : (i+1)*n : (i+1)*n]
		lo, hi, sum, sq := lo[:len(row)], hi[:len(row)], sum[:len(row)], sq[:len(row)]
		for j, v := range row {
			if v < lo[j] {
				lo[j] = v
			}
			if v > hi[j] {
				hi[j] = v
			}
			sum[j] += v
			sq[j] += v * v
		}
	}
	for j := range n {
		s := powerOfTwoScale(math.Max(math.Abs(lo[j]), math.Abs(hi[j])))
		p.colScale[j] = s
		if s >= 0x1p-400 && s <= 0x1p400 {
			// Moderate magnitudes: the unscaled sums neither overflowed nor
			// lost anything that matters, and scaling by a power of two is
			// exact.
			sum[j] *= s
			sq[j] *= s * s
			continue
		}
		sum[j], sq[j] = 0, 0
		for i := range p.m {
			v := p.data[i*n+j] * s
			sum[j] += v
			sq[j] += v * v
		}
	}
}

// powerOfTwoScale returns a power of two s with big·s < 1 (s = 1 for 0).
// Scaling by a power of two is exact, so ratios of scaled values equal the
// ratios of the originals while sums and squares cannot overflow.
func powerOfTwoScale(big float64) float64 {
	if big == 0 {
		return 1
	}
	_, e := math.Frexp(big)             // big = f·2^e, f in [0.5, 1)
	return math.Ldexp(1, min(-e, 1000)) // e ≤ 1024, so the scale is at least 2^-1024
}

// Dims returns the number of alternatives m and criteria n.
func (p *Problem) Dims() (m, n int) { return p.m, p.n }

// Alternatives returns a copy of the alternatives' names.
func (p *Problem) Alternatives() []string { return slices.Clone(p.alts) }

// Criteria returns a copy of the criteria.
func (p *Problem) Criteria() []Criterion { return slices.Clone(p.crits) }

// CriterionNames returns a copy of the criteria's names.
func (p *Problem) CriterionNames() []string {
	names := make([]string, len(p.crits))
	for j, c := range p.crits {
		names[j] = c.Name
	}
	return names
}

// At returns the performance of alternative i on criterion j. It panics if
// i or j is out of range, as slice indexing does.
func (p *Problem) At(i, j int) float64 {
	if i < 0 || i >= p.m || j < 0 || j >= p.n {
		panic(fmt.Sprintf("scoring: Problem.At(%d, %d) out of range for %dx%d problem", i, j, p.m, p.n))
	}
	return p.data[i*p.n+j]
}

// Rows returns a fresh copy of the decision matrix as rows.
func (p *Problem) Rows() [][]float64 {
	flat := slices.Clone(p.data)
	rows := make([][]float64, p.m)
	for i := range rows {
		rows[i] = flat[i*p.n : (i+1)*p.n : (i+1)*p.n]
	}
	return rows
}

// Matrix returns a fresh copy of the decision matrix as a gonum matrix, for
// analysts who want to continue in gonum. Changing it does not change p.
func (p *Problem) Matrix() *mat.Dense {
	return mat.NewDense(p.m, p.n, slices.Clone(p.data))
}

// AlternativeIndex returns the index of the named alternative.
func (p *Problem) AlternativeIndex(name string) (int, bool) {
	i := slices.Index(p.alts, name)
	return i, i >= 0
}

// CriterionIndex returns the index of the named criterion.
func (p *Problem) CriterionIndex(name string) (int, bool) {
	i := slices.IndexFunc(p.crits, func(c Criterion) bool { return c.Name == name })
	return i, i >= 0
}

// empty reports whether p is the zero Problem (or nil).
func (p *Problem) empty() bool { return p == nil || p.m == 0 || p.n == 0 }

func checkProblem(p *Problem) error {
	if p.empty() {
		return inputErr("matrix", -1, -1, "", ErrEmpty, "empty problem")
	}
	return nil
}
