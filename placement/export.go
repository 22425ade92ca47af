package placement

import (
	"encoding/json"
	"fmt"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/scoring"
)

// Decision exports the recommendation as a decision document (package
// decision) that a consultant can save, reopen and rework with their own
// judgements: the ranked structures as alternatives (by ID, in the order
// the ranking method received them, rec.Result.Alternatives, so that the
// method's column sums and means add up in the same order), the ten
// criteria, the weights used, every structure's values as
// the ranking method weighed them — its performances on the 0–10 criterion
// scale taken against the scale's fixed bounds (see [ValueScale]), so in
// [0, 1] with higher better on every criterion, cost and change-effort
// included, which the document therefore marks as benefits — and the
// ranking method with its options, decided so that the document carries
// its result and content hash. Re-deciding the exported document
// reproduces the recommendation's scores, to the bit, and its ranking. A recommendation
// without a fixed Scale (read from JSON written before model version 7,
// whose method normalised the raw performances) exports the performances
// on the 0–10 scale, with cost and change-effort as costs.
func (rec *Recommendation) Decision() (*decision.Document, error) {
	if rec.Result == nil || len(rec.Ranking) == 0 {
		return nil, fmt.Errorf("placement: exporting a decision: %w: the recommendation has no ranking", ErrMissing)
	}
	alts := make([]string, len(rec.Ranking))
	rows := make([][]float64, len(rec.Ranking))
	fixed := rec.Scale.Normalization == FixedScale
	for i, e := range exportOrder(rec) {
		alts[i] = e.Structure.ID()
		rows[i] = e.Values.Slice()
		if fixed {
			fixedValues(rows[i], rows[i])
		}
	}
	crits := make([]scoring.Criterion, 0, NumCriteria)
	for _, c := range Criteria() {
		d := scoring.Benefit
		if c.IsCost() && !fixed {
			d = scoring.Cost
		}
		crits = append(crits, scoring.Criterion{Name: c.String(), Direction: d})
	}
	title := "Where should social media sit"
	if rec.Profile.Name != "" {
		title += " at " + rec.Profile.Name
	}
	doc, err := decision.New(title+"?", alts, crits, rec.Weights.Slice(), rows, rec.Result.Method)
	if err != nil {
		return nil, fmt.Errorf("placement: exporting a decision: %w", err)
	}
	if rec.Method != nil {
		opts, err := json.Marshal(rec.Method)
		if err != nil {
			return nil, fmt.Errorf("placement: exporting a decision: %w", err)
		}
		doc.Method.Options = opts
		doc.InputHash = "" // the options are an edit of the inputs New hashed
		if doc, err = decision.Decide(doc); err != nil {
			return nil, fmt.Errorf("placement: exporting a decision: %w", err)
		}
	}
	values := "performances on the 0–10 criterion scale"
	if fixed {
		values = "each performance on the 0–10 criterion scale divided by 10 (cost and change-effort: 1 minus that), so higher is better on every criterion"
	}
	doc.Notes = fmt.Sprintf("Exported from the placement recommendation of model %s; values: %s; weights: %s", rec.Model, values, rec.WeightsSource)
	return doc, nil
}

// exportOrder returns the ranking's entries in the order of the ranking
// method's problem (rec.Result.Alternatives), or in ranking order when the
// result does not name exactly the ranked structures (a hand-made
// recommendation).
func exportOrder(rec *Recommendation) []Ranked {
	names := rec.Result.Alternatives
	if len(names) != len(rec.Ranking) {
		return rec.Ranking
	}
	byID := make(map[string]int, len(rec.Ranking))
	for i, e := range rec.Ranking {
		byID[e.Structure.ID()] = i
	}
	out := make([]Ranked, len(names))
	for i, id := range names {
		k, ok := byID[id]
		if !ok {
			return rec.Ranking
		}
		out[i] = rec.Ranking[k]
		delete(byID, id) // a name given twice is not found again
	}
	return out
}
