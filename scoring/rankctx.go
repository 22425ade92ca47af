package scoring

import (
	"context"
	"fmt"
	"slices"
)

// RankContext is m.Rank(p, weights) under a context: the uniform way to
// rank when the caller may give up, for example on Ctrl-C or a client
// that went away. The built-in methods take milliseconds on thousands of
// alternatives and seconds on millions, so they take no context
// themselves; RankContext bounds how long the caller waits instead.
//
// It returns an error wrapping ctx.Err() (test it with
// errors.Is(err, context.Canceled)) and no result if ctx is done before
// the ranking starts, while it runs, or when it ends. The granularity is
// the whole call: the method is not interrupted inside, so a ranking
// that was given up keeps its goroutine and its CPU until it finishes,
// and its result is dropped. RankContext copies weights before handing
// them over, so the caller may reuse the slice as soon as RankContext
// returns; p is immutable. With a context that can never be cancelled
// (context.Background) it is exactly m.Rank.
func RankContext(ctx context.Context, m Method, p *Problem, weights []float64) (*Result, error) {
	return callContext(ctx, "ranking", weights, m.Rank, p)
}

// DetailContext is e.Detail(p, weights) under a context, with the
// guarantees and the granularity of [RankContext].
func DetailContext(ctx context.Context, e Evaluator, p *Problem, weights []float64) (Evaluation, error) {
	return callContext(ctx, "evaluation", weights, e.Detail, p)
}

// callContext runs fn(p, weights) and returns its result, or an error
// wrapping ctx's as soon as ctx is done.
func callContext[T any](ctx context.Context, what string, weights []float64, fn func(*Problem, []float64) (T, error), p *Problem) (T, error) {
	var zero T
	stopped := func() error { return fmt.Errorf("scoring: %s stopped: %w", what, ctx.Err()) }
	if ctx.Err() != nil {
		return zero, stopped()
	}
	if ctx.Done() == nil {
		return fn(p, weights)
	}
	type outcome struct {
		res T
		err error
	}
	done := make(chan outcome, 1) // buffered: an abandoned call does not block
	w := slices.Clone(weights)
	go func() {
		res, err := fn(p, w)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		if ctx.Err() != nil {
			return zero, stopped()
		}
		return o.res, o.err
	case <-ctx.Done():
		return zero, stopped()
	}
}
