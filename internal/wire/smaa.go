package wire

import (
	"context"
	"errors"
	"io"

	"github.com/socialseat/socialseat/scoring"
)

// SMAARequest is the smaa input of the JSON contract: a score input plus
// "samples" and "seed". Weights are sampled uniformly on the simplex; the
// criteria's weights are not used by the analysis (they may be given, as in
// a score input). The response is a *scoring.SMAAResult with
// "rank_acceptability", "central_weights" and "confidence".
type SMAARequest struct {
	ScoreRequest
	Samples int    `json:"samples"`
	Seed    uint64 `json:"seed"`
	// Progress, if not nil, is passed to scoring.SMAA's Progress field.
	// It is not part of the JSON contract.
	Progress func(done, total int) `json:"-"`
}

// DecodeSMAA reads an SMAARequest strictly. Criteria may omit their
// weights.
func DecodeSMAA(r io.Reader) (*SMAARequest, error) {
	var req SMAARequest
	if err := decodeStrict(r, &req); err != nil {
		return nil, err
	}
	return &req, nil
}

// Run performs the analysis.
func (req *SMAARequest) Run(ctx context.Context) (*scoring.SMAAResult, error) {
	if req.Samples < 0 {
		return nil, badInput(errors.New(`"samples" must be 0 (the default, 10000) or more`))
	}
	m, err := req.method()
	if err != nil {
		return nil, err
	}
	crits := make([]scoring.Criterion, len(req.Criteria))
	for j, c := range req.Criteria {
		d, err := scoring.ParseDirection(c.Direction)
		if err != nil {
			return nil, badInput(err)
		}
		crits[j] = scoring.Criterion{Name: c.Name, Direction: d}
	}
	p, err := scoring.NewProblem(req.Alternatives, crits, req.Matrix)
	if err != nil {
		return nil, badInput(err)
	}
	res, err := scoring.SMAA{Method: m, Samples: req.Samples, Seed: req.Seed, Progress: req.Progress}.Run(ctx, p)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, badInput(err)
	}
	return res, nil
}
