package placement

import (
	"bytes"
	_ "embed" // for the default maturity model
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/internal/strictdec"
)

//go:embed maturity.yaml
var maturityYAML []byte

// MaturityModel is a named maturity model: the stages a profile is placed
// on, the facts that mark each stage, and the governance practices whose
// gaps a recommendation lists. It is data, with a source for every entry;
// [DefaultMaturityModel] is Forrester's five-stage social maturity model
// (Corcoran & Overby 2011) with practices from Altimeter's surveys.
type MaturityModel struct {
	// Name names the model ("Forrester social maturity").
	Name string `json:"name" yaml:"name"`
	// Source and URL cite the model.
	Source string `json:"source" yaml:"source"`
	URL    string `json:"url,omitempty" yaml:"url,omitempty"` // URL links to the source.
	// CarriesSource cites what the stages' Carries lists rest on: which
	// operating models organisations at each stage run. Required when a
	// stage lists any.
	CarriesSource string `json:"carries_source,omitempty" yaml:"carries_source,omitempty"`
	// Stages run from the least to the most mature; Level is 1, 2, …
	Stages []Stage `json:"stages" yaml:"stages"`
	// Practices is the governance checklist.
	Practices []Practice `json:"practices" yaml:"practices"`
}

// Stage is one stage of a [MaturityModel].
type Stage struct {
	ID          string `json:"id" yaml:"id"`                   // ID identifies the stage ("coordinating").
	Level       int    `json:"level" yaml:"level"`             // Level is 1 for the least mature stage, 2 for the next, ….
	Name        string `json:"name" yaml:"name"`               // Name is the stage in the client's words ("Coordinating").
	Description string `json:"description" yaml:"description"` // Description says what organisations at this stage do.
	// Carries lists the operating models an organisation at this stage
	// can run.
	Carries []OperatingModel `json:"carries" yaml:"carries"`
	// Markers are the facts an organisation at this stage shows. A
	// [StageDiagnosis] leaves them out (they are the model's, not the
	// client's).
	Markers []Marker `json:"markers,omitempty" yaml:"markers"`
}

// summary is the stage as a diagnosis reports it: its own copy of what
// the operating models it carries, without the markers, so that a
// recommendation shares nothing with the recommender's model.
func (s Stage) summary() Stage {
	s.Carries = slices.Clone(s.Carries)
	s.Markers = nil
	return s
}

// Marker is a fact of a profile that marks a stage: either a governance
// practice in place (Practice set) or a profile number at least Min
// (Field set: social_staff, budget_level, executive_sponsorship or
// active_touchpoints).
type Marker struct {
	Practice string  `json:"practice,omitempty" yaml:"practice,omitempty"` // Practice is the governance practice that must be in place.
	Field    string  `json:"field,omitempty" yaml:"field,omitempty"`       // Field is the profile number tested.
	Min      float64 `json:"min,omitempty" yaml:"min,omitempty"`           // Min is the least value of Field that meets the marker.
	// Says is the marker in the client's words ("a crisis and escalation
	// plan").
	Says string `json:"says" yaml:"says"`
}

// Practice is one item of the governance checklist.
type Practice struct {
	// ID is one of policy, policy-known, crisis-plan, account-inventory,
	// archiving, training, measurement, executive-sponsor (the fields of
	// [Governance]).
	ID       string `json:"id" yaml:"id"`
	Name     string `json:"name" yaml:"name"`         // Name is the practice in the client's words.
	Question string `json:"question" yaml:"question"` // Question is how to ask the client about it.
	// MinRegulation, if positive, asks about the practice only of
	// profiles whose regulation is at least this.
	MinRegulation int `json:"min_regulation,omitempty" yaml:"min_regulation,omitempty"`
	// Matters is the published figure that makes a gap matter.
	Matters string `json:"matters" yaml:"matters"`
	Source  string `json:"source" yaml:"source"`               // Source cites the publication behind Matters.
	URL     string `json:"url,omitempty" yaml:"url,omitempty"` // URL links to the source, if it has a link.
	// Step is the roadmap step that closes the gap.
	Step string `json:"step" yaml:"step"`
	// ImpliedBy, if set, is a profile number (a field marker) that shows
	// the practice is in place when the profile does not answer for it:
	// strong executive sponsorship implies a named sponsor. Such a
	// practice is then neither a question to ask nor unconfirmed.
	ImpliedBy Marker `json:"implied_by,omitzero" yaml:"implied_by,omitempty"`
}

// markerFields are the profile numbers a [Marker] may test.
var markerFields = []string{"social_staff", "budget_level", "executive_sponsorship", "active_touchpoints"}

// DefaultMaturityModel returns a fresh copy of the embedded maturity
// model: Forrester's dormant, testing, coordinating, scaling and
// empowering stages, and the governance checklist of Altimeter's
// readiness, governance and state-of-social-business surveys.
func DefaultMaturityModel() *MaturityModel {
	m, err := ReadMaturityModel(bytes.NewReader(maturityYAML))
	if err != nil {
		panic("placement: embedded maturity model is invalid: " + err.Error()) // tested
	}
	return m
}

// ReadMaturityModel reads a maturity model (YAML or JSON, decoded
// strictly like a profile) and validates it: stages numbered 1, 2, … in
// order, markers that name a known practice or profile field, practices
// with an ID of [Governance], a question, a figure, a source and a step.
// The error joins a [*FieldError] per problem.
func ReadMaturityModel(r io.Reader) (*MaturityModel, error) {
	return readFile[MaturityModel](r)
}

// readFile reads a YAML or JSON file from r, decodes it strictly
// (decodeFile) into a new T and validates it.
func readFile[T any, P interface {
	*T
	Validate() error
}](r io.Reader) (*T, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	v := new(T)
	if err := decodeFile(data, v); err != nil {
		return nil, err
	}
	if err := P(v).Validate(); err != nil {
		return nil, err
	}
	return v, nil
}

// decodeFile decodes a YAML or JSON file strictly, mapping the decoder's
// errors onto this package's sentinels.
func decodeFile(data []byte, v any) error {
	err := strictdec.Decode(data, v)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, strictdec.ErrEmpty):
		return fieldErr("", "", fmt.Errorf("%w: empty document", ErrSyntax))
	}
	return fmt.Errorf("%w: %w", ErrSyntax, err)
}

// Validate checks m; see [ReadMaturityModel].
func (m *MaturityModel) Validate() error {
	var errs []error
	add := func(path, value string, err error) { errs = append(errs, fieldErr(path, value, err)) }
	if strings.TrimSpace(m.Name) == "" {
		add("name", "", ErrMissing)
	}
	if strings.TrimSpace(m.Source) == "" {
		add("source", "", ErrMissing)
	}
	if len(m.Stages) == 0 {
		add("stages", "", ErrMissing)
	}
	if strings.TrimSpace(m.CarriesSource) == "" && slices.ContainsFunc(m.Stages, func(s Stage) bool { return len(s.Carries) > 0 }) {
		add("carries_source", "", fmt.Errorf("%w: the stages list the operating models they carry, so their source must be named", ErrMissing))
	}
	known := map[string]bool{}
	for i, pr := range m.Practices {
		path := "practices[" + strconv.Itoa(i) + "]"
		if _, ok := (Governance{}).answer(pr.ID); !ok {
			add(path+".id", pr.ID, fmt.Errorf("%w (want one of %s)", ErrUnknownName, strings.Join(practiceIDs, ", ")))
		} else if known[pr.ID] {
			add(path+".id", pr.ID, fmt.Errorf("%w: duplicate practice", ErrRange))
		}
		known[pr.ID] = true
		if mk := pr.ImpliedBy; mk != (Marker{}) {
			switch {
			case mk.Practice != "" || !slices.Contains(markerFields, mk.Field):
				add(path+".implied_by.field", mk.Field, fmt.Errorf("%w: a practice is implied by a profile number (want one of %s)", ErrUnknownName, strings.Join(markerFields, ", ")))
			case strings.TrimSpace(mk.Says) == "":
				add(path+".implied_by.says", "", ErrMissing)
			}
		}
		for _, f := range []struct{ name, v string }{{"name", pr.Name}, {"question", pr.Question}, {"matters", pr.Matters}, {"source", pr.Source}, {"step", pr.Step}} {
			if strings.TrimSpace(f.v) == "" {
				add(path+"."+f.name, "", ErrMissing)
			}
		}
	}
	for i, s := range m.Stages {
		path := "stages[" + strconv.Itoa(i) + "]"
		if s.Level != i+1 {
			add(path+".level", strconv.Itoa(s.Level), fmt.Errorf("%w: want %d (stages run 1, 2, … in order)", ErrRange, i+1))
		}
		if strings.TrimSpace(s.ID) == "" {
			add(path+".id", "", ErrMissing)
		}
		if strings.TrimSpace(s.Name) == "" {
			add(path+".name", "", ErrMissing)
		}
		for j, c := range s.Carries {
			if c < Organic || c > Honeycomb {
				add(path+".carries["+strconv.Itoa(j)+"]", strconv.Itoa(int(c)), ErrUnknownName)
			}
		}
		for j, mk := range s.Markers {
			mp := path + ".markers[" + strconv.Itoa(j) + "]"
			switch {
			case (mk.Practice == "") == (mk.Field == ""):
				add(mp, "", fmt.Errorf("%w: a marker names exactly one of practice and field", ErrMissing))
			case mk.Practice != "" && !known[mk.Practice]:
				add(mp+".practice", mk.Practice, ErrUnknownName)
			case mk.Field != "" && !slices.Contains(markerFields, mk.Field):
				add(mp+".field", mk.Field, fmt.Errorf("%w (want one of %s)", ErrUnknownName, strings.Join(markerFields, ", ")))
			}
			if strings.TrimSpace(mk.Says) == "" {
				add(mp+".says", "", ErrMissing)
			}
		}
	}
	return joinErrs(errs)
}

// StageDiagnosis places a profile on a [MaturityModel].
type StageDiagnosis struct {
	// Model, Source and URL name the maturity model.
	Model  string `json:"model"`
	Source string `json:"source"`        // Source cites the maturity model.
	URL    string `json:"url,omitempty"` // URL links to the source.
	// Stage is where the profile sits.
	Stage Stage `json:"stage"`
	// Stated is the maturity the profile states (0 if it states none).
	Stated int `json:"stated"`
	// Evidence lists the facts of the profile that put it at Stage: what
	// it shows, and what holds it below a higher stated maturity.
	Evidence []string `json:"evidence"`
	// Next is the following stage, nil at the top.
	Next *Stage `json:"next,omitempty"`
	// Unconfirmed lists the markers of Stage and the stages below it that
	// the profile does not state (unknown practices): a stated maturity is
	// believed, but these are worth checking with the client.
	Unconfirmed []string `json:"unconfirmed"`
	// NextRequires lists what Next itself needs that the profile does not
	// show yet (missing or unknown).
	NextRequires []string `json:"next_requires"`
	// Fit says how the recommended operating model sits with the stage;
	// a recommendation fills it in, [MaturityModel.Diagnose] leaves it nil.
	Fit *StageFit `json:"fit,omitempty"`
}

// StageFit is how a recommended operating model sits with a maturity
// stage: one the stage carries, or one beyond it (and then the path to
// it), or a lighter one than the stage's.
type StageFit struct {
	// Model is the recommended structure's operating model.
	Model OperatingModel `json:"model"`
	// Carried is true when organisations at the stage usually run Model.
	Carried bool `json:"carried"`
	// From names the first stage above the diagnosed one that carries
	// Model, when Model is beyond the stage; "" otherwise.
	From string `json:"from,omitempty"`
	// Via is the operating model the roadmap stands up first on the way
	// to Model: the most distributed formal model the stage carries,
	// unless today's structure already runs it or more; zero when there
	// is none.
	Via OperatingModel `json:"via,omitempty"`
	// Needs lists what the profile does not yet show (missing or not
	// stated) of what the stages up to From need.
	Needs []string `json:"needs,omitempty"`
}

// FitSentence states, in the client's words, how the recommended
// operating model sits with the stage; "" when the recommendation did not
// say (Fit nil) or the stage lists no models.
func (d StageDiagnosis) FitSentence() string {
	f := d.Fit
	if f == nil || len(d.Stage.Carries) == 0 {
		return ""
	}
	usual := "Organisations at the " + d.Stage.Name + " stage usually run " + joinOr(modelTokens(d.Stage.Carries)) + " set-ups"
	switch {
	case f.Carried:
		return usual + ", and the recommended model, " + f.Model.String() + ", is one of them."
	case f.From == "" && f.Model > slices.Max(d.Stage.Carries):
		return usual + "; the recommended model, " + f.Model.String() + ", goes beyond them, and no stage of this maturity model lists it."
	case f.From == "":
		return usual + "; the recommended model, " + f.Model.String() + ", is a lighter set-up than those, chosen for the other facts of the profile."
	}
	s := usual + "; the recommended model, " + f.Model.String() + ", goes beyond them: it is usually run from the " + f.From + " stage on. "
	if f.Via != 0 {
		s += "The roadmap therefore starts with " + viaPhrase(f.Via) + " and moves to " + f.Model.String() + " once the programme reaches that stage"
	} else {
		s += "The roadmap therefore moves to " + f.Model.String() + " once the programme reaches that stage"
	}
	if len(f.Needs) > 0 {
		s += ", which needs: " + strings.Join(f.Needs, "; ")
	}
	return s + "."
}

// roadmapStage is what the roadmap reads of the maturity diagnosis.
type roadmapStage struct {
	// formal is true when the stage, or the social staff, show a formal
	// programme: a stage that carries no organic set-up, or at least the
	// staff such a stage needs.
	formal bool
	// fit is the recommended model's fit with the stage.
	fit *StageFit
	// stage and carries are the stage's name and the models it carries;
	// carriesSource cites them.
	stage         string
	carries       []OperatingModel
	carriesSource string
	// implied lists the practices the profile does not answer for but
	// whose numbers imply them (Practice.ImpliedBy).
	implied []string
}

// place fills in d.Fit for target and returns what the roadmap needs of
// the diagnosis; p has its defaults filled in.
func (m *MaturityModel) place(p Profile, d *StageDiagnosis, target Structure) *roadmapStage {
	rs := &roadmapStage{stage: d.Stage.Name, carries: d.Stage.Carries, carriesSource: m.CarriesSource}
	for i := range m.Practices {
		if _, ok := m.implied(&p, m.Practices[i].ID); ok {
			rs.implied = append(rs.implied, m.Practices[i].ID)
		}
	}
	level := d.Stage.Level
	if level < 1 || level > len(m.Stages) {
		return rs
	}
	stage := &m.Stages[level-1]
	for k := range m.Stages {
		st := &m.Stages[k]
		if len(st.Carries) == 0 || slices.Contains(st.Carries, Organic) {
			continue
		}
		// The first stage that runs no organic set-up: reaching it, or
		// its staff, marks a formal programme.
		rs.formal = level >= st.Level
		for i := range st.Markers {
			if mk := &st.Markers[i]; mk.Field == "social_staff" && p.SocialStaff >= mk.Min {
				rs.formal = true
			}
		}
		break
	}
	if len(stage.Carries) == 0 {
		return rs
	}
	fit := &StageFit{Model: target.Model, Carried: slices.Contains(stage.Carries, target.Model)}
	d.Fit, rs.fit = fit, fit
	if fit.Carried || target.Model < slices.Max(stage.Carries) {
		return rs
	}
	for k := level; k < len(m.Stages); k++ {
		st := &m.Stages[k]
		for i := range st.Markers {
			if mk := &st.Markers[i]; m.markerState(&p, mk) != markerMet && !slices.Contains(fit.Needs, mk.Says) {
				fit.Needs = append(fit.Needs, mk.Says)
			}
		}
		if slices.Contains(st.Carries, target.Model) {
			fit.From = st.Name
			break
		}
	}
	if fit.From == "" {
		fit.Needs = nil
		return rs
	}
	for _, c := range stage.Carries {
		if c > Organic && c < target.Model && c > fit.Via {
			fit.Via = c
		}
	}
	if p.Current != nil && p.Current.Model >= fit.Via {
		fit.Via = 0
	}
	return rs
}

// markerState is what a profile says about a marker.
type markerStatus int

const (
	markerUnknown markerStatus = iota
	markerMissing
	markerMet
)

// markerValue returns the profile number a field marker tests, and how
// to show it.
func markerValue(p *Profile, field string) float64 {
	switch field {
	case "social_staff":
		return p.SocialStaff
	case "budget_level":
		return float64(p.BudgetLevel)
	case "executive_sponsorship":
		return float64(p.ExecutiveSponsorship)
	case "active_touchpoints":
		n := 0
		for _, a := range p.Touchpoints {
			if a > 0 {
				n++
			}
		}
		return float64(n)
	}
	return 0
}

// implied returns the marker that implies practice id for p, when the
// practice is not stated and its ImpliedBy marker is met.
func (m *MaturityModel) implied(p *Profile, id string) (*Marker, bool) {
	if a, _ := p.Governance.answer(id); a != Unknown {
		return nil, false
	}
	for i := range m.Practices {
		if pr := &m.Practices[i]; pr.ID == id && pr.ImpliedBy != (Marker{}) {
			if mk := &pr.ImpliedBy; markerValue(p, mk.Field) >= mk.Min {
				return mk, true
			}
		}
	}
	return nil, false
}

// markerState says what p shows about mk; a practice not stated counts as
// in place when a profile number implies it (Practice.ImpliedBy).
func (m *MaturityModel) markerState(p *Profile, mk *Marker) markerStatus {
	if mk.Practice != "" {
		switch a, _ := p.Governance.answer(mk.Practice); a {
		case Yes:
			return markerMet
		case No:
			return markerMissing
		}
		if _, ok := m.implied(p, mk.Practice); ok {
			return markerMet
		}
		return markerUnknown
	}
	if markerValue(p, mk.Field) >= mk.Min {
		return markerMet
	}
	return markerMissing
}

// markerEvidence is a line of evidence for mk in state st: the fact and,
// for a missing marker, the stage that needs it.
func (m *MaturityModel) markerEvidence(p *Profile, mk *Marker, st markerStatus, stage string, assumed bool) string {
	if mk.Practice != "" {
		switch st {
		case markerMet:
			if by, ok := m.implied(p, mk.Practice); ok {
				return "in place: " + mk.Says + " (implied by " + shownValue(p, by.Field) + ")"
			}
			return "in place: " + mk.Says
		case markerMissing:
			return "missing: " + mk.Says + " (the " + stage + " stage needs it)"
		}
		return "not stated: " + mk.Says
	}
	shown := shownValue(p, mk.Field)
	if assumed {
		shown += " (assumed)"
	}
	if st == markerMet {
		return shown + ": " + mk.Says
	}
	return shown + ", below the " + formatFTE(mk.Min) + " the " + stage + " stage needs (" + mk.Says + ")"
}

// shownValue shows the profile number a field marker tests ("social staff
// of 3 FTE").
func shownValue(p *Profile, field string) string {
	v := markerValue(p, field)
	switch field {
	case "social_staff":
		return "social staff of " + formatFTE(v) + " FTE"
	case "budget_level":
		return "budget level " + formatFTE(v) + " of 5"
	case "executive_sponsorship":
		return "executive sponsorship " + formatFTE(v) + " of 5"
	case "active_touchpoints":
		n := int(v)
		return strconv.Itoa(n) + " active " + plural(n, "touchpoint", "touchpoints")
	}
	return field + " " + formatFTE(v)
}

// Diagnose places p (with defaults filled in for numbers, see
// [Profile.WithDefaults]) on m. A stated maturity is believed unless a
// marker of that stage or one below is known to be missing, which lowers
// the stage to the one below the first such gap. With no stated maturity
// the stage is the highest whose markers, and those of every stage below,
// are all met.
func (m *MaturityModel) Diagnose(p Profile) StageDiagnosis {
	return m.diagnose(p.WithDefaults(), p.Maturity, assumedFields(p))
}

// assumedFields returns the numbers a stage marker may test that p does
// not state, so that the defaults read in their place are shown as
// assumed: the budget level and the executive sponsorship (the middle of
// the scale), the social staff (none) and the touchpoints (every one
// active).
func assumedFields(p Profile) map[string]bool {
	return map[string]bool{
		"budget_level":          p.BudgetLevel == 0,
		"executive_sponsorship": p.ExecutiveSponsorship == 0,
		"social_staff":          p.SocialStaff == 0,
		"active_touchpoints":    p.Touchpoints == nil,
	}
}

// diagnose is Diagnose on a profile whose defaults are filled in, with
// the maturity the profile stated (0 for none) and the marker fields it
// did not state (see assumedFields), whose evidence says "(assumed)".
func (m *MaturityModel) diagnose(p Profile, stated int, assumed map[string]bool) StageDiagnosis {
	markers := 0
	for _, st := range m.Stages {
		markers += len(st.Markers)
	}
	// One backing array for the three lists: each marker lands in at
	// most one of them, plus the stated maturity's line.
	lines := make([]string, 0, 2*markers+1)
	d := StageDiagnosis{Model: m.Name, Source: m.Source, URL: m.URL, Stated: stated, Evidence: lines[: 0 : markers+1]}
	level := 1
	if stated > 0 {
		level = min(stated, len(m.Stages))
		d.Evidence = append(d.Evidence, fmt.Sprintf("stated maturity %d/5 (%s)", stated, m.Stages[level-1].Name))
	}
	limit := len(m.Stages)
	if stated > 0 {
		limit = level
	}
	reached := 1
	for k := 2; k <= limit; k++ {
		allMet := true
		for i := range m.Stages[k-1].Markers {
			mk := &m.Stages[k-1].Markers[i]
			st := m.markerState(&p, mk)
			switch st {
			case markerMissing:
				if stated > 0 {
					level = k - 1
					d.Evidence = append(d.Evidence, m.markerEvidence(&p, mk, st, m.Stages[k-1].Name, assumed[mk.Field]))
				}
				allMet = false
			case markerUnknown:
				allMet = false
			case markerMet:
				d.Evidence = append(d.Evidence, m.markerEvidence(&p, mk, st, m.Stages[k-1].Name, assumed[mk.Field]))
			}
		}
		if stated > 0 && level < k {
			break
		}
		if stated == 0 {
			if !allMet {
				break
			}
			reached = k
		}
	}
	if stated == 0 {
		level = reached
	}
	d.Unconfirmed = lines[markers+1 : markers+1 : markers+1+markers/2]
	d.NextRequires = lines[markers+1+markers/2 : markers+1+markers/2 : 2*markers+1]
	d.Stage = m.Stages[level-1].summary()
	for k := 2; k <= level; k++ {
		for i := range m.Stages[k-1].Markers {
			if mk := &m.Stages[k-1].Markers[i]; m.markerState(&p, mk) == markerUnknown {
				d.Unconfirmed = append(d.Unconfirmed, mk.Says)
			}
		}
	}
	if level < len(m.Stages) {
		next := m.Stages[level].summary()
		d.Next = &next
		for i := range m.Stages[level].Markers {
			if mk := &m.Stages[level].Markers[i]; m.markerState(&p, mk) != markerMet {
				d.NextRequires = append(d.NextRequires, mk.Says)
			}
		}
	}
	d.Evidence = lastPerField(d.Evidence)
	return d
}

// lastPerField keeps, of several evidence lines about the same profile
// number ("social staff of 3 FTE: …"), only the last, which states the
// highest stage's requirement.
func lastPerField(lines []string) []string {
	out := lines[:0]
	for i, l := range lines {
		head, _, ok := strings.Cut(l, ": ")
		if ok && !strings.HasPrefix(l, "in place") && !strings.HasPrefix(l, "missing") {
			dup := false
			for _, later := range lines[i+1:] {
				if h, _, _ := strings.Cut(later, ": "); h == head {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// Gap is one item of the governance checklist that is not known to be in
// place.
type Gap struct {
	// Practice is the checklist item.
	Practice Practice `json:"practice"`
	// Answer is No (a gap) or Unknown (a question to ask).
	Answer Answer `json:"answer"`
	// Planned is true when the recommendation's roadmap has the step that
	// closes the gap (Practice.Step, or a step of its own that closes it).
	// Gaps returns every gap unplanned; a recommendation plans each one
	// answered No.
	Planned bool `json:"planned"`
}

// Gaps lists the practices of m that p does not have in place, in the
// model's order: those answered No and those not stated. A practice with
// MinRegulation is listed only for profiles regulated at least that much.
func (m *MaturityModel) Gaps(p Profile) []Gap {
	return m.gaps(p.WithDefaults())
}

func (m *MaturityModel) gaps(p Profile) []Gap {
	gaps := make([]Gap, 0, len(m.Practices))
	for _, pr := range m.Practices {
		if pr.MinRegulation > 0 && p.Regulation < pr.MinRegulation {
			continue
		}
		if _, ok := m.implied(&p, pr.ID); ok {
			continue
		}
		if a, _ := p.Governance.answer(pr.ID); a != Yes {
			gaps = append(gaps, Gap{Practice: pr, Answer: a})
		}
	}
	return gaps
}

func formatFTE(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// Clone returns a deep copy of m.
func (m *MaturityModel) Clone() *MaturityModel {
	c := *m
	c.Stages = make([]Stage, len(m.Stages))
	for i, st := range m.Stages {
		st.Carries = slices.Clone(st.Carries)
		st.Markers = slices.Clone(st.Markers)
		c.Stages[i] = st
	}
	c.Practices = slices.Clone(m.Practices)
	return &c
}
