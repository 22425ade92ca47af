package placement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// Organisations from this head count are "medium and large" in the seeds'
// advice to begin with a cross-functional project team (Mindjumpers 2010;
// domain.md §3 proposes a dedicated owner from 250 employees [J]).
const mediumOrganisation = 250

// roadmap sequences the transition from the profile's current structure
// to target, following the order of domain.md §5 ("typical roadmap
// steps"): listen and audit, project team and sponsor, policy with HR,
// crisis plan, approvals, stand up the centre, train the departments,
// extend the spokes, sourcing.
func roadmap(p Profile, target Structure, plan []Assignment, f *facts) []Step {
	steps := make([]Step, 0, 12)
	add := func(step, why string) { steps = append(steps, Step{Step: step, Why: why}) }
	cur := p.Current
	same := cur != nil && *cur == target

	if same {
		add("Keep today's structure ("+target.Name()+") and reinforce it",
			"It ranks first for this profile; Altimeter 2013 stresses that no model is permanent, so review it as the programme spreads.")
	}
	if !same && (cur == nil || cur.Model == Organic) {
		add("Listen and audit: inventory every social account, who runs it, and which tools and vendors are paid for",
			"Leaving an informal set-up means cleaning up orphan accounts (Owyang 2013); in 2011 enterprises averaged 178 accounts and only 49% kept an inventory (Altimeter readiness).")
	}
	if !same && target.Model != Organic && p.Employees >= mediumOrganisation {
		add("Form a cross-functional project team ("+strings.Join(ownerNames(f), ", ")+") with an executive sponsor",
			"Medium and large organisations should begin with a strategic project team (Mindjumpers 2010); the hub starts as a stakeholder task force (Solis 2011).")
	}
	if !same && target.Model != Organic {
		why := "Coordinated, dandelion and honeycomb models need executive and cross-department buy-in (Owyang 2010); 48% of executives were not aligned with the social strategy (Altimeter 2013); stakeholder buy-in is one of the seeds' open questions (Symphonio 2017)."
		if p.ExecutiveSponsorship <= 2 {
			add(fmt.Sprintf("Win an executive sponsor before changing the structure (sponsorship is %d/5 today)", p.ExecutiveSponsorship), why)
		} else {
			add("Win the buy-in of the heads of the departments and units that will become spokes or hubs", why)
		}
	}
	if target.Model != Organic || p.Employees >= mediumOrganisation {
		add("Write or refresh the employee social media policy with HR and legal",
			"The employee policy is HR's touchpoint (Mindjumpers 2010); 85% have a policy but only 18% say staff know it well (Altimeter 2013), and overbroad bans are unlawful in the US (NLRB 2011–12).")
	}
	if p.Touchpoints[touchpoint.CrisisResponse] > 0 || p.Regulation >= 3 {
		add("Set up a crisis and escalation plan with severity levels and named approvers",
			"76% of 50 social media crises could have been prevented or reduced, and 96% of firms with a formal plan felt prepared against 22% without (Altimeter 2011).")
	}
	if p.Regulation >= 4 {
		add("Put pre-approval, supervision and archiving in place for regulated content",
			fmt.Sprintf("Regulation %d/5: static content needs a principal's pre-approval and all of it must be archived (FINRA Notices 10-06, 11-39); pharma must report adverse events it sees (FDA).", p.Regulation))
	}
	if p.SignOffLayers >= 3 {
		add(fmt.Sprintf("Replace %d sign-off layers with risk-tiered approvals: routine posts under guidelines, named approvers for sensitive ones", p.SignOffLayers),
			"If every reaction needs permission higher up, social cannot function (Wichmann, Maersk Line); more than three sign-offs for routine content is a bottleneck (Ordinal, Mydrop).")
	}
	if !same {
		addStructureSteps(&steps, cur, target)
	}
	if target.Model >= HubAndSpoke || target.Role == Advisory || target.Role == AdvisoryExecuting {
		who := "the departments that will execute"
		if sp := spokeNames(plan, target); len(sp) > 0 {
			who += " (" + strings.Join(sp, ", ") + ")"
		}
		add("Train "+who,
			"Over-invest in training; HR holds the training budgets (Li); Dell trained more than 10,000 employees through SMaC U.")
	}
	if !same {
		if sp := spokeNames(plan, target); len(sp) > 0 && target.Model != Organic && target.Model != Centralized {
			add("Extend the spokes: make "+strings.Join(sp, ", ")+" responsible for their own touchpoints",
				"Customer care belongs with service (Gartner, Maoz 2012; the contact centre owns or co-owns social care in 52% of firms, ICMI 2014); then sales, HR and the other spokes (domain.md §5 step 7).")
		}
	}
	if target.Model == Dandelion {
		add("Add hubs per business unit or region, and give them ways to talk to each other, not only through the centre",
			"In a dandelion the links between hubs get cut (Owyang 2010); the model grew from 18% to 23.6% of large firms (Altimeter 2013).")
	}
	if (cur == nil && target.Sourcing != InHouse) || (cur != nil && cur.Sourcing != target.Sourcing) {
		add(sourcingStep(target.Sourcing), sourcingWhy(target.Sourcing))
	}
	return steps
}

func addStructureSteps(steps *[]Step, cur *Structure, target Structure) {
	add := func(step, why string) { *steps = append(*steps, Step{Step: step, Why: why}) }
	if target.Model == Organic {
		add("Keep social media with the departments that use it, with a shared account list and guidelines",
			"Organic suits very early, small, high-trust organisations (Owyang 2010); a light inventory avoids the later clean-up (Owyang 2013).")
		return
	}
	if cur != nil && cur.Model != Organic && cur.Home != target.Home {
		add(fmt.Sprintf("Move the central team from %s to %s", cur.Home, homeWhere(target.Home)),
			"Put the centre in the department that holds most of the relevant knowledge, or in a neutral unit when departments are rivals (Alonso, Dessein & Matouschek 2008).")
	}
	if cur != nil && cur.Role != NoRole && cur.Role != target.Role {
		why := "The centre's role decides who approves: executing moves approval away from the departments (Mindjumpers 2010)."
		if cur.Role == Executing {
			why = "Hand approval back to the departments; the hub must enable, not police (Owyang 2010), and a team that only executes requests becomes a help desk (Owyang 2010 Career Path)."
		}
		add(fmt.Sprintf("Change the central team's role from %s to %s", cur.Role, target.Role), why)
	}
	add("Stand up the target structure: "+target.Name(),
		"The centre needs authority to set policy and process (Li & Solis 2013); Altimeter's typical centre-of-excellence services: governance, account inventory, tools, training, listening and measurement standards, escalation.")
}

func homeWhere(d touchpoint.Department) string {
	if d == touchpoint.Executive {
		return "an own executive unit"
	}
	return string(d)
}

func sourcingStep(s Sourcing) string {
	switch s {
	case Hybrid:
		return "Keep daily engagement and customer care in-house; buy campaigns, production and surge capacity from an agency"
	case Agency:
		return "Brief an agency to run the channels, with in-house approval, escalation and ownership of accounts and data"
	}
	return "Bring social media work in-house, keeping the agency's playbooks and handing over accounts and data"
}

func sourcingWhy(s Sourcing) string {
	switch s {
	case Hybrid:
		return "Outsourcing campaigns, creative and launches is widely accepted, daily engagement is not (Attensity on CustomerThink; NetBase); 65.5% of firms over $1bn combine agencies and in-house staff (Wildfire 2013)."
	case Agency:
		return "Agencies bring craft and shared tools but a weaker real-time reaction and a risk of losing brand data (Attensity on CustomerThink)."
	}
	return "In-house teams keep culture, access and speed (Attensity on CustomerThink); 79% run social in-house (SmartBrief)."
}

// ownerNames lists the natural owners of the active touchpoints, plus
// legal, in first-seen order.
func ownerNames(f *facts) []string {
	var out []string
	for _, at := range f.active {
		if d := string(at.tp.Owner); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	if !slices.Contains(out, string(touchpoint.Legal)) {
		out = append(out, string(touchpoint.Legal))
	}
	return out
}

// spokeNames lists the departments responsible for touchpoints in plan
// other than the centre's home.
func spokeNames(plan []Assignment, target Structure) []string {
	var out []string
	for _, a := range plan {
		for _, d := range a.Responsible {
			if d != target.Home && !slices.Contains(out, string(d)) {
				out = append(out, string(d))
			}
		}
	}
	return out
}
