package scoring

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Weighting is the outcome of a weighting method: criterion weights and
// what they were derived from. It is plain data and marshals to JSON with
// the field "weights" that the command-line tool prints. [AHP] returns the
// richer [AHPResult].
type Weighting struct {
	// Method is the method's token: "entropy", "critic", "stddev",
	// "merec", "roc", "rank_sum", "rank_reciprocal", "swing" or "points".
	Method string `json:"method"`
	// Criteria are the criteria's names when the weights were derived from
	// a [Problem]; nil otherwise.
	Criteria []string `json:"criteria,omitempty"`
	// Weights are non-negative and sum to 1, one per criterion, in the
	// order of the input.
	Weights []float64 `json:"weights"`
	// Basis is the per-criterion quantity the weights are proportional to,
	// as the method's documentation defines it (the degree of
	// diversification 1 − e_j for Entropy, the information C_j for CRITIC,
	// σ_j for StdDev, the removal effect E_j for MEREC, the points for
	// Swing and DirectPoints); nil for rank-based weights.
	Basis []float64 `json:"basis,omitempty"`
	// Notes records advisories, such as a criterion with no spread.
	Notes []Note `json:"notes,omitempty"`
}

// RankWeighting turns a ranking of the criteria (1 = most important) into
// weights by a fixed formula. The zero value is ROC. For n criteria, the
// criterion in position k (1 ≤ k ≤ n) gets
//
//	ROC             w_k = (1/n) Σ_{i=k..n} 1/i          (Barron & Barrett 1996)
//	RankSum         w_k = 2(n + 1 − k) / (n(n + 1))      (Stillwell, Seaver & Edwards 1981)
//	RankReciprocal  w_k = (1/k) / Σ_{i=1..n} 1/i         (Stillwell, Seaver & Edwards 1981)
//
// Barron & Barrett (1996, Management Science 42(11), 1515–1523) derive ROC
// as the centroid of the set of weights compatible with the ranking and
// find it the most accurate of the three; Stillwell, Seaver & Edwards
// (1981, Organizational Behavior and Human Performance 28(1), 62–77)
// define rank sum and rank reciprocal weights.
//
// # Ties
//
// Ranks are only compared, so 1, 2, 2, 3 and 1, 2, 2, 4 mean the same: the
// criteria sorted by rank occupy positions 1…n, and criteria that tie share
// equally the weights of the positions they occupy together. With n = 4 and
// ranks 1, 2, 2, 3, ROC gives w₁ = 0.5208, w₂ = w₃ = (0.2708 + 0.1458)/2 =
// 0.2083 and w₄ = 0.0625. Ties thus keep the sum at 1 and never reorder
// criteria that do not tie.
type RankWeighting int

const (
	// ROC is rank-order centroid weighting.
	ROC RankWeighting = iota
	// RankSum is rank-sum weighting.
	RankSum
	// RankReciprocal is rank-reciprocal weighting.
	RankReciprocal
)

var rankWeightingTokens = []string{"roc", "rank_sum", "rank_reciprocal"}

// String returns "roc", "rank_sum" or "rank_reciprocal".
func (r RankWeighting) String() string {
	return tokenString("RankWeighting", rankWeightingTokens, int(r))
}

// MarshalText returns the token of r; an invalid value is an error.
func (r RankWeighting) MarshalText() ([]byte, error) {
	return marshalToken("rank weighting", rankWeightingTokens, int(r))
}

// UnmarshalText parses "roc", "rank_sum" or "rank_reciprocal".
func (r *RankWeighting) UnmarshalText(b []byte) error {
	v, err := ParseRankWeighting(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// ParseRankWeighting parses "roc", "rank_sum" or "rank_reciprocal". Any
// other token is an error wrapping [ErrUnknownName].
func ParseRankWeighting(s string) (RankWeighting, error) {
	i, err := parseToken("rank weighting", rankWeightingTokens, s)
	return RankWeighting(i), err
}

// Weigh returns the weights for criteria with the given ranks (1 = most
// important; ties allowed, see [RankWeighting]). The caller's slice is not
// modified.
//
// The error, if any, is an [*InputError] on field "ranks" wrapping
// [ErrEmpty] (no ranks) or [ErrDomain] (a rank below 1), or on field
// "method" wrapping [ErrUnknownName] for an invalid r.
func (r RankWeighting) Weigh(ranks []int) (*Weighting, error) {
	if r < ROC || r > RankReciprocal {
		return nil, inputErr("method", -1, -1, "", ErrUnknownName, r.String())
	}
	n := len(ranks)
	if n == 0 {
		return nil, inputErr("ranks", -1, -1, "", ErrEmpty, "no ranks")
	}
	for j, k := range ranks {
		if k < 1 {
			return nil, inputErr("ranks", -1, j, "", ErrDomain, "rank "+strconv.Itoa(k)+" below 1")
		}
	}
	base := r.positionWeights(n)
	order := make([]int, n)
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return ranks[a] - ranks[b] })
	w := make([]float64, n)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && ranks[order[hi]] == ranks[order[lo]] {
			hi++
		}
		share := 0.0
		for k := lo; k < hi; k++ {
			share += base[k]
		}
		share /= float64(hi - lo)
		for k := lo; k < hi; k++ {
			w[order[k]] = share
		}
		lo = hi
	}
	return &Weighting{Method: r.String(), Weights: w}, nil
}

// positionWeights returns the weights of positions 1…n without ties.
func (r RankWeighting) positionWeights(n int) []float64 {
	w := make([]float64, n)
	fn := float64(n)
	switch r {
	case ROC:
		// Accumulate from the last position: w_k = w_{k+1} + 1/(n·k).
		acc := 0.0
		for k := n; k >= 1; k-- {
			acc += 1 / float64(k)
			w[k-1] = acc / fn
		}
	case RankSum:
		for k := 1; k <= n; k++ {
			w[k-1] = 2 * (fn + 1 - float64(k)) / (fn * (fn + 1))
		}
	case RankReciprocal:
		h := 0.0
		for k := n; k >= 1; k-- {
			h += 1 / float64(k)
		}
		for k := 1; k <= n; k++ {
			w[k-1] = 1 / float64(k) / h
		}
	}
	return w
}

// Swing returns SWING weights (von Winterfeldt & Edwards 1986, Decision
// Analysis and Behavioral Research, Cambridge University Press): the
// decision maker imagines every criterion at its worst level, gives 100
// points to the criterion whose swing from worst to best matters most, and
// rates every other swing from 0 to 100 relative to it. The weights are the
// points divided by their sum. Points must be finite, in [0, 100] and not
// all zero; the caller's slice is not modified.
//
// The error, if any, is an [*InputError] on field "points" wrapping
// [ErrEmpty], [ErrNotFinite], [ErrDomain] (outside [0, 100]) or
// [ErrWeights] (all zero).
func Swing(points []float64) (*Weighting, error) {
	for j, v := range points {
		if !math.IsNaN(v) && (v < 0 || v > 100) {
			return nil, inputErr("points", -1, j, "", ErrDomain,
				fmt.Sprintf("%g outside [0, 100]", v))
		}
	}
	w, err := pointWeights(points)
	if err != nil {
		return nil, err
	}
	w.Method = "swing"
	return w, nil
}

// DirectPoints returns weights from points allocated directly to the
// criteria (for example 100 points shared out, or a 1–10 rating per
// criterion): the points divided by their sum. Points must be finite,
// non-negative and not all zero; the caller's slice is not modified.
//
// The error, if any, is an [*InputError] on field "points" wrapping
// [ErrEmpty], [ErrNotFinite] or [ErrWeights].
func DirectPoints(points []float64) (*Weighting, error) {
	w, err := pointWeights(points)
	if err != nil {
		return nil, err
	}
	w.Method = "points"
	return w, nil
}

func pointWeights(points []float64) (*Weighting, error) {
	if len(points) == 0 {
		return nil, inputErr("points", -1, -1, "", ErrEmpty, "no points")
	}
	w, err := NormalizeWeights(points, len(points))
	if err != nil {
		if ie, ok := err.(*InputError); ok {
			ie.Path = "points"
		}
		return nil, err
	}
	return &Weighting{Weights: w, Basis: slices.Clone(points)}, nil
}
