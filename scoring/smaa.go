package scoring

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync/atomic"
)

// SMAA is stochastic multicriteria acceptability analysis in its SMAA-2
// form: Lahdelma & Salminen (2001), "SMAA-2: Stochastic multicriteria
// acceptability analysis for group decision making", Operations Research
// 49(3):444–454. Instead of one weight vector it draws many from a
// [WeightSpace] (by default uniformly from every possible weighting) and,
// optionally, draws imprecise criterion values from a [ValueUncertainty];
// it ranks the alternatives with Method under each draw and reports how
// the ranking is distributed:
//
//	b_i^r = P(alternative i is ranked r)                  rank acceptability
//	w_i^c = E[w | i is ranked first]                      central weights
//	p_i^c = P(i is ranked first at w_i^c | values vary)   confidence factor
//
// Results are Monte Carlo estimates: with N samples an index b has
// standard error about √(b(1−b)/N), at most 0.5/√N (0.0016 for 10⁵).
//
// Alternatives whose scores tie (within the tolerance of [Result].Ranks)
// share the ranks they span: g alternatives tied over ranks r … r+g−1 each
// add 1/g to each of those ranks, so every row and every column of the
// rank acceptability matrix sums to 1. Ties are rare unless alternatives
// are identical.
//
// # Top ranks
//
// With TopRanks = k (0 < k < m) only the first k ranks are kept: the
// rank acceptability matrix is m×k and equals, bit for bit, the first k
// columns of the full m×m matrix. A tie group that straddles rank k
// shares ranks r … r+g−1 as above, and only its shares of the ranks below
// k are kept. Each column still sums to 1; row i sums to the probability
// that alternative i is among the first k (at most 1). Central weights and
// confidence factors are unchanged; the holistic acceptability index sums
// over the kept ranks only. Each sample then finds its first k
// alternatives by a linear selection instead of ranking all m.
//
// # Memory
//
// Run estimates its memory before allocating anything large and returns a
// [*MemoryError] (wrapping [ErrTooLarge]) when the estimate exceeds
// MaxMemory (default [DefaultMaxMemory], 1 GiB). With m alternatives, n
// criteria, k kept ranks (m without TopRanks) and w workers (at most one
// per block of 4096 samples), the estimate in bytes is
//
//	8·m·(k+n)·(2w+1) + 16·m·n + 32·m·w + 64·m   (+ 8·m·n·w with uncertain values)
//
// the first term being the rank counts and central-weight sums of the
// blocks in flight and their total. Without TopRanks it grows as m²:
// 5,000 alternatives on 4 criteria and 2 workers need 1.0 GB, just under
// the default bound, so larger problems need TopRanks. A million
// alternatives on 4 criteria with TopRanks 3 need 328 MB with 1,000
// samples (one block, so one worker); the measured peak of the whole
// process is 429 MB. The estimate leaves out the problem itself and what
// a method keeps beyond a normalised copy of the matrix (PROMETHEE II's
// preference functions, for example).
//
// # Determinism
//
// The samples are cut into blocks of 4096 whatever the number of workers.
// Block k of the weight pass draws from rand.New(rand.NewPCG(Seed, k)) and
// block k of the confidence pass (only with uncertain values) from
// rand.NewPCG(Seed, 1<<63 + k); each block accumulates on its own and the
// blocks are merged in index order. The same configuration therefore gives
// bit-identical results for any Workers and any GOMAXPROCS.
//
// # Performance
//
// The built-in methods prepare the problem once (normalisation, preference
// flows) and then score each weight vector without allocating, so the cost
// per sample is O(m·n) for scoring plus ranking the m scores: by a
// branch-free pairwise count up to 44 alternatives (O(m²), but faster than
// sorting at that size), by a comparison sort above (O(m log m)), and by
// a linear selection with TopRanks (O(m)). The confidence factors need
// only the first place, found in O(m). Memory and allocations do not grow
// with Samples. On one core of a 2-core machine a 10×8 weighted-sum sample
// takes on the order of 100 ns. A [Method] from outside this
// package is called through Rank for every sample, with its allocations.
// Uncertain values re-prepare the method on every value draw; see
// [ValueUncertainty].
//
// The zero SMAA is usable: it runs 10000 samples of the weighted sum with
// uniform weights and seed 0 on every CPU.
type SMAA struct {
	// Method ranks the alternatives under each sample; nil means
	// WeightedSum{} (additive utility, as in SMAA-2).
	Method Method `json:"-"`
	// Samples is the number of weight vectors drawn; 0 means 10000. At
	// most MaxSMAASamples (10⁹), beyond which the estimates cannot get
	// measurably better (standard error below 2·10⁻⁵).
	Samples int `json:"samples"`
	// Seed selects the random streams; every value, 0 included, is an
	// ordinary seed.
	Seed uint64 `json:"seed"`
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// It does not change the results.
	Workers int `json:"workers,omitempty"`
	// Weights is the distribution of the weights; the zero value is
	// uniform on the simplex.
	Weights WeightSpace `json:"weights"`
	// Values describes imprecise criterion values; the zero value means
	// the values are exact.
	Values ValueUncertainty `json:"values"`
	// TopRanks, if positive, keeps only the first TopRanks ranks in the
	// rank acceptability matrix (see Top ranks above); memory then grows
	// as m·TopRanks instead of m². 0 keeps all ranks, as does a value of
	// at least the number of alternatives.
	TopRanks int `json:"top_ranks,omitempty"`
	// MaxMemory bounds the estimated memory of the run in bytes (see
	// Memory above); 0 means DefaultMaxMemory (1 GiB). Run returns a
	// [*MemoryError] instead of exceeding it.
	MaxMemory int64 `json:"-"`
	// Progress, if not nil, is told how many of the total Monte Carlo
	// evaluations are done, under the package's progress contract (see
	// the package documentation): it is called from the goroutine that
	// called Run, never concurrently, with done never decreasing; on
	// success the last call has done == total. Here done counts the
	// evaluations the workers have finished; it is reported after each
	// block of 4096 and, while blocks run, about every 100 ms. It must
	// return quickly. To stop early, cancel the context.
	Progress func(done, total int) `json:"-"`
}

// SMAAResult is the outcome of [SMAA.Run]: plain data, indexed by the
// problem's order of alternatives and criteria.
type SMAAResult struct {
	// Method is the text token of the method used ("wsm", "topsis", …).
	Method string `json:"method"`
	// Alternatives are the alternatives' names, shared read-only with the
	// problem as in [Result].
	Alternatives []string `json:"alternatives"`
	// Criteria are the criteria's names, shared in the same way.
	Criteria []string `json:"criteria"`
	// Samples is the number of weight vectors drawn.
	Samples int `json:"samples"`
	// Seed is the seed used.
	Seed uint64 `json:"seed"`
	// Weights echoes the weight distribution.
	Weights WeightSpace `json:"weights"`
	// Values echoes the value uncertainty.
	Values ValueUncertainty `json:"values"`
	// TopRanks is the number of ranks kept when fewer than all (the
	// length of each RankAcceptability row); 0 when all are kept.
	TopRanks int `json:"top_ranks,omitempty"`
	// RankAcceptability[i][r] is b_i^(r+1), the share of samples in which
	// alternative i is ranked r+1. Every row and column sums to 1. With
	// TopRanks k, rows have k entries, each column sums to 1 and row i
	// sums to the probability that alternative i is among the first k.
	RankAcceptability [][]float64 `json:"rank_acceptability"`
	// CentralWeights[i] is the mean of the weight vectors that rank
	// alternative i first (it sums to 1). An alternative that is never
	// ranked first (RankAcceptability[i][0] == 0) has no central weights;
	// its row is all zeros.
	CentralWeights [][]float64 `json:"central_weights"`
	// Confidence[i] is the confidence factor p_i^c: the probability that
	// alternative i is ranked first when the weights are its central
	// weights and the values vary as described by Values. With exact
	// values it is 1 or 0 (or 1/k for a k-way tie). It is 0 for an
	// alternative without central weights.
	Confidence []float64 `json:"confidence"`
	// Holistic[i] is the holistic acceptability index Σ_r α_r b_i^r with
	// the linear meta-weights α_r = (m − r)/(m − 1) (α = 1 when m = 1),
	// one of the choices of Lahdelma & Salminen (2001, §2.4). With
	// TopRanks the sum runs over the kept ranks only.
	Holistic []float64 `json:"holistic_acceptability"`
	// Notes records advisories, such as alternatives that are never ranked
	// first and constant criteria.
	Notes []Note `json:"notes,omitempty"`
}

const (
	// smaaBlock is the number of samples in a block; fixed, so that the
	// results do not depend on the number of workers.
	smaaBlock = 4096
	// defaultSMAASamples is the number of samples of the zero SMAA.
	defaultSMAASamples = 10000
	// maxNeverFirstNotes is the number of "never-first" notes naming an
	// alternative; the others are counted in one more note.
	maxNeverFirstNotes = 10
	// confidenceStream offsets the PCG stream of the confidence pass.
	confidenceStream = 1 << 63
)

// MaxSMAASamples is the largest [SMAA].Samples: 10⁹ samples take minutes
// even for small problems, and the standard error of an index is then
// below 2·10⁻⁵.
const MaxSMAASamples = 1_000_000_000

// smaaRun is the resolved, validated state shared by the workers. It is
// read-only during the run.
type smaaRun struct {
	ctx     context.Context
	p       *Problem
	k       int // ranks kept: m, or TopRanks when smaller
	pairMax int // the largest m ranked by the pairwise count
	method  Method
	prep    preparer // nil for methods outside the package
	kern    kernel   // prepared base problem; nil without prep
	better  Better
	weights *weightSampler
	noise   *valueNoise // frac nil when values are exact
	samples int
	seed    uint64
	probe   *Result // the method's result at equal weights
	workers []*smaaWorker
	// evaluated counts the evaluations finished by the workers, for
	// progress reports.
	evaluated atomic.Int64
}

// smaaWorker is one goroutine's private state. Everything it writes per
// sample (the generator's state, the buffers) is kept at least a cache
// line away from other workers' state: small objects of one size class sit
// side by side in memory, and two workers writing the same line on every
// sample would serialise on it (false sharing).
type smaaWorker struct {
	_       [cacheLine]byte
	pcg     rand.PCG
	rng     *rand.Rand
	w, tmp  []float64
	scores  []float64
	scratch []float64
	keys    []float64
	ord     []int
	rank    []int
	top     []float64         // selectTop's buffer; nil without TopRanks
	prob    *perturbedProblem // nil with exact values
	kern    kernel
	_       [cacheLine]byte
}

// cacheLine is a generous cache-line size (some CPUs prefetch pairs of
// 64-byte lines).
const cacheLine = 128

// paddedFloats returns a slice of length k whose backing array has a
// cache line of padding on each side.
func paddedFloats(k int) []float64 {
	const pad = cacheLine / 8
	return make([]float64, k+2*pad)[pad : pad+k : pad+k]
}

// paddedInts is paddedFloats for ints.
func paddedInts(k int) []int {
	const pad = cacheLine / 8
	return make([]int, k+2*pad)[pad : pad+k : pad+k]
}

// Run performs the analysis on p. The error, if any, wraps [ErrParam] (a
// negative Samples or Workers, an invalid WeightSpace or ValueUncertainty,
// bounds that no weights can meet), [ErrLength], [ErrNotFinite], an error
// of the method on p, or the context's error.
//
// A configuration whose estimated memory exceeds MaxMemory gives a
// [*MemoryError] wrapping [ErrTooLarge], before the method is first called.
func (s SMAA) Run(ctx context.Context, p *Problem) (*SMAAResult, error) {
	return s.run(ctx, p, pairwiseMax)
}

// run is Run with the largest number of alternatives ranked by the
// pairwise count given, so that tests can compare the ranking paths.
func (s SMAA) run(ctx context.Context, p *Problem, pairMax int) (*SMAAResult, error) {
	run, err := s.resolve(p)
	if err != nil {
		return nil, err
	}
	run.ctx, run.pairMax = ctx, pairMax
	m, n, k := p.m, p.n, run.k
	nb := (run.samples + smaaBlock - 1) / smaaBlock
	total := run.samples
	draws := 0
	if run.noise.frac != nil {
		draws = (run.samples + run.noise.reuse - 1) / run.noise.reuse
		total += draws
	}
	// Workers count the evaluations they finish in run.evaluated; the
	// calling goroutine reports that count at every merge and, within
	// long blocks, every pollInterval. Both passes share the counter.
	done := 0
	report := func() {
		if d := min(int(run.evaluated.Load()), total); d > done {
			done = d
			s.Progress(done, total)
		}
	}
	var poll func()
	if s.Progress == nil {
		report = func() {}
	} else {
		poll = report
	}

	// Pass 1: rank acceptabilities and central weights.
	counts := make([]float64, m*k)
	central := make([]float64, m*n)
	err = runBlocks(ctx, nb, len(run.workers), m*k+m*n,
		func(wk, b int, acc []float64) error { return run.weightBlock(run.workers[wk], b, acc) },
		func(b int, acc []float64) {
			for x, v := range acc[:m*k] {
				counts[x] += v
			}
			for x, v := range acc[m*k:] {
				central[x] += v
			}
			report()
		}, poll)
	if err != nil {
		return nil, fmt.Errorf("scoring: smaa: %w", err)
	}
	res := &SMAAResult{
		Alternatives:      p.resultAlts,
		Criteria:          p.resultCrits,
		Samples:           run.samples,
		Seed:              run.seed,
		Weights:           cloneWeightSpace(s.Weights),
		Values:            cloneValueUncertainty(s.Values),
		RankAcceptability: rowsOf(counts, m, k),
		CentralWeights:    rowsOf(make([]float64, m*n), m, n),
		Confidence:        make([]float64, m),
		Holistic:          make([]float64, m),
	}
	if k < m {
		res.TopRanks = k
	}
	inv := 1 / float64(run.samples)
	acc := res.RankAcceptability
	for i := range m {
		for r := range k {
			acc[i][r] *= inv
		}
		sum := 0.0
		for _, x := range central[i*n : (i+1)*n] {
			sum += x
		}
		if counts[i*k] > 0 && sum > 0 {
			for j := range n {
				res.CentralWeights[i][j] = central[i*n+j] / sum
			}
		}
		for r := range k {
			alpha := 1.0
			if m > 1 {
				alpha = float64(m-1-r) / float64(m-1)
			}
			res.Holistic[i] += alpha * acc[i][r]
		}
	}

	// Pass 2: confidence factors.
	if run.noise.frac == nil {
		if err := run.exactConfidence(res); err != nil {
			return nil, fmt.Errorf("scoring: smaa: %w", err)
		}
	} else {
		conf := res.Confidence
		nb := (draws + smaaBlock - 1) / smaaBlock
		err = runBlocks(ctx, nb, len(run.workers), m,
			func(wk, b int, acc []float64) error {
				return run.confidenceBlock(run.workers[wk], b, draws, res.CentralWeights, acc)
			},
			func(b int, acc []float64) {
				for i, v := range acc {
					conf[i] += v
				}
				report()
			}, poll)
		if err != nil {
			return nil, fmt.Errorf("scoring: smaa: %w", err)
		}
		for i := range conf {
			conf[i] /= float64(draws)
		}
	}
	probe := run.probe
	res.Method = probe.Method
	never := 0
	for i, name := range res.Alternatives {
		if res.RankAcceptability[i][0] == 0 {
			never++
			if never <= maxNeverFirstNotes {
				res.Notes = append(res.Notes, Note{Code: "never-first",
					Text: fmt.Sprintf("%q is ranked first under none of the sampled weights, so it has no central weights", name)})
			}
		}
	}
	if never > maxNeverFirstNotes {
		res.Notes = append(res.Notes, Note{Code: "never-first",
			Text: fmt.Sprintf("%d more alternatives are ranked first under none of the sampled weights, so they have no central weights", never-maxNeverFirstNotes)})
	}
	res.Notes = append(res.Notes, probe.Notes...)
	return res, nil
}

// resolve validates the configuration and builds the shared state and the
// per-worker buffers.
func (s SMAA) resolve(p *Problem) (*smaaRun, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	if s.Samples < 0 || s.Samples > MaxSMAASamples {
		return nil, inputErr("samples", -1, -1, "", ErrParam, fmt.Sprintf("%d, want 0 ≤ samples ≤ %d", s.Samples, MaxSMAASamples))
	}
	if s.Workers < 0 {
		return nil, inputErr("workers", -1, -1, "", ErrParam, fmt.Sprintf("%d, want ≥ 0", s.Workers))
	}
	if s.TopRanks < 0 {
		return nil, inputErr("top_ranks", -1, -1, "", ErrParam, fmt.Sprintf("%d, want ≥ 0 (0 keeps all ranks)", s.TopRanks))
	}
	bound, err := memBound(s.MaxMemory)
	if err != nil {
		return nil, err
	}
	m, n := p.m, p.n
	run := &smaaRun{p: p, method: s.Method, samples: s.Samples, seed: s.Seed, k: m}
	if s.TopRanks > 0 && s.TopRanks < m {
		run.k = s.TopRanks
	}
	if run.method == nil {
		run.method = WeightedSum{}
	}
	if run.samples == 0 {
		run.samples = defaultSMAASamples
	}
	if run.weights, err = newWeightSampler(s.Weights, n); err != nil {
		return nil, err
	}
	if run.noise, err = newValueNoise(s.Values, n); err != nil {
		return nil, err
	}
	workers := s.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	nb := (run.samples + smaaBlock - 1) / smaaBlock
	workers = max(1, min(workers, nb))
	// The memory check comes before the method is first called: ranking
	// the problem allocates in proportion to it too.
	if est := smaaMemory(m, n, run.k, workers, run.noise.frac != nil); est > bound {
		e := &MemoryError{Analysis: "smaa", Estimate: est, Limit: bound, Option: "TopRanks"}
		if run.k < m {
			e.Hint = `keep fewer ranks with TopRanks ("top_ranks"), use fewer workers, or raise the bound`
		} else {
			k := min(10, m-1)
			e.Hint = fmt.Sprintf(`keep only the first ranks with TopRanks ("top_ranks"): %d ranks need about %s`,
				k, formatBytes(smaaMemory(m, n, k, workers, run.noise.frac != nil)))
		}
		return nil, e
	}
	// One call through the public API validates the method's parameters
	// on p and tells which way its scores improve.
	probe, err := run.method.Rank(p, EqualWeights(p.n))
	if err != nil {
		return nil, err
	}
	if probe.Better != Higher && probe.Better != Lower {
		return nil, inputErr("method", -1, -1, "", ErrParam, "the method's result says neither higher nor lower is better")
	}
	if len(probe.Scores) != p.m {
		return nil, inputErr("method", -1, -1, "", ErrLength,
			fmt.Sprintf("the method returned %d scores for %d alternatives", len(probe.Scores), p.m))
	}
	run.better = probe.Better
	run.probe = probe
	if prep, ok := run.method.(preparer); ok {
		run.prep = prep
		if run.kern, err = prep.prepare(p); err != nil {
			return nil, err
		}
		run.better = run.kern.better()
	}
	run.workers = make([]*smaaWorker, workers)
	for wk := range run.workers {
		st := &smaaWorker{
			w: paddedFloats(n), tmp: paddedFloats(n),
			scores: paddedFloats(m), keys: paddedFloats(m), ord: paddedInts(m), rank: paddedInts(m),
			kern: run.kern,
		}
		st.rng = rand.New(&st.pcg)
		if run.k < m {
			st.top = make([]float64, run.k)
		}
		if run.kern != nil {
			st.scratch = paddedFloats(run.kern.scratchLen())
		}
		if run.noise.frac != nil {
			st.prob = newPerturbedProblem(p)
		}
		run.workers[wk] = st
	}
	return run, nil
}

// problem returns the problem the worker currently scores.
func (st *smaaWorker) problem(run *smaaRun) *Problem {
	if st.prob != nil {
		return &st.prob.Problem
	}
	return run.p
}

// redraw draws new criterion values and re-prepares the kernel.
func (run *smaaRun) redraw(st *smaaWorker) error {
	st.prob.redraw(st.rng, run.noise)
	if run.prep == nil {
		return nil
	}
	k, err := run.prep.prepare(&st.prob.Problem)
	if err != nil {
		return err
	}
	st.kern = k
	if k.scratchLen() > len(st.scratch) {
		st.scratch = paddedFloats(k.scratchLen())
	}
	return nil
}

// evaluate scores the worker's current problem under w into st.scores.
func (run *smaaRun) evaluate(st *smaaWorker, w []float64) error {
	switch lk := st.kern.(type) {
	case linearKernel:
		scoreLinear(st.scores, lk.r, w)
		return nil
	case linearKernelLower:
		scoreLinear(st.scores, lk.r, w)
		return nil
	}
	if st.kern != nil {
		st.kern.score(st.scores, w, st.scratch)
		return nil
	}
	res, err := run.method.Rank(st.problem(run), w)
	if err != nil {
		return err
	}
	if len(res.Scores) != len(st.scores) {
		return inputErr("method", -1, -1, "", ErrLength,
			fmt.Sprintf("the method returned %d scores for %d alternatives", len(res.Scores), len(st.scores)))
	}
	copy(st.scores, res.Scores)
	return nil
}

// scoreLinear is linearKernel.score with the bounds checks hoisted out of
// the inner loop; it adds the products in the same order, so the scores
// are bit-identical.
func scoreLinear(dst, r, w []float64) {
	n := len(w)
	r = r[:len(dst)*n]
	for i := range dst {
		row := r[i*n : (i+1)*n : (i+1)*n]
		s := 0.0
		for j, x := range row {
			s += w[j] * x
		}
		dst[i] = s
	}
}

// checkEvery returns how many evaluations of the problem may run between
// two checks of the context (and counts of progress): about 2^16 matrix
// cells, so that a cancelled run stops within a millisecond or so whatever
// the problem's size, and every evaluation for a method from outside the
// package, whose cost is unknown.
func (run *smaaRun) checkEvery() int {
	if run.prep == nil {
		return 1
	}
	return max(1, (1<<16)/(run.p.m*run.p.n))
}

// weightBlock runs the samples of block b, adding rank counts (m×k) and
// first-rank weight sums (m×n) to acc.
func (run *smaaRun) weightBlock(st *smaaWorker, b int, acc []float64) error {
	st.pcg.Seed(run.seed, uint64(b))
	lo, hi := b*smaaBlock, min((b+1)*smaaBlock, run.samples)
	m, k := run.p.m, run.k
	counts, central := acc[:m*k], acc[m*k:]
	every := run.checkEvery()
	counted := 0 // samples of this block added to run.evaluated
	defer func() { run.evaluated.Add(int64(hi - lo - counted)) }()
	for s := lo; s < hi; s++ {
		if (s-lo)%every == 0 {
			run.evaluated.Add(int64(s - lo - counted))
			counted = s - lo
			if err := run.ctx.Err(); err != nil {
				return err
			}
		}
		if st.prob != nil && (s-lo)%run.noise.reuse == 0 {
			if err := run.redraw(st); err != nil {
				return err
			}
		}
		if !run.weights.draw(st.rng, st.w, st.tmp) {
			return inputErr("bounds", -1, -1, "", ErrParam,
				fmt.Sprintf("the weight region is too small to sample: %d draws in a row fell outside it", maxRejections))
		}
		if err := run.evaluate(st, st.w); err != nil {
			return err
		}
		if k == m {
			ties := sortKeysMax(st.keys, st.ord, st.rank, st.scores, run.better, run.pairMax)
			accumulateRanks(counts, central, st.keys, st.ord, ties, st.w)
			continue
		}
		c, tol, ok := selectTop(st.keys, st.ord, st.top, st.scores, run.better, k)
		if !ok {
			// A NaN or an infinite score from a foreign method: rank all
			// (scores are already oriented).
			sortKeysMax(st.keys, st.ord, st.rank, st.scores, Higher, run.pairMax)
			c, tol = m, tieTol(st.keys)
		}
		accumulateTop(counts, central, st.keys[:c], st.ord[:c], tol, k, st.w)
	}
	return nil
}

// confidenceBlock runs value draws of block b of the confidence pass and
// adds to acc[i] the (fractional) number of draws in which alternative i
// is first at its central weights.
func (run *smaaRun) confidenceBlock(st *smaaWorker, b, draws int, central [][]float64, acc []float64) error {
	st.pcg.Seed(run.seed, confidenceStream+uint64(b))
	lo, hi := b*smaaBlock, min((b+1)*smaaBlock, draws)
	for range hi - lo {
		if err := run.ctx.Err(); err != nil {
			return err
		}
		if err := run.redraw(st); err != nil {
			return err
		}
		if err := run.firstAtCentral(st, central, acc); err != nil {
			return err
		}
		run.evaluated.Add(1)
	}
	return nil
}

// exactConfidence evaluates each alternative once at its central weights.
func (run *smaaRun) exactConfidence(res *SMAAResult) error {
	return run.firstAtCentral(run.workers[0], res.CentralWeights, res.Confidence)
}

// firstAtCentral adds to acc[i] the share of first place that alternative
// i takes at its central weights on the worker's current problem.
func (run *smaaRun) firstAtCentral(st *smaaWorker, central [][]float64, acc []float64) error {
	every := run.checkEvery()
	evals := 0
	for i, w := range central {
		if slices.Max(w) == 0 {
			continue // no central weights
		}
		if evals++; evals%every == 0 {
			if err := run.ctx.Err(); err != nil {
				return err
			}
		}
		if err := run.evaluate(st, w); err != nil {
			return err
		}
		g, in, ok := firstTied(st.scores, run.better, i)
		if !ok {
			// Scores already oriented.
			sortKeysMax(st.keys, st.ord, st.rank, st.scores, Higher, run.pairMax)
			g = firstGroup(st.keys)
			in = slices.Contains(st.ord[:g], i)
		}
		if in {
			acc[i] += 1 / float64(g)
		}
	}
	return nil
}

// sortKeys sorts the alternatives from best to worst: ord receives their
// indices and keys their scores oriented so that larger is better (scores
// is oriented in place: negated when lower is better); rank (length m) is
// scratch space. It is allocation-free, and stable: equal
// scores keep the problem order. It reports whether any two neighbours tie
// within the tolerance of rankScores.
//
// For m ≤ pairwiseMax the rank of each alternative is counted over all
// pairs with the sign bit of the score difference, without data-dependent
// branches: a comparison sort of ten random scores mispredicts about half
// of its branches, which made it the largest cost of an SMAA sample.
// Larger inputs are sorted (O(m log m)). Scores that do not order into a
// permutation (NaN from a foreign method) fall back to an insertion sort.
// Every path puts the scores in the same order, except that the count
// puts +0 before −0 where the others keep the problem order; the two tie,
// so the groups of tied alternatives, and any counts, are the same.
func sortKeys(keys []float64, ord, rank []int, scores []float64, better Better) bool {
	return sortKeysMax(keys, ord, rank, scores, better, pairwiseMax)
}

// sortKeysMax is sortKeys ranking up to pairMax (≤ 64) alternatives by the
// pairwise count.
func sortKeysMax(keys []float64, ord, rank []int, scores []float64, better Better, pairMax int) bool {
	if better == Lower {
		for i, x := range scores {
			scores[i] = -x
		}
	}
	switch m := len(scores); {
	case m <= min(pairMax, 64) && countRanks(keys, ord, rank, scores):
	case m > pairMax && !hasNaN(scores):
		sortDesc(keys, ord, scores)
	default:
		insertionKeys(keys, ord, scores)
	}
	tol := tieTol(keys)
	for k := 1; k < len(keys); k++ {
		if keys[k-1]-keys[k] <= tol {
			return true
		}
	}
	return false
}

// countRanks places each alternative at its rank: the number of
// alternatives with a larger value, or an equal one and a smaller index.
// It reports false if the ranks are not a permutation.
func countRanks(keys []float64, ord, rank []int, vals []float64) bool {
	m := len(vals)
	rank = rank[:m]
	keys, ord = keys[:m], ord[:m]
	clear(rank)
	for i, vi := range vals {
		ri := rank[i]
		for k := i + 1; k < m; k++ {
			// g is 1 when k is strictly better than i, taken from the sign
			// bit of vi − vk; equal values give +0, so ties keep the
			// problem order (only −0 against +0 comes out reversed).
			g := int(math.Float64bits(vi-vals[k]) >> 63)
			ri += g
			rank[k] += 1 - g
		}
		rank[i] = ri
	}
	var seen uint64
	for i, r := range rank {
		keys[r], ord[r] = vals[i], i
		seen |= 1 << uint(r)
	}
	return seen == ^uint64(0)>>(64-uint(m))
}

// insertionKeys is sortKeys by a stable insertion sort.
func insertionKeys(keys []float64, ord []int, vals []float64) {
	for i, v := range vals {
		k := i
		for k > 0 && keys[k-1] < v {
			keys[k], ord[k] = keys[k-1], ord[k-1]
			k--
		}
		keys[k], ord[k] = v, i
	}
}

// tieTol is the tie tolerance for sorted keys: tieTolerance times the
// largest absolute key.
func tieTol(keys []float64) float64 {
	// The largest magnitude of sorted keys is at one end; this is on the
	// per-sample path, so it avoids the calls of math.Max.
	a, b := math.Abs(keys[0]), math.Abs(keys[len(keys)-1])
	if b > a {
		a = b
	}
	return tieTolerance * a
}

// firstGroup returns the number of alternatives tied for first place in
// the sorted keys.
func firstGroup(keys []float64) int {
	tol := tieTol(keys)
	g := 1
	for g < len(keys) && keys[0]-keys[g] <= tol {
		g++
	}
	return g
}

// accumulateRanks adds one sample to the rank counts (m×m, row i holds
// alternative i) and adds w to the central-weight sums of the alternative
// ranked first. Tied groups share their ranks and the weight equally.
func accumulateRanks(counts, central, keys []float64, ord []int, ties bool, w []float64) {
	m, n := len(ord), len(w)
	if !ties {
		for r, i := range ord {
			counts[i*m+r]++
		}
		row := central[ord[0]*n : (ord[0]+1)*n]
		for j, x := range w {
			row[j] += x
		}
		return
	}
	tol := tieTol(keys)
	for g0 := 0; g0 < m; {
		g1 := g0 + 1
		for g1 < m && keys[g0]-keys[g1] <= tol {
			g1++
		}
		share := 1 / float64(g1-g0)
		for _, i := range ord[g0:g1] {
			for r := g0; r < g1; r++ {
				counts[i*m+r] += share
			}
			if g0 == 0 {
				row := central[i*n : (i+1)*n]
				for j, x := range w {
					row[j] += share * x
				}
			}
		}
		g0 = g1
	}
}

func cloneWeightSpace(ws WeightSpace) WeightSpace {
	ws.Lower = slices.Clone(ws.Lower)
	ws.Upper = slices.Clone(ws.Upper)
	ws.Order = slices.Clone(ws.Order)
	ws.Center = slices.Clone(ws.Center)
	return ws
}

func cloneValueUncertainty(v ValueUncertainty) ValueUncertainty {
	v.Fractions = slices.Clone(v.Fractions)
	return v
}
