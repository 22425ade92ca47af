package scoringjson

import (
	"context"
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// ReversalParams are the score request's key for a rank-reversal check:
//
//	"rank_reversal": true
//
// With it the response is not the ranking but a scoring.ReversalReport:
// the method ranks the problem again after removing each alternative in
// turn, after adding a copy of each, and after adding one alternative
// dominated by all, and the report lists the pairs of original
// alternatives whose order reverses ("method", "alternatives", "ranks",
// "checks" with "perturbation", "alternative", "reversed" and
// "best_changed", then "reversals" and "affected"). It applies to the
// ranking methods, not to the outranking and sorting ones.
type ReversalParams struct {
	// RankReversal ("rank_reversal"), when true, asks for the check
	// instead of the ranking; absent or false ranks as usual. It is an
	// error with an outranking or sorting method and in an smaa request.
	RankReversal bool `json:"rank_reversal,omitempty"`
}

// errNotRanking is the error of a rank-reversal check asked of a method
// that does not rank completely.
func errNotRanking(method string) error {
	return badInput(fmt.Errorf(`"rank_reversal" needs a method that ranks every alternative; %q does not: %w`, method, scoring.ErrParam))
}

// reversal runs the rank-reversal check of the request's method on p.
func (req *ScoreRequest) reversal(ctx context.Context, p *scoring.Problem, w []float64) (*scoring.ReversalReport, error) {
	if isOutranking(req.Method) {
		return nil, errNotRanking(req.Method)
	}
	m, err := req.method()
	if err != nil {
		return nil, err
	}
	if p == nil {
		if p, w, err = req.Problem(); err != nil {
			return nil, err
		}
	}
	rep, err := scoring.RankReversal(ctx, m, p, w)
	if err != nil {
		return nil, runErr(ctx, err)
	}
	return rep, nil
}
