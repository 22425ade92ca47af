package scoringjson

import (
	"context"
	"fmt"

	"github.com/socialseat/socialseat/scoring"
)

// CriteriaAndWeights returns the request's criteria and weights without
// building a problem, for a caller that reads the values from elsewhere
// (the CLI's CSV tables) into a [scoring.ProblemBuilder].
func (req *ScoreRequest) CriteriaAndWeights() ([]scoring.Criterion, []float64, error) {
	crits := make([]scoring.Criterion, len(req.Criteria))
	weights := make([]float64, len(req.Criteria))
	for j, c := range req.Criteria {
		if c.Weight == nil {
			return nil, nil, badInput(fmt.Errorf("criteria[%d] (%q): missing weight", j, c.Name))
		}
		d, err := scoring.ParseDirection(c.Direction)
		if err != nil {
			return nil, nil, badInput(fmt.Errorf("criteria[%d] (%q): %w", j, c.Name, err))
		}
		crits[j] = scoring.Criterion{Name: c.Name, Direction: d}
		weights[j] = *c.Weight
	}
	return crits, weights, nil
}

// ScoreProblem is [ScoreRequest.Score] on a problem built elsewhere with
// the request's criteria (see CriteriaAndWeights); the request must not
// hold "matrix" or "alternatives". With detail false the response is the
// plain *scoring.Result, without the method's tables.
func (req *ScoreRequest) ScoreProblem(p *scoring.Problem, weights []float64, detail bool) (any, error) {
	return req.ScoreProblemContext(context.Background(), p, weights, detail)
}
