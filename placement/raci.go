package placement

import (
	"slices"

	"github.com/socialseat/socialseat/touchpoint"
)

// raci returns the responsibility map of structure s for every active
// touchpoint, in catalogue order. The rules follow the typical R/A/C/I of
// each touchpoint in the catalogue's sources and the role definitions of
// the central team:
//
//   - Responsible: the department that does the work ([executor]): the
//     natural owner where spokes execute, the centre's home where the
//     centre executes. Touchpoints listed under owner_responsible in
//     sectors.yaml (customer care, the employee policy) stay with their
//     owner whatever the structure (Gartner, Maoz 2012; ICMI 2014; NLRB
//     2011–12); the scoring asks the same [executor].
//   - Accountable: for the highest-risk work (risk 5: crisis response,
//     public affairs) the natural owner, with the executive informed;
//     otherwise whoever executes — approval moves to the centre when the
//     centre executes (Mindjumpers 2010).
//   - Consulted: the touchpoint's usual partners; the centre's home where
//     it advises (any role but coordinating); the natural owner if it does
//     not do the work; legal on risk-4+ work, and on all external work and
//     listening for heavily regulated profiles.
//   - Informed: a coordinating centre; the executive on risk-4+ work.
//   - The profile's sector adds its roles from sectors.yaml (drug safety
//     consulted on pharma listening, records management informed on a
//     public body's external work, …).
//
// A department is listed once: R and A may coincide, and C and I never
// repeat R, A or each other.
func raci(s Structure, f *facts) []Assignment {
	out := make([]Assignment, len(f.active))
	// About 4 departments per touchpoint at most in practice (a heavily
	// regulated pharma group); more only costs a reallocation, and the
	// lists taken so far stay valid.
	buf := make([]touchpoint.Department, 0, len(f.active)*raciPerTouchpoint)
	take := func(start int) []touchpoint.Department {
		if len(buf) == start {
			return nil
		}
		return buf[start:len(buf):len(buf)]
	}
	roles := narr.entry(f.p.Sector).Roles
	for i, at := range f.active {
		t := at.tp
		ex := executor(s, t) // owner-kept touchpoints included
		acc := ex
		if t.Risk >= 5 {
			acc = t.Owner
		}
		for _, r := range roles {
			if r.As == "accountable" && roleApplies(r, t) {
				acc = r.Department
			}
		}
		a := &out[i]
		a.Touchpoint = t.ID
		a.Activity = int(at.a)
		a.Accountable = acc

		start := len(buf)
		buf = append(buf, ex)
		a.Responsible = take(start)

		// Consulted and Informed are appended to buf from cStart on; a
		// department already there, or R or A, is not listed again.
		cStart := len(buf)
		add := func(d touchpoint.Department) {
			if d != "" && d != NoHome && d != ex && d != acc && !slices.Contains(buf[cStart:], d) {
				buf = append(buf, d)
			}
		}
		if t.Owner != ex {
			add(t.Owner)
		}
		if s.Model != Organic && s.Role != Coordinating {
			add(s.Home)
		}
		for _, d := range t.Partners {
			if d == touchpoint.Executive && t.Risk >= 5 {
				continue // informed, below
			}
			add(d)
		}
		if t.Risk >= 4 || (f.p.Regulation >= narr.heavilyRegulated && (t.Audience != touchpoint.Internal || t.Shared)) {
			add(touchpoint.Legal)
		}
		for _, r := range roles {
			if r.As == "consulted" && roleApplies(r, t) {
				add(r.Department)
			}
		}
		a.Consulted = take(cStart)

		iStart := len(buf)
		if s.Model != Organic && s.Role == Coordinating {
			add(s.Home)
		}
		if t.Risk >= 4 {
			add(touchpoint.Executive)
		}
		for _, r := range roles {
			if r.As == "informed" && roleApplies(r, t) {
				add(r.Department)
			}
		}
		a.Informed = take(iStart)
	}
	return out
}

// raciPerTouchpoint is the room raci makes for the departments of each
// touchpoint's R, C and I lists.
const raciPerTouchpoint = 6

// roleApplies reports whether a sector role covers touchpoint t: listed by
// ID, or "external" for any touchpoint with an external audience.
func roleApplies(r sectorRole, t *touchpoint.Touchpoint) bool {
	for _, x := range r.Touchpoints {
		if x == string(t.ID) || (x == "external" && t.Audience != touchpoint.Internal) {
			return true
		}
	}
	return false
}
