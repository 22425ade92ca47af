package scoring

import (
	"fmt"
	"math"
	"strconv"
)

// NormalizeWeights validates weights for a problem with n criteria and
// returns a fresh copy scaled to sum to 1. The weights must have length n,
// be finite and non-negative, and not all be zero; otherwise the error is an
// [*InputError] on field "weights" wrapping [ErrLength], [ErrNotFinite] or
// [ErrWeights]. The caller's slice is not modified.
func NormalizeWeights(weights []float64, n int) ([]float64, error) {
	if len(weights) != n {
		return nil, inputErr("weights", -1, -1, "", ErrLength,
			fmt.Sprintf("%d weights for %d criteria", len(weights), n))
	}
	big := 0.0
	for j, w := range weights {
		switch {
		case math.IsNaN(w) || math.IsInf(w, 0):
			return nil, inputErr("weights", -1, j, "", ErrNotFinite, strconv.FormatFloat(w, 'g', -1, 64))
		case w < 0:
			return nil, inputErr("weights", -1, j, "", ErrWeights, "negative weight "+strconv.FormatFloat(w, 'g', -1, 64))
		}
		big = math.Max(big, w)
	}
	if big == 0 {
		return nil, inputErr("weights", -1, -1, "", ErrWeights, "all weights are zero")
	}
	// Scale by the largest weight first so that the sum cannot overflow.
	out := make([]float64, n)
	sum := 0.0
	for j, w := range weights {
		out[j] = w / big
		sum += out[j]
	}
	for j := range out {
		out[j] /= sum
	}
	return out, nil
}

// EqualWeights returns n weights of 1/n each. It returns nil for n ≤ 0.
func EqualWeights(n int) []float64 {
	if n <= 0 {
		return nil
	}
	w := make([]float64, n)
	for j := range w {
		w[j] = 1 / float64(n)
	}
	return w
}

// prepareWeights checks p and weights together and returns the normalised
// weights.
func prepareWeights(p *Problem, weights []float64) ([]float64, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	w, err := NormalizeWeights(weights, p.n)
	if err != nil {
		if ie, ok := err.(*InputError); ok && ie.Col >= 0 {
			ie.Name = p.crits[ie.Col].Name
		}
		return nil, err
	}
	return w, nil
}
