package placement_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// Face-validity scenarios from domain.md §10. Each states the expectation
// and the source it comes from; the model must pass them with the default
// calibration. They check orderings and memberships, never exact scores.

func recommend(t *testing.T, p placement.Profile) *placement.Recommendation {
	t.Helper()
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	return rec
}

// best returns the best rank of a structure matching pred (0 if none).
func best(rec *placement.Recommendation, pred func(placement.Structure) bool) int {
	for _, e := range rec.Ranking {
		if pred(e.Structure) {
			return e.Rank
		}
	}
	return 0
}

// centralLead is the best centralized structure's score minus the best
// score of another operating model (higher scores are better).
func centralLead(rec *placement.Recommendation) float64 {
	var cen, other float64
	seenCen, seenOther := false, false
	for _, e := range rec.Ranking {
		switch {
		case e.Structure.Model == placement.Centralized && !seenCen:
			cen, seenCen = e.Score, true
		case e.Structure.Model != placement.Centralized && !seenOther:
			other, seenOther = e.Score, true
		}
	}
	return cen - other
}

func rankOf(rec *placement.Recommendation, s placement.Structure) int {
	return best(rec, func(x placement.Structure) bool { return x == s })
}

func model(m placement.OperatingModel) func(placement.Structure) bool {
	return func(s placement.Structure) bool { return s.Model == m }
}

func assignment(t *testing.T, raci []placement.Assignment, id touchpoint.ID) placement.Assignment {
	t.Helper()
	for _, a := range raci {
		if a.Touchpoint == id {
			return a
		}
	}
	t.Fatalf("no RACI row for %s", id)
	return placement.Assignment{}
}

func all(level int) map[touchpoint.ID]int {
	m := map[touchpoint.ID]int{}
	for _, id := range touchpoint.DefaultCatalog().IDs() {
		m[id] = level
	}
	return m
}

func startup() placement.Profile {
	return placement.Profile{
		Name: "Twelve-person start-up", Employees: 12, Founded: 2021, SocialPriority: 3,
		SocialStaff: 0, BudgetLevel: 1, Maturity: 2, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4, touchpoint.CustomerSupport: 2, touchpoint.EmployerBranding: 1},
	}
}

func multinational() placement.Profile {
	return placement.Profile{
		Name: "Multinational", Employees: 60000, BusinessUnits: 25, Countries: 30, Founded: 1920,
		SocialPriority: 4, ExecutiveSponsorship: 4, SocialStaff: 40, BudgetLevel: 4, Maturity: 3,
		Silos: 4, Agency: placement.AgencyCurrent, Touchpoints: all(3),
		Current: &placement.Structure{Home: touchpoint.Communications, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.Hybrid},
	}
}

func bank() placement.Profile {
	return placement.Profile{
		Name: "Regulated bank", Employees: 8000, BusinessUnits: 4, Countries: 3, Founded: 1870,
		Regulation: 5, SignOffLayers: 3, SocialStaff: 6, Maturity: 3, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{
			touchpoint.CustomerSupport: 4, touchpoint.CrisisResponse: 3, touchpoint.CorporateCommunication: 3,
			touchpoint.MarketingChannel: 3, touchpoint.SocialCRM: 2, touchpoint.EmployeePolicy: 3,
		},
		Current: &placement.Structure{Home: touchpoint.Marketing, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse},
	}
}

// §10.1 — Altimeter 2011 budgets (novice = 3.1 FTE, centralized); Shiv
// Singh (centralized for small firms); Symphonio 2017 (born-social firms
// need less structure).
func TestScenarioStartup(t *testing.T) {
	rec := recommend(t, startup())
	top := rec.Ranking[0].Structure
	assert.True(t, top.Model == placement.Organic || (top.Model == placement.Centralized && top.Home == touchpoint.Marketing),
		"top is %s, want organic or a centralized owner in marketing", top.ID())
	assert.Contains(t, []placement.Sourcing{placement.InHouse, placement.Hybrid}, top.Sourcing)
	for _, e := range rec.Ranking[:10] {
		assert.NotEqual(t, placement.Dandelion, e.Structure.Model, "dandelion in the top 10: %s", e.Structure.ID())
		assert.NotEqual(t, touchpoint.Executive, e.Structure.Home, "executive unit in the top 10: %s", e.Structure.ID())
	}
}

// §10.2 — Owyang 2010 (dandelion for companies within companies); Altimeter
// 2013 (dandelion the growth area); Wildfire 2013 (65.5% of >$1bn firms hybrid).
func TestScenarioMultinational(t *testing.T) {
	rec := recommend(t, multinational())
	top := rec.Ranking[0].Structure
	assert.Contains(t, []placement.OperatingModel{placement.HubAndSpoke, placement.Dandelion}, top.Model, "top is %s", top.ID())
	assert.Equal(t, placement.Hybrid, top.Sourcing, "top is %s", top.ID())
	for _, e := range rec.Ranking[:10] {
		s := e.Structure
		assert.NotEqual(t, placement.Organic, s.Model, "organic in the top 10")
		assert.False(t, s.Model == placement.Centralized && s.Home == touchpoint.HR, "centralized HR in the top 10")
	}
	assert.Less(t, best(rec, model(placement.Dandelion)), best(rec, model(placement.Organic)))
	// The "must not" holds with or without a current structure.
	greenfield := multinational()
	greenfield.Current = nil
	for _, e := range recommend(t, greenfield).Ranking[:10] {
		s := e.Structure
		assert.NotEqual(t, placement.Organic, s.Model, "greenfield: organic in the top 10")
		assert.False(t, s.Model == placement.Centralized && s.Home == touchpoint.HR, "greenfield: centralized HR in the top 10")
	}
	assert.Less(t, best(rec, model(placement.Dandelion)), best(rec, model(placement.Centralized)),
		"25 units in 30 countries: a dandelion beats any single central team (Owyang 2013)")
}

// §10.3 — Owyang 2010/2013 (centralized 'great for regulated'); FINRA
// Notices 10-06 and 11-39.
func TestScenarioRegulatedBank(t *testing.T) {
	rec := recommend(t, bank())
	top := rec.Ranking[0].Structure
	assert.Contains(t, []placement.OperatingModel{placement.Centralized, placement.HubAndSpoke}, top.Model)
	assert.Contains(t, []placement.Role{placement.AdvisoryExecuting, placement.Executing}, top.Role, "a governance-strong centre")
	governed := best(rec, func(s placement.Structure) bool {
		return s.Model == placement.Centralized || (s.Model == placement.HubAndSpoke && s.Role == placement.AdvisoryExecuting)
	})
	half := len(rec.Ranking) / 2
	for _, e := range rec.Ranking {
		if e.Structure.Model == placement.Organic || e.Structure.Model == placement.Honeycomb {
			assert.Greater(t, e.Rank, governed)
			assert.Greater(t, e.Rank, half, "%s should be in the bottom half", e.Structure.ID())
		}
	}
	in := placement.Structure{Home: touchpoint.Communications, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}
	ag := in
	ag.Sourcing = placement.Agency
	assert.Less(t, rankOf(rec, in), rankOf(rec, ag), "agency execution is penalised (Resolver/FiercePharma)")
}

// §10.4 — ICMI 2014 (contact centre owns or co-owns social care in 52%);
// Fluss; Gartner (Maoz 2012); Lithium 2013.
func TestScenarioCustomerServiceRetailer(t *testing.T) {
	p := placement.Profile{
		Name: "Retailer", Employees: 15000, BusinessUnits: 3, Countries: 4, SocialStaff: 12,
		Touchpoints: map[touchpoint.ID]int{touchpoint.CustomerSupport: 5, touchpoint.MarketingChannel: 4, touchpoint.SocialListening: 3, touchpoint.CrisisResponse: 2},
	}
	rec := recommend(t, p)
	for _, e := range rec.Ranking[:3] {
		a := assignment(t, e.RACI, touchpoint.CustomerSupport)
		assert.Contains(t, a.Responsible, touchpoint.CustomerService, "%s", e.Structure.ID())
	}
	cenMkt := placement.Structure{Home: touchpoint.Marketing, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}
	assert.Less(t, best(rec, model(placement.HubAndSpoke)), rankOf(rec, cenMkt))
}

// §10.5 — FDA adverse-event duty (listening must reach drug safety);
// Resolver/FiercePharma (agencies miss reportable events).
func TestScenarioPharma(t *testing.T) {
	p := placement.Profile{
		Name: "Pharma", Employees: 20000, BusinessUnits: 5, Countries: 12, Regulation: 5, SocialStaff: 10,
		Touchpoints: map[touchpoint.ID]int{touchpoint.SocialListening: 4, touchpoint.CorporateCommunication: 3, touchpoint.EmployerBranding: 2, touchpoint.CrisisResponse: 3},
	}
	rec := recommend(t, p)
	for _, e := range rec.Ranking[:3] {
		a := assignment(t, e.RACI, touchpoint.SocialListening)
		assert.True(t, a.Accountable == touchpoint.Legal || contains(a.Consulted, touchpoint.Legal),
			"%s: legal/compliance must see listening output", e.Structure.ID())
	}
	for _, e := range rec.Ranking {
		if s := e.Structure; s.Sourcing == placement.Agency {
			twin := s
			twin.Sourcing = placement.InHouse
			assert.Less(t, rankOf(rec, twin), e.Rank, "%s ranks above its in-house twin", s.ID())
		}
	}
}

func contains(ds []touchpoint.Department, d touchpoint.Department) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// §10.6 — GDS Social Media Playbook (government communications run
// social, in-house).
func TestScenarioGovernment(t *testing.T) {
	p := placement.Profile{
		Name: "Government department", Employees: 4000, BusinessUnits: 3, Regulation: 3, SocialStaff: 5,
		Agency: placement.AgencyNone, SignOffLayers: 2,
		Touchpoints: map[touchpoint.ID]int{touchpoint.PublicAffairs: 4, touchpoint.CorporateCommunication: 4, touchpoint.CrisisResponse: 3, touchpoint.InternalCommunication: 3, touchpoint.CustomerSupport: 2},
	}
	rec := recommend(t, p)
	top := rec.Ranking[0].Structure
	assert.Equal(t, touchpoint.Communications, top.Home, "top is %s", top.ID())
	assert.Contains(t, []placement.OperatingModel{placement.Centralized, placement.HubAndSpoke}, top.Model)
	for _, e := range rec.Ranking {
		assert.Equal(t, placement.InHouse, e.Structure.Sourcing, "agency none: in-house only")
	}
}

// §10.7 — Mindjumpers 2010 (most put social under corporate communication;
// begin with a strategic project team); emme.dk (hub anchored in
// communications is the most common form).
func TestScenarioDanishCompany(t *testing.T) {
	p := placement.Profile{
		Name: "Danish manufacturer", Employees: 2500, BusinessUnits: 3, Countries: 5, Maturity: 2, SocialStaff: 3,
		Touchpoints: map[touchpoint.ID]int{
			touchpoint.MarketingChannel: 3, touchpoint.EmployeePolicy: 2, touchpoint.CSRAwareness: 3, touchpoint.CustomerSupport: 2,
			touchpoint.SocialCRM: 2, touchpoint.InternalCommunication: 3, touchpoint.PublicRelations: 3, touchpoint.CorporateCommunication: 3,
		},
	}
	rec := recommend(t, p)
	assert.Equal(t, touchpoint.Communications, rec.Ranking[0].Structure.Home, "top is %s", rec.Ranking[0].Structure.ID())
	require.GreaterOrEqual(t, len(rec.Roadmap), 2)
	first := rec.Roadmap[0].Step + " | " + rec.Roadmap[1].Step
	assert.Contains(t, first, "cross-functional project team")
}

// §10.8 — Forrester B2B (social under marketing); LinkedIn SSI 2014
// (social selling is the sales force's work).
func TestScenarioB2BSalesLed(t *testing.T) {
	p := placement.Profile{
		Name: "B2B industrial", Employees: 3000, BusinessUnits: 4, Countries: 6, SocialStaff: 3,
		Touchpoints: map[touchpoint.ID]int{touchpoint.SocialCRM: 5, touchpoint.MarketingChannel: 3, touchpoint.EmployerBranding: 2, touchpoint.PublicRelations: 1},
	}
	rec := recommend(t, p)
	for _, e := range rec.Ranking[:3] {
		a := assignment(t, e.RACI, touchpoint.SocialCRM)
		assert.Contains(t, a.Responsible, touchpoint.Sales, "%s", e.Structure.ID())
	}
	top := rec.Ranking[0].Structure
	assert.Contains(t, []touchpoint.Department{touchpoint.Marketing, touchpoint.Communications}, top.Home, "top is %s", top.ID())
	assert.Contains(t, []placement.Role{placement.Advisory, placement.AdvisoryExecuting}, top.Role, "top is %s", top.ID())
}

func techFirm(maturity, sponsorship int) placement.Profile {
	return placement.Profile{
		Name: "Tech firm", Employees: 9000, BusinessUnits: 4, Countries: 10, Founded: 2006,
		SocialPriority: 4, SocialStaff: 30, BudgetLevel: 4, Maturity: maturity, ExecutiveSponsorship: sponsorship,
		Silos: 2, DepartmentHarmony: 4, Touchpoints: all(3),
	}
}

// §10.9 — Owyang 2010 (honeycomb for mature, high-trust cultures); Dell
// SMaC U (more than 10,000 employees trained).
func TestScenarioMatureTechFirm(t *testing.T) {
	hi := recommend(t, techFirm(5, 5))
	lo := recommend(t, techFirm(1, 1))
	h := best(hi, model(placement.Honeycomb))
	assert.LessOrEqual(t, h, 10, "honeycomb should be competitive")
	assert.Less(t, h, best(lo, model(placement.Honeycomb)), "maturity and sponsorship raise honeycomb")
}

// §10.10 — Owyang 2010 (coordinated and dandelion models need executive
// support; honeycomb needs leaders who let go); Altimeter 2013 (48% of
// executives not aligned).
func TestScenarioLowSponsorship(t *testing.T) {
	p := placement.Profile{
		Name: "Large, unsponsored", Employees: 30000, BusinessUnits: 8, Countries: 8, SocialStaff: 15,
		ExecutiveSponsorship: 1, Touchpoints: all(2),
	}
	rec := recommend(t, p)
	formal := best(rec, func(s placement.Structure) bool {
		return s.Model == placement.HubAndSpoke || s.Model == placement.Centralized
	})
	assert.Less(t, formal, best(rec, model(placement.Honeycomb)))
	assert.Less(t, formal, best(rec, model(placement.Dandelion)))
}

// §10.11 — Owyang 2013 (leaving organic means cleaning up unmanaged
// accounts); Altimeter readiness 2011 (178 accounts, 49% inventoried).
func TestScenarioFromOrganic(t *testing.T) {
	p := placement.Profile{
		Name: "Sprawling organic", Employees: 7000, BusinessUnits: 5, Countries: 4, SocialStaff: 8,
		Silos: 4, DepartmentHarmony: 2, Touchpoints: all(3),
		Current: &placement.Structure{Home: placement.NoHome, Model: placement.Organic, Role: placement.NoRole, Sourcing: placement.InHouse},
	}
	rec := recommend(t, p)
	top := rec.Ranking[0]
	assert.Equal(t, placement.HubAndSpoke, top.Structure.Model, "top is %s", top.Structure.ID())
	// The inventory comes first (Owyang 2013), as the project team's first
	// task in a firm this size (Mindjumpers 2010: medium and large firms
	// begin with the team), before the policy and the hub.
	first := []string{rec.Roadmap[0].Step, rec.Roadmap[1].Step}
	assert.True(t, strings.HasPrefix(first[0], "Listen and audit") ||
		strings.HasPrefix(first[0], "Form a cross-functional project team") && strings.HasPrefix(first[1], "Listen and audit"), "first steps: %q", first)
	org := rec.Ranking[rankOf(rec, *p.Current)-1]
	assert.Greater(t, top.Values.Get(placement.ChangeEffort), org.Values.Get(placement.ChangeEffort), "the move has a change effort")
}

// §10.12 — Owyang 2013 (a central team is swamped by business-unit
// requests); Wichmann (every reaction needing permission higher up kills
// social); Terpening/Prophet 2015 (shift from centralized to hub-and-spoke).
func TestScenarioSwampedCentralTeam(t *testing.T) {
	p := placement.Profile{
		Name: "Swamped central team", Employees: 12000, BusinessUnits: 6, Countries: 5, SocialStaff: 10,
		SignOffLayers: 4, Maturity: 3, Touchpoints: all(3),
		Current: &placement.Structure{Home: touchpoint.Communications, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse},
	}
	rec := recommend(t, p)
	top := rec.Ranking[0].Structure
	assert.Equal(t, placement.HubAndSpoke, top.Model, "top is %s", top.ID())
	assert.Contains(t, []placement.Role{placement.AdvisoryExecuting, placement.Advisory}, top.Role)
	assert.Greater(t, rankOf(rec, *p.Current), 10, "the status quo should fall well behind")
	var steps []string
	for _, s := range rec.Roadmap {
		steps = append(steps, s.Step)
	}
	joined := strings.Join(steps, "\n")
	assert.Contains(t, joined, "risk-tiered approvals")
	assert.Contains(t, joined, "role from executing")
}

// §10.13 — Attensity on CustomerThink and NetBase (keep engagement
// in-house, buy campaigns); SmartBrief poll (79% in-house).
func TestScenarioSmallCompanyAgencyOpen(t *testing.T) {
	p := placement.Profile{
		Name: "Small company", Employees: 60, SocialStaff: 0, BudgetLevel: 1, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 3, touchpoint.CustomerSupport: 2},
	}
	rec := recommend(t, p)
	hybrid := best(rec, func(s placement.Structure) bool { return s.Sourcing == placement.Hybrid })
	agency := best(rec, func(s placement.Structure) bool { return s.Sourcing == placement.Agency })
	assert.Less(t, hybrid, agency)
}

// §10.14 — MIT SMR 2013 on Nestlé (many brands, dual reporting); Owyang
// 2010 (dandelion for companies within companies and many product lines).
func TestScenarioMultiBrandGroup(t *testing.T) {
	p := placement.Profile{
		Name: "Consumer goods group", Employees: 90000, BusinessUnits: 40, Countries: 60, SocialPriority: 4,
		SocialStaff: 80, BudgetLevel: 4, Maturity: 4, ExecutiveSponsorship: 4, Agency: placement.AgencyCurrent,
		Touchpoints: all(3),
		Current:     &placement.Structure{Home: touchpoint.Marketing, Model: placement.HubAndSpoke, Role: placement.AdvisoryExecuting, Sourcing: placement.Hybrid},
	}
	rec := recommend(t, p)
	assert.LessOrEqual(t, best(rec, model(placement.Dandelion)), 3)
}

// §10.15 — Altimeter 2011 (crises and escalation); Greenpeace vs Nestlé
// KitKat 2010.
func TestScenarioCrisisExposedBrand(t *testing.T) {
	p := placement.Profile{
		Name: "Crisis-exposed brand", Employees: 5000, BusinessUnits: 2, Countries: 3, SocialStaff: 6,
		Touchpoints: map[touchpoint.ID]int{touchpoint.CrisisResponse: 5, touchpoint.CSRAwareness: 4, touchpoint.MarketingChannel: 3, touchpoint.PublicRelations: 3},
	}
	rec := recommend(t, p)
	for _, e := range rec.Ranking[:3] {
		a := assignment(t, e.RACI, touchpoint.CrisisResponse)
		assert.Contains(t, []touchpoint.Department{touchpoint.Communications, touchpoint.PR}, a.Accountable, "%s", e.Structure.ID())
		assert.Contains(t, a.Informed, touchpoint.Executive, "%s: the CEO is informed", e.Structure.ID())
	}
}

// §10.16 — Alonso, Dessein & Matouschek 2008 (a neutral centre pays when
// units are biased and coordination matters); Moede (PRWeek).
func TestScenarioRivalUnits(t *testing.T) {
	base := placement.Profile{
		Name: "Rival units", Employees: 20000, BusinessUnits: 6, Countries: 6, SocialStaff: 15,
		SocialPriority: 4, ExecutiveSponsorship: 4, Touchpoints: all(3),
	}
	calm := base
	calm.Silos, calm.DepartmentHarmony = 2, 4
	feud := base
	feud.Silos, feud.DepartmentHarmony = 5, 1
	exec := func(s placement.Structure) bool { return s.Home == touchpoint.Executive }
	f, c := best(recommend(t, feud), exec), best(recommend(t, calm), exec)
	assert.LessOrEqual(t, f, 5, "a neutral executive hub is competitive when units feud")
	assert.Less(t, f, c)
}

// Calibration scenarios: one organisation (the what-if baseline of
// examples/scenarios) varied along one profile fact at a time. Each checks
// the direction domain.md gives for that fact, not exact scores.

func baseline() placement.Profile {
	return placement.Profile{
		Name: "Baseline", Employees: 1500, BusinessUnits: 2, Countries: 2, SocialPriority: 3, SocialStaff: 2,
		BudgetLevel: 3, SignOffLayers: 1, Silos: 3, DepartmentHarmony: 3, Regulation: 2, Maturity: 3,
		ExecutiveSponsorship: 3, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4, touchpoint.CustomerSupport: 3,
			touchpoint.EmployerBranding: 2, touchpoint.CrisisResponse: 2, touchpoint.CorporateCommunication: 2},
	}
}

func sized(employees, units, countries int, staff float64) placement.Profile {
	p := baseline()
	p.Employees, p.BusinessUnits, p.Countries, p.SocialStaff = employees, units, countries, staff
	return p
}

// domain.md §3 (employees: "<250 no dedicated team expected"; small →
// centralized or organic, one person, agency help); §1.2 (organic fits the
// very early stage, centralized the small single-country firm: Owyang 2010,
// Shiv Singh); Altimeter 2011 budgets (novice = 3.1 FTE, centralized);
// Wildfire 2013 (37.6% of smaller firms use agencies).
func TestScenarioSmallFirmStartsSmall(t *testing.T) {
	rec := recommend(t, sized(40, 1, 1, 0.5))
	top := rec.Ranking[0].Structure
	assert.Contains(t, []placement.OperatingModel{placement.Organic, placement.Centralized}, top.Model, "top is %s", top.ID())
	// About 0.4 FTE of work for 40 employees: the half FTE covers it, so
	// in-house is the usual answer (SmartBrief: 79% in-house; Wildfire 2013:
	// only 37.6% of smaller firms use agencies at all); never a full agency.
	assert.NotEqual(t, placement.Agency, top.Sourcing, "top is %s", top.ID())
	small := best(rec, func(s placement.Structure) bool {
		return s.Model == placement.Organic || s.Model == placement.Centralized
	})
	assert.Less(t, small, best(rec, model(placement.HubAndSpoke)))
	assert.Greater(t, best(rec, model(placement.Dandelion)), 20, "no dandelion near the top for 40 employees")
	assert.Greater(t, best(rec, model(placement.Honeycomb)), 20, "no honeycomb near the top for 40 employees")
}

// domain.md §3 (employees >5,000 → hub needed; ≥3 units → hub-and-spoke over
// centralized; ≥8 units or ≥10 countries → dandelion competitive [J]); §1.2
// (Owyang 2010: hub-and-spoke for mid/large firms, dandelion for companies
// within companies; Owyang 2013: a central team is swamped by business-unit
// requests); Altimeter 2013 (dandelion the growth area, 18% → 23.6%).
func TestScenarioSizeLadder(t *testing.T) {
	ladder := []placement.Profile{sized(40, 1, 1, 0.5), sized(1500, 2, 2, 2), sized(12000, 8, 10, 8), sized(60000, 25, 30, 30)}
	var recs []*placement.Recommendation
	for _, p := range ladder {
		recs = append(recs, recommend(t, p))
	}
	assert.Equal(t, placement.HubAndSpoke, recs[2].Ranking[0].Structure.Model, "12,000 employees in 8 units: %s", recs[2].Ranking[0].Structure.ID())
	assert.Equal(t, placement.Dandelion, recs[3].Ranking[0].Structure.Model, "60,000 employees in 25 units and 30 countries: %s", recs[3].Ranking[0].Structure.ID())
	dan := recs[2].Ranking[best(recs[2], model(placement.Dandelion))-1]
	assert.Less(t, recs[2].Ranking[0].Score-dan.Score, 0.05, "8 units in 10 countries: dandelion competitive (%s)", dan.Structure.ID())
	for i := 1; i < len(recs); i++ {
		assert.LessOrEqual(t, best(recs[i], model(placement.Dandelion)), best(recs[i-1], model(placement.Dandelion)),
			"dandelion climbs with size and spread (%s)", ladder[i].Name)
		assert.GreaterOrEqual(t, best(recs[i], model(placement.Centralized)), best(recs[i-1], model(placement.Centralized)),
			"a single central team falls with size and spread")
	}
	// The change of model is a real decision, not a coin toss between twins:
	// the winner leads the best structure of any other model clearly at
	// 40 and 12,000 employees. At 1,500 employees in two units a small
	// central team and a hub are both what §3 describes (1,000–5,000: a
	// small central team; three or more units: a hub), and at 25 units in
	// 30 countries hub-and-spoke and dandelion are both common among large
	// firms (Altimeter 2013: 35% and 23.6%), so there a smaller lead is
	// honest.
	minLead := []float64{0.02, 0, 0.02, 0.005}
	for i, rec := range recs {
		top := rec.Ranking[0]
		for _, e := range rec.Ranking {
			if e.Structure.Model != top.Structure.Model {
				assert.Greater(t, top.Score-e.Score, minLead[i], "step %d: %s vs %s", i, top.Structure.ID(), e.Structure.ID())
				break
			}
		}
	}
	assert.Contains(t, []placement.OperatingModel{placement.Centralized, placement.HubAndSpoke}, recs[1].Ranking[0].Structure.Model)
}

// domain.md §1.2 (honeycomb fits mature, high-trust cultures; rare because
// leaders don't trust employees and training is missing — Owyang via
// CMSWire); Altimeter 2010/2013 (holistic 1.4% → ≈2.5% of firms); §3
// maturity (high → dandelion/honeycomb).
func TestScenarioHoneycombNeedsMaturity(t *testing.T) {
	assert.Greater(t, best(recommend(t, baseline()), model(placement.Honeycomb)), 10, "maturity 3: honeycomb not in the top 10")
	mature := techFirm(5, 5)
	middling := techFirm(3, 3)
	assert.Less(t, best(recommend(t, mature), model(placement.Honeycomb)), best(recommend(t, middling), model(placement.Honeycomb)))
	assert.Greater(t, best(recommend(t, middling), model(placement.Honeycomb)), 5, "a middling tech firm is not yet a honeycomb")
}

// domain.md §3 regulation (high → centralized or hub-and-spoke with strong
// central governance; against organic, honeycomb and agency execution):
// Owyang 2010/2013 ("great for regulated"); FINRA 10-06/11-39; Brandle.
func TestScenarioRegulationPushesGovernance(t *testing.T) {
	lo, hi := baseline(), baseline()
	lo.Regulation, hi.Regulation = 1, 5
	rl, rh := recommend(t, lo), recommend(t, hi)
	top := rh.Ranking[0].Structure
	assert.Contains(t, []placement.OperatingModel{placement.Centralized, placement.HubAndSpoke}, top.Model, "top is %s", top.ID())
	assert.Contains(t, []placement.Role{placement.Executing, placement.AdvisoryExecuting}, top.Role, "a centre that holds the approval path: %s", top.ID())
	assert.NotEqual(t, placement.Agency, top.Sourcing)
	// Regulation lifts the central team: it climbs or, where it comes first
	// even without regulation, its lead over every other operating model
	// grows. Since model version 7 (values on the fixed scale) this
	// baseline, 1,500 employees in two units and two countries, gets a
	// central team first at regulation 1 too (by 0.001 over a hub), as the
	// size band expects: 1,000–5,000 employees a small central team
	// (Altimeter 2013), centralised for firms in fewer than three units or
	// markets (Shiv Singh).
	if best(rl, model(placement.Centralized)) == 1 {
		assert.Equal(t, 1, best(rh, model(placement.Centralized)), "regulation keeps the central team first")
		assert.Greater(t, centralLead(rh), centralLead(rl), "regulation widens the central team's lead")
	} else {
		assert.Less(t, best(rh, model(placement.Centralized)), best(rl, model(placement.Centralized)), "regulation lifts the central team")
	}
	assert.LessOrEqual(t, best(rh, model(placement.Centralized)), 5, "regulation 5: a centralized team is a close alternative")
	for _, m := range []placement.OperatingModel{placement.Organic, placement.Honeycomb} {
		assert.Greater(t, best(rh, model(m)), best(rl, model(m)), "regulation pushes %s down", m)
		assert.Greater(t, best(rh, model(m)), len(rh.Ranking)/2, "regulation 5: %s in the bottom half", m)
	}
}

// domain.md §3 sign_off_layers (more layers → penalise executing/centralized
// on agility; favour an advisory role with pre-approved guidance):
// Symphonio 2017; Wichmann (Maersk Line); Ordinal/Mydrop (>3 sign-offs for a
// routine post is a bottleneck).
func TestScenarioSignOffLayersFavourAdvisory(t *testing.T) {
	few, many := baseline(), baseline()
	few.SignOffLayers, many.SignOffLayers = 0, 4
	rf, rm := recommend(t, few), recommend(t, many)
	assert.Contains(t, []placement.Role{placement.Advisory, placement.Coordinating}, rm.Ranking[0].Structure.Role, "top is %s", rm.Ranking[0].Structure.ID())
	assert.Greater(t, best(rm, model(placement.Centralized)), best(rf, model(placement.Centralized)), "layers push the central team down")
	executes := func(s placement.Structure) bool { return s.Role == placement.Executing }
	assert.Greater(t, best(rm, executes), best(rf, executes))
}

// domain.md §3 social_priority (high → dedicated team, higher reporting
// level, possibly an own unit; low → light coordination): Mindjumpers 2010
// (own unit for some large firms); Hinchcliffe/ZDNet; Li & Solis 2013.
func TestScenarioPriorityRaisesOwnUnit(t *testing.T) {
	lo, hi := baseline(), baseline()
	lo.SocialPriority, hi.SocialPriority = 1, 5
	rl, rh := recommend(t, lo), recommend(t, hi)
	exec := func(s placement.Structure) bool { return s.Home == touchpoint.Executive }
	// "Close" is measured by score, not rank: twins of the winner (other
	// homes, roles, sourcing) crowd the ranks just below it.
	own := rh.Ranking[best(rh, exec)-1]
	assert.Less(t, rh.Ranking[0].Score-own.Score, 0.02, "priority 5: an own unit is a close alternative (%s)", own.Structure.ID())
	assert.Greater(t, best(rl, exec), 10, "priority 1: no own unit near the top")
	assert.Less(t, best(rl, model(placement.Centralized)), best(rh, model(placement.Centralized)), "low priority favours the lighter central team")
}

// domain.md §3 (employees: 250–1,000 one owner) and §5 (low maturity:
// centralized or a project team first; Owyang 2013: most companies start
// formally centralized): a 250-employee, single-unit, single-country firm
// at maturity 1 gets one owner, not a hub, whatever its staff and budget.
func TestScenarioNoHubAt250(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	for _, staff := range []float64{0, 1, 3, 10} {
		for _, budget := range []int{1, 3, 5} {
			p := sized(250, 1, 1, staff)
			p.Maturity, p.BudgetLevel = 1, budget
			rec, err := r.Recommend(t.Context(), p)
			require.NoError(t, err)
			top := rec.Ranking[0].Structure
			assert.Contains(t, []placement.OperatingModel{placement.Centralized, placement.Organic}, top.Model,
				"staff %g, budget %d: %s", staff, budget, top.ID())
			assert.Less(t, best(rec, model(placement.Centralized)), best(rec, model(placement.HubAndSpoke)))
		}
	}
}
