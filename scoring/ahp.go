package scoring

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// PriorityMethod selects how [AHP] derives priorities from a pairwise
// comparison matrix. The zero value is Eigenvector, Saaty's method.
type PriorityMethod int

const (
	// Eigenvector takes the principal right eigenvector of the matrix,
	// normalised to sum to 1 (Saaty 1977, 1980). For an incomplete matrix
	// it uses Harker's (1987) method.
	Eigenvector PriorityMethod = iota
	// GeometricMean takes the normalised geometric mean of each row, the
	// logarithmic least-squares solution (Crawford & Williams 1985). For an
	// incomplete matrix it uses the logarithmic least-squares solution over
	// the given judgements (Bozóki, Fülöp & Rónyai 2010).
	GeometricMean
	// AdditiveNormalization divides each column by its sum and averages
	// the rows, w_i = (1/n) Σ_j a_ij / Σ_k a_kj: Saaty's (1980)
	// approximation of the eigenvector, the "mean of normalised values" of
	// Ishizaka & Lusti (2006, Central European Journal of Operations
	// Research 14(4):387–400) and the "additive normalization" of Srdjevic
	// (2005, Computers & Operations Research 32(7):1897–1919), as pymcdm,
	// pyDecision and many spreadsheets compute AHP. It is exact for a
	// consistent matrix and close to the eigenvector otherwise. It needs
	// every judgement ([ErrParam] naming the first missing one); λmax, CI
	// and CR are those of the matrix, as with the other methods.
	AdditiveNormalization
)

var priorityTokens = []string{"eigenvector", "geometric_mean", "additive_normalization"}

// String returns "eigenvector", "geometric_mean" or
// "additive_normalization".
func (m PriorityMethod) String() string { return tokenString("PriorityMethod", priorityTokens, int(m)) }

// MarshalText returns the token of m; an invalid value is an error.
func (m PriorityMethod) MarshalText() ([]byte, error) {
	return marshalToken("priority method", priorityTokens, int(m))
}

// UnmarshalText parses "eigenvector", "geometric_mean" or
// "additive_normalization".
func (m *PriorityMethod) UnmarshalText(b []byte) error {
	v, err := ParsePriorityMethod(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParsePriorityMethod parses "eigenvector", "geometric_mean" or
// "additive_normalization". Any other token is an error wrapping
// [ErrUnknownName].
func ParsePriorityMethod(s string) (PriorityMethod, error) {
	i, err := parseToken("priority method", priorityTokens, s)
	return PriorityMethod(i), err
}

// RandomIndexTable selects the random consistency index RI(n) that
// [AHP] divides the consistency index by. The zero value is SaatyRI.
//
//	n               3     4     5     6     7     8     9     10    11    12    13    14    15
//	SaatyRI         0.58  0.90  1.12  1.24  1.32  1.41  1.45  1.49  1.51  1.48  1.56  1.57  1.59
//	AlonsoLamataRI  .5245 .8815 1.1086 1.2479 1.3417 1.4056 1.4499 1.4854 1.5141 1.5365 1.5551 1.5713 1.5838
//
// RI(1) = RI(2) = 0 in both tables, and the consistency ratio of a 1×1 or
// 2×2 matrix is defined as 0 (such a matrix is always consistent).
//
// SaatyRI is the table of Saaty (1980, The Analytic Hierarchy Process,
// McGraw-Hill) as it is usually reproduced: the values for n ≤ 10 come
// from Saaty's simulation of 500 random matrices; the values for n = 11 to
// 15 come from smaller samples (hence the dip at n = 12), and reprints
// disagree on them, so prefer AlonsoLamataRI for n > 10. AlonsoLamataRI is
// the table of Alonso & Lamata (2006, Int. J. Uncertainty, Fuzziness and
// Knowledge-Based Systems 14(4), 445–459), from 100 000 random matrices
// per size.
type RandomIndexTable int

const (
	// SaatyRI is Saaty's (1980) random index table.
	SaatyRI RandomIndexTable = iota
	// AlonsoLamataRI is Alonso & Lamata's (2006) random index table.
	AlonsoLamataRI
)

// MaxPairwiseSize is the largest pairwise comparison matrix [AHP] accepts:
// the random index tables stop at n = 15, and Saaty advises against
// comparing more than about nine items at once.
const MaxPairwiseSize = 15

var randomIndexTokens = []string{"saaty", "alonso_lamata"}

// String returns "saaty" or "alonso_lamata".
func (t RandomIndexTable) String() string {
	return tokenString("RandomIndexTable", randomIndexTokens, int(t))
}

// MarshalText returns the token of t; an invalid value is an error.
func (t RandomIndexTable) MarshalText() ([]byte, error) {
	return marshalToken("random index table", randomIndexTokens, int(t))
}

// UnmarshalText parses "saaty" or "alonso_lamata".
func (t *RandomIndexTable) UnmarshalText(b []byte) error {
	v, err := ParseRandomIndexTable(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// ParseRandomIndexTable parses "saaty" or "alonso_lamata". Any other token
// is an error wrapping [ErrUnknownName].
func ParseRandomIndexTable(s string) (RandomIndexTable, error) {
	i, err := parseToken("random index table", randomIndexTokens, s)
	return RandomIndexTable(i), err
}

// Index returns RI(n) from the table. It reports false when n is outside
// 1…[MaxPairwiseSize] or t is not a valid table.
func (t RandomIndexTable) Index(n int) (float64, bool) {
	if n < 1 || n > MaxPairwiseSize {
		return 0, false
	}
	switch t {
	case SaatyRI:
		return [...]float64{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
			1.51, 1.48, 1.56, 1.57, 1.59}[n-1], true
	case AlonsoLamataRI:
		return [...]float64{0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
			1.5141, 1.5365, 1.5551, 1.5713, 1.5838}[n-1], true
	}
	return 0, false
}

// Defaults of the AHP fields.
const (
	// DefaultCRThreshold is Saaty's acceptable consistency ratio, 0.10.
	DefaultCRThreshold = 0.10
	// DefaultReciprocalTolerance is the default tolerance for
	// a_ij·a_ji = 1.
	DefaultReciprocalTolerance = 0.05
	// minJudgement and maxJudgement bound the ratios AHP accepts.
	minJudgement = 1e-6
	maxJudgement = 1e6
)

// AHP derives criterion weights from a pairwise comparison matrix by the
// Analytic Hierarchy Process (Saaty 1977, J. Math. Psychology 15(3),
// 234–281; Saaty 1980), and says how consistent the judgements are and
// which ones to revisit. The zero value is Saaty's method: principal
// eigenvector, Saaty's random index, CR threshold 0.10.
//
// For an n×n positive reciprocal matrix A with priorities w (Σw = 1):
//
//	A w = λmax w                 (Eigenvector)
//	w_i ∝ (Π_j a_ij)^(1/n)       (GeometricMean)
//	CI = (λmax − n) / (n − 1)
//	CR = CI / RI(n)              (CR = 0 for n ≤ 2)
//
// λmax is always the principal eigenvalue of the (completed) matrix,
// whichever PriorityMethod gives the priorities.
//
// # Input
//
// pairwise[i][j] is the judgement a_ij. The diagonal must be 1 or missing.
// A pair may be given once (the other entry missing: it is taken as the
// reciprocal) or twice, in which case a_ij·a_ji must lie within Tolerance
// of 1 and the pair is made exactly reciprocal by the geometric mean
// √(a_ij/a_ji). Judgements must lie in [1e-6, 1e6].
//
// # Incomplete matrices
//
// A pair with neither entry given is missing. As long as the given
// judgements connect every item to every other (directly or through
// others), the matrix is completed: with Eigenvector by Harker's (1987,
// Mathematical Modelling 9(11), 837–848) method, the principal eigenvector
// of the matrix whose missing entries are 0 and whose diagonal entry i is 1
// plus the number of missing entries in row i; with GeometricMean by the
// logarithmic least-squares solution over the given judgements. Missing
// entries are then filled with w_i/w_j, the value consistent with the
// priorities, and λmax, CI and CR are those of the completed matrix, whose
// principal eigenvector is w (Harker 1987).
//
// # Judgements to revisit
//
// For each given judgement, ε_ij = a_ij·w_j/w_i measures how far it departs
// from the priorities (ε = 1 for a perfectly consistent judgement; Saaty
// 2003, EJOR 145(1), 85–91). [AHPResult].Revisit lists the judgements with
// the largest |ln ε_ij| first, with the value w_i/w_j that would agree with
// the other judgements and the consistency ratio the matrix would have if
// that single judgement were changed to it.
type AHP struct {
	// Priority selects the eigenvector (zero value) or geometric-mean
	// priorities.
	Priority PriorityMethod `json:"priority"`
	// RandomIndex selects the RI table; the zero value is SaatyRI.
	RandomIndex RandomIndexTable `json:"random_index"`
	// Threshold is the largest acceptable consistency ratio; zero means
	// DefaultCRThreshold (0.10). It decides [AHPResult].Consistent and, with
	// Strict, whether an inconsistent matrix is an error.
	Threshold float64 `json:"threshold"`
	// Tolerance is the largest accepted |a_ij·a_ji − 1| for a pair given
	// in both directions (and |a_ii − 1| on the diagonal); zero means
	// DefaultReciprocalTolerance (0.05), which accepts judgements written
	// as two-decimal fractions such as 0.33 for 1/3.
	Tolerance float64 `json:"tolerance"`
	// Strict makes a consistency ratio above Threshold an error wrapping
	// [ErrInconsistent] whose Row and Col name the judgement to revisit
	// first. When false, an inconsistent matrix still gives weights, and
	// [AHPResult].Consistent is false.
	Strict bool `json:"strict"`
	// Revisions is the number of judgements listed in
	// [AHPResult].Revisit; zero means 3, and a negative value lists none.
	Revisions int `json:"revisions"`
}

// AHPResult is the outcome of [AHP.Weigh]. Its JSON form has the fields
// weights, lambda_max, ci and cr that the command-line tool prints.
type AHPResult struct {
	// Method is "ahp".
	Method string `json:"method"`
	// Priority is the priority method used.
	Priority PriorityMethod `json:"priority"`
	// Weights are the priorities, positive and summing to 1.
	Weights []float64 `json:"weights"`
	// LambdaMax is the principal eigenvalue λmax of the completed matrix
	// (≥ n).
	LambdaMax float64 `json:"lambda_max"`
	// CI is the consistency index (λmax − n)/(n − 1), 0 for n = 1.
	CI float64 `json:"ci"`
	// CR is the consistency ratio CI/RI(n), 0 for n ≤ 2.
	CR float64 `json:"cr"`
	// RI is the random index used, from RandomIndex.
	RI float64 `json:"ri"`
	// RandomIndex is the random index table used.
	RandomIndex RandomIndexTable `json:"random_index"`
	// Threshold is the acceptable consistency ratio applied.
	Threshold float64 `json:"threshold"`
	// Consistent reports CR ≤ Threshold.
	Consistent bool `json:"consistent"`
	// Matrix is the matrix the priorities were derived from: exactly
	// reciprocal, with missing judgements filled with w_i/w_j.
	Matrix [][]float64 `json:"matrix"`
	// Filled lists the pairs {i, j} (i < j) that were missing and filled.
	Filled [][2]int `json:"filled,omitempty"`
	// Revisit lists the given judgements that depart most from the
	// priorities, worst first.
	Revisit []Revision `json:"revisit,omitempty"`
	// Notes records advisories, such as filled or inconsistent judgements.
	Notes []Note `json:"notes,omitempty"`
}

// Revision points at one judgement a_ij (i < j) that a facilitator may ask
// about again.
type Revision struct {
	// Row is i, the row of the judgement a_ij (0-based).
	Row int `json:"row"`
	// Col is j, the column of the judgement a_ij (0-based), with
	// Row < Col.
	Col int `json:"col"`
	// Judgement is the current value of a_ij (after reciprocal
	// symmetrisation).
	Judgement float64 `json:"judgement"`
	// Suggested is w_i/w_j, the value consistent with the priorities.
	Suggested float64 `json:"suggested"`
	// Ratio is ε_ij = a_ij·w_j/w_i; above 1 the judgement overstates item
	// i relative to the others, below 1 it understates it.
	Ratio float64 `json:"ratio"`
	// CR is the consistency ratio the matrix would have if this judgement
	// alone were changed to Suggested.
	CR float64 `json:"cr_if_revised"`
}

// Weigh derives the priorities of the items compared in pairwise (an n×n
// matrix, 1 ≤ n ≤ [MaxPairwiseSize]). The caller's matrix is not modified.
//
// The error, if any, is an [*InputError] on field "pairwise" wrapping
// [ErrEmpty] (no rows, or judgements that do not connect an item to the
// others), [ErrNotSquare] (a row of the wrong length; it wraps
// [ErrLength]), [ErrNotFinite], [ErrJudgementRange] (a negative judgement
// or one outside [1e-6, 1e6]; it wraps [ErrDomain]), [ErrNotReciprocal] (a_ij·a_ji
// not 1 within Tolerance) or [ErrDiagonal] (a_ii not 1), both wrapping
// [ErrInconsistent], [ErrInconsistent] itself (with Strict, CR above
// Threshold), [ErrTooManyItems] (n > MaxPairwiseSize; it wraps
// [ErrParam]) or [ErrParam] (a missing judgement with
// AdditiveNormalization). Row and Col name the judgement, or the row, concerned. For
// invalid settings the error is on a field named after the AHP field and
// wraps [ErrParam] or [ErrUnknownName].
func (a AHP) Weigh(pairwise [][]Judgement) (*AHPResult, error) {
	s, err := a.resolve()
	if err != nil {
		return nil, err
	}
	pm, err := preparePairwise(pairwise, s.Tolerance, true)
	if err != nil {
		return nil, err
	}
	res, err := s.solve(pm)
	if err != nil {
		return nil, err
	}
	if s.Strict && !res.Consistent {
		ie := inputErr("pairwise", -1, -1, "", ErrInconsistent,
			fmt.Sprintf("consistency ratio %.4f exceeds %.4g", res.CR, res.Threshold))
		if len(res.Revisit) > 0 {
			r := res.Revisit[0]
			ie.Row, ie.Col = r.Row, r.Col
			ie.Detail += fmt.Sprintf("; revisit this judgement first (%.4g, consistent value %.4g)", r.Judgement, r.Suggested)
		}
		return nil, ie
	}
	return res, nil
}

// MustWeigh is like Weigh but panics on error. It is meant for tests and
// examples with literal matrices.
func (a AHP) MustWeigh(pairwise [][]Judgement) *AHPResult {
	r, err := a.Weigh(pairwise)
	if err != nil {
		panic(err)
	}
	return r
}

// resolve checks the settings and fills in the defaults.
func (a AHP) resolve() (AHP, error) {
	if int(a.Priority) < 0 || int(a.Priority) >= len(priorityTokens) {
		return a, inputErr("priority", -1, -1, "", ErrUnknownName, a.Priority.String())
	}
	if _, ok := a.RandomIndex.Index(1); !ok {
		return a, inputErr("random_index", -1, -1, "", ErrUnknownName, a.RandomIndex.String())
	}
	if !(a.Threshold >= 0) || math.IsInf(a.Threshold, 0) {
		return a, inputErr("threshold", -1, -1, "", ErrParam, "want a finite value ≥ 0")
	}
	if !(a.Tolerance >= 0 && a.Tolerance < 1) {
		return a, inputErr("tolerance", -1, -1, "", ErrParam, "want a value in [0, 1)")
	}
	if a.Threshold == 0 {
		a.Threshold = DefaultCRThreshold
	}
	if a.Tolerance == 0 {
		a.Tolerance = DefaultReciprocalTolerance
	}
	if a.Revisions == 0 {
		a.Revisions = 3
	}
	return a, nil
}

// pairwiseMatrix is a validated, exactly reciprocal comparison matrix,
// row-major, with 0 for missing entries.
type pairwiseMatrix struct {
	n       int
	a       []float64
	missing int // number of missing pairs
}

func (p pairwiseMatrix) known(i, j int) bool { return p.a[i*p.n+j] != 0 }

// preparePairwise validates a pairwise matrix and makes it exactly
// reciprocal. With connected, it also checks that the given judgements
// link every item to the others.
func preparePairwise(pairwise [][]Judgement, tol float64, connected bool) (pairwiseMatrix, error) {
	n := len(pairwise)
	if n == 0 {
		return pairwiseMatrix{}, inputErr("pairwise", -1, -1, "", ErrEmpty, "no judgements")
	}
	if n > MaxPairwiseSize {
		return pairwiseMatrix{}, inputErr("pairwise", -1, -1, "", ErrTooManyItems,
			fmt.Sprintf("%d items; at most %d can be compared (no random index beyond)", n, MaxPairwiseSize))
	}
	for i, row := range pairwise {
		if len(row) != n {
			return pairwiseMatrix{}, inputErr("pairwise", i, -1, "", ErrNotSquare,
				fmt.Sprintf("row has %d judgements, want %d", len(row), n))
		}
	}
	for i, row := range pairwise {
		for j, v := range row {
			x := float64(v)
			switch {
			case math.IsNaN(x) || math.IsInf(x, 0):
				return pairwiseMatrix{}, inputErr("pairwise", i, j, "", ErrNotFinite, strconv.FormatFloat(x, 'g', -1, 64))
			case x < 0:
				return pairwiseMatrix{}, inputErr("pairwise", i, j, "", ErrJudgementRange,
					strconv.FormatFloat(x, 'g', -1, 64)+" is negative")
			case x != 0 && (x < minJudgement || x > maxJudgement):
				return pairwiseMatrix{}, inputErr("pairwise", i, j, "", ErrJudgementRange,
					strconv.FormatFloat(x, 'g', -1, 64)+" is outside [1e-6, 1e6]")
			}
		}
	}
	pm := pairwiseMatrix{n: n, a: make([]float64, n*n)}
	for i := range n {
		if d := float64(pairwise[i][i]); d != 0 && math.Abs(d-1) > tol {
			return pairwiseMatrix{}, inputErr("pairwise", i, i, "", ErrDiagonal,
				fmt.Sprintf("%s, want 1", Judgement(d)))
		}
		pm.a[i*n+i] = 1
		for j := i + 1; j < n; j++ {
			x, y := float64(pairwise[i][j]), float64(pairwise[j][i])
			var v float64
			switch {
			case x != 0 && y != 0:
				if math.Abs(x*y-1) > tol {
					return pairwiseMatrix{}, inputErr("pairwise", i, j, "", ErrNotReciprocal,
						fmt.Sprintf("%s vs %s: a[%d][%d]·a[%d][%d] = %.4g, want 1 within %g",
							Judgement(x), Judgement(y), i, j, j, i, x*y, tol))
				}
				v = math.Sqrt(x / y)
			case x != 0:
				v = x
			case y != 0:
				v = 1 / y
			default:
				pm.missing++
				continue
			}
			pm.a[i*n+j], pm.a[j*n+i] = v, 1/v
		}
	}
	if !connected {
		return pm, nil
	}
	if err := pm.checkConnected(); err != nil {
		return pairwiseMatrix{}, err
	}
	return pm, nil
}

// checkConnected reports an item that the given judgements do not link to
// item 0.
func (p pairwiseMatrix) checkConnected() error {
	if p.missing == 0 {
		return nil
	}
	seen := make([]bool, p.n)
	stack := []int{0}
	seen[0] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for j := range p.n {
			if !seen[j] && p.known(i, j) {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	for i, ok := range seen {
		if !ok {
			return inputErr("pairwise", i, -1, "", ErrEmpty,
				fmt.Sprintf("item %d is not linked to item 0 by any chain of judgements", i))
		}
	}
	return nil
}

// solve computes priorities, consistency and revisions for a validated
// matrix; a holds resolved settings.
func (a AHP) solve(pm pairwiseMatrix) (*AHPResult, error) {
	n := pm.n
	w, full, lambda, err := a.priorities(pm)
	if err != nil {
		return nil, err
	}
	ri, _ := a.RandomIndex.Index(n)
	res := &AHPResult{
		Method:      "ahp",
		Priority:    a.Priority,
		Weights:     w,
		RI:          ri,
		RandomIndex: a.RandomIndex,
		Threshold:   a.Threshold,
		Matrix:      rowsOf(full, n, n),
	}
	res.LambdaMax, res.CI, res.CR = consistency(lambda, n, ri)
	res.Consistent = res.CR <= a.Threshold
	for i := range n {
		for j := i + 1; j < n; j++ {
			if !pm.known(i, j) {
				res.Filled = append(res.Filled, [2]int{i, j})
			}
		}
	}
	if len(res.Filled) > 0 {
		how := "Harker's (1987) method"
		if a.Priority == GeometricMean {
			how = "logarithmic least squares"
		}
		res.Notes = append(res.Notes, Note{Code: "filled-judgements",
			Text: fmt.Sprintf("%d missing judgement(s) filled with w_i/w_j by %s", len(res.Filled), how)})
	}
	if n >= 3 && a.Revisions > 0 {
		res.Revisit, err = a.revisions(pm, w, full)
		if err != nil {
			return nil, err
		}
	}
	if !res.Consistent {
		text := fmt.Sprintf("consistency ratio %.4f exceeds %.4g", res.CR, a.Threshold)
		if len(res.Revisit) > 0 {
			r := res.Revisit[0]
			text += fmt.Sprintf("; revisit judgement [%d][%d] first (%.4g; consistent value %.4g)",
				r.Row, r.Col, r.Judgement, r.Suggested)
		}
		res.Notes = append(res.Notes, Note{Code: "inconsistent", Text: text})
	}
	return res, nil
}

// consistency returns λmax (clamped to ≥ n), CI and CR.
func consistency(lambda float64, n int, ri float64) (lmax, ci, cr float64) {
	lmax = math.Max(lambda, float64(n))
	if n <= 1 {
		return lmax, 0, 0
	}
	ci = (lmax - float64(n)) / float64(n-1)
	if n <= 2 || ri == 0 {
		return lmax, ci, 0
	}
	return lmax, ci, ci / ri
}

// priorities returns the priority vector, the completed matrix (row-major)
// and its principal eigenvalue.
func (a AHP) priorities(pm pairwiseMatrix) (w, full []float64, lambda float64, err error) {
	n := pm.n
	if n == 1 {
		return []float64{1}, []float64{1}, 1, nil
	}
	switch a.Priority {
	case AdditiveNormalization:
		for k, x := range pm.a {
			if x == 0 {
				return nil, nil, 0, inputErr("pairwise", k/n, k%n, "", ErrParam,
					"additive normalization needs every judgement; eigenvector and geometric_mean accept an incomplete matrix")
			}
		}
		w = make([]float64, n)
		for j := range n {
			col := 0.0
			for i := range n {
				col += pm.a[i*n+j]
			}
			for i := range n {
				w[i] += pm.a[i*n+j] / col
			}
		}
		for i := range w {
			w[i] /= float64(n)
		}
		full = slices.Clone(pm.a)
		_, lambda = principal(full, n)
	case GeometricMean:
		w, err = logLeastSquares(pm)
		if err != nil {
			return nil, nil, 0, err
		}
		full = complete(pm, w)
		_, lambda = principal(full, n)
	default:
		c := slices.Clone(pm.a)
		for i := range n {
			for j := range n {
				if i != j && c[i*n+j] == 0 {
					c[i*n+i]++ // Harker: 1 + number of missing entries in row i
				}
			}
		}
		w, lambda = principal(c, n)
		full = complete(pm, w)
	}
	return w, full, lambda, nil
}

// complete returns pm with missing entries set to w_i/w_j.
func complete(pm pairwiseMatrix, w []float64) []float64 {
	n := pm.n
	full := slices.Clone(pm.a)
	for i := range n {
		for j := range n {
			if full[i*n+j] == 0 {
				full[i*n+j] = w[i] / w[j]
			}
		}
	}
	return full
}

// principal returns the principal (Perron) eigenvector of the non-negative
// irreducible n×n matrix c, normalised to sum to 1, and its eigenvalue. It
// uses gonum's eigendecomposition and falls back to power iteration if that
// fails, panics or gives a vector that is not strictly positive.
func principal(c []float64, n int) ([]float64, float64) {
	if w, lambda, ok := eigenPrincipal(c, n); ok {
		return w, lambda
	}
	return powerIteration(c, n)
}

// eigenPrincipal is principal by gonum's eigendecomposition; ok is false
// when that fails. gonum v0.17.0's eigenvector back-substitution (Dtrevc3
// calling Dlaln2) panics with an index out of range on some matrices with
// a many-fold repeated eigenvalue, such as Harker's completion of a
// star-shaped set of judgements (one item compared with all the others,
// the others with nothing else; TestAHPStarJudgementsDoNotPanic): that
// panic is recovered here and reported as a failure, so that the power
// iteration answers instead. Any other panic is re-raised.
func eigenPrincipal(c []float64, n int) (w []float64, lambda float64, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isRuntime := r.(runtime.Error); !isRuntime {
				panic(r)
			}
			w, lambda, ok = nil, 0, false
		}
	}()
	var eig mat.Eigen
	if eig.Factorize(mat.NewDense(n, n, slices.Clone(c)), mat.EigenRight) {
		vals := eig.Values(nil)
		k := 0
		for i, v := range vals {
			if real(v) > real(vals[k]) {
				k = i
			}
		}
		var vecs mat.CDense
		eig.VectorsTo(&vecs)
		w := make([]float64, n)
		sum := 0.0
		for i := range n {
			w[i] = real(vecs.At(i, k))
			sum += w[i]
		}
		ok := sum != 0 && !math.IsNaN(sum) && !math.IsInf(sum, 0)
		for i := range w {
			w[i] /= sum
			ok = ok && w[i] > 0
		}
		if ok {
			return w, rayleigh(c, w, real(vals[k])), true
		}
	}
	return nil, 0, false
}

// rayleigh returns Σ_i (c·w)_i for w summing to 1, the eigenvalue estimate
// consistent with w, unless the eigensolver's value is finite and closer
// to it than 1e-9 relative, in which case that value is kept.
func rayleigh(c, w []float64, lambda float64) float64 {
	n := len(w)
	s := 0.0
	for i := range n {
		s += mulAdd(c[i*n:(i+1)*n], w)
	}
	if math.Abs(s-lambda) <= 1e-9*s {
		return lambda
	}
	return s
}

// powerIteration finds the Perron vector of c by power iteration.
func powerIteration(c []float64, n int) ([]float64, float64) {
	w := make([]float64, n)
	v := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	lambda := 0.0
	for range 100000 {
		lambda = 0
		for i := range n {
			v[i] = mulAdd(c[i*n:(i+1)*n], w)
			lambda += v[i]
		}
		diff := 0.0
		for i := range n {
			v[i] /= lambda
			diff = math.Max(diff, math.Abs(v[i]-w[i]))
		}
		w, v = v, w
		if diff < 1e-15 {
			break
		}
	}
	return w, lambda
}

// logLeastSquares returns the logarithmic least-squares priorities: the row
// geometric means for a complete matrix, and for an incomplete one the
// solution of L·y = r, where L is the Laplacian of the graph of given
// judgements and r_i = Σ_j ln a_ij over the given j (Bozóki, Fülöp &
// Rónyai 2010, Math. Comput. Modelling 52, 318–333).
func logLeastSquares(pm pairwiseMatrix) ([]float64, error) {
	n := pm.n
	y := make([]float64, n)
	if pm.missing == 0 {
		for i := range n {
			for j := range n {
				y[i] += math.Log(pm.a[i*n+j])
			}
			y[i] /= float64(n)
		}
	} else {
		// (L + 11ᵀ) y = r has the unique solution with Σy = 0 when the
		// graph is connected, because 1ᵀr = 0 for a reciprocal matrix.
		l := mat.NewDense(n, n, nil)
		r := mat.NewVecDense(n, nil)
		for i := range n {
			ri, deg := 0.0, 0.0
			for j := range n {
				switch {
				case i == j:
				case pm.known(i, j):
					deg++
					ri += math.Log(pm.a[i*n+j])
				default:
					l.Set(i, j, 1)
				}
			}
			l.Set(i, i, deg+1)
			r.SetVec(i, ri)
		}
		var sol mat.VecDense
		if err := sol.SolveVec(l, r); err != nil {
			return nil, inputErr("pairwise", -1, -1, "", ErrEmpty, "judgements do not determine the priorities")
		}
		for i := range n {
			y[i] = sol.AtVec(i)
		}
	}
	return expNormalize(y), nil
}

// expNormalize returns exp(y) scaled to sum to 1, computed without
// overflow.
func expNormalize(y []float64) []float64 {
	big := slices.Max(y)
	w := make([]float64, len(y))
	sum := 0.0
	for i, v := range y {
		w[i] = math.Exp(v - big)
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return w
}

// revisions lists the given judgements that depart most from w.
func (a AHP) revisions(pm pairwiseMatrix, w, full []float64) ([]Revision, error) {
	n := pm.n
	type cand struct {
		i, j int
		dev  float64
	}
	var cs []cand
	for i := range n {
		for j := i + 1; j < n; j++ {
			if !pm.known(i, j) {
				continue
			}
			eps := full[i*n+j] * w[j] / w[i]
			if dev := math.Abs(math.Log(eps)); dev > 1e-9 {
				cs = append(cs, cand{i, j, dev})
			}
		}
	}
	slices.SortStableFunc(cs, func(x, y cand) int { return cmp.Compare(y.dev, x.dev) })
	cs = cs[:min(len(cs), a.Revisions)]
	ri, _ := a.RandomIndex.Index(n)
	out := make([]Revision, len(cs))
	for k, c := range cs {
		sug := w[c.i] / w[c.j]
		mod := pairwiseMatrix{n: n, a: slices.Clone(pm.a), missing: pm.missing}
		mod.a[c.i*n+c.j], mod.a[c.j*n+c.i] = sug, 1/sug
		_, _, lambda, err := a.priorities(mod)
		if err != nil {
			return nil, err
		}
		_, _, cr := consistency(lambda, n, ri)
		out[k] = Revision{Row: c.i, Col: c.j, Judgement: full[c.i*n+c.j], Suggested: sug,
			Ratio: full[c.i*n+c.j] * w[c.j] / w[c.i], CR: cr}
	}
	return out, nil
}
