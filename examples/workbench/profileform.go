package main

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// fieldKind says how a form field is entered and parsed.
type fieldKind int

const (
	kindText   fieldKind = iota // free text
	kindInt                     // a whole number
	kindNumber                  // a decimal number
	kindSelect                  // one of Options
)

// option is one choice of a select field.
type option struct {
	Value, Label string
}

// formField is one input of the profile form. Key is the profile's
// file-format path ("employees", "governance.policy",
// "touchpoints.crisis-response", "current.role"), which is also the form
// field's name and the path of placement's *FieldError, so a validation
// error lands beside the field it is about.
type formField struct {
	Key, Label string
	Kind       fieldKind
	Options    []option
	// Help explains the field; for a profile field it is
	// placement.ProfileFields' help.
	Help string
	// Group is the fieldset the field is shown in.
	Group string
}

// groupIntro returns the help of a whole fieldset, from placement's help
// of the profile field it fills (today's structure, the touchpoints); ""
// for the others.
func groupIntro(group string) string {
	key := map[string]string{groupCurrent: "current", groupTouchpoints: "touchpoints"}[group]
	if key == "" {
		return ""
	}
	return placementFields()[key].Help
}

// placementFields returns placement's description of each profile file
// field, by key.
func placementFields() map[string]placement.Field {
	m := map[string]placement.Field{}
	for _, f := range placement.ProfileFields() {
		m[f.Key] = f
	}
	return m
}

// Fieldsets of the profile form, in order.
const (
	groupOrganisation = "The organisation"
	groupToday        = "Social media today"
	groupGovernance   = "Governance in place"
	groupCurrent      = "Today's structure (leave empty if there is none)"
	groupTouchpoints  = "Touchpoints: activity 0–5 (leave all empty for the typical mix)"
)

// scaleOptions returns the choices of a 1–5 scale, with "not stated".
func scaleOptions() []option {
	return []option{{"", "not stated"}, {"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}}
}

// profileFields returns the fields of the profile form, in order.
func profileFields() []formField {
	var fs []formField
	pf := placementFields()
	add := func(group, key string, kind fieldKind, opts []option) {
		fs = append(fs, formField{Key: key, Label: pf[key].Label, Kind: kind, Options: opts, Group: group, Help: pf[key].Help})
	}
	add(groupOrganisation, "name", kindText, nil)
	add(groupOrganisation, "employees", kindInt, nil)
	add(groupOrganisation, "business_units", kindInt, nil)
	add(groupOrganisation, "countries", kindInt, nil)
	add(groupOrganisation, "founded", kindInt, nil)
	sectors := []option{{"", "not stated"}}
	for _, s := range placement.Sectors() {
		sectors = append(sectors, option{s.String(), s.String()})
	}
	add(groupOrganisation, "sector", kindSelect, sectors)
	add(groupOrganisation, "regulation", kindSelect, scaleOptions())
	add(groupOrganisation, "silos", kindSelect, scaleOptions())
	add(groupOrganisation, "department_harmony", kindSelect, scaleOptions())
	add(groupOrganisation, "executive_sponsorship", kindSelect, scaleOptions())
	add(groupToday, "social_priority", kindSelect, scaleOptions())
	add(groupToday, "social_staff", kindNumber, nil)
	add(groupToday, "budget_level", kindSelect, scaleOptions())
	add(groupToday, "sign_off_layers", kindInt, nil)
	add(groupToday, "maturity", kindSelect, scaleOptions())
	add(groupToday, "agency", kindSelect, []option{{"", "not stated"}, {"none", "none, and none wanted"}, {"current", "an agency works for us"}, {"open", "open to one"}})
	answers := []option{{"", "unknown"}, {"no", "no"}, {"yes", "yes"}}
	for _, f := range placement.ProfileFields() {
		if strings.HasPrefix(f.Key, "governance.") {
			add(groupGovernance, f.Key, kindSelect, answers)
		}
	}
	homes := []option{{"", "—"}, {string(placement.NoHome), "none (no central team)"}}
	for _, d := range touchpoint.StandardDepartments() {
		homes = append(homes, option{string(d), string(d)})
	}
	models := []option{{"", "—"}}
	for _, m := range placement.OperatingModels() {
		models = append(models, option{m.String(), m.String()})
	}
	roles := []option{{"", "—"}, {placement.NoRole.String(), "none (organic)"}}
	for _, r := range placement.Roles() {
		roles = append(roles, option{r.String(), r.String()})
	}
	sourcings := []option{{"", "—"}}
	for _, s := range placement.Sourcings() {
		sourcings = append(sourcings, option{s.String(), s.String()})
	}
	for _, c := range []struct {
		key, label string
		opts       []option
		help       string
	}{
		{"home", "Home department", homes, "The department the central team sits in; none for an organic set-up."},
		{"model", "Operating model", models, "How social media is organised today."},
		{"role", "Central team's role", roles, "What the central team does; none for an organic set-up."},
		{"sourcing", "Sourcing", sourcings, "Who does the labour: in-house staff, an agency, or both."},
	} {
		fs = append(fs, formField{Key: "current." + c.key, Label: c.label, Kind: kindSelect, Options: c.opts, Group: groupCurrent, Help: c.help})
	}
	activity := []option{{"", "—"}, {"0", "0"}, {"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}}
	for _, t := range touchpoint.DefaultCatalog().All() {
		fs = append(fs, formField{Key: "touchpoints." + string(t.ID), Label: t.Name, Kind: kindSelect, Options: activity, Group: groupTouchpoints,
			Help: t.Description})
	}
	return fs
}

// profileForm is the profile form as typed, with the errors found in it.
type profileForm struct {
	// Values holds what was typed, by field key, so that a form sent back
	// with errors shows it again.
	Values map[string]string
	// Errors holds the problem with each field, by key.
	Errors map[string]string
	// General lists problems that belong to no single field.
	General []string
}

// formFromProfile fills the form from a saved profile.
func formFromProfile(p placement.Profile) profileForm {
	f := profileForm{Values: map[string]string{}, Errors: map[string]string{}}
	set := func(k string, v int) {
		if v != 0 {
			f.Values[k] = strconv.Itoa(v)
		}
	}
	f.Values["name"] = p.Name
	set("employees", p.Employees)
	set("business_units", p.BusinessUnits)
	set("countries", p.Countries)
	set("founded", p.Founded)
	set("social_priority", p.SocialPriority)
	if p.SocialStaff != 0 {
		f.Values["social_staff"] = strconv.FormatFloat(p.SocialStaff, 'f', -1, 64)
	}
	set("budget_level", p.BudgetLevel)
	set("sign_off_layers", p.SignOffLayers)
	set("silos", p.Silos)
	set("department_harmony", p.DepartmentHarmony)
	set("regulation", p.Regulation)
	set("maturity", p.Maturity)
	set("executive_sponsorship", p.ExecutiveSponsorship)
	f.Values["agency"] = p.Agency.String()
	f.Values["sector"] = p.Sector.String()
	g := p.Governance
	for k, a := range map[string]placement.Answer{"policy": g.Policy, "policy_known": g.PolicyKnown, "crisis_plan": g.CrisisPlan,
		"account_inventory": g.AccountInventory, "archiving": g.Archiving, "training": g.Training, "measurement": g.Measurement,
		"executive_sponsor": g.ExecutiveSponsor} {
		if a != placement.Unknown {
			f.Values["governance."+k] = a.String()
		}
	}
	if c := p.Current; c != nil {
		f.Values["current.home"] = string(c.Home)
		f.Values["current.model"] = c.Model.String()
		f.Values["current.role"] = c.Role.String()
		f.Values["current.sourcing"] = c.Sourcing.String()
	}
	for id, a := range p.Touchpoints {
		f.Values["touchpoints."+string(id)] = strconv.Itoa(a)
	}
	return f
}

// maxTextField is the longest text accepted in one form field.
const maxTextField = 200

// notUTF8Text is the form's message for text whose bytes are not valid
// UTF-8. Such text is refused, not repaired: written to JSON (a decision
// document, the live view) its bad bytes would become U+FFFD, so two
// different names could become one, and a stored document would no longer
// match its hash.
const notUTF8Text = "This text has bytes that are not characters (it is not valid UTF-8). Type it again."

// textProblem checks a free-text value the workbench stores (a name):
// valid UTF-8 and at most maxTextField characters, and not empty when
// required. It returns the form's message for what is wrong: notUTF8Text,
// or lengthMsg for a value that is empty when required or too long; "" when
// the value is fine.
func textProblem(s string, required bool, lengthMsg string) string {
	switch {
	case !utf8.ValidString(s):
		return notUTF8Text
	case required && s == "", utf8.RuneCountInString(s) > maxTextField:
		return lengthMsg
	}
	return ""
}

// parseProfileForm reads the profile form. It returns the profile and the
// form as typed; when the form has errors (form.Errors or form.General not
// empty) the profile is not usable. Values are first parsed field by field
// (a number that is not a number), then the profile is validated by
// placement.Profile.Validate, whose *FieldError paths are the field keys.
func parseProfileForm(v url.Values) (placement.Profile, profileForm) {
	f := profileForm{Values: map[string]string{}, Errors: map[string]string{}}
	fields := profileFields()
	for _, fd := range fields {
		f.Values[fd.Key] = strings.TrimSpace(v.Get(fd.Key))
	}
	var p placement.Profile
	intField := func(key string, dst *int) {
		s := f.Values[key]
		if s == "" {
			return
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			f.Errors[key] = "Enter a whole number, such as 3."
			return
		}
		*dst = n
	}
	for _, fd := range fields {
		s := f.Values[fd.Key]
		if msg := textProblem(s, false, fmt.Sprintf("Use at most %d characters of text.", maxTextField)); msg != "" {
			f.Errors[fd.Key] = msg
			continue
		}
		if fd.Kind == kindSelect && s != "" && !hasOption(fd.Options, s) {
			f.Errors[fd.Key] = "Choose one of the listed values."
		}
	}
	p.Name = f.Values["name"]
	intField("employees", &p.Employees)
	intField("business_units", &p.BusinessUnits)
	intField("countries", &p.Countries)
	intField("founded", &p.Founded)
	intField("social_priority", &p.SocialPriority)
	intField("budget_level", &p.BudgetLevel)
	intField("sign_off_layers", &p.SignOffLayers)
	intField("silos", &p.Silos)
	intField("department_harmony", &p.DepartmentHarmony)
	intField("regulation", &p.Regulation)
	intField("maturity", &p.Maturity)
	intField("executive_sponsorship", &p.ExecutiveSponsorship)
	if s := f.Values["social_staff"]; s != "" {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			f.Errors["social_staff"] = "Enter a number of full-time equivalents, such as 2.5."
		} else {
			p.SocialStaff = x
		}
	}
	if s := f.Values["agency"]; s != "" {
		if a, err := placement.ParseAgencyStance(s); err == nil {
			p.Agency = a
		}
	}
	if s := f.Values["sector"]; s != "" {
		if sec, err := placement.ParseSector(s); err == nil {
			p.Sector = sec
		}
	}
	gov := map[string]*placement.Answer{"policy": &p.Governance.Policy, "policy_known": &p.Governance.PolicyKnown,
		"crisis_plan": &p.Governance.CrisisPlan, "account_inventory": &p.Governance.AccountInventory,
		"archiving": &p.Governance.Archiving, "training": &p.Governance.Training,
		"measurement": &p.Governance.Measurement, "executive_sponsor": &p.Governance.ExecutiveSponsor}
	for k, dst := range gov {
		if s := f.Values["governance."+k]; s != "" {
			if a, err := placement.ParseAnswer(s); err == nil {
				*dst = a
			}
		}
	}
	// Today's structure: all four parts or none.
	parts := []string{"current.home", "current.model", "current.role", "current.sourcing"}
	given := 0
	for _, k := range parts {
		if f.Values[k] != "" {
			given++
		}
	}
	if given > 0 {
		var c placement.Structure
		c.Home = touchpoint.Department(f.Values["current.home"])
		if s := f.Values["current.model"]; s != "" {
			c.Model, _ = placement.ParseOperatingModel(s)
		}
		if s := f.Values["current.role"]; s != "" {
			c.Role, _ = placement.ParseRole(s)
		}
		if s := f.Values["current.sourcing"]; s != "" {
			c.Sourcing, _ = placement.ParseSourcing(s)
		}
		for _, k := range parts {
			if f.Values[k] == "" {
				f.Errors[k] = "Give every part of today's structure, or none."
			}
		}
		p.Current = &c
	}
	for _, fd := range fields {
		id, ok := strings.CutPrefix(fd.Key, "touchpoints.")
		if !ok || f.Values[fd.Key] == "" {
			continue
		}
		var a int
		intField(fd.Key, &a)
		if p.Touchpoints == nil {
			p.Touchpoints = map[touchpoint.ID]int{}
		}
		p.Touchpoints[touchpoint.ID(id)] = a
	}
	// Validate what did parse, so that every problem shows at once; a
	// field that did not parse keeps its own message.
	if err := p.Validate(nil); err != nil {
		parsed := profileForm{Values: f.Values, Errors: map[string]string{}}
		parsed.addErrors(err)
		for k, msg := range parsed.Errors {
			if _, bad := f.Errors[k]; !bad {
				f.Errors[k] = msg
			}
		}
		f.General = append(f.General, parsed.General...)
	}
	return p, f
}

// addErrors places each *FieldError of err beside its field; an error
// whose path is no field (or a prefix of several, such as "current" or
// "touchpoints") goes to the field group's first field or to General.
func (f *profileForm) addErrors(err error) {
	for _, e := range flatten(err) {
		var fe *placement.FieldError
		if !errors.As(e, &fe) {
			f.General = append(f.General, e.Error())
			continue
		}
		msg := strings.TrimPrefix(fe.Error(), fe.Path+": ")
		msg = strings.ToUpper(msg[:1]) + msg[1:]
		key := fe.Path
		if _, ok := f.Values[key]; !ok {
			switch {
			case key == "current" || strings.HasPrefix(key, "current."):
				key = "current.home"
			case key == "touchpoints" || strings.HasPrefix(key, "touchpoints."):
				f.General = append(f.General, "Touchpoints: "+msg)
				continue
			default:
				f.General = append(f.General, fe.Error())
				continue
			}
		}
		if old := f.Errors[key]; old != "" {
			msg = old + " " + msg
		}
		f.Errors[key] = msg
	}
}

// flatten returns the errors joined in err (errors.Join), recursively.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// hasOption reports whether v is one of opts' values.
func hasOption(opts []option, v string) bool {
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

// hasErrors reports whether the form has any error.
func (f profileForm) hasErrors() bool { return len(f.Errors) > 0 || len(f.General) > 0 }
