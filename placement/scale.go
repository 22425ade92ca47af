package placement

// FixedScale is the normalisation token of [ValueScale] for values taken
// against the fixed bounds of the performance scale.
const FixedScale = "fixed"

// ValueScale says how a recommendation turned the structures' performances
// into the values its ranking method weighs.
//
// Each performance is valued against the fixed bounds of the model's
// performance scale (Low 0, High 10), not against the other candidates: on
// a benefit criterion the value is (x − Low)/(High − Low), on a cost
// criterion (cost, change-effort) it is (High − x)/(High − Low). Every
// value lies in [0, 1] and higher is better, so the ranking method needs
// no normalisation of its own (the default is scoring.WeightedSum with
// Normalization None), and a structure's value — and under the default
// method its score — depends only on the profile and the structure:
// adding or removing other candidates cannot move it, nor reverse the
// order of two structures. Normalising on the candidates instead (min–max,
// vector or sum normalisation) lets an irrelevant alternative reverse a
// ranking, the effect Belton & Gear (1983) showed for AHP; multi-attribute
// value theory values each criterion on a scale fixed by reference levels
// for that reason (Belton & Stewart 2002, Multiple Criteria Decision
// Analysis: An Integrated Approach, on global rather than local scales;
// Dezert, Tchamova, Han & Tacnet 2020 on SPOTIS's fixed bounds).
type ValueScale struct {
	// Normalization is the valuation's token: [FixedScale].
	Normalization string `json:"normalization"`
	// Low and High are the reference levels: a performance of Low is worth
	// 0 on a benefit criterion and 1 on a cost criterion, High the reverse.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// fixedValueScale returns the valuation every recommendation uses: the
// bounds of the performance scale.
func fixedValueScale() ValueScale {
	return ValueScale{Normalization: FixedScale, Low: 0, High: scaleMaxPerf}
}

// fixedValues writes into dst, and returns it, the values on the fixed
// scale (see [ValueScale]) of the performances in perf, which holds
// NumCriteria values per structure in criterion order.
func fixedValues(dst, perf []float64) []float64 {
	s := fixedValueScale()
	lo, span := s.Low, s.High-s.Low
	for i, x := range perf {
		v := (x - lo) / span
		if Criterion(i%NumCriteria + 1).IsCost() {
			v = 1 - v
		}
		dst[i] = v
	}
	return dst
}
