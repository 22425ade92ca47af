// Package scoring is a multi-criteria decision analysis (MCDA) engine: it
// ranks alternatives evaluated on several criteria, explains the ranking,
// and weights the criteria. It knows nothing about social media; package
// placement builds on it.
//
// # Quick start
//
// Build a [Problem] from plain Go values, choose a [Method], and rank:
//
//	p, err := scoring.NewProblem(
//		[]string{"In-house", "Agency", "Hybrid"},
//		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "quality", Direction: scoring.Benefit}},
//		[][]float64{{120, 7}, {90, 6}, {100, 8}},
//	)
//	if err != nil { … }
//	res, err := scoring.TOPSIS{}.Rank(p, []float64{0.4, 0.6})
//	// res.Scores, res.Ranks, res.Order() …
//
// # Conventions
//
// Inputs are copied: no function retains or modifies a caller's slice, and
// accessors return copies. The one exception is names: a result's
// Alternatives and Criteria slices are shared by every result ranked from
// the same problem (a million alternatives are not copied per call), so
// treat them as read-only, as with [regexp.Regexp.SubexpNames], and decode
// JSON into fresh values rather than into a result a method returned. A
// [*Problem] is validated once, at construction, is immutable afterwards
// and is safe for concurrent use; methods are plain values, safe to copy
// and to share.
//
// Errors wrap one of the sentinel errors ([ErrEmpty], [ErrRagged],
// [ErrNotFinite], [ErrDuplicateName], [ErrUnknownName], [ErrDirection],
// [ErrWeights], [ErrLength], [ErrParam], [ErrDomain], [ErrInconsistent],
// [ErrConstant], [ErrTooLarge]); test them with
// [errors.Is]. Errors about a position (a matrix cell, a weight, a
// criterion's preference function) are [*InputError] values that name the
// path, row and column; read them with [errors.As]. The kinds of failure
// shared with touchpoint and placement (unknown name, not finite,
// duplicate, weights) use the same sentinel values and the same error type
// (package [github.com/socialseat/socialseat/invalid]). No input reachable from
// data makes the package panic, and no NaN or infinity ever leaves it:
// degenerate cases (a constant column, identical alternatives) have
// documented values.
//
// Weights have one entry per criterion, are non-negative and not all zero;
// every method normalises a copy to sum to 1 and echoes it in
// [Result].Weights. Ranks are competition ranks: 1 is best and tied scores
// share the smaller rank.
//
// Computation is deterministic: results do not depend on the number of
// CPUs. Large problems (more than 65536 cells) are processed in parallel
// over fixed row blocks whose partial sums are merged in block order.
//
// # Methods and references
//
//   - [WeightedSum] ("wsm"): simple additive weighting; Hwang & Yoon (1981).
//   - [WeightedProduct] ("wpm"): Bridgman (1922), Miller & Starr (1969).
//   - [TOPSIS] ("topsis"): Hwang & Yoon (1981).
//   - [VIKOR] ("vikor"): Opricovic (1998); Opricovic & Tzeng (2004).
//   - [PROMETHEEII] ("promethee2"): Brans & Vincke (1985); Brans, Vincke &
//     Mareschal (1986).
//   - [COPRAS] ("copras"): Zavadskas, Kaklauskas & Šarka (1994).
//   - [EDAS] ("edas"): Keshavarz Ghorabaee et al. (2015).
//   - [MABAC] ("mabac"): Pamučar & Ćirović (2015).
//   - [SPOTIS] ("spotis"): Dezert et al. (2020).
//   - [MOORA] ("moora"): Brauers & Zavadskas (2006), ratio system; with
//     [MOORA].Form the reference point, the full multiplicative form and
//     MULTIMOORA's dominance aggregation (Brauers & Zavadskas 2010, 2012).
//   - [PROMETHEEI] ("promethee1"): the PROMETHEE I partial preorder with
//     incomparabilities; Brans & Vincke (1985). [GAIA] ("gaia"): the GAIA
//     plane of the flow profiles with the decision stick; Mareschal &
//     Brans (1988). Neither is a complete ranking: each has its own
//     result type.
//   - [ELECTREI] ("electre1"): concordance, discordance and the kernel;
//     Roy (1968) as formulated by Hwang & Yoon (1981). [ELECTREIII]
//     ("electre3"): pseudo-criteria with veto, credibility, descending and
//     ascending distillation; Roy (1978), Figueira, Mousseau & Roy (2005).
//     Both have their own result types.
//   - Sorting into ordered classes ("adopt / pilot / reject") described by
//     [ClassProfiles]: [MRSort] ("mrsort"; Leroy, Mousseau & Pirlot 2011;
//     optional veto profiles as in Meyer & Olteanu 2017),
//     [ELECTRETRIB] ("electre-tri-b", pessimistic and optimistic rules;
//     Mousseau, Słowiński & Zielniewicz 2000) and [FlowSort] ("flowsort",
//     limiting or central profiles; Nemery & Lamboray 2008).
//
// Each method's documentation gives its formula, its defaults and how it
// treats degenerate input; [Normalization] lists the normalisations. Every
// method is also an [Evaluator]: its Evaluate method returns the ranking
// with the method's intermediate values (TOPSIS's distances, VIKOR's S and
// R, PROMETHEE's flows, COPRAS's sums, EDAS's distances from the average
// solution, MABAC's border approximation area, SPOTIS's bounds and ideal,
// MOORA's benefit and cost sums, the normalised matrix of WSM and WPM).
//
// # Weights
//
//   - [AHP]: priorities from a pairwise comparison matrix of [Judgement]
//     values (numbers or fractions such as "1/3" in JSON and YAML) by the
//     principal eigenvector, the row geometric mean or Saaty's additive
//     normalisation (column-normalised row averages), with λmax, CI and CR
//     against Saaty's or Alonso & Lamata's random index, Harker's (1987)
//     completion of missing judgements and the judgements to revisit
//     (Saaty 2003).
//   - [RankWeighting]: rank-order centroid (Barron & Barrett 1996), rank sum
//     and rank reciprocal (Stillwell et al. 1981); [Swing] and
//     [DirectPoints].
//   - Objective weights from the data, each a [Weigher]: [Entropy],
//     [CRITIC] (Diakoulaki et al. 1995), [StdDev] and [MEREC]
//     (Keshavarz-Ghorabaee et al. 2021).
//   - [Group]: several stakeholders' judgements aggregated as judgements
//     (AIJ) or priorities (AIP), with a [Consensus] (Kendall's W and who
//     disagrees on what).
//   - [BWM]: the Best-Worst Method (Rezaei 2015; linear model, Rezaei
//     2016) with ξ* and its consistency ratio.
//   - [Hierarchy]: a criteria tree (value tree) whose nodes weigh their
//     children by any of these methods ([WeightSpec]); global weights are
//     the products along the path, and [Hierarchy.NodeSensitivity] moves a
//     whole subtree's weight.
//   - [Elicitation]: guided, stateless elicitation of pairwise judgements:
//     the next pair to ask, the live consistency ratio, the judgement to
//     revisit and whether the winner is already fixed.
//
// [SpearmanRho], [KendallTau] and [WSCoefficient] measure how far two
// rankings agree.
//
// # Migrating from Python or Julia
//
// Studies done with pymcdm, pyrepo-mcda, scikit-criteria or JMcDM can be
// reproduced with these settings; each is tested on the worked example its
// test cites. Each is also a key of the JSON contract (package
// scoringjson) and a flag of the socialseat command, named alike
// (normalization, form, bounds, esp, priority, raw; rank agreement through
// the agreement request).
//
//   - Criterion types: a type vector of 1/−1 (pymcdm, pyrepo-mcda),
//     maximize/minimize objectives (scikit-criteria) or maximum/minimum
//     functions (JMcDM) become each [Criterion]'s [Benefit] or [Cost].
//   - Normalisation functions (vector_normalization, minmax_normalization,
//     max_normalization, sum_normalization and their equivalents) are the
//     [Normalization] values Vector, MinMax, Max and Sum, passed to
//     [WeightedSum], [WeightedProduct] and [TOPSIS]. Pass the one the other
//     library used: the defaults differ between libraries and versions.
//     TOPSIS and the weighted sum on data already on one scale, with no
//     normalisation: Normalization [None] (scikit-criteria's TOPSIS and
//     WeightedSumModel after a scaler in the pipeline; costs are negated,
//     as its NegateMinimize does). pymcdm's and pyrepo-mcda's TOPSIS
//     default to min–max, JMcDM's to vector normalisation, the zero
//     [TOPSIS]'s.
//   - SPOTIS with bounds: [SPOTIS].Bounds; without them the data's own
//     range is used. Measured from an expected solution point (pymcdm's
//     esp): [SPOTIS].ESP.
//   - MOORA and MULTIMOORA (pyrepo-mcda's MULTIMOORA_RS, MULTIMOORA_RP,
//     MULTIMOORA_FMF and MULTIMOORA): [MOORA].Form RatioSystem,
//     ReferencePoint, FullMultiplicative and MultiMOORA. The full
//     multiplicative form's raw utility is [MOORAResult].Utility; its scores
//     are the utility relative to the best, which ranks alike. JMcDM's
//     moora defaults to the reference point, its MooraMethod() to the
//     ratio system.
//   - Standard-deviation weights on the raw values (std_weighting,
//     standard_deviation_weights): [StdDev] with Raw; the zero StdDev
//     normalises min–max first, as Diakoulaki et al. (1995) do.
//   - Entropy weights: [Entropy] on the raw values, or with a
//     Normalization for the normalised variants.
//   - AHP priorities by column-normalised row averages (JMcDM's ahp):
//     [AHP] with Priority [AdditiveNormalization]; [GeometricMean] for the
//     row geometric mean. λmax, CI and CR are always the exact principal
//     eigenvalue's; JMcDM estimates λmax as the mean of (Aw)_i/w_i, so its
//     CR may differ in the third decimal.
//   - VIKOR's v: [NewVIKOR] gives v = 0.5; the zero [VIKOR] means v = 0.
//   - Rank correlations (pymcdm's spearman, weighted_spearman, kendall_tau,
//     goodman_kruskal_gamma and ws; pyrepo-mcda's alike): [SpearmanRho],
//     [WeightedSpearman], [KendallTau], [GoodmanKruskalGamma] and
//     [WSCoefficient], or any of them by name through [RankAgreement].
//
// Deliberate differences: weights are always rescaled to sum to 1 (a study
// whose weights sum to 0.999 gets scores divided by 0.999 for additive
// methods); ranks are competition ranks in which tied scores share the
// smaller rank, never an arbitrary order; NaN and infinities are errors,
// not results; and bad input is a typed error naming the cell, where the
// Python libraries may return NaN scores.
//
// # Robustness
//
//   - [SMAA]: SMAA-2 (Lahdelma & Salminen 2001) for any [Method]: rank
//     acceptability indices, central weights, confidence factors and
//     holistic acceptability, with weights drawn uniformly from the simplex,
//     within bounds, under an ordinal ranking of the criteria, or around
//     given weights ([WeightSpace]), and optional noise on the values
//     ([ValueUncertainty]). It runs on all CPUs; samples are drawn in
//     blocks of 4096, block k from rand.NewPCG(Seed, k), and merged in block
//     order, so a seed gives the same bits for any number of workers.
//   - [Sensitivity]: one-at-a-time weight sweeps with the smallest change of
//     each weight that changes the top alternative and the pairwise
//     rank-reversal points, exact for the methods whose scores are linear
//     in the weights (weighted sum, PROMETHEE II, MOORA, SPOTIS) and by
//     bisection otherwise.
//   - [SpearmanRho], [WeightedSpearman], [KendallTau],
//     [GoodmanKruskalGamma] and [WSCoefficient] compare rankings.
//   - [ImpreciseSMAA]: SMAA on an [ImpreciseProblem] whose performances
//     are intervals (drawn uniformly), missing (drawn from the criterion's
//     observed or given range) or ordinal levels (mapped to cardinal
//     values as in SMAA-O, Lahdelma, Miettinen & Salminen 2003).
//   - [RankReversal]: leave-one-out, added copies and an added dominated
//     alternative, with the pairs whose order reverses, for any [Method].
//
// # Long computations: context, progress and memory
//
// [SMAA.Run] and [Sensitivity.Run], the computations that can run for
// minutes, follow one convention. They take a context.Context, check it
// about every 2^16 matrix cells of work (so a cancelled run stops within
// milliseconds, whatever the problem's size) and then return no partial
// result but an error wrapping the context's error (test it with
// errors.Is(err, context.Canceled)). Cancelling from a progress callback
// stops the run the same way. Their Progress field, if not nil, is called
// as func(done, total int) from the goroutine that called Run, never
// concurrently; total is fixed for the run, done never decreases, and on
// success the last call has done == total. It must return quickly. Both
// estimate their memory before allocating it and return a [*MemoryError]
// wrapping [ErrTooLarge] when the estimate exceeds their MaxMemory field
// ([DefaultMaxMemory], 1 GiB, when zero); their documentation gives the
// formula and the option that reduces it (SMAA's TopRanks, Sensitivity's
// Steps).
//
// [RankReversal] takes a context too and checks it between rankings.
//
// A single ranking ([Method.Rank], [Evaluator.Detail]) takes no context:
// the built-in methods run in time linear in the matrix (seconds on
// millions of alternatives) and are not interrupted inside. To rank when
// the caller may give up, call [RankContext] or [DetailContext]: they
// return an error wrapping the context's error as soon as the context is
// done (before, during or after the ranking) and never a partial result;
// a ranking given up runs on in its goroutine until it ends and its result
// is dropped. Programs that show progress (the socialseat command draws a
// bar on a terminal's stderr) report reading and ranking as phases, with
// the same rules as the Progress fields: done never decreases, the last
// call has done == total.
//
// # Performance
//
// Every method runs in time linear in the size of the matrix, except
// PROMETHEE II, which needs O(n·m log m) (O(n·m²) for Gaussian preference
// functions). The outranking methods that build a pairwise relation
// (PROMETHEE I's relation matrix, ELECTRE I and III) need O(n·m²) and m²
// values of memory; the sorting methods compare each alternative with the
// profiles only, in O(n·m·K). Column sums and extremes are computed once, when the problem
// is built, so most methods read the matrix once per call. Rankings of more
// than 4096 alternatives use a parallel radix sort. A call allocates its
// result plus at most one working copy of the matrix; SMAA allocates
// nothing per sample.
package scoring
