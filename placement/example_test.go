package placement_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// Recommend a placement for a regulated bank whose social media sits in a
// centralized marketing team today.
func Example() {
	profile, err := placement.ReadProfile(strings.NewReader(`
name: Nordbank
employees: 8000
business_units: 4
countries: 3
regulation: 5
sign_off_layers: 3
social_staff: 6
touchpoints: {customer-support: 4, crisis-response: 3, corporate-communication: 3, marketing-channel: 3}
current: {home: marketing, model: centralized, role: executing, sourcing: in-house}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := placement.Recommend(context.Background(), profile, placement.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("method:", rec.Result.Method, "cross-checked with", rec.Robustness.CrossCheck.Method)
	for _, e := range rec.Ranking[:3] {
		fmt.Printf("%d. %s (%.3f)\n", e.Rank, e.Structure.Name(), e.Score)
	}
	top := rec.Ranking[0]
	fmt.Println("strength:", top.Strengths[0])
	cs := rec.RACI[1]
	fmt.Println(cs.Touchpoint, "R:", cs.Responsible, "A:", cs.Accountable)
	fmt.Println("first step:", rec.Roadmap[0].Step)
	// Output:
	// method: wsm cross-checked with topsis
	// 1. Hub-and-spoke centre of excellence in Communications, advisory and executing, in-house (0.611)
	// 2. Hub-and-spoke centre of excellence in PR, advisory and executing, in-house (0.599)
	// 3. Hub-and-spoke centre of excellence in Marketing, advisory and executing, in-house (0.596)
	// strength: regulation 5/5: a central team gives the approval path regulators expect
	// customer-support R: [customer-service] A: customer-service
	// first step: Form a cross-functional project team (Marketing, Customer service, Communications, Legal) with an executive sponsor
}

func ExampleReadProfile() {
	_, err := placement.ReadProfile(strings.NewReader(`
name: Acme
employees: 250
regulation: 7
agency: sometimes
touchpoints: {customer-support: 3, tiktok: 2}
`))
	var fe *placement.FieldError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if errors.As(e, &fe) {
			fmt.Println(fe.Path, "—", fe.Err)
		}
	}
	// Output:
	// regulation — value out of range
	// agency — unknown name
	// touchpoints.tiktok — unknown touchpoint
}

func ExampleEnumerate() {
	cands := placement.Enumerate(nil)
	fmt.Println(len(cands), "candidates")
	for _, s := range cands[:3] {
		fmt.Println(s.ID(), "=", s.Name())
	}
	// Output:
	// 110 candidates
	// org-in = Organic (no central team), in-house
	// org-hy = Organic (no central team), hybrid
	// cen-com-ex-in = Centralized team in Communications, executing, in-house
}

func ExampleStructure_Validate() {
	s := placement.Structure{Home: touchpoint.Marketing, Model: placement.Dandelion, Role: placement.Executing, Sourcing: placement.InHouse}
	err := s.Validate(nil, "current")
	fmt.Println(err, errors.Is(err, placement.ErrIncoherent))
	// Output: current.role: "executing": incoherent structure true
}

// A consultant reads a coefficient with its rationale and source, changes
// it, and ranks with the recalibrated model.
func ExampleNewRecommender() {
	m := placement.DefaultModel()
	c, _ := m.Coefficient("signoff.agility")
	fmt.Printf("%s = %g (%s): %s\n", c.ID, c.Value, c.Evidence, c.Source)
	for i := range m.Coefficients {
		if m.Coefficients[i].ID == "signoff.agility" {
			m.Coefficients[i].Value = 1.2
		}
	}
	r, err := placement.NewRecommender(placement.Config{Model: &m})
	fmt.Println(err, len(r.Candidates()))
	// Output:
	// signoff.agility = 0.6 (analyst): Symphonio 2017; Wichmann (Maersk Line); Ordinal/Mydrop (>3 sign-offs is a bottleneck)
	// <nil> 110
}

// How far can each weight move before another structure comes first?
func ExampleSensitivitySummary_Tightest() {
	profile, err := placement.ReadProfile(strings.NewReader(`
name: Nordbank
employees: 8000
business_units: 4
countries: 3
regulation: 5
sign_off_layers: 3
social_staff: 6
touchpoints: {customer-support: 4, crisis-response: 3, corporate-communication: 3, marketing-channel: 3}
current: {home: marketing, model: centralized, role: executing, sourcing: in-house}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := placement.Recommend(context.Background(), profile, placement.Options{Sensitivity: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := rec.Robustness.Sensitivity
	fmt.Println("recommended:", rec.Ranking[0].Structure.ID())
	if m, ok := s.Tightest(); ok {
		fmt.Printf("tightest: %s, from %.1f%% to %.1f%%, then %s\n", m.Criterion, 100*m.Weight, 100*m.At, m.Next)
	}
	for _, m := range s.Margins {
		if m.Holds {
			fmt.Println("holds over its whole range:", m.Criterion)
		}
	}
	// Output:
	// recommended: hs-com-ae-in
	// tightest: risk-compliance, from 24.1% to 13.4%, then hs-com-ad-in
}

// A sweep over SMAA seeds shares one compiled model: WithOptions costs one
// small allocation, not a recompilation.
func ExampleRecommender_WithOptions() {
	profile, err := placement.ReadProfile(strings.NewReader(`
name: Nordbank
employees: 8000
regulation: 5
touchpoints: {customer-support: 4, crisis-response: 3}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := placement.NewRecommender(placement.Config{}) // default model and catalogue
	if err != nil {
		fmt.Println(err)
		return
	}
	for seed := range uint64(2) {
		rec, err := r.WithOptions(placement.Options{SMAA: &placement.SMAAOptions{Samples: 2000, Seed: seed, Workers: 1}}).
			Recommend(context.Background(), profile)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("seed %d: %s first under %.0f%% of %d weightings\n", seed,
			rec.Ranking[0].Structure.ID(), 100*rec.Robustness.SMAA.TopFirstRank, rec.Robustness.SMAA.Samples)
	}
	// Output:
	// seed 0: hs-com-ae-in first under 90% of 2000 weightings
	// seed 1: hs-com-ae-in first under 90% of 2000 weightings
}

// Per-criterion values are looked up by criterion, never by position.
func ExampleCriterionValues() {
	rec, err := placement.Recommend(context.Background(), placement.Profile{
		Employees: 300, Touchpoints: map[touchpoint.ID]int{touchpoint.CustomerSupport: 5},
		Weights: map[placement.Criterion]float64{placement.Agility: 3, placement.Cost: 1},
	}, placement.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("agility weight:", rec.Weights.Get(placement.Agility))
	fmt.Println("consistency weight:", rec.Weights.Get(placement.Consistency))
	top := rec.Ranking[0]
	fmt.Printf("the winner's agility: %.1f/10\n", top.Values.Get(placement.Agility))
	// Output:
	// agility weight: 0.75
	// consistency weight: 0
	// the winner's agility: 6.3/10
}

// A profile may state only its size: the rest is assumed, and the
// recommendation says what.
func ExampleRecommendation_assumptions() {
	profile, err := placement.ReadProfile(strings.NewReader("employees: 120\nsocial_priority: 4\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := placement.Recommend(context.Background(), profile, placement.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range rec.Assumptions[:4] {
		fmt.Printf("%s = %s (%s)\n", a.Field, a.Value, a.Reason)
	}
	fmt.Println(len(rec.Assumptions), "assumptions")
	groups := placement.GroupAssumptions(rec.Assumptions)
	fmt.Println(groups[len(groups)-1].Reason)
	// Output:
	// business_units = 1 (not stated; the default)
	// countries = 1 (not stated; the default)
	// budget_level = 3 (not stated; the middle of the 1–5 scale)
	// silos = 3 (not stated; the middle of the 1–5 scale)
	// 24 assumptions
	// no touchpoints stated; every touchpoint is assumed active at its typical volume
}

// A recommendation stored as JSON reads back as an equal value.
func ExampleRecommendation_UnmarshalJSON() {
	rec, err := placement.Recommend(context.Background(), placement.Profile{Employees: 40}, placement.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := json.Marshal(rec)
	if err != nil {
		fmt.Println(err)
		return
	}
	var back placement.Recommendation
	if err := json.Unmarshal(data, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.Model.Name, back.Result.Method, back.Result.Better, back.Ranking[0].Structure.ID() == rec.Ranking[0].Structure.ID())
	// Output: socialseat-default wsm higher true
}
