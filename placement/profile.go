package placement

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/touchpoint"
)

// Profile describes an organisation. Files use the snake_case names in the
// struct tags; see [ReadProfile]. Scale fields run 1–5; for them, and for
// the other fields marked "default", the zero value means "not stated" and
// [Profile.WithDefaults] fills in the documented default. Only Employees
// is required: a profile with nothing else is ranked with the defaults and
// the default touchpoint mix, and the recommendation lists what it assumed
// (Recommendation.Assumptions).
type Profile struct {
	// Name identifies the organisation in reports; reports show a dash
	// without one.
	Name string `json:"name" yaml:"name"`
	// Employees is the head count. Required, at least 1.
	Employees int `json:"employees" yaml:"employees"`
	// BusinessUnits is the number of business units, brands or divisions
	// with their own P&L. Default 1.
	BusinessUnits int `json:"business_units,omitempty" yaml:"business_units,omitempty"`
	// Countries is the number of countries with a local presence. Default 1.
	Countries int `json:"countries,omitempty" yaml:"countries,omitempty"`
	// Founded is the year of founding; 0 means unknown, which gives no
	// digital-native effect.
	Founded int `json:"founded,omitempty" yaml:"founded,omitempty"`
	// SocialPriority is how central social media is to the objectives,
	// 1–5. Default 3.
	SocialPriority int `json:"social_priority,omitempty" yaml:"social_priority,omitempty"`
	// SocialStaff is the full-time equivalent staff working on social
	// media today; it may be fractional. Default 0 (nobody).
	SocialStaff float64 `json:"social_staff,omitempty" yaml:"social_staff,omitempty"`
	// BudgetLevel is the budget available for social media relative to
	// peers, 1–5. Default 3.
	BudgetLevel int `json:"budget_level,omitempty" yaml:"budget_level,omitempty"`
	// SignOffLayers is the number of approvals a routine post needs today.
	// Default 0 (none).
	SignOffLayers int `json:"sign_off_layers,omitempty" yaml:"sign_off_layers,omitempty"`
	// Silos is how separated departments are, 1–5. Default 3.
	Silos int `json:"silos,omitempty" yaml:"silos,omitempty"`
	// DepartmentHarmony is how well marketing, PR/communications and
	// customer service work together, 1–5. Default 3.
	DepartmentHarmony int `json:"department_harmony,omitempty" yaml:"department_harmony,omitempty"`
	// Regulation is the sector's regulatory exposure on public
	// communication, 1–5 (5: banking, pharma). Default 1 (general law only).
	Regulation int `json:"regulation,omitempty" yaml:"regulation,omitempty"`
	// Maturity is social media maturity, 1–5, read as Forrester's dormant,
	// testing, coordinating, scaling, empowering. Default 3.
	Maturity int `json:"maturity,omitempty" yaml:"maturity,omitempty"`
	// ExecutiveSponsorship is the support of top management, 1–5. Default 3.
	ExecutiveSponsorship int `json:"executive_sponsorship,omitempty" yaml:"executive_sponsorship,omitempty"`
	// Agency is the stance on outside agencies. Default open.
	Agency AgencyStance `json:"agency,omitempty" yaml:"agency,omitempty"`
	// Sector selects the sector's regulatory references and the
	// departments they bring in (drug safety in pharma, records
	// management in the public sector). Optional: the zero value, like
	// "other", adds no sector duties.
	Sector Sector `json:"sector,omitempty" yaml:"sector,omitempty"`
	// Touchpoints maps touchpoint IDs to activity, 0–5 (0 = not active,
	// 1 = occasional, 5 = a core, high-volume activity). Nil (left out of
	// the file) means the default mix: every touchpoint of the catalogue,
	// active at its typical volume (touchpoint.Touchpoint.Volume, 1–5),
	// listed in the recommendation's Assumptions. A map that is given
	// must have at least one touchpoint with activity above 0.
	Touchpoints map[touchpoint.ID]int `json:"touchpoints,omitempty" yaml:"touchpoints,omitempty"`
	// Current is today's structure, if any. Nil means no formal structure:
	// change effort is then measured from an organic, in-house start.
	Current *Structure `json:"current,omitempty" yaml:"current,omitempty"`
	// Weights, if not empty, replaces the weights the model derives from
	// the profile. Criteria left out get weight 0. Values must be finite and
	// non-negative and not all zero; they are normalised to sum to 1.
	Weights map[Criterion]float64 `json:"weights,omitempty" yaml:"weights,omitempty"`
	// Governance is the gap checklist: which governance practices are in
	// place. Every item is optional; unstated means [Unknown], which is
	// neither a gap nor evidence of maturity.
	Governance Governance `json:"governance,omitzero" yaml:"governance,omitempty"`
}

// Defaults applied by [Profile.WithDefaults].
const (
	DefaultScale      = 3 // scale fields other than Regulation
	DefaultRegulation = 1
)

// Clone returns a deep copy of p.
func (p Profile) Clone() Profile {
	p.Touchpoints = maps.Clone(p.Touchpoints)
	p.Weights = maps.Clone(p.Weights)
	if p.Current != nil {
		c := *p.Current
		p.Current = &c
	}
	return p
}

// WithDefaults returns a deep copy of p with the documented defaults in
// place of unstated fields: business units and countries 1, scale fields 3
// (regulation 1), agency open.
func (p Profile) WithDefaults() Profile {
	p = p.Clone()
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&p.BusinessUnits, 1)
	def(&p.Countries, 1)
	def(&p.SocialPriority, DefaultScale)
	def(&p.BudgetLevel, DefaultScale)
	def(&p.Silos, DefaultScale)
	def(&p.DepartmentHarmony, DefaultScale)
	def(&p.Regulation, DefaultRegulation)
	def(&p.Maturity, DefaultScale)
	def(&p.ExecutiveSponsorship, DefaultScale)
	if p.Agency == 0 {
		p.Agency = AgencyOpen
	}
	return p
}

// Validate checks every field and returns all problems at once
// ([errors.Join] of [*FieldError] values, paths in file names such as
// "touchpoints.customer-support" or "current.role"). Touchpoint IDs and the
// current structure's home are checked against c; a nil c means the
// default catalogue. Unstated fields (zero where a default exists) are
// valid.
func (p Profile) Validate(c *touchpoint.Catalog) error {
	if c == nil {
		c = touchpoint.DefaultCatalog()
	}
	return p.validate(c)
}

func (p Profile) validate(c *touchpoint.Catalog) error {
	var errs []error
	add := func(path, value string, err error) { errs = append(errs, fieldErr(path, value, err)) }
	explain := func(path string, err error, format string, args ...any) {
		errs = append(errs, explained(path, err, format, args...))
	}
	intRange := func(path string, v, lo, hi int, zeroOK bool) {
		if (v == 0 && zeroOK) || (v >= lo && v <= hi) {
			return
		}
		if v == 0 {
			explain(path, ErrMissing, "want %d–%d", lo, hi)
			return
		}
		explain(path, ErrRange, "%d is outside %d–%d", v, lo, hi)
	}
	intRange("employees", p.Employees, 1, 10_000_000, false)
	intRange("business_units", p.BusinessUnits, 1, 100_000, true)
	intRange("countries", p.Countries, 1, 250, true)
	intRange("founded", p.Founded, 1000, 2200, true)
	intRange("social_priority", p.SocialPriority, 1, 5, true)
	intRange("budget_level", p.BudgetLevel, 1, 5, true)
	intRange("sign_off_layers", p.SignOffLayers, 0, 20, true)
	intRange("silos", p.Silos, 1, 5, true)
	intRange("department_harmony", p.DepartmentHarmony, 1, 5, true)
	intRange("regulation", p.Regulation, 1, 5, true)
	intRange("maturity", p.Maturity, 1, 5, true)
	intRange("executive_sponsorship", p.ExecutiveSponsorship, 1, 5, true)
	switch s := p.SocialStaff; {
	case math.IsNaN(s) || math.IsInf(s, 0):
		add("social_staff", fmt.Sprint(s), ErrNotFinite)
	case s < 0 || s > float64(max(p.Employees, 1)):
		explain("social_staff", ErrRange, "%g is outside 0–%d (the number of employees)", s, max(p.Employees, 1))
	}
	if p.Agency < 0 || p.Agency > AgencyOpen {
		explain("agency", ErrUnknownName, "%d is not one of %s", int(p.Agency), tokenList(agencyNames))
	}
	if !p.Sector.valid() {
		add("sector", fmt.Sprint(int(p.Sector)), ErrUnknownName)
	}
	active := 0
	// Check in map order and sort only to report, so that a valid
	// profile costs no allocation here.
	var bad []touchpoint.ID
	for id, a := range p.Touchpoints {
		switch {
		case c.Index(id) < 0 || a < 0 || a > 5:
			bad = append(bad, id)
		case a > 0:
			active++
		}
	}
	slices.Sort(bad)
	for _, id := range bad {
		a := p.Touchpoints[id]
		path := "touchpoints." + string(id)
		if c.Index(id) < 0 {
			explain(path, ErrUnknownTouchpoint, "want one of %s", idList(c.IDs()))
		} else {
			explain(path, ErrRange, "%d is outside 0–5", a)
		}
	}
	if active == 0 && p.Touchpoints != nil && len(bad) == 0 {
		// With a touchpoint refused above, its error says what is wrong;
		// that no touchpoint is active would be false for "9".
		errs = append(errs, noActiveTouchpoint(c))
	}
	if p.Current != nil {
		if err := p.Current.Validate(c, "current"); err != nil {
			errs = append(errs, err)
		}
	}
	p.Governance.validate(add)
	errs = append(errs, checkWeights("weights", p.Weights)...)
	return joinErrs(errs)
}

// checkWeights checks criterion weights given at path ("weights" for a
// profile's): known criteria, finite, non-negative, not all zero. Nil or
// empty weights are valid (none given).
func checkWeights(path string, ws map[Criterion]float64) []error {
	if len(ws) == 0 {
		return nil
	}
	var errs []error
	sum := 0.0
	for _, k := range slices.Sorted(maps.Keys(ws)) {
		w := ws[k]
		at := path + "." + k.String()
		switch {
		case !k.valid():
			errs = append(errs, explained(at, ErrUnknownName, "want one of %s", tokenList(criterionNames)))
		case math.IsNaN(w) || math.IsInf(w, 0):
			errs = append(errs, fieldErr(at, fmt.Sprint(w), fmt.Errorf("%w: %w", ErrWeights, ErrNotFinite)))
		case w < 0:
			errs = append(errs, explained(at, ErrWeights, "%g is negative", w))
		default:
			sum += w
		}
	}
	if sum == 0 {
		errs = append(errs, explained(path, ErrWeights, "all weights are zero"))
	}
	return errs
}

// profileFile is the wire form of a profile: enumerations are strings so
// that every bad token can be reported with its path.
type profileFile struct {
	Name                 *string            `json:"name" yaml:"name"`
	Employees            float64            `json:"employees" yaml:"employees"`
	BusinessUnits        float64            `json:"business_units" yaml:"business_units"`
	Countries            float64            `json:"countries" yaml:"countries"`
	Founded              float64            `json:"founded" yaml:"founded"`
	SocialPriority       float64            `json:"social_priority" yaml:"social_priority"`
	SocialStaff          float64            `json:"social_staff" yaml:"social_staff"`
	BudgetLevel          float64            `json:"budget_level" yaml:"budget_level"`
	SignOffLayers        float64            `json:"sign_off_layers" yaml:"sign_off_layers"`
	Silos                float64            `json:"silos" yaml:"silos"`
	DepartmentHarmony    float64            `json:"department_harmony" yaml:"department_harmony"`
	Regulation           float64            `json:"regulation" yaml:"regulation"`
	Maturity             float64            `json:"maturity" yaml:"maturity"`
	ExecutiveSponsorship float64            `json:"executive_sponsorship" yaml:"executive_sponsorship"`
	Agency               string             `json:"agency" yaml:"agency"`
	Sector               string             `json:"sector" yaml:"sector"`
	Touchpoints          map[string]float64 `json:"touchpoints" yaml:"touchpoints"`
	Current              *structureFile     `json:"current" yaml:"current"`
	Weights              map[string]float64 `json:"weights" yaml:"weights"`
	Governance           *governanceFile    `json:"governance" yaml:"governance"`
}

// governanceFile is the wire form of [Governance]: answers as tokens, so a
// bad one is reported with its path.
type governanceFile struct {
	Policy           string `json:"policy" yaml:"policy"`
	PolicyKnown      string `json:"policy_known" yaml:"policy_known"`
	CrisisPlan       string `json:"crisis_plan" yaml:"crisis_plan"`
	AccountInventory string `json:"account_inventory" yaml:"account_inventory"`
	Archiving        string `json:"archiving" yaml:"archiving"`
	Training         string `json:"training" yaml:"training"`
	Measurement      string `json:"measurement" yaml:"measurement"`
	ExecutiveSponsor string `json:"executive_sponsor" yaml:"executive_sponsor"`
}

func (f governanceFile) governance() (Governance, []error) {
	var errs []error
	parse := func(key, v string) Answer {
		if v == "" {
			return Unknown
		}
		a, err := ParseAnswer(v)
		if err != nil {
			errs = append(errs, fieldErr("governance."+key, v, fmt.Errorf("%w (want yes, no or unknown)", ErrUnknownName)))
		}
		return a
	}
	g := Governance{
		Policy:           parse("policy", f.Policy),
		PolicyKnown:      parse("policy_known", f.PolicyKnown),
		CrisisPlan:       parse("crisis_plan", f.CrisisPlan),
		AccountInventory: parse("account_inventory", f.AccountInventory),
		Archiving:        parse("archiving", f.Archiving),
		Training:         parse("training", f.Training),
		Measurement:      parse("measurement", f.Measurement),
		ExecutiveSponsor: parse("executive_sponsor", f.ExecutiveSponsor),
	}
	return g, errs
}

type structureFile struct {
	Home     string `json:"home" yaml:"home"`
	Model    string `json:"model" yaml:"model"`
	Role     string `json:"role" yaml:"role"`
	Sourcing string `json:"sourcing" yaml:"sourcing"`
}

// ReadProfile reads one profile from YAML or JSON: a document whose first
// non-blank character is '{' is JSON, anything else YAML. Decoding is
// strict and the same for both formats: keys must match the field names
// exactly (no case variants) and appear once; unknown fields, null for a
// number or a string (a YAML ~ or an empty value), values of the wrong
// type, anything after the document (a second YAML document), explicit
// YAML tags (!!binary, !custom), anchors and aliases, and invalid UTF-8
// are errors wrapping [ErrSyntax] that name the field's path and, when
// known, the line (touchpoints.customer-support, line 4). Quote a YAML
// name that looks like a number ("2024"). A UTF-8 byte order mark at the
// start is ignored. The profile is then validated against the default catalogue and every problem is
// returned at once ([errors.Join] of [*FieldError]); for a custom
// catalogue, read with [ReadProfileWith].
//
// Example (YAML):
//
//	name: Nordbank
//	employees: 8000
//	countries: 3
//	regulation: 5
//	sign_off_layers: 3
//	touchpoints: {customer-support: 4, crisis-response: 3, corporate-communication: 3}
//	current: {home: marketing, model: centralized, role: executing, sourcing: in-house}
//	weights: {risk-compliance: 3, agility: 1}   # optional override
func ReadProfile(r io.Reader) (Profile, error) {
	return ReadProfileWith(r, nil)
}

// ReadProfileWith is [ReadProfile] with touchpoint IDs and departments
// checked against c (nil means the default catalogue).
func ReadProfileWith(r io.Reader, c *touchpoint.Catalog) (Profile, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Profile{}, fmt.Errorf("placement: reading profile: %w", err)
	}
	var f profileFile
	if err := decodeStrict(data, &f); err != nil {
		if errors.Is(err, ErrMissing) {
			return Profile{}, err
		}
		return Profile{}, explainDecode(data, profileFile{}, err)
	}
	p, errs := f.profile()
	if err := p.Validate(c); err != nil {
		// Keep the first report for each path: a bad token was already
		// reported while converting and would show again as a missing value.
		seen := make(map[string]bool, len(errs))
		for _, e := range errs {
			var fe *FieldError
			if errors.As(e, &fe) {
				seen[fe.Path] = true
			}
		}
		for _, e := range unjoin(err) {
			var fe *FieldError
			if !errors.As(e, &fe) || !seen[fe.Path] {
				errs = append(errs, e)
			}
		}
	}
	sortByField(errs, profileFile{})
	if err := joinErrs(errs); err != nil {
		return Profile{}, err
	}
	return p, nil
}

// unjoin flattens errors joined with errors.Join.
func unjoin(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, unjoin(e)...)
	}
	return out
}

func (f profileFile) profile() (Profile, []error) {
	var errs []error
	// whole converts a count or scale read as a number, rejecting fractions
	// and values beyond the int range (YAML would otherwise truncate 2.5).
	whole := func(path string, x float64) int {
		switch {
		case x != math.Trunc(x):
			errs = append(errs, explained(path, ErrRange, "%g is not a whole number", x))
			return 0
		case math.Abs(x) > 1e15:
			errs = append(errs, explained(path, ErrRange, "%g is far outside the field's range", x))
			return 0
		}
		return int(x)
	}
	p := Profile{
		Employees:            whole("employees", f.Employees),
		BusinessUnits:        whole("business_units", f.BusinessUnits),
		Countries:            whole("countries", f.Countries),
		Founded:              whole("founded", f.Founded),
		SocialPriority:       whole("social_priority", f.SocialPriority),
		SocialStaff:          f.SocialStaff,
		BudgetLevel:          whole("budget_level", f.BudgetLevel),
		SignOffLayers:        whole("sign_off_layers", f.SignOffLayers),
		Silos:                whole("silos", f.Silos),
		DepartmentHarmony:    whole("department_harmony", f.DepartmentHarmony),
		Regulation:           whole("regulation", f.Regulation),
		Maturity:             whole("maturity", f.Maturity),
		ExecutiveSponsorship: whole("executive_sponsorship", f.ExecutiveSponsorship),
	}
	if f.Name != nil {
		p.Name = *f.Name
	}
	if f.Agency != "" {
		a, err := ParseAgencyStance(f.Agency)
		if err != nil {
			errs = append(errs, explained("agency", ErrUnknownName, "%q is not one of %s", f.Agency, tokenList(agencyNames)))
		}
		p.Agency = a
	}
	if f.Sector != "" {
		s, err := ParseSector(f.Sector)
		if err != nil {
			errs = append(errs, fieldErr("sector", f.Sector, ErrUnknownName))
		}
		p.Sector = s
	}
	if f.Touchpoints != nil {
		p.Touchpoints = make(map[touchpoint.ID]int, len(f.Touchpoints))
		for _, k := range slices.Sorted(maps.Keys(f.Touchpoints)) {
			p.Touchpoints[touchpoint.ID(k)] = whole("touchpoints."+k, f.Touchpoints[k])
		}
	}
	if f.Weights != nil {
		p.Weights = make(map[Criterion]float64, len(f.Weights))
		for _, k := range slices.Sorted(maps.Keys(f.Weights)) {
			c, err := ParseCriterion(k)
			if err != nil {
				errs = append(errs, explained("weights."+k, ErrUnknownName, "want one of %s", tokenList(criterionNames)))
				continue
			}
			p.Weights[c] = f.Weights[k]
		}
	}
	if f.Current != nil {
		s, err := f.Current.structure("current")
		errs = append(errs, err...)
		p.Current = &s
	}
	if f.Governance != nil {
		g, err := f.Governance.governance()
		errs = append(errs, err...)
		p.Governance = g
	}
	return p, errs
}

func (f structureFile) structure(prefix string) (Structure, []error) {
	var errs []error
	s := Structure{Home: touchpoint.Department(f.Home)}
	if s.Home == "" {
		s.Home = NoHome
	}
	parse := func(field, v string, tokens []string, fn func(string) error) {
		if v == "" {
			if field != "role" {
				errs = append(errs, explained(prefix+"."+field, ErrMissing, "want one of %s", tokenList(tokens)))
			}
			return
		}
		if fn(v) != nil {
			errs = append(errs, explained(prefix+"."+field, ErrUnknownName, "%q is not one of %s", v, tokenList(tokens)))
		}
	}
	parse("model", f.Model, modelNames, func(v string) (err error) { s.Model, err = ParseOperatingModel(v); return })
	parse("role", f.Role, roleNames, func(v string) (err error) { s.Role, err = ParseRole(v); return })
	parse("sourcing", f.Sourcing, sourcingNames, func(v string) (err error) { s.Sourcing, err = ParseSourcing(v); return })
	return s, errs
}

// decodeStrict decodes JSON or YAML into v by the rules of
// internal/strictdec (documented on [ReadProfile]). Errors wrap ErrSyntax
// (ErrMissing for an empty document) and the *strictdec.Error that
// locates the problem.
func decodeStrict(data []byte, v any) error {
	err := strictdec.Decode(data, v)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, strictdec.ErrEmpty):
		return fmt.Errorf("%w: %w", ErrMissing, err)
	}
	return fmt.Errorf("%w: %w", ErrSyntax, err)
}
