package placement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// roadmap sequences the transition from the profile's current structure
// to target, in the order of the analysts' typical roadmap: listen and
// audit, project team and sponsor, policy with HR, crisis plan, approvals
// and sector duties, stand up the centre, train the departments, extend
// the spokes, sourcing. A step appears only for what the target structure
// has (no spokes to win over or extend under a centralized team, no
// training step without departments that will do the work), and sector
// steps come from sectors.yaml.
//
// Each governance gap answered No (gaps) is closed by a step: one of the
// steps above that does that work, or else the practice's own step,
// inserted where the checklist's order puts it; the step lists the
// practices it closes, and the gap is marked planned.
func roadmap(p Profile, target Structure, plan []Assignment, f *facts, gaps []Gap) []Step {
	steps := make([]Step, 0, 12)
	add := func(step, why string, closes ...string) {
		// A step closes only the gaps the profile has (practices answered
		// No); most profiles have none, and then nothing is allocated.
		var own []string
		for _, id := range closes {
			if slices.ContainsFunc(gaps, func(g Gap) bool { return g.Practice.ID == id && g.Answer == No }) {
				own = append(own, id)
			}
		}
		steps = append(steps, Step{Step: step, Why: why, Closes: own})
	}
	cur := p.Current
	same := cur != nil && *cur == target
	spokes := spokeNames(plan, target)
	hasSpokes := target.Model >= HubAndSpoke

	if same {
		add("Keep today's structure ("+target.Name()+") and reinforce it",
			"It ranks first for this profile; Altimeter 2013 stresses that no model is permanent, so review it as the programme spreads.")
	}
	if !same && (cur == nil || cur.Model == Organic) {
		add("Listen and audit: inventory every social account, who runs it, and which tools and vendors are paid for",
			"Leaving an informal set-up means cleaning up orphan accounts (Owyang 2013); in 2011 enterprises averaged 178 accounts and only 49% kept an inventory (Altimeter readiness).",
			"account-inventory")
	}
	if !same && target.Model != Organic && p.Employees >= narr.dedicatedOwner {
		add("Form a cross-functional project team ("+strings.Join(ownerNames(f), ", ")+") with an executive sponsor",
			"Medium and large organisations should begin with a strategic project team (Mindjumpers 2010); the hub starts as a stakeholder task force (Solis 2011).")
	}
	if !same && target.Model != Organic {
		switch {
		case p.ExecutiveSponsorship < DefaultScale:
			add(fmt.Sprintf("Win an executive sponsor before changing the structure (sponsorship is %d/5 today)", p.ExecutiveSponsorship),
				"A formal social media function needs a sponsor at the top (Li & Solis 2013); 48% of executives were not aligned with the social strategy (Altimeter 2013).",
				"executive-sponsor")
		case hasSpokes && len(spokes) > 0:
			who := "the heads of " + joinAnd(spokes) + ", who will do their own work under the hub"
			if target.Model == Dandelion {
				who += ", and of the units that will run hubs of their own"
			}
			add("Win the buy-in of "+who,
				"Hub-and-spoke, dandelion and honeycomb models need executive and cross-department buy-in (Owyang 2010); 48% of executives were not aligned with the social strategy (Altimeter 2013).")
		case target.Model == Centralized:
			if taken := takenOver(f, target); len(taken) > 0 {
				add("Agree with "+joinAnd(taken)+" how they brief the central team and who approves their content",
					"When a central team does the work, approval moves away from the departments that know the subject (Mindjumpers 2010); a team that only executes requests becomes a help desk (Owyang 2010 Career Path).")
			}
		}
	}
	if target.Model != Organic || p.Employees >= narr.dedicatedOwner {
		add("Write or refresh the employee social media policy with HR and legal",
			"The employee policy is HR's touchpoint (Mindjumpers 2010); 85% have a policy but only 18% say staff know it well (Altimeter 2013), and overbroad bans are unlawful in the US (NLRB 2011–12).",
			"policy")
	}
	if p.Touchpoints[touchpoint.CrisisResponse] > 0 || p.Regulation >= narr.regulated {
		add("Set up a crisis and escalation plan with severity levels and named approvers",
			"76% of 50 social media crises could have been prevented or reduced, and 96% of firms with a formal plan felt prepared against 22% without (Altimeter 2011).",
			"crisis-plan")
	}
	if p.Regulation >= narr.heavilyRegulated {
		st := narr.regulatedStep(p.Sector)
		add(st.Step, fmt.Sprintf("Regulation %d/5. ", p.Regulation)+st.Why, "archiving")
	}
	for _, st := range narr.entry(p.Sector).Steps {
		if activeAny(f, st.WhenActive) {
			add(st.Step, st.Why)
		}
	}
	if p.SignOffLayers >= narr.signoffBottleneck {
		add(fmt.Sprintf("Replace %d sign-off layers with risk-tiered approvals: routine posts under guidelines, named approvers for sensitive ones", p.SignOffLayers),
			"If every reaction needs permission higher up, social cannot function (Wichmann, Maersk Line); more than three sign-offs for routine content is a bottleneck (Ordinal, Mydrop).")
	}
	if !same {
		addStructureSteps(&steps, cur, target)
	}
	switch {
	case target.Model == Honeycomb:
		add("Train every employee who will post for the organisation, and certify them before they do",
			"Over-invest in training; HR holds the training budgets (Li); Dell trained more than 10,000 employees through SMaC U.",
			"training", "policy-known")
	case target.Model != Organic && len(spokes) > 0:
		add("Train "+joinAnd(spokes)+" for the social media work they will do",
			"Over-invest in training; HR holds the training budgets (Li); Dell trained more than 10,000 employees through SMaC U.",
			"training", "policy-known")
	}
	if !same && hasSpokes && len(spokes) > 0 {
		why := "Departments that own a touchpoint know its audience and can answer for it once trained, with the hub setting policy and tools (Owyang 2010)."
		for _, o := range narr.owners {
			if tp, ok := touchpointOf(f, o.Touchpoint); ok && slices.Contains(spokes, tp.Owner.Label()) {
				why = o.Why + " " + why
			}
		}
		add("Extend the spokes: make "+joinAnd(spokes)+" responsible for their own touchpoints", why)
	}
	if target.Model == Dandelion {
		add("Add hubs per business unit or region, and give them ways to talk to each other, not only through the centre",
			"In a dandelion the links between hubs get cut (Owyang 2010); the model grew from 18% to 23.6% of large firms (Altimeter 2013).")
	}
	if (cur == nil && target.Sourcing != InHouse) || (cur != nil && cur.Sourcing != target.Sourcing) {
		_, care := touchpointOf(f, touchpoint.CustomerSupport)
		add(sourcingStep(target.Sourcing, care), sourcingWhy(target.Sourcing))
	}
	return planGaps(steps, gaps)
}

// gapOrder is the order in which the governance checklist's steps come in
// a roadmap (audit, sponsor, policy, crisis plan, archiving, training,
// measurement: the order of the analysts' typical roadmap).
var gapOrder = []string{"account-inventory", "executive-sponsor", "policy", "crisis-plan", "archiving", "policy-known", "training", "measurement"}

// planGaps makes sure every gap answered No has a step that closes it,
// inserting the practice's own step after the last step that closes a
// practice earlier in gapOrder (or first), and marks the gaps planned.
func planGaps(steps []Step, gaps []Gap) []Step {
	closed := func(id string) bool {
		for _, st := range steps {
			if slices.Contains(st.Closes, id) {
				return true
			}
		}
		return false
	}
	for i := range gaps {
		g := &gaps[i]
		if g.Answer != No {
			continue
		}
		id := g.Practice.ID
		if !closed(id) {
			rank := slices.Index(gapOrder, id)
			at := 0
			if len(steps) > 0 && strings.HasPrefix(steps[0].Step, "Keep today's structure") {
				at = 1
			}
			for k, st := range steps {
				for _, c := range st.Closes {
					if r := slices.Index(gapOrder, c); r >= 0 && r <= rank {
						at = k + 1
					}
				}
			}
			why := g.Practice.Matters + " (" + g.Practice.Source + ")"
			steps = slices.Insert(steps, at, Step{Step: g.Practice.Step, Why: why, Closes: []string{id}})
		}
		g.Planned = true
	}
	return steps
}

// activeAny reports whether any of ids is active; an empty list is true.
func activeAny(f *facts, ids []touchpoint.ID) bool {
	if len(ids) == 0 {
		return true
	}
	for _, id := range ids {
		if _, ok := touchpointOf(f, id); ok {
			return true
		}
	}
	return false
}

// touchpointOf returns the active touchpoint with the given ID.
func touchpointOf(f *facts, id touchpoint.ID) (*touchpoint.Touchpoint, bool) {
	for _, at := range f.active {
		if at.tp.ID == id {
			return at.tp, true
		}
	}
	return nil, false
}

// takenOver lists the departments whose active touchpoints a central team
// in target's home would do for them.
func takenOver(f *facts, target Structure) []string {
	var out []string
	for _, at := range f.active {
		if ex := executor(target, at.tp); ex != at.tp.Owner {
			if _, kept := narr.ownerResponsible(at.tp.ID); !kept && !slices.Contains(out, at.tp.Owner.Label()) {
				out = append(out, at.tp.Owner.Label())
			}
		}
	}
	return out
}

func addStructureSteps(steps *[]Step, cur *Structure, target Structure) {
	add := func(step, why string) { *steps = append(*steps, Step{Step: step, Why: why}) }
	if target.Model == Organic {
		add("Keep social media with the departments that use it, with a shared account list and guidelines",
			"Organic suits very early, small, high-trust organisations (Owyang 2010); a light inventory avoids the later clean-up (Owyang 2013).")
		return
	}
	if cur != nil && cur.Model != Organic && cur.Home != target.Home {
		add(fmt.Sprintf("Move the central team from %s to %s", cur.Home.Label(), homeWhere(target.Home)),
			"Put the centre in the department that holds most of the relevant knowledge, or in a neutral unit when departments are rivals (Alonso, Dessein & Matouschek 2008).")
	}
	if cur != nil && cur.Role != NoRole && cur.Role != target.Role {
		why := "The centre's role decides who approves: executing moves approval away from the departments (Mindjumpers 2010)."
		if cur.Role == Executing {
			why = "Hand approval back to the departments; the hub must enable, not police (Owyang 2010), and a team that only executes requests becomes a help desk (Owyang 2010 Career Path)."
		}
		add(fmt.Sprintf("Change the central team's role from %s to %s", roleLabels[cur.Role], roleLabels[target.Role]), why)
	}
	why := "The centre needs authority to set policy and process (Li & Solis 2013); Altimeter's typical centre-of-excellence services: governance, account inventory, tools, training, listening and measurement standards, escalation."
	if target.Model == Centralized {
		why = "One team needs the authority to set policy and process (Li & Solis 2013) and owns the account inventory, tools, listening, measurement and escalation; regulated firms easily justify a single group (Owyang 2013)."
	}
	add("Stand up the target structure: "+target.Name(), why)
}

func homeWhere(d touchpoint.Department) string {
	if d == touchpoint.Executive {
		return "an own executive unit"
	}
	return d.Label()
}

func sourcingStep(s Sourcing, care bool) string {
	switch {
	case s == Hybrid && care:
		return "Keep daily engagement and customer care in-house; buy campaigns, production and surge capacity from an agency"
	case s == Hybrid:
		return "Keep daily engagement in-house; buy campaigns, production and surge capacity from an agency"
	case s == Agency:
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
		if d := at.tp.Owner.Label(); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	if !slices.Contains(out, touchpoint.Legal.Label()) {
		out = append(out, touchpoint.Legal.Label())
	}
	return out
}

// spokeNames lists the departments responsible for touchpoints in plan
// other than the centre's home.
func spokeNames(plan []Assignment, target Structure) []string {
	var out []string
	for _, a := range plan {
		for _, d := range a.Responsible {
			if d != target.Home && !slices.Contains(out, d.Label()) {
				out = append(out, d.Label())
			}
		}
	}
	return out
}

// joinAnd joins names as "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
