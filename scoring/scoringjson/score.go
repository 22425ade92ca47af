package scoringjson

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/socialseat/socialseat/scoring"
)

// ScoreRequest is the score input of the JSON contract:
//
//	{"method": "wsm|wpm|topsis|vikor|promethee2|copras|edas|mabac|spotis|moora",
//	 "alternatives": ["A", "B", ...],               // optional: A1..Am
//	 "criteria": [{"name": "cost", "direction": "benefit|cost", "weight": 0.3}, ...],
//	 "matrix": [[...], ...],                        // rows = alternatives
//	 "normalization": "vector|minmax|max|sum|none", // optional: the method's default
//	 "v": 0.5,                                      // VIKOR only, optional
//	 "preference": [{"function": "usual|ushape|vshape|level|linear|gaussian",
//	                 "q": 0, "p": 0, "s": 0}, ...], // PROMETHEE II only, one per criterion
//	 "form": "ratio_system|reference_point|full_multiplicative|multimoora", // MOORA only, optional
//	 "bounds": [[min, max], ...],                   // SPOTIS only, optional: the data's range
//	 "esp": [e1, e2, ...]}                          // SPOTIS only, optional: the ideal
//
// The outranking and sorting methods "promethee1", "gaia", "electre1",
// "electre3", "mrsort", "electre-tri-b" and "flowsort" take the same
// problem and the parameters of [OutrankingParams]; they do not rank
// completely, so their responses are their own result objects.
type ScoreRequest struct {
	// Method ("method", required) is the method's token, such as
	// "topsis" or "electre3"; "" is an error.
	Method string `json:"method"`
	// Alternatives ("alternatives") names the rows of the matrix, one
	// non-empty, distinct name per row; absent means A1, A2, ….
	Alternatives []string `json:"alternatives,omitzero"`
	// Criteria ("criteria", required) describes the matrix's columns,
	// one [Criterion] per column, in order.
	Criteria []Criterion `json:"criteria"`
	// Matrix ("matrix") holds the performances: one row per alternative,
	// one finite value per criterion, in the criterion's own units.
	// Required, except in an smaa request that gives "low" and "high"
	// instead.
	Matrix [][]float64 `json:"matrix"`
	// Normalization ("normalization", wsm, wpm and topsis only) is
	// "vector", "minmax", "max" or "sum", or "none" (wsm and topsis, for
	// data already on one scale); absent means the method's default.
	Normalization *string `json:"normalization,omitempty"`
	// V ("v", vikor only) is the weight of the majority strategy in
	// [0, 1]; absent means 0.5.
	V *float64 `json:"v,omitempty"`
	// Preference ("preference", promethee2, promethee1, gaia and
	// flowsort) holds one [Preference] per criterion; absent means the
	// usual function on every criterion.
	Preference []Preference `json:"preference,omitzero"`
	// Form is MOORA's measure; absent means the ratio system.
	Form *string `json:"form,omitempty"`
	// Bounds are SPOTIS's [min, max] per criterion; absent means the
	// data's range.
	Bounds [][2]float64 `json:"bounds,omitzero"`
	// ESP is SPOTIS's expected solution point, one value per criterion
	// within the bounds; absent means the distances are measured from the
	// ideal.
	ESP []float64 `json:"esp,omitzero"`
	// OutrankingParams are the parameters of the outranking and sorting
	// methods; see [OutrankingParams].
	OutrankingParams
	// ReversalParams ask for a rank-reversal check instead of the
	// ranking; see [ReversalParams].
	ReversalParams
}

// Preference is a PROMETHEE II preference function with its thresholds.
type Preference struct {
	// Function ("function") is "usual", "ushape", "vshape", "level",
	// "linear" or "gaussian".
	Function string `json:"function"`
	// Q ("q") is the indifference threshold (ushape, level, linear), in
	// the criterion's units, q ≥ 0; absent means 0.
	Q float64 `json:"q"`
	// P ("p") is the preference threshold (vshape, level, linear), in the
	// criterion's units, p ≥ q; absent means 0.
	P float64 `json:"p"`
	// S ("s") is the gaussian function's scale, in the criterion's units,
	// s > 0 for gaussian; the other functions ignore it.
	S float64 `json:"s"`
}

// Criterion is a criterion with its weight.
type Criterion struct {
	// Name ("name") is the criterion's name: non-empty and distinct
	// among the criteria.
	Name string `json:"name"`
	// Direction ("direction") is "benefit" (more is better) or "cost"
	// (less is better).
	Direction string `json:"direction"`
	// Weight ("weight") is the criterion's finite, non-negative weight;
	// the weights are normalised to sum to 1 and must not all be 0.
	// Required by a score request; an smaa request does not use it and
	// a weights request takes none.
	Weight *float64 `json:"weight,omitempty"`
}

// DecodeScore reads a ScoreRequest strictly.
func DecodeScore(r io.Reader) (*ScoreRequest, error) {
	var req ScoreRequest
	if err := decodeStrict(r, &req); err != nil {
		return nil, err
	}
	return &req, nil
}

// Problem builds the decision problem and the weights of the request.
func (req *ScoreRequest) Problem() (*scoring.Problem, []float64, error) {
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
	p, err := scoring.NewProblem(req.Alternatives, crits, req.Matrix)
	if err != nil {
		return nil, nil, badInput(err)
	}
	return p, weights, nil
}

// method resolves the request's method with its parameters. Parameters
// that do not apply to the method are errors, so a typo cannot be ignored.
func (req *ScoreRequest) method() (scoring.Method, error) {
	if req.Method == "" {
		return nil, badInput(errors.New(`missing "method"`))
	}
	if err := req.OutrankingParams.onlyFor(req.Method); err != nil {
		return nil, err
	}
	m, err := scoring.ParseMethod(req.Method)
	if err != nil {
		return nil, badInput(err)
	}
	var norm scoring.Normalization
	if req.Normalization != nil {
		if norm, err = scoring.ParseNormalization(*req.Normalization); err != nil {
			return nil, badInput(err)
		}
	}
	notFor := func(field string) error {
		return badInput(fmt.Errorf("%q does not apply to method %q", field, req.Method))
	}
	if req.V != nil && req.Method != "vikor" {
		return nil, notFor("v")
	}
	if req.Preference != nil && !usesPreferences(req.Method) {
		return nil, notFor("preference")
	}
	if req.Form != nil && req.Method != "moora" {
		return nil, notFor("form")
	}
	if req.Bounds != nil && req.Method != "spotis" {
		return nil, notFor("bounds")
	}
	if req.ESP != nil && req.Method != "spotis" {
		return nil, notFor("esp")
	}
	switch req.Method {
	case "wsm":
		return scoring.WeightedSum{Normalization: norm}, nil
	case "wpm":
		return scoring.WeightedProduct{Normalization: norm}, nil
	case "topsis":
		return scoring.TOPSIS{Normalization: norm}, nil
	}
	if req.Normalization != nil {
		return nil, notFor("normalization")
	}
	switch req.Method {
	case "vikor":
		v := scoring.NewVIKOR()
		if req.V != nil {
			v.V = *req.V
		}
		return v, nil
	case "promethee2":
		if req.Preference == nil {
			return scoring.PROMETHEEII{}, nil
		}
		prefs := make([]scoring.Preference, len(req.Preference))
		for j, f := range req.Preference {
			fn, err := scoring.ParsePreferenceFunction(f.Function)
			if err != nil {
				return nil, badInput(fmt.Errorf("preference[%d]: %w", j, err))
			}
			prefs[j] = scoring.Preference{Function: fn, Q: f.Q, P: f.P, S: f.S}
		}
		return scoring.PROMETHEEII{Preferences: prefs}, nil
	case "moora":
		var mo scoring.MOORA
		if req.Form != nil {
			if mo.Form, err = scoring.ParseMOORAForm(*req.Form); err != nil {
				return nil, badInput(fmt.Errorf("form: %w", err))
			}
		}
		return mo, nil
	case "spotis":
		return scoring.SPOTIS{Bounds: req.Bounds, ESP: req.ESP}, nil
	}
	return m, nil
}

// Score evaluates the request. The response is the method's detailed
// result (scoring.Evaluator; for example *scoring.VIKORResult, which adds
// "s" and "r"), whose JSON
// carries "method", "alternatives", "scores", "better" and "ranking".
func (req *ScoreRequest) Score() (any, error) {
	return req.ScoreContext(context.Background())
}
