package placement

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// activityLevels says what the 0–5 touchpoint activity levels mean.
const activityLevels = "activity runs from 0 (not active) through 1 (occasional) to 5 (a core, high-volume activity)"

// noActiveTouchpoint is the error for a touchpoint map in which nothing is
// active: it lists the catalogue's touchpoints and the levels.
func noActiveTouchpoint(c *touchpoint.Catalog) error {
	ids := c.IDs()
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = string(id)
	}
	return fieldErr("touchpoints", "", fmt.Errorf("%w: no touchpoint has an activity above 0; give at least one of %s "+
		"(%s), or leave touchpoints out to assume every touchpoint at its typical volume",
		ErrMissing, strings.Join(names, ", "), activityLevels))
}

// withAssumptions returns p (validated) with the documented defaults in
// place of unstated fields, and the list of what was assumed. Touchpoints
// left out (nil) become every catalogue touchpoint active at its typical
// volume.
func withAssumptions(p Profile, tps []touchpoint.Touchpoint) (Profile, []Assumption) {
	q := p.WithDefaults()
	var as []Assumption
	scale := func(field string, stated, used int, reason string) {
		if stated == 0 {
			as = append(as, Assumption{Field: field, Value: strconv.Itoa(used), Reason: reason})
		}
	}
	const notStated = "not stated; the default"
	const mid = "not stated; the middle of the 1–5 scale"
	scale("business_units", p.BusinessUnits, q.BusinessUnits, notStated)
	scale("countries", p.Countries, q.Countries, notStated)
	scale("social_priority", p.SocialPriority, q.SocialPriority, mid)
	scale("budget_level", p.BudgetLevel, q.BudgetLevel, mid)
	scale("silos", p.Silos, q.Silos, mid)
	scale("department_harmony", p.DepartmentHarmony, q.DepartmentHarmony, mid)
	scale("maturity", p.Maturity, q.Maturity, "not stated; the middle of the 1–5 scale, used for the scores only (the maturity stage is diagnosed from the profile's facts)")
	scale("executive_sponsorship", p.ExecutiveSponsorship, q.ExecutiveSponsorship, mid)
	scale("regulation", p.Regulation, q.Regulation, "not stated; the default, general law only")
	// Zero staff and zero sign-off layers are values a profile can state,
	// and also what an unstated field reads as: either way the model
	// works with none, which the client should see is a reading of the
	// profile, not a fact it gave.
	if p.SocialStaff == 0 {
		as = append(as, Assumption{Field: "social_staff", Value: "0", Reason: "not stated, or stated as none; the default, nobody works on social media"})
	}
	if p.SignOffLayers == 0 {
		as = append(as, Assumption{Field: "sign_off_layers", Value: "0", Reason: "not stated, or stated as none; the default, a routine post needs no approval"})
	}
	if p.Agency == 0 {
		as = append(as, Assumption{Field: "agency", Value: q.Agency.String(), Reason: "not stated; the default, agencies may be used"})
	}
	if p.Current == nil {
		// The value is the structure change is measured from, as a
		// client reads it after the field's label: "today's structure
		// organic (no central team), in-house", not "today's structure
		// none".
		start := assumedStart(&p)
		as = append(as, Assumption{Field: "current", Value: lowerFirst(start.Name()),
			Reason: "not stated; the default, no formal structure, from which change is measured"})
	}
	if p.Touchpoints == nil {
		q.Touchpoints = make(map[touchpoint.ID]int, len(tps))
		for _, t := range tps {
			q.Touchpoints[t.ID] = int(t.Volume)
			as = append(as, Assumption{Field: "touchpoints." + string(t.ID), Value: strconv.Itoa(int(t.Volume)),
				Reason: "no touchpoints stated; every touchpoint is assumed active at its typical volume"})
		}
	}
	return q, as
}

// AssumptionGroup is a run of assumptions that share a reason, for
// display: Values lists them as "label value, label value".
type AssumptionGroup struct {
	// Reason is the reason the assumptions share.
	Reason string
	// Values lists them, "label value, label value", each field by its
	// label in lower case ("business units 1", "social media staff (FTE)
	// 0"; a touchpoint by its name in the default catalogue, "customer
	// support 4", or else its ID with spaces), as a client reads it;
	// [Assumption].Field keeps the file's key.
	Values string
}

// GroupAssumptions groups consecutive assumptions with the same reason, so
// that a report lists "every touchpoint is assumed active at its typical
// volume" once rather than once per touchpoint.
func GroupAssumptions(as []Assumption) []AssumptionGroup {
	labels := map[string]string{}
	for _, f := range ProfileFields() {
		labels[f.Key] = lowerFirst(f.Label)
	}
	cat := touchpoint.DefaultCatalog()
	label := func(key string) string {
		if id, ok := strings.CutPrefix(key, "touchpoints."); ok {
			if t, known := cat.Get(touchpoint.ID(id)); known {
				return lowerFirst(t.Name)
			}
			return strings.ReplaceAll(id, "-", " ")
		}
		if l, ok := labels[key]; ok {
			return l
		}
		return key
	}
	var out []AssumptionGroup
	for i := 0; i < len(as); {
		j := i
		var b strings.Builder
		for ; j < len(as) && as[j].Reason == as[i].Reason; j++ {
			if j > i {
				b.WriteString(", ")
			}
			b.WriteString(label(as[j].Field))
			b.WriteByte(' ')
			b.WriteString(as[j].Value)
		}
		out = append(out, AssumptionGroup{Reason: as[i].Reason, Values: b.String()})
		i = j
	}
	return out
}

// assumedStart is the structure change is measured from when the profile
// states none: no formal structure (organic), whose work an agency shares
// (hybrid) when the profile says one works for the organisation today,
// and in-house otherwise.
func assumedStart(p *Profile) Structure {
	s := Structure{Home: NoHome, Model: Organic, Role: NoRole, Sourcing: InHouse}
	if p.Agency == AgencyCurrent {
		s.Sourcing = Hybrid
	}
	return s
}

// assumedIn returns the marker fields (see assumedFields) among the
// assumptions made for a profile: a number assumed for it, or its
// touchpoints assumed all active.
func assumedIn(as []Assumption) map[string]bool {
	out := map[string]bool{}
	for _, a := range as {
		field := a.Field
		if strings.HasPrefix(field, "touchpoints.") {
			field = "active_touchpoints"
		}
		out[field] = true
	}
	return out
}
