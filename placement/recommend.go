package placement

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/touchpoint"
)

// Recommender ranks placement structures for profiles with one validated
// model, one catalogue and one set of [Options]. Build it once with
// [NewRecommender] and call [Recommender.Recommend] as often as needed: it
// is immutable and safe for concurrent use. [Recommender.WithOptions]
// gives a recommender with other options that shares the compiled model
// and the precomputed candidates, which is what a sweep over seeds or
// methods wants.
type Recommender struct {
	*engine
	opts Options
}

// engine is the immutable, compiled part of a Recommender, shared by every
// recommender derived from it with WithOptions.
type engine struct {
	model      Model
	cm         *compiled
	catalog    *touchpoint.Catalog
	tps        []touchpoint.Touchpoint
	candidates []Structure
	ids        []string
	statics    []row       // static performance of each candidate
	fits       [][]fitPart // fit parts of each candidate for each touchpoint
	crits      []scoring.Criterion
	// all is a problem over every candidate (values unset), whose names
	// were checked once: a profile that keeps every candidate gets its
	// problem from all.WithValues.
	all        *scoring.Problem
	modelID    Identity
	catalogID  Identity
	maturity   *MaturityModel
	benchmarks *Benchmarks
	scratch    sync.Pool // of *scratch

	// covClass numbers the candidates whose fit parts are all equal, and
	// so is their coverage of any profile: from 0 to numCov−1.
	covClass []int
	numCov   int
}

// scratch holds the slices a recommendation needs only while it is made,
// reused from one recommendation to the next.
type scratch struct {
	evalScratch
	keep    []int
	structs []Structure
	names   []string
	flat    []float64 // the performances, row-major, one row per structure
	values  []float64 // the same on the fixed value scale (see ValueScale)
	terms   []termRec // the terms of the structure being explained
}

// getScratch returns a scratch with room for m structures.
func (r *engine) getScratch(m int) *scratch {
	sc, _ := r.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	if cap(sc.structs) < m {
		sc.keep = make([]int, 0, m)
		sc.structs = make([]Structure, m)
		sc.names = make([]string, m)
		sc.flat = make([]float64, m*NumCriteria)
		sc.values = make([]float64, m*NumCriteria)
	}
	return sc
}

// Config configures a [Recommender]. The zero value means the default
// model, the default catalogue and the default options.
type Config struct {
	// Model is the calibration; nil means [DefaultModel]. It is validated
	// and copied.
	Model *Model
	// Catalog is the touchpoint catalogue that profiles and structures are
	// checked against and whose touchpoints the model scores; nil means
	// [touchpoint.DefaultCatalog]. It is copied.
	Catalog *touchpoint.Catalog
	// Options are the recommendation options; see [Options] for what each
	// zero field means.
	Options Options
	// Maturity is the maturity model a profile is placed on and whose
	// governance checklist gives its gaps; nil means
	// [DefaultMaturityModel]. It is validated and copied.
	Maturity *MaturityModel
	// Benchmarks are the peer figures a profile is set against; nil means
	// [DefaultBenchmarks]. They are validated and copied.
	Benchmarks *Benchmarks
}

// NewRecommender validates the model and copies it, the catalogue and the
// options of cfg. The candidates are [Enumerate] over [DefaultHomes] plus
// any other department the model has home coefficients for that the
// catalogue knows.
//
// Errors: an invalid model ([ErrModel], as [*FieldError] values).
func NewRecommender(cfg Config) (*Recommender, error) {
	var m Model
	if cfg.Model == nil {
		m = DefaultModel()
	} else {
		m = cfg.Model.Clone()
	}
	cm, err := compile(m)
	if err != nil {
		return nil, err
	}
	c := cfg.Catalog
	if c == nil {
		c = touchpoint.DefaultCatalog()
	} else {
		c = c.Clone()
	}
	homes := DefaultHomes()
	for _, h := range cm.homes {
		if !slices.Contains(homes, h.home) && !h.home.IsStandard() && c.KnownDepartment(h.home) {
			homes = append(homes, h.home)
		}
	}
	mm, bm := cfg.Maturity, cfg.Benchmarks
	if mm == nil {
		mm = DefaultMaturityModel()
	} else if err := mm.Validate(); err != nil {
		return nil, err
	} else {
		mm = mm.Clone()
	}
	if bm == nil {
		bm = DefaultBenchmarks()
	} else if err := bm.Validate(); err != nil {
		return nil, err
	} else {
		bm = bm.Clone()
	}
	r := &engine{model: m, cm: cm, catalog: c, tps: c.All(), candidates: Enumerate(homes),
		modelID: modelIdentity(m), catalogID: catalogIdentity(c), maturity: mm, benchmarks: bm}
	r.ids = make([]string, len(r.candidates))
	r.statics = make([]row, len(r.candidates))
	r.fits = make([][]fitPart, len(r.candidates))
	flatFits := make([]fitPart, len(r.candidates)*len(r.tps))
	for i, s := range r.candidates {
		r.ids[i] = s.ID()
		r.statics[i] = cm.static(s, nil)
		r.fits[i] = flatFits[i*len(r.tps) : (i+1)*len(r.tps)]
		for j := range r.tps {
			r.fits[i][j] = cm.fitPart(s, &r.tps[j])
		}
	}
	r.covClass, r.numCov = coverageClasses(r.fits)
	r.crits = make([]scoring.Criterion, NumCriteria)
	for i, c := range Criteria() {
		// Benefit throughout: the problem holds the values on the fixed
		// scale, where cost criteria are already reversed (ValueScale).
		r.crits[i] = scoring.Criterion{Name: c.String(), Direction: scoring.Benefit}
	}
	all, err := scoring.NewProblemRowMajor(r.ids, r.crits, make([]float64, len(r.ids)*NumCriteria))
	if err != nil {
		return nil, fmt.Errorf("placement: building the decision problem: %w", err)
	}
	r.all = all
	return &Recommender{engine: r, opts: cloneOptions(cfg.Options)}, nil
}

// defaultRecommender is the recommender of the package-level [Recommend]:
// built once, on first use, and immutable afterwards.
var defaultRecommender = sync.OnceValues(func() (*Recommender, error) {
	return NewRecommender(Config{})
})

// WithOptions returns a recommender with options o that shares r's
// compiled model, catalogue and candidates: it costs one small allocation,
// not a recompilation. o is copied.
func (r *Recommender) WithOptions(o Options) *Recommender {
	return &Recommender{engine: r.engine, opts: cloneOptions(o)}
}

// Options returns a copy of the recommender's options.
func (r *Recommender) Options() Options { return cloneOptions(r.opts) }

// cloneOptions copies the parts of o that a caller could change later.
func cloneOptions(o Options) Options {
	o.Candidates = slices.Clone(o.Candidates)
	o.Weights = maps.Clone(o.Weights)
	return o
}

// Model returns a copy of the recommender's model.
func (r *Recommender) Model() Model { return r.model.Clone() }

// Catalog returns a copy of the recommender's catalogue.
func (r *Recommender) Catalog() *touchpoint.Catalog { return r.catalog.Clone() }

// Candidates returns a copy of the enumerated candidate structures (before
// a profile's agency stance filters them, and before Options.Candidates
// replaces them).
func (r *Recommender) Candidates() []Structure { return slices.Clone(r.candidates) }

// Options adjust a recommendation. The zero value gives the documented
// defaults.
type Options struct {
	// (A new field must also join the zero-value test in Recommend.)

	// Method ranks the structures. It sees each structure's values on the
	// fixed scale (see [ValueScale]): in [0, 1], higher is better on every
	// criterion. Nil means the default,
	// scoring.WeightedSum{Normalization: scoring.None}: an additive method,
	// so every score splits into per-criterion contributions, that weighs
	// the fixed-scale values as they are, so a structure's score depends
	// only on the profile and the structure, never on which other
	// structures are candidates. A method that normalises over the
	// candidates (scoring.WeightedSum{Normalization: scoring.MinMax}, the
	// default before model version 7, or TOPSIS) gives that up.
	Method scoring.Method
	// CrossCheck is the second method whose ranking is compared with the
	// first. Nil means scoring.TOPSIS{Normalization: scoring.None}: TOPSIS
	// on the same fixed-scale values (see [ValueScale]), which are already
	// commensurable, so the check differs from the weighted sum in how it
	// aggregates (closeness to the candidates' ideal and anti-ideal), not
	// in a second normalisation.
	CrossCheck scoring.Method
	// Detail is the number of top structures explained with strengths,
	// weaknesses and a RACI map. Zero means 3; it is capped at the number
	// of candidates.
	Detail int
	// Candidates, if not nil, replaces the enumerated candidates. Each must
	// pass [Structure.Validate] against the catalogue.
	Candidates []Structure
	// SMAA, when not nil, adds a stochastic acceptability analysis to the
	// recommendation's Robustness; nil means none. &SMAAOptions{} runs
	// the default analysis (10,000 samples, seed 0), as scoring.SMAA{}
	// does.
	SMAA *SMAAOptions
	// Sensitivity, when true, adds a one-at-a-time weight sensitivity
	// analysis to the recommendation's Robustness: for each criterion,
	// how far its weight can move, the others keeping their proportions,
	// before another structure comes first (scoring.Sensitivity with the
	// ranking method). For the default, additive, method the thresholds
	// are exact and the analysis takes milliseconds; for others (TOPSIS,
	// VIKOR) they are found on a grid, which reranks every candidate at
	// each grid point: about a second for the full catalogue. It is off
	// by default because even the exact analysis costs many times the
	// recommendation itself (about 0.1 ms).
	Sensitivity bool
	// Weights, if not empty, are the criterion weights to rank with, in
	// place of the profile's own (Profile.Weights) and of those the model
	// derives from the profile: for example a workshop's group weights,
	// which belong to the decision rather than to the organisation's
	// profile. Criteria left out get weight 0. Values must be finite,
	// non-negative and not all zero; they are normalised to sum to 1.
	// Errors are [*FieldError] values at "options.weights.<criterion>".
	Weights map[Criterion]float64
	// WeightsSource, with Weights, is the sentence that says where they
	// came from, shown to the client as the recommendation's
	// WeightsSource (for example "the weights agreed by the board's four
	// members in the workshop of 3 March: the geometric mean of their
	// pairwise judgements"). Empty means "the weights given with the
	// request". Without Weights it must be empty.
	WeightsSource string
	// Progress, if not nil, is told how far the long analyses have got:
	// analysis is "smaa" or "sensitivity", and for each analysis in turn
	// done runs up to total without decreasing (the contract of
	// scoring.SMAA.Progress). It is called from the goroutine that called
	// Recommend, never concurrently, and must return quickly; to stop
	// early, cancel the context.
	Progress func(analysis string, done, total int)
}

// SMAAOptions configure the SMAA-2 robustness analysis (Lahdelma &
// Salminen 2001) of a recommendation: weight vectors are drawn from a
// Dirichlet distribution centred on the recommendation's weights, every
// draw ranks the structures with the recommendation's method, and the
// share of draws in which each structure comes first is its first-rank
// acceptability. Its zero value, like scoring.SMAA's, is the default
// analysis; Options.SMAA = nil runs none.
type SMAAOptions struct {
	// Samples is the number of weight vectors; 0 means 10,000, as in
	// scoring.SMAA.
	Samples int `json:"samples"`
	// Seed selects the random streams; the same seed gives the same
	// result whatever the number of workers.
	Seed uint64 `json:"seed"`
	// Concentration is the Dirichlet concentration κ around the weights:
	// larger is tighter. Zero means 50, under which a weight of 0.10 has a
	// standard deviation of about 0.04 — "plausible" disagreement about
	// the weights rather than any weighting at all.
	Concentration float64 `json:"concentration"`
	// Workers is the number of goroutines; 0 means all CPUs.
	Workers int `json:"-"`
}

// defaultConcentration is SMAAOptions.Concentration's default.
const defaultConcentration = 50

// Recommendation is the explained answer for one profile. It marshals to
// the JSON shape of the CLI contract ([Recommendation.MarshalJSON]) and
// reads back from it into an equal value
// ([Recommendation.UnmarshalJSON]), so a stored recommendation can be
// reloaded.
type Recommendation struct {
	// Profile is the profile as used, with defaults filled in.
	Profile Profile
	// Assumptions lists every value the recommendation assumed because
	// the profile left it out, with the reason; empty when the profile
	// stated everything that matters.
	Assumptions []Assumption
	// Model identifies the calibration: its name and version (for the
	// default model "socialseat-default" and DefaultModel().Version) and
	// the hash of its data.
	Model Identity
	// Catalog identifies the touchpoint catalogue.
	Catalog Identity
	// Method is the ranking method with its options, as used (the default
	// in place of a nil Options.Method).
	Method scoring.Method
	// Scale says how the structures' performances were turned into the
	// values the ranking method weighs: against the fixed bounds of the
	// performance scale, not against the other candidates.
	Scale ValueScale
	// Result is the ranking method's full result: Result.Method is its
	// token ("wsm"), Better says whether a higher or a lower score is
	// better, and Scores, Ranks and Contributions (nil for a method that
	// is not additive) are indexed like Result.Alternatives — the ranked
	// structures' IDs in the order the method saw them, not best first
	// (Ranking is best first). Result.Weights equal Weights in criterion
	// order.
	Result *scoring.Result
	// Weights are the criterion weights used, normalised to sum to 1.
	Weights CriterionValues
	// WeightsSource says where the weights came from: the profile's own
	// weights, or the model's derivation with each profile fact that moved
	// a weight.
	WeightsSource string
	// Ranking lists every candidate, best first.
	Ranking []Ranked
	// RACI is the responsibility map of the top structure for every active
	// touchpoint (equal to Ranking[0].RACI).
	RACI []Assignment
	// Roadmap is the transition from the profile's current structure to
	// the top structure, in order.
	Roadmap []Step
	// Robustness says how much the ranking can be trusted.
	Robustness Robustness
	// Dimensions say, for home, operating model, role and sourcing, the
	// top structure's value, its SMAA first-rank acceptability summed over the
	// structures that share it (with Options.SMAA), the runner-up and
	// whether it is a clear or a close call.
	Dimensions []DimensionCertainty
	// Stage places the organisation on the maturity model (Forrester's
	// social maturity stages by default): the stage, the profile facts
	// that put it there and what the next stage requires.
	Stage StageDiagnosis
	// Benchmarks set the organisation's staff, budget, sourcing and
	// structure against published peer figures for its size and maturity.
	Benchmarks []Comparison
	// Gaps lists the governance practices not known to be in place, each
	// with the figure that makes it matter and the roadmap step that
	// closes it.
	Gaps []Gap
}

// Assumption is a value a recommendation assumed for a field the profile
// left out, so that whoever reads the recommendation sees what was not
// stated.
type Assumption struct {
	// Field is the profile field, in file-format names
	// ("touchpoints.customer-support", "social_priority").
	Field string `json:"field"`
	// Value is the value assumed, as text.
	Value string `json:"value"`
	// Reason says where the value comes from.
	Reason string `json:"reason"`
}

// Ranked is one structure's place in a recommendation.
type Ranked struct {
	// Rank is 1 for the best; tied scores share the smaller rank.
	Rank int
	// Structure is the candidate; ID and Name come from its methods.
	Structure Structure
	// Score is the ranking method's score; Recommendation.Result.Better
	// says whether higher or lower is better (higher for the default
	// method).
	Score float64
	// Values are the structure's performances on the 0–10 criterion scale;
	// for cost and change-effort lower is better.
	Values CriterionValues
	// Contributions are each criterion's part of Score (weight times
	// normalised value: for the default method the value on the fixed
	// scale, see [ValueScale]); nil if the method is not additive.
	Contributions *CriterionValues
	// Strengths and Weaknesses say, in plain words tied to the profile,
	// what lifts and what holds back this structure compared with the
	// average candidate. Set for the top Options.Detail structures only.
	Strengths, Weaknesses []string
	// RACI is the responsibility map for every active touchpoint. Set for
	// the top Options.Detail structures only.
	RACI []Assignment
	// Staffing is the social-media staff the structure needs, estimated
	// from the profile's workload. Set for every structure.
	Staffing Staffing
}

// Assignment says who does what on one touchpoint (a row of a RACI map).
// A department appears in at most one of Consulted and Informed, and in
// neither if it is Responsible or Accountable.
type Assignment struct {
	// Touchpoint is the touchpoint.
	Touchpoint touchpoint.ID
	// Activity is the touchpoint's activity level in the profile, 1–5
	// (only active touchpoints get a row).
	Activity int
	// Responsible lists the departments that do the work.
	Responsible []touchpoint.Department
	// Accountable is the one department that answers for the work.
	Accountable touchpoint.Department
	// Consulted lists the departments asked before the work is done.
	Consulted []touchpoint.Department
	// Informed lists the departments told after it is done.
	Informed []touchpoint.Department
}

// Step is one step of a transition roadmap.
type Step struct {
	// Step says in plain words what to do.
	Step string `json:"step"`
	// Why gives the reason for the step, with the sources behind it.
	Why string `json:"why"`
	// Closes lists the governance practices (IDs of the maturity model's
	// checklist, such as "crisis-plan") whose gap this step closes.
	Closes []string `json:"closes,omitempty"`
}

// Robustness says how much a ranking can be trusted: the cross-check of
// the ranking against a second method and, when Options.SMAA asks for it,
// first-rank acceptabilities from SMAA-2 (stochastic multicriteria
// acceptability analysis).
type Robustness struct {
	// Method is the ranking method's token.
	Method string `json:"method"`
	// CrossCheck compares the ranking with a second method's.
	CrossCheck CrossCheck `json:"cross_check"`
	// SMAA holds the stochastic acceptability analysis, when
	// Options.SMAA asked for one; nil otherwise.
	SMAA *SMAASummary `json:"smaa,omitempty"`
	// Sensitivity holds the one-at-a-time weight sensitivity analysis,
	// when Options.Sensitivity asked for one; nil otherwise.
	Sensitivity *SensitivitySummary `json:"sensitivity,omitempty"`
	// Alternative is the best-ranked structure with another operating
	// model than the recommended one: the margin that matters, since the
	// structures just behind the first are often its twins (the same
	// operating model with another home, role or sourcing). Nil when every
	// ranked structure shares the first one's operating model.
	Alternative *Alternative `json:"alternative,omitempty"`
}

// Alternative is the nearest structure of a different operating model in
// a ranking.
type Alternative struct {
	// ID is the structure's short identifier ([Structure.ID]).
	ID string `json:"id"`
	// Name is the structure's readable name ([Structure.Name]).
	Name string `json:"name"`
	// Rank is its rank in the ranking, 1 the best (as [Ranked.Rank]).
	Rank int `json:"rank"`
	// Gap is how far its score is from the first structure's, on the
	// ranking's scale: never negative, whichever way the method's scores
	// point.
	Gap float64 `json:"gap"`
}

// alternative finds the first entry of ranking (in rank order) whose
// operating model differs from the first entry's.
func alternative(ranking []Ranked) *Alternative {
	if len(ranking) == 0 {
		return nil
	}
	first := &ranking[0]
	for i := range ranking[1:] {
		e := &ranking[1+i]
		if e.Structure.Model != first.Structure.Model {
			return &Alternative{ID: e.Structure.ID(), Name: e.Structure.Name(), Rank: e.Rank,
				Gap: math.Abs(first.Score - e.Score)}
		}
	}
	return nil
}

// SensitivitySummary says how far each criterion's weight can move before
// the recommended structure stops coming first, when that weight moves
// alone and the other weights keep their proportions.
type SensitivitySummary struct {
	// Exact is true when the thresholds are closed-form (an additive
	// ranking method) and false when they were found on a grid.
	Exact bool `json:"exact"`
	// Margins holds one entry per criterion, in criterion order; look one
	// up with [SensitivitySummary.Margin] rather than by position.
	Margins []WeightMargin `json:"margins"`
	// Analysis is the full result behind the summary (every structure's
	// score along every weight's path, every rank reversal), with
	// structure IDs as the alternatives' names. It feeds charts
	// (chart.Sensitivity) and is left out of the JSON form.
	Analysis *scoring.SensitivityResult `json:"-"`
}

// WeightMargin is how far one criterion's weight can move before the
// recommended structure changes.
type WeightMargin struct {
	// Criterion is the criterion.
	Criterion Criterion `json:"criterion"`
	// Weight is its weight in the recommendation.
	Weight float64 `json:"weight"`
	// Holds is true when no weight of this criterion in [0, 1] puts
	// another structure strictly ahead of the recommended one (a tie at
	// an end of the range does not count); the fields below are then zero.
	Holds bool `json:"holds"`
	// At is the weight, in [0, 1], at which another structure draws
	// level.
	At float64 `json:"at"`
	// Change is At − Weight: negative when the weight must fall, and zero
	// when the structures are already level at the recommendation's
	// weights.
	Change float64 `json:"change"`
	// Next is the ID of the structure that comes first beyond At.
	Next string `json:"next,omitempty"`
}

// Margin returns criterion c's margin, and false if there is none.
func (s *SensitivitySummary) Margin(c Criterion) (WeightMargin, bool) {
	if s != nil {
		for _, m := range s.Margins {
			if m.Criterion == c {
				return m, true
			}
		}
	}
	return WeightMargin{}, false
}

// Tightest returns the margin with the smallest change that changes the
// recommended structure, and false if no single weight can change it.
func (s *SensitivitySummary) Tightest() (WeightMargin, bool) {
	var best WeightMargin
	if s == nil {
		return best, false
	}
	found := false
	for _, m := range s.Margins {
		if !m.Holds && (!found || math.Abs(m.Change) < math.Abs(best.Change)) {
			best, found = m, true
		}
	}
	return best, found
}

// SMAASummary is the outcome of the SMAA-2 analysis of a recommendation.
type SMAASummary struct {
	// Samples is the number of weight vectors drawn (10,000 when
	// [SMAAOptions.Samples] was 0).
	Samples int `json:"samples"`
	// Seed is the seed used, [SMAAOptions.Seed].
	Seed uint64 `json:"seed"`
	// Concentration is the Dirichlet concentration κ used (50 when
	// [SMAAOptions.Concentration] was 0).
	Concentration float64 `json:"concentration"`
	// TopFirstRank is the first-rank acceptability of the recommended
	// (top-ranked) structure: the share of the sampled weightings under
	// which it comes first.
	TopFirstRank float64 `json:"top_first_rank_acceptability"`
	// Structures lists up to five structures that come first under some
	// sampled weighting, most often first first.
	Structures []Acceptability `json:"structures"`
	// Analysis is the full SMAA-2 result behind this summary: every
	// ranked structure's acceptability for every rank, central weights
	// and confidence factors, with structure IDs as the alternatives'
	// names. It feeds charts (chart.Acceptability) and further study, and
	// is left out of the JSON form, whose size it would multiply.
	Analysis *scoring.SMAAResult `json:"-"`
}

// Acceptability is one structure's SMAA-2 outcome.
type Acceptability struct {
	// ID is the structure's ID.
	ID string `json:"id"`
	// FirstRank is its first-rank acceptability b¹ in [0, 1].
	FirstRank float64 `json:"first_rank_acceptability"`
	// Confidence is its confidence factor: 1 when it ranks first under
	// its central weights.
	Confidence float64 `json:"confidence"`
	// CentralWeight is the typical weighting under which it ranks first.
	CentralWeight CriterionValues `json:"central_weights"`
}

// CrossCheck is the agreement between two methods' rankings.
type CrossCheck struct {
	// Method is the second method's token ("topsis").
	Method string `json:"method"`
	// Spearman is Spearman's rank correlation between the rankings.
	Spearman float64 `json:"spearman_rho"`
	// Kendall is Kendall's tau between the rankings.
	Kendall float64 `json:"kendall_tau"`
	// Winner is the ID of the second method's best structure.
	Winner string `json:"winner"`
	// SameWinner reports whether both methods rank the same structure first.
	SameWinner bool `json:"same_winner"`
	// WinnerRank is the rank the first method gives the second method's
	// winner.
	WinnerRank int `json:"winner_rank"`
}

// Recommend ranks the placement structures for p with the default model,
// the default catalogue and options o. The default recommender is built
// once, on first use, and shared; to use another model or catalogue, or to
// keep options across calls, build a [Recommender] with [NewRecommender].
func Recommend(ctx context.Context, p Profile, o Options) (*Recommendation, error) {
	r, err := defaultRecommender()
	if err != nil {
		return nil, err
	}
	if o.Method == nil && o.CrossCheck == nil && o.Detail == 0 && o.Candidates == nil &&
		o.SMAA == nil && !o.Sensitivity && o.Weights == nil && o.WeightsSource == "" && o.Progress == nil {
		return r.Recommend(ctx, p) // the default options: r's own
	}
	return r.WithOptions(o).Recommend(ctx, p)
}

// checkWeights checks Options.Weights and WeightsSource.
func (o *Options) checkWeights() error {
	errs := checkWeights("options.weights", o.Weights)
	if len(o.Weights) == 0 && o.WeightsSource != "" {
		errs = append(errs, explained("options.weights_source", ErrMissing, "a source without weights: set Options.Weights too"))
	}
	return joinErrs(errs)
}

// Recommend validates p against the recommender's catalogue and ranks the
// candidate structures with the recommender's options. Candidates with
// agency or hybrid sourcing are left out when the profile's agency stance
// is "none"; the current structure, if any, is always a candidate so the
// status quo is ranked too.
//
// The context stops the robustness analyses (Options.SMAA, and
// Options.Sensitivity between criteria) early; the error then satisfies
// errors.Is(err, ctx.Err()).
//
// Errors: the profile's validation errors ([errors.Join] of [*FieldError]);
// invalid Options.Candidates; [ErrNoCandidates]; errors from the scoring
// methods.
func (r *Recommender) Recommend(ctx context.Context, p Profile) (*Recommendation, error) {
	return r.recommend(ctx, p, false)
}

// recommend is Recommend; if short, it stops once the top
// Options.Detail structures are ranked (see Recommender.Shortlist): the
// recommendation has only those in Ranking, and no weights source,
// cross-check or anything that comes after the ranking.
func (r *Recommender) recommend(ctx context.Context, p Profile, short bool) (*Recommendation, error) {
	o := &r.opts
	if err := p.validate(r.catalog); err != nil {
		return nil, err
	}
	if err := o.checkWeights(); err != nil {
		return nil, err
	}
	stated := p.Maturity
	p, assumed := withAssumptions(p, r.tps)
	f := newFacts(p, r.tps, &r.cm.k)

	cands, ids := r.candidates, r.ids
	if o.Candidates != nil {
		var errs []error
		for i, s := range o.Candidates {
			if err := s.Validate(r.catalog, fmt.Sprintf("candidates[%d]", i)); err != nil {
				errs = append(errs, err)
			}
		}
		if err := joinErrs(errs); err != nil {
			return nil, err
		}
		cands = o.Candidates
		ids = nil
	}
	cur := assumedStart(&p)
	if p.Current != nil {
		cur = *p.Current
	}

	sc := r.getScratch(len(cands) + 1)
	defer r.scratch.Put(sc)

	// Admissible candidates.
	keep := sc.keep[:0]
	hasCur := false
	for i, s := range cands {
		if p.Agency == AgencyNone && s.Sourcing != InHouse && (p.Current == nil || s != cur) {
			continue
		}
		keep = append(keep, i)
		hasCur = hasCur || s == cur
	}
	extra := p.Current != nil && !hasCur
	m := len(keep)
	if extra {
		m++
	}
	if m == 0 {
		return nil, ErrNoCandidates
	}
	structs, names, flat := sc.structs[:m], sc.names[:m], sc.flat[:m*NumCriteria]
	for a := range m {
		switch {
		case a < len(keep) && ids != nil:
			structs[a], names[a] = cands[keep[a]], ids[keep[a]]
		case a < len(keep):
			structs[a] = cands[keep[a]]
			names[a] = structs[a].ID()
		default:
			structs[a] = cur
			names[a] = cur.ID()
		}
	}
	var staff staffTable
	staff.init(structs, &f, &r.cm.k, !short, &sc.evalScratch)
	r.evaluateAll(sc, structs, keep, ids != nil, &f, cur, &staff, flat)

	// Weights.
	rec := &Recommendation{Profile: p, Assumptions: assumed, Model: r.modelID, Catalog: r.catalogID}
	var w [NumCriteria]float64                  // in criterion order, as scoring wants them
	given, source := o.Weights, o.WeightsSource // the caller's, then the profile's
	switch {
	case len(given) > 0 && source == "":
		source = "the weights given with the request, normalised to sum to 1"
	case len(given) == 0:
		given, source = p.Weights, "profile: the weights given in the profile, normalised to sum to 1"
	}
	if len(given) > 0 {
		for c, x := range given {
			w[c-1] = x
		}
		rec.WeightsSource = source
	} else {
		wrec := sc.wrec[:0]
		wr := r.cm.weights(&f, &wrec)
		copy(w[:], wr[1:])
		if !short {
			rec.WeightsSource = r.weightsSource(wrec, &f, w)
		}
		sc.wrec = wrec
	}

	var (
		problem *scoring.Problem
		err     error
	)
	values := fixedValues(sc.values[:m*NumCriteria], flat)
	if ids != nil && m == len(cands) && len(keep) == m {
		problem, err = r.all.WithValues(values) // the names were checked once
	} else {
		problem, err = scoring.NewProblemRowMajor(names, r.crits, values)
	}
	if err != nil {
		return nil, fmt.Errorf("placement: building the decision problem: %w", err)
	}
	method := o.Method
	if method == nil {
		method = scoring.WeightedSum{Normalization: scoring.None}
	}
	check := o.CrossCheck
	if check == nil {
		check = scoring.TOPSIS{Normalization: scoring.None}
	}
	res, err := method.Rank(problem, w[:])
	if err == nil {
		err = finiteScores(res)
	}
	if err != nil {
		return nil, fmt.Errorf("placement: ranking: %w", err)
	}
	rec.Method, rec.Result, rec.Scale = method, res, fixedValueScale()
	rec.Weights = criterionValues(res.Weights)
	if !short {
		res2, err := check.Rank(problem, w[:])
		if err == nil {
			err = finiteScores(res2)
		}
		if err != nil {
			return nil, fmt.Errorf("placement: cross-check: %w", err)
		}
		if err := rec.crossCheck(res, res2); err != nil {
			return nil, err
		}
	}

	detail := o.Detail
	if detail <= 0 {
		detail = 3
	}
	detail = min(detail, m)
	sc.order = res.AppendOrder(sc.order[:0])
	order := sc.order
	if short {
		order = order[:detail]
	}
	rec.Ranking = make([]Ranked, len(order))
	var contribs []CriterionValues // one allocation for every entry's contributions
	if res.Contributions != nil {
		contribs = make([]CriterionValues, len(order))
	}
	for k, i := range order {
		e := &rec.Ranking[k]
		e.Rank = res.Ranks[i]
		e.Structure = structs[i]
		e.Score = res.Scores[i]
		e.Staffing = staff.staffing(&structs[i])
		if short {
			e.Staffing = e.Staffing.owned() // staff's estimates are reused
		}
		e.Values = criterionValues(flat[i*NumCriteria:])
		if contribs != nil {
			contribs[k] = criterionValues(res.Contributions.Row(i))
			e.Contributions = &contribs[k]
		}
	}

	if short {
		return rec, nil
	}
	means := criterionMeans(res, flat)
	for k := range detail {
		e := &rec.Ranking[k]
		e.Strengths, e.Weaknesses = r.explain(e, &f, cur, rec.Weights.v, means, &sc.terms)
		e.RACI = raci(e.Structure, &f)
	}
	rec.RACI = rec.Ranking[0].RACI
	rec.Robustness.Alternative = alternative(rec.Ranking)
	rec.Stage = r.maturity.diagnose(p, stated, assumedIn(rec.Assumptions))
	rec.Benchmarks = r.benchmarks.compare(p, rec.Stage.Stage.Level)
	rec.Gaps = r.maturity.gaps(p)
	rec.Roadmap = roadmap(p, rec.Ranking[0].Structure, rec.RACI, &f, rec.Gaps, r.maturity.place(p, &rec.Stage, rec.Ranking[0].Structure),
		&roadmapContext{ranking: rec.Ranking, maturity: r.maturity, level: rec.Stage.Stage.Level, benchmarks: r.benchmarks})
	if o.SMAA != nil {
		if err := rec.smaa(ctx, problem, method, structs, *o.SMAA, o.Progress); err != nil {
			return nil, err
		}
	}
	if o.Sensitivity {
		if err := rec.sensitivity(ctx, problem, method, o.Progress); err != nil {
			return nil, err
		}
	}
	rec.dimensions(structs, &r.cm.k)
	return rec, nil
}

// sensitivity fills rec.Robustness.Sensitivity.
func (rec *Recommendation) sensitivity(ctx context.Context, problem *scoring.Problem, method scoring.Method, progress func(string, int, int)) error {
	sens := scoring.Sensitivity{Method: method}
	if progress != nil {
		sens.Progress = func(done, total int) { progress("sensitivity", done, total) }
	}
	res, err := sens.Run(ctx, problem, rec.Weights.Slice())
	if err != nil {
		return fmt.Errorf("placement: sensitivity: %w", err)
	}
	s := &SensitivitySummary{Exact: res.Exact, Analysis: res, Margins: make([]WeightMargin, len(res.Sweeps))}
	for j, sw := range res.Sweeps {
		m := WeightMargin{Criterion: Criterion(j + 1), Weight: sw.Weight, Holds: !sw.Top.Found}
		if sw.Top.Found {
			m.At, m.Change, m.Next = sw.Top.Weight, sw.Top.Change, res.Alternatives[sw.Top.To]
		}
		s.Margins[j] = m
	}
	rec.Robustness.Sensitivity = s
	return nil
}

// smaaProgress adapts Options.Progress to scoring.SMAA.Progress.
func smaaProgress(progress func(string, int, int)) func(int, int) {
	if progress == nil {
		return nil
	}
	return func(done, total int) { progress("smaa", done, total) }
}

// smaa fills rec.Robustness.SMAA.
func (rec *Recommendation) smaa(ctx context.Context, problem *scoring.Problem, method scoring.Method, structs []Structure, o SMAAOptions, progress func(string, int, int)) error {
	kappa := o.Concentration
	if kappa == 0 {
		kappa = defaultConcentration
	}
	if !(kappa > 0) || math.IsInf(kappa, 0) {
		return fieldErr("smaa.concentration", fmt.Sprint(o.Concentration), ErrRange)
	}
	// A Dirichlet needs every centre weight positive; a criterion the
	// weights switch off gets a sliver so that it is sampled, not excluded.
	center := make([]float64, NumCriteria)
	for c, x := range rec.Weights.All() {
		center[c-1] = max(x, 1e-3)
	}
	res, err := scoring.SMAA{
		Method:   method,
		Samples:  o.Samples,
		Seed:     o.Seed,
		Workers:  o.Workers,
		Weights:  scoring.WeightSpace{Center: center, Concentration: kappa},
		Progress: smaaProgress(progress),
	}.Run(ctx, problem)
	if err != nil {
		return fmt.Errorf("placement: robustness: %w", err)
	}
	s := &SMAASummary{Samples: res.Samples, Seed: res.Seed, Concentration: kappa, Analysis: res}
	idx := make([]int, len(structs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(res.RankAcceptability[b][0], res.RankAcceptability[a][0])
	})
	top := rec.Ranking[0].Structure
	for k, i := range idx {
		if structs[i] == top {
			s.TopFirstRank = res.RankAcceptability[i][0]
		}
		if k < 5 && res.RankAcceptability[i][0] > 0 {
			s.Structures = append(s.Structures, Acceptability{
				ID:            structs[i].ID(),
				FirstRank:     res.RankAcceptability[i][0],
				Confidence:    res.Confidence[i],
				CentralWeight: criterionValues(res.CentralWeights[i]),
			})
		}
	}
	rec.Robustness.SMAA = s
	return nil
}

func (rec *Recommendation) crossCheck(a, b *scoring.Result) error {
	rho, err := scoring.SpearmanRho(a.Ranks, b.Ranks)
	if err != nil {
		return fmt.Errorf("placement: cross-check: %w", err)
	}
	tau, err := scoring.KendallTau(a.Ranks, b.Ranks)
	if err != nil {
		return fmt.Errorf("placement: cross-check: %w", err)
	}
	wa, wb := a.Best(), b.Best()
	rec.Robustness = Robustness{Method: a.Method, CrossCheck: CrossCheck{
		Method: b.Method, Spearman: rho, Kendall: tau,
		Winner: b.Alternatives[wb], SameWinner: a.Ranks[wb] == 1 && b.Ranks[wa] == 1,
		WinnerRank: a.Ranks[wb],
	}}
	return nil
}

// criterionMeans returns, per criterion, the mean normalised value over
// the candidates — from the contributions when the method is additive,
// else from the raw 0–10 values on a 0–1 scale (cost criteria inverted).
// values holds the performances row-major, one row per alternative.
func criterionMeans(res *scoring.Result, values []float64) [NumCriteria]float64 {
	var means [NumCriteria]float64
	m := len(values) / NumCriteria
	var w [NumCriteria]float64 // the weights, where the contributions give the value
	if c := res.Contributions; c != nil && c.Rows == m && c.Cols == NumCriteria {
		copy(w[:], res.Weights)
	}
	for i := range m {
		v := values[i*NumCriteria : (i+1)*NumCriteria : (i+1)*NumCriteria]
		var contrib []float64
		if w != ([NumCriteria]float64{}) {
			contrib = res.Contributions.Row(i)
		}
		for j := range NumCriteria {
			switch x := v[j] / 10; {
			case w[j] > 0:
				means[j] += contrib[j] / w[j]
			case Criterion(j + 1).IsCost():
				means[j] += 1 - x
			default:
				means[j] += x
			}
		}
	}
	for j := range means {
		means[j] /= float64(m)
	}
	return means
}

// weightsSource tells how the default weights w (before normalising) were
// derived from the profile, from the adjustments recs. Every figure is in
// the points a criterion starts with (1) until the text says they are
// normalised; a floor is also given as the share the client sees.
func (r *engine) weightsSource(recs []weightRec, f *facts, w [NumCriteria]float64) string {
	total := 0.0
	for _, x := range w {
		total += x
	}
	b := make([]byte, 0, 160+64*len(recs))
	b = append(b, "derived from the profile by model "...)
	b = append(b, r.model.Name...)
	b = append(b, " v"...)
	b = append(b, r.model.Version...)
	b = append(b, ": every criterion starts at 1"...)
	small := 0
	for _, x := range recs {
		if x.term == kWeightFloor {
			b = append(b, "; "...)
			b = append(b, x.crit.String()...)
			// The floor is on the points before normalising: 0.20 of a
			// start of 1, which the client sees as its normalised share.
			b = append(b, " raised to the floor of "...)
			b = strconv.AppendFloat(b, x.v, 'f', 2, 64)
			b = append(b, " before normalising, "...)
			b = strconv.AppendFloat(b, w[x.crit-1]/total, 'f', 2, 64)
			b = append(b, " after (no criterion counts for less)"...)
			continue
		}
		if math.Abs(x.v) < weightsSourceMin {
			small++
			continue
		}
		b = append(b, "; "...)
		b = append(b, x.crit.String()...)
		b = append(b, ' ')
		if x.v >= 0 {
			b = append(b, '+')
		}
		b = strconv.AppendFloat(b, x.v, 'f', 2, 64)
		b = append(b, " for "...)
		b = appendWeightFact(b, x.term, f)
	}
	switch small {
	case 0:
	case 1:
		b = append(b, "; one smaller adjustment, under 0.05"...)
	default:
		b = append(b, "; "...)
		b = strconv.AppendInt(b, int64(small), 10)
		b = append(b, " smaller adjustments, under 0.05 each"...)
	}
	b = append(b, "; then normalised to sum to 1"...)
	return string(b)
}

// weightsSourceMin is the smallest weight adjustment the weights source
// names with its fact; smaller ones are counted, to keep the text to
// what moves the weights. (A weight starts at 1, so 0.05 is 5% of it.)
const weightsSourceMin = 0.05

// appendWeightFact appends the profile fact behind a weight adjustment.
func appendWeightFact(b []byte, t term, f *facts) []byte {
	p := &f.p
	scale := func(b []byte, name string, v int) []byte {
		b = append(b, name...)
		b = strconv.AppendInt(b, int64(v), 10)
		return append(b, "/5"...)
	}
	switch t {
	case kWeightRegulationRisk, kWeightRegulationConsistency:
		return scale(b, "regulation ", p.Regulation)
	case kWeightRealtimeAgility:
		return appendUrgent(b, f)
	case kWeightBreadthCoverage:
		b = strconv.AppendInt(b, int64(len(f.active)), 10)
		return append(b, plural(len(f.active), " active touchpoint", " active touchpoints")...)
	case kWeightPriority:
		return scale(b, "social priority ", p.SocialPriority)
	case kWeightBudgetCost:
		return scale(b, "budget level ", p.BudgetLevel)
	case kWeightNoStaffCost:
		b = strconv.AppendFloat(b, p.SocialStaff, 'g', -1, 64)
		return append(b, " FTE on social"...)
	case kWeightSizeScalability:
		b = appendThousands(b, p.Employees)
		b = append(b, plural(p.Employees, " employee, ", " employees, ")...)
		fallthrough
	case kWeightSpreadCoverage:
		return appendUnits(b, p)
	case kWeightMaturityChange, kWeightMaturityRisk:
		return scale(b, "maturity ", p.Maturity)
	case kWeightSignoffAgility:
		b = strconv.AppendInt(b, int64(p.SignOffLayers), 10)
		return append(b, plural(p.SignOffLayers, " sign-off layer", " sign-off layers")...)
	case kWeightNativeAuthenticity, kWeightNativeAgility:
		b = append(b, "founded "...)
		return strconv.AppendInt(b, int64(p.Founded), 10)
	case kWeightRivalryConsistency:
		b = scale(b, "silos ", p.Silos)
		return scale(b, ", department harmony ", p.DepartmentHarmony)
	}
	return append(b, "the profile"...)
}

// finiteScores checks the scoring.Method contract that scores are finite,
// so that a method that breaks it fails here, naming the structure, rather
// than passing a NaN on.
func finiteScores(res *scoring.Result) error {
	for i, x := range res.Scores {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%w: method %q scored %s %v", scoring.ErrNotFinite, res.Method, res.Alternatives[i], x)
		}
	}
	return nil
}

// methodToken returns the ranking method's token, "" without a result.
func (rec *Recommendation) methodToken() string {
	if rec.Result == nil {
		return ""
	}
	return rec.Result.Method
}
