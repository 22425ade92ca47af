package scoring

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// ImpreciseCriterion is a criterion of an [ImpreciseProblem].
type ImpreciseCriterion struct {
	Criterion
	// Ordinal marks a criterion known only by ranks: its values are
	// levels whose order alone counts (a larger level is better for a
	// benefit, worse for a cost). Each draw maps the levels to cardinal
	// values as SMAA-O does (Lahdelma, Miettinen & Salminen 2003, EJOR
	// 147(1):117–127): the worst level to 0, the best to 1, and the levels
	// between to sorted uniform draws in between.
	Ordinal bool `json:"ordinal,omitempty"`
	// Range, if not nil, is the [low, high] range a missing value of this
	// criterion is drawn from; nil means the range of its observed
	// values.
	Range *[2]float64 `json:"range,omitempty"`
}

// ImpreciseProblem is a decision problem whose performances may be
// intervals, missing or ordinal. Low[i][j] ≤ High[i][j] bound cell (i, j)
// (equal bounds give an exact value); Missing[i][j], if Missing is not
// nil, marks a cell with no value, whose bounds are ignored.
type ImpreciseProblem struct {
	// Alternatives names the rows; nil means "A1" … "Am", as for
	// [NewProblem].
	Alternatives []string `json:"alternatives,omitempty"`
	// Criteria describes the columns, one per column, in order.
	Criteria []ImpreciseCriterion `json:"criteria"`
	// Low[i][j] is cell (i, j)'s finite lower bound, in the criterion's
	// units: one row per alternative, one value per criterion.
	Low [][]float64 `json:"low"`
	// High[i][j] is cell (i, j)'s finite upper bound, the same shape as
	// Low, with Low[i][j] ≤ High[i][j]; an ordinal criterion's bounds
	// must be equal.
	High [][]float64 `json:"high"`
	// Missing[i][j], when true, marks cell (i, j) as having no value; its
	// bounds are then ignored. nil means no cell is missing; otherwise it
	// has the same shape as Low.
	Missing [][]bool `json:"missing,omitempty"`
}

// ImpreciseSMAA runs [SMAA] on an [ImpreciseProblem]: it draws ValueDraws
// concrete matrices (interval values uniformly within their bounds,
// missing values uniformly within the criterion's range, ordinal levels
// mapped to cardinal values as SMAA-O does) and, for each, runs SMAA with
// Samples/ValueDraws weight samples; the rank acceptabilities and the
// holistic acceptabilities are the averages over the draws, the central
// weights the mean weight vector over every sample that ranked the
// alternative first. Confidence factors are not computed (their
// definition fixes the weights at the central weights and varies the
// values; use SMAA with [ValueUncertainty] for that).
//
// A Progress function, if set, sees one count over all the draws: done
// runs from 0 to the total number of samples.
//
// Value draw d uses rand.NewPCG(Seed, 1<<62 + d) and its SMAA run the seed
// Seed + d, so the same seed gives the same result for any number of
// workers.
type ImpreciseSMAA struct {
	// SMAA holds the method, the total number of weight samples, the seed,
	// the weight distribution and the other options; its Values must be
	// the zero value (the imprecision is described by the problem).
	SMAA
	// ValueDraws is the number of concrete matrices drawn; 0 means 100.
	// Samples is divided evenly between them (at least one each).
	ValueDraws int `json:"value_draws"`
}

// Run draws the values and runs SMAA on each draw. Errors: a malformed
// problem (ragged or mismatched bounds, NaN, a lower bound above the upper
// one, a missing value in a criterion with no observed value and no
// Range, an ordinal criterion with a missing value) wraps [ErrEmpty],
// [ErrRagged], [ErrLength], [ErrNotFinite] or [ErrParam], as an
// [*InputError] naming the field ("low", "high", "missing", "criteria")
// and cell; errors of SMAA or of the method on a drawn matrix (such as
// [ErrDomain] when the sum normalisation meets a drawn negative value)
// are returned as they are, with the draw that caused them.
func (s ImpreciseSMAA) Run(ctx context.Context, ip *ImpreciseProblem) (*SMAAResult, error) {
	if s.Values.Fraction != 0 || s.Values.Fractions != nil {
		return nil, inputErr("values", -1, -1, "", ErrParam, "describe imprecise values in the problem, not as value noise")
	}
	draws := s.ValueDraws
	if draws == 0 {
		draws = 100
	}
	if draws < 0 {
		return nil, inputErr("value_draws", -1, -1, "", ErrParam, fmt.Sprintf("%d, want ≥ 0", draws))
	}
	total := s.Samples
	if total == 0 {
		total = defaultSMAASamples
	}
	if total < 0 {
		return nil, inputErr("samples", -1, -1, "", ErrParam, fmt.Sprintf("%d, want ≥ 0", total))
	}
	draws = min(draws, total)
	sampler, err := newCellSampler(ip)
	if err != nil {
		return nil, err
	}
	crits := make([]Criterion, len(ip.Criteria))
	for j, c := range ip.Criteria {
		crits[j] = c.Criterion
		if c.Ordinal {
			crits[j].Direction = Benefit // levels are mapped best = 1
		}
	}
	var out *SMAAResult
	var firstCount []float64
	var cwSum [][]float64
	samplesDone := 0
	for d := range draws {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rows := sampler.draw(rand.New(rand.NewPCG(s.Seed, 1<<62+uint64(d))))
		p, err := NewProblem(ip.Alternatives, crits, rows)
		if err != nil {
			return nil, fmt.Errorf("value draw %d: %w", d, err)
		}
		run := s.SMAA
		run.Seed = s.Seed + uint64(d)
		run.Samples = total / draws
		if d < total%draws {
			run.Samples++
		}
		if s.Progress != nil {
			// One bar for the whole analysis: this draw's evaluations
			// count after those of the draws before it.
			base, all := samplesDone, total
			run.Progress = func(done, _ int) { s.Progress(min(base+done, all), all) }
		}
		res, err := run.Run(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("value draw %d: %w", d, err)
		}
		k := float64(run.Samples)
		if out == nil {
			out = res
			out.Confidence = nil
			firstCount = make([]float64, len(res.Alternatives))
			cwSum = make([][]float64, len(res.Alternatives))
			for i := range cwSum {
				cwSum[i] = make([]float64, len(res.Criteria))
			}
			for i := range out.RankAcceptability {
				for r := range out.RankAcceptability[i] {
					out.RankAcceptability[i][r] *= k
				}
				out.Holistic[i] *= k
			}
		} else {
			for i := range out.RankAcceptability {
				for r := range out.RankAcceptability[i] {
					out.RankAcceptability[i][r] += k * res.RankAcceptability[i][r]
				}
				out.Holistic[i] += k * res.Holistic[i]
			}
		}
		for i, cw := range res.CentralWeights {
			c := k * res.RankAcceptability[i][0]
			firstCount[i] += c
			for j, x := range cw {
				cwSum[i][j] += c * x
			}
		}
		samplesDone += run.Samples
	}
	kt := float64(samplesDone)
	for i := range out.RankAcceptability {
		for r := range out.RankAcceptability[i] {
			out.RankAcceptability[i][r] /= kt
		}
		out.Holistic[i] /= kt
		for j := range cwSum[i] {
			if firstCount[i] > 0 {
				cwSum[i][j] /= firstCount[i]
			}
		}
	}
	out.CentralWeights = cwSum
	out.Samples, out.Seed = samplesDone, s.Seed
	return out, nil
}

// cellSampler is a validated [ImpreciseProblem] ready to draw matrices.
type cellSampler struct {
	m, n    int
	low, hi []float64 // row-major bounds, the criterion's range for missing cells
	ordinal []bool
	levels  [][]float64 // per ordinal criterion, its distinct levels, worst first
}

func newCellSampler(ip *ImpreciseProblem) (*cellSampler, error) {
	if ip == nil || len(ip.Low) == 0 {
		return nil, inputErr("low", -1, -1, "", ErrEmpty, "no alternatives")
	}
	m, n := len(ip.Low), len(ip.Criteria)
	if n == 0 {
		return nil, inputErr("criteria", -1, -1, "", ErrEmpty, "no criteria")
	}
	if len(ip.High) != m {
		return nil, inputErr("high", -1, -1, "", ErrLength, fmt.Sprintf("%d rows of upper bounds for %d of lower bounds", len(ip.High), m))
	}
	if ip.Missing != nil && len(ip.Missing) != m {
		return nil, inputErr("missing", -1, -1, "", ErrLength, fmt.Sprintf("%d rows for %d alternatives", len(ip.Missing), m))
	}
	s := &cellSampler{m: m, n: n, low: make([]float64, m*n), hi: make([]float64, m*n),
		ordinal: make([]bool, n), levels: make([][]float64, n)}
	missing := func(i, j int) bool { return ip.Missing != nil && ip.Missing[i][j] }
	for i := range m {
		if len(ip.Low[i]) != n || len(ip.High[i]) != n || (ip.Missing != nil && len(ip.Missing[i]) != n) {
			return nil, inputErr("low", i, -1, "", ErrRagged, fmt.Sprintf("row needs %d values (one per criterion) in low, high and missing", n))
		}
	}
	for j, c := range ip.Criteria {
		name := c.Name
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range m {
			if missing(i, j) {
				if c.Ordinal {
					return nil, inputErr("missing", i, j, name, ErrParam, "an ordinal criterion cannot have a missing value")
				}
				continue
			}
			a, b := ip.Low[i][j], ip.High[i][j]
			if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
				return nil, inputErr("low", i, j, name, ErrNotFinite, fmt.Sprintf("[%v, %v]", a, b))
			}
			if a > b {
				return nil, inputErr("low", i, j, name, ErrParam, fmt.Sprintf("lower bound %v above upper bound %v", a, b))
			}
			if c.Ordinal && a != b {
				return nil, inputErr("high", i, j, name, ErrParam, "an ordinal level must be exact")
			}
			s.low[i*n+j], s.hi[i*n+j] = a, b
			lo, hi = math.Min(lo, a), math.Max(hi, b)
		}
		if c.Range != nil {
			lo, hi = c.Range[0], c.Range[1]
			if math.IsNaN(lo) || math.IsInf(lo, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) || lo > hi {
				return nil, inputErr("criteria", -1, j, name, ErrParam, fmt.Sprintf("range [%v, %v]", lo, hi))
			}
		}
		for i := range m {
			if missing(i, j) {
				if lo > hi {
					return nil, inputErr("missing", i, j, name, ErrParam, "no observed value and no range to draw a missing value from")
				}
				s.low[i*n+j], s.hi[i*n+j] = lo, hi
			}
		}
		if c.Ordinal {
			s.ordinal[j] = true
			lv := make([]float64, 0, m)
			for i := range m {
				lv = append(lv, s.low[i*n+j])
			}
			slices.Sort(lv)
			lv = slices.Compact(lv)
			if c.Direction == Cost {
				slices.Reverse(lv)
			}
			s.levels[j] = lv
		}
	}
	return s, nil
}

// draw returns one concrete matrix.
func (s *cellSampler) draw(r *rand.Rand) [][]float64 {
	rows := make([][]float64, s.m)
	flat := make([]float64, s.m*s.n)
	for i := range rows {
		rows[i] = flat[i*s.n : (i+1)*s.n]
	}
	for j := range s.n {
		if s.ordinal[j] {
			lv := s.levels[j]
			k := len(lv)
			vals := make([]float64, k)
			if k > 1 {
				vals[k-1] = 1
				for t := 1; t < k-1; t++ {
					vals[t] = r.Float64()
				}
				slices.Sort(vals[1 : k-1])
			}
			for i := range s.m {
				x := s.low[i*s.n+j]
				for t, l := range lv {
					if l == x {
						rows[i][j] = vals[t]
						break
					}
				}
			}
			continue
		}
		for i := range s.m {
			a, b := s.low[i*s.n+j], s.hi[i*s.n+j]
			switch u := 0.0; {
			case a == b:
				rows[i][j] = a
			case math.IsInf(b-a, 0):
				// The width of an interval such as [-1e308, 1e308]
				// overflows; a and b have opposite signs there, so the
				// weighted mean of the bounds cannot.
				u = r.Float64()
				rows[i][j] = a*(1-u) + b*u
			default:
				rows[i][j] = a + (b-a)*r.Float64()
			}
		}
	}
	return rows
}
