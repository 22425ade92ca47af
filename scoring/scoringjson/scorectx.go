package scoringjson

import (
	"context"
	"errors"
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// ScoreContext is [ScoreRequest.Score] under a context: the ranking runs
// through [scoring.DetailContext], so it is given up as soon as ctx is
// done, with an error wrapping ctx.Err() (errors.Is(err,
// context.Canceled)) and no result. The outranking and sorting methods
// (promethee1, electre1, electre3, electre_tri, flowsort) check ctx only
// before and after their computation.
func (req *ScoreRequest) ScoreContext(ctx context.Context) (any, error) {
	if req.RankReversal {
		return req.reversal(ctx, nil, nil)
	}
	if isOutranking(req.Method) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scoring stopped: %w", err)
		}
		res, err := req.scoreOutranking()
		if err == nil && ctx.Err() != nil {
			return nil, fmt.Errorf("scoring stopped: %w", ctx.Err())
		}
		return res, err
	}
	m, err := req.method()
	if err != nil {
		return nil, err
	}
	p, w, err := req.Problem()
	if err != nil {
		return nil, err
	}
	return rankContext(ctx, m, p, w, true)
}

// ScoreProblemContext is [ScoreRequest.ScoreProblem] under a context,
// with the guarantees of [ScoreRequest.ScoreContext].
func (req *ScoreRequest) ScoreProblemContext(ctx context.Context, p *scoring.Problem, weights []float64, detail bool) (any, error) {
	if req.Matrix != nil || req.Alternatives != nil {
		return nil, badInput(errors.New(`"matrix" and "alternatives" come from the table, not the request`))
	}
	if req.RankReversal {
		return req.reversal(ctx, p, weights)
	}
	if isOutranking(req.Method) {
		return nil, badInput(fmt.Errorf("method %q is not available with a table: use the JSON request", req.Method))
	}
	m, err := req.method()
	if err != nil {
		return nil, err
	}
	return rankContext(ctx, m, p, weights, detail)
}

// rankContext ranks p with m under ctx; detail asks for the method's
// tables when it has them. The method's errors are bad input; the
// context's are returned as they are.
func rankContext(ctx context.Context, m scoring.Method, p *scoring.Problem, w []float64, detail bool) (any, error) {
	var res any
	var err error
	if e, ok := m.(scoring.Evaluator); ok && detail {
		res, err = scoring.DetailContext(ctx, e, p, w)
	} else {
		res, err = scoring.RankContext(ctx, m, p, w)
	}
	if err != nil {
		return nil, runErr(ctx, err)
	}
	return res, nil
}

// runErr classes the error of a scoring run under ctx: the context's own
// error (the run was given up) is returned as it is, any other is bad
// input.
func runErr(ctx context.Context, err error) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return err
	}
	return badInput(err)
}
