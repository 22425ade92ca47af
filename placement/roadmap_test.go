package placement

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/touchpoint"
)

// railProfile is the reviewer's operator with every governance practice
// answered (nil: left unstated) and no structure stated for today.
func railProfile(g Governance) Profile {
	return Profile{
		Name: "Nordic Rail", Employees: 6000, BusinessUnits: 3, Countries: 2, SocialStaff: 6, Regulation: 4, ExecutiveSponsorship: 2,
		Touchpoints: map[touchpoint.ID]int{touchpoint.CustomerSupport: 4, touchpoint.CrisisResponse: 3, touchpoint.CorporateCommunication: 3, touchpoint.MarketingChannel: 2},
		Governance:  g,
	}
}

func roadmapText(rec *Recommendation) (steps []string, all string) {
	var b strings.Builder
	for _, s := range rec.Roadmap {
		steps = append(steps, s.Step)
		b.WriteString(s.Step + "\n" + s.Why + "\n")
	}
	return steps, b.String()
}

// stepIndex is the position of the first step starting with prefix, -1
// if none does.
func stepIndex(steps []string, prefix string) int {
	return slices.IndexFunc(steps, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

// Practices the checklist answers Yes are not built again: no audit for
// an inventory in place, no sponsor to win when one is named, no crisis
// plan, archiving or first training to set up; what the change of
// structure touches is adapted in one step. Answered No (or not stated),
// today's steps stay.
func TestRoadmapBuildsOnlyTheGovernanceMissing(t *testing.T) {
	yes := Governance{Policy: Yes, CrisisPlan: Yes, AccountInventory: Yes, Archiving: Yes, Training: Yes, ExecutiveSponsor: Yes}
	no := Governance{Policy: No, CrisisPlan: No, AccountInventory: No, Archiving: No, Training: No, ExecutiveSponsor: No}
	build := []string{
		"Listen and audit",
		"Win an executive sponsor",
		"Write or refresh the employee social media policy",
		"Set up a crisis and escalation plan",
		"Put pre-approval",
		"Train ",
	}
	for _, tc := range []struct {
		name string
		g    Governance
	}{{"all yes", yes}, {"all no", no}, {"unstated", Governance{}}} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Recommend(context.Background(), railProfile(tc.g), Options{})
			require.NoError(t, err)
			require.NotEqual(t, Organic, rec.Ranking[0].Structure.Model, "the case needs a formal target")
			steps, all := roadmapText(rec)
			for _, b := range build {
				if tc.g == yes {
					assert.Equal(t, -1, stepIndex(steps, b), "%q builds what is in place:\n%s", b, all)
				} else {
					assert.GreaterOrEqual(t, stepIndex(steps, b), 0, "%q is missing:\n%s", b, all)
				}
			}
			adapt := stepIndex(steps, "Adapt the governance already in place")
			if tc.g != yes {
				assert.Equal(t, -1, adapt, all)
				return
			}
			require.GreaterOrEqual(t, adapt, 0, all)
			for _, s := range []string{"policy", "crisis plan", "regulated content"} {
				assert.Contains(t, steps[adapt], s)
			}
			// The sponsor is named but weak (2/5): asked to back the
			// change, not won again; and the team works under it.
			back := stepIndex(steps, "Make sure your executive sponsor actively backs the change")
			team := stepIndex(steps, "Form a cross-functional project team")
			require.GreaterOrEqual(t, back, 0, all)
			require.Greater(t, team, back, all)
			assert.Contains(t, steps[team], "under your executive sponsor")
			// Trained departments are retrained for their new work only.
			assert.GreaterOrEqual(t, stepIndex(steps, "Refresh the training of"), 0, all)
			for _, st := range rec.Roadmap {
				assert.Empty(t, st.Closes, "nothing is missing: %s", st.Step)
			}
		})
	}
}

// Keeping today's structure with every practice in place adds nothing to
// adapt or retrain.
func TestRoadmapKeepWithGovernanceInPlace(t *testing.T) {
	p := railProfile(Governance{Policy: Yes, CrisisPlan: Yes, AccountInventory: Yes, Archiving: Yes, Training: Yes, ExecutiveSponsor: Yes})
	p.ExecutiveSponsorship = 4
	rec, err := Recommend(context.Background(), p, Options{})
	require.NoError(t, err)
	top := rec.Ranking[0].Structure
	p.Current = &top
	rec, err = Recommend(context.Background(), p, Options{})
	require.NoError(t, err)
	require.Equal(t, top, rec.Ranking[0].Structure)
	steps, all := roadmapText(rec)
	assert.True(t, strings.HasPrefix(steps[0], "Keep today's structure"), all)
	for _, b := range []string{"Adapt the governance", "Refresh the training", "Train ", "Set up a crisis", "Put pre-approval", "Listen and audit"} {
		assert.Equal(t, -1, stepIndex(steps, b), "%q:\n%s", b, all)
	}
}

// A sponsor to win comes before the project team that works under it,
// never after a team formed "with an executive sponsor".
func TestRoadmapSponsorBeforeTeam(t *testing.T) {
	for _, g := range []Governance{{}, {ExecutiveSponsor: No}} {
		rec, err := Recommend(context.Background(), railProfile(g), Options{})
		require.NoError(t, err)
		steps, all := roadmapText(rec)
		win := stepIndex(steps, "Win an executive sponsor")
		team := stepIndex(steps, "Form a cross-functional project team")
		require.GreaterOrEqual(t, win, 0, all)
		require.Greater(t, team, win, all)
		assert.Contains(t, steps[team], "under that sponsor", all)
		assert.NotContains(t, steps[team], "with an executive sponsor", all)
	}
}

// With no structure stated for today, a programme whose stated maturity
// or social staff show a formal set-up is not told that it leaves an
// informal one, nor that it has no group steering the change; a profile
// that shows none keeps the organic start.
func TestRoadmapUnstatedCurrentOfAFormalProgramme(t *testing.T) {
	media := Profile{
		Name: "Pulse Media", Employees: 1200, BusinessUnits: 4, Countries: 3, SocialPriority: 5, SocialStaff: 25, BudgetLevel: 5,
		Silos: 2, DepartmentHarmony: 4, Regulation: 1, Maturity: 5, ExecutiveSponsorship: 5, Agency: AgencyNone,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 5, touchpoint.PublicRelations: 4, touchpoint.CustomerSupport: 3,
			touchpoint.SocialListening: 5, touchpoint.CrisisResponse: 4, touchpoint.EmployerBranding: 3, touchpoint.InternalCommunication: 3},
	}
	retail := Profile{
		Name: "OmniMart", Employees: 150000, BusinessUnits: 12, Countries: 25, SocialPriority: 4, SocialStaff: 60, BudgetLevel: 4,
		SignOffLayers: 2, Regulation: 2, Maturity: 4, ExecutiveSponsorship: 4, Agency: AgencyCurrent, Touchpoints: all3(),
	}
	staffOnly := Profile{Name: "Staffed", Employees: 3000, SocialStaff: 4, Touchpoints: all3()}
	for _, p := range []Profile{media, retail, staffOnly} {
		rec, err := Recommend(context.Background(), p, Options{})
		require.NoError(t, err)
		steps, all := roadmapText(rec)
		assert.NotContains(t, all, "Leaving an informal set-up", p.Name)
		if team := stepIndex(steps, "Form a cross-functional project team"); team >= 0 {
			assert.Contains(t, steps[team], "if there is one", p.Name)
		}
	}
	// Nothing shows a formal programme: the organic start is kept.
	rec, err := Recommend(context.Background(), Profile{Name: "Plain", Employees: 3000, Touchpoints: all3()}, Options{})
	require.NoError(t, err)
	_, all := roadmapText(rec)
	assert.Contains(t, all, "Leaving an informal set-up")
}

func all3() map[touchpoint.ID]int {
	m := map[touchpoint.ID]int{}
	for _, id := range touchpoint.DefaultCatalog().IDs() {
		m[id] = 3
	}
	return m
}

// A recommendation beyond what the maturity stage carries says so, and
// its roadmap reaches it through the model the stage does carry: the
// reviewer's manufacturer (stage Testing: organic or centralized) gets a
// hub-and-spoke through a central team first.
func TestRoadmapBeyondTheStage(t *testing.T) {
	p := Profile{
		Name: "Kessler Industrial", Employees: 5000, BusinessUnits: 6, Countries: 8, SocialPriority: 3, SocialStaff: 4, BudgetLevel: 3,
		SignOffLayers: 2, Silos: 4, DepartmentHarmony: 2, Regulation: 2, Maturity: 2, ExecutiveSponsorship: 3, Agency: AgencyCurrent,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 3, touchpoint.SocialCRM: 4, touchpoint.EmployerBranding: 3,
			touchpoint.CorporateCommunication: 3, touchpoint.CustomerSupport: 2, touchpoint.CrisisResponse: 2},
	}
	rec, err := Recommend(context.Background(), p, Options{})
	require.NoError(t, err)
	top := rec.Ranking[0].Structure
	require.Equal(t, HubAndSpoke, top.Model, "the case needs a hub-and-spoke")
	require.Equal(t, "testing", rec.Stage.Stage.ID)
	fit := rec.Stage.Fit
	require.NotNil(t, fit)
	assert.Equal(t, StageFit{Model: HubAndSpoke, From: "Coordinating", Via: Centralized,
		Needs: []string{"a written social media policy", "an inventory of the organisation's accounts", "a crisis and escalation plan"}}, *fit)
	sentence := rec.Stage.FitSentence()
	assert.Contains(t, sentence, "the recommended model, hub-and-spoke, goes beyond them")
	assert.Contains(t, sentence, "starts with a centralized team")

	steps, all := roadmapText(rec)
	first := stepIndex(steps, "Start with a centralized team in Communications")
	move := stepIndex(steps, "Move to the target structure once the programme reaches the Coordinating stage")
	require.GreaterOrEqual(t, first, 0, all)
	require.Greater(t, move, first, all)
	assert.Equal(t, -1, stepIndex(steps, "Stand up the target structure"), all)
	for _, need := range fit.Needs {
		assert.Contains(t, steps[move], need)
	}

	// Today's structure already the transitional one: no second central
	// team, only the move once the stage is reached.
	cen := Structure{Home: touchpoint.Communications, Model: Centralized, Role: AdvisoryExecuting, Sourcing: InHouse}
	p.Current = &cen
	rec, err = Recommend(context.Background(), p, Options{})
	require.NoError(t, err)
	require.Equal(t, HubAndSpoke, rec.Ranking[0].Structure.Model)
	assert.Zero(t, rec.Stage.Fit.Via)
	steps, all = roadmapText(rec)
	assert.Equal(t, -1, stepIndex(steps, "Start with"), all)
	assert.GreaterOrEqual(t, stepIndex(steps, "Move to the target structure once"), 0, all)

	// A model the stage carries: said in one sentence, built directly.
	p.Current, p.Maturity = nil, 3
	p.Governance = Governance{Policy: Yes, AccountInventory: Yes, CrisisPlan: Yes}
	rec, err = Recommend(context.Background(), p, Options{})
	require.NoError(t, err)
	require.Equal(t, "coordinating", rec.Stage.Stage.ID)
	require.Contains(t, rec.Stage.Stage.Carries, rec.Ranking[0].Structure.Model)
	assert.True(t, rec.Stage.Fit.Carried)
	assert.Contains(t, rec.Stage.FitSentence(), "is one of them")
	steps, all = roadmapText(rec)
	assert.GreaterOrEqual(t, stepIndex(steps, "Stand up the target structure"), 0, all)

	// Diagnose alone knows no recommendation.
	assert.Nil(t, DefaultMaturityModel().Diagnose(p).Fit)
}

func TestMaturityModelNeedsCarriesSource(t *testing.T) {
	m := DefaultMaturityModel()
	m.CarriesSource = ""
	err := m.Validate()
	require.ErrorIs(t, err, ErrMissing)
	assert.Contains(t, err.Error(), "carries_source")
}

// Strong sponsorship implies a named sponsor: the maturity section does
// not ask to confirm one next to "sponsorship 5 of 5", the checklist does
// not ask for one, and the roadmap's team works under it. A stated answer
// still wins, and middling sponsorship implies nothing.
func TestStrongSponsorshipImpliesASponsor(t *testing.T) {
	m := DefaultMaturityModel()
	p := consultProfile(3000)
	p.Maturity, p.SocialStaff, p.BudgetLevel, p.ExecutiveSponsorship = 5, 30, 4, 5
	d := m.Diagnose(p)
	assert.Equal(t, "empowering", d.Stage.ID)
	assert.NotContains(t, d.Unconfirmed, "a named executive sponsor")
	assert.Contains(t, d.Evidence, "in place: a named executive sponsor (implied by executive sponsorship 5 of 5)")
	for _, g := range m.Gaps(p) {
		assert.NotEqual(t, "executive-sponsor", g.Practice.ID)
	}

	p.Governance.ExecutiveSponsor = No
	d = m.Diagnose(p)
	assert.Contains(t, d.Evidence, "missing: a named executive sponsor (the Scaling and optimising stage needs it)")

	p.Governance.ExecutiveSponsor, p.ExecutiveSponsorship = Unknown, 3
	d = m.Diagnose(p)
	assert.Contains(t, d.Unconfirmed, "a named executive sponsor")
	assert.True(t, slices.ContainsFunc(m.Gaps(p), func(g Gap) bool { return g.Practice.ID == "executive-sponsor" }))

	rail := railProfile(Governance{})
	rail.ExecutiveSponsorship = 5
	rec, err := Recommend(context.Background(), rail, Options{})
	require.NoError(t, err)
	steps, all := roadmapText(rec)
	team := stepIndex(steps, "Form a cross-functional project team")
	require.GreaterOrEqual(t, team, 0, all)
	assert.Contains(t, steps[team], "under your executive sponsor")
	assert.Equal(t, -1, stepIndex(steps, "Win an executive sponsor"), all)
}

func TestMaturityModelImpliedByIsAProfileNumber(t *testing.T) {
	m := DefaultMaturityModel()
	i := slices.IndexFunc(m.Practices, func(p Practice) bool { return p.ID == "executive-sponsor" })
	require.GreaterOrEqual(t, i, 0)
	require.NotZero(t, m.Practices[i].ImpliedBy)
	m.Practices[i].ImpliedBy = Marker{Practice: "policy", Says: "a policy"}
	err := m.Validate()
	require.ErrorIs(t, err, ErrUnknownName)
	assert.Contains(t, err.Error(), "implied_by")
}

func TestFitSentenceCases(t *testing.T) {
	d := StageDiagnosis{Stage: Stage{Name: "Scaling and optimising", Carries: []OperatingModel{HubAndSpoke, Dandelion}}}
	assert.Empty(t, d.FitSentence(), "no recommendation, nothing said")
	d.Fit = &StageFit{Model: Organic}
	assert.Equal(t, "Organisations at the Scaling and optimising stage usually run hub-and-spoke or dandelion set-ups; the recommended model, organic, is a lighter set-up than those, chosen for the other facts of the profile.", d.FitSentence())
	d.Fit = &StageFit{Model: Honeycomb}
	assert.Contains(t, d.FitSentence(), "goes beyond them, and no stage of this maturity model lists it")
	d.Fit = &StageFit{Model: Honeycomb, From: "Empowering the workforce", Needs: []string{"staff know the policy well"}}
	assert.Equal(t, "Organisations at the Scaling and optimising stage usually run hub-and-spoke or dandelion set-ups; the recommended model, honeycomb, goes beyond them: it is usually run from the Empowering the workforce stage on. The roadmap therefore moves to honeycomb once the programme reaches that stage, which needs: staff know the policy well.", d.FitSentence())
}
