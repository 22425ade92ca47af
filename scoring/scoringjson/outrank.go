package scoringjson

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/socialseat/socialseat/invalid"
	"github.com/socialseat/socialseat/scoring"
)

// OutrankingParams are the score request's parameters for the outranking
// and sorting methods. Each applies to the methods named beside it and is
// an error for any other:
//
//	"thresholds": [{"q": 0, "p": 0, "v": 0}, ...],  // electre3, electre-tri-b: one per criterion; "v" absent = no veto
//	"concordance_threshold": 0.6,                    // electre1, optional: the mean concordance
//	"discordance_threshold": 0.4,                    // electre1, optional: the mean discordance
//	"alpha": 0.3, "beta": -0.15,                     // electre3, optional: s(λ) = α + βλ
//	"classes": ["adopt", "pilot", "reject"],         // mrsort, electre-tri-b, flowsort: best first
//	"profiles": [[...], ...],                        // the same: best first, one value per criterion
//	"lambda": 0.75,                                  // mrsort, electre-tri-b, optional
//	"vetoes": [{"cost": 120}, {}],                   // mrsort, optional: per profile, criterion → veto value
//	"profile_kind": "limiting|central"               // flowsort, optional: limiting
//
// "preference" (as for promethee2) applies to promethee1, gaia and
// flowsort. The responses are scoring.PROMETHEEIResult ("positive_flow",
// "negative_flow", "net_flow", "relations", "incomparable", "unbeaten"),
// scoring.GAIAResult ("alternative_points", "criterion_axes",
// "decision_stick", "delta"), scoring.ELECTREIResult ("concordance",
// "discordance", "outranks", "kernel", "cycles"), scoring.ELECTREIIIResult
// ("credibility", "descending", "ascending", "relations", "rank"),
// scoring.SortResult for mrsort and electre-tri-b ("classes",
// "pessimistic", "optimistic") and scoring.FlowSortResult ("classes",
// "assignment"). None has "scores" or "ranking": they do not rank
// completely.
type OutrankingParams struct {
	// Thresholds ("thresholds", electre3 and electre-tri-b) holds one
	// [Threshold] per criterion, in the criteria's order; absent means
	// q = p = 0 without veto on every criterion.
	Thresholds []Threshold `json:"thresholds,omitzero"`
	// ConcordanceThreshold ("concordance_threshold", electre1) is the
	// concordance c* in [0, 1] that a pair must reach for one alternative
	// to outrank the other; absent means the mean of the off-diagonal
	// concordance indices.
	ConcordanceThreshold *float64 `json:"concordance_threshold,omitempty"`
	// DiscordanceThreshold ("discordance_threshold", electre1) is the
	// discordance d* in [0, 1] that a pair must not exceed; absent means
	// the mean of the off-diagonal discordance indices.
	DiscordanceThreshold *float64 `json:"discordance_threshold,omitempty"`
	// Alpha ("alpha", electre3) is α in the discrimination threshold
	// s(λ) = α + βλ. It goes with "beta": give both or neither; absent
	// (or both 0) means α = 0.3, β = −0.15.
	Alpha *float64 `json:"alpha,omitempty"`
	// Beta ("beta", electre3) is β in s(λ) = α + βλ; see Alpha.
	Beta *float64 `json:"beta,omitempty"`
	// Classes ("classes", mrsort, electre-tri-b and flowsort; required by
	// them) names the K classes, best first, each non-empty and distinct.
	// A response's class index counts from 0, the first of them.
	Classes []string `json:"classes,omitzero"`
	// Profiles ("profiles", required with Classes) holds the reference
	// profiles, best first, one value per criterion in the criterion's
	// own units, each at least as good as the next on every criterion:
	// K−1 class boundaries for mrsort and electre-tri-b; for flowsort
	// K+1 limiting profiles or K central ones (see ProfileKind).
	Profiles [][]float64 `json:"profiles,omitzero"`
	// Lambda ("lambda", mrsort and electre-tri-b) is the cut level λ in
	// [0.5, 1]: the majority of weight (mrsort) or the credibility
	// (electre-tri-b) at which an alternative outranks a profile. Absent
	// or 0 means the method's default: a strict majority (0.5 + 1e-9) for
	// mrsort, 0.75 for electre-tri-b.
	Lambda *float64 `json:"lambda,omitempty"`
	// Vetoes ("vetoes", mrsort) holds MR-Sort's veto profiles: one object
	// per boundary profile, best first like Profiles, mapping a
	// criterion's name to its veto value in the criterion's units. An
	// alternative at most as good as a profile's veto value on some
	// criterion (at least as high, for a cost) does not outrank that
	// profile, whatever the majority. A criterion left out of an object
	// has no veto for that profile; {} means none. Absent means no vetoes.
	// See scoring.MRSort.Vetoes for the checks (a veto no better than its
	// profile; veto profiles nested).
	Vetoes []map[string]float64 `json:"vetoes,omitzero"`
	// ProfileKind ("profile_kind", flowsort) is "limiting" (K+1 profiles
	// bounding the classes) or "central" (K profiles, a typical member of
	// each class); absent means "limiting".
	ProfileKind *string `json:"profile_kind,omitempty"`
}

// Threshold is one criterion's ELECTRE thresholds, 0 ≤ q ≤ p ≤ v. An
// absent "v" means no veto (null, like any null number, is an error).
type Threshold struct {
	Q float64 `json:"q"` // indifference threshold, in the criterion's units; absent means 0
	P float64 `json:"p"` // preference threshold, in the criterion's units; absent means 0
	// V is the veto threshold, in the criterion's units: an advantage of
	// v or more against an alternative forbids it to outrank. Absent
	// means no veto.
	V *float64 `json:"v,omitempty"`
}

// outrankingTokens are the methods served by scoreOutranking.
var outrankingTokens = []string{"promethee1", "gaia", "electre1", "electre3", "mrsort", "electre-tri-b", "flowsort"}

func isOutranking(method string) bool {
	for _, t := range outrankingTokens {
		if t == method {
			return true
		}
	}
	return false
}

func usesPreferences(method string) bool {
	switch method {
	case "promethee2", "promethee1", "gaia", "flowsort":
		return true
	}
	return false
}

// onlyFor reports a parameter given to a method it does not apply to.
func (o *OutrankingParams) onlyFor(method string) error {
	in := func(ms ...string) bool {
		for _, m := range ms {
			if m == method {
				return true
			}
		}
		return false
	}
	checks := []struct {
		field   string
		present bool
		methods []string
	}{
		{"thresholds", o.Thresholds != nil, []string{"electre3", "electre-tri-b"}},
		{"concordance_threshold", o.ConcordanceThreshold != nil, []string{"electre1"}},
		{"discordance_threshold", o.DiscordanceThreshold != nil, []string{"electre1"}},
		{"alpha", o.Alpha != nil, []string{"electre3"}},
		{"beta", o.Beta != nil, []string{"electre3"}},
		{"classes", o.Classes != nil, []string{"mrsort", "electre-tri-b", "flowsort"}},
		{"profiles", o.Profiles != nil, []string{"mrsort", "electre-tri-b", "flowsort"}},
		{"lambda", o.Lambda != nil, []string{"mrsort", "electre-tri-b"}},
		{"vetoes", o.Vetoes != nil, []string{"mrsort"}},
		{"profile_kind", o.ProfileKind != nil, []string{"flowsort"}},
	}
	for _, c := range checks {
		if c.present && !in(c.methods...) {
			return badInput(fmt.Errorf("%q does not apply to method %q", c.field, method))
		}
	}
	return nil
}

func (req *ScoreRequest) preferences() ([]scoring.Preference, error) {
	if req.Preference == nil {
		return nil, nil
	}
	prefs := make([]scoring.Preference, len(req.Preference))
	for j, f := range req.Preference {
		fn, err := scoring.ParsePreferenceFunction(f.Function)
		if err != nil {
			return nil, badInput(fmt.Errorf("preference[%d]: %w", j, err))
		}
		prefs[j] = scoring.Preference{Function: fn, Q: f.Q, P: f.P, S: f.S}
	}
	return prefs, nil
}

func (o *OutrankingParams) thresholds() []scoring.PseudoCriterion {
	if o.Thresholds == nil {
		return nil
	}
	ts := make([]scoring.PseudoCriterion, len(o.Thresholds))
	for j, t := range o.Thresholds {
		ts[j] = scoring.PseudoCriterion{Q: t.Q, P: t.P, V: t.V}
	}
	return ts
}

func (o *OutrankingParams) classProfiles() scoring.ClassProfiles {
	return scoring.ClassProfiles{Classes: o.Classes, Profiles: o.Profiles}
}

// vetoes returns Vetoes as scoring.MRSort takes them, one value per
// criterion in the problem's order (nil where no veto is given). A name
// that is not a criterion is an error at its key; names are read in
// sorted order, so that the error reported is always the same one.
func (o *OutrankingParams) vetoes(p *scoring.Problem) ([][]*float64, error) {
	if o.Vetoes == nil {
		return nil, nil
	}
	_, n := p.Dims()
	out := make([][]*float64, len(o.Vetoes))
	vals := make([]float64, 0, len(o.Vetoes)*n)
	for k, obj := range o.Vetoes {
		out[k] = make([]*float64, n)
		for _, name := range slices.Sorted(maps.Keys(obj)) {
			j, ok := p.CriterionIndex(name)
			if !ok {
				return nil, at(fmt.Sprintf("vetoes[%d].%s", k, name), fmt.Errorf("vetoes[%d]: %w: %q is not a criterion", k, scoring.ErrUnknownName, name))
			}
			vals = append(vals, obj[name])
			out[k][j] = &vals[len(vals)-1]
		}
	}
	return out, nil
}

// vetoPath returns err, from MR-Sort's check of its vetoes, as the error
// about the request's value: "vetoes[k].<criterion>", or "vetoes".
func vetoPath(err error, p *scoring.Problem) error {
	var fe *invalid.FieldError
	if !errors.As(err, &fe) || fe.Path != "vetoes" {
		return err
	}
	names := p.CriterionNames()
	switch {
	case fe.Row >= 0 && fe.Col >= 0 && fe.Col < len(names):
		return at(fmt.Sprintf("vetoes[%d].%s", fe.Row, names[fe.Col]), err)
	case fe.Row >= 0:
		return at(fmt.Sprintf("vetoes[%d]", fe.Row), err)
	}
	return at("vetoes", err)
}

func (o *OutrankingParams) lambda() float64 {
	if o.Lambda == nil {
		return 0 // the method's default
	}
	return *o.Lambda
}

// scoreOutranking evaluates an outranking or sorting method.
func (req *ScoreRequest) scoreOutranking() (any, error) {
	if err := req.OutrankingParams.onlyFor(req.Method); err != nil {
		return nil, err
	}
	notFor := func(field string) error {
		return badInput(fmt.Errorf("%q does not apply to method %q", field, req.Method))
	}
	switch {
	case req.Normalization != nil:
		return nil, notFor("normalization")
	case req.V != nil:
		return nil, notFor("v")
	case req.Form != nil:
		return nil, notFor("form")
	case req.Bounds != nil:
		return nil, notFor("bounds")
	case req.Preference != nil && !usesPreferences(req.Method):
		return nil, notFor("preference")
	}
	prefs, err := req.preferences()
	if err != nil {
		return nil, err
	}
	p, w, err := req.Problem()
	if err != nil {
		return nil, err
	}
	o := &req.OutrankingParams
	var res any
	switch req.Method {
	case "promethee1":
		res, err = scoring.PROMETHEEI{Preferences: prefs}.Evaluate(p, w)
	case "gaia":
		res, err = scoring.GAIA{Preferences: prefs}.Evaluate(p, w)
	case "electre1":
		res, err = scoring.ELECTREI{ConcordanceThreshold: o.ConcordanceThreshold, DiscordanceThreshold: o.DiscordanceThreshold}.Evaluate(p, w)
	case "electre3":
		e := scoring.ELECTREIII{Thresholds: o.thresholds()}
		if o.Alpha != nil || o.Beta != nil {
			if o.Alpha == nil || o.Beta == nil {
				return nil, badInput(fmt.Errorf(`"alpha" and "beta" go together`))
			}
			e.Alpha, e.Beta = *o.Alpha, *o.Beta
		}
		res, err = e.Evaluate(p, w)
	case "mrsort":
		vetoes, verr := o.vetoes(p)
		if verr != nil {
			return nil, badInput(verr)
		}
		res, err = scoring.MRSort{ClassProfiles: o.classProfiles(), Lambda: o.lambda(), Vetoes: vetoes}.Evaluate(p, w)
		err = vetoPath(err, p)
	case "electre-tri-b":
		res, err = scoring.ELECTRETRIB{ClassProfiles: o.classProfiles(), Thresholds: o.thresholds(), Lambda: o.lambda()}.Evaluate(p, w)
	case "flowsort":
		s := scoring.FlowSort{ClassProfiles: o.classProfiles(), Preferences: prefs}
		if o.ProfileKind != nil {
			if s.Kind, err = scoring.ParseProfileKind(*o.ProfileKind); err != nil {
				return nil, badInput(fmt.Errorf("profile_kind: %w", err))
			}
		}
		res, err = s.Evaluate(p, w)
	default:
		return nil, badInput(fmt.Errorf("unknown method %q", req.Method))
	}
	if err != nil {
		return nil, badInput(err)
	}
	return res, nil
}
