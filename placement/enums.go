package placement

import (
	"github.com/socialseat/socialseat/internal/textenum"
)

// OperatingModel is how social media work and decision rights are spread
// over the organisation (Owyang 2010, "The Five Ways Companies Organize for
// Social Business"). The zero value is unset and rejected.
type OperatingModel int

// Operating models, from the least to the most distributed formal model.
const (
	// Organic: no centre; activity bubbles up wherever enthusiasts are
	// (Forrester's "tire").
	Organic OperatingModel = iota + 1
	// Centralized: one team runs social for the whole organisation (the
	// "tower").
	Centralized
	// HubAndSpoke: a cross-functional centre of excellence sets policy,
	// tools and training; departments, units and regions execute.
	HubAndSpoke
	// Dandelion: several semi-autonomous hub-and-spokes (brands, units,
	// regions) tied to a thin corporate centre.
	Dandelion
	// Honeycomb: every employee who wants to is enabled, in a consistent,
	// trained, organised way.
	Honeycomb
)

var modelNames = []string{"", "organic", "centralized", "hub-and-spoke", "dandelion", "honeycomb"}

// OperatingModels returns every operating model in order.
func OperatingModels() []OperatingModel {
	return []OperatingModel{Organic, Centralized, HubAndSpoke, Dandelion, Honeycomb}
}

// String returns the stable token ("organic", "centralized",
// "hub-and-spoke", "dandelion", "honeycomb").
func (m OperatingModel) String() string { return enumString("OperatingModel", modelNames, int(m)) }

// Label returns the model's name as a client reads it: "organic (no
// central team)", "centralized", "hub-and-spoke", "dandelion (multiple
// hub-and-spoke)" or "honeycomb"; what String gives for a value outside
// the set.
func (m OperatingModel) Label() string {
	switch m {
	case Organic:
		return "organic (no central team)"
	case Dandelion:
		return "dandelion (multiple hub-and-spoke)"
	}
	return m.String()
}

// MarshalText implements encoding.TextMarshaler; it fails for the zero
// value and values outside the set.
func (m OperatingModel) MarshalText() ([]byte, error) {
	return enumMarshal("model", modelNames, int(m))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseOperatingModel].
func (m *OperatingModel) UnmarshalText(b []byte) error {
	v, err := ParseOperatingModel(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseOperatingModel parses a token as returned by String; an unknown
// token gives an error wrapping [ErrUnknownName].
func ParseOperatingModel(s string) (OperatingModel, error) {
	v, err := enumParse("model", modelNames, s)
	return OperatingModel(v), err
}

func (m OperatingModel) valid() bool { return m >= Organic && m <= Honeycomb }

// Role is what the central team does (Mindjumpers 2010: coordinate, advise
// strategically, or execute; plus the common combination). The zero value
// is [NoRole], the only valid role of an organic structure.
type Role int

// Roles of the central team.
const (
	// NoRole: there is no central team (organic).
	NoRole Role = iota
	// Coordinating: aligns calendars and launches, keeps the account
	// inventory, shares practice. Cheapest, weakest control.
	Coordinating
	// Advisory: strategy, policy, training, tools and measurement;
	// departments execute.
	Advisory
	// Executing: the team writes, publishes and answers on behalf of
	// departments; approval moves away from them.
	Executing
	// AdvisoryExecuting: runs corporate channels and crisis response itself
	// and advises the departments elsewhere.
	AdvisoryExecuting
)

var roleNames = []string{"none", "coordinating", "advisory", "executing", "advisory-executing"}
var roleLabels = []string{"", "coordinating", "advisory", "executing", "advisory and executing"}

// Roles returns the roles of a central team (without [NoRole]) in order.
func Roles() []Role { return []Role{Coordinating, Advisory, Executing, AdvisoryExecuting} }

// String returns the stable token ("none", "coordinating", "advisory",
// "executing", "advisory-executing").
func (r Role) String() string { return enumString("Role", roleNames, int(r)) }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return enumMarshal("role", roleNames, int(r)) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseRole].
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// ParseRole parses a token as returned by String; an unknown token gives an
// error wrapping [ErrUnknownName].
func ParseRole(s string) (Role, error) {
	v, err := enumParse("role", roleNames, s)
	return Role(v), err
}

func (r Role) valid() bool { return r >= NoRole && r <= AdvisoryExecuting }

// Sourcing says who does the labour of social media work: the
// organisation's own staff, an agency, or both.
// The zero value is unset and rejected.
type Sourcing int

// Sourcing options.
const (
	InHouse Sourcing = iota + 1 // own staff do the work
	Hybrid                      // engagement in-house; campaigns, production and surge bought in
	Agency                      // an agency does most of the work
)

var sourcingNames = []string{"", "in-house", "hybrid", "agency"}

// Sourcings returns every sourcing option in order.
func Sourcings() []Sourcing { return []Sourcing{InHouse, Hybrid, Agency} }

// String returns the stable token ("in-house", "hybrid", "agency").
func (s Sourcing) String() string { return enumString("Sourcing", sourcingNames, int(s)) }

// MarshalText implements encoding.TextMarshaler; it fails for the zero value.
func (s Sourcing) MarshalText() ([]byte, error) {
	return enumMarshal("sourcing", sourcingNames, int(s))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSourcing].
func (s *Sourcing) UnmarshalText(b []byte) error {
	v, err := ParseSourcing(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSourcing parses a token as returned by String; an unknown token gives
// an error wrapping [ErrUnknownName].
func ParseSourcing(s string) (Sourcing, error) {
	v, err := enumParse("sourcing", sourcingNames, s)
	return Sourcing(v), err
}

func (s Sourcing) valid() bool { return s >= InHouse && s <= Agency }

// AgencyStance is a profile's position on outside agencies. The zero value
// means "not stated" and is read as [AgencyOpen].
type AgencyStance int

// Agency stances.
const (
	AgencyNone    AgencyStance = iota + 1 // no agency, and none wanted: in-house candidates only
	AgencyCurrent                         // an agency works for the organisation today
	AgencyOpen                            // no agency today, but open to one
)

var agencyNames = []string{"", "none", "current", "open"}

// String returns the stable token ("none", "current", "open"), or "" for
// the zero value.
func (a AgencyStance) String() string {
	if a == 0 {
		return ""
	}
	return enumString("AgencyStance", agencyNames, int(a))
}

// MarshalText implements encoding.TextMarshaler. The zero value marshals
// as the empty string.
func (a AgencyStance) MarshalText() ([]byte, error) {
	if a == 0 {
		return []byte{}, nil
	}
	return enumMarshal("agency", agencyNames, int(a))
}

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseAgencyStance]; the empty string gives the zero value.
func (a *AgencyStance) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*a = 0
		return nil
	}
	v, err := ParseAgencyStance(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAgencyStance parses "none", "current" or "open"; an unknown token
// gives an error wrapping [ErrUnknownName].
func ParseAgencyStance(s string) (AgencyStance, error) {
	v, err := enumParse("agency", agencyNames, s)
	return AgencyStance(v), err
}

// Criterion is one of the ten criteria on which structures are judged.
// The zero value is unset.
type Criterion int

// The criteria. Cost and ChangeEffort are cost criteria (lower is better);
// the others are benefits.
const (
	Agility        Criterion = iota + 1 // speed from event to public response; few hand-offs
	Consistency                         // one voice and brand experience; brand control
	Coverage                            // every active touchpoint has an owner with capacity and skill
	Expertise                           // depth of social craft and domain knowledge where the work is done
	Cost                                // resource burden relative to the organisation's means (lower is better)
	RiskCompliance                      // governance, approval paths, archiving, crisis readiness
	Authenticity                        // human, close-to-customer voice
	Scalability                         // ability to absorb more units, markets and volume
	Influence                           // strategic weight; a seat where decisions are made
	ChangeEffort                        // effort to move from the current structure (lower is better)
)

// NumCriteria is the number of criteria.
const NumCriteria = 10

var criterionNames = []string{"", "agility", "consistency", "coverage", "expertise", "cost",
	"risk-compliance", "authenticity", "scalability", "influence", "change-effort"}
var criterionLabels = []string{"", "agility", "consistency and brand control", "touchpoint coverage",
	"expertise", "cost and resource fit", "risk and compliance", "authenticity", "scalability",
	"strategic influence", "change effort"}

// Criteria returns the ten criteria in their canonical order.
func Criteria() []Criterion {
	out := make([]Criterion, NumCriteria)
	for i := range out {
		out[i] = Criterion(i + 1)
	}
	return out
}

// String returns the stable ID ("agility", …, "change-effort").
func (c Criterion) String() string { return enumString("Criterion", criterionNames, int(c)) }

// Label returns a human label ("consistency and brand control").
func (c Criterion) Label() string {
	if c.valid() {
		return criterionLabels[c]
	}
	return c.String()
}

// IsCost reports whether lower values are better (cost, change-effort).
func (c Criterion) IsCost() bool { return c == Cost || c == ChangeEffort }

// MarshalText implements encoding.TextMarshaler; it fails for the zero value.
func (c Criterion) MarshalText() ([]byte, error) {
	return enumMarshal("criterion", criterionNames, int(c))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseCriterion].
func (c *Criterion) UnmarshalText(b []byte) error {
	v, err := ParseCriterion(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// ParseCriterion parses a criterion ID; an unknown ID gives an error
// wrapping [ErrUnknownName].
func ParseCriterion(s string) (Criterion, error) {
	v, err := enumParse("criterion", criterionNames, s)
	return Criterion(v), err
}

func (c Criterion) valid() bool { return c >= Agility && c <= ChangeEffort }

// Evidence is the kind of support behind a model coefficient, using the
// tags of the model's sources. The zero value is unset and rejected by
// [Model.Validate].
type Evidence int

// Evidence kinds.
const (
	Survey    Evidence = iota + 1 // [S] a number from a named survey or benchmark
	Analyst                       // [A] an analyst or practitioner framework
	Theory                        // [T] organisational-design theory or research
	Vendor                        // [V] a vendor guide; weak evidence
	Judgement                     // [J] our judgement, derived from the above
)

var evidenceNames = []string{"", "survey", "analyst", "theory", "vendor", "judgement"}

// String returns the token ("survey", "analyst", "theory", "vendor",
// "judgement").
func (e Evidence) String() string { return enumString("Evidence", evidenceNames, int(e)) }

// MarshalText implements encoding.TextMarshaler; it fails for the zero value.
func (e Evidence) MarshalText() ([]byte, error) {
	return enumMarshal("evidence", evidenceNames, int(e))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseEvidence].
func (e *Evidence) UnmarshalText(b []byte) error {
	v, err := ParseEvidence(string(b))
	if err == nil {
		*e = v
	}
	return err
}

// ParseEvidence parses an evidence token; an unknown token gives an error
// wrapping [ErrUnknownName].
func ParseEvidence(s string) (Evidence, error) {
	v, err := enumParse("evidence", evidenceNames, s)
	return Evidence(v), err
}

func enumString(typ string, names []string, v int) string {
	return textenum.String(typ, names, v)
}

func enumMarshal(what string, names []string, v int) ([]byte, error) {
	return textenum.Marshal(what, names, v)
}

func enumParse(what string, names []string, s string) (int, error) {
	return textenum.Parse(what, names, s)
}
