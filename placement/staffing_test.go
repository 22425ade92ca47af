package placement_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// midProfile is the mid profile of a size band: the directions table's
// touchpoint mix (seven touchpoints, activity 17) at the band's typical
// size, units and countries, with average priority, budget and maturity
// and enough staff that the structure is not set aside for a shortfall.
func midProfile(employees, units, countries int) placement.Profile {
	return placement.Profile{
		Name: "band", Employees: employees, BusinessUnits: units, Countries: countries, Founded: 1990,
		SocialPriority: 3, SocialStaff: 100, BudgetLevel: 3, SignOffLayers: 1, Regulation: 2, Maturity: 3,
		ExecutiveSponsorship: 3, Agency: placement.AgencyNone,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4, touchpoint.CustomerSupport: 3,
			touchpoint.SocialListening: 3, touchpoint.EmployerBranding: 2, touchpoint.CorporateCommunication: 2,
			touchpoint.CrisisResponse: 2, touchpoint.InternalCommunication: 1},
	}
}

// TestStaffingBySizeBand checks the recommended structure's FTE for the
// mid profile of each size band against the published team sizes, within
// the stated tolerance:
//
//   - below 250 employees no dedicated team is expected, and most teams are
//     1–3 people with 42% one person (Ragan/NASDAQ 2013): at most 1.5 FTE;
//   - 250–1,000 employees, one owner: 0.5–3 FTE (Ragan 2013);
//   - 1,000–5,000 employees ≈ 3 FTE (Altimeter 2013, Li & Solis, via Drake
//     Cooper): within ×/÷ 1.6, 1.9–4.8 FTE;
//   - 5,000–10,000 employees ≈ 20 FTE (same source): the benchmark file's
//     in-line range, 12–28 FTE. The workload alone gave about 7 FTE here;
//     the centre of excellence a hub-sized organisation staffs
//     (staff.coe-core) carries the published jump from ≈3 to ≈20;
//   - 10,000–100,000 employees: not published; between the neighbouring
//     bands, 20–49 FTE (the benchmark file's interpolated row);
//   - over 100,000 employees ≈ 49 core FTE (same source): ±30%, 34–64 FTE.
func TestStaffingBySizeBand(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	for _, band := range []struct {
		name                        string
		employees, units, countries int
		low, high                   float64
	}{
		{"<250", 150, 1, 1, 0, 1.5},
		{"250–1,000", 600, 1, 1, 0.5, 3},
		{"1,000–5,000", 2500, 2, 2, 1.9, 4.8},
		{"5,000–10,000", 7500, 3, 5, 12, 28},
		{"10,000–100,000", 30000, 8, 12, 20, 49},
		{">100,000", 150000, 20, 40, 34, 64},
	} {
		rec, err := r.Recommend(t.Context(), midProfile(band.employees, band.units, band.countries))
		require.NoError(t, err)
		top := rec.Ranking[0]
		assert.GreaterOrEqual(t, top.Staffing.FTE, band.low, "%s: %s needs %.1f FTE", band.name, top.Structure.ID(), top.Staffing.FTE)
		assert.LessOrEqual(t, top.Staffing.FTE, band.high, "%s: %s needs %.1f FTE", band.name, top.Structure.ID(), top.Staffing.FTE)
		assert.Less(t, top.Staffing.Low, top.Staffing.FTE)
		assert.Greater(t, top.Staffing.High, top.Staffing.FTE)
		assert.Contains(t, top.Staffing.Basis(), "FTE")
	}
}

// TestStaffingNovice: a novice programme (maturity 1) at 1,000–5,000
// employees is centralized on about 3.1 FTE (Owyang & Li 2011, Altimeter
// budgets report): within ×/÷ 1.6.
func TestStaffingNovice(t *testing.T) {
	p := midProfile(2500, 1, 1)
	p.Maturity, p.SocialStaff, p.Agency = 1, 3, placement.AgencyOpen
	rec, err := placement.Recommend(t.Context(), p, placement.Options{Detail: 1})
	require.NoError(t, err)
	top := rec.Ranking[0]
	assert.Equal(t, placement.Centralized, top.Structure.Model, top.Structure.ID())
	assert.InDelta(t, 3.1, top.Staffing.FTE, 1.9, top.Staffing.Basis())
}

// TestStaffingEveryStructure: every ranked structure carries its staffing,
// and the staffing grows with the work: more activity, more employees,
// more units, more priority never lower the estimate (no cap).
func TestStaffingEveryStructure(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	fte := func(p placement.Profile) map[string]float64 {
		rec, err := r.Recommend(t.Context(), p)
		require.NoError(t, err)
		out := map[string]float64{}
		for _, e := range rec.Ranking {
			assert.NotEmpty(t, e.Staffing.Basis(), e.Structure.ID())
			assert.False(t, e.Staffing.FTE < 0, e.Structure.ID())
			out[e.Structure.ID()] = e.Staffing.FTE
		}
		return out
	}
	base := midProfile(3000, 2, 2)
	b := fte(base)
	for name, change := range map[string]func(*placement.Profile){
		"employees":  func(p *placement.Profile) { p.Employees = 300000 },
		"units":      func(p *placement.Profile) { p.BusinessUnits = 20 },
		"countries":  func(p *placement.Profile) { p.Countries = 30 },
		"priority":   func(p *placement.Profile) { p.SocialPriority = 5 },
		"activity":   func(p *placement.Profile) { p.Touchpoints[touchpoint.CustomerSupport] = 5 },
		"touchpoint": func(p *placement.Profile) { p.Touchpoints[touchpoint.SocialCRM] = 3 },
	} {
		p := base.Clone()
		change(&p)
		for id, x := range fte(p) {
			assert.GreaterOrEqual(t, x, b[id], "%s: %s", name, id)
		}
	}
	// No cap: a dandelion keeps growing with the organisation. Units and
	// countries count with diminishing returns (staff.unit-exponent), so
	// 1,000,000 employees in 60 units and 90 countries need about 85 FTE;
	// ten times the head count needs well over 100.
	huge := base.Clone()
	huge.Employees, huge.BusinessUnits, huge.Countries = 1000000, 60, 90
	hugeFTE := fte(huge)
	huger := huge.Clone()
	huger.Employees = 10000000
	n := 0
	for id, x := range fte(huger) {
		if id[:3] == "dan" {
			n++
			assert.Greater(t, x, 100.0, "no cap: %s", id)
			assert.Greater(t, x, 1.5*hugeFTE[id], "no cap: %s", id)
		}
	}
	assert.Positive(t, n)
}

// TestStaffingCentreOfExcellence: from staff.coe-from employees (5,000,
// where the published team size jumps from about 3 to about 20 FTE) every
// structure with a central team names a centre of excellence
// (staff.coe-core), a centralized team too (its community management,
// analysis and measurement); below it none does, nor does organic.
func TestStaffingCentreOfExcellence(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	basis := func(employees int) map[placement.OperatingModel]string {
		rec, err := r.Recommend(t.Context(), midProfile(employees, 1, 1))
		require.NoError(t, err)
		out := map[placement.OperatingModel]string{}
		for _, e := range rec.Ranking {
			if _, ok := out[e.Structure.Model]; !ok {
				out[e.Structure.Model] = e.Staffing.Basis()
			}
		}
		return out
	}
	big := basis(5000)
	require.Contains(t, big, placement.HubAndSpoke)
	require.Contains(t, big, placement.Centralized)
	assert.Contains(t, big[placement.HubAndSpoke], "centre of excellence")
	assert.Contains(t, big[placement.Centralized], "centre of excellence")
	if o, ok := big[placement.Organic]; ok {
		assert.NotContains(t, o, "centre of excellence")
	}
	small := basis(4999)
	require.Contains(t, small, placement.HubAndSpoke)
	for m, b := range small {
		assert.NotContains(t, b, "centre of excellence", m)
	}
}

// Work on a touchpoint its owner keeps whatever the structure (customer
// care with customer service) is the owner's in the staffing as in the
// responsibility map: a centralized team's own part does not grow with
// customer-support activity, only the departments' part does.
func TestStaffingLeavesOwnerKeptWorkToTheOwner(t *testing.T) {
	cen := placement.Structure{Home: touchpoint.Communications, Model: placement.Centralized, Role: placement.AdvisoryExecuting, Sourcing: placement.InHouse}
	central := func(care int) (float64, string) {
		p := placement.Profile{Name: "insurer", Employees: 2000, SocialStaff: 2, Regulation: 4,
			Touchpoints: map[touchpoint.ID]int{"marketing-channel": 3, "corporate-communication": 3, "customer-support": care}}
		rec, err := placement.Recommend(t.Context(), p, placement.Options{Candidates: []placement.Structure{cen}})
		require.NoError(t, err)
		e := rec.Ranking[0]
		for _, a := range e.RACI {
			if a.Touchpoint == "customer-support" {
				assert.Equal(t, touchpoint.CustomerService, a.Accountable, "the case needs care kept by customer service")
			}
		}
		basis := e.Staffing.Basis()
		var centre float64
		if _, err := fmt.Sscanf(basis[strings.Index(basis, "), ")+3:], "%g of it done by the central team", &centre); err != nil {
			// No departments' part: all of the work is the centre's.
			require.Contains(t, basis, "all of it done by the central team", basis)
			_, err := fmt.Sscanf(basis[strings.Index(basis, ": ")+2:], "%g FTE of work", &centre)
			require.NoError(t, err, basis)
		}
		return centre, basis
	}
	c0, b0 := central(0)
	c5, b5 := central(5)
	assert.InDelta(t, c0, c5, 0.05, "the central team's part moves with care it does not do:\n%s\n%s", b0, b5)
	assert.Contains(t, b5, "by the departments", b5)
}
