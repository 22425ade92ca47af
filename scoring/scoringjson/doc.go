// Package scoringjson is the JSON contract of the scoring engine: the
// requests and responses that the command-line tool examples/socialseat
// and the HTTP service example speak, so that a program in any language
// can rank alternatives, derive weights and run a stochastic analysis
// without writing Go. The contract is stable: fields are only ever added.
//
// Four requests exist, each with a strict decoder and a method that runs
// it:
//
//	request          decoder           runs with   CLI                   HTTP example
//	ScoreRequest     DecodeScore       Score       socialseat score      POST /v1/score
//	WeightsRequest   DecodeWeights     Weigh       socialseat weights    POST /v1/weights
//	SMAARequest      DecodeSMAA        Run         socialseat smaa       (none)
//	AgreementRequest DecodeAgreement   Compare     socialseat agreement  POST /v1/agreement
//
// # Decoding rules
//
// Every decoder reads exactly one JSON object, strictly:
//
//   - Keys match exactly (no case folding: "Matrix" is not "matrix"); an
//     unknown key and a key given twice are errors.
//   - null is never a number, boolean or string: null for "weight", "v" or
//     a matrix value is an error, so a missing number never becomes 0. An
//     absent optional key means "not given"; null is accepted for a list or
//     an object (also "not given") and for a missing AHP judgement.
//   - A value of the wrong JSON type ("3" for a number) is an error.
//   - Trailing data after the object, invalid UTF-8 (a leading byte order
//     mark is ignored) and an empty body are errors.
//   - DecodeScore, DecodeWeights, DecodeSMAA and DecodeAgreement read the
//     whole body and reject one over 64 MiB. DecodeScoreStream, which
//     the command-line tool's score reads with, holds no copy of the body
//     and has no size limit of its own, so that a local file of any size
//     can be scored: its memory is that of the problem the request holds
//     (8 bytes per matrix value, the names, the other members), and a
//     caller that reads untrusted input bounds the reader.
//
// Every error that the request causes wraps [ErrBadInput] (answer 400,
// exit status 1) and names the offending key path (criteria[2].weight);
// any other error is the program's.
//
// # Score request
//
//	{
//	  "method": "topsis",
//	  "alternatives": ["in-house", "agency"],
//	  "criteria": [
//	    {"name": "cost",    "direction": "cost",    "weight": 0.4},
//	    {"name": "quality", "direction": "benefit", "weight": 0.6}
//	  ],
//	  "matrix": [[120, 7], [90, 5]],
//	  "normalization": "vector",
//	  "v": 0.5,
//	  "preference": [{"function": "linear", "q": 0, "p": 10, "s": 0}]
//	}
//
// Fields of [ScoreRequest]:
//
//   - "method" (required): wsm, wpm, topsis, vikor, promethee2, copras,
//     edas, mabac, spotis or moora.
//   - "alternatives" (optional): one name per row of the matrix; absent
//     means A1, A2, ….
//   - "criteria" (required): one [Criterion] per column: "name", "direction"
//     ("benefit": more is better, or "cost": less is better) and "weight"
//     (required by score, a non-negative number; the weights are
//     normalised to sum to 1).
//   - "matrix" (required): rows are alternatives, columns criteria; every
//     value finite.
//   - "normalization" (optional, wsm, wpm and topsis only): vector, minmax,
//     max or sum, or none (wsm and topsis, for data already on one scale);
//     absent means the method's default.
//   - "v" (optional, vikor only): the weight of the majority strategy in
//     [0, 1]; absent means 0.5.
//   - "preference" (optional, promethee2 only): one [Preference] per
//     criterion: "function" (usual, ushape, vshape, level, linear or
//     gaussian) with its thresholds "q" (indifference), "p" (preference)
//     and "s" (gaussian); absent means the usual function for every
//     criterion.
//   - "form" (optional, moora only): ratio_system, reference_point,
//     full_multiplicative or multimoora; absent means ratio_system.
//   - "bounds" (optional, spotis only): [min, max] per criterion, each
//     containing the column's values; absent means the data's range.
//   - "esp" (optional, spotis only): the expected solution point, one
//     value per criterion within its bounds, from which distances are
//     measured; absent means the ideal.
//
// A parameter given for a method it does not apply to is an error, so a
// typo cannot be silently ignored.
//
// "rank_reversal": true ([ReversalParams], ranking methods only) asks for
// a rank-reversal check instead of the ranking: the response is a
// [scoring.ReversalReport] listing, for each alternative removed, each
// alternative copied and one dominated alternative added, the pairs of
// original alternatives whose order reverses ("checks", each with
// "perturbation" leave-one-out, add-copy or add-dominated, "alternative",
// "reversed" and "best_changed"), with the totals "reversals" and
// "affected".
//
// # Score response
//
// The result of the method, whose JSON always holds these keys:
//
//   - "method": the method's token.
//   - "alternatives", "criteria": the names, in input order.
//   - "weights": the weights used, normalised to sum to 1.
//   - "scores": one score per alternative, in input order.
//   - "better": "higher" or "lower": which scores are better (VIKOR's Q is
//     better when lower).
//   - "ranking": the rank of each alternative, 1 the best; tied scores
//     share the smaller rank (1, 2, 2, 4).
//   - "contributions" (optional, additive methods): one row per
//     alternative, one column per criterion: the part of the score each
//     criterion contributes; a row sums to the score.
//   - "notes" (optional): advisories, each {"code", "criterion", "text"}.
//
// Some methods add their intermediate quantities: topsis "distance_ideal"
// and "distance_anti_ideal"; vikor "s" and "r"; promethee2
// "positive_flow" and "negative_flow"; copras "s_plus", "s_minus" and
// "significance". The Go types are [scoring.Result], [scoring.TOPSISResult],
// [scoring.VIKORResult], [scoring.PROMETHEEResult] and
// [scoring.COPRASResult]; json.Unmarshal of the response into the type gives
// back the same value.
//
// # Weights request
//
// [WeightsRequest] derives criterion weights. Its "method" decides which
// other keys are required; any other key is an error:
//
//	{"method": "ahp", "pairwise": [[1, 3, "1/5"], ["1/3", 1, 2], [5, "1/2", 1]]}
//	{"method": "entropy", "criteria": [{"name": "cost", "direction": "cost"}], "matrix": [[120], [90]]}
//	{"method": "roc", "ranks": [1, 2, 2, 3]}
//	{"method": "swing", "points": [100, 60, 30]}
//
// The keys each method needs:
//
//   - "ahp" needs "pairwise": the square matrix of pairwise judgements on
//     Saaty's 1–9 scale; an entry is a number, a fraction such as "1/3", or
//     null or "?" for a missing judgement (completed from the others by
//     the eigenvector and geometric_mean priorities; additive_normalization
//     needs every judgement and reports a missing one as an error).
//   - "entropy", "critic", "stddev" and "merec" need "criteria" (names and
//     directions, no weights) and "matrix", as in a score request.
//   - "roc", "rank_sum" and "rank_reciprocal" need "ranks": the importance
//     rank of each criterion, 1 the most important; ties allowed.
//   - "swing" and "points" need "points": non-negative points per
//     criterion (swing: each in [0, 100]); not all zero.
//
// Options, each allowed only with its method:
//
//   - "priority" (ahp): eigenvector (absent), geometric_mean or
//     additive_normalization (column-normalised row averages).
//   - "normalization" (entropy): vector, max, minmax, sum or none; absent
//     means the raw values.
//   - "raw" (stddev): true for the standard deviations of the raw values;
//     absent or false normalises min–max first.
//
// # Agreement request
//
// [AgreementRequest] compares two or more rankings of the same
// alternatives, given as "rankings" (each alternative's rank, 1 the best,
// as a score response's "ranking") or as "requests" (score requests,
// ranked first). "names" (optional) names them; "coefficients" (optional,
// all when absent) picks among spearman, weighted_spearman (r_w of Pinto
// da Costa & Soares 2005), kendall (τ-b), goodman_kruskal (γ) and ws
// (Sałabun & Urbaniak 2020). The response, an [AgreementResult], holds
// "names", "rankings" and a k × k matrix per coefficient, entry [i][j]
// comparing ranking j with ranking i as the reference (only WS is
// asymmetric).
//
// # Weights response
//
// For "ahp", a [scoring.AHPResult]: "method", "priority", "weights"
// (positive, summing to 1), "lambda_max", "ci", "cr", "ri",
// "random_index", "threshold", "consistent", "matrix" (the completed
// matrix), "filled" (the [row, col] pairs that were missing), "revisit"
// (the judgements most worth revising, each {"row", "col", "judgement",
// "suggested", "ratio"}) and "notes". For the other methods, a
// [scoring.Weighting]: "method", "criteria" (names, when the weights come
// from a matrix), "weights" (non-negative, summing to 1) and "basis" (the
// per-criterion quantity the weights are proportional to).
//
// # SMAA request
//
// [SMAARequest] is a score request plus two keys:
//
//   - "samples": the number of weight vectors to draw; 0 or absent means
//     10,000; negative is an error.
//   - "seed": the seed of the random stream; the same seed gives the same
//     result bit for bit.
//
// The weights are drawn uniformly from the simplex, so criteria may omit
// "weight" (given weights are not used).
//
// An smaa request may describe imprecise data instead of exact values
// ([ImpreciseParams]); the analysis is then [scoring.ImpreciseSMAA]:
//
//   - "low" and "high" (together, instead of "matrix"): each cell's
//     interval; the value is drawn uniformly within it (equal bounds give
//     an exact value).
//   - "missing" (optional): one boolean per cell, true for a cell with no
//     value. The cell still holds a number in "matrix" (or "low" and
//     "high"), which is ignored; its value is drawn uniformly from the
//     criterion's "missing_range" or, without one, from the range of the
//     criterion's observed values.
//   - "missing_range" (optional): an object from criterion name to
//     [low, high].
//   - "ordinal" (optional): the names of the criteria known only by ranks:
//     their values are levels whose order alone counts, mapped in each draw
//     to values in [0, 1] as SMAA-O does; such a criterion takes no interval
//     and no missing cell.
//   - "value_draws" (optional): the number of concrete matrices drawn; 0 or
//     absent means 100. The samples are shared evenly between them.
//
// Errors name the key at fault: "low[1][0]", "missing[0][2]",
// "ordinal[0]", "missing_range.cost". The response has the shape below;
// its "confidence" is absent (it needs exact values).
//
// # SMAA response
//
// A [scoring.SMAAResult]: "method", "alternatives", "criteria", "samples",
// "seed", "weights" and "values" (echo of the weight and value
// distributions), "rank_acceptability" (per alternative, the share of
// samples giving it each rank), "central_weights" (per alternative, the
// mean weights that rank it first), "confidence" (per alternative, the
// probability it is first at its central weights),
// "holistic_acceptability" and "notes".
//
// # Errors
//
// Every error caused by the request wraps [ErrBadInput], names the key or
// position at fault (for example `criteria[1] ("cost"): missing weight`)
// and, where the engine classified it, also matches a scoring sentinel
// such as [scoring.ErrUnknownName]. Wrap errors of your own input checks
// with [BadInput] to answer them the same way.
package scoringjson
