package scoringjson

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/socialseat/socialseat/invalid"
	"github.com/socialseat/socialseat/scoring"
)

// ImpreciseParams are the smaa request's keys for imprecise, missing and
// ordinal data. Given any of them, the analysis is scoring.ImpreciseSMAA:
// each of "value_draws" concrete matrices is drawn from the description
// below and analysed with its share of the weight samples.
//
//	"low":  [[...], ...], "high": [[...], ...], // instead of "matrix": each cell's interval
//	"missing": [[false, true], ...],          // optional: cells with no value
//	"ordinal": ["image"],                     // optional: criteria known only by ranks
//	"missing_range": {"cost": [0, 100]},      // optional: where a missing value of a criterion lies
//	"value_draws": 100                        // optional: concrete matrices drawn (0: 100)
//
// A cell's value is drawn uniformly between its bounds ("matrix" gives
// exact values). A missing cell still holds a number in "matrix" (or
// "low" and "high"), which is ignored: its value is drawn uniformly from
// the criterion's "missing_range" or, without one, from the range of the
// criterion's observed values. An ordinal criterion's values are levels
// whose order alone counts (larger is better for a benefit, worse for a
// cost); each draw maps them to values in [0, 1] as SMAA-O does. An
// ordinal criterion takes neither intervals nor missing cells.
type ImpreciseParams struct {
	// Low ("low") holds each cell's lower bound, rows = alternatives and
	// columns = criteria as in "matrix", which it replaces; it goes with
	// High, and neither may be given with "matrix".
	Low [][]float64 `json:"low,omitzero"`
	// High ("high") holds each cell's upper bound, the same shape as Low,
	// with Low[i][j] ≤ High[i][j]; equal bounds give an exact value, and
	// an ordinal criterion's bounds must be equal.
	High [][]float64 `json:"high,omitzero"`
	// Missing ("missing") marks, with true, each cell that has no value:
	// one boolean per cell, the same shape as the matrix. The number in
	// the cell is ignored; absent means no cell is missing.
	Missing [][]bool `json:"missing,omitzero"`
	// Ordinal ("ordinal") names the criteria known only by ranks, each
	// once and each one of the request's criteria.
	Ordinal []string `json:"ordinal,omitzero"`
	// MissingRange ("missing_range") maps a criterion's name to the
	// [low, high] range (low ≤ high, in the criterion's units) its missing
	// values are drawn from; a criterion not in it draws them from the
	// range of its observed values.
	MissingRange map[string][2]float64 `json:"missing_range,omitzero"`
	// ValueDraws ("value_draws") is the number of concrete matrices drawn;
	// 0 or absent means 100, negative is an error. No more matrices are
	// drawn than there are weight samples.
	ValueDraws int `json:"value_draws,omitempty"`
}

// imprecise reports whether the request describes imprecise data.
func (ip *ImpreciseParams) imprecise() bool {
	return ip.Low != nil || ip.High != nil || ip.Missing != nil || ip.Ordinal != nil ||
		ip.MissingRange != nil || ip.ValueDraws != 0
}

// impreciseProblem builds the scoring problem of an imprecise request.
func (req *SMAARequest) impreciseProblem() (*scoring.ImpreciseProblem, error) {
	ip := &req.ImpreciseParams
	if ip.ValueDraws < 0 {
		return nil, badInput(invalid.At("value_draws", strconv.Itoa(ip.ValueDraws), scoring.ErrParam))
	}
	low, high := ip.Low, ip.High
	switch {
	case (low == nil) != (high == nil):
		return nil, badInput(fmt.Errorf(`"low" and "high" go together: %w`, scoring.ErrParam))
	case low != nil && req.Matrix != nil:
		return nil, badInput(fmt.Errorf(`give either "matrix" or "low" and "high", not both: %w`, scoring.ErrParam))
	case low == nil:
		low, high = req.Matrix, req.Matrix
	}
	crits := make([]scoring.ImpreciseCriterion, len(req.Criteria))
	index := make(map[string]int, len(req.Criteria))
	for j, c := range req.Criteria {
		d, err := scoring.ParseDirection(c.Direction)
		if err != nil {
			return nil, badInput(fmt.Errorf("criteria[%d] (%q): %w", j, c.Name, err))
		}
		crits[j] = scoring.ImpreciseCriterion{Criterion: scoring.Criterion{Name: c.Name, Direction: d}}
		index[c.Name] = j
	}
	for k, name := range ip.Ordinal {
		j, ok := index[name]
		if !ok {
			return nil, badInput(unknownCriterion(fmt.Sprintf("ordinal[%d]", k), name))
		}
		if crits[j].Ordinal {
			return nil, badInput(&invalid.FieldError{Path: fmt.Sprintf("ordinal[%d]", k), Row: -1, Col: -1,
				Value: name, Detail: "criterion named twice", Err: scoring.ErrDuplicateName})
		}
		crits[j].Ordinal = true
	}
	names := make([]string, 0, len(ip.MissingRange))
	for name := range ip.MissingRange {
		names = append(names, name)
	}
	slices.Sort(names) // the first error is the same on every run
	for _, name := range names {
		r := ip.MissingRange[name]
		path := "missing_range." + name
		j, ok := index[name]
		if !ok {
			return nil, badInput(unknownCriterion(path, name))
		}
		for _, x := range r {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, badInput(&invalid.FieldError{Path: path, Row: -1, Col: -1, Name: name,
					Value: fmt.Sprint(x), Err: scoring.ErrNotFinite})
			}
		}
		if r[0] > r[1] {
			return nil, badInput(&invalid.FieldError{Path: path, Row: -1, Col: -1, Name: name,
				Value: fmt.Sprintf("[%v, %v]", r[0], r[1]), Detail: "want [low, high] with low ≤ high", Err: scoring.ErrParam})
		}
		crits[j].Range = &r
	}
	return &scoring.ImpreciseProblem{Alternatives: req.Alternatives, Criteria: crits, Low: low, High: high, Missing: ip.Missing}, nil
}

func unknownCriterion(path, name string) error {
	return &invalid.FieldError{Path: path, Row: -1, Col: -1, Value: name,
		Detail: "not a criterion of the request", Err: scoring.ErrUnknownName}
}

// runImprecise performs an analysis of imprecise data.
func (req *SMAARequest) runImprecise(ctx context.Context, m scoring.Method) (*scoring.SMAAResult, error) {
	ip, err := req.impreciseProblem()
	if err != nil {
		return nil, err
	}
	run := scoring.ImpreciseSMAA{
		SMAA: scoring.SMAA{Method: m, Samples: req.Samples, Seed: req.Seed, TopRanks: req.TopRanks,
			MaxMemory: req.MaxMemory, Progress: req.Progress},
		ValueDraws: req.ValueDraws,
	}
	res, err := run.Run(ctx, ip)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, badInput(renameMatrixField(err, req.Low == nil))
	}
	return res, nil
}

// renameMatrixField rewrites the problem's "low" and "high" fields as
// "matrix" when the request gave exact values, so the error names a key
// of the request.
func renameMatrixField(err error, exact bool) error {
	var fe *invalid.FieldError
	if !exact || !errors.As(err, &fe) || (fe.Path != "low" && fe.Path != "high") {
		return err
	}
	c := *fe
	c.Path = "matrix"
	return &c
}
