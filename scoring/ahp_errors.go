package scoring

// Kinds of bad AHP judgements. Each refines one of the package's broader
// sentinel errors, which it wraps: errors.Is(err, ErrNotReciprocal) and
// errors.Is(err, ErrInconsistent) both hold for a reciprocal mismatch, so
// code written against the broad kinds keeps working. They come in an
// [*InputError] on field "pairwise" whose Row and Col name the judgement,
// such as
//
//	scoring: pairwise[2][3]: reciprocal mismatch (3 vs 1/2: a[2][3]·a[3][2] = 1.5, want 1 within 0.1)
var (
	// ErrNotReciprocal reports judgements a_ij and a_ji, both given, whose
	// product is not 1 within the tolerance. It wraps [ErrInconsistent].
	ErrNotReciprocal error = &refinedError{"reciprocal mismatch", ErrInconsistent}
	// ErrDiagonal reports a diagonal judgement a_ii other than 1 (an item
	// compared with itself). It wraps [ErrInconsistent].
	ErrDiagonal error = &refinedError{"diagonal judgement is not 1", ErrInconsistent}
	// ErrJudgementRange reports a negative judgement or one outside
	// [1e-6, 1e6] (zero means a missing judgement). It wraps [ErrDomain].
	ErrJudgementRange error = &refinedError{"judgement out of range", ErrDomain}
	// ErrNotSquare reports a pairwise matrix with a row whose length is not
	// the number of rows (ragged or rectangular). It wraps [ErrLength].
	ErrNotSquare error = &refinedError{"matrix is not square", ErrLength}
	// ErrTooManyItems reports a pairwise matrix of more than
	// [MaxPairwiseSize] items. It wraps [ErrParam].
	ErrTooManyItems error = &refinedError{"too many items to compare", ErrParam}
)

// refinedError is a sentinel error that refines a broader one: errors.Is
// matches both.
type refinedError struct {
	text   string
	parent error
}

func (e *refinedError) Error() string { return "scoring: " + e.text }
func (e *refinedError) Unwrap() error { return e.parent }
