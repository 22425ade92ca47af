// Package scoringtest checks that a [scoring.Method] has the properties
// every method must have, in the way package testing/slogtest checks a
// slog.Handler. It runs the built-in methods' own tests and can check a
// third party's method the same way.
package scoringtest

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/socialseat/socialseat/scoring"
)

// TestMethod runs m on a set of generated problems and returns the joined
// violations of these properties, or nil:
//
//   - every score is finite and the ranks are valid competition ranks;
//   - the result names the problem's alternatives and criteria and echoes
//     weights that sum to 1;
//   - the inputs (the weights slice) are left unchanged;
//   - a repeated call gives the same result;
//   - permuting the alternatives permutes the scores and ranks;
//   - an alternative that strictly dominates all others ranks first alone;
//   - identical alternatives tie.
//
// The problems are generated from a fixed seed, so the check is
// deterministic. Methods whose domain excludes some generated data (for
// example zero values) may return an error wrapping [scoring.ErrDomain]
// for that problem; such problems are skipped.
func TestMethod(m scoring.Method) error {
	var errs []error
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 40 {
		rows, crits, w := generate(rng, 2+k%7, 1+k%5)
		if err := checkProblem(m, rows, crits, w, rng); err != nil {
			errs = append(errs, fmt.Errorf("problem %d (%dx%d): %w", k, len(rows), len(crits), err))
		}
	}
	return errors.Join(errs...)
}

func generate(rng *rand.Rand, m, n int) ([][]float64, []scoring.Criterion, []float64) {
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			rows[i][j] = 1 + math.Round(rng.Float64()*90)/10
		}
	}
	crits := make([]scoring.Criterion, n)
	w := make([]float64, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: fmt.Sprintf("c%d", j), Direction: scoring.Benefit}
		if rng.IntN(3) == 0 {
			crits[j].Direction = scoring.Cost
		}
		w[j] = 0.1 + rng.Float64()
	}
	return rows, crits, w
}

func checkProblem(m scoring.Method, rows [][]float64, crits []scoring.Criterion, w []float64, rng *rand.Rand) error {
	p, err := scoring.NewProblem(nil, crits, rows)
	if err != nil {
		return fmt.Errorf("building the problem: %w", err)
	}
	wCopy := slices.Clone(w)
	res, err := m.Rank(p, w)
	if errors.Is(err, scoring.ErrDomain) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("rank: %w", err)
	}
	if !slices.Equal(w, wCopy) {
		return errors.New("rank modified the weights slice")
	}
	if err := checkResult(p, res); err != nil {
		return err
	}
	again, err := m.Rank(p, w)
	if err != nil || !sameBits(res.Scores, again.Scores) || !slices.Equal(res.Ranks, again.Ranks) {
		return fmt.Errorf("a repeated call gave a different result (err %v)", err)
	}
	if err := checkPermutation(m, p, rows, crits, w, res, rng); err != nil {
		return err
	}
	if err := checkDominance(m, rows, crits, w); err != nil {
		return err
	}
	return checkTwins(m, rows, crits, w)
}

func checkResult(p *scoring.Problem, res *scoring.Result) error {
	mAlt, n := p.Dims()
	if !slices.Equal(res.Alternatives, p.Alternatives()) || len(res.Criteria) != n {
		return errors.New("result does not name the problem's alternatives and criteria")
	}
	if len(res.Scores) != mAlt || len(res.Ranks) != mAlt {
		return fmt.Errorf("result has %d scores and %d ranks for %d alternatives", len(res.Scores), len(res.Ranks), mAlt)
	}
	for i, s := range res.Scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			return fmt.Errorf("score %d is %v", i, s)
		}
	}
	if res.Better != scoring.Higher && res.Better != scoring.Lower {
		return fmt.Errorf("result.Better = %v", res.Better)
	}
	sum := 0.0
	for _, x := range res.Weights {
		sum += x
	}
	if len(res.Weights) != n || math.Abs(sum-1) > 1e-12 {
		return fmt.Errorf("echoed weights %v do not sum to 1", res.Weights)
	}
	return checkRanks(res)
}

// checkRanks verifies competition ranking consistent with the scores.
func checkRanks(res *scoring.Result) error {
	for i := range res.Ranks {
		better := 0
		for k := range res.Ranks {
			if res.Ranks[k] < res.Ranks[i] {
				better++
			}
			if k != i && res.Ranks[k] < res.Ranks[i] && !isBetterOrEqual(res, k, i) {
				return fmt.Errorf("alternative %d ranks above %d with a worse score", k, i)
			}
		}
		if res.Ranks[i] != better+1 {
			return fmt.Errorf("rank %d of alternative %d is not a competition rank", res.Ranks[i], i)
		}
	}
	return nil
}

func isBetterOrEqual(res *scoring.Result, a, b int) bool {
	if res.Better == scoring.Lower {
		return res.Scores[a] <= res.Scores[b]
	}
	return res.Scores[a] >= res.Scores[b]
}

func checkPermutation(m scoring.Method, p *scoring.Problem, rows [][]float64, crits []scoring.Criterion, w []float64, res *scoring.Result, rng *rand.Rand) error {
	perm := rng.Perm(len(rows))
	prow := make([][]float64, len(rows))
	names := make([]string, len(rows))
	alts := p.Alternatives()
	for k, i := range perm {
		prow[k] = rows[i]
		names[k] = alts[i]
	}
	pp, err := scoring.NewProblem(names, crits, prow)
	if err != nil {
		return err
	}
	pres, err := m.Rank(pp, w)
	if err != nil {
		return fmt.Errorf("rank of the permuted problem: %w", err)
	}
	for k, i := range perm {
		if d := math.Abs(pres.Scores[k] - res.Scores[i]); d > 1e-9*math.Max(1, math.Abs(res.Scores[i])) {
			return fmt.Errorf("permuting the alternatives changed a score: %v vs %v", pres.Scores[k], res.Scores[i])
		}
		if pres.Ranks[k] != res.Ranks[i] {
			return fmt.Errorf("permuting the alternatives changed a rank")
		}
	}
	return nil
}

func checkDominance(m scoring.Method, rows [][]float64, crits []scoring.Criterion, w []float64) error {
	dom := make([]float64, len(crits))
	for j, c := range crits {
		best := rows[0][j]
		for _, r := range rows {
			if c.Direction == scoring.Benefit {
				best = math.Max(best, r[j])
			} else {
				best = math.Min(best, r[j])
			}
		}
		if c.Direction == scoring.Benefit {
			dom[j] = best + 1
		} else {
			dom[j] = best / 2
		}
	}
	p, err := scoring.NewProblem(nil, crits, append(slices.Clone(rows), dom))
	if err != nil {
		return err
	}
	res, err := m.Rank(p, w)
	if err != nil {
		return fmt.Errorf("rank with a dominating alternative: %w", err)
	}
	last := len(rows)
	if res.Ranks[last] != 1 {
		return fmt.Errorf("a dominating alternative ranked %d", res.Ranks[last])
	}
	for i := range last {
		if res.Ranks[i] == 1 {
			return fmt.Errorf("alternative %d ties with a dominating alternative", i)
		}
	}
	return nil
}

func checkTwins(m scoring.Method, rows [][]float64, crits []scoring.Criterion, w []float64) error {
	p, err := scoring.NewProblem(nil, crits, append(slices.Clone(rows), rows[0]))
	if err != nil {
		return err
	}
	res, err := m.Rank(p, w)
	if err != nil {
		return fmt.Errorf("rank with a duplicated alternative: %w", err)
	}
	if res.Ranks[0] != res.Ranks[len(rows)] {
		return fmt.Errorf("identical alternatives ranked %d and %d", res.Ranks[0], res.Ranks[len(rows)])
	}
	return nil
}

func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}
