package placement_test

import (
	"fmt"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// A stated maturity is believed unless the profile shows a marker of it
// to be missing: without a crisis plan, an organisation that calls itself
// "coordinating" is still testing.
func ExampleMaturityModel_Diagnose() {
	p := placement.Profile{
		Name: "Brightwater Foods", Employees: 2400, Maturity: 3, SocialStaff: 3,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4},
		Governance:  placement.Governance{Policy: placement.Yes, CrisisPlan: placement.No},
	}
	d := placement.DefaultMaturityModel().Diagnose(p)
	fmt.Println(d.Model+":", d.Stage.Name)
	for _, e := range d.Evidence {
		fmt.Println("-", e)
	}
	fmt.Println("next:", d.Next.Name, d.NextRequires)
	// Output:
	// Forrester social maturity: Testing
	// - stated maturity 3/5 (Coordinating)
	// - 1 active touchpoint: social media is in use on at least one touchpoint
	// - social staff of 3 FTE: at least one full-time person owns social media
	// - in place: a written social media policy
	// - missing: a crisis and escalation plan (the Coordinating stage needs it)
	// next: Coordinating [an inventory of the organisation's accounts a crisis and escalation plan]
}

// The peer rows for a 2,400-employee firm: team size by company size, the
// share of firms with a dedicated team, and in-house against agency.
func ExampleBenchmarks_Compare() {
	p := placement.Profile{Employees: 2400, SocialStaff: 1, Maturity: 3,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4}}
	for _, c := range placement.DefaultBenchmarks().Compare(p) {
		if c.Standing != placement.NotCompared {
			fmt.Printf("%s: you %s, peers %s (%s)\n", c.Topic, c.You, c.Peers, c.Standing)
			if c.Note != "" {
				fmt.Println("  note:", c.Note)
			}
		}
	}
	// Output:
	// Core social media team for organisations of this size: you 1 FTE, peers about 3 FTE on average; 1–5 people in most firms under $1bn revenue (in-line)
	// Core social media team at your maturity stage, in organisations over 1,000 employees (stage 3 of 5): you 1 FTE, peers intermediate programmes: about 8 FTE (below)
	//   note: the same team is in line with organisations of your size and below programmes at your stage, which the survey counts at every size over 1,000 employees
	// Annual social media budget at your maturity stage, in organisations over 1,000 employees (stage 3 of 5): you budget level 3 of 5 against peers, peers about $833k on average (2010), under $1M for the average firm (in-line)
}

// Gaps lists what is not known to be in place: practices answered no are
// gaps, unstated ones are questions to ask.
func ExampleMaturityModel_Gaps() {
	p := placement.Profile{Employees: 800, Regulation: 5,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4},
		Governance:  placement.Governance{Policy: placement.Yes, PolicyKnown: placement.Yes, Archiving: placement.No}}
	for _, g := range placement.DefaultMaturityModel().Gaps(p)[:2] {
		fmt.Printf("%s (%s): %s\n", g.Practice.Name, g.Answer, g.Practice.Step)
	}
	// Output:
	// Crisis and escalation plan (unknown): Set up a crisis and escalation plan with severity levels and named approvers
	// Account inventory (unknown): Listen and audit: inventory every social account, who runs it, and which tools and vendors are paid for
}
