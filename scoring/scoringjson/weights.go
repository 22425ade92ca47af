package scoringjson

import (
	"errors"
	"fmt"
	"io"

	"github.com/socialseat/socialseat/scoring"
)

// WeightsRequest is the weights input of the JSON contract, one of:
//
//	{"method": "ahp", "pairwise": [[1, 3, "1/5"], ...],
//	 "priority": "eigenvector|geometric_mean|additive_normalization"} // optional
//	{"method": "entropy|critic|stddev|merec", "criteria": [...], "matrix": [[...]],
//	 "normalization": "vector|max|minmax|sum|none", // entropy only, optional: raw values
//	 "raw": true}                                    // stddev only, optional: min–max first
//	{"method": "roc|rank_sum|rank_reciprocal", "ranks": [1, 2, 2, 3]}
//	{"method": "swing|points", "points": [100, 60, 30]}
//
// Criteria for the objective methods need a name and a direction; a
// weight is not allowed there. Judgements are numbers or fractions such
// as "1/3" (Saaty's 1–9 scale); null or "?" marks a missing judgement.
type WeightsRequest struct {
	// Method ("method", required) is the weighting method: "ahp",
	// "entropy", "critic", "stddev", "merec", "roc", "rank_sum",
	// "rank_reciprocal", "swing" or "points". It decides which of the
	// keys below are required; any other is an error.
	Method string `json:"method"`
	// Pairwise ("pairwise", ahp) is the n×n matrix of judgements:
	// Pairwise[i][j] says how much more important criterion i is than
	// criterion j, on Saaty's 1–9 scale (a number or a fraction such as
	// "1/3", within [1e-6, 1e6]); null or "?" is a missing judgement. The
	// diagonal is 1 or missing; n is at most scoring.MaxPairwiseSize.
	Pairwise [][]scoring.Judgement `json:"pairwise,omitzero"`
	// Criteria ("criteria", entropy, critic, stddev and merec) names the
	// matrix's columns with their directions; a criterion must not carry
	// a weight.
	Criteria []Criterion `json:"criteria,omitzero"`
	// Matrix ("matrix", with Criteria) holds the performances, one row per
	// alternative and one finite value per criterion.
	Matrix [][]float64 `json:"matrix,omitzero"`
	// Ranks ("ranks", roc, rank_sum and rank_reciprocal) is each
	// criterion's importance rank, 1 the most important; ties allowed, a
	// rank below 1 is an error.
	Ranks []int `json:"ranks,omitzero"`
	// Points ("points", swing and points) is each criterion's points,
	// finite, non-negative and not all 0; swing points lie in [0, 100].
	// The weights are the points divided by their sum.
	Points []float64 `json:"points,omitzero"`
	// Priority ("priority", ahp) is the priority method: "eigenvector",
	// "geometric_mean" or "additive_normalization"; absent means
	// eigenvector.
	Priority *string `json:"priority,omitempty"`
	// Normalization ("normalization", entropy) is the normalisation
	// applied before the entropy is measured: "vector", "max", "minmax",
	// "sum" or "none"; absent or "none" means the raw values.
	Normalization *string `json:"normalization,omitempty"`
	// Raw ("raw", stddev), when true, makes the weights proportional to
	// the raw values' standard deviations; absent or false normalises
	// each column min–max first.
	Raw *bool `json:"raw,omitempty"`
}

// DecodeWeights reads a WeightsRequest strictly.
func DecodeWeights(r io.Reader) (*WeightsRequest, error) {
	var req WeightsRequest
	if err := decodeStrict(r, &req); err != nil {
		return nil, err
	}
	return &req, nil
}

// Weigh computes the weights. The response for "ahp" is a
// *scoring.AHPResult ("weights", "lambda_max", "ci", "cr", …); for the
// other methods a *scoring.Weighting ("weights", …).
func (req *WeightsRequest) Weigh() (any, error) {
	only := func(fields ...string) error {
		given := map[string]bool{
			"pairwise": req.Pairwise != nil, "criteria": req.Criteria != nil, "matrix": req.Matrix != nil,
			"ranks": req.Ranks != nil, "points": req.Points != nil,
		}
		for _, f := range fields {
			if !given[f] {
				return badInput(fmt.Errorf("method %q needs %q", req.Method, f))
			}
			delete(given, f)
		}
		for f, ok := range given {
			if ok {
				return badInput(fmt.Errorf("%q does not apply to method %q", f, req.Method))
			}
		}
		return nil
	}
	for _, o := range []struct {
		field   string
		applies bool
	}{
		{"priority", req.Priority == nil || req.Method == "ahp"},
		{"normalization", req.Normalization == nil || req.Method == "entropy"},
		{"raw", req.Raw == nil || req.Method == "stddev"},
	} {
		if !o.applies {
			return nil, badInput(fmt.Errorf("%q does not apply to method %q", o.field, req.Method))
		}
	}
	var res any
	var err error
	switch req.Method {
	case "":
		return nil, badInput(errors.New(`missing "method"`))
	case "ahp":
		if err := only("pairwise"); err != nil {
			return nil, err
		}
		var ahp scoring.AHP
		if req.Priority != nil {
			if ahp.Priority, err = scoring.ParsePriorityMethod(*req.Priority); err != nil {
				return nil, badInput(fmt.Errorf("priority: %w", err))
			}
		}
		res, err = ahp.Weigh(req.Pairwise)
	case "entropy", "critic", "stddev", "merec":
		if err := only("criteria", "matrix"); err != nil {
			return nil, err
		}
		crits := make([]scoring.Criterion, len(req.Criteria))
		for j, c := range req.Criteria {
			if c.Weight != nil {
				return nil, badInput(fmt.Errorf("criteria[%d] (%q): a weight is not an input of method %q", j, c.Name, req.Method))
			}
			d, err := scoring.ParseDirection(c.Direction)
			if err != nil {
				return nil, badInput(fmt.Errorf("criteria[%d] (%q): %w", j, c.Name, err))
			}
			crits[j] = scoring.Criterion{Name: c.Name, Direction: d}
		}
		p, err := scoring.NewProblem(nil, crits, req.Matrix)
		if err != nil {
			return nil, badInput(err)
		}
		var entropy scoring.Entropy
		if req.Normalization != nil {
			if entropy.Normalization, err = scoring.ParseNormalization(*req.Normalization); err != nil {
				return nil, badInput(fmt.Errorf("normalization: %w", err))
			}
		}
		weigher := map[string]scoring.Weigher{
			"entropy": entropy, "critic": scoring.CRITIC{}, "stddev": scoring.StdDev{Raw: req.Raw != nil && *req.Raw}, "merec": scoring.MEREC{},
		}[req.Method]
		res, err = weigher.Weigh(p)
		if err != nil {
			return nil, badInput(err)
		}
		return res, nil
	case "roc", "rank_sum", "rank_reciprocal":
		if err := only("ranks"); err != nil {
			return nil, err
		}
		rw, perr := scoring.ParseRankWeighting(req.Method)
		if perr != nil {
			return nil, badInput(perr)
		}
		res, err = rw.Weigh(req.Ranks)
	case "swing":
		if err := only("points"); err != nil {
			return nil, err
		}
		res, err = scoring.Swing(req.Points)
	case "points":
		if err := only("points"); err != nil {
			return nil, err
		}
		res, err = scoring.DirectPoints(req.Points)
	default:
		return nil, badInput(fmt.Errorf("%w: weighting method %q (want ahp, entropy, critic, stddev, merec, roc, rank_sum, rank_reciprocal, swing or points)",
			scoring.ErrUnknownName, req.Method))
	}
	if err != nil {
		return nil, badInput(err)
	}
	return res, nil
}
