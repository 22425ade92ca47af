package scoring

import (
	"context"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// Sensitivity is one-at-a-time weight sensitivity analysis. For each
// criterion j it moves w_j from 0 to 1 while the other weights keep their
// proportions, so that with base weights w⁰,
//
//	w_j(t) = t,   w_k(t) = w⁰_k · (1 − t)/(1 − w⁰_j)   (k ≠ j)
//
// (if w⁰_j = 1 the others share 1 − t equally). Along this path it
// records every alternative's score, the smallest change of w_j that
// changes the top alternative, and for every pair of alternatives the
// weight at which their order reverses.
//
// For the additive methods, [WeightedSum], [PROMETHEEII] (whose net flow
// is Σ_j w_j φ_j), [MOORA] and [SPOTIS], every score is linear in t along
// the path, so the thresholds are exact: two alternatives with scores t·a + (1 − t)·b tie
// at t* = Δb/(Δb − Δa). For the other methods, and for methods outside the
// package, the path is scanned on a grid of Steps intervals and each change
// is located by bisection to 1e-12; two changes closer together than a
// grid step can then be missed, so raise Steps for a finer scan.
//
// The zero Sensitivity analyses the weighted sum on a grid of 100 steps.
type Sensitivity struct {
	// Method ranks the alternatives; nil means WeightedSum{}.
	Method Method `json:"-"`
	// Steps is the number of grid intervals on [0, 1] for the recorded
	// scores and the numerical scan; 0 means 100. At most
	// MaxSensitivitySteps (100000; the result holds m·n·(Steps+1) scores).
	Steps int `json:"steps"`
	// MaxMemory bounds the estimated memory of the analysis in bytes; 0
	// means DefaultMaxMemory (1 GiB). The estimate, checked before
	// anything large is allocated, is
	//
	//	8·m·n·(Steps+1) + 8·m·(Steps+1) + 8·m·n + 48·m
	//
	// (the recorded scores, the numerical scan's grid, the method's
	// normalised matrix, working vectors), and Run returns a
	// [*MemoryError] when it exceeds the bound. The reversals, at most
	// m(m−1)/2 per criterion and usually far fewer, count against the
	// rest of the bound as they are found, 32 bytes each: the reversal
	// that would pass it ends the run with a [*MemoryError] instead.
	MaxMemory int64 `json:"-"`
	// Progress, if not nil, is told how much of the analysis is done,
	// under the package's progress contract (see the package
	// documentation): it is called from the goroutine that called Run,
	// never concurrently, with done never decreasing; on success the last
	// call has done == total. The units are grid points and pairs of
	// alternatives: total = n·(Steps+1) + n·m(m−1)/2 (without the pairs
	// when n = 1). It is called every few thousand units and at the end
	// of each criterion. It must return quickly. To stop early, cancel
	// the context.
	Progress func(done, total int) `json:"-"`
}

// SensitivityResult is the outcome of [Sensitivity.Run]: plain data
// indexed by the problem's order of alternatives and criteria.
type SensitivityResult struct {
	// Method is the method's text token.
	Method string `json:"method"`
	// Alternatives are the alternatives' names, shared read-only with the
	// problem as in [Result].
	Alternatives []string `json:"alternatives"`
	// Criteria are the criteria's names, shared in the same way.
	Criteria []string `json:"criteria"`
	// Weights are the base weights, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// Better says whether a higher or a lower score is better.
	Better Better `json:"better"`
	// Exact is true when the thresholds are closed-form (additive
	// methods) and false when they were found numerically.
	Exact bool `json:"exact"`
	// Steps is the number of grid intervals used.
	Steps int `json:"steps"`
	// Sweeps holds one sweep per criterion, in the problem's order.
	Sweeps []WeightSweep `json:"sweeps"`
}

// WeightSweep is the sensitivity of the ranking to one criterion's weight.
type WeightSweep struct {
	// Criterion is the criterion's name.
	Criterion string `json:"criterion"`
	// Weight is the criterion's base weight.
	Weight float64 `json:"weight"`
	// Grid holds the weights of the criterion at which Scores are
	// recorded: k/Steps for k = 0 … Steps.
	Grid []float64 `json:"grid"`
	// Scores[i][k] is alternative i's score when the criterion's weight
	// is Grid[k] and the other weights are rescaled in proportion.
	Scores [][]float64 `json:"scores"`
	// Top is the smallest change of this weight that changes the top
	// alternative.
	Top TopChange `json:"top"`
	// Reversals lists, for each pair of alternatives whose order reverses
	// somewhere in [0, 1], the reversal nearest the base weight, sorted by
	// the size of the change (then by A and B).
	Reversals []Reversal `json:"reversals"`
}

// TopChange is the smallest change of a weight that changes which
// alternative is best ([Result].Best).
type TopChange struct {
	// Found is false when the same alternative is best for every weight
	// in [0, 1]; the other fields are then zero, except From.
	Found bool `json:"found"`
	// Weight is the criterion weight at which From stops being best (it
	// ties with To there).
	Weight float64 `json:"weight"`
	// Change is Weight minus the base weight: negative when the weight
	// must fall.
	Change float64 `json:"change"`
	// From is the index of the best alternative at the base weights.
	From int `json:"from"`
	// To is the index of the best alternative just beyond Weight.
	To int `json:"to"`
}

// Reversal is the weight at which two alternatives swap places.
type Reversal struct {
	// A is the index of the alternative ranked higher at the base
	// weights (the lower index if they tie there).
	A int `json:"a"`
	// B is the index of the other alternative.
	B int `json:"b"`
	// Weight is the criterion weight at which A and B tie; beyond it B is
	// ahead. It equals the base weight when they tie at the base.
	Weight float64 `json:"weight"`
	// Change is Weight minus the base weight.
	Change float64 `json:"change"`
}

// MostSensitive returns the index of the criterion whose weight needs the
// smallest change to change the top alternative, and false if no single
// weight can change it.
func (r *SensitivityResult) MostSensitive() (int, bool) {
	best, ok := -1, false
	for j, s := range r.Sweeps {
		if s.Top.Found && (!ok || math.Abs(s.Top.Change) < math.Abs(r.Sweeps[best].Top.Change)) {
			best, ok = j, true
		}
	}
	return best, ok
}

// MaxSensitivitySteps is the largest [Sensitivity].Steps.
const MaxSensitivitySteps = 100_000

const (
	defaultSensitivitySteps = 100
	// bisectionTol is the width below which bisection stops.
	bisectionTol = 1e-12
)

// pacer checks the context and reports progress for a long computation on
// one goroutine. Work is charged in matrix cells (or comparable units):
// every pacerQuantum cells it checks the context and reports progress, so
// a cancelled computation stops within about a millisecond of work.
type pacer struct {
	ctx         context.Context
	op          string // the analysis, for the error message
	progress    func(done, total int)
	done, total int
	reported    int // the done of the last report; −1 before the first
	budget      int // cells left before the next check
}

const pacerQuantum = 1 << 16

func newPacer(ctx context.Context, op string, progress func(done, total int), total int) *pacer {
	return &pacer{ctx: ctx, op: op, progress: progress, total: total, reported: -1, budget: pacerQuantum}
}

// spend charges cells of work; every pacerQuantum cells it checks the
// context, returning its error wrapped, and reports progress.
func (pc *pacer) spend(cells int) error {
	pc.budget -= cells
	if pc.budget > 0 {
		return nil
	}
	pc.budget = pacerQuantum
	if err := pc.ctx.Err(); err != nil {
		return fmt.Errorf("scoring: %s: %w", pc.op, err)
	}
	pc.report()
	return nil
}

// advance records units of progress, without reporting them.
func (pc *pacer) advance(units int) { pc.done = min(pc.done+units, pc.total) }

// report calls the progress function if done has changed since the last
// call.
func (pc *pacer) report() {
	if pc.progress != nil && pc.done != pc.reported {
		pc.reported = pc.done
		pc.progress(pc.done, pc.total)
	}
}

// sweepEval scores the problem along the path of one criterion.
type sweepEval struct {
	pace    *pacer
	p       *Problem
	method  Method
	kern    kernel
	scratch []float64
	base    []float64 // base weights
	j       int
	w       []float64 // weights at t (scratch)
	scores  []float64 // oriented scores at t (larger is better)
	sign    float64
	// room is how many more reversals fit the memory bound, kept how
	// many were recorded; est and bound are the estimate without them
	// and the bound, for the MemoryError.
	room, kept int
	est, bound int64
}

// reversalBytes is the memory of one recorded reversal.
const reversalBytes = int64(unsafe.Sizeof(Reversal{}))

// reversal records r in sw, or returns the MemoryError of a run whose
// reversals pass the memory bound.
func (e *sweepEval) reversal(sw *WeightSweep, r Reversal) error {
	if e.room <= 0 {
		return &MemoryError{Analysis: "sensitivity", Estimate: e.est + int64(e.kept+1)*reversalBytes, Limit: e.bound, Option: "MaxMemory",
			Hint: fmt.Sprintf("over %d pairs of alternatives swap order as the weights move (the last ones at %q): analyse fewer alternatives or raise the bound", e.kept, sw.Criterion)}
	}
	e.room--
	e.kept++
	sw.Reversals = append(sw.Reversals, r)
	return nil
}

// weightsAt fills e.w with the weights at w_j = t.
func (e *sweepEval) weightsAt(t float64) {
	n := len(e.base)
	if n == 1 {
		e.w[0] = 1
		return
	}
	t0 := e.base[e.j]
	for k, b := range e.base {
		switch {
		case k == e.j:
			e.w[k] = t
		case t0 < 1:
			e.w[k] = b * (1 - t) / (1 - t0)
		default:
			e.w[k] = (1 - t) / float64(n-1)
		}
	}
}

// at leaves the oriented scores at w_j = t in e.scores.
func (e *sweepEval) at(t float64) error {
	if err := e.pace.spend(e.p.m * e.p.n); err != nil {
		return err
	}
	e.weightsAt(t)
	if e.kern != nil {
		e.kern.score(e.scores, e.w, e.scratch)
	} else {
		res, err := e.method.Rank(e.p, e.w)
		if err != nil {
			return err
		}
		if len(res.Scores) != len(e.scores) {
			return inputErr("method", -1, -1, "", ErrLength,
				fmt.Sprintf("the method returned %d scores for %d alternatives", len(res.Scores), len(e.scores)))
		}
		copy(e.scores, res.Scores)
	}
	for i := range e.scores {
		e.scores[i] *= e.sign
	}
	return nil
}

// bestOf returns the first index whose oriented score is within the tie
// tolerance of the largest, as [Result].Best does.
func bestOf(keys []float64) int {
	hi, big := keys[0], 0.0
	for _, k := range keys {
		hi = math.Max(hi, k)
		big = math.Max(big, math.Abs(k))
	}
	tol := tieTolerance * big
	for i, k := range keys {
		if hi-k <= tol {
			return i
		}
	}
	return 0
}

// ahead reports whether a is strictly ahead of b in the oriented scores,
// beyond the tie tolerance.
func ahead(keys []float64, a, b int) bool { return aheadVal(keys[a], keys[b]) }

// aheadVal reports whether the oriented score x beats y beyond the tie
// tolerance.
func aheadVal(x, y float64) bool {
	return x-y > tieTolerance*math.Max(math.Abs(x), math.Abs(y))
}

// Run analyses p under the base weights (one per criterion, non-negative,
// not all zero; a normalised copy is used). The error, if any, wraps
// [ErrParam] (negative or too large Steps), an error of
// [NormalizeWeights], an error of the method on p, or the context's error.
// The context is checked about every 2^16 matrix cells of work, so a
// cancelled analysis stops promptly even inside a criterion's scan.
func (s Sensitivity) Run(ctx context.Context, p *Problem, weights []float64) (*SensitivityResult, error) {
	if s.Steps < 0 || s.Steps > MaxSensitivitySteps {
		return nil, inputErr("steps", -1, -1, "", ErrParam, fmt.Sprintf("%d, want 0 ≤ steps ≤ %d", s.Steps, MaxSensitivitySteps))
	}
	bound, err := memBound(s.MaxMemory)
	if err != nil {
		return nil, err
	}
	w0, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	method := s.Method
	if method == nil {
		method = WeightedSum{}
	}
	steps := s.Steps
	if steps == 0 {
		steps = defaultSensitivitySteps
	}
	m, n := p.m, p.n
	if est := sensitivityMemory(m, n, steps); est > bound {
		e := &MemoryError{Analysis: "sensitivity", Estimate: est, Limit: bound, Option: "Steps"}
		if fit := sensitivityStepsWithin(m, n, bound); fit > 0 {
			e.Hint = fmt.Sprintf(`use fewer grid steps ("steps"): at most %d fit`, fit)
		} else {
			e.Hint = "the problem is too large for the bound even with one step"
		}
		return nil, e
	}
	probe, err := method.Rank(p, w0)
	if err != nil {
		return nil, err
	}
	if probe.Better != Higher && probe.Better != Lower {
		return nil, inputErr("method", -1, -1, "", ErrParam, "the method's result says neither higher nor lower is better")
	}
	if len(probe.Scores) != m {
		return nil, inputErr("method", -1, -1, "", ErrLength,
			fmt.Sprintf("the method returned %d scores for %d alternatives", len(probe.Scores), m))
	}
	perCrit := steps + 1
	if n > 1 {
		perCrit += m * (m - 1) / 2
	}
	pace := newPacer(ctx, "sensitivity", s.Progress, n*perCrit)
	est := sensitivityMemory(m, n, steps)
	e := &sweepEval{pace: pace, p: p, method: method, base: w0, w: make([]float64, n), scores: make([]float64, m), sign: 1,
		room: int(min((bound-est)/reversalBytes, math.MaxInt32)), est: est, bound: bound}
	if probe.Better == Lower {
		e.sign = -1
	}
	var lin *linearKernel
	if prep, ok := method.(preparer); ok {
		if e.kern, err = prep.prepare(p); err != nil {
			return nil, err
		}
		e.scratch = make([]float64, e.kern.scratchLen())
		switch lk := e.kern.(type) {
		case linearKernel:
			lin = &lk
		case linearKernelLower:
			lin = &lk.linearKernel
		}
	}
	res := &SensitivityResult{
		Method:       probe.Method,
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w0,
		Better:       probe.Better,
		Exact:        lin != nil,
		Steps:        steps,
		Sweeps:       make([]WeightSweep, n),
	}
	grid := make([]float64, steps+1)
	for k := range grid {
		grid[k] = float64(k) / float64(steps)
	}
	for j := range n {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scoring: sensitivity: %w", err)
		}
		start := pace.done
		e.j = j
		sw := &res.Sweeps[j]
		sw.Criterion = p.crits[j].Name
		sw.Weight = w0[j]
		sw.Grid = slices.Clone(grid)
		flat := make([]float64, m*len(grid))
		for k, t := range grid {
			if err := e.at(t); err != nil {
				return nil, err
			}
			for i, v := range e.scores {
				flat[i*len(grid)+k] = v * e.sign
			}
			pace.advance(1)
		}
		sw.Scores = rowsOf(flat, m, len(grid))
		if n == 1 {
			// The only weight is always 1: nothing can change.
			if err := e.at(1); err != nil {
				return nil, err
			}
			sw.Top = TopChange{From: bestOf(e.scores)}
			pace.report()
			continue
		}
		if lin != nil {
			if err := e.exactSweep(sw, lin); err != nil {
				return nil, err
			}
		} else if err := e.numericSweep(sw, grid); err != nil {
			return nil, err
		}
		// Every unit of the criterion is done, whatever the sweep counted.
		pace.done = start + perCrit
		pace.report()
		slices.SortStableFunc(sw.Reversals, func(x, y Reversal) int {
			if c := cmpFloat(math.Abs(x.Change), math.Abs(y.Change)); c != 0 {
				return c
			}
			if x.A != y.A {
				return x.A - y.A
			}
			return x.B - y.B
		})
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("scoring: sensitivity: %w", err)
	}
	return res, nil
}

// sensitivityMemory estimates the bytes of a sensitivity analysis without
// its reversals (see Sensitivity.MaxMemory).
func sensitivityMemory(m, n, steps int) int64 {
	fm, fn, g := float64(m), float64(n), float64(steps+1)
	return bytesOf(8*fm*fn*g + 8*fm*g + 8*fm*fn + 48*fm)
}

// sensitivityStepsWithin returns the largest number of steps whose
// estimate fits the bound, or 0 if not even one does.
func sensitivityStepsWithin(m, n int, bound int64) int {
	fm, fn := float64(m), float64(n)
	g := (float64(bound) - 8*fm*fn - 48*fm) / (8*fm*fn + 8*fm)
	return int(min(math.Max(g-1, 0), MaxSensitivitySteps))
}

// exactSweep finds the thresholds of one criterion in closed form: along
// the path every score of a linear kernel is t·a_i + (1 − t)·b_i.
func (e *sweepEval) exactSweep(sw *WeightSweep, lk *linearKernel) error {
	m, n, j := len(e.scores), lk.n, e.j
	e.weightsAt(0)
	a, b := make([]float64, m), make([]float64, m)
	for i := range m {
		row := lk.r[i*n : (i+1)*n]
		a[i] = row[j]
		for k, x := range row {
			if k != j {
				b[i] += e.w[k] * x
			}
		}
		a[i], b[i] = e.sign*a[i], e.sign*b[i] // oriented: larger is better
	}
	t0 := e.base[j]
	line := func(i int, t float64) float64 { return t*a[i] + (1-t)*b[i] }
	// cross returns where line x, ahead at the base, meets line y, and
	// whether y then gets strictly ahead (beyond the tie tolerance) within
	// [0, 1]: a tie at an end of the interval is not a reversal.
	cross := func(x, y int) (float64, bool) {
		da, db := a[x]-a[y], b[x]-b[y]
		if da == db {
			return 0, false
		}
		t := db / (db - da)
		if !(t >= 0 && t <= 1) {
			return 0, false
		}
		end := 0.0
		if t > t0 || (t == t0 && a[y]-b[y] > a[x]-b[x]) {
			end = 1
		}
		return t, aheadVal(line(y, end), line(x, end))
	}
	keys := make([]float64, m)
	for i := range m {
		keys[i] = line(i, t0)
	}
	// Pairwise reversals.
	for x := range m {
		if err := e.pace.spend(m - x); err != nil {
			return err
		}
		e.pace.advance(m - 1 - x)
		for y := x + 1; y < m; y++ {
			hi, lo := x, y
			if ahead(keys, y, x) {
				hi, lo = y, x
			}
			if !ahead(keys, hi, lo) {
				// Tied at the base: a reversal of size 0 unless the two
				// lines coincide.
				if a[x] != a[y] || b[x] != b[y] {
					if err := e.reversal(sw, Reversal{A: x, B: y, Weight: t0}); err != nil {
						return err
					}
				}
				continue
			}
			if t, ok := cross(hi, lo); ok {
				if err := e.reversal(sw, Reversal{A: hi, B: lo, Weight: t, Change: t - t0}); err != nil {
					return err
				}
			}
		}
	}
	// Top change: the nearest crossing of the top line with another, in
	// each direction; the new top is the line that is highest just beyond.
	top := bestOf(keys)
	sw.Top = TopChange{From: top}
	slope := func(i int) float64 { return a[i] - b[i] }
	bestDist := math.Inf(1)
	for i := range m {
		if i == top {
			continue
		}
		t, ok := cross(top, i)
		if !ok {
			continue // parallel lines never meet; identical ones never separate
		}
		up := slope(i) > slope(top) // i overtakes going up
		if (up && t < t0) || (!up && t > t0) {
			continue
		}
		d := math.Abs(t - t0)
		replace := d < bestDist
		if d == bestDist && sw.Top.Found {
			// Several lines cross the top line at the same point: the new
			// top is the steepest in the direction of travel.
			s, cur := slope(i), slope(sw.Top.To)
			replace = (up && s > cur) || (!up && s < cur)
		}
		if replace {
			bestDist = d
			sw.Top = TopChange{Found: true, Weight: t, Change: t - t0, From: top, To: i}
		}
	}
	return nil
}

// numericSweep scans the grid outwards from the base weight in both
// directions and locates each change by bisection.
func (e *sweepEval) numericSweep(sw *WeightSweep, grid []float64) error {
	m := len(e.scores)
	t0 := e.base[e.j]
	if err := e.at(t0); err != nil {
		return err
	}
	baseKeys := slices.Clone(e.scores)
	top := bestOf(baseKeys)
	// Grid scores, oriented.
	keys := make([][]float64, len(grid))
	for k, t := range grid {
		if err := e.at(t); err != nil {
			return err
		}
		keys[k] = slices.Clone(e.scores)
	}
	// up lists grid indices above t0 in increasing order; down those below
	// in decreasing order.
	var up, down []int
	for k, t := range grid {
		if t > t0 {
			up = append(up, k)
		}
	}
	for k := len(grid) - 1; k >= 0; k-- {
		if grid[k] < t0 {
			down = append(down, k)
		}
	}
	// search returns the first point along dir where hold stops being
	// true, refined by bisection, and whether there is one.
	search := func(dir []int, hold func(keys []float64) bool) (float64, bool, error) {
		prev := t0
		for _, k := range dir {
			if hold(keys[k]) {
				prev = grid[k]
				continue
			}
			in, out := prev, grid[k]
			for range 200 {
				if math.Abs(out-in) <= bisectionTol {
					break
				}
				mid := in + (out-in)/2
				if err := e.at(mid); err != nil {
					return 0, false, err
				}
				if hold(e.scores) {
					in = mid
				} else {
					out = mid
				}
			}
			return out, true, nil
		}
		return 0, false, nil
	}
	nearest := func(hold func(keys []float64) bool) (float64, bool, error) {
		tu, okU, err := search(up, hold)
		if err != nil {
			return 0, false, err
		}
		td, okD, err := search(down, hold)
		if err != nil {
			return 0, false, err
		}
		switch {
		case okU && okD:
			if t0-td < tu-t0 {
				return td, true, nil
			}
			return tu, true, nil
		case okD:
			return td, true, nil
		}
		return tu, okU, nil
	}
	for x := range m {
		for y := x + 1; y < m; y++ {
			// Each pair scans the grid at least once.
			if err := e.pace.spend(len(grid)); err != nil {
				return err
			}
			e.pace.advance(1)
			hi, lo := x, y
			if ahead(baseKeys, y, x) {
				hi, lo = y, x
			}
			if !ahead(baseKeys, hi, lo) {
				// Tied at the base: a reversal of size 0 unless they tie
				// everywhere on the grid.
				for _, k := range keys {
					if ahead(k, x, y) || ahead(k, y, x) {
						if err := e.reversal(sw, Reversal{A: x, B: y, Weight: t0}); err != nil {
							return err
						}
						break
					}
				}
				continue
			}
			t, ok, err := nearest(func(k []float64) bool { return !ahead(k, lo, hi) })
			if err != nil {
				return err
			}
			if ok {
				if err := e.reversal(sw, Reversal{A: hi, B: lo, Weight: t, Change: t - t0}); err != nil {
					return err
				}
			}
		}
	}
	sw.Top = TopChange{From: top}
	// The top holds while no alternative is strictly ahead of it (beyond
	// the tie tolerance), as on the exact path: a tie, at an end of the
	// range say, is not a change.
	t, ok, err := nearest(func(k []float64) bool {
		for i := range k {
			if i != top && ahead(k, i, top) {
				return false
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	if ok {
		if err := e.at(t); err != nil {
			return err
		}
		// The new top: the best of the alternatives strictly ahead there.
		to := -1
		for i, k := range e.scores {
			if i != top && ahead(e.scores, i, top) && (to < 0 || k > e.scores[to]) {
				to = i
			}
		}
		sw.Top = TopChange{Found: true, Weight: t, Change: t - t0, From: top, To: to}
	}
	return nil
}
