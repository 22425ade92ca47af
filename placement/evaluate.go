package placement

import (
	"math"

	"github.com/socialseat/socialseat/touchpoint"
)

// facts are the profile quantities the model reads, each on a documented
// scale. They are computed once per recommendation. Every threshold and
// range below is a model coefficient (model.yaml), named in brackets.
type facts struct {
	p Profile // with defaults

	size    float64 // log employees from [size.min-employees] (0) to [size.max-employees] (1), clamped
	spread  float64 // ln(business units × countries) / ln [spread.max-units-countries] on [0, 1]; units and countries as counted by spokes, here and in hub and multi
	scale   float64 // max(size, spread): how much there is for spokes to do
	hub     float64 // need for a hub on [0, 1]: employees from [hub.employees-from] (0) to [hub.employees-full] (1), log; or units or countries from 1 to [hub.units-full] scaled by the need for an owner
	hubSize float64 // need for a hub from size alone: employees from [hub.employees-from] (0) to [hub.employees-full] (1), log
	team    float64 // need for an owner on [0, 1]: employees from [hub.team-from] (0) to [hub.team-full] (1), log
	multi   float64 // companies within companies, ≥ 0: max(ln units / ln [dandelion.units], ln countries / ln [dandelion.countries]); 1 at the threshold
	native  float64 // 0 before native.start-year, 1 from native.full-year, linear between
	rivalry float64 // ((silos − 1) + (5 − harmony)) / 8 on [0, 1]
	feud    float64 // rivalry beyond the neutral midpoint, on [0, 1]
	harmony float64 // how capable departments are of coordinating themselves: 1 − 2·rivalry on [−1, 1]
	reg     float64 // (regulation − 1) / 4 on [0, 1]
	mat     float64 // (maturity − 3) / 2 on [−1, 1]
	spons   float64 // (executive_sponsorship − 3) / 2 on [−1, 1]
	prio    float64 // (social_priority − 3) / 2 on [−1, 1]
	budget  float64 // (budget_level − 3) / 2 on [−1, 1]
	layers  float64 // sign-off layers beyond the first, at most [signoff.max-layers]

	active   []activeTP // active touchpoints in catalogue order
	activity float64    // Σ activity
	realtime float64    // Σ a·urgency·volume/5 / Σ a, on [0, 1]
	queue    float64    // realtime over the touchpoints a central team can take over (not kept by their owner, see executor): what queues behind it
	risk     float64    // Σ a·approval-risk / Σ a, on [0, 1]
	breadth  float64    // Σ a / (5 · catalogue size), on [0, 1]
	load     float64    // staffing work: Σ a/5 · (1 + [staff.realtime-load]·urgency·volume/5)
	keptLoad float64    // the part of load on touchpoints their owner keeps whatever the structure (see executor)
	kept     []keptRT   // the active touchpoints their owner keeps, with their realtime work
	campaign float64    // planned production load: min(1, Σ a·(1 − urgency)·volume / 25)
	sizeFTE  float64    // (employees / [staff.reference-employees]) ^ [staff.size-exponent]
	coeNeed  float64    // 1 from [staff.coe-from] employees, where the published team size jumps and a centre of excellence is staffed, else 0
}

// keptRT is an active touchpoint that its owner keeps whatever the
// structure: the owner and its realtime work (a·urgency·volume/5).
type keptRT struct {
	owner touchpoint.Department
	rt    float64
}

type activeTP struct {
	tp *touchpoint.Touchpoint
	i  int // position in the catalogue
	a  float64
}

func clamp(x, lo, hi float64) float64 { return min(hi, max(lo, x)) } // builtins: inlined, unlike math.Min/Max

// onScale maps a 1–5 profile field onto [−1, 1] around its midpoint.
func onScale(v int) float64 { return float64(v-scaleMid) / scaleHalf }

// logRamp is 0 at lo, 1 at hi, logarithmic between, clamped.
func logRamp(x, lo, hi float64) float64 {
	if x <= lo {
		return 0
	}
	return clamp(math.Log(x/lo)/math.Log(hi/lo), 0, 1)
}

// approvalRisk is how far a touchpoint's risk reaches into the band that
// needs an approval path: 0 below [coverage.approval-risk-from], 1 at the
// top of the scale.
func approvalRisk(risk touchpoint.Level, k *[numTerms]float64) float64 {
	from := k[kCovApprovalRiskFrom]
	return math.Max(0, (float64(risk)-from+1)/(scaleTop-from+1))
}

// spokes is how many of n business units or countries count toward the
// spread of an organisation of emp employees: all of them while each can
// have [spread.unit-employees] employees, beyond that each further one
// counts only as much as [spread.small-unit-exponent] says (units of a few
// people are brands or markets to keep apart, not spokes or hubs that call
// for a structure of their own).
func spokes(n int, emp float64, k *[numTerms]float64) float64 {
	x, full := float64(n), math.Max(1, emp/k[kSpreadUnitEmployees])
	if x <= full {
		return x
	}
	return full * math.Pow(x/full, k[kSpreadSmallUnits])
}

// newFacts computes the facts of a validated, defaulted profile.
func newFacts(p Profile, tps []touchpoint.Touchpoint, k *[numTerms]float64) facts {
	f := facts{p: p}
	emp := float64(p.Employees)
	f.size = clamp(math.Log(emp/k[kSizeMinEmployees])/math.Log(k[kSizeMaxEmployees]/k[kSizeMinEmployees]), 0, 1)
	units, countries := spokes(p.BusinessUnits, emp, k), spokes(p.Countries, emp, k)
	f.spread = clamp(math.Log(units*countries)/math.Log(k[kSpreadMax]), 0, 1)
	f.scale = math.Max(f.size, f.spread)
	f.team = logRamp(emp, k[kHubTeamFrom], k[kHubTeamFull])
	f.hubSize = logRamp(emp, k[kHubEmployeesFrom], k[kHubEmployeesFull])
	f.hub = math.Max(f.hubSize, f.team*logRamp(math.Max(units, countries), 1, k[kHubUnitsFull]))
	f.multi = math.Max(math.Log(units)/math.Log(k[kMultiUnits]), math.Log(countries)/math.Log(k[kMultiCountries]))
	if p.Founded > 0 {
		f.native = clamp((float64(p.Founded)-k[kNativeStart])/(k[kNativeFull]-k[kNativeStart]), 0, 1)
	}
	f.rivalry = float64((p.Silos-1)+(scaleTop-p.DepartmentHarmony)) / (scaleHalf * (scaleTop - 1))
	f.feud = math.Max(0, (f.rivalry-0.5)/0.5)
	f.harmony = (0.5 - f.rivalry) / 0.5
	f.reg = float64(p.Regulation-1) / (scaleTop - 1)
	f.mat = onScale(p.Maturity)
	f.spons = onScale(p.ExecutiveSponsorship)
	f.prio = onScale(p.SocialPriority)
	f.budget = onScale(p.BudgetLevel)
	f.layers = clamp(float64(p.SignOffLayers-1), 0, k[kLayersMax])
	f.sizeFTE = math.Pow(emp/k[kStaffRefEmployees], k[kStaffSizeExponent])
	if emp >= k[kStaffCoEFrom] {
		f.coeNeed = 1
	}
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
		u, vol := t.Speed.Urgency(), float64(t.Volume)/scaleTop
		f.activity += a
		f.realtime += a * u * vol
		f.risk += a * approvalRisk(t.Risk, k)
		l := a / scaleTop * (1 + k[kStaffRealtime]*u*vol)
		f.load += l
		if narr.ownerKeeps(t.ID) {
			f.keptLoad += l
			f.kept = append(f.kept, keptRT{owner: t.Owner, rt: a * u * vol})
		} else {
			f.queue += a * u * vol
		}
		f.campaign += a / scaleTop * (1 - u) * vol
	}
	f.campaign = math.Min(f.campaign, 1)
	if f.activity > 0 {
		f.realtime /= f.activity
		f.queue /= f.activity
		f.risk /= f.activity
	}
	if len(tps) > 0 {
		f.breadth = f.activity / (scaleTop * float64(len(tps)))
	}
	return f
}

// keptRealtime is the realtime work (Σ a·urgency·volume/5 / Σ a, as
// realtime) of the active touchpoints their owner keeps whatever the
// structure (see executor), for owners other than home.
func (f *facts) keptRealtime(home touchpoint.Department) float64 {
	if f.activity == 0 {
		return 0
	}
	x := 0.0
	for _, kt := range f.kept {
		if kt.owner != home {
			x += kt.rt
		}
	}
	return x / f.activity
}

// ownShare is the share of the profile's activity whose natural owner is d.
func (f *facts) ownShare(d touchpoint.Department) float64 {
	if f.activity == 0 {
		return 0
	}
	own := 0.0
	for _, at := range f.active {
		if at.tp.Owner == d {
			own += at.a
		}
	}
	return own / f.activity
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
	kindHubNeeded      // a single central team with more units or staff than it can serve
	kindGate           // sponsorship or maturity below what the model needs
	kindSourcingRisk   // outsourced work misses regulatory events
	kindSourcingLoad   // outsourced campaign production for a large campaign load
	kindSourcingCore   // outsourcing a voice that is core to the objectives
	kindCapable        // departments capable (or not) of coordinating themselves
	kindDominance      // one department owns most of the work
	kindPriorityFormal // social priority and the weight of a formal structure
	kindOrganicSprawl  // unmanaged accounts multiply with size
	kindHandoff        // realtime work its owner keeps beside a centralized team
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
// 1 for a centralized team or an executing hub,
// [centralization.advisory-executing] for an advisory-executing hub, 0
// otherwise.
func centralization(s Structure, k *[numTerms]float64) float64 {
	switch {
	case s.Model == Centralized || (s.Model != Organic && s.Role == Executing):
		return 1
	case s.Model != Organic && s.Role == AdvisoryExecuting:
		return k[kCentralAdvisoryExecuting]
	}
	return 0
}

// ungoverned is how far a structure lacks an approval path on [0, 1], from
// the ungoverned.* coefficients: organic, honeycomb, a coordinating or an
// advisory centre, plus agency sourcing (Resolver: agencies miss reportable
// events).
func ungoverned(s Structure, k *[numTerms]float64) float64 {
	u := 0.0
	switch {
	case s.Model == Organic:
		u = k[kUngovOrganic]
	case s.Model == Honeycomb:
		u = k[kUngovHoneycomb]
	case s.Role == Coordinating:
		u = k[kUngovCoordinating]
	case s.Role == Advisory:
		u = k[kUngovAdvisory]
	}
	if s.Sourcing == Agency {
		u += k[kUngovAgency]
	}
	return math.Min(u, 1)
}

// buyIn is how much a structure depends on executive buy-in (buy-in.*).
func buyIn(s Structure, k *[numTerms]float64) float64 {
	n := 0.0
	switch s.Model {
	case HubAndSpoke:
		n = k[kBuyInHub]
	case Dandelion, Honeycomb:
		n = k[kBuyInWide]
	}
	if s.Home == touchpoint.Executive {
		n += k[kBuyInExecutive]
	}
	return n
}

// outsourced is the share of the centre's execution bought from outside:
// staff.relief.hybrid or staff.relief.agency, 0 in-house.
func outsourced(s Structure, k *[numTerms]float64) float64 {
	switch s.Sourcing {
	case Hybrid:
		return k[kReliefHybrid]
	case Agency:
		return k[kReliefAgency]
	}
	return 0
}

// centreShare is the share of the day-to-day work the central team does
// itself (staff.centre-share.*): all of it in a centralized team, by role
// in the others.
func centreShare(s Structure, k *[numTerms]float64) float64 {
	if s.Model == Centralized {
		return 1
	}
	switch s.Role {
	case Executing:
		return k[kShareExecuting]
	case AdvisoryExecuting:
		return k[kShareAdvisoryExecuting]
	case Advisory:
		return k[kShareAdvisory]
	case Coordinating:
		return k[kShareCoordinating]
	}
	return 0
}

// staffEstimate is the social-media FTE a structure needs, in parts.
type staffEstimate struct {
	work     float64 // FTE of the touchpoint work at the organisation's size and priority
	centre   float64 // the part of work the central team does
	spokes   float64 // the part departments do, counted as dedicated time
	overhead float64 // strategist, unit liaisons, hub leads, countries, training
	coe      float64 // the centre of excellence a hub-sized organisation staffs
	bought   float64 // the part of the centre's work an agency does
	owner    float64 // what makes the estimate up to one owner ([staff.owner])
	fte      float64 // centre + spokes + overhead + coe − bought + owner
}

// estimateStaff is the workload estimate of the FTE structure s needs,
// calibrated on the published team sizes by company size (see the staff.*
// coefficients). Organic needs no dedicated staff.
func estimateStaff(s Structure, f *facts, k *[numTerms]float64) staffEstimate {
	var e staffEstimate
	if !s.Model.valid() {
		return e
	}
	e.work = k[kStaffPerLoad] * f.load * f.sizeFTE * math.Max(0, 1+k[kStaffPriority]*f.prio)
	if s.Model == Organic {
		// No centre: the departments do all of the work alongside their jobs.
		e.spokes = e.work * k[kStaffSpokeDedicated]
		e.fte = e.spokes
		return e
	}
	// The work on touchpoints their owner keeps whatever the structure
	// (customer care, the employee policy; see executor) is done by
	// that department, as the responsibility map says, and counts as the
	// departments' other social work does; the centre takes its share of
	// the rest.
	kept := 0.0
	if f.load > 0 {
		kept = e.work * f.keptLoad / f.load
	}
	share := centreShare(s, k)
	e.centre = (e.work - kept) * share
	e.spokes = ((e.work-kept)*(1-share) + kept) * k[kStaffSpokeDedicated]
	// Units and countries add liaison, hub leads and local coverage with
	// diminishing returns ([staff.unit-exponent]): liaison is grouped by
	// division or region, not staffed unit by unit.
	ux := k[kStaffUnitExponent]
	units, countries := float64(f.p.BusinessUnits), float64(f.p.Countries)
	// Local coverage of further countries, for no more countries than
	// the head count can fill at [staff.country-size] employees each: a
	// smaller country office is a small firm of its own, covered
	// alongside other duties.
	emp := float64(f.p.Employees)
	e.overhead = k[kStaffCountry] * math.Max(0, math.Min(math.Pow(countries, ux), emp/k[kStaffCountrySize])-1)
	// The strategist (or a coordinating hub's shepherd) is the owner the
	// published bands expect: none below [hub.team-from] employees, where
	// the work itself is all there is, full from [hub.team-full]; between,
	// part-time, with the need for an owner.
	strategist := k[kStaffStrategist] * f.team
	switch s.Model {
	case HubAndSpoke:
		lead := strategist
		if s.Role == Coordinating {
			lead = k[kStaffCoordinator] * f.team
		}
		// Liaison with every further unit, no more than the head count
		// can fill.
		e.overhead += lead + k[kStaffUnitLiaison]*math.Max(0, math.Min(math.Pow(units, ux), emp/k[kStaffHubUnitSize])-1)
	case Dandelion:
		// A hub lead in every unit, no more than the head count can fill.
		e.overhead += strategist + k[kStaffHubLead]*math.Min(math.Pow(units, ux), emp/k[kStaffHubUnitSize])
	case Honeycomb:
		e.overhead += strategist + k[kStaffTraining]*float64(f.p.Employees)/k[kStaffTrainingPer]
	}
	// From [staff.coe-from] employees, where the published team size
	// jumps from about 3 FTE (1,000–5,000 employees) to about 20
	// (5,000–10,000), the core team also staffs a centre of excellence:
	// community management, analysis and measurement, training. Every
	// structure with a central team needs it, sized to the programme up to
	// [staff.coe-full-load]; units and countries already add liaisons, hub
	// leads and local coverage above. Like the work, it is split by the
	// centre's share: where the spokes do the community management, it
	// counts as their other social work does ([staff.spoke-dedicated]).
	e.coe = k[kStaffCoE] * f.coeNeed * math.Min(1, f.load/k[kStaffCoELoad]) * (share + (1-share)*k[kStaffSpokeDedicated])
	e.bought = e.centre * outsourced(s, k)
	e.fte = e.centre + e.spokes + e.overhead + e.coe - e.bought
	// A central team is at least one owner ([staff.owner]) from
	// [hub.team-from] employees, the published one-owner band, and part of
	// one below it.
	if floor := k[kStaffOwner] * math.Min(1, float64(f.p.Employees)/k[kHubTeamFrom]); e.fte < floor {
		e.owner = floor - e.fte
		e.fte = floor
	}
	return e
}

// staffFloor is the FTE a structure needs (see estimateStaff).
func staffFloor(s Structure, f *facts, k *[numTerms]float64) float64 {
	return estimateStaff(s, f, k).fte
}

// feasibility is how far the organisation falls short of staffing and
// funding structure s: ln((need + offset) / (available + offset)), at
// least 0, where available is the profile's social staff plus what a
// budget above the peer level can hire (staff.budget-hire × need).
func feasibility(s Structure, f *facts, k *[numTerms]float64) float64 {
	return shortfall(staffFloor(s, f, k), f, k)
}

// shortfall is the feasibility of a structure that needs need FTE (see
// feasibility).
func shortfall(need float64, f *facts, k *[numTerms]float64) float64 {
	if need <= 0 {
		return 0
	}
	avail := f.p.SocialStaff + k[kStaffBudgetHire]*math.Max(0, f.budget)*need
	off := k[kFeasOffset]
	return math.Max(0, math.Log((need+off)/(avail+off)))
}

// gate is how many steps of feasibility a structure lacks (gate.*):
// dandelion and honeycomb need an established, sponsored programme, and a
// dandelion needs companies within companies — below the units and
// countries from which hubs of their own pay off (dandelion.units,
// dandelion.countries: facts.multi below 1) it lacks
// [gate.dandelion.spread] steps more.
func gate(s Structure, f *facts, k *[numTerms]float64) float64 {
	m, sp, ok := gateNeeds(s.Model, k)
	if !ok {
		return 0
	}
	g := math.Max(0, m-float64(f.p.Maturity)) + math.Max(0, sp-float64(f.p.ExecutiveSponsorship))
	if s.Model == Dandelion && tooFewUnits(f) {
		g += k[kGateDandelionSpread]
	}
	return g
}

// tooFewUnits reports whether the organisation is below the units and
// countries from which a dandelion's hubs of their own pay off
// (dandelion.units, dandelion.countries, as counted by spokes).
func tooFewUnits(f *facts) bool { return f.multi < 1 }

// gateNeeds returns the maturity and the executive sponsorship (1–5) that
// an operating model needs (gate.*), and false for a model without a
// gate.
func gateNeeds(m OperatingModel, k *[numTerms]float64) (maturity, sponsorship float64, ok bool) {
	switch m {
	case Dandelion:
		return k[kGateDandelionMaturity], k[kGateDandelionSponsorship], true
	case Honeycomb:
		return k[kGateHoneycombMaturity], k[kGateHoneycombSponsorship], true
	}
	return 0, 0, false
}

// static returns the profile-independent part of a structure's raw
// performance: neutral plus the model, role, sourcing and home table
// entries, on every table criterion. If tr is not nil the terms are
// appended to it.
func (cm *compiled) static(s Structure, tr *[]termRec) row {
	var v row
	h := cm.home(s.Home)
	for c := Agility; c <= ChangeEffort; c++ {
		if !tableCriterion(c) {
			continue
		}
		v[c] = scaleNeutral
		var mx, rx, sx, hx float64
		if s.Model.valid() {
			mx = cm.base[s.Model][c]
		}
		if s.Role.valid() {
			rx = cm.role[s.Role][c]
		}
		if s.Sourcing.valid() {
			sx = cm.sourcing[s.Sourcing][c]
		}
		if h != nil {
			hx = h.v[c]
		}
		parts := [...]struct {
			kd kind
			x  float64
		}{{kindModel, mx}, {kindRole, rx}, {kindSourcing, sx}, {kindHome, hx}}
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
// them), the profile's facts and its staffing shortfall (see
// feasibility). If tr is not nil the profile terms are appended to it.
func (cm *compiled) evaluate(s Structure, static row, fits []fitPart, f *facts, cur Structure, short float64, tr *[]termRec) row {
	return cm.evaluateCov(s, static, cm.coverage(s, fits, f), f, cur, short, tr, nil)
}

// evaluateCov is evaluate with the structure's coverage (see coverage)
// given: structures whose fit parts are equal share it, so a
// recommendation computes it once for all of them. memo, if not nil,
// remembers the curves' values (see curveMemo).
func (cm *compiled) evaluateCov(s Structure, static row, cov float64, f *facts, cur Structure, short float64, tr *[]termRec, memo *curveMemo) row {
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

	// Feasibility before preference: staff, budget, sponsorship, maturity.
	add(Cost, kindShortfall, k[kShortfallCost]*short)
	add(Expertise, kindShortfall, -k[kShortfallExpertise]*short)
	add(Agility, kindShortfall, -k[kShortfallAgility]*short)
	if s.Model.valid() {
		add(Cost, kindBudget, -k[kBudgetCost]*f.budget*math.Max(0, cm.base[s.Model][Cost])/k[kBudgetCostScale])
	}
	if g := gate(s, f, k); g > 0 {
		add(Cost, kindGate, k[kGatePenalty]*g)
		add(Consistency, kindGate, -k[kGatePenalty]*g)
		add(RiskCompliance, kindGate, -k[kGatePenalty]*g)
	}
	switch s.Model {
	case HubAndSpoke, Dandelion, Honeycomb:
		// Foundation first: spokes need policy, training and a crisis
		// process that an immature programme does not yet have.
		add(Consistency, kindMaturity, -k[kMaturityFoundation]*math.Max(0, -f.mat))
		add(RiskCompliance, kindMaturity, -k[kMaturityFoundation]*math.Max(0, -f.mat))
	}

	central := centralization(s, k)
	add(Agility, kindSignoff, -k[kSignoffAgility]*f.layers*central)
	// Only work the centre does queues behind it: what an owner keeps
	// (customer care) is answered by the owner whatever the structure.
	rt := k[kRealtimeAgility] * f.queue * central
	if s.Home == touchpoint.CustomerService {
		rt *= k[kRealtimeCareShare]
	}
	add(Agility, kindRealtime, -rt)
	if s.Model == Centralized {
		// What the owner keeps (customer care) runs beside a central
		// team with no spokes: posts on its channels are handed over.
		add(Agility, kindHandoff, -k[kRealtimeHandoff]*f.keptRealtime(s.Home))
	}

	switch s.Model {
	case Organic:
		add(Consistency, kindSmallOrg, k[kOrganicRelief]*(1-f.team))
		add(RiskCompliance, kindSmallOrg, k[kOrganicRelief]*(1-f.team))
		add(Consistency, kindOrganicSprawl, -k[kOrganicSprawl]*f.team*f.size)
		add(RiskCompliance, kindOrganicSprawl, -k[kOrganicSprawl]*f.team*f.size)
		add(Influence, kindOrganicSprawl, -k[kOrganicSprawl]*f.team*f.size)
	case HubAndSpoke:
		add(Cost, kindSmallOrg, k[kFormalOverhead]*(1-f.hub))
		add(Agility, kindNoSpokes, -k[kSpokeBenefit]*(1-f.hub))
		add(Authenticity, kindNoSpokes, -k[kSpokeBenefit]*(1-f.hub))
		add(Scalability, kindNoSpokes, -k[kSpokeBenefit]*(1-f.hub))
		sat := clamp(f.multi-1, 0, 1)
		add(Scalability, kindSpreadHub, -k[kSpreadHubScalability]*sat)
		add(Agility, kindSpreadHub, -k[kSpreadHubAgility]*sat)
	case Centralized:
		add(Scalability, kindSpreadCentral, -k[kSpreadCentralized]*f.spread)
		add(Scalability, kindHubNeeded, -k[kHubCentralized]*f.hub)
		// One central team saturates at least as fast as one hub.
		sat := clamp(f.multi-1, 0, 1)
		add(Scalability, kindSpreadCentral, -k[kSpreadHubScalability]*sat)
		add(Agility, kindSpreadCentral, -k[kSpreadHubAgility]*sat)
	case Dandelion:
		add(Cost, kindSmallOrg, k[kFormalOverhead]*(1-f.hub))
		add(Agility, kindNoSpokes, -k[kSpokeBenefit]*(1-f.hub))
		add(Authenticity, kindNoSpokes, -k[kSpokeBenefit]*(1-f.hub))
		add(Cost, kindFewUnits, k[kSpreadDandelionCost]*math.Max(0, 1-f.multi))
		add(Consistency, kindFewUnits, -k[kSpreadDandelionConsistency]*math.Max(0, 1-f.multi))
	case Honeycomb:
		// Enabling every employee pays where there is a workforce to
		// enable at scale; below the size that calls for a hub one owner
		// or organic activity reaches as far.
		add(Agility, kindNoSpokes, -k[kHoneycombWorkforce]*(1-f.hubSize))
		add(Authenticity, kindNoSpokes, -k[kHoneycombWorkforce]*(1-f.hubSize))
		add(Scalability, kindNoSpokes, -k[kHoneycombWorkforce]*(1-f.hubSize))
	}
	switch s.Model {
	case HubAndSpoke, Dandelion:
		// Below the size at which one owner is expected, a hub's spokes
		// are the same few people as its centre: the hand-offs between
		// them cost more than the spokes add.
		add(Agility, kindNoSpokes, -k[kNoOwnerHub]*(1-f.team))
		add(Authenticity, kindNoSpokes, -k[kNoOwnerHub]*(1-f.team))
		add(Scalability, kindNoSpokes, -k[kNoOwnerHub]*(1-f.team))
	}
	switch s.Model {
	case HubAndSpoke, Dandelion, Honeycomb:
		add(Influence, kindPriorityFormal, k[kPriorityFormal]*f.prio)
	}
	if s.Home == touchpoint.Executive {
		add(Cost, kindExecSmall, k[kExecutiveSmallCost]*(1-f.size))
		add(Influence, kindPriority, k[kPriorityExecutive]*f.prio)
	}

	// Roles.
	capable := 0.0 // coverage points capable departments add under a coordinating centre
	if s.Model != Organic {
		switch s.Role {
		case Coordinating:
			add(Consistency, kindCapable, k[kRoleCoordCapable]*f.harmony)
			capable = k[kRoleCoordCapable] * f.harmony
			add(Influence, kindPriority, -k[kRoleCoordPriority]*f.prio)
		case Executing:
			d := (f.ownShare(s.Home) - 0.5) / 0.5
			add(Scalability, kindDominance, k[kRoleExecDominance]*d)
			add(Influence, kindDominance, k[kRoleExecDominance]*d)
		}
	}

	// Sourcing: what an agency's share costs beyond the table's fee,
	// coordination and control entries.
	if o := outsourced(s, k); o > 0 {
		add(RiskCompliance, kindSourcingRisk, -k[kSourcingBlindSpot]*o*f.reg)
		gain := k[kSourcingCampaign] * o * f.campaign * f.size
		add(Expertise, kindSourcingLoad, gain)
		add(Scalability, kindSourcingLoad, gain)
		core := k[kSourcingCore] * o * (1 + f.prio) * 0.5
		add(Authenticity, kindSourcingCore, -core)
		add(Influence, kindSourcingCore, -core)
		add(Agility, kindSourcingCore, -core)
	}

	ungov := ungoverned(s, k)
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
			w := 1.0
			if s.Model == Centralized {
				w = k[kRivalryCentralizedShare]
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
	if need := buyIn(s, k); need > 0 {
		add(Consistency, kindSponsorship, k[kSponsorship]*f.spons*need)
		add(Influence, kindSponsorship, k[kSponsorship]*f.spons*need)
	}

	v[Coverage] = scaleMaxPerf*cov*math.Max(0, 1-k[kShortfallCoverage]*short) + capable
	if tr != nil {
		*tr = append(*tr, termRec{Coverage, kindCoverage, v[Coverage] - scaleNeutral})
	}
	v[ChangeEffort] = cm.changeEffort(cur, s, f)
	if tr != nil {
		*tr = append(*tr, termRec{ChangeEffort, kindChange, v[ChangeEffort]})
	}
	for c := Agility; c <= ChangeEffort; c++ {
		switch c {
		case Coverage:
			v[c] = clamp(v[c], 0, scaleMaxPerf)
		case ChangeEffort:
			v[c] = memo.changeCurve(v[c], k)
		default:
			v[c] = memo.squash(v[c], k)
		}
	}
	return v
}

// squash maps a raw performance (5 = neutral) onto (0, 10) with the
// logistic curve 10 / (1 + exp(−(x − 5) / w)), w = [scale.squash-width].
// With w = 2.5 its slope at 5 is 1, so near neutral one point stays one
// point, while strongly loaded structures keep their order instead of
// piling up at a hard limit.
func squash(x float64, k *[numTerms]float64) float64 {
	return scaleMaxPerf / (1 + math.Exp(-(x-scaleNeutral)/k[kSquashWidth]))
}

// changeCurve maps a raw change effort (0 = none) onto [1, 10): 1 = no
// change, approaching 10 for the largest moves. Like every performance it
// is then valued on the fixed scale (see ValueScale), as 1 − x/10.
func changeCurve(x float64, k *[numTerms]float64) float64 {
	return 1 + (scaleMaxPerf-1)*-math.Expm1(-math.Max(x, 0)/k[kChangeHalf])
}

// executor returns the department that does the day-to-day work of t in
// structure s: the natural owner in organic structures and wherever spokes
// execute; the central team's home where the centre executes (a centralized
// team, an executing hub, and for an advisory-executing hub its own
// touchpoints, shared ones such as listening, and realtime work at the top
// of the risk scale such as crisis response); and the centre for shared
// touchpoints under any hub. A touchpoint its owner keeps whatever the
// structure (owner_responsible in sectors.yaml: customer care, the
// employee policy) is always done by its owner.
//
// It is the one answer to "who does t under s": the responsibility map
// (raci), the coverage and capacity gaps (fitPart), the queue behind a
// central team (evaluateCov) and the sentences that explain them all ask
// it, so the score never blames a department for work the map gives to
// another.
func executor(s Structure, t *touchpoint.Touchpoint) touchpoint.Department {
	if narr.ownerKeeps(t.ID) {
		return t.Owner
	}
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
		if t.Owner == s.Home || t.Shared || (t.Risk >= scaleTop && t.Speed == touchpoint.Realtime) {
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
	gapBeside       // kept by its owner beside a centralized team, which has no spokes to support it
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
	case s.Model == Centralized && ex != s.Home:
		// Work its owner keeps (customer care) beside a centralized
		// team: a spoke with no hub to train or support it.
		p.base *= k[kCovCoordinating]
		p.why = gapBeside
	}
	if s.Model != Organic && ex == s.Home && ex != t.Owner {
		from := k[kCovCapacityVolumeFrom]
		if c := k[kCovCapacity] * t.Speed.Urgency() * math.Max(0, float64(t.Volume)-from) / (scaleTop - from); c > 0 {
			p.base -= c
			p.why = gapCapacity
		}
	}
	p.approval = k[kCovApprovalGap] * approvalRisk(t.Risk, k) * ungoverned(s, k)
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
		if why == gapNone || gapv > k[kCovApprovalReason] {
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
// evaluate maps it onto [1, 10) with 1 + 9·(1 − exp(−effort/h)),
// h = [change.half-effort].
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
	scale := 1 + k[kChangeMaturity]*math.Max(0, -f.mat)/0.5 + k[kChangeSponsorship]*math.Max(0, -f.spons)/0.5 + k[kChangeSize]*f.size
	return e * scale
}

// weightRec is one adjustment of a default weight, for the weights source:
// v is added to the weight, or, for the term kWeightFloor, is the floor the
// weight was raised to.
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
	add(Agility, kWeightSignoffAgility, math.Min(f.layers, k[kWeightSignoffMaxLayers]))
	add(Authenticity, kWeightNativeAuthenticity, f.native)
	add(Agility, kWeightNativeAgility, f.native)
	add(Consistency, kWeightRivalryConsistency, f.rivalry)
	for c := Agility; c <= ChangeEffort; c++ {
		if w[c] < k[kWeightFloor] {
			if rec != nil {
				*rec = append(*rec, weightRec{c, kWeightFloor, k[kWeightFloor]})
			}
			w[c] = k[kWeightFloor]
		}
	}
	return w
}
