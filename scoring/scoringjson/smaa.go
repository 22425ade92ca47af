package scoringjson

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/socialseat/socialseat/scoring"
)

// SMAARequest is the smaa input of the JSON contract: a score input plus
// "samples", "seed" and "top_ranks". Weights are sampled uniformly on the
// simplex; the criteria's weights are not used by the analysis (they may be
// given, as in a score input). The response is a *scoring.SMAAResult with
// "rank_acceptability", "central_weights" and "confidence"; with
// "top_ranks" k > 0 each rank acceptability row keeps only the first k
// ranks and the response echoes "top_ranks".
type SMAARequest struct {
	ScoreRequest
	// Samples ("samples") is the number of weight vectors drawn; 0 or
	// absent means 10,000; negative or above scoring.MaxSMAASamples is an
	// error.
	Samples int `json:"samples"`
	// Seed ("seed") seeds the random stream; the same seed gives the same
	// result bit for bit. Absent means 0.
	Seed uint64 `json:"seed"`
	// TopRanks is scoring.SMAA.TopRanks: 0 keeps every rank.
	TopRanks int `json:"top_ranks"`
	// MaxMemory is the memory bound the caller (a server, a command)
	// allows the analysis, as scoring.SMAA.MaxMemory: 0 means
	// scoring.DefaultMaxMemory. It is not part of the JSON input.
	MaxMemory int64 `json:"-"`
	// Progress, if not nil, is passed to scoring.SMAA's Progress field.
	// It is not part of the JSON contract.
	Progress func(done, total int) `json:"-"`
	// ImpreciseParams describe interval, missing and ordinal values
	// (see [ImpreciseParams]).
	ImpreciseParams
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
	if req.Samples < 0 || req.Samples > scoring.MaxSMAASamples {
		return nil, badInput(fmt.Errorf(`"samples" must be 0 (the default, 10000) to %d`, scoring.MaxSMAASamples))
	}
	if req.RankReversal {
		return nil, badInput(errors.New(`"rank_reversal" applies to score requests, not to smaa`))
	}
	if req.TopRanks < 0 {
		return nil, badInput(errors.New(`"top_ranks" must be 0 (every rank) or more`))
	}
	m, err := req.method()
	if err != nil {
		return nil, err
	}
	if req.imprecise() {
		return req.runImprecise(ctx, m)
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
	res, err := scoring.SMAA{Method: m, Samples: req.Samples, Seed: req.Seed, TopRanks: req.TopRanks,
		MaxMemory: req.MaxMemory, Progress: req.Progress}.Run(ctx, p)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, badInput(err)
	}
	return res, nil
}
