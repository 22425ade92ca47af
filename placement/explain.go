package placement

import (
	"fmt"
	"math"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// explainMin is the smallest weighted difference from the average
// candidate (in score units) that is worth a strength or weakness.
const explainMin = 0.005

// explain returns up to three strengths and three weaknesses of a ranked
// structure: the criteria where its weighted, normalised value differs most
// from the average candidate's, each told through the term of the model
// that drives it — a profile fact where one matters, else the structure's
// own trait.
func (r *Recommender) explain(e *Ranked, f *facts, cur Structure, w, means [NumCriteria]float64) (strengths, weaknesses []string) {
	var rel [NumCriteria]float64
	for j := range NumCriteria {
		nv := e.Values[j] / 10
		if Criterion(j + 1).IsCost() {
			nv = 1 - nv
		}
		if e.Contributions != nil && w[j] > 0 {
			nv = e.Contributions[j] / w[j]
		}
		rel[j] = w[j] * (nv - means[j])
	}
	var idx [NumCriteria]int
	for j := range idx {
		idx[j] = j
	}
	for a := 1; a < NumCriteria; a++ { // insertion sort, largest first, stable
		for b := a; b > 0 && rel[idx[b]] > rel[idx[b-1]]; b-- {
			idx[b], idx[b-1] = idx[b-1], idx[b]
		}
	}
	tr := make([]termRec, 0, 48)
	r.cm.evaluate(e.Structure, r.cm.static(e.Structure, &tr), nil, f, cur, &tr)
	strengths = make([]string, 0, 3)
	weaknesses = make([]string, 0, 3)
	for _, j := range idx {
		if len(strengths) == 3 || rel[j] <= explainMin {
			break
		}
		strengths = append(strengths, r.sentence(tr, Criterion(j+1), true, e, f, cur))
	}
	for k := NumCriteria - 1; k >= 0; k-- {
		j := idx[k]
		if len(weaknesses) == 3 || rel[j] >= -explainMin {
			break
		}
		weaknesses = append(weaknesses, r.sentence(tr, Criterion(j+1), false, e, f, cur))
	}
	return strengths, weaknesses
}

// helps reports whether a term value improves a criterion.
func helps(c Criterion, v float64) bool {
	if c.IsCost() {
		return v < 0
	}
	return v > 0
}

// sentence explains why structure e is good (or bad) on criterion c.
func (r *Recommender) sentence(tr []termRec, c Criterion, good bool, e *Ranked, f *facts, cur Structure) string {
	s := e.Structure
	switch c {
	case Coverage:
		return r.coverageSentence(s, f, good)
	case ChangeEffort:
		return changeSentence(s, cur, good, f.p.Current != nil)
	}
	best, bestStruct := -1, -1
	for i, t := range tr {
		if t.crit != c || helps(c, t.v) != good {
			continue
		}
		if t.kind.structural() {
			if bestStruct < 0 || math.Abs(t.v) > math.Abs(tr[bestStruct].v) {
				bestStruct = i
			}
		} else if best < 0 || math.Abs(t.v) > math.Abs(tr[best].v) {
			best = i
		}
	}
	if best >= 0 && (math.Abs(tr[best].v) >= 0.3 || bestStruct < 0) {
		return r.factSentence(tr[best], s, f, good)
	}
	if bestStruct >= 0 {
		return r.structSentence(tr[bestStruct], s)
	}
	return genericSentence(c, e.Values[c-1], good)
}

func genericSentence(c Criterion, v float64, good bool) string {
	switch {
	case c.IsCost() && good:
		return fmt.Sprintf("low %s burden (%.1f/10)", c.Label(), v)
	case c.IsCost():
		return fmt.Sprintf("high %s burden (%.1f/10)", c.Label(), v)
	case good:
		return fmt.Sprintf("strong on %s (%.1f/10)", c.Label(), v)
	}
	return fmt.Sprintf("weak on %s (%.1f/10)", c.Label(), v)
}

func (r *Recommender) structSentence(t termRec, s Structure) string {
	label := criterionTitles[t.crit]
	switch t.kind {
	case kindModel:
		return label + ": " + r.cm.baseWhy[s.Model][t.crit] + " (" + s.Model.String() + " model)"
	case kindRole:
		return label + ": " + r.cm.roleWhy[s.Role][t.crit] + " (" + s.Role.String() + " role)"
	case kindSourcing:
		return label + ": " + r.cm.sourcingWhy[s.Sourcing][t.crit] + " (" + s.Sourcing.String() + " sourcing)"
	}
	why := ""
	if h := r.cm.home(s.Home); h != nil {
		why = h.why[t.crit]
	}
	return label + ": " + why + " (home in " + string(s.Home) + ")"
}

// criterionTitles are the criterion labels with a capital first letter.
var criterionTitles = [NumCriteria + 1]string{"", "Agility", "Consistency and brand control", "Touchpoint coverage",
	"Expertise", "Cost and resource fit", "Risk and compliance", "Authenticity", "Scalability",
	"Strategic influence", "Change effort"}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (r *Recommender) factSentence(t termRec, s Structure, f *facts, good bool) string {
	p := &f.p
	switch t.kind {
	case kindShortfall:
		return fmt.Sprintf("needs about %.0f FTE on social; the profile has %g", staffFloor(s, f, &r.cm.k), p.SocialStaff)
	case kindBudget:
		if good {
			return fmt.Sprintf("budget level %d/5 can fund a %s structure", p.BudgetLevel, s.Model)
		}
		return fmt.Sprintf("budget level %d/5 is thin for a %s structure", p.BudgetLevel, s.Model)
	case kindSignoff:
		return fmt.Sprintf("%d sign-off layers slow a team that executes centrally", p.SignOffLayers)
	case kindRealtime:
		return fmt.Sprintf("realtime, high-volume work (%s) queues behind a central executing team", f.mostRealtime())
	case kindSpreadCentral:
		return fmt.Sprintf("%d business %s in %d %s outgrow a single central team",
			p.BusinessUnits, plural(p.BusinessUnits, "unit", "units"), p.Countries, plural(p.Countries, "country", "countries"))
	case kindSpreadHub:
		return fmt.Sprintf("%d business %s in %d %s stretch a single hub; companies within companies need hubs of their own",
			p.BusinessUnits, plural(p.BusinessUnits, "unit", "units"), p.Countries, plural(p.Countries, "country", "countries"))
	case kindFewUnits:
		return fmt.Sprintf("%d business %s in %d %s are too few for a hub in every unit",
			p.BusinessUnits, plural(p.BusinessUnits, "unit", "units"), p.Countries, plural(p.Countries, "country", "countries"))
	case kindSmallOrg:
		if good {
			return fmt.Sprintf("with %d employees everyone knows what the others post, so an informal set-up stays coherent", p.Employees)
		}
		return fmt.Sprintf("a %s's coordination overhead is heavy for %d employees", s.Model, p.Employees)
	case kindNoSpokes:
		return fmt.Sprintf("%d employees in %d business %s leave a %s few spokes to give autonomy to",
			p.Employees, p.BusinessUnits, plural(p.BusinessUnits, "unit", "units"), s.Model)
	case kindExecSmall:
		return fmt.Sprintf("an own executive unit is heavy for %d employees", p.Employees)
	case kindPriority:
		if good {
			return fmt.Sprintf("social priority %d/5 justifies an own unit high in the hierarchy", p.SocialPriority)
		}
		return fmt.Sprintf("social priority %d/5 does not justify an own unit", p.SocialPriority)
	case kindRegUngoverned:
		return fmt.Sprintf("regulation %d/5 needs pre-approval, supervision and archiving that this structure lacks", p.Regulation)
	case kindRegGoverned:
		return fmt.Sprintf("regulation %d/5: a central team gives the approval path regulators expect", p.Regulation)
	case kindTouchRisk:
		return fmt.Sprintf("high-risk touchpoints (%s) get no approval path", f.highRisk())
	case kindRivalryChaos:
		return fmt.Sprintf("silos %d/5 and department harmony %d/5 make uncoordinated activity chaotic", p.Silos, p.DepartmentHarmony)
	case kindRivalryHubCost:
		return fmt.Sprintf("silos %d/5 and department harmony %d/5 make the hub costlier to build", p.Silos, p.DepartmentHarmony)
	case kindRivalryDept:
		return fmt.Sprintf("with silos %d/5 and department harmony %d/5, other departments distrust a centre inside %s", p.Silos, p.DepartmentHarmony, s.Home)
	case kindRivalryExec:
		return fmt.Sprintf("with silos %d/5 and department harmony %d/5, a neutral executive unit can arbitrate between departments", p.Silos, p.DepartmentHarmony)
	case kindMaturity:
		if good {
			return fmt.Sprintf("maturity %d/5: an experienced programme can run a %s", p.Maturity, s.Model)
		}
		return fmt.Sprintf("maturity %d/5 is too low for a %s (training and trust come first)", p.Maturity, s.Model)
	case kindSponsorship:
		if good {
			return fmt.Sprintf("executive sponsorship %d/5 gives the buy-in a %s needs", p.ExecutiveSponsorship, s.Model)
		}
		return fmt.Sprintf("executive sponsorship %d/5 is too weak for the buy-in a %s needs", p.ExecutiveSponsorship, s.Model)
	case kindNative:
		return fmt.Sprintf("founded in %d, a digital native copes with distributed social work", p.Founded)
	}
	return genericSentence(t.crit, 5+t.v, good)
}

// mostRealtime names the active touchpoint with the most urgent volume.
func (f *facts) mostRealtime() string {
	best, bv := "", -1.0
	for _, at := range f.active {
		if v := at.a * at.tp.Speed.Urgency() * float64(at.tp.Volume); v > bv {
			best, bv = at.tp.Name, v
		}
	}
	return strings.ToLower(best)
}

// highRisk lists up to three active touchpoints of risk 4 or more.
func (f *facts) highRisk() string {
	var names []string
	for _, at := range f.active {
		if at.tp.Risk >= 4 && len(names) < 3 {
			names = append(names, strings.ToLower(at.tp.Name))
		}
	}
	return strings.Join(names, ", ")
}

func (r *Recommender) coverageSentence(s Structure, f *facts, good bool) string {
	if good {
		own := 0
		for _, at := range f.active {
			if executor(s, at.tp) == at.tp.Owner {
				own++
			}
		}
		if s.Model == Organic {
			return fmt.Sprintf("the natural owners do the work on all %d active touchpoints, where enthusiasts take it up", len(f.active))
		}
		return fmt.Sprintf("the natural owners do the work on %d of %d active touchpoints, with a centre to support them", own, len(f.active))
	}
	var worst *activeTP
	var wg gap
	wv := -1.0
	for i := range f.active {
		at := &f.active[i]
		x, g := r.cm.fitPart(s, at.tp).fit(f, &r.cm.k)
		if v := at.a * (1 - x); v > wv {
			worst, wg, wv = at, g, v
		}
	}
	if worst == nil {
		return genericSentence(Coverage, 0, false)
	}
	t := worst.tp
	name := strings.ToLower(t.Name)
	switch wg {
	case gapCapacity:
		return fmt.Sprintf("%s (activity %.0f) would queue behind a central team in %s that cannot staff it", name, worst.a, s.Home)
	case gapOther:
		return fmt.Sprintf("%s (activity %.0f) would be done by %s, not by %s, its natural owner", name, worst.a, executor(s, t), t.Owner)
	case gapApproval:
		return fmt.Sprintf("%s (risk %d) has no approval path", name, t.Risk)
	case gapPatchy:
		return fmt.Sprintf("%s (activity %.0f) is covered only where enthusiasts happen to be", name, worst.a)
	}
	return fmt.Sprintf("%s (activity %.0f) is only partly covered", name, worst.a)
}

func describe(s Structure) string {
	switch {
	case s.Model == Organic:
		return "an organic set-up"
	case s.Home == touchpoint.Executive:
		return "a " + s.Model.String() + " structure in an own executive unit"
	}
	return "a " + s.Model.String() + " structure in " + string(s.Home)
}

func changeSentence(s, cur Structure, good, hasCurrent bool) string {
	if !hasCurrent {
		if good {
			return "little to build from today's informal set-up"
		}
		return fmt.Sprintf("building %s from today's informal set-up is a large change", describe(s))
	}
	switch {
	case good && s == cur:
		return "no change from today's structure"
	case good:
		return fmt.Sprintf("close to today's structure (%s)", describe(cur))
	}
	return fmt.Sprintf("moving from %s to %s is a large change", describe(cur), describe(s))
}
