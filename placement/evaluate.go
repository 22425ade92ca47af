package placement

import (
	"math"

	"github.com/socialseat/socialseat/touchpoint"
)

// facts are the profile quantities the model reads, each on a documented
// scale. They are computed once per recommendation.
type facts struct {
	p Profile // with defaults

	size    float64 // (log10(employees) − 2) / 3 on [0, 1]: 100 → 0, 100,000 → 1
	spread  float64 // ln(business units × countries) / ln 400 on [0, 1]
	scale   float64 // max(size, spread): how much there is for spokes to do
	native  float64 // 0 before native.start-year, 1 from native.full-year, linear between
	rivalry float64 // ((silos − 1) + (5 − harmony)) / 8 on [0, 1]
	feud    float64 // rivalry beyond the neutral midpoint: max(0, 2·rivalry − 1) on [0, 1]
	reg     float64 // (regulation − 1) / 4 on [0, 1]
	mat     float64 // (maturity − 3) / 2 on [−1, 1]
	spons   float64 // (executive_sponsorship − 3) / 2 on [−1, 1]
	prio    float64 // (social_priority − 3) / 2 on [−1, 1]
	budget  float64 // (budget_level − 3) / 2 on [−1, 1]
	layers  float64 // sign-off layers beyond the first, at most 6

	active   []activeTP // active touchpoints in catalogue order
	activity float64    // Σ activity
	realtime float64    // Σ a·urgency·volume/5 / Σ a, on [0, 1]
	risk     float64    // Σ a·max(0, risk−3)/2 / Σ a, on [0, 1]
	breadth  float64    // Σ a / (5 · catalogue size), on [0, 1]
}

type activeTP struct {
	tp *touchpoint.Touchpoint
	i  int // position in the catalogue
	a  float64
}

func clamp(x, lo, hi float64) float64 { return min(hi, max(lo, x)) } // builtins: inlined, unlike math.Min/Max

// newFacts computes the facts of a validated, defaulted profile.
func newFacts(p Profile, tps []touchpoint.Touchpoint, k *[numTerms]float64) facts {
	f := facts{p: p}
	f.size = clamp((math.Log10(float64(p.Employees))-2)/3, 0, 1)
	f.spread = clamp(math.Log(float64(p.BusinessUnits)*float64(p.Countries))/math.Log(400), 0, 1)
	f.scale = math.Max(f.size, f.spread)
	if p.Founded > 0 {
		f.native = clamp((float64(p.Founded)-k[kNativeStart])/(k[kNativeFull]-k[kNativeStart]), 0, 1)
	}
	f.rivalry = float64((p.Silos-1)+(5-p.DepartmentHarmony)) / 8
	f.feud = math.Max(0, 2*f.rivalry-1)
	f.reg = float64(p.Regulation-1) / 4
	f.mat = float64(p.Maturity-3) / 2
	f.spons = float64(p.ExecutiveSponsorship-3) / 2
	f.prio = float64(p.SocialPriority-3) / 2
	f.budget = float64(p.BudgetLevel-3) / 2
	f.layers = clamp(float64(p.SignOffLayers-1), 0, 6)
	n := 0
	for i := range tps {
		if p.Touchpoints[tps[i].ID] > 0 {
			n++
		}
	}
	f.active = make([]activeTP, 0, n)
	for i := range tps {
		t := &tps[i]
		a := float64(p.Touchpoints[t.ID])
		if a <= 0 {
			continue
		}
		f.active = append(f.active, activeTP{tp: t, i: i, a: a})
		f.activity += a
		f.realtime += a * t.Speed.Urgency() * float64(t.Volume) / 5
		f.risk += a * math.Max(0, float64(t.Risk)-3) / 2
	}
	if f.activity > 0 {
		f.realtime /= f.activity
		f.risk /= f.activity
	}
	if len(tps) > 0 {
		f.breadth = f.activity / (5 * float64(len(tps)))
	}
	return f
}

// kind labels a term of a structure's evaluation, for explanations.
type kind int

const (
	kindModel kind = iota
	kindRole
	kindSourcing
	kindHome
	kindShortfall
	kindBudget
	kindSignoff
	kindRealtime
	kindSpreadCentral
	kindFewUnits
	kindSpreadHub
	kindExecSmall
	kindSmallOrg
	kindNoSpokes
	kindRegUngoverned
	kindRegGoverned
	kindTouchRisk
	kindRivalryChaos
	kindRivalryHubCost
	kindRivalryDept
	kindRivalryExec
	kindMaturity
	kindSponsorship
	kindNative
	kindPriority
	kindCoverage
	kindChange
)

// structural reports whether a kind describes the structure itself rather
// than an interaction with a profile fact.
func (k kind) structural() bool { return k <= kindHome }

type termRec struct {
	crit Criterion
	kind kind
	v    float64
}

// centralization is how much of the day-to-day work the centre executes:
// 1 for a centralized team or an executing hub, 0.5 for advisory-executing,
// 0 otherwise.
func centralization(s Structure) float64 {
	if s.Model == Centralized {
		return 1
	}
	if s.Model == Organic {
		return 0
	}
	return s.Role.executes()
}

// ungoverned is how far a structure lacks an approval path on [0, 1]:
// organic 1, honeycomb 0.8, a coordinating centre 0.5, an advisory one 0.2,
// plus 0.5 for agency sourcing (Resolver: agencies miss reportable events).
func ungoverned(s Structure) float64 {
	u := 0.0
	switch {
	case s.Model == Organic:
		u = 1
	case s.Model == Honeycomb:
		u = 0.8
	case s.Role == Coordinating:
		u = 0.5
	case s.Role == Advisory:
		u = 0.2
	}
	if s.Sourcing == Agency {
		u += 0.5
	}
	return math.Min(u, 1)
}

// buyIn is how much a structure depends on executive buy-in.
func buyIn(s Structure) float64 {
	n := 0.0
	switch s.Model {
	case HubAndSpoke:
		n = 0.5
	case Dandelion, Honeycomb:
		n = 1
	}
	if s.Home == touchpoint.Executive {
		n += 0.5
	}
	return n
}

func staffFloor(s Structure, f *facts, k *[numTerms]float64) float64 {
	var base float64
	switch s.Model {
	case Centralized:
		base = k[kStaffFloorCentralized]
	case HubAndSpoke:
		base = k[kStaffFloorHub]
	case Dandelion:
		base = k[kStaffFloorDandelion]
	case Honeycomb:
		base = k[kStaffFloorHoneycomb]
	}
	return base * (0.5 + k[kStaffSize]*f.size + k[kStaffSpread]*f.spread)
}

// shortfall is the unmet share of a structure's staffing floor, after what
// hybrid or agency sourcing covers.
func shortfall(s Structure, f *facts, k *[numTerms]float64) float64 {
	floor := staffFloor(s, f, k)
	if floor <= 0 {
		return 0
	}
	short := clamp(1-f.p.SocialStaff/floor, 0, 1)
	switch s.Sourcing {
	case Hybrid:
		short *= 1 - k[kReliefHybrid]
	case Agency:
		short *= 1 - k[kReliefAgency]
	}
	return short
}

// static returns the profile-independent part of a structure's raw
// performance: 5 (neutral) plus the model, role, sourcing and home table
// entries, on every table criterion. If tr is not nil the terms are
// appended to it.
func (cm *compiled) static(s Structure, tr *[]termRec) row {
	var v row
	h := cm.home(s.Home)
	for c := Agility; c <= ChangeEffort; c++ {
		if !tableCriterion(c) {
			continue
		}
		v[c] = 5
		parts := [4]struct {
			kd kind
			x  float64
		}{{kd: kindModel}, {kd: kindRole}, {kd: kindSourcing}, {kd: kindHome}}
		if s.Model.valid() {
			parts[0].x = cm.base[s.Model][c]
		}
		if s.Role.valid() {
			parts[1].x = cm.role[s.Role][c]
		}
		if s.Sourcing.valid() {
			parts[2].x = cm.sourcing[s.Sourcing][c]
		}
		if h != nil {
			parts[3].x = h.v[c]
		}
		for _, p := range parts {
			v[c] += p.x
			if tr != nil && p.x != 0 {
				*tr = append(*tr, termRec{c, p.kd, p.x})
			}
		}
	}
	return v
}

// evaluate returns a structure's performance on every criterion, on
// [0, 10], from its static part (see static), its fit parts (nil to compute
// them) and the profile's facts. If tr is not nil the profile terms are
// appended to it.
func (cm *compiled) evaluate(s Structure, static row, fits []fitPart, f *facts, cur Structure, tr *[]termRec) row {
	k := &cm.k
	v := static
	add := func(c Criterion, kd kind, x float64) {
		if x == 0 {
			return
		}
		v[c] += x
		if tr != nil {
			*tr = append(*tr, termRec{c, kd, x})
		}
	}

	short := shortfall(s, f, k)
	add(Cost, kindShortfall, k[kShortfallCost]*short)
	add(Expertise, kindShortfall, -k[kShortfallExpertise]*short)
	if s.Model.valid() {
		add(Cost, kindBudget, -k[kBudgetCost]*f.budget*math.Max(0, cm.base[s.Model][Cost])/2.5)
	}

	central := centralization(s)
	add(Agility, kindSignoff, -k[kSignoffAgility]*f.layers*central)
	rt := k[kRealtimeAgility] * f.realtime * central
	if s.Home == touchpoint.CustomerService {
		rt *= 0.3
	}
	add(Agility, kindRealtime, -rt)

	switch s.Model {
	case Organic:
		add(Consistency, kindSmallOrg, k[kOrganicRelief]*(1-f.size))
		add(RiskCompliance, kindSmallOrg, k[kOrganicRelief]*(1-f.size))
	case HubAndSpoke:
		add(Cost, kindSmallOrg, k[kFormalOverhead]*(1-f.size))
		add(Agility, kindNoSpokes, -k[kSpokeBenefit]*(1-f.scale))
		add(Authenticity, kindNoSpokes, -k[kSpokeBenefit]*(1-f.scale))
		add(Scalability, kindSpreadHub, -k[kSpreadHubScalability]*math.Max(0, f.spread-0.6)/0.4)
	case Centralized:
		add(Scalability, kindSpreadCentral, -k[kSpreadCentralized]*f.spread)
	case Dandelion:
		add(Cost, kindSmallOrg, k[kFormalOverhead]*(1-f.size))
		add(Agility, kindNoSpokes, -k[kSpokeBenefit]*(1-f.scale))
		add(Authenticity, kindNoSpokes, -k[kSpokeBenefit]*(1-f.scale))
		add(Cost, kindFewUnits, k[kSpreadDandelionCost]*(1-f.spread))
		add(Consistency, kindFewUnits, -k[kSpreadDandelionConsistency]*(1-f.spread))
	}
	if s.Home == touchpoint.Executive {
		add(Cost, kindExecSmall, k[kExecutiveSmallCost]*(1-f.size))
		add(Influence, kindPriority, k[kPriorityExecutive]*f.prio)
	}

	ungov := ungoverned(s)
	add(RiskCompliance, kindRegUngoverned, -k[kRegulationUngoverned]*f.reg*ungov)
	add(RiskCompliance, kindRegGoverned, k[kRegulationGoverned]*f.reg*central)
	add(RiskCompliance, kindTouchRisk, -k[kTouchRiskUngoverned]*f.risk*ungov)

	switch s.Model {
	case Organic, Honeycomb:
		add(Consistency, kindRivalryChaos, -k[kRivalryOrganic]*f.rivalry)
		add(Consistency, kindNative, k[kNativeOrganic]*f.native)
	case HubAndSpoke, Dandelion:
		add(Cost, kindRivalryHubCost, k[kRivalryHubCost]*f.rivalry)
	}
	if s.Model != Organic {
		if s.Home == touchpoint.Executive {
			add(Consistency, kindRivalryExec, k[kRivalryExecutive]*f.feud)
		} else {
			w := 0.5
			if s.Model != Centralized {
				w = 1
			}
			add(Consistency, kindRivalryDept, -k[kRivalryDepartmental]*f.feud*w)
		}
	}
	switch s.Model {
	case Honeycomb:
		add(Consistency, kindMaturity, k[kMaturityHoneycomb]*f.mat)
		add(RiskCompliance, kindMaturity, k[kMaturityHoneycomb]*f.mat)
	case Dandelion:
		add(Consistency, kindMaturity, k[kMaturityDandelion]*f.mat)
	}
	if need := buyIn(s); need > 0 {
		add(Consistency, kindSponsorship, k[kSponsorship]*f.spons*need)
		add(Influence, kindSponsorship, k[kSponsorship]*f.spons*need)
	}

	v[Coverage] = 10 * cm.coverage(s, fits, f)
	if tr != nil {
		*tr = append(*tr, termRec{Coverage, kindCoverage, v[Coverage] - 5})
	}
	v[ChangeEffort] = cm.changeEffort(cur, s, f)
	if tr != nil {
		*tr = append(*tr, termRec{ChangeEffort, kindChange, v[ChangeEffort]})
	}
	for c := Agility; c <= ChangeEffort; c++ {
		switch c {
		case Coverage:
			v[c] = clamp(v[c], 0, 10)
		case ChangeEffort:
			// 1 = no change, approaching 10 for the largest moves; never 0,
			// so ratio normalisations (Max, Sum) accept it as a cost.
			v[c] = 1 + 9*-math.Expm1(-math.Max(v[c], 0)/5)
		default:
			v[c] = squash(v[c])
		}
	}
	return v
}

// squash maps a raw performance (5 = neutral) onto (0, 10) with the
// logistic curve 10 / (1 + exp(−(x − 5) / 2.5)). Its slope at 5 is 1, so
// near neutral one point stays one point, while strongly loaded structures
// keep their order instead of piling up at a hard limit.
func squash(x float64) float64 {
	return 10 / (1 + math.Exp(-(x-5)/2.5))
}

// executor returns the department that does the day-to-day work of t in
// structure s: the natural owner in organic structures and wherever spokes
// execute; the central team's home where the centre executes (a centralized
// team, an executing hub, and for an advisory-executing hub its own
// touchpoints, shared ones such as listening, and realtime work of the
// highest risk such as crisis response); and the centre for shared
// touchpoints under any hub.
func executor(s Structure, t *touchpoint.Touchpoint) touchpoint.Department {
	switch s.Model {
	case Organic:
		return t.Owner
	case Centralized:
		return s.Home
	}
	switch s.Role {
	case Executing:
		return s.Home
	case AdvisoryExecuting:
		if t.Owner == s.Home || t.Shared || (t.Risk >= 5 && t.Speed == touchpoint.Realtime) {
			return s.Home
		}
	default:
		if t.Shared {
			return s.Home
		}
	}
	return t.Owner
}

// why a touchpoint's fit is reduced
type gap int

const (
	gapNone     gap = iota
	gapOther        // done by a department outside its competence
	gapCapacity     // the centre cannot staff urgent volume
	gapApproval     // no approval path for high-risk work
	gapPatchy       // organic: wherever enthusiasts are
)

// fitPart is the profile-independent part of how well a structure covers
// a touchpoint: the fit before the approval gap, the approval gap before
// regulation scales it, and the main reason for a shortfall.
type fitPart struct {
	base, approval float64
	why            gap
}

// fitPart computes the part of fit that depends only on s and t.
func (cm *compiled) fitPart(s Structure, t *touchpoint.Touchpoint) fitPart {
	k := &cm.k
	ex := executor(s, t)
	var p fitPart
	switch {
	case ex == t.Owner:
		p.base = k[kCovOwner]
	case containsDept(t.Partners, ex):
		p.base, p.why = k[kCovPartner], gapOther
	default:
		p.base, p.why = k[kCovOther], gapOther
	}
	switch {
	case s.Model == Organic:
		p.base *= k[kCovOrganic]
		p.why = gapPatchy
	case s.Role == Coordinating:
		p.base *= k[kCovCoordinating]
	}
	if s.Model != Organic && ex == s.Home && ex != t.Owner {
		if c := k[kCovCapacity] * t.Speed.Urgency() * math.Max(0, float64(t.Volume)-2) / 3; c > 0 {
			p.base -= c
			p.why = gapCapacity
		}
	}
	if t.Risk >= 4 {
		p.approval = math.Max(0, k[kCovApprovalGap]*(float64(t.Risk)-3)/2*ungoverned(s))
	}
	return p
}

// fit returns how well a structure covers a touchpoint on [0, 1], given
// the profile, and the main reason it falls short. The fit is full when
// the natural owner does the work, lower for a partner or another
// department, multiplied down for organic patchiness or a merely
// coordinating centre, reduced when a central team must absorb another
// department's urgent volume and when high-risk work lacks an approval path
// (scaled up by regulation); small organisations close part of any gap.
func (p fitPart) fit(f *facts, k *[numTerms]float64) (float64, gap) {
	fit, why := p.base, p.why
	if gapv := p.approval * (1 + f.reg); gapv > 0 {
		fit -= gapv
		if why == gapNone || gapv > 0.2 {
			why = gapApproval
		}
	}
	fit = clamp(fit, 0, 1)
	fit += (1 - fit) * k[kCovSmallRelief] * (1 - f.size)
	return fit, why
}

func containsDept(ds []touchpoint.Department, d touchpoint.Department) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// coverage is the activity-weighted mean fit over the active touchpoints.
// fits, if not nil, holds the structure's precomputed fit parts indexed by
// catalogue position.
func (cm *compiled) coverage(s Structure, fits []fitPart, f *facts) float64 {
	if f.activity == 0 {
		return 0
	}
	sum := 0.0
	for _, at := range f.active {
		var p fitPart
		if fits != nil {
			p = fits[at.i]
		} else {
			p = cm.fitPart(s, at.tp)
		}
		x, _ := p.fit(f, &cm.k)
		sum += at.a * x
	}
	return sum / f.activity
}

func stage(m OperatingModel) float64 { return float64(m - Organic) }

// changeEffort is the raw effort of moving from cur to s (0 = none);
// evaluate maps it onto [1, 10) with 1 + 9·(1 − exp(−effort/5)).
func (cm *compiled) changeEffort(cur, s Structure, f *facts) float64 {
	k := &cm.k
	d := stage(s.Model) - stage(cur.Model)
	e := k[kChangeStage] * math.Abs(d)
	if cur.Model == Organic && s.Model >= HubAndSpoke {
		e += k[kChangeOrganicLeap]
	}
	if d < 0 {
		e += k[kChangeBackward]
	}
	if cur.Model != Organic && s.Model != Organic && cur.Home != s.Home {
		e += k[kChangeHome]
	}
	if cur.Role != s.Role {
		e += k[kChangeRole]
	}
	if cur.Sourcing != s.Sourcing {
		e += k[kChangeSourcing]
	}
	scale := 1 + k[kChangeMaturity]*math.Max(0, -2*f.mat) + k[kChangeSponsorship]*math.Max(0, -2*f.spons) + k[kChangeSize]*f.size
	return e * scale
}

// weightRec is one adjustment of a default weight, for the weights source.
type weightRec struct {
	crit Criterion
	term term
	v    float64
}

// weights derives the default criterion weights (not normalised) from the
// facts, recording adjustments in rec if not nil.
func (cm *compiled) weights(f *facts, rec *[]weightRec) row {
	k := &cm.k
	var w row
	for c := Agility; c <= ChangeEffort; c++ {
		w[c] = 1
	}
	add := func(c Criterion, t term, x float64) {
		if x == 0 {
			return
		}
		w[c] += k[t] * x
		if rec != nil {
			*rec = append(*rec, weightRec{c, t, k[t] * x})
		}
	}
	add(RiskCompliance, kWeightRegulationRisk, f.reg)
	add(Consistency, kWeightRegulationConsistency, f.reg)
	add(Agility, kWeightRealtimeAgility, f.realtime)
	add(Coverage, kWeightBreadthCoverage, f.breadth)
	add(Influence, kWeightPriority, f.prio)
	add(Expertise, kWeightPriority, f.prio)
	add(Scalability, kWeightPriority, f.prio)
	add(Cost, kWeightBudgetCost, -f.budget)
	if f.p.SocialStaff < 1 {
		add(Cost, kWeightNoStaffCost, 1)
	}
	add(Scalability, kWeightSizeScalability, f.scale-k[kWeightSizePivot])
	add(Coverage, kWeightSpreadCoverage, f.spread)
	add(ChangeEffort, kWeightMaturityChange, -f.mat)
	add(RiskCompliance, kWeightMaturityRisk, -f.mat)
	add(Agility, kWeightSignoffAgility, math.Min(f.layers, 4))
	add(Authenticity, kWeightNativeAuthenticity, f.native)
	add(Agility, kWeightNativeAgility, f.native)
	add(Consistency, kWeightRivalryConsistency, f.rivalry)
	for c := Agility; c <= ChangeEffort; c++ {
		w[c] = math.Max(w[c], k[kWeightFloor])
	}
	return w
}
