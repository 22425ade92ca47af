package placement

import (
	"cmp"
	"slices"

	"github.com/socialseat/socialseat/touchpoint"
)

// DimensionCertainty says how certain a recommendation is about one
// dimension of the structure — its home, operating model, central role or
// sourcing — rather than about the exact structure, whose twins (the same
// model with another home or sourcing) often score almost alike. It is
// always about the recommended structure's value on the dimension.
type DimensionCertainty struct {
	// Dimension is "home", "model", "role" or "sourcing".
	Dimension string `json:"dimension"`
	// Value is the recommended (first-ranked) structure's value.
	Value string `json:"value"`
	// Acceptability is the SMAA first-rank acceptability of Value, summed
	// over the structures that share it; 0 without SMAA.
	Acceptability float64 `json:"first_rank_acceptability"`
	// RunnerUp is the other value that comes first most often under SMAA
	// (ties broken by score), or without SMAA the value of the best
	// structure that differs on this dimension; "" when every ranked
	// structure shares Value.
	RunnerUp string `json:"runner_up,omitempty"`
	// RunnerUpAcceptability is the SMAA first-rank acceptability of
	// RunnerUp, summed over the structures that share it; 0 without SMAA
	// or without a runner-up.
	RunnerUpAcceptability float64 `json:"runner_up_first_rank_acceptability"`
	// RunnerUpFavoured is true when the sampling puts RunnerUp first more
	// often than Value, although Value's structure scores best at the
	// stated weights.
	RunnerUpFavoured bool `json:"runner_up_favoured,omitempty"`
	// Lead is the best score with Value (the recommended structure's)
	// minus the best score with RunnerUp; never negative.
	Lead float64 `json:"lead"`
	// Clear is true when the value is a clear call: with SMAA, an
	// acceptability of at least certainty.clear-acceptability; without,
	// a lead of at least certainty.clear-lead. False means a close call.
	Clear bool `json:"clear"`
}

// dimensionValue returns the value of structure s on dimension d.
func dimensionValue(s Structure, d int) string {
	switch d {
	case 0:
		return string(s.Home)
	case 1:
		return s.Model.String()
	case 2:
		return s.Role.String()
	}
	return s.Sourcing.String()
}

// dimensionKey identifies the value of structure s on dimension d, as
// dimensionValue names it: its home, or the number of its model, role or
// sourcing.
func dimensionKey(s *Structure, d int) (touchpoint.Department, int) {
	switch d {
	case 0:
		return s.Home, 0
	case 1:
		return "", int(s.Model)
	case 2:
		return "", int(s.Role)
	}
	return "", int(s.Sourcing)
}

var dimensionNames = [...]string{"home", "model", "role", "sourcing"}

// dimensions fills rec.Dimensions from the ranking and, if it ran, the
// SMAA analysis; structs are the ranked structures in problem order.
func (rec *Recommendation) dimensions(structs []Structure, k *[numTerms]float64) {
	var acc []float64
	if s := rec.Robustness.SMAA; s != nil && s.Analysis != nil {
		acc = make([]float64, len(structs))
		for i := range structs {
			acc[i] = s.Analysis.RankAcceptability[i][0]
		}
	}
	rec.Dimensions = make([]DimensionCertainty, len(dimensionNames))
	for d, name := range dimensionNames {
		type agg struct {
			home  touchpoint.Department // the key: the home, or
			code  int                   // the number of the model, role or sourcing
			value string
			acc   float64
			best  float64
			order int // rank position of its best structure
		}
		var store [16]agg // homes, models, roles or sourcings: few values
		vals := store[:0]
		find := func(s *Structure) *agg {
			home, code := dimensionKey(s, d)
			for i := range vals {
				if vals[i].code == code && vals[i].home == home {
					return &vals[i]
				}
			}
			return nil
		}
		for pos := range rec.Ranking {
			if acc == nil && len(vals) == 2 {
				break // without SMAA only the first two values are read
			}
			e := &rec.Ranking[pos]
			if find(&e.Structure) == nil {
				home, code := dimensionKey(&e.Structure, d)
				vals = append(vals, agg{home: home, code: code, value: dimensionValue(e.Structure, d), best: e.Score, order: pos})
			}
		}
		for i := range acc {
			find(&structs[i]).acc += acc[i]
		}
		// vals[0] is the recommended structure's value; the others are
		// in rank order, and with SMAA the runner-up is the one that comes
		// first most often.
		if acc != nil {
			slices.SortStableFunc(vals[1:], func(a, b agg) int {
				if c := cmp.Compare(b.acc, a.acc); c != 0 {
					return c
				}
				return cmp.Compare(a.order, b.order)
			})
		}
		dc := DimensionCertainty{Dimension: name, Value: vals[0].value, Acceptability: vals[0].acc}
		if len(vals) > 1 {
			dc.RunnerUp, dc.RunnerUpAcceptability = vals[1].value, vals[1].acc
			dc.RunnerUpFavoured = vals[1].acc > vals[0].acc
			dc.Lead = vals[0].best - vals[1].best
		}
		if acc != nil {
			dc.Clear = dc.Acceptability >= k[kCertaintyAcceptability]
		} else {
			dc.Clear = len(vals) == 1 || dc.Lead >= k[kCertaintyLead]
		}
		rec.Dimensions[d] = dc
	}
}
