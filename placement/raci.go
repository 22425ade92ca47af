package placement

import (
	"slices"

	"github.com/socialseat/socialseat/touchpoint"
)

// raci returns the responsibility map of structure s for every active
// touchpoint, in catalogue order. The rules [J, from the typical R/A/C/I
// column of domain.md §2 and the role definitions of §1.3]:
//
//   - Responsible: the department that does the work ([executor]): the
//     natural owner where spokes execute, the centre's home where the
//     centre executes.
//   - Accountable: for the highest-risk work (risk 5: crisis response,
//     public affairs) the natural owner, with the executive informed
//     (domain.md §10 scenario 15); otherwise whoever executes — approval
//     moves to the centre when the centre executes (Mindjumpers 2010).
//   - Consulted: the touchpoint's usual partners; the centre's home where
//     it advises (any role but coordinating); the natural owner if it does
//     not do the work; legal on risk-4+ work, and on all external work and
//     listening under regulation 4+ (FINRA 10-06; FDA adverse events).
//   - Informed: a coordinating centre; the executive on risk-4+ work.
//
// A department is listed once: R and A may coincide, and C and I never
// repeat R, A or each other.
func raci(s Structure, f *facts) []Assignment {
	out := make([]Assignment, len(f.active))
	buf := make([]touchpoint.Department, 0, len(f.active)*10)
	take := func(start int) []touchpoint.Department {
		if len(buf) == start {
			return nil
		}
		return buf[start:len(buf):len(buf)]
	}
	for i, at := range f.active {
		t := at.tp
		ex := executor(s, t)
		acc := ex
		if t.Risk >= 5 {
			acc = t.Owner
		}
		a := &out[i]
		a.Touchpoint = t.ID
		a.Activity = int(at.a)
		a.Accountable = acc

		start := len(buf)
		buf = append(buf, ex)
		a.Responsible = take(start)

		used := func(d touchpoint.Department, from int) bool {
			return d == ex || d == acc || slices.Contains(buf[from:], d)
		}
		start = len(buf)
		addC := func(d touchpoint.Department) {
			if d != "" && d != NoHome && !used(d, start) {
				buf = append(buf, d)
			}
		}
		if t.Owner != ex {
			addC(t.Owner)
		}
		if s.Model != Organic && s.Role != Coordinating {
			addC(s.Home)
		}
		for _, d := range t.Partners {
			if d == touchpoint.Executive && t.Risk >= 5 {
				continue // informed, below
			}
			addC(d)
		}
		if t.Risk >= 4 || (f.p.Regulation >= 4 && (t.Audience != touchpoint.Internal || t.Shared)) {
			addC(touchpoint.Legal)
		}
		a.Consulted = take(start)

		cStart := start
		start = len(buf)
		addI := func(d touchpoint.Department) {
			if d != "" && d != NoHome && !used(d, cStart) {
				buf = append(buf, d)
			}
		}
		if s.Model != Organic && s.Role == Coordinating {
			addI(s.Home)
		}
		if t.Risk >= 4 {
			addI(touchpoint.Executive)
		}
		a.Informed = take(start)
	}
	return out
}
