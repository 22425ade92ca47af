package placement

import (
	"encoding/json"
	"fmt"
	"github.com/socialseat/socialseat/internal/strictdec"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/touchpoint"
)

type recommendationJSON struct {
	Profile       Profile                  `json:"profile"`
	Assumptions   []Assumption             `json:"assumptions"`
	Model         Identity                 `json:"model"`
	Catalog       Identity                 `json:"catalog"`
	Method        methodJSON               `json:"method"`
	Result        *scoring.Result          `json:"result"`
	Weights       CriterionValues          `json:"weights"`
	WeightsSource string                   `json:"weights_source"`
	Ranking       []Ranked                 `json:"ranking"`
	RACI          map[string]assignmentDTO `json:"raci"`
	Roadmap       []Step                   `json:"roadmap"`
	Robustness    Robustness               `json:"robustness"`
	Dimensions    []DimensionCertainty     `json:"dimensions"`
	Stage         StageDiagnosis           `json:"stage"`
	Benchmarks    []Comparison             `json:"benchmarks"`
	Gaps          []Gap                    `json:"gaps"`
}

// methodJSON is a ranking method with its options: the method's token and
// its exported fields.
type methodJSON struct {
	Token   string          `json:"token"`
	Options json.RawMessage `json:"options"`
}

type rankedJSON struct {
	Rank          int                `json:"rank"`
	ID            string             `json:"id"`
	Name          string             `json:"name"`
	Structure     Structure          `json:"structure"`
	Score         float64            `json:"score"`
	Values        CriterionValues    `json:"values"`
	Contributions map[string]float64 `json:"contributions"`
	Strengths     []string           `json:"strengths"`
	Weaknesses    []string           `json:"weaknesses"`
	RACI          []Assignment       `json:"raci"`
	Staffing      Staffing           `json:"staffing"`
}

type assignmentDTO struct {
	Activity    int                     `json:"activity"`
	Responsible []touchpoint.Department `json:"responsible"`
	Accountable touchpoint.Department   `json:"accountable"`
	Consulted   []touchpoint.Department `json:"consulted"`
	Informed    []touchpoint.Department `json:"informed"`
}

// MarshalJSON writes the recommendation in the JSON shape of the CLI
// contract:
//
//	{"profile": {...},                      (the profile as used, in the file format)
//	 "assumptions": [{"field": "...", "value": "...", "reason": "..."}],
//	 "model": {"name": "...", "version": "...", "hash": "sha256:..."},
//	 "catalog": {"name": "...", "hash": "sha256:..."},
//	 "method": {"token": "wsm", "options": {...}},
//	 "result": {...},                       (the scoring.Result of the ranking method)
//	 "weights": {criterion-id: weight}, "weights_source": "...",
//	 "ranking": [{"rank": 1, "id": "...", "name": "...", "structure": {...}, "score": x,
//	              "values": {criterion-id: x}, "contributions": {criterion-id: x},
//	              "strengths": [...], "weaknesses": [...], "raci": [assignment...],
//	              "staffing": {"fte": x, "low": x, "high": x, "basis": "..."}}],
//	 "raci": {touchpoint-id: {"activity": n, "responsible": [dept...], "accountable": dept,
//	                          "consulted": [...], "informed": [...]}},
//	 "roadmap": [{"step": "...", "why": "..."}],
//	 "robustness": {"method": "wsm", "cross_check": {...},
//	                "smaa": {...}, "sensitivity": {...}},  (each only when asked for)
//	 "dimensions": [{"dimension": "model", "value": "hub-and-spoke", "first_rank_acceptability": x,
//	                 "runner_up": "...", "runner_up_first_rank_acceptability": x, "lead": x, "clear": true}]}
//
// Lists are never null; "contributions" is empty for a method that is not
// additive, and a ranked structure's "raci" is empty unless it is among
// the explained ones; the top-level "raci" is the top structure's map.
// Objects keyed by ID are written with sorted keys. The SMAA and
// sensitivity Analysis fields are left out.
//
// [Recommendation.UnmarshalJSON] reads this form back.
func (rec Recommendation) MarshalJSON() ([]byte, error) {
	out := recommendationJSON{
		Profile:       rec.Profile,
		Assumptions:   nonNil(rec.Assumptions),
		Model:         rec.Model,
		Catalog:       rec.Catalog,
		Result:        rec.Result,
		Weights:       rec.Weights,
		WeightsSource: rec.WeightsSource,
		Ranking:       nonNil(rec.Ranking),
		RACI:          make(map[string]assignmentDTO, len(rec.RACI)),
		Roadmap:       nonNil(rec.Roadmap),
		Robustness:    rec.Robustness,
		Dimensions:    nonNil(rec.Dimensions),
		Stage:         rec.Stage,
		Benchmarks:    nonNil(rec.Benchmarks),
		Gaps:          nonNil(rec.Gaps),
	}
	out.Stage.Evidence = nonNil(out.Stage.Evidence)
	out.Stage.NextRequires = nonNil(out.Stage.NextRequires)
	if rec.Result != nil {
		out.Method.Token = rec.Result.Method
	}
	opts, err := json.Marshal(rec.Method)
	if err != nil {
		return nil, fmt.Errorf("placement: writing the method's options: %w", err)
	}
	out.Method.Options = opts
	for _, a := range rec.RACI {
		out.RACI[string(a.Touchpoint)] = a.dto()
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the form written by [Recommendation.MarshalJSON]
// back into an equal recommendation (empty and absent lists aside, and
// without the SMAA and sensitivity Analysis fields, which the JSON form
// leaves out). Decoding is strict: every key must be known and, unless
// optional, present, keys match exactly and appear once, null is never a
// value, and the parts must agree (ranking IDs and names with their
// structures, the "raci" map with the top structure's). A method other
// than package scoring's built-ins cannot be decoded. The profile is
// decoded as written and not validated against a catalogue.
//
// Errors are [*FieldError] values wrapping [ErrSyntax], [ErrMissing],
// [ErrUnknownName] or [ErrRange], whose paths name the JSON keys
// ("ranking[3].values.agility"), joined with [errors.Join].
func (rec *Recommendation) UnmarshalJSON(b []byte) error {
	var in recommendationJSON
	var raci json.RawMessage
	if err := decodeFields(b,
		field{key: "profile", dst: &in.Profile},
		field{key: "assumptions", dst: list(&in.Assumptions, decodeInto[Assumption])},
		field{key: "model", dst: &in.Model},
		field{key: "catalog", dst: &in.Catalog},
		field{key: "method", dst: &in.Method},
		field{key: "result", dst: &resultJSON{&in.Result}},
		field{key: "weights", dst: &in.Weights},
		field{key: "weights_source", dst: &in.WeightsSource},
		field{key: "ranking", dst: list(&in.Ranking, decodeInto[Ranked])},
		field{key: "raci", dst: &raci},
		field{key: "roadmap", dst: list(&in.Roadmap, decodeInto[Step])},
		field{key: "robustness", dst: &in.Robustness},
		field{key: "dimensions", dst: list(&in.Dimensions, decodeInto[DimensionCertainty])},
		field{key: "stage", dst: &strictValue{&in.Stage}},
		field{key: "benchmarks", dst: &strictValue{&in.Benchmarks}},
		field{key: "gaps", dst: &strictValue{&in.Gaps}},
	); err != nil {
		return err
	}
	method, err := in.Method.method()
	if err != nil {
		return prefixErr("method", err)
	}
	var errs []error
	out := Recommendation{
		Profile: in.Profile, Assumptions: in.Assumptions, Model: in.Model, Catalog: in.Catalog,
		Method: method, Result: in.Result, Weights: in.Weights, WeightsSource: in.WeightsSource,
		Ranking: in.Ranking, Roadmap: in.Roadmap, Robustness: in.Robustness, Dimensions: in.Dimensions,
		Stage: in.Stage, Benchmarks: in.Benchmarks, Gaps: in.Gaps,
	}
	if in.Result.Method != in.Method.Token {
		errs = append(errs, syntaxErr("result.method", fmt.Sprintf("%q, but the method is %q", in.Result.Method, in.Method.Token)))
	}
	if len(in.Result.Alternatives) != len(in.Ranking) {
		errs = append(errs, syntaxErr("result.alternatives", fmt.Sprintf("%d alternatives for %d ranked structures", len(in.Result.Alternatives), len(in.Ranking))))
	}
	if len(out.Ranking) > 0 {
		out.RACI = out.Ranking[0].RACI
	}
	if err := checkRACI(raci, out.RACI); err != nil {
		errs = append(errs, prefixErr("raci", err))
	}
	if err := joinErrs(errs); err != nil {
		return err
	}
	*rec = out
	return nil
}

// checkRACI decodes the top-level "raci" map and checks that it is the
// top structure's.
func checkRACI(raw json.RawMessage, top []Assignment) error {
	keys, raws, err := decodeObject(raw)
	if err != nil {
		return err
	}
	want := make(map[string]Assignment, len(top))
	for _, a := range top {
		want[string(a.Touchpoint)] = a
	}
	var errs []error
	for i, k := range keys {
		var a Assignment
		if err := a.decode(raws[i], false); err != nil {
			errs = append(errs, prefixErr(k, err))
			continue
		}
		a.Touchpoint = touchpoint.ID(k)
		w, ok := want[k]
		if !ok || !reflect.DeepEqual(a.dto(), w.dto()) {
			errs = append(errs, syntaxErr(k, "differs from the top structure's RACI map (ranking[0].raci)"))
		}
		delete(want, k)
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		errs = append(errs, fieldErr(k, "", ErrMissing))
	}
	return joinErrs(errs)
}

// method returns the built-in method named by the token with the options.
func (m methodJSON) method() (scoring.Method, error) {
	base, err := scoring.ParseMethod(m.Token)
	if err != nil {
		return nil, fieldErr("token", m.Token, fmt.Errorf("%w: %v", ErrUnknownName, err))
	}
	p := reflect.New(reflect.TypeOf(base))
	p.Elem().Set(reflect.ValueOf(base))
	if err := strictdec.Decode(m.Options, p.Interface()); err != nil {
		return nil, syntaxErr("options", err.Error())
	}
	return p.Elem().Interface().(scoring.Method), nil
}

// UnmarshalJSON decodes {"token", "options"} strictly.
func (m *methodJSON) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, m, func(out *methodJSON) []field {
		return []field{
			{key: "token", dst: &out.Token},
			{key: "options", dst: &out.Options},
		}
	})
}

// resultJSON decodes a scoring.Result strictly into *dst.
type resultJSON struct{ dst **scoring.Result }

// UnmarshalJSON decodes the JSON form of a scoring.Result strictly.
func (r *resultJSON) UnmarshalJSON(b []byte) error {
	var res scoring.Result
	if err := decodeFields(b,
		field{key: "method", dst: &res.Method},
		field{key: "alternatives", dst: &res.Alternatives},
		field{key: "criteria", dst: &res.Criteria},
		field{key: "weights", dst: list(&res.Weights, decodeNumber)},
		field{key: "scores", dst: list(&res.Scores, decodeNumber)},
		field{key: "better", dst: &res.Better},
		field{key: "ranking", dst: &res.Ranks},
		field{key: "contributions", dst: &res.Contributions, optional: true},
		field{key: "notes", dst: list(&res.Notes, decodeNote), optional: true},
	); err != nil {
		return err
	}
	*r.dst = &res
	return nil
}

func decodeNote(raw json.RawMessage, n *scoring.Note) error {
	return decodeFields(raw,
		field{key: "code", dst: &n.Code},
		field{key: "criterion", dst: &n.Criterion, optional: true},
		field{key: "text", dst: &n.Text},
	)
}

// decodeInto decodes raw into *v with json.Unmarshal, for element types
// with a strict UnmarshalJSON.
func decodeInto[T any](raw json.RawMessage, v *T) error { return decodeValue(raw, v) }

// MarshalJSON writes the ranked structure as an element of the
// recommendation's "ranking" list (see [Recommendation.MarshalJSON]).
func (e Ranked) MarshalJSON() ([]byte, error) {
	r := rankedJSON{
		Rank: e.Rank, ID: e.Structure.ID(), Name: e.Structure.Name(), Structure: e.Structure,
		Score: e.Score, Values: e.Values, Contributions: make(map[string]float64, NumCriteria),
		Strengths: nonNil(e.Strengths), Weaknesses: nonNil(e.Weaknesses), RACI: nonNil(e.RACI),
		Staffing: e.Staffing,
	}
	if e.Contributions != nil {
		for c, x := range e.Contributions.All() {
			r.Contributions[c.String()] = x
		}
	}
	return json.Marshal(r)
}

// UnmarshalJSON reads the form written by [Ranked.MarshalJSON] strictly:
// "id" and "name" must be the structure's, and "contributions" is either
// empty (nil Contributions) or holds every criterion.
func (e *Ranked) UnmarshalJSON(b []byte) error {
	var in rankedJSON
	var contrib, raci json.RawMessage
	var strengths, weaknesses []string
	var score float64
	if err := decodeFields(b,
		field{key: "rank", dst: &in.Rank},
		field{key: "id", dst: &in.ID},
		field{key: "name", dst: &in.Name},
		field{key: "structure", dst: &in.Structure},
		field{key: "score", dst: &score},
		field{key: "values", dst: &in.Values},
		field{key: "contributions", dst: &contrib},
		field{key: "strengths", dst: &strengths},
		field{key: "weaknesses", dst: &weaknesses},
		field{key: "raci", dst: &raci},
		field{key: "staffing", dst: &in.Staffing},
	); err != nil {
		return err
	}
	out := Ranked{Rank: in.Rank, Structure: in.Structure, Score: score, Values: in.Values,
		Strengths: emptyNil(strengths), Weaknesses: emptyNil(weaknesses), Staffing: in.Staffing}
	var errs []error
	if id := in.Structure.ID(); in.ID != id {
		errs = append(errs, syntaxErr("id", fmt.Sprintf("%q is not the structure's ID %q", in.ID, id)))
	}
	if name := in.Structure.Name(); in.Name != name {
		errs = append(errs, syntaxErr("name", fmt.Sprintf("%q is not the structure's name", in.Name)))
	}
	if keys, _, err := decodeObject(contrib); err != nil {
		errs = append(errs, prefixErr("contributions", err))
	} else if len(keys) > 0 {
		var c CriterionValues
		if err := c.UnmarshalJSON(contrib); err != nil {
			errs = append(errs, prefixErr("contributions", err))
		}
		out.Contributions = &c
	}
	var err error
	if out.RACI, err = decodeList(raci, decodeInto[Assignment]); err != nil {
		errs = append(errs, prefixErr("raci", err))
	}
	if err := joinErrs(errs); err != nil {
		return err
	}
	*e = out
	return nil
}

// UnmarshalJSON reads {"home", "model", "role", "sourcing"} strictly; every
// key is required and each token must be known ([ErrUnknownName]). The
// structure is not checked for coherence ([Structure.Validate] does).
func (s *Structure) UnmarshalJSON(b []byte) error {
	var f structureFile
	if err := decodeFields(b,
		field{key: "home", dst: &f.Home},
		field{key: "model", dst: &f.Model},
		field{key: "role", dst: &f.Role},
		field{key: "sourcing", dst: &f.Sourcing},
	); err != nil {
		return err
	}
	out, errs := f.structure("")
	for _, e := range errs {
		if fe, ok := e.(*FieldError); ok {
			fe.Path = strings.TrimPrefix(fe.Path, ".")
		}
	}
	if err := joinErrs(errs); err != nil {
		return err
	}
	*s = out
	return nil
}

// UnmarshalJSON reads a profile in the file format strictly, as
// [ReadProfile] does, but does not validate it: call [Profile.Validate]
// to check it against a catalogue.
func (p *Profile) UnmarshalJSON(b []byte) error {
	var f profileFile
	if err := decodeStrict(b, &f); err != nil {
		return err
	}
	out, errs := f.profile()
	if err := joinErrs(errs); err != nil {
		return err
	}
	*p = out
	return nil
}

// MarshalJSON writes the assignment as an element of a ranked structure's
// "raci" list: {"touchpoint", "activity", "responsible", "accountable",
// "consulted", "informed"}, lists never null.
func (a Assignment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Touchpoint touchpoint.ID `json:"touchpoint"`
		assignmentDTO
	}{a.Touchpoint, a.dto()})
}

// UnmarshalJSON reads the form written by [Assignment.MarshalJSON]
// strictly.
func (a *Assignment) UnmarshalJSON(b []byte) error { return a.decode(b, true) }

func (a *Assignment) decode(b []byte, withTouchpoint bool) error {
	var out Assignment
	var tp string
	if err := decodeFields(b,
		field{key: "touchpoint", dst: &tp, optional: !withTouchpoint},
		field{key: "activity", dst: &out.Activity},
		field{key: "responsible", dst: &out.Responsible},
		field{key: "accountable", dst: &out.Accountable},
		field{key: "consulted", dst: &out.Consulted},
		field{key: "informed", dst: &out.Informed},
	); err != nil {
		return err
	}
	if !withTouchpoint && tp != "" {
		return syntaxErr("touchpoint", "unknown key")
	}
	out.Touchpoint = touchpoint.ID(tp)
	out.Responsible, out.Consulted, out.Informed = emptyNil(out.Responsible), emptyNil(out.Consulted), emptyNil(out.Informed)
	*a = out
	return nil
}

func (a Assignment) dto() assignmentDTO {
	return assignmentDTO{
		Activity: a.Activity, Responsible: nonNil(a.Responsible), Accountable: a.Accountable,
		Consulted: nonNil(a.Consulted), Informed: nonNil(a.Informed),
	}
}

// UnmarshalJSON reads {"field", "value", "reason"} strictly.
func (a *Assumption) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, a, func(out *Assumption) []field {
		return []field{
			{key: "field", dst: &out.Field},
			{key: "value", dst: &out.Value},
			{key: "reason", dst: &out.Reason},
		}
	})
}

// UnmarshalJSON reads {"fte", "low", "high", "basis"} strictly.
func (st *Staffing) UnmarshalJSON(b []byte) error {
	var in staffingJSON
	if err := decodeFields(b,
		field{key: "fte", dst: &in.FTE},
		field{key: "low", dst: &in.Low},
		field{key: "high", dst: &in.High},
		field{key: "basis", dst: &in.Basis},
	); err != nil {
		return err
	}
	*st = Staffing{FTE: in.FTE, Low: in.Low, High: in.High}
	if in.Basis != "" {
		st.basis = &staffBasis{text: in.Basis}
	}
	return nil
}

// UnmarshalJSON reads one dimension's certainty strictly; "runner_up" is
// optional (absent when every structure shares the value).
func (d *DimensionCertainty) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, d, func(out *DimensionCertainty) []field {
		return []field{
			{key: "dimension", dst: &out.Dimension},
			{key: "value", dst: &out.Value},
			{key: "first_rank_acceptability", dst: &out.Acceptability},
			{key: "runner_up", dst: &out.RunnerUp, optional: true},
			{key: "runner_up_first_rank_acceptability", dst: &out.RunnerUpAcceptability},
			{key: "lead", dst: &out.Lead},
			{key: "clear", dst: &out.Clear},
		}
	})
}

// UnmarshalJSON reads {"step", "why"} strictly.
func (s *Step) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, s, func(out *Step) []field {
		return []field{{key: "step", dst: &out.Step}, {key: "why", dst: &out.Why},
			{key: "closes", dst: list(&out.Closes, decodeInto[string]), optional: true}}
	})
}

// UnmarshalJSON reads the robustness object strictly; "smaa",
// "sensitivity" and "alternative" are optional.
func (r *Robustness) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, r, func(out *Robustness) []field {
		return []field{
			{key: "method", dst: &out.Method},
			{key: "cross_check", dst: &out.CrossCheck},
			{key: "smaa", dst: &out.SMAA, optional: true},
			{key: "sensitivity", dst: &out.Sensitivity, optional: true},
			{key: "alternative", dst: &out.Alternative, optional: true},
		}
	})
}

// UnmarshalJSON reads the alternative object strictly.
func (a *Alternative) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, a, func(out *Alternative) []field {
		return []field{
			{key: "id", dst: &out.ID},
			{key: "name", dst: &out.Name},
			{key: "rank", dst: &out.Rank},
			{key: "gap", dst: &out.Gap},
		}
	})
}

// UnmarshalJSON reads the cross-check object strictly.
func (c *CrossCheck) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, c, func(out *CrossCheck) []field {
		return []field{
			{key: "method", dst: &out.Method},
			{key: "spearman_rho", dst: &out.Spearman},
			{key: "kendall_tau", dst: &out.Kendall},
			{key: "winner", dst: &out.Winner},
			{key: "same_winner", dst: &out.SameWinner},
			{key: "winner_rank", dst: &out.WinnerRank},
		}
	})
}

// UnmarshalJSON reads the SMAA summary strictly; Analysis stays nil.
func (s *SMAASummary) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, s, func(out *SMAASummary) []field {
		return []field{
			{key: "samples", dst: &out.Samples},
			{key: "seed", dst: &out.Seed},
			{key: "concentration", dst: &out.Concentration},
			{key: "top_first_rank_acceptability", dst: &out.TopFirstRank},
			{key: "structures", dst: list(&out.Structures, decodeInto[Acceptability])},
		}
	})
}

// UnmarshalJSON reads one structure's acceptability strictly.
func (a *Acceptability) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, a, func(out *Acceptability) []field {
		return []field{
			{key: "id", dst: &out.ID},
			{key: "first_rank_acceptability", dst: &out.FirstRank},
			{key: "confidence", dst: &out.Confidence},
			{key: "central_weights", dst: &out.CentralWeight},
		}
	})
}

// UnmarshalJSON reads the sensitivity summary strictly; Analysis stays
// nil.
func (s *SensitivitySummary) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, s, func(out *SensitivitySummary) []field {
		return []field{
			{key: "exact", dst: &out.Exact},
			{key: "margins", dst: list(&out.Margins, decodeInto[WeightMargin])},
		}
	})
}

// UnmarshalJSON reads one weight margin strictly; "next" is optional.
func (m *WeightMargin) UnmarshalJSON(b []byte) error {
	return decodeStruct(b, m, func(out *WeightMargin) []field {
		return []field{
			{key: "criterion", dst: &out.Criterion},
			{key: "weight", dst: &out.Weight},
			{key: "holds", dst: &out.Holds},
			{key: "at", dst: &out.At},
			{key: "change", dst: &out.Change},
			{key: "next", dst: &out.Next, optional: true},
		}
	})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// emptyNil returns nil for an empty slice, so that a decoded empty list
// equals an absent one.
func emptyNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// strictValue decodes a JSON value into v through the package's one strict
// decoder (exact keys, no unknown or duplicate keys, no null for numbers
// or text).
type strictValue struct{ v any }

func (s *strictValue) UnmarshalJSON(b []byte) error {
	if err := strictdec.DecodeJSON(b, s.v); err != nil {
		return fmt.Errorf("%w: %w", ErrSyntax, err)
	}
	return nil
}
