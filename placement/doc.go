// Package placement recommends where social media should sit in an
// organisation: which department is the home of the central team, which
// operating model (organic, centralized, hub-and-spoke, dandelion,
// honeycomb), what the central team does (coordinating, advisory,
// executing, advisory-executing) and who does the labour (in-house,
// hybrid, agency) — with the reasons, a responsibility (RACI) map per
// touchpoint, and a transition roadmap from today's structure.
//
// # Quick start
//
//	p, err := placement.ReadProfile(file)            // strict YAML or JSON
//	rec, err := placement.Recommend(ctx, p, placement.Options{})
//	for _, e := range rec.Ranking[:5] {
//		fmt.Println(e.Rank, e.Structure.Name(), e.Score, e.Strengths, e.Weaknesses)
//	}
//	json.NewEncoder(os.Stdout).Encode(rec)           // the CLI's JSON shape
//
// [Recommend] uses the default model and catalogue through a recommender
// built once and shared. To use another model or catalogue, build a
// [Recommender] once with [NewRecommender] and a [Config] (it validates the
// model, copies the catalogue and precomputes the candidates) and call
// [Recommender.Recommend]; it is safe for concurrent use.
// [Recommender.WithOptions] derives a recommender with other [Options]
// that shares the compiled model, so a sweep over seeds or methods
// compiles nothing.
//
// # Profiles
//
// A [Profile] describes the organisation with the snake_case fields of the
// issue: name, employees, business_units, countries, founded,
// social_priority, social_staff, budget_level, sign_off_layers, silos,
// department_harmony, regulation, maturity, executive_sponsorship, agency,
// sector ([Sector]: financial, pharma, public-sector, health, other;
// optional), touchpoints (touchpoint ID → activity 0–5), current (a [Structure]) and
// weights (criterion ID → weight). [ReadProfile] decodes strictly and
// reports every problem at once. Only employees is required. Defaults:
// business units and countries 1; the 1–5 scales 3, except regulation 1;
// social staff and sign-off layers 0; agency open; no current structure;
// weights derived by the model; touchpoints left out: every touchpoint of
// the catalogue, active at its typical volume (the touchpoint's Volume,
// 1–5). A recommendation lists every value it assumed this way in
// [Recommendation.Assumptions] (JSON "assumptions", and in the text
// report), so that whoever reads it sees what was not stated. A
// touchpoint map that is given but has nothing active is an error.
//
// # Structures
//
// A [Structure] is home × model × role × sourcing, written in files as
// {"home", "model", "role", "sourcing"}. [Enumerate] lists the coherent
// candidates with stable short IDs ("hs-com-ae-in") and human names
// ("Hub-and-spoke centre of excellence in Communications, advisory and
// executing, in-house"); the coherence rules are on [Structure.Validate]
// and the admissibility rules on [Enumerate] — 110 candidates over the
// default homes.
//
// # Criteria
//
// Structures are judged on ten criteria ([Criteria]): agility,
// consistency, coverage, expertise, cost, risk-compliance, authenticity,
// scalability, influence and change-effort. Cost and change-effort are cost
// criteria (lower is better). Every performance is on a 0–10 scale.
//
// # The model
//
// A [Model] is data: about 170 coefficients, each with a one-line
// rationale, an evidence kind ([Evidence]: survey, analyst, theory, vendor,
// judgement) and a source. [DefaultModel] returns
// the embedded calibration (model.yaml); a consultant can load their own
// with [ReadModel]. For a structure s and profile p:
//
//   - Table criteria (all but coverage and change-effort) start at 5
//     (neutral) plus the base value of the operating model
//     (model.<model>.<criterion>; the signs of Owyang's 2010 matrix and its
//     Altimeter refinements, one source step = 1.25 points) plus the
//     modifiers of the role, sourcing and home (role.*, sourcing.*,
//     home.*), plus profile interactions, each a named coefficient: sign-off
//     layers and realtime volume slow a centre that executes; business units
//     × countries swamp a single central team and saturate a single hub but
//     feed a dandelion, counting only as far as the head count can fill
//     them (a unit or country counts fully while there are about 250
//     employees for each); feasibility comes before preference: the staff a
//     structure needs is estimated from the work ([Staffing]: active
//     touchpoints, realtime volume, size, priority, units, countries, role;
//     staff.*), and the gap to social_staff (plus what a high budget can
//     hire) raises cost and lowers expertise, agility and coverage (hybrid
//     and agency sourcing do part of the centre's work, at a fee, a
//     hand-off, less control, a regulatory blind spot and, where social is
//     core, a weaker voice; sourcing-fit.*); regulation and
//     high-risk touchpoints penalise structures without an approval path
//     and reward a central executing team; silos and poor harmony make
//     organic work chaotic, hubs costlier, and a hub inside one rival
//     department distrusted (Alonso, Dessein & Matouschek 2008), while a
//     neutral executive unit gains; maturity and executive sponsorship
//     decide whether dandelion and honeycomb are feasible; small size
//     relieves organic's drawbacks and makes hubs overhead, and a hub or
//     dandelion in a small single-unit firm has no spokes to give its
//     agility and authenticity (size.spoke-benefit). The raw value
//     is mapped onto (0, 10) by a logistic curve with slope 1 at 5, so
//     order is kept at the extremes.
//   - Coverage is computed, not tabled: for every active touchpoint the
//     model finds who does the work under s (the natural owner where spokes
//     execute, the centre's home where it executes) and scores the fit —
//     full when the owner does it, less for a partner or another
//     department, less again when a central team must absorb another
//     department's realtime, high-volume work (customer care), and less
//     when high-risk work has no approval path; organic coverage is patchy.
//     Coverage is the activity-weighted mean fit × 10. So a
//     customer-service-heavy profile needs customer service in the loop,
//     and a caller's own touchpoints work without code changes.
//   - Change effort is the distance from the current structure: steps along
//     organic < centralized < hub-and-spoke < dandelion < honeycomb, with
//     the organic leap, moving backward, and changes of home, role and
//     sourcing each costed, scaled up by low maturity, low sponsorship and
//     size; mapped onto [1, 10) (1 = no change).
//   - Default weights start at 1 per criterion and move with the profile
//     (weight.* coefficients): regulation raises risk-compliance and
//     consistency, realtime touchpoints raise agility, breadth and spread
//     raise coverage, size raises scalability, priority raises influence,
//     expertise and scalability, a low budget or no staff raises cost, low
//     maturity raises change-effort and risk, sign-off layers raise
//     agility, a digital-native founding year raises authenticity and
//     agility; no weight falls below the weight.floor coefficient before
//     normalising. [Recommendation.WeightsSource] lists every adjustment
//     of 0.05 or more with the profile fact behind it, counts the smaller
//     ones and names each criterion raised to the floor. Profile weights
//     replace them entirely.
//
// Judgement and evidence. The directions (signs) of the model, role,
// sourcing and home entries come from the sources (mostly analyst
// frameworks); magnitudes are our judgement unless a coefficient is tagged
// survey (team sizes, budgets, response-time expectations, prevalence).
// The interaction and coverage formulas are judgement grounded in the cited
// theory and practice; the coherence rules of the enumerator are judgement
// from the published definitions of each operating model and role. Sixteen
// face-validity scenarios drawn from the sources are tests, each citing its
// source.
//
// # Calibration
//
// The default model's version and changelog live next to its numbers, in
// model.yaml ([Model.Changelog]): what moved in each version and why. The
// directions the sources give for every profile factor are data too
// (directions.yaml, [DefaultDirections]) and are tested by sweeping each
// factor from a small, a mid and a large organisation; 22 realistic
// profiles in testdata carry their expected direction. Magnitudes remain
// judgement unless a coefficient is tagged survey.
//
// # Recommendations
//
// [Recommender.Recommend] ranks the admissible candidates (agency stance
// "none" keeps in-house ones; today's structure is always ranked). Each
// structure's performances (0–10) are valued against the fixed bounds of
// that scale, not against the other candidates ([ValueScale]: x/10, and
// 1 − x/10 on cost and change-effort), and the default method,
// scoring.WeightedSum with Normalization None, weighs those values as they
// are — additive, so each score splits into per-criterion contributions,
// and a structure's score depends only on the profile and the structure:
// adding, removing or changing other candidates never moves it, so an
// irrelevant alternative cannot swap two structures (the rank reversal
// Belton & Gear 1983 showed for AHP, which min–max normalisation over the
// candidates, the default before model version 7, also allowed). It
// cross-checks the ranking with TOPSIS on the same values, reporting
// Spearman's rho, Kendall's tau and whether the winners agree in
// [Robustness]. The top three structures
// (Options.Detail) get strengths and weaknesses in plain words tied to the
// profile ("3 sign-off layers slow a team that executes centrally"):
// every number in them is the profile's (or, for staffing, the need it is
// set against), a profile fact is told only where sourced thresholds in
// reasons.yaml bear it out (a hub's overhead is not "heavy" above 5,000
// employees), no reason repeats, and a structure's own traits are told in
// the client wording of reasons.yaml, never with the model's rationales.
// Each gets a RACI map ([Assignment]) for every active touchpoint:
// Responsible is whoever does the work under the structure — except that
// customer service keeps customer care whatever the home — Accountable the
// executor except for risk-5 work, which stays with its natural owner with
// the executive informed; the centre's home, the touchpoint's partners
// and, for risky or regulated work, legal are consulted; the profile's
// sector adds its roles (drug safety on pharma listening, records
// management on a public body's external work). The roadmap follows the
// analysts' typical order: audit, a cross-functional project team for
// medium and large organisations, buy-in (of the spokes for a hub, of the
// departments whose work a central team takes over), policy with HR and
// legal, crisis plan, approvals and the sector's duties, the structural
// move, training, spokes, sourcing — each step only where the target
// structure has what it needs. Sector references and roles live in
// sectors.yaml with their sources ([SectorReferences]); the wording of the
// other steps and of their reasons, with the published figures they quote,
// lives in roadmap.yaml, each text with its source.
//
// Robustness: every recommendation is cross-checked against a second
// method (TOPSIS by default) with Spearman's ρ and Kendall's τ. With
// Options.SMAA, SMAA-2 (Lahdelma & Salminen 2001) draws weightings from a
// Dirichlet distribution centred on the recommendation's weights and
// reports each leading structure's first-rank acceptability, confidence
// factor and central weights ([SMAASummary]); the seed makes it
// reproducible and the context of [Recommender.Recommend] lets a caller stop it.
// With Options.Sensitivity, one-at-a-time weight sensitivity says for each
// criterion how far its weight can move, the others keeping their
// proportions, before another structure comes first ([SensitivitySummary]).
//
// # Stage, peers and gaps
//
// Every recommendation also says where the organisation stands, as a
// consultant's assessment would ([Recommendation.Stage],
// [Recommendation.Benchmarks], [Recommendation.Gaps]):
//
//   - Stage places the profile on a named maturity model, by default
//     Forrester's five social maturity stages (Corcoran & Overby 2011:
//     dormant, testing, coordinating, scaling, empowering). A stated
//     maturity is believed unless the profile shows a marker of that stage
//     or one below to be missing (no crisis plan holds an organisation
//     below coordinating); the diagnosis lists the evidence, the markers
//     worth confirming, what the next stage needs and which operating
//     models organisations at the stage usually run. Maturity informs the
//     ranking (it enters the scores and gates the dandelion and honeycomb
//     models) but the stage's list does not bound it: when the
//     recommended model goes beyond the stage, the diagnosis says so
//     ([StageDiagnosis.Fit]) and the roadmap stands up the model the stage
//     carries first, moving to the target once the stage that carries it
//     is reached.
//   - Benchmarks set the profile's social staff, budget, sourcing and
//     current structure against published figures for its size band and
//     diagnosed maturity (Altimeter, Ragan, Wildfire, SmartBrief) as
//     "you / peers / source" rows ([Comparison]).
//   - Gaps walk the governance checklist of the profile's Governance
//     field (policy, policy known by staff, crisis plan, account
//     inventory, archiving where regulated, training, measurement tied to
//     business metrics, executive sponsor). Unknown is a state of its own:
//     a question to ask, not a gap. Each practice answered no comes with
//     the published figure that makes it matter and is closed by a roadmap
//     step ([Step.Closes]); a practice answered yes is never built again,
//     only adapted where the change of structure touches it.
//
// The stages, markers, practices and peer figures are data with a source
// for every entry (maturity.yaml and benchmarks.yaml, embedded); a
// consultant loads their own with [ReadMaturityModel] and
// [ReadBenchmarks] and passes them in [Config].
//
// A [Recommendation] carries what it was computed from and with: the
// profile as used and the values assumed for what it left out, the
// model's and the catalogue's [Identity] (name, version, SHA-256 of the
// data), the ranking method with its options and its full scoring.Result
// (whose Better says which way scores improve). Per-criterion values —
// weights, performances, contributions — are [CriterionValues], looked up
// by [Criterion] (rec.Weights.Get(Agility)), so no index can be off by
// one. Its JSON form reads back into an equal value.
//
// # Conventions
//
//   - Inputs are copied; nothing a caller passes is modified, and returned
//     models, catalogues and candidate lists are copies.
//   - Errors wrap one of the package's sentinels ([ErrMissing], [ErrRange],
//     [ErrUnknownName], [ErrUnknownTouchpoint], [ErrUnknownDepartment],
//     [ErrIncoherent], [ErrWeights], [ErrModel], [ErrSyntax],
//     [ErrNoCandidates], [ErrNotFinite]); field problems are [*FieldError]
//     values with the file-format path, joined with [errors.Join]. The
//     kinds shared with touchpoint and scoring are the same values there
//     (package [github.com/socialseat/socialseat/invalid]), so errors.Is
//     answers alike whichever package found the problem.
//   - Results are deterministic and contain no NaN or Inf: a ranking
//     method that returns a non-finite score is an error
//     (scoring.ErrNotFinite), not a silent zero.
//   - No package-level mutable state; [DefaultModel] and [Enumerate] return
//     fresh values.
//
// # Performance
//
// A recommendation with the default model (110 candidates, WSM plus the
// TOPSIS cross-check, three structures explained) takes about 0.1 ms and
// 130–200 allocations through either entry point: [Recommend] reuses a
// default recommender built once, and [Recommender.WithOptions] shares
// the compiled model. See BenchmarkRecommend. Options.Sensitivity and
// Options.SMAA cost far more (milliseconds to seconds) and are off unless
// asked for.
package placement
