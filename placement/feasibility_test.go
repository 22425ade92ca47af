package placement

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/touchpoint"
)

// TestDandelionBelowThresholdNeverFirst: feasibility before preference. A
// dandelion needs companies within companies — about eight business units
// with their own P&L or ten countries (dandelion.units,
// dandelion.countries; Owyang 2010) — and below that it lacks a step of
// its gate (gate.dandelion.spread), so maturity, sponsorship and priority
// cannot carry it to first place beside a weakness saying the units are
// too few. The reviewer's case: a 1,200-employee media firm in 4 units,
// maturity, sponsorship and priority 5, got a dandelion first with "4
// business units in 3 countries are too few for a hub in every unit".
func TestDandelionBelowThresholdNeverFirst(t *testing.T) {
	t.Parallel()
	r, err := NewRecommender(Config{})
	require.NoError(t, err)
	media := Profile{Name: "Pulse Media", Employees: 1200, BusinessUnits: 4, Countries: 3, Founded: 2009,
		SocialPriority: 5, SocialStaff: 25, BudgetLevel: 5, SignOffLayers: 0, Silos: 2, DepartmentHarmony: 4,
		Regulation: 1, Maturity: 5, ExecutiveSponsorship: 5, Agency: AgencyNone,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 5, "public-relations": 4, touchpoint.CustomerSupport: 3,
			"social-listening": 5, touchpoint.CrisisResponse: 4, touchpoint.EmployerBranding: 3, "internal-communication": 3}}
	profiles := []Profile{media}
	for _, c := range []int{1, 9} {
		p := media
		p.Countries = c
		profiles = append(profiles, p)
	}
	profiles = append(profiles, gridProfiles()...)
	firsts := 0
	for _, p := range profiles {
		rec, err := r.Recommend(t.Context(), p)
		require.NoError(t, err, p.Name)
		f := newFacts(rec.Profile, r.tps, &r.cm.k)
		top := rec.Ranking[0]
		if top.Structure.Model != Dandelion {
			continue
		}
		firsts++
		assert.False(t, tooFewUnits(&f), "%s (%d units, %d countries, %d employees): a dandelion first below its threshold",
			p.Name, p.BusinessUnits, p.Countries, p.Employees)
		for _, w := range top.Weaknesses {
			assert.False(t, strings.Contains(w, "too few for a hub") || strings.Contains(w, "too small for a hub"), "%s: %q", p.Name, w)
		}
	}
	assert.Positive(t, firsts, "the grid has organisations a dandelion fits")

	// Below the threshold the reason is told, where the structure is
	// explained, in one sentence.
	rec, err := r.WithOptions(Options{Detail: len(r.candidates)}).Recommend(t.Context(), media)
	require.NoError(t, err)
	i := slices.IndexFunc(rec.Ranking, func(e Ranked) bool { return e.Structure.Model == Dandelion })
	require.GreaterOrEqual(t, i, 0)
	assert.Contains(t, rec.Ranking[i].Weaknesses, "4 business units in 3 countries are too few for a hub in every unit")
}
