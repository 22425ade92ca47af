package scoring

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
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
// The values are validated and copied in one pass, which also computes the
// column summaries the methods need, so building a problem costs about one
// read of the data and one write of the copy. For data already held in one
// flat slice, [NewProblemRowMajor] and [NewProblemColMajor] skip the rows;
// for a gonum matrix, [NewProblemFromMatrix].
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
	p, err := newProblemShell(alternatives, criteria, m)
	if err != nil {
		return nil, err
	}
	n := p.n
	for i, row := range rows {
		if len(row) != n {
			return nil, inputErr("matrix", i, -1, p.altName(i), ErrRagged,
				fmt.Sprintf("row has %d values, want %d (one per criterion)", len(row), n))
		}
	}
	return p.fill(matrixSource{rows: rows})
}

// NewProblemRowMajor is like [NewProblem] but reads the performances from
// one flat slice in row-major order: data[i*n+j] is the performance of
// alternative i on criterion j, where n = len(criteria). len(data) must be
// a positive multiple of n ([ErrLength] otherwise); the number of
// alternatives is len(data)/n. data is copied, never retained or modified.
func NewProblemRowMajor(alternatives []string, criteria []Criterion, data []float64) (*Problem, error) {
	m, err := flatRows(criteria, data)
	if err != nil {
		return nil, err
	}
	p, err := newProblemShell(alternatives, criteria, m)
	if err != nil {
		return nil, err
	}
	return p.fill(matrixSource{data: data, stride: p.n})
}

// NewProblemNoCopy is like [NewProblemRowMajor] but takes data over as
// the problem's own storage instead of copying it, as gonum's
// mat.NewDense does with its slice: building the problem is then one
// read of the values (validation and the column summaries) and no
// write, which matters for large matrices, whose copy costs more than
// most methods. The caller hands data over: it must not modify data
// afterwards, for as long as the problem or anything ranked from it is in
// use (a problem assumes its values never change; reading data
// concurrently is fine). data is never written to.
//
// The errors are those of [NewProblemRowMajor].
func NewProblemNoCopy(alternatives []string, criteria []Criterion, data []float64) (*Problem, error) {
	m, err := flatRows(criteria, data)
	if err != nil {
		return nil, err
	}
	n := len(criteria)
	p, err := newProblemShellOwning(alternatives, criteria, m, data[:m*n:m*n], nil)
	if err != nil {
		return nil, err
	}
	return p.fill(matrixSource{inPlace: true, data: p.data, stride: n})
}

// NewProblemColMajor is like [NewProblemRowMajor] but data is in
// column-major order, as Fortran, R, Julia and numpy's order="F" arrays
// hold it: data[j*m+i] is the performance of alternative i on criterion j,
// where m = len(data)/len(criteria). data is copied, never retained or
// modified.
func NewProblemColMajor(alternatives []string, criteria []Criterion, data []float64) (*Problem, error) {
	m, err := flatRows(criteria, data)
	if err != nil {
		return nil, err
	}
	p, err := newProblemShell(alternatives, criteria, m)
	if err != nil {
		return nil, err
	}
	return p.fill(matrixSource{data: data, stride: m, colMajor: true})
}

// WithValues returns a new problem with p's alternatives and criteria and
// the performances in data, row-major as for [NewProblemRowMajor]: data
// holds one value per alternative and criterion. It is for ranking many
// variants of one decision, such as a sweep over scenarios, without
// copying and checking the same names for every variant: they were checked
// when p was built, and the new problem shares p's own immutable copy of
// them. Results ranked from the new problem get their own copy of the
// names (see [Result].Alternatives), as with any other constructor.
//
// data is validated and copied, never retained or modified; p is not
// changed. The error, if any, is an [*InputError] wrapping [ErrLength]
// (data is not m×n values) or [ErrNotFinite].
func (p *Problem) WithValues(data []float64) (*Problem, error) {
	m, n := p.m, p.n
	if len(data) != m*n {
		return nil, inputErr("matrix", -1, -1, "", ErrLength,
			fmt.Sprintf("%d values for %d alternatives and %d criteria", len(data), m, n))
	}
	q := &Problem{alts: p.alts, crits: p.crits, m: m, n: n}
	strs := make([]string, m+n)
	q.resultAlts, q.resultCrits = strs[:m:m], strs[m:m+n:m+n]
	if p.alts == nil {
		defaultNames(q.resultAlts)
	} else {
		copy(q.resultAlts, p.alts)
	}
	for j, c := range p.crits {
		q.resultCrits[j] = c.Name
	}
	block := make([]float64, m*n+5*n)
	q.data, block = block[:m*n:m*n], block[m*n:]
	col := func(k int) []float64 { return block[k*n : (k+1)*n : (k+1)*n] }
	q.colMin, q.colMax, q.colScale, q.colSum, q.colSumSq = col(0), col(1), col(2), col(3), col(4)
	return q.fill(matrixSource{data: data, stride: n})
}

// flatRows returns the number of rows of a flat matrix with one column
// per criterion.
func flatRows(criteria []Criterion, data []float64) (int, error) {
	n := len(criteria)
	switch {
	case len(data) == 0:
		return 0, inputErr("matrix", -1, -1, "", ErrEmpty, "no alternatives")
	case n == 0:
		return 0, inputErr("criteria", -1, -1, "", ErrEmpty, "no criteria")
	case len(data)%n != 0:
		return 0, inputErr("matrix", -1, -1, "", ErrLength,
			fmt.Sprintf("%d values are not a whole number of rows of %d criteria", len(data), n))
	}
	return len(data) / n, nil
}

// NewProblemFromMatrix is like [NewProblem] but reads the performances from
// a gonum matrix, whose values are copied. The matrix has one row per
// alternative and one column per criterion. A [*mat.Dense] (or any
// [mat.RawMatrixer]) is read from its backing slice, and the transpose
// of one (mat.Transpose{Matrix: d} or d.T()) as column-major data, without
// calling At per value; other matrices are read through At.
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
	p, err := newProblemShell(alternatives, criteria, m)
	if err != nil {
		return nil, err
	}
	if raw, ok := a.(mat.RawMatrixer); ok {
		r := raw.RawMatrix()
		return p.fill(matrixSource{data: r.Data, stride: r.Stride})
	}
	if t, ok := a.(mat.Transpose); ok {
		if raw, ok := t.Matrix.(mat.RawMatrixer); ok {
			// a = rᵀ: row j of r holds criterion j, a column-major layout
			// with stride r.Stride.
			r := raw.RawMatrix()
			return p.fill(matrixSource{data: r.Data, stride: r.Stride, colMajor: true})
		}
	}
	return p.fill(matrixSource{at: a})
}

// matrixSource is where a constructor reads the values from: rows, a
// flat slice (row-major with stride the distance between rows, or
// column-major with stride the distance between columns) or a matrix read
// through At.
type matrixSource struct {
	rows     [][]float64
	data     []float64
	stride   int
	colMajor bool
	at       mat.Matrix
	// inPlace means data is the problem's own matrix: summarise only.
	inPlace bool
}

// copyBlock copies rows lo…hi−1 into dst (row-major, n columns) and adds
// them to st. A source that is the problem's own matrix (inPlace) is only
// read: nothing is written to memory the problem does not own.
func (s matrixSource) copyBlock(lo, hi, n int, dst []float64, st *colStats) {
	switch {
	case s.inPlace:
		st.addFlat(nil, dst[:(hi-lo)*n], n)
	case s.rows != nil:
		for i := lo; i < hi; i++ {
			st.addRow(dst[(i-lo)*n:(i-lo+1)*n:(i-lo+1)*n], s.rows[i])
		}
	case s.at != nil:
		row := make([]float64, n)
		for i := lo; i < hi; i++ {
			for j := range row {
				row[j] = s.at.At(i, j)
			}
			st.addRow(dst[(i-lo)*n:(i-lo+1)*n:(i-lo+1)*n], row)
		}
	case s.colMajor:
		st.addStrided(dst, s.data, s.stride, lo, hi)
	case s.stride == n:
		st.addFlat(dst, s.data[lo*n:hi*n], n)
	default:
		for i := lo; i < hi; i++ {
			k := i * s.stride
			st.addRow(dst[(i-lo)*n:(i-lo+1)*n:(i-lo+1)*n], s.data[k:k+n:k+n])
		}
	}
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

// newProblemShell checks the names of a problem with m ≥ 1 rows and
// allocates everything it holds: the names, and one float64 block for the
// matrix and the column summaries. Only the values remain to be filled.
func newProblemShell(alternatives []string, criteria []Criterion, m int) (*Problem, error) {
	return newProblemShellOwning(alternatives, criteria, m, nil, nil)
}

// newProblemShellOwning is newProblemShell that uses data, if not nil, as
// the problem's matrix (row-major m×n) rather than allocating one.
// The alternatives' names come from built, if not nil.
func newProblemShellOwning(alternatives []string, criteria []Criterion, m int, data []float64, built *ProblemBuilder) (*Problem, error) {
	n := len(criteria)
	if n == 0 {
		return nil, inputErr("criteria", -1, -1, "", ErrEmpty, "no criteria")
	}
	p := &Problem{m: m, n: n}
	if err := p.setNames(alternatives, criteria, built); err != nil {
		return nil, err
	}
	var stats []float64
	if data != nil {
		p.data, stats = data, make([]float64, 5*n)
	} else {
		block := make([]float64, m*n+5*n)
		p.data, stats = block[:m*n:m*n], block[m*n:]
	}
	col := func(k int) []float64 { return stats[k*n : (k+1)*n : (k+1)*n] }
	p.colMin, p.colMax, p.colScale, p.colSum, p.colSumSq = col(0), col(1), col(2), col(3), col(4)
	return p, nil
}

// colStats accumulates the column summaries of a block of rows: minimum,
// maximum, Σx and Σx². A NaN or an infinity anywhere in a column makes its
// Σx NaN or infinite, which is how [Problem.fill] detects one without a
// test per value.
type colStats struct {
	lo, hi, sum, sq []float64
	started         bool
}

// addRow copies src into dst (both of length n) and adds it to the
// summaries.
func (st *colStats) addRow(dst, src []float64) {
	lo, hi, sum, sq := st.lo[:len(src)], st.hi[:len(src)], st.sum[:len(src)], st.sq[:len(src)]
	dst = dst[:len(src)]
	if !st.started {
		copy(lo, src)
		copy(hi, src)
		st.started = true
	}
	for j, v := range src {
		dst[j] = v
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

// addFlat adds the rows of src (row-major, n columns) to the summaries,
// copying them into dst unless dst is nil.
func (st *colStats) addFlat(dst, src []float64, n int) {
	for k := 0; k+n <= len(src); k += n {
		if dst == nil {
			st.addRowStats(src[k : k+n : k+n])
		} else {
			st.addRow(dst[k:k+n:k+n], src[k:k+n:k+n])
		}
	}
}

// addRowStats is addRow without the copy.
func (st *colStats) addRowStats(src []float64) {
	lo, hi, sum, sq := st.lo[:len(src)], st.hi[:len(src)], st.sum[:len(src)], st.sq[:len(src)]
	if !st.started {
		copy(lo, src)
		copy(hi, src)
		st.started = true
	}
	for j, v := range src {
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

// addStrided copies rows lo…hi−1 of a column-major matrix, whose columns
// start stride values apart in data, into the row-major dst and adds them
// to the summaries.
func (st *colStats) addStrided(dst, data []float64, stride, lo, hi int) {
	n := len(st.lo)
	for j := range n {
		col := data[j*stride+lo : j*stride+hi : j*stride+hi]
		l, h, s, q := col[0], col[0], 0.0, 0.0
		if st.started {
			l, h, s, q = st.lo[j], st.hi[j], st.sum[j], st.sq[j]
		}
		for k, v := range col {
			dst[k*n+j] = v
			if v < l {
				l = v
			}
			if v > h {
				h = v
			}
			s += v
			q += v * v
		}
		st.lo[j], st.hi[j], st.sum[j], st.sq[j] = l, h, s, q
	}
	st.started = true
}

// fill copies the values into p.data and computes the column summaries in
// one pass, by row blocks of blockRows, reading them from src. Blocks
// run concurrently on large matrices (see forBlocks); each block's sums are
// its own and are added in block order, so the result does not depend on
// the number of workers. It then checks that every value is finite.
func (p *Problem) fill(src matrixSource) (*Problem, error) {
	m, n := p.m, p.n
	nb := numBlocks(m)
	if nb == 1 {
		st := colStats{lo: p.colMin, hi: p.colMax, sum: p.colSum, sq: p.colSumSq}
		src.copyBlock(0, m, n, p.data, &st)
	} else {
		part := make([]float64, 4*n*nb)
		src := src // only this branch's copy escapes to the workers
		forBlocks(m, n, func(lo, hi, b int) {
			s := part[4*n*b : 4*n*(b+1)]
			st := colStats{lo: s[:n:n], hi: s[n : 2*n : 2*n], sum: s[2*n : 3*n : 3*n], sq: s[3*n:]}
			src.copyBlock(lo, hi, n, p.data[lo*n:hi*n], &st)
		})
		copy(p.colMin, part[:n])
		copy(p.colMax, part[n:2*n])
		for b := range nb {
			s := part[4*n*b : 4*n*(b+1)]
			for j := range n {
				p.colMin[j] = math.Min(p.colMin[j], s[j])
				p.colMax[j] = math.Max(p.colMax[j], s[n+j])
				p.colSum[j] += s[2*n+j]
				p.colSumSq[j] += s[3*n+j]
			}
		}
	}
	for j := range n {
		if s := p.colSum[j]; math.IsNaN(s) || math.IsInf(s, 0) {
			if err := p.notFinite(); err != nil {
				return nil, err
			}
			break // finite values whose sum overflowed: scaleSums rescales them
		}
	}
	p.scaleSums()
	return p, nil
}

// notFinite returns the error for the first value in row-major order that
// is NaN or infinite, or nil if every value is finite.
func (p *Problem) notFinite() error {
	for k, v := range p.data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			i, j := k/p.n, k%p.n
			return inputErr("matrix", i, j, p.altName(i)+"/"+p.crits[j].Name, ErrNotFinite,
				strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	// A sum can only become infinite by overflow when every value is
	// finite; scaleSums recomputes it scaled.
	return nil
}

func (p *Problem) setNames(alternatives []string, criteria []Criterion, built *ProblemBuilder) error {
	m, n := p.m, len(criteria)
	if alternatives != nil && len(alternatives) != m {
		return inputErr("alternatives", -1, -1, "", ErrLength,
			fmt.Sprintf("%d names for %d rows", len(alternatives), m))
	}
	// One slice holds the names results share (see Problem.resultAlts),
	// the criteria's names and, for named alternatives, the problem's own
	// copy of their names; one string holds the alternatives' names' bytes
	// (see internNames). Default names are not held twice: the problem
	// derives them (see altName). The slice results share is the
	// problem's own, never a process-wide one: a caller who writes into a
	// result's names (decoding JSON into it, say) changes the results of
	// that problem only.
	own := m
	if alternatives == nil && built == nil {
		own = 0
	}
	strs := make([]string, m+n+own)
	p.resultAlts, p.resultCrits = strs[:m:m], strs[m:m+n:m+n]
	if own > 0 {
		p.alts = strs[m+n:]
	}
	switch {
	case built != nil:
		built.fillNames(p.alts)
		if err := checkNames("alternatives", p.alts); err != nil {
			return err
		}
	case alternatives == nil:
		defaultNames(p.resultAlts)
	default:
		internNames(p.alts, alternatives)
		if err := checkNames("alternatives", p.alts); err != nil {
			return err
		}
	}
	if own > 0 {
		copy(p.resultAlts, p.alts)
	}
	p.crits = slices.Clone(criteria)
	names := p.resultCrits
	for j, c := range criteria {
		names[j] = c.Name
		if c.Direction != Benefit && c.Direction != Cost {
			return inputErr("criteria", -1, j, c.Name, ErrDirection, c.Direction.String())
		}
	}
	return checkNames("criteria", names)
}

// altName returns the name of alternative i: its given name, or the
// default "A<i+1>" of a problem built without names.
func (p *Problem) altName(i int) string {
	if p.alts == nil {
		return "A" + strconv.Itoa(i+1)
	}
	return p.alts[i]
}

// altNames returns the alternatives' names; the slice must not be
// modified.
func (p *Problem) altNames() []string {
	if p.alts == nil {
		// Built afresh, not copied from the table results share, which a
		// caller could have written into.
		names := make([]string, p.m)
		buildDefaultNames(names)
		return names
	}
	return p.alts
}

// sharedDefaultNames is how many default names the shared table holds.
const sharedDefaultNames = 8192

// defaultNameTable returns "A1" … "A8192", substrings of one string,
// built once on first use and read-only after: it is never handed out,
// only copied from (see defaultNames), so problems of up to
// sharedDefaultNames alternatives built without names allocate no bytes
// for their names.
var defaultNameTable = sync.OnceValue(func() []string {
	t := make([]string, sharedDefaultNames)
	buildDefaultNames(t)
	return t
})

// defaultNames sets out to "A1" … "Am", substrings of one string.
func defaultNames(out []string) {
	if len(out) > sharedDefaultNames {
		buildDefaultNames(out)
		return
	}
	copy(out, defaultNameTable())
}

// buildDefaultNames sets out to "A1" … "Am", substrings of one new string,
// which it returns.
func buildDefaultNames(out []string) string {
	total := 0
	for lo, digits := 1, 1; lo <= len(out); lo, digits = lo*10, digits+1 {
		total += (min(lo*10-1, len(out)) - lo + 1) * (1 + digits)
	}
	var b strings.Builder
	b.Grow(total)
	// Count in decimal in place: faster than formatting every number. The
	// names go through a buffer on the stack, written to b in chunks.
	var buf [24]byte
	var chunk [1024]byte
	buf[0], buf[1] = 'A', '1'
	size, at := 2, 0
	for range out {
		if at+size > len(chunk) {
			b.Write(chunk[:at])
			at = 0
		}
		copy(chunk[at:at+size], buf[:size])
		at += size
		k := size - 1
		for ; k > 0 && buf[k] == '9'; k-- {
			buf[k] = '0'
		}
		if k > 0 {
			buf[k]++
		} else {
			buf[1], buf[size] = '1', '0'
			size++
		}
	}
	b.Write(chunk[:at])
	all, start, size, next := b.String(), 0, 2, 10
	for i := range out {
		if i+1 == next {
			size, next = size+1, next*10
		}
		out[i] = all[start : start+size]
		start += size
	}
	return all
}

// internNames copies names into one string and sets out to its
// substrings: a problem with a million alternatives then holds one string
// object rather than a million, which the garbage collector would have to
// visit on every cycle.
func internNames(out, names []string) {
	total := 0
	for _, s := range names {
		total += len(s)
	}
	var b strings.Builder
	b.Grow(total)
	for _, s := range names {
		b.WriteString(s)
	}
	all, start := b.String(), 0
	for i, s := range names {
		out[i] = all[start : start+len(s)]
		start += len(s)
	}
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

// hashItems sets items[i] to name i's hash << 32 | i and returns items.
func hashItems(items []uint64, names []string) []uint64 {
	for i, s := range names {
		items[i] = uint64(nameHash(s))<<32 | uint64(i)
	}
	return items
}

// radixNames is the number of names from which checkNames radix-sorts
// their hashes: below it the 16 KB of digit counts cost more than the
// comparison sort they replace.
const radixNames = 4096

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
	// A few names (the criteria) sort on the stack; many (a million
	// alternatives) in three linear radix passes, stable, so that the
	// indices within a run of equal hashes still ascend.
	var small [32]uint64
	var items []uint64
	switch {
	case len(names) >= radixNames:
		// Not through small: passed to radixSortHigh, whose passes may
		// run on other goroutines, the array would live on the heap.
		both := make([]uint64, 2*len(names))
		unsorted := hashItems(both[:len(names)], names)
		items = radixSortHigh(unsorted, both[len(names):], make([][radixBuckets]uint32, 1), false)
	case len(names) > len(small):
		items = hashItems(make([]uint64, len(names)), names)
		slices.Sort(items)
	default:
		items = hashItems(small[:len(names)], names)
		slices.Sort(items)
	}
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
	clear(p.colSum)
	clear(p.colSumSq)
	st := colStats{lo: p.colMin, hi: p.colMax, sum: p.colSum, sq: p.colSumSq}
	st.addFlat(nil, p.data[:p.m*n], n)
	p.scaleSums()
}

// scaleSums sets the exact power-of-two scale of each column from its
// minimum and maximum and scales the raw sums Σx and Σx² by it, or
// recomputes them scaled where the magnitudes are extreme.
func (p *Problem) scaleSums() {
	n, sum, sq := p.n, p.colSum, p.colSumSq
	for j := range n {
		lo, hi := p.colMin, p.colMax
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
func (p *Problem) Alternatives() []string {
	if p.alts == nil {
		return p.altNames()
	}
	return slices.Clone(p.alts)
}

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
	if p.alts == nil {
		// "A<k>" with 1 ≤ k ≤ m written without leading zeros.
		if len(name) < 2 || name[0] != 'A' || name[1] == '0' || name[1] == '+' || name[1] == '-' {
			return -1, false
		}
		k, err := strconv.Atoi(name[1:])
		if err != nil || k < 1 || k > p.m {
			return -1, false
		}
		return k - 1, true
	}
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
