package placement

import (
	"encoding/json"

	"github.com/socialseat/socialseat/touchpoint"
)

type recommendationJSON struct {
	Profile       string                   `json:"profile"`
	Weights       CriterionValues          `json:"weights"`
	WeightsSource string                   `json:"weights_source"`
	Ranking       []rankedJSON             `json:"ranking"`
	RACI          map[string]assignmentDTO `json:"raci"`
	Roadmap       []Step                   `json:"roadmap"`
	Robustness    Robustness               `json:"robustness"`
}

type rankedJSON struct {
	Rank          int                `json:"rank"`
	ID            string             `json:"id"`
	Name          string             `json:"name"`
	Structure     Structure          `json:"structure"`
	Score         float64            `json:"score"`
	Contributions map[string]float64 `json:"contributions"` // empty, or every criterion
	Strengths     []string           `json:"strengths"`
	Weaknesses    []string           `json:"weaknesses"`
}

type assignmentDTO struct {
	Responsible []touchpoint.Department `json:"responsible"`
	Accountable touchpoint.Department   `json:"accountable"`
	Consulted   []touchpoint.Department `json:"consulted"`
	Informed    []touchpoint.Department `json:"informed"`
}

// MarshalJSON writes the recommendation in the JSON shape of the CLI
// contract:
//
//	{"profile": name,
//	 "weights": {criterion-id: weight}, "weights_source": "...",
//	 "ranking": [{"rank": 1, "id": "...", "name": "...", "structure": {...}, "score": x,
//	              "contributions": {criterion-id: x}, "strengths": [...], "weaknesses": [...]}],
//	 "raci": {touchpoint-id: {"responsible": [dept...], "accountable": dept,
//	                          "consulted": [...], "informed": [...]}},
//	 "roadmap": [{"step": "...", "why": "..."}],
//	 "robustness": {"method": "wsm", "cross_check": {...},
//	                "smaa": {...}, "sensitivity": {...}}}  (each only when asked for)
//
// Lists are never null; "contributions" is empty for a method that is not
// additive; "raci" is the top structure's map. Objects keyed by ID are
// written with sorted keys.
func (rec *Recommendation) MarshalJSON() ([]byte, error) {
	out := recommendationJSON{
		Profile:       rec.Profile.Name,
		Weights:       rec.Weights,
		WeightsSource: rec.WeightsSource,
		Ranking:       make([]rankedJSON, len(rec.Ranking)),
		RACI:          make(map[string]assignmentDTO, len(rec.RACI)),
		Roadmap:       nonNil(rec.Roadmap),
		Robustness:    rec.Robustness,
	}
	for i, e := range rec.Ranking {
		r := rankedJSON{
			Rank: e.Rank, ID: e.Structure.ID(), Name: e.Structure.Name(), Structure: e.Structure,
			Score: e.Score, Contributions: make(map[string]float64, NumCriteria),
			Strengths: nonNil(e.Strengths), Weaknesses: nonNil(e.Weaknesses),
		}
		if e.Contributions != nil {
			for c, x := range e.Contributions.All() {
				r.Contributions[c.String()] = x
			}
		}
		out.Ranking[i] = r
	}
	for _, a := range rec.RACI {
		out.RACI[string(a.Touchpoint)] = assignmentDTO{
			Responsible: nonNil(a.Responsible), Accountable: a.Accountable,
			Consulted: nonNil(a.Consulted), Informed: nonNil(a.Informed),
		}
	}
	return json.Marshal(out)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
