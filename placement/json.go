package placement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/touchpoint"
)

type recommendationJSON struct {
	Profile       Profile                  `json:"profile"`
	Assumptions   []Assumption             `json:"assumptions"`
	Model         Identity                 `json:"model"`
	Catalog       Identity                 `json:"catalog"`
	Method        methodJSON               `json:"method"`
	Scale         scaleJSON                `json:"scale,omitzero"`
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

// scaleJSON is the "scale" member: absent in recommendations written
// before model version 7 (and then left out when such a recommendation is
// written again), never null, and, when given, the fixed scale every
// recommendation since version 7 uses, so that Recommendation.Decision
// exports the values that were ranked.
type scaleJSON struct {
	set bool
	v   ValueScale
}

func (s scaleJSON) MarshalJSON() ([]byte, error) { return json.Marshal(s.v) }

func (s *scaleJSON) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return explained("", ErrSyntax, "null is not a value: leave \"scale\" out, or give the scale")
	}
	var v ValueScale
	if err := decodeJSON(b, &v); err != nil {
		return err
	}
	if want := fixedValueScale(); v != want {
		return explained("", ErrRange, "%+v is not the fixed scale every recommendation uses (%q, low %g, high %g)", v, want.Normalization, want.Low, want.High)
	}
	s.set, s.v = true, v
	return nil
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
//	 "scale": {"normalization": "fixed", "low": 0, "high": 10},  (see ValueScale)
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
		Scale:         scaleJSON{set: rec.Scale != ValueScale{}, v: rec.Scale},
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
	if err := decodeJSON(b, &in); err != nil {
		return err
	}
	method, err := in.Method.method()
	if err != nil {
		return prefixErr("method", err)
	}
	var errs []error
	out := Recommendation{
		Profile: in.Profile, Assumptions: emptyNil(in.Assumptions), Model: in.Model, Catalog: in.Catalog,
		Method: method, Result: in.Result, Weights: in.Weights, WeightsSource: in.WeightsSource,
		Ranking: emptyNil(in.Ranking), Roadmap: emptyNil(in.Roadmap), Robustness: in.Robustness,
		Dimensions: emptyNil(in.Dimensions), Stage: in.Stage, Benchmarks: emptyNil(in.Benchmarks), Gaps: emptyNil(in.Gaps),
	}
	out.Stage.Evidence, out.Stage.NextRequires = emptyNil(out.Stage.Evidence), emptyNil(out.Stage.NextRequires)
	out.Scale = in.Scale.v // zero when absent: a recommendation written before model version 7
	if in.Result.Method != in.Method.Token {
		errs = append(errs, syntaxErr("result.method", fmt.Sprintf("%q, but the method is %q", in.Result.Method, in.Method.Token)))
	}
	if len(in.Result.Alternatives) != len(in.Ranking) {
		errs = append(errs, syntaxErr("result.alternatives", fmt.Sprintf("%d alternatives for %d ranked structures", len(in.Result.Alternatives), len(in.Ranking))))
	}
	if len(out.Ranking) > 0 {
		out.RACI = out.Ranking[0].RACI
	}
	if err := checkRACI(in.RACI, out.RACI); err != nil {
		errs = append(errs, prefixErr("raci", err))
	}
	if err := joinErrs(errs); err != nil {
		return err
	}
	*rec = out
	return nil
}

// checkRACI checks that the top-level "raci" map is the top structure's.
func checkRACI(raci map[string]assignmentDTO, top []Assignment) error {
	want := make(map[string]Assignment, len(top))
	for _, a := range top {
		want[string(a.Touchpoint)] = a
	}
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(raci)) {
		a := Assignment{Touchpoint: touchpoint.ID(k)}
		a.setDTO(raci[k])
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
	if err := decodeJSON(b, &in); err != nil {
		return err
	}
	out := Ranked{Rank: in.Rank, Structure: in.Structure, Score: in.Score, Values: in.Values,
		Strengths: emptyNil(in.Strengths), Weaknesses: emptyNil(in.Weaknesses), RACI: emptyNil(in.RACI), Staffing: in.Staffing}
	var errs []error
	if id := in.Structure.ID(); in.ID != id {
		errs = append(errs, syntaxErr("id", fmt.Sprintf("%q is not the structure's ID %q", in.ID, id)))
	}
	if name := in.Structure.Name(); in.Name != name {
		errs = append(errs, syntaxErr("name", fmt.Sprintf("%q is not the structure's name", in.Name)))
	}
	if len(in.Contributions) > 0 {
		c, err := criterionValuesOf(in.Contributions)
		if err != nil {
			errs = append(errs, prefixErr("contributions", err))
		}
		out.Contributions = &c
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
	if err := decodeJSON(b, &f); err != nil {
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
	var in struct {
		Touchpoint touchpoint.ID `json:"touchpoint"`
		assignmentDTO
	}
	var err error
	if withTouchpoint {
		err = decodeJSON(b, &in)
	} else {
		err = decodeJSON(b, &in.assignmentDTO)
	}
	if err != nil {
		return err
	}
	out := Assignment{Touchpoint: in.Touchpoint}
	out.setDTO(in.assignmentDTO)
	*a = out
	return nil
}

// setDTO sets everything but the touchpoint from d.
func (a *Assignment) setDTO(d assignmentDTO) {
	a.Activity, a.Accountable = d.Activity, d.Accountable
	a.Responsible, a.Consulted, a.Informed = emptyNil(d.Responsible), emptyNil(d.Consulted), emptyNil(d.Informed)
}

func (a Assignment) dto() assignmentDTO {
	return assignmentDTO{
		Activity: a.Activity, Responsible: nonNil(a.Responsible), Accountable: a.Accountable,
		Consulted: nonNil(a.Consulted), Informed: nonNil(a.Informed),
	}
}

// UnmarshalJSON reads {"field", "value", "reason"} strictly.
func (a *Assumption) UnmarshalJSON(b []byte) error {
	type plain Assumption // without this method
	return decodeJSON(b, (*plain)(a))
}

// UnmarshalJSON reads {"fte", "low", "high", "basis"} strictly.
func (st *Staffing) UnmarshalJSON(b []byte) error {
	var in staffingJSON
	if err := decodeJSON(b, &in); err != nil {
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
	type plain DimensionCertainty // without this method
	return decodeJSON(b, (*plain)(d))
}

// UnmarshalJSON reads {"step", "why"} strictly.
func (s *Step) UnmarshalJSON(b []byte) error {
	type plain Step // without this method
	return decodeJSON(b, (*plain)(s))
}

// UnmarshalJSON reads the robustness object strictly; "smaa",
// "sensitivity" and "alternative" are optional.
func (r *Robustness) UnmarshalJSON(b []byte) error {
	type plain Robustness // without this method
	return decodeJSON(b, (*plain)(r))
}

// UnmarshalJSON reads the alternative object strictly.
func (a *Alternative) UnmarshalJSON(b []byte) error {
	type plain Alternative // without this method
	return decodeJSON(b, (*plain)(a))
}

// UnmarshalJSON reads the cross-check object strictly.
func (c *CrossCheck) UnmarshalJSON(b []byte) error {
	type plain CrossCheck // without this method
	return decodeJSON(b, (*plain)(c))
}

// UnmarshalJSON reads the SMAA summary strictly; Analysis stays nil.
func (s *SMAASummary) UnmarshalJSON(b []byte) error {
	type plain SMAASummary // without this method
	return decodeJSON(b, (*plain)(s))
}

// UnmarshalJSON reads one structure's acceptability strictly.
func (a *Acceptability) UnmarshalJSON(b []byte) error {
	type plain Acceptability // without this method
	return decodeJSON(b, (*plain)(a))
}

// UnmarshalJSON reads the sensitivity summary strictly; Analysis stays
// nil.
func (s *SensitivitySummary) UnmarshalJSON(b []byte) error {
	type plain SensitivitySummary // without this method
	return decodeJSON(b, (*plain)(s))
}

// UnmarshalJSON reads one weight margin strictly; "next" is optional.
func (m *WeightMargin) UnmarshalJSON(b []byte) error {
	type plain WeightMargin // without this method
	return decodeJSON(b, (*plain)(m))
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

// decodeJSON decodes b into v through the one strict decoder (package
// strictdec), with every member required unless its field is tagged
// omitempty or omitzero, and reports failure as [*FieldError] values (see
// fieldErrs).
func decodeJSON(b []byte, v any) error {
	if err := strictdec.DecodeJSON(b, v, strictdec.RequireFields); err != nil {
		return fieldErrs(err)
	}
	return nil
}

// fieldErrs turns an error of the strict decoder into [*FieldError]
// values whose paths name the JSON keys ("ranking[3].values.agility"): the
// errors of a nested type's own checks (an ID that is not its structure's)
// with their paths continued, and marked [ErrSyntax] unless they wrap one
// of the package's decoding sentinels, or else one error at the decoder's path
// wrapping [ErrMissing], [ErrRange] or [ErrSyntax], whose Detail gives the
// line and column.
func fieldErrs(err error) error {
	var se *strictdec.Error
	if !errors.As(err, &se) {
		return syntaxErr("", err.Error())
	}
	path := se.Path
	if se.Key != "" {
		path = joinPath(path, se.Key)
	}
	var own []error
	for _, e := range unjoin(se.Err) {
		fe, ok := e.(*FieldError)
		if !ok {
			continue
		}
		if !errors.Is(fe, ErrSyntax) && !errors.Is(fe, ErrMissing) && !errors.Is(fe, ErrRange) && !errors.Is(fe, ErrUnknownName) {
			c := *fe // another package's check, such as a ragged scoring table
			c.Err = fmt.Errorf("%w: %w", ErrSyntax, fe.Err)
			fe = &c
		}
		own = append(own, fe)
	}
	if len(own) > 0 {
		return prefixErr(path, joinErrs(own))
	}
	sentinel := ErrSyntax
	switch {
	case errors.Is(se, strictdec.ErrMissing):
		sentinel = ErrMissing
	case errors.Is(se, strictdec.ErrRange):
		sentinel = ErrRange
	}
	fe := fieldErr(path, "", &strictErr{sentinel: sentinel, err: se})
	if se.Line > 0 {
		fe.Detail = fmt.Sprintf("%s line %d, column %d", se.Format, se.Line, se.Column)
	}
	return fe
}

// strictErr is a failure of the strict decoder under one of the
// package's sentinels.
type strictErr struct {
	sentinel error
	err      *strictdec.Error
}

func (e *strictErr) Error() string   { return e.sentinel.Error() + ": " + e.err.Err.Error() }
func (e *strictErr) Unwrap() []error { return []error{e.sentinel, e.err} }

// joinPath appends path rel, relative to a value, to the path of that
// value.
func joinPath(base, rel string) string {
	switch {
	case base == "":
		return rel
	case rel == "":
		return base
	case rel[0] == '[':
		return base + rel
	}
	return base + "." + rel
}

// syntaxErr is a decoding error at path.
func syntaxErr(path, msg string) error {
	return fieldErr(path, "", fmt.Errorf("%w: %s", ErrSyntax, msg))
}

// prefixErr puts key in front of the paths of err's field errors, or
// makes err a field error at key.
func prefixErr(key string, err error) error {
	var errs []error
	for _, e := range unjoin(err) {
		var fe *FieldError
		if errors.As(e, &fe) {
			c := *fe // keeps Value and Detail
			c.Path = joinPath(key, fe.Path)
			errs = append(errs, &c)
			continue
		}
		errs = append(errs, fieldErr(key, "", e))
	}
	return joinErrs(errs)
}
