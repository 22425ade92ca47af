package placement

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// explain returns up to three strengths and three weaknesses of a ranked
// structure: the criteria where its weighted, normalised value differs most
// from the average candidate's, each told through the term of the model
// that drives it — a profile fact where one matters, else the structure's
// own trait. terms is a reusable buffer for the structure's terms.
func (r *Recommender) explain(e *Ranked, f *facts, cur Structure, w, means [NumCriteria]float64, terms *[]termRec) (strengths, weaknesses []string) {
	var rel [NumCriteria]float64
	for j := range NumCriteria {
		nv := e.Values.v[j] / 10
		if Criterion(j + 1).IsCost() {
			nv = 1 - nv
		}
		if e.Contributions != nil && w[j] > 0 {
			nv = e.Contributions.v[j] / w[j]
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
	tr := (*terms)[:0] // reused from one explanation to the next
	if cap(tr) == 0 {
		tr = make([]termRec, 0, 48)
	}
	r.cm.evaluate(e.Structure, r.cm.static(e.Structure, &tr), nil, f, cur, feasibility(e.Structure, f, &r.cm.k), &tr)
	strengths = make([]string, 0, 3)
	weaknesses = make([]string, 0, 3)
	var usedBuf [6]string
	used := usedBuf[:0]
	// The smallest weighted difference from the average candidate (in
	// score units) worth a strength or weakness: explain.min-difference.
	explainMin := r.cm.k[kExplainMin]
	for _, j := range idx {
		if len(strengths) == 3 || rel[j] <= explainMin {
			break
		}
		if s := r.sentence(tr, Criterion(j+1), true, e, f, cur, &used); s != "" {
			strengths = append(strengths, s)
		}
	}
	for k := NumCriteria - 1; k >= 0; k-- {
		j := idx[k]
		if len(weaknesses) == 3 || rel[j] >= -explainMin {
			break
		}
		if s := r.sentence(tr, Criterion(j+1), false, e, f, cur, &used); s != "" {
			weaknesses = append(weaknesses, s)
		}
	}
	// A move to another operating model from the structure the profile
	// states is always told, whether or not the other candidates share
	// its change effort: the client has to make it (a stated organic
	// set-up moving to a hub is the sources' example of a high change
	// effort, Owyang 2013).
	if p := &f.p; p.Current != nil && e.Structure.Model != p.Current.Model {
		if s := changeSentence(e.Structure, cur, false, p); s != "" && !slices.Contains(weaknesses, s) {
			weaknesses = append(weaknesses, s)
		}
	}
	*terms = tr[:0] // the terms' buffer, grown if evaluate needed more, for the next call
	return strengths, weaknesses
}

// helps reports whether a term value improves a criterion.
func helps(c Criterion, v float64) bool {
	if c.IsCost() {
		return v < 0
	}
	return v > 0
}

// sentence explains why structure e is good (or bad) on criterion c: by
// the largest profile term in that direction whose claim the profile
// bears out, else by the structure's own largest trait, else by the
// criterion alone. used holds the causes already told (see causeOf): a
// cause is told once, in one sentence, whichever criteria it weighs on;
// "" means there is nothing new to say.
func (r *Recommender) sentence(tr []termRec, c Criterion, good bool, e *Ranked, f *facts, cur Structure, used *[]string) string {
	s := e.Structure
	tellCause := func(x, cause string) bool {
		if cause == "" {
			cause = x
		}
		if x == "" || slices.Contains(*used, cause) {
			return false
		}
		*used = append(*used, cause)
		return true
	}
	tell := func(x string) bool { return tellCause(x, "") }
	switch c {
	case Coverage:
		if x, cause := r.coverageSentence(s, f, good); tellCause(x, cause) {
			return x
		}
		return ""
	case ChangeEffort:
		if x := changeSentence(s, cur, good, &f.p); tell(x) {
			return x
		}
		return ""
	}
	var factBuf, traitBuf [24]int // on the stack: a structure has a few dozen terms
	facts, traits := factBuf[:0], traitBuf[:0]
	for i, t := range tr {
		if t.crit != c || helps(c, t.v) != good {
			continue
		}
		if t.kind.structural() {
			traits = append(traits, i)
		} else {
			facts = append(facts, i)
		}
	}
	bySize(tr, facts)
	bySize(tr, traits)
	// A profile term is told before the structure's own traits from this
	// size on (raw points on the 0–10 scale): explain.fact-first.
	factFirst := r.cm.k[kExplainFactFirst]
	for _, i := range facts {
		if math.Abs(tr[i].v) < factFirst {
			break
		}
		if x, ok := r.factSentence(tr[i], s, f, good); ok && tellCause(x, f.causeOf(tr[i].kind, s)) {
			return x
		}
	}
	for _, i := range traits {
		if x, ok := structSentence(tr[i], s); ok && tell(x) {
			return x
		}
	}
	for _, i := range facts {
		if x, ok := r.factSentence(tr[i], s, f, good); ok && tellCause(x, f.causeOf(tr[i].kind, s)) {
			return x
		}
	}
	if x := genericSentence(c, good); tell(x) {
		return x
	}
	return ""
}

// bySize orders term indices by the size of their term, largest first,
// keeping the evaluation order among equals (an insertion sort: the lists
// are short, and this keeps them off the heap).
func bySize(tr []termRec, ix []int) {
	for a := 1; a < len(ix); a++ {
		for b := a; b > 0 && math.Abs(tr[ix[b]].v) > math.Abs(tr[ix[b-1]].v); b-- {
			ix[b], ix[b-1] = ix[b-1], ix[b]
		}
	}
}

// genericSentence names the criterion only: there is no profile fact or
// trait to tell.
func genericSentence(c Criterion, good bool) string {
	switch {
	case c.IsCost() && good:
		return fmt.Sprintf("%s: a lighter burden than most alternatives", criterionTitles[c])
	case c.IsCost():
		return fmt.Sprintf("%s: a heavier burden than most alternatives", criterionTitles[c])
	case good:
		return fmt.Sprintf("%s: stronger than most alternatives", criterionTitles[c])
	}
	return fmt.Sprintf("%s: weaker than most alternatives", criterionTitles[c])
}

// structSentence tells a trait of the structure itself in the client
// wording of reasons.yaml; false if there is none for the trait.
func structSentence(t termRec, s Structure) (string, bool) {
	var k traitKey
	var val, suffix string
	switch t.kind {
	case kindModel:
		k, val, suffix = traitKey{"model", s.Model.String(), t.crit}, s.Model.String(), " model"
	case kindRole:
		k, val, suffix = traitKey{"role", s.Role.String(), t.crit}, roleLabels[s.Role], " role of the centre"
	case kindSourcing:
		k, val, suffix = traitKey{"sourcing", s.Sourcing.String(), t.crit}, s.Sourcing.String(), " sourcing"
	default:
		k, val, suffix = traitKey{"home", string(s.Home), t.crit}, "home in ", s.Home.Label()
	}
	why, ok := narr.traits[k]
	if !ok {
		return "", false
	}
	return criterionTitles[t.crit] + ": " + why + " (" + val + suffix + ")", true
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

// appendThousands appends n with comma separators (2400 → "2,400"), as
// client text writes head counts.
func appendThousands(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	digits := strconv.Itoa(n)
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, digits[i])
	}
	return b
}

// thousands is appendThousands as a string.
func thousands(n int) string { return string(appendThousands(nil, n)) }

// units writes "4 business units in 3 countries" with correct plurals.
func units(p *Profile) string { return string(appendUnits(make([]byte, 0, 40), p)) }

// appendUnits appends units(p) to b.
func appendUnits(b []byte, p *Profile) []byte {
	b = strconv.AppendInt(b, int64(p.BusinessUnits), 10)
	b = append(b, plural(p.BusinessUnits, " business unit in ", " business units in ")...)
	b = strconv.AppendInt(b, int64(p.Countries), 10)
	return append(b, plural(p.Countries, " country", " countries")...)
}

// spread reports whether the profile is spread over at least u business
// units or c countries.
func spread(p *Profile, u, c int) bool { return p.BusinessUnits >= u || p.Countries >= c }

// factSentence tells a profile term, naming the fact and its value. It
// returns false when the profile does not bear the claim out: the term
// moves the score a little, but telling it would contradict the profile
// (a hub's overhead is not heavy for a firm large enough to need one).
func (r *Recommender) factSentence(t termRec, s Structure, f *facts, good bool) (string, bool) {
	p := &f.p
	n := narr
	switch t.kind {
	case kindShortfall:
		// One sentence however many criteria the shortfall weighs on (the
		// caller's used list keeps it to one), and only where the rounded
		// need is above the staff the profile has.
		floor := staffFloor(s, f, &r.cm.k)
		if p.SocialStaff >= math.Round(floor) {
			return "", false
		}
		return fmt.Sprintf("social staff: %g FTE today, against about %.0f FTE %s needs at this size", p.SocialStaff, floor, modelPhrase(s.Model)), true
	case kindBudget:
		if good {
			if !(p.BudgetLevel > DefaultScale) {
				return "", false
			}
			return fmt.Sprintf("budget level %d/5 can fund %s", p.BudgetLevel, modelPhrase(s.Model)), true
		}
		if !(p.BudgetLevel < DefaultScale) {
			return "", false
		}
		return fmt.Sprintf("budget level %d/5 is thin for %s", p.BudgetLevel, modelPhrase(s.Model)), true
	case kindSignoff:
		if !(p.SignOffLayers >= 2) {
			return "", false
		}
		return fmt.Sprintf("%d sign-off %s slow a team that executes centrally", p.SignOffLayers,
			plural(p.SignOffLayers, "layer", "layers")), true
	case kindRealtime:
		at := f.mostUrgent()
		if at == nil {
			return "", false
		}
		return fmt.Sprintf("%s (%s, activity %d) would queue behind a team that does the work centrally",
			strings.ToLower(at.tp.Name), at.tp.Speed, int(at.a)), true
	case kindHandoff:
		t, a := f.mostUrgentKept(s.Home)
		if t == nil || good {
			return "", false
		}
		return fmt.Sprintf("%s (%s, activity %d) stays with %s, beside a central team in %s without spokes: what customers post on its channels has to be handed over",
			strings.ToLower(t.Name), t.Speed, a, t.Owner.Label(), s.Home.Label()), true
	case kindSpreadCentral:
		if !spread(p, n.spreadUnits, n.spreadCountries) {
			return "", false
		}
		return fmt.Sprintf("%s outgrow a single central team", units(p)), true
	case kindSpreadHub:
		if !r.dandelionSpread(p) {
			return "", false
		}
		return fmt.Sprintf("%s stretch a single hub: units that run like companies need hubs of their own", units(p)), true
	case kindFewUnits:
		x := r.fewUnitsSentence(f)
		return x, x != ""
	case kindSmallOrg:
		if good {
			if !(p.Employees < n.dedicatedOwner) {
				return "", false
			}
			return fmt.Sprintf("with %s employees everyone sees what the others post, so an informal set-up stays coherent", thousands(p.Employees)), true
		}
		if r.needsHub(f) {
			return "", false
		}
		return fmt.Sprintf("with %s employees in %s, the coordination overhead of %s weighs on the budget", thousands(p.Employees), units(p), modelPhrase(s.Model)), true
	case kindNoSpokes:
		if !(!r.needsHub(f) && !spread(p, n.spreadUnits, n.spreadCountries)) {
			return "", false
		}
		return fmt.Sprintf("%s employees and %s leave %s few departments or units to hand work to", thousands(p.Employees), units(p), modelPhrase(s.Model)), true
	case kindHubNeeded:
		if !(!good && r.needsHub(f)) {
			return "", false
		}
		return fmt.Sprintf("with %s employees in %s, one central team is stretched: a hub would share the load", thousands(p.Employees), units(p)), true
	case kindGate:
		if good {
			return "", false
		}
		x := r.gateSentence(s, f)
		return x, x != ""
	case kindSourcingRisk:
		if !(!good && p.Regulation >= n.regulated) {
			return "", false
		}
		return fmt.Sprintf("regulation %d/5: an agency's share of regulated work risks missed reportable events", p.Regulation), true
	case kindSourcingLoad:
		name, speed, a := f.mostCampaign()
		// Buying production pays off for a large firm's campaigns; a small
		// firm's campaign load is not told as a reason to buy it.
		if name == "" || !good || p.Employees < n.hubNeeded {
			return "", false
		}
		return fmt.Sprintf("%s (%s, activity %d) is campaign load: buying production adds craft and capacity", name, speed, a), true
	case kindSourcingCore:
		if !(!good && p.SocialPriority > DefaultScale) {
			return "", false
		}
		return fmt.Sprintf("social priority %d/5: where social is core, an outside voice costs authenticity and speed", p.SocialPriority), true
	case kindCapable:
		if good {
			if !(f.harmony > 0) {
				return "", false
			}
			return fmt.Sprintf("silos %d/5 and department harmony %d/5: departments that work together can run with a coordinating centre", p.Silos, p.DepartmentHarmony), true
		}
		if !(f.feud > 0) {
			return "", false
		}
		return fmt.Sprintf("silos %d/5 and department harmony %d/5: departments that do not work together need more than a coordinating centre", p.Silos, p.DepartmentHarmony), true
	case kindDominance:
		share := f.ownShare(s.Home)
		if good {
			if !(share > 0.5) {
				return "", false
			}
			return fmt.Sprintf("%s owns most of the work, so a team in %s can execute it", s.Home.Label(), s.Home.Label()), true
		}
		if !(share < 0.5) {
			return "", false
		}
		return fmt.Sprintf("most of the work belongs to departments other than %s, so a team there that executes it all works for others", s.Home.Label()), true
	case kindPriorityFormal:
		if good {
			if !(p.SocialPriority > DefaultScale) {
				return "", false
			}
			return fmt.Sprintf("social priority %d/5 gives %s the standing it needs across the organisation", p.SocialPriority, modelPhrase(s.Model)), true
		}
		if !(p.SocialPriority < DefaultScale) {
			return "", false
		}
		return fmt.Sprintf("at social priority %d/5, %s has little standing with the departments it relies on", p.SocialPriority, modelPhrase(s.Model)), true
	case kindOrganicSprawl:
		if !(!good && p.Employees >= n.dedicatedOwner) {
			return "", false
		}
		return fmt.Sprintf("with %s employees, accounts nobody manages multiply and no one answers for them", thousands(p.Employees)), true
	case kindExecSmall:
		if !(p.Employees < n.hubNeeded) {
			return "", false
		}
		return fmt.Sprintf("an own executive unit is heavy for %s employees", thousands(p.Employees)), true
	case kindPriority:
		// Two terms share this kind with opposite signs: an own executive
		// unit gains with priority, a merely coordinating centre loses.
		high, low := p.SocialPriority > DefaultScale, p.SocialPriority < DefaultScale
		exec, coord := s.Home == touchpoint.Executive, s.Model != Organic && s.Role == Coordinating
		switch {
		case good && high && exec:
			return fmt.Sprintf("social priority %d/5 justifies an own unit high in the hierarchy", p.SocialPriority), true
		case !good && low && exec:
			return fmt.Sprintf("social priority %d/5 does not justify an own unit", p.SocialPriority), true
		case good && low && coord:
			return fmt.Sprintf("at social priority %d/5, a centre that coordinates is weight enough", p.SocialPriority), true
		case !good && high && coord:
			return fmt.Sprintf("social priority %d/5 asks for a centre that leads, not one that only coordinates", p.SocialPriority), true
		}
		return "", false
	case kindRegUngoverned:
		if p.Regulation >= n.heavilyRegulated {
			return fmt.Sprintf("regulation %d/5 calls for pre-approval, supervision and archiving, which this structure lacks", p.Regulation), true
		}
		if !(p.Regulation >= n.regulated) {
			return "", false
		}
		return fmt.Sprintf("regulation %d/5 calls for an approval path, which this structure lacks", p.Regulation), true
	case kindRegGoverned:
		if !(p.Regulation >= n.regulated) {
			return "", false
		}
		return fmt.Sprintf("regulation %d/5: a central team gives the approval path regulators expect", p.Regulation), true
	case kindTouchRisk:
		names := f.highRisk()
		if names == "" {
			return "", false
		}
		return fmt.Sprintf("high-risk work (%s) gets no approval path", names), true
	case kindRivalryChaos:
		if !(f.feud > 0) {
			return "", false
		}
		return fmt.Sprintf("silos %d/5 and department harmony %d/5 make uncoordinated activity chaotic", p.Silos, p.DepartmentHarmony), true
	case kindRivalryHubCost:
		if !(f.feud > 0) {
			return "", false
		}
		return fmt.Sprintf("silos %d/5 and department harmony %d/5 make the hub costlier to build", p.Silos, p.DepartmentHarmony), true
	case kindRivalryDept:
		if !(f.feud > 0) {
			return "", false
		}
		return fmt.Sprintf("with silos %d/5 and department harmony %d/5, other departments distrust a centre inside %s", p.Silos, p.DepartmentHarmony, s.Home.Label()), true
	case kindRivalryExec:
		if !(f.feud > 0) {
			return "", false
		}
		return fmt.Sprintf("with silos %d/5 and department harmony %d/5, a neutral executive unit can arbitrate between departments", p.Silos, p.DepartmentHarmony), true
	case kindMaturity:
		if good {
			if !(p.Maturity > DefaultScale) {
				return "", false
			}
			return fmt.Sprintf("maturity %d/5: an experienced programme can run %s", p.Maturity, modelPhrase(s.Model)), true
		}
		if !(p.Maturity < DefaultScale) {
			return "", false
		}
		return fmt.Sprintf("maturity %d/5 is too low for %s (training and trust come first)", p.Maturity, modelPhrase(s.Model)), true
	case kindSponsorship:
		if good {
			if !(p.ExecutiveSponsorship > DefaultScale) {
				return "", false
			}
			return fmt.Sprintf("executive sponsorship %d/5 gives the buy-in %s needs", p.ExecutiveSponsorship, modelPhrase(s.Model)), true
		}
		if !(p.ExecutiveSponsorship < DefaultScale) {
			return "", false
		}
		return fmt.Sprintf("executive sponsorship %d/5 is too weak for the buy-in %s needs", p.ExecutiveSponsorship, modelPhrase(s.Model)), true
	case kindNative:
		if !(good && p.Founded > 0) {
			return "", false
		}
		return fmt.Sprintf("founded in %d, a digital native copes with distributed social work", p.Founded), true
	}
	return "", false
}

// needsHub reports whether the model's need for a hub (from the size
// ramp, or from units and countries once there is an owner) is at least
// what a single-unit firm has at the size from which a hub is needed: a
// hub's overhead must not be told as heavy for such a firm, and one
// central team may be told to be swamped.
func (r *Recommender) needsHub(f *facts) bool {
	k := &r.cm.k
	return f.hub >= logRamp(float64(narr.hubNeeded), k[kHubEmployeesFrom], k[kHubEmployeesFull])
}

// dandelionSpread reports whether the profile has the business units or
// the countries from which hubs of their own pay off (dandelion.units,
// dandelion.countries), as it states them.
func (r *Recommender) dandelionSpread(p *Profile) bool {
	k := &r.cm.k
	return float64(p.BusinessUnits) >= k[kMultiUnits] || float64(p.Countries) >= k[kMultiCountries]
}

// fewUnitsSentence says why the organisation is below the units and
// countries a dandelion needs (see tooFewUnits), or "" if it is not: too
// few of them, or, where it states enough, too small to be companies
// within companies.
func (r *Recommender) fewUnitsSentence(f *facts) string {
	p := &f.p
	switch {
	case !tooFewUnits(f):
		return ""
	case r.dandelionSpread(p):
		return fmt.Sprintf("with %s employees, %s are too small for a hub in every unit", thousands(p.Employees), units(p))
	}
	return fmt.Sprintf("%s are too few for a hub in every unit", units(p))
}

// gateSentence names what structure s lacks of its feasibility gate (see
// gate): the profile's maturity and sponsorship where they fall below
// what s needs ("executive sponsorship 2/5 and maturity 2/5 are below
// what a dandelion needs"), else, for a dandelion, the units and
// countries (see fewUnitsSentence); "" if nothing is lacking.
func (r *Recommender) gateSentence(s Structure, f *facts) string {
	p := &f.p
	m, sp, ok := gateNeeds(s.Model, &r.cm.k)
	if !ok {
		return ""
	}
	var parts []string
	if float64(p.ExecutiveSponsorship) < sp {
		parts = append(parts, fmt.Sprintf("executive sponsorship %d/5", p.ExecutiveSponsorship))
	}
	if float64(p.Maturity) < m {
		parts = append(parts, fmt.Sprintf("maturity %d/5", p.Maturity))
	}
	switch len(parts) {
	case 0:
		if s.Model == Dandelion {
			return r.fewUnitsSentence(f)
		}
		return ""
	case 1:
		return fmt.Sprintf("%s is below what %s needs", parts[0], modelPhrase(s.Model))
	}
	return fmt.Sprintf("%s and %s are below what %s needs", parts[0], parts[1], modelPhrase(s.Model))
}

// mostCampaign names the active touchpoint with the most planned
// production (activity × (1 − urgency) × volume), its speed as the
// catalogue gives it, and its activity; "" if there is none.
func (f *facts) mostCampaign() (name, speed string, activity int) {
	bv := 0.0
	for _, at := range f.active {
		if v := at.a * (1 - at.tp.Speed.Urgency()) * float64(at.tp.Volume); v > bv {
			name, speed, activity, bv = strings.ToLower(at.tp.Name), at.tp.Speed.String(), int(at.a), v
		}
	}
	return name, speed, activity
}

// mostUrgent returns the active touchpoint with the most urgent volume
// that a central team can take over (not one its owner keeps, see
// executor); nil if there is none.
func (f *facts) mostUrgent() *activeTP {
	var best *activeTP
	bv := 0.0
	for i := range f.active {
		at := &f.active[i]
		if narr.ownerKeeps(at.tp.ID) {
			continue
		}
		if v := at.a * at.tp.Speed.Urgency() * float64(at.tp.Volume); v > bv {
			best, bv = at, v
		}
	}
	return best
}

// causeOf names what a profile term of kind k says, where another
// sentence can say the same in other words: the realtime queue behind a
// central team and the coverage gap of a central team that cannot staff
// the same touchpoint are one cause ("queue " + its ID); the hand-off of
// work its owner keeps beside a centralized team and the coverage gap of
// that work are another ("kept " + its ID). "" means the sentence is its
// own cause.
func (f *facts) causeOf(k kind, s Structure) string {
	switch k {
	case kindRealtime:
		if at := f.mostUrgent(); at != nil {
			return queueCause(at.tp.ID)
		}
	case kindHandoff:
		if t, _ := f.mostUrgentKept(s.Home); t != nil {
			return keptCause(t.ID)
		}
	}
	return ""
}

// keptCause is the cause told by a sentence saying that touchpoint id
// stays with its owner beside a centralized team.
func keptCause(id touchpoint.ID) string { return "kept " + string(id) }

// queueCause is the cause told by a sentence saying that touchpoint id
// queues behind a central team.
func queueCause(id touchpoint.ID) string { return "queue " + string(id) }

// mostUrgentKept returns the active touchpoint with the most urgent
// volume among those their owner keeps whatever the structure (see
// executor), owned by a department other than home, and its activity; nil
// if there is none.
func (f *facts) mostUrgentKept(home touchpoint.Department) (*touchpoint.Touchpoint, int) {
	var best *touchpoint.Touchpoint
	bv, ba := 0.0, 0
	for _, at := range f.active {
		t := at.tp
		if t.Owner == home || !narr.ownerKeeps(t.ID) {
			continue
		}
		if v := at.a * t.Speed.Urgency() * float64(t.Volume); v > bv {
			best, bv, ba = t, v, int(at.a)
		}
	}
	return best, ba
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

// coverageSentence tells why structure s covers the active touchpoints
// well or badly, and the cause it tells where another sentence could say
// the same (see causeOf).
func (r *Recommender) coverageSentence(s Structure, f *facts, good bool) (text, cause string) {
	n := len(f.active)
	if good {
		// own counts the touchpoints their owner does; home, those the
		// central team's own department owns (a centralized team does
		// the rest, except what an owner keeps, see executor).
		own, home := 0, 0
		for _, at := range f.active {
			if executor(s, at.tp) == at.tp.Owner {
				own++
			}
			if at.tp.Owner == s.Home {
				home++
			}
		}
		all := plural(n, "the 1 active touchpoint", fmt.Sprintf("all %d active touchpoints", n))
		var x string
		switch {
		case s.Model == Organic:
			x = fmt.Sprintf("the departments that own the work do it on %s, where enthusiasts take it up", all)
		case s.Model == Centralized && home == 0:
		case s.Model == Centralized && home == n:
			// One team does the work: it is the owners' own department,
			// not departments supported by a centre.
			x = fmt.Sprintf("the central team sits in %s, the department that owns the work on %s", s.Home.Label(), all)
		case s.Model == Centralized:
			x = fmt.Sprintf("the central team sits in %s, the department that owns the work on %d of %d active touchpoints",
				s.Home.Label(), home, n)
		case own == 0:
		case own == n:
			x = fmt.Sprintf("the departments that own the work do it on %s, with a centre to support them", all)
		default:
			x = fmt.Sprintf("the departments that own the work do it on %d of %d active touchpoints, with a centre to support them", own, n)
		}
		return x, ""
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
		return "", ""
	}
	t := worst.tp
	name := strings.ToLower(t.Name)
	a := int(worst.a)
	switch wg {
	case gapCapacity:
		return fmt.Sprintf("%s (%s, activity %d) would queue behind a central team in %s that cannot staff it", name, t.Speed, a, s.Home.Label()), queueCause(t.ID)
	case gapBeside:
		return fmt.Sprintf("%s (activity %d) stays with %s, which a central team without spokes does not train or support", name, a, t.Owner.Label()), keptCause(t.ID)
	case gapOther:
		return fmt.Sprintf("%s (activity %d) would be done by %s, not by %s, the department that owns it", name, a, executor(s, t).Label(), t.Owner.Label()), ""
	case gapApproval:
		return fmt.Sprintf("%s (activity %d), high-risk work, has no approval path", name, a), ""
	case gapPatchy:
		return fmt.Sprintf("%s (activity %d) is covered only where enthusiasts happen to be", name, a), ""
	}
	return fmt.Sprintf("%s (activity %d) is only partly covered", name, a), ""
}

// modelPhrase names an operating model as a noun phrase with its
// article, for a sentence: "a centralized team", "a hub-and-spoke
// structure", "an organic set-up" (the model's token alone is an
// adjective: "a centralized needs" is not English).
func modelPhrase(m OperatingModel) string {
	switch m {
	case Organic:
		return "an organic set-up"
	case Centralized:
		return "a centralized team"
	}
	return "a " + m.String() + " structure"
}

func describe(s Structure) string {
	switch {
	case s.Model == Organic:
		return "an organic set-up"
	case s.Home == touchpoint.Executive:
		return "a " + s.Model.String() + " structure in an own executive unit"
	}
	return "a " + s.Model.String() + " structure in " + s.Home.Label()
}

// changeSentence tells how far structure s is from cur, today's
// structure. Where the profile states none, cur is the assumed organic
// start: the sentence says it is assumed, and says nothing where the
// profile shows a formal programme (maturity or staff from the
// formal-maturity and formal-staff thresholds), whose start is not known.
func changeSentence(s, cur Structure, good bool, p *Profile) string {
	if p.Current == nil {
		if p.Maturity >= narr.formalMaturity || p.SocialStaff >= float64(narr.formalStaff) {
			return ""
		}
		if good {
			return "little to build from an informal start (today's structure was not stated)"
		}
		return fmt.Sprintf("building %s from an informal start is a large change (today's structure was not stated)", describe(s))
	}
	switch {
	case good && s == cur:
		return "no change from today's structure"
	case good:
		return fmt.Sprintf("close to today's structure (%s)", describe(cur))
	}
	return fmt.Sprintf("moving from %s to %s is a large change", describe(cur), describe(s))
}

// appendUrgent appends the active touchpoints that need the fastest
// answers, with their speed as the catalogue gives it: "the speed and
// volume of customer support (realtime), marketing channel (same-day)".
func appendUrgent(b []byte, f *facts) []byte {
	urgency := func(i int) float64 {
		at := f.active[i]
		return at.a * at.tp.Speed.Urgency() * float64(at.tp.Volume)
	}
	// The two most urgent, earlier ones first among equals.
	top := [2]int{-1, -1}
	for i := range f.active {
		switch {
		case top[0] < 0 || urgency(i) > urgency(top[0]):
			top[0], top[1] = i, top[0]
		case top[1] < 0 || urgency(i) > urgency(top[1]):
			top[1] = i
		}
	}
	b = append(b, "the speed and volume of "...)
	for k, i := range top {
		if i < 0 {
			break
		}
		if k > 0 {
			b = append(b, ", "...)
		}
		at := f.active[i]
		b = append(b, strings.ToLower(at.tp.Name)...)
		b = append(b, " ("...)
		b = append(b, at.tp.Speed.String()...)
		b = append(b, ')')
	}
	return b
}
