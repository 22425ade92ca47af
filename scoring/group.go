package scoring

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// GroupAggregation selects how [Group] combines several stakeholders'
// pairwise comparisons (Forman & Peniwati 1998, EJOR 108(1), 165–169). The
// zero value is AIJ.
//
//	AIJ            a_ij = Π_k (a^k_ij)^(λ_k)          then AHP on the aggregate matrix
//	AIPGeometric   w_j  ∝ Π_k (w^k_j)^(λ_k)            normalised to sum to 1
//	AIPArithmetic  w_j  = Σ_k λ_k w^k_j
//
// where λ_k are the stakeholder weights (Σλ = 1) and w^k stakeholder k's
// priorities. The weighted geometric mean is the aggregation that keeps
// the aggregate matrix reciprocal (Aczél & Saaty 1983, J. Math. Psychology
// 27(1), 93–102). AIJ suits a group that acts as one decision maker; AIP
// suits individuals who each keep their own view. With GeometricMean
// priorities and complete matrices, AIJ and AIPGeometric give the same
// weights (Barzilai & Golany 1994, INFOR 32(2), 84–89).
type GroupAggregation int

const (
	// AIJ aggregates the individual judgements.
	AIJ GroupAggregation = iota
	// AIPGeometric aggregates the individual priorities by the weighted
	// geometric mean.
	AIPGeometric
	// AIPArithmetic aggregates the individual priorities by the weighted
	// arithmetic mean.
	AIPArithmetic
)

var groupAggregationTokens = []string{"aij", "aip_geometric", "aip_arithmetic"}

// String returns "aij", "aip_geometric" or "aip_arithmetic".
func (g GroupAggregation) String() string {
	return tokenString("GroupAggregation", groupAggregationTokens, int(g))
}

// MarshalText returns the token of g; an invalid value is an error.
func (g GroupAggregation) MarshalText() ([]byte, error) {
	return marshalToken("group aggregation", groupAggregationTokens, int(g))
}

// UnmarshalText parses "aij", "aip_geometric" or "aip_arithmetic".
func (g *GroupAggregation) UnmarshalText(b []byte) error {
	v, err := ParseGroupAggregation(string(b))
	if err == nil {
		*g = v
	}
	return err
}

// ParseGroupAggregation parses "aij", "aip_geometric" or "aip_arithmetic".
// Any other token is an error wrapping [ErrUnknownName].
func ParseGroupAggregation(s string) (GroupAggregation, error) {
	i, err := parseToken("group aggregation", groupAggregationTokens, s)
	return GroupAggregation(i), err
}

// Group weighs criteria from several stakeholders' pairwise comparison
// matrices: each stakeholder's matrix goes through AHP, the judgements or
// priorities are aggregated as Aggregation says, and [Consensus] reports
// how far the stakeholders agree and who stands furthest from the group.
// The zero value is AIJ with Saaty's AHP and equal stakeholder weights.
type Group struct {
	// AHP holds the settings used for every matrix, individual and
	// aggregate. With AHP.Strict, an inconsistent stakeholder is an error.
	AHP AHP `json:"ahp"`
	// Aggregation selects AIJ (zero value), AIPGeometric or AIPArithmetic.
	Aggregation GroupAggregation `json:"aggregation"`
}

// GroupResult is the outcome of [Group.Weigh].
type GroupResult struct {
	// Method is "ahp".
	Method string `json:"method"`
	// Aggregation is the aggregation used.
	Aggregation GroupAggregation `json:"aggregation"`
	// Weights are the group's criterion weights, positive and summing to 1.
	Weights []float64 `json:"weights"`
	// StakeholderWeights are the stakeholder weights used, summing to 1.
	StakeholderWeights []float64 `json:"stakeholder_weights"`
	// Individual holds each stakeholder's own AHP result.
	Individual []*AHPResult `json:"individual"`
	// Aggregate is the AHP result on the aggregate matrix (AIJ only; its
	// Matrix is the aggregate matrix); nil otherwise.
	Aggregate *AHPResult `json:"aggregate,omitempty"`
	// Consensus measures agreement between the stakeholders' priorities.
	Consensus *Consensus `json:"consensus"`
}

// Weigh combines the stakeholders' pairwise matrices (one n×n matrix per
// stakeholder, all the same n). stakeholderWeights may be nil (equal
// weights) or give one non-negative weight per stakeholder, not all zero;
// it is normalised. No input is modified.
//
// The error, if any, is an [*InputError]: on field "stakeholders" wrapping
// [ErrEmpty] (no matrices) or [ErrLength] (matrices of different sizes); on
// field "stakeholder_weights" wrapping [ErrLength], [ErrNotFinite] or
// [ErrWeights]; or any error of [AHP.Weigh] for a stakeholder's matrix,
// with Name set to "stakeholder k" (k from 0).
func (g Group) Weigh(matrices [][][]Judgement, stakeholderWeights []float64) (*GroupResult, error) {
	s, err := g.AHP.resolve()
	if err != nil {
		return nil, err
	}
	lambda, pms, err := prepareGroup(matrices, stakeholderWeights, s.Tolerance, true)
	if err != nil {
		return nil, err
	}
	if g.Aggregation < AIJ || g.Aggregation > AIPArithmetic {
		return nil, inputErr("aggregation", -1, -1, "", ErrUnknownName, g.Aggregation.String())
	}
	res := &GroupResult{Method: "ahp", Aggregation: g.Aggregation, StakeholderWeights: lambda,
		Individual: make([]*AHPResult, len(pms))}
	prios := make([][]float64, len(pms))
	for k, pm := range pms {
		r, err := s.solve(pm)
		if err != nil {
			return nil, stakeholderErr(err, k)
		}
		if s.Strict && !r.Consistent {
			_, err := s.Weigh(matrices[k])
			return nil, stakeholderErr(err, k)
		}
		res.Individual[k] = r
		prios[k] = r.Weights
	}
	switch g.Aggregation {
	case AIJ:
		agg, err := s.solve(aggregateJudgements(pms, lambda))
		if err != nil {
			return nil, err
		}
		if s.Strict && !agg.Consistent {
			return nil, inputErr("aggregate", -1, -1, "", ErrInconsistent,
				fmt.Sprintf("consistency ratio of the aggregate matrix %.4f exceeds %.4g", agg.CR, agg.Threshold))
		}
		res.Aggregate = agg
		res.Weights = slices.Clone(agg.Weights)
	default:
		res.Weights = aggregatePriorities(prios, lambda, g.Aggregation == AIPGeometric)
	}
	res.Consensus, err = NewConsensus(prios, res.Weights)
	if err != nil {
		return nil, err
	}
	return res, nil
}

func stakeholderErr(err error, k int) error {
	var ie *InputError
	if errors.As(err, &ie) {
		c := *ie
		c.Name = fmt.Sprintf("stakeholder %d", k)
		return &c
	}
	return err
}

// prepareGroup validates the stakeholder weights and matrices.
func prepareGroup(matrices [][][]Judgement, weights []float64, tol float64, connected bool) ([]float64, []pairwiseMatrix, error) {
	K := len(matrices)
	if K == 0 {
		return nil, nil, inputErr("stakeholders", -1, -1, "", ErrEmpty, "no matrices")
	}
	lambda := EqualWeights(K)
	if weights != nil {
		var err error
		if lambda, err = NormalizeWeights(weights, K); err != nil {
			if ie, ok := err.(*InputError); ok {
				ie.Path = "stakeholder_weights"
			}
			return nil, nil, err
		}
	}
	pms := make([]pairwiseMatrix, K)
	for k, mx := range matrices {
		if len(mx) != len(matrices[0]) {
			return nil, nil, inputErr("stakeholders", k, -1, fmt.Sprintf("stakeholder %d", k), ErrLength,
				fmt.Sprintf("%d×%d matrix, but stakeholder 0 has %d×%d", len(mx), len(mx), len(matrices[0]), len(matrices[0])))
		}
		pm, err := preparePairwise(mx, tol, connected)
		if err != nil {
			return nil, nil, stakeholderErr(err, k)
		}
		pms[k] = pm
	}
	return lambda, pms, nil
}

// AggregateJudgements returns the element-wise weighted geometric mean of
// the stakeholders' pairwise matrices (AIJ; see [GroupAggregation]).
// stakeholderWeights may be nil (equal weights). A judgement missing from
// some matrices is aggregated over the stakeholders who gave it, with their
// weights renormalised; a judgement nobody gave stays missing. Matrices are
// first checked and made reciprocal as [AHP.Weigh] does, with the default
// tolerance, but an individual matrix need not link every item: only the
// aggregate must, when it is weighed. The result is exactly reciprocal; no
// input is modified.
//
// Errors are those of [Group.Weigh].
func AggregateJudgements(matrices [][][]Judgement, stakeholderWeights []float64) ([][]Judgement, error) {
	lambda, pms, err := prepareGroup(matrices, stakeholderWeights, DefaultReciprocalTolerance, false)
	if err != nil {
		return nil, err
	}
	agg := aggregateJudgements(pms, lambda)
	n := agg.n
	out := make([][]Judgement, n)
	for i := range out {
		out[i] = make([]Judgement, n)
		for j := range n {
			out[i][j] = Judgement(agg.a[i*n+j])
		}
	}
	return out, nil
}

func aggregateJudgements(pms []pairwiseMatrix, lambda []float64) pairwiseMatrix {
	n := pms[0].n
	agg := pairwiseMatrix{n: n, a: make([]float64, n*n)}
	for i := range n {
		agg.a[i*n+i] = 1
		for j := i + 1; j < n; j++ {
			var num, den float64
			for k, pm := range pms {
				if pm.known(i, j) && lambda[k] > 0 {
					num += lambda[k] * math.Log(pm.a[i*n+j])
					den += lambda[k]
				}
			}
			if den == 0 {
				agg.missing++
				continue
			}
			v := math.Exp(num / den)
			agg.a[i*n+j], agg.a[j*n+i] = v, 1/v
		}
	}
	return agg
}

// AggregatePriorities combines several stakeholders' priority vectors
// (AIP; see [GroupAggregation]) into group weights that sum to 1, by the
// weighted geometric mean (geometric true) or the weighted arithmetic mean.
// stakeholderWeights may be nil (equal weights). Each priority vector must
// be non-negative and not all zero, and is normalised first. Under the
// geometric mean a criterion that any stakeholder with positive weight
// gives zero weight gets zero; if that leaves every criterion at zero, the
// weights are equal. No input is modified.
//
// The error, if any, is an [*InputError] on field "priorities" (Row =
// stakeholder, Col = criterion) wrapping [ErrEmpty], [ErrLength],
// [ErrNotFinite] or [ErrWeights], or on field "stakeholder_weights".
func AggregatePriorities(priorities [][]float64, stakeholderWeights []float64, geometric bool) ([]float64, error) {
	prios, lambda, err := preparePriorities(priorities, stakeholderWeights)
	if err != nil {
		return nil, err
	}
	return aggregatePriorities(prios, lambda, geometric), nil
}

func preparePriorities(priorities [][]float64, stakeholderWeights []float64) ([][]float64, []float64, error) {
	K := len(priorities)
	if K == 0 || len(priorities[0]) == 0 {
		return nil, nil, inputErr("priorities", -1, -1, "", ErrEmpty, "no priorities")
	}
	n := len(priorities[0])
	prios := make([][]float64, K)
	for k, p := range priorities {
		w, err := NormalizeWeights(p, n)
		if err != nil {
			if ie, ok := err.(*InputError); ok {
				ie.Path, ie.Row = "priorities", k
			}
			return nil, nil, err
		}
		prios[k] = w
	}
	lambda := EqualWeights(K)
	if stakeholderWeights != nil {
		var err error
		if lambda, err = NormalizeWeights(stakeholderWeights, K); err != nil {
			if ie, ok := err.(*InputError); ok {
				ie.Path = "stakeholder_weights"
			}
			return nil, nil, err
		}
	}
	return prios, lambda, nil
}

func aggregatePriorities(prios [][]float64, lambda []float64, geometric bool) []float64 {
	n := len(prios[0])
	out := make([]float64, n)
	if !geometric {
		for k, p := range prios {
			for j, v := range p {
				out[j] += lambda[k] * v
			}
		}
		w, _ := proportional(out, nil)
		return w
	}
	y := make([]float64, n)
	zero := make([]bool, n)
	for k, p := range prios {
		if lambda[k] == 0 {
			continue
		}
		for j, v := range p {
			if v == 0 {
				zero[j] = true
			} else {
				y[j] += lambda[k] * math.Log(v)
			}
		}
	}
	if !slices.Contains(zero, false) {
		return EqualWeights(n)
	}
	big := math.Inf(-1)
	for j := range y {
		if !zero[j] {
			big = math.Max(big, y[j])
		}
	}
	for j := range y {
		if !zero[j] {
			out[j] = math.Exp(y[j] - big)
		}
	}
	w, _ := proportional(out, nil)
	return w
}

// Consensus says how far several stakeholders agree on criterion weights.
type Consensus struct {
	// KendallW is Kendall's coefficient of concordance of the
	// stakeholders' rankings of the criteria (see [KendallW]): 1 when they
	// rank the criteria identically, near 0 when their rankings are
	// unrelated.
	KendallW float64 `json:"kendall_w"`
	// ChiSquare is m(n − 1)W, approximately χ² with n − 1 degrees of
	// freedom under the hypothesis of no agreement (m stakeholders, n
	// criteria; Kendall & Babington Smith 1939).
	ChiSquare float64 `json:"chi_square"`
	// Deviations[k][j] is stakeholder k's weight for criterion j minus the
	// group's weight: positive where k values the criterion more.
	Deviations [][]float64 `json:"deviations"`
	// Distances[k] is the Euclidean distance between stakeholder k's
	// weights and the group's.
	Distances []float64 `json:"distances"`
	// Furthest is the stakeholder with the largest distance (the first
	// one on ties).
	Furthest int `json:"furthest"`
	// MainCriterion[k] is the criterion on which stakeholder k deviates
	// most from the group (largest |Deviations[k][j]|, the first on ties).
	MainCriterion []int `json:"main_criterion"`
}

// NewConsensus measures the agreement of stakeholders' weight vectors
// (priorities[k][j]: stakeholder k's weight for criterion j) with each
// other and with the group's weights. Each vector and the group vector are
// normalised to sum to 1 first. Criteria are ranked by decreasing weight
// for Kendall's W, equal weights (within a relative 1e-9) tying.
//
// The error, if any, is an [*InputError] on field "priorities" or "group"
// wrapping [ErrEmpty], [ErrLength], [ErrNotFinite] or [ErrWeights].
func NewConsensus(priorities [][]float64, group []float64) (*Consensus, error) {
	prios, _, err := preparePriorities(priorities, nil)
	if err != nil {
		return nil, err
	}
	n := len(prios[0])
	g, err := NormalizeWeights(group, n)
	if err != nil {
		if ie, ok := err.(*InputError); ok {
			ie.Path = "group"
		}
		return nil, err
	}
	K := len(prios)
	ranks := make([][]float64, K)
	for k, p := range prios {
		ranks[k] = make([]float64, n)
		for j, v := range p {
			ranks[k][j] = -v // lower value = more important
		}
		ranks[k] = midranks(ranks[k], 1e-9)
	}
	c := &Consensus{Deviations: make([][]float64, K), Distances: make([]float64, K), MainCriterion: make([]int, K)}
	c.KendallW = kendallW(ranks)
	c.ChiSquare = float64(K) * float64(n-1) * c.KendallW
	for k, p := range prios {
		c.Deviations[k] = make([]float64, n)
		ss := 0.0
		for j, v := range p {
			d := v - g[j]
			c.Deviations[k][j] = d
			ss += d * d
			if math.Abs(d) > math.Abs(c.Deviations[k][c.MainCriterion[k]]) {
				c.MainCriterion[k] = j
			}
		}
		c.Distances[k] = math.Sqrt(ss)
		if c.Distances[k] > c.Distances[c.Furthest] {
			c.Furthest = k
		}
	}
	return c, nil
}

// KendallW returns Kendall's coefficient of concordance W of m rankings
// of the same n items (Kendall & Babington Smith 1939, Ann. Math. Statist.
// 10(3), 275–287), corrected for ties (Kendall 1948, Rank Correlation
// Methods): ranks[k][j] is rater k's rank of item j, lower meaning better;
// only the order matters, and equal values tie and get their average
// (mid) rank. With R_j the sum of item j's ranks,
//
//	S = Σ_j (R_j − m(n + 1)/2)²
//	W = 12 S / (m²(n³ − n) − m Σ_k T_k),   T_k = Σ over tie groups of rater k of (t³ − t)
//
// W is 1 when all raters agree and 0 when the rank sums are all equal. It
// is defined as 1 when n = 1 or every rater ties every item (no rater
// orders anything, so none disagrees).
//
// The error, if any, is an [*InputError] on field "ranks" (Row = rater,
// Col = item) wrapping [ErrEmpty], [ErrLength] or [ErrNotFinite]. The
// caller's slices are not modified.
func KendallW(ranks [][]float64) (float64, error) {
	if len(ranks) == 0 || len(ranks[0]) == 0 {
		return 0, inputErr("ranks", -1, -1, "", ErrEmpty, "no rankings")
	}
	n := len(ranks[0])
	mid := make([][]float64, len(ranks))
	for k, r := range ranks {
		if len(r) != n {
			return 0, inputErr("ranks", k, -1, "", ErrLength, fmt.Sprintf("%d ranks, want %d", len(r), n))
		}
		for j, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, inputErr("ranks", k, j, "", ErrNotFinite, fmt.Sprint(v))
			}
		}
		mid[k] = midranks(r, 0)
	}
	return kendallW(mid), nil
}

// kendallW computes W from midranks.
func kendallW(mid [][]float64) float64 {
	m, n := float64(len(mid)), len(mid[0])
	fn := float64(n)
	sumR := make([]float64, n)
	ties := 0.0
	for _, r := range mid {
		for j, v := range r {
			sumR[j] += v
		}
		ties += tieTerm(r)
	}
	mean := m * (fn + 1) / 2
	s := 0.0
	for _, R := range sumR {
		s += (R - mean) * (R - mean)
	}
	den := m*m*(fn*fn*fn-fn) - m*ties
	if den <= 0 {
		return 1
	}
	return clamp(12*s/den, 0, 1)
}

// midranks returns the ascending ranks of v (1 = smallest), tied values
// (within tol relative to the largest magnitude) sharing their average rank.
func midranks(v []float64, tol float64) []float64 {
	n := len(v)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(v[a], v[b]) })
	big := 0.0
	for _, x := range v {
		big = math.Max(big, math.Abs(x))
	}
	out := make([]float64, n)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && v[idx[hi]]-v[idx[lo]] <= tol*big {
			hi++
		}
		r := float64(lo+hi+1) / 2 // average of positions lo+1 … hi
		for k := lo; k < hi; k++ {
			out[idx[k]] = r
		}
		lo = hi
	}
	return out
}

// tieTerm returns Σ (t³ − t) over the groups of equal midranks.
func tieTerm(mid []float64) float64 {
	s := slices.Sorted(slices.Values(mid))
	t := 0.0
	for lo := 0; lo < len(s); {
		hi := lo + 1
		for hi < len(s) && s[hi] == s[lo] {
			hi++
		}
		c := float64(hi - lo)
		t += c*c*c - c
		lo = hi
	}
	return t
}
