package placement

import (
	"slices"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// NoHome is the home of an organic structure, which has no central team.
const NoHome touchpoint.Department = "none"

// Structure is where social media sits: the home department of the central
// team × the operating model × the role of the central team × sourcing.
// In files it is
//
//	{"home": "communications", "model": "hub-and-spoke", "role": "advisory-executing", "sourcing": "in-house"}
//
// An organic structure has home "none" and role "none".
type Structure struct {
	// Home is the department the central team reports into: a standard
	// department or one of the catalogue's custom ones. An organic
	// structure has [NoHome] ("none"; "" is accepted too); any other
	// model needs a real department.
	Home touchpoint.Department `json:"home" yaml:"home"`
	// Model is the operating model; the zero value is unset, which
	// [Structure.Validate] rejects.
	Model OperatingModel `json:"model" yaml:"model"`
	// Role is what the central team does; it must suit Model (see
	// [Structure.Validate]), and the zero value [NoRole] is the only role
	// of an organic structure.
	Role Role `json:"role" yaml:"role"`
	// Sourcing says who does the work; the zero value is unset, which
	// [Structure.Validate] rejects, and an organic structure cannot be
	// agency-sourced.
	Sourcing Sourcing `json:"sourcing" yaml:"sourcing"`
}

var modelCodes = []string{"", "org", "cen", "hs", "dan", "hon"}
var roleCodes = []string{"", "co", "ad", "ex", "ae"}
var sourcingCodes = []string{"", "in", "hy", "ag"}

func homeCode(d touchpoint.Department) string {
	switch d {
	case touchpoint.Communications:
		return "com"
	case touchpoint.Marketing:
		return "mkt"
	case touchpoint.CustomerService:
		return "cs"
	case touchpoint.Sales:
		return "sal"
	case touchpoint.Executive:
		return "exe"
	case touchpoint.Legal:
		return "leg"
	case "com", "mkt", "cs", "sal", "exe", "leg", "x":
		return "dept-" + string(d) // a custom department named like a code
	}
	return string(d) // pr, hr, csr, it and custom departments
}

// homeOfCode is the department whose code (see homeCode) is c.
func homeOfCode(c string) touchpoint.Department {
	for _, d := range []touchpoint.Department{touchpoint.Communications, touchpoint.Marketing,
		touchpoint.CustomerService, touchpoint.Sales, touchpoint.Executive, touchpoint.Legal} {
		if homeCode(d) == c {
			return d
		}
	}
	if d, ok := strings.CutPrefix(c, "dept-"); ok {
		return touchpoint.Department(d)
	}
	return touchpoint.Department(c)
}

func homeLabel(d touchpoint.Department) string {
	if d.IsStandard() {
		return d.Label()
	}
	return string(d) // a custom department keeps its ID in structure names
}

// ID returns a stable short identifier: model, home, role and sourcing
// codes joined by hyphens, for example "hs-com-ae-in" (hub-and-spoke,
// communications, advisory-executing, in-house) or "org-in" (organic,
// in-house). Codes: models org, cen, hs, dan, hon; homes com, mkt, pr, cs,
// hr, sal, csr, exe, it, leg (a custom department uses its own name, prefixed
// with "dept-" if that name is one of these codes); roles
// co, ad, ex, ae; sourcing in, hy, ag. The ID of an invalid structure is
// unspecified but never empty.
func (s Structure) ID() string {
	src := code(sourcingCodes, int(s.Sourcing))
	if s.Model == Organic {
		return "org-" + src
	}
	return code(modelCodes, int(s.Model)) + "-" + homeCode(s.Home) + "-" + code(roleCodes, int(s.Role)) + "-" + src
}

func code(codes []string, v int) string {
	if v > 0 && v < len(codes) {
		return codes[v]
	}
	return "x"
}

// Name returns a human name, for example "Hub-and-spoke centre of
// excellence in Communications, advisory, in-house".
func (s Structure) Name() string {
	var b strings.Builder
	where := "in " + homeLabel(s.Home)
	if s.Home == touchpoint.Executive {
		where = "in its own executive unit"
	}
	switch s.Model {
	case Organic:
		b.WriteString("Organic (no central team)")
	case Centralized:
		b.WriteString("Centralized team " + where)
	case HubAndSpoke:
		b.WriteString("Hub-and-spoke centre of excellence " + where)
	case Dandelion:
		b.WriteString("Dandelion (multiple hub-and-spoke) with a corporate centre " + where)
	case Honeycomb:
		b.WriteString("Honeycomb enabled by a centre " + where)
	default:
		b.WriteString(s.Model.String())
	}
	if s.Model != Organic && s.Role.valid() && s.Role != NoRole {
		b.WriteString(", " + roleLabels[s.Role])
	}
	b.WriteString(", " + s.Sourcing.String())
	return b.String()
}

// String returns the ID.
func (s Structure) String() string { return s.ID() }

// Validate checks that s is coherent (coherence rules that are our
// judgement from the published definitions) and that its home is known to c (nil means the standard
// departments only):
//
//	organic        home "none", role "none", sourcing in-house or hybrid
//	centralized    role executing or advisory-executing
//	hub-and-spoke  any role
//	dandelion      role coordinating or advisory (the hubs execute)
//	honeycomb      role advisory or advisory-executing
//
// Every non-organic structure needs a home department other than "none".
// Problems are returned together ([errors.Join]) as [*FieldError] values
// with paths under prefix ("current" gives "current.role").
func (s Structure) Validate(c *touchpoint.Catalog, prefix string) error {
	var errs []error
	add := func(field, value string, err error) {
		errs = append(errs, fieldErr(join(prefix, field), value, err))
	}
	if !s.Model.valid() {
		add("model", "", ErrMissing)
	}
	if !s.Role.valid() {
		add("role", s.Role.String(), ErrUnknownName)
	}
	if !s.Sourcing.valid() {
		add("sourcing", "", ErrMissing)
	}
	known := func(d touchpoint.Department) bool {
		if c == nil {
			return d.IsStandard()
		}
		return c.KnownDepartment(d)
	}
	switch {
	case s.Model == Organic:
		if s.Home != NoHome && s.Home != "" {
			add("home", string(s.Home), ErrIncoherent)
		}
		if s.Role != NoRole {
			add("role", s.Role.String(), ErrIncoherent)
		}
		if s.Sourcing == Agency {
			add("sourcing", s.Sourcing.String(), ErrIncoherent)
		}
	case s.Home == "" || s.Home == NoHome:
		add("home", string(s.Home), ErrMissing)
	case !known(s.Home):
		add("home", string(s.Home), ErrUnknownDepartment)
	}
	if s.Model.valid() && s.Model != Organic && s.Role.valid() && !slices.Contains(rolesFor(s.Model), s.Role) {
		add("role", s.Role.String(), ErrIncoherent)
	}
	return joinErrs(errs)
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// rolesFor returns the coherent roles of a model's central team.
func rolesFor(m OperatingModel) []Role {
	switch m {
	case Centralized:
		return []Role{Executing, AdvisoryExecuting}
	case HubAndSpoke:
		return []Role{Coordinating, Advisory, Executing, AdvisoryExecuting}
	case Dandelion:
		return []Role{Coordinating, Advisory}
	case Honeycomb:
		return []Role{Advisory, AdvisoryExecuting}
	}
	return []Role{NoRole}
}

// DefaultHomes returns the departments [Enumerate] considers as homes when
// given none: communications, marketing, pr, customer-service, hr, sales
// and executive. IT, legal and CSR are left out because the sources
// find them poor or unrealistic homes for a company-wide team (they stay
// consulted or approving functions); HR is kept, for centralized teams only,
// so that its weakness is scored rather than assumed.
func DefaultHomes() []touchpoint.Department {
	return []touchpoint.Department{touchpoint.Communications, touchpoint.Marketing, touchpoint.PR,
		touchpoint.CustomerService, touchpoint.HR, touchpoint.Sales, touchpoint.Executive}
}

// homeAdmits reports whether a home is a plausible seat for a model's
// centre (our judgement, from the published strengths and weaknesses of
// each home): communications, marketing and an executive unit can anchor every
// model; PR and customer service a centralized team or a hub; sales a hub
// (social selling in B2B); HR and IT a centralized team only; legal and CSR
// none. A department outside the standard set may anchor a centralized team
// or a hub.
func homeAdmits(d touchpoint.Department, m OperatingModel) bool {
	switch d {
	case touchpoint.Communications, touchpoint.Marketing, touchpoint.Executive:
		return true
	case touchpoint.PR, touchpoint.CustomerService:
		return m == Centralized || m == HubAndSpoke
	case touchpoint.Sales:
		return m == HubAndSpoke
	case touchpoint.HR, touchpoint.IT:
		return m == Centralized
	case touchpoint.Legal, touchpoint.CSR:
		return false
	}
	return m == Centralized || m == HubAndSpoke
}

// Enumerate returns the coherent candidate structures whose centre sits in
// one of homes (nil means [DefaultHomes]), in a stable order: organic
// first, then by model, home (in the order given), role and sourcing.
// Beyond [Structure.Validate] it applies two admissibility rules [J]:
// a home must plausibly anchor the model (see DefaultHomes), and agency
// sourcing is offered only where the centre executes (role executing),
// because an agency buys labour, not policy authority (the sources advise
// keeping daily engagement and policy in-house). Every returned structure
// passes Validate.
func Enumerate(homes []touchpoint.Department) []Structure {
	if homes == nil {
		homes = DefaultHomes()
	}
	var uniq []touchpoint.Department
	for _, h := range homes {
		if !slices.Contains(uniq, h) {
			uniq = append(uniq, h)
		}
	}
	homes = uniq
	out := []Structure{
		{Home: NoHome, Model: Organic, Role: NoRole, Sourcing: InHouse},
		{Home: NoHome, Model: Organic, Role: NoRole, Sourcing: Hybrid},
	}
	for _, m := range OperatingModels()[1:] {
		for _, h := range homes {
			if h == NoHome || !homeAdmits(h, m) {
				continue
			}
			for _, r := range rolesFor(m) {
				for _, src := range Sourcings() {
					if src == Agency && r != Executing {
						continue
					}
					out = append(out, Structure{Home: h, Model: m, Role: r, Sourcing: src})
				}
			}
		}
	}
	return out
}

// parseStructureID is the inverse of [Structure.ID]: the structure whose
// ID is id, and false if id is not one.
func parseStructureID(id string) (Structure, bool) {
	parts := strings.Split(id, "-")
	find := func(codes []string, c string) int {
		for i, x := range codes {
			if i > 0 && x == c {
				return i
			}
		}
		return 0
	}
	if len(parts) < 2 {
		return Structure{}, false
	}
	model, src := find(modelCodes, parts[0]), find(sourcingCodes, parts[len(parts)-1])
	if model == 0 || src == 0 {
		return Structure{}, false
	}
	s := Structure{Model: OperatingModel(model), Sourcing: Sourcing(src)}
	switch {
	case s.Model == Organic && len(parts) != 2:
		return Structure{}, false
	case s.Model != Organic:
		if len(parts) < 4 {
			return Structure{}, false
		}
		role := find(roleCodes, parts[len(parts)-2])
		if role == 0 {
			return Structure{}, false
		}
		s.Role = Role(role)
		s.Home = homeOfCode(strings.Join(parts[1:len(parts)-2], "-"))
	}
	return s, s.ID() == id
}

// structureName is the name of the structure with the given ID, or the ID
// itself if it is not one.
func structureName(id string) string {
	if s, ok := parseStructureID(id); ok {
		return s.Name()
	}
	return id
}
