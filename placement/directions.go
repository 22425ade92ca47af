package placement

import (
	_ "embed" // for the default directions
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

//go:embed directions.yaml
var defaultDirectionsYAML []byte

// Directions is the specification the model is tested against: for every
// profile factor the sources name, which structures it pushes up or down,
// over which range, from which base organisations, and what must come
// first at the extremes. It is data next to the model (directions.yaml);
// the package's property tests sweep every factor from every base and
// check each stated direction, and examples/scenarios prints the sweeps.
type Directions struct {
	// Bases are the organisations each factor is swept from.
	Bases []DirectionBase `json:"bases" yaml:"bases"`
	// Factors lists one entry per profile factor.
	Factors []Direction `json:"factors" yaml:"factors"`
}

// DirectionBase is a named starting profile for the sweeps.
type DirectionBase struct {
	// Name identifies the base ("small", "mid", "large"); [Effect.Bases]
	// and [Extreme.Base] refer to it, and [Directions.Base] looks it up.
	Name string `json:"name" yaml:"name"`
	// Profile is the organisation each sweep starts from; the swept
	// factor alone is changed ([Direction.Apply]).
	Profile Profile `json:"profile" yaml:"profile"`
}

// Direction is what one profile factor does to the ranking.
type Direction struct {
	// Factor is the profile field's file name ("social_staff"), or
	// "touchpoints.<id>" for one touchpoint's activity.
	Factor string `json:"factor" yaml:"factor"`
	// Values is the swept range, lowest first, as written in a profile
	// file.
	Values []string `json:"values" yaml:"values"`
	// Effects are the pushes the factor makes, in the sweep's direction.
	Effects []Effect `json:"effects" yaml:"effects"`
	// Extremes are what must (or must not) come first at given values.
	Extremes []Extreme `json:"extremes,omitempty" yaml:"extremes,omitempty"`
	// Threshold states the published or judged threshold, if any.
	Threshold string `json:"threshold,omitempty" yaml:"threshold,omitempty"`
	// Source cites the publications behind the direction.
	Source string `json:"source" yaml:"source"`
}

// Effect says that, as the factor rises through Values, the best score of
// the structures matching Up gains on the best score of those matching
// Over.
type Effect struct {
	// Up selects the structures whose best score must gain as the factor
	// rises.
	Up Selector `json:"up" yaml:"up"`
	// Over selects the structures whose best score Up's must gain on.
	Over Selector `json:"over" yaml:"over"`
	// Bases limits the effect to some bases; empty means all.
	Bases []string `json:"bases,omitempty" yaml:"bases,omitempty"`
	// Why says in words what the effect means.
	Why string `json:"why" yaml:"why"`
}

// Extreme is a face-validity expectation at one value of a factor, from
// one base: the first structure matches one of First (if any) and none of
// NotFirst.
type Extreme struct {
	// Value is the factor's value, one of [Direction.Values], written as
	// there.
	Value string `json:"value" yaml:"value"`
	// Base is the [DirectionBase.Name] the factor is set from.
	Base string `json:"base" yaml:"base"`
	// First lists selectors of which the first structure must match at
	// least one; empty sets no such requirement.
	First []Selector `json:"first,omitempty" yaml:"first,omitempty"`
	// NotFirst lists selectors the first structure must match none of.
	NotFirst []Selector `json:"not_first,omitempty" yaml:"not_first,omitempty"`
}

// Selector picks structures by their dimensions; an empty list matches any
// value of that dimension.
type Selector struct {
	// Model lists the operating models accepted ([Structure.Model]).
	Model []OperatingModel `json:"model,omitempty" yaml:"model,omitempty"`
	// Role lists the roles accepted ([Structure.Role]).
	Role []Role `json:"role,omitempty" yaml:"role,omitempty"`
	// Sourcing lists the sourcing arrangements accepted
	// ([Structure.Sourcing]).
	Sourcing []Sourcing `json:"sourcing,omitempty" yaml:"sourcing,omitempty"`
	// Home lists the home departments accepted ([Structure.Home]).
	Home []touchpoint.Department `json:"home,omitempty" yaml:"home,omitempty"`
}

// Match reports whether s has one of the selector's values on every
// dimension the selector names.
func (sel Selector) Match(s Structure) bool {
	return (len(sel.Model) == 0 || slices.Contains(sel.Model, s.Model)) &&
		(len(sel.Role) == 0 || slices.Contains(sel.Role, s.Role)) &&
		(len(sel.Sourcing) == 0 || slices.Contains(sel.Sourcing, s.Sourcing)) &&
		(len(sel.Home) == 0 || slices.Contains(sel.Home, s.Home))
}

// String describes the selector ("hub-and-spoke, in-house").
func (sel Selector) String() string {
	var parts []string
	add := func(vs []string) {
		if len(vs) > 0 {
			parts = append(parts, strings.Join(vs, " or "))
		}
	}
	add(names(sel.Model))
	add(names(sel.Role))
	add(names(sel.Sourcing))
	homes := make([]string, len(sel.Home))
	for i, h := range sel.Home {
		homes[i] = string(h)
	}
	add(homes)
	if len(parts) == 0 {
		return "any structure"
	}
	return strings.Join(parts, ", ")
}

func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// DefaultDirections returns a fresh copy of the embedded directions table.
func DefaultDirections() Directions {
	var d Directions
	if err := decodeStrict(defaultDirectionsYAML, &d); err != nil {
		panic("placement: embedded directions are invalid: " + err.Error()) // tested; cannot happen in a release
	}
	return d
}

// Base returns the named base profile (a copy).
func (d Directions) Base(name string) (Profile, bool) {
	for _, b := range d.Bases {
		if b.Name == name {
			return b.Profile.Clone(), true
		}
	}
	return Profile{}, false
}

// Apply returns a copy of p with the direction's factor set to value.
func (d Direction) Apply(p Profile, value string) (Profile, error) {
	p = p.Clone()
	bad := func(err error) (Profile, error) {
		return Profile{}, fieldErr(d.Factor, value, err)
	}
	if id, ok := strings.CutPrefix(d.Factor, "touchpoints."); ok {
		n, err := strconv.Atoi(value)
		if err != nil {
			return bad(ErrRange)
		}
		if p.Touchpoints == nil {
			p.Touchpoints = map[touchpoint.ID]int{}
		}
		p.Touchpoints[touchpoint.ID(id)] = n
		return p, nil
	}
	if d.Factor == "agency" {
		var a AgencyStance
		if err := a.UnmarshalText([]byte(value)); err != nil {
			return bad(ErrUnknownName)
		}
		p.Agency = a
		return p, nil
	}
	if d.Factor == "social_staff" {
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return bad(ErrRange)
		}
		p.SocialStaff = x
		return p, nil
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		return bad(ErrRange)
	}
	fields := map[string]*int{
		"employees": &p.Employees, "business_units": &p.BusinessUnits, "countries": &p.Countries,
		"founded": &p.Founded, "social_priority": &p.SocialPriority, "budget_level": &p.BudgetLevel,
		"sign_off_layers": &p.SignOffLayers, "silos": &p.Silos, "department_harmony": &p.DepartmentHarmony,
		"regulation": &p.Regulation, "maturity": &p.Maturity, "executive_sponsorship": &p.ExecutiveSponsorship,
	}
	ptr, ok := fields[d.Factor]
	if !ok {
		return bad(ErrUnknownName)
	}
	*ptr = n
	return p, nil
}
