package placement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

// roadmapContext is what the roadmap reads of the rest of a
// recommendation: the ranking (the first structure on the way to a
// target beyond the stage is the best-ranked one of the model the stage
// carries), the maturity model and the diagnosed stage's level (what the
// move to such a target waits for), and the peer benchmarks (the sourcing
// figure for the organisation's size). A nil context, or nil fields, mean
// none of these is known.
type roadmapContext struct {
	ranking    []Ranked
	maturity   *MaturityModel
	level      int
	benchmarks *Benchmarks
}

// plannedStep is a roadmap step with what it puts in place: practice IDs,
// and the Says of the field markers it meets.
type plannedStep struct {
	Step
	builds []string
}

// roadmap sequences the transition from the profile's current structure
// to target, in the order of the analysts' typical roadmap: sponsor and
// project team, listen and audit (the team's first task; without a team,
// the first step), policy with HR, crisis plan, approvals and sector
// duties, stand up the centre, train the departments, extend the spokes,
// sourcing. A step appears only for what the target structure has (no
// spokes to win over or extend under a centralized team, no training step
// without departments that will do the work), and sector steps come from
// sectors.yaml.
//
// The governance checklist decides what is built and what is only
// adapted: a practice answered Yes is not built again; where the change
// of structure touches it (who posts and approves, who is named in the
// crisis plan, which departments take on new work) one step adapts what
// is in place, and otherwise it has no step. A practice answered No or
// not stated keeps its step. Each gap answered No (gaps) is closed by a
// step: one of the steps above that does that work, or else the
// practice's own step, inserted where the checklist's order puts it; the
// step lists the practices it closes, and the gap is marked planned.
//
// st is what the maturity diagnosis says (nil when there is none): with
// no structure stated for today, a profile whose stage or staff show a
// formal programme is not told that it leaves an informal set-up; and a
// target beyond what the stage carries is reached through the structure
// the stage does carry, and the step that moves to the target once the
// programme reaches the stage that carries it comes after a step for
// every condition of that stage not in place (rc gives the conditions).
func roadmap(p Profile, target Structure, plan []Assignment, f *facts, gaps []Gap, st *roadmapStage, rc *roadmapContext) []Step {
	if rc == nil {
		rc = &roadmapContext{}
	}
	steps := make([]plannedStep, 0, 14)
	add := func(step, why string, closes ...string) {
		// A step closes only the gaps the profile has (practices answered
		// No); most profiles have none, and then nothing is allocated.
		var own []string
		for _, id := range closes {
			if slices.ContainsFunc(gaps, func(g Gap) bool { return g.Practice.ID == id && g.Answer == No }) {
				own = append(own, id)
			}
		}
		steps = append(steps, plannedStep{Step: Step{Step: step, Why: why, Closes: own}, builds: closes})
	}
	if st == nil {
		st = &roadmapStage{}
	}
	// answer is the checklist's answer for a practice, Yes when the
	// profile does not answer but its numbers imply the practice.
	answer := func(id string) Answer {
		a, _ := p.Governance.answer(id)
		if a == Unknown && slices.Contains(st.implied, id) {
			return Yes
		}
		return a
	}
	has := func(id string) bool { return answer(id) == Yes }
	cur := p.Current
	same := cur != nil && *cur == target
	spokes := spokeNames(plan, target)
	hasSpokes := target.Model >= HubAndSpoke
	// Unknown: no structure stated, but the stage or the staff show a
	// formal programme, so today's set-up may or may not be informal.
	unsure := cur == nil && st.formal
	// The gate: the target is beyond the stage, and the move to it waits
	// for the stage that carries it; gate lists what that stage needs
	// and the profile does not have in place.
	var gate []Marker
	gateStage := ""
	if fit := st.fit; !same && target.Model != Organic && fit != nil && !fit.Carried && fit.Model == target.Model && fit.From != "" {
		gateStage = fit.From
		gate = gateMarkers(rc, &p, fit.From)
	}
	needs := func(id string) bool {
		return slices.ContainsFunc(gate, func(mk Marker) bool { return mk.Practice == id })
	}
	// gateWhy is the reason for a step that builds practice id because
	// the gate needs it.
	gateWhy := func(id string) string {
		says := id
		if i := slices.IndexFunc(gate, func(mk Marker) bool { return mk.Practice == id }); i >= 0 {
			says = gate[i].Says
		}
		why := "The move to the target structure waits for the " + gateStage + " stage, which needs " + says + "."
		if pr := rc.practice(id); pr != nil && pr.Matters != "" {
			why += " " + strings.TrimSuffix(pr.Matters, ".") + " (" + pr.Source + ")."
		}
		return why
	}

	if same {
		add("Keep today's structure ("+target.Name()+") and reinforce it",
			"It ranks first for this profile; Altimeter 2013 stresses that no model is permanent, so review it as the programme spreads.")
	}
	formal := !same && target.Model != Organic
	// Medium and large organisations begin with a project team; the
	// audit is then its first task.
	team := formal && p.Employees >= narr.dedicatedOwner
	audit := func() {
		if same || has("account-inventory") || !(cur == nil || cur.Model == Organic || needs("account-inventory")) {
			return
		}
		const figure = "in 2011 enterprises averaged 178 accounts and only 49% kept an inventory (Altimeter readiness)."
		var why string
		switch {
		case target.Model == Organic:
			why = "The departments keep their own accounts, but someone has to know which accounts exist, who runs them and who can get in; " + figure
		case cur != nil && cur.Model != Organic:
			why = gateWhy("account-inventory")
		case unsure:
			why = "Wherever accounts grew up department by department, a change of structure means cleaning up orphan accounts (Owyang 2013); " + figure
		default:
			why = "Leaving an informal set-up means cleaning up orphan accounts (Owyang 2013); " + figure
		}
		switch {
		case team && (cur == nil || cur.Model == Organic):
			why = "The project team's first task: it spans the departments that run accounts today. " + why
		case team:
			why = "The project team's first task. " + why
		}
		add("Listen and audit: inventory every social account, who runs it, and which tools and vendors are paid for", why, "account-inventory")
	}
	if !team {
		audit()
	}
	// The sponsor comes before the project team it leads. A named sponsor
	// (answered Yes) is not won again; a weak one is asked to back the
	// change.
	sponsor := "with an executive sponsor"
	if formal {
		a := answer("executive-sponsor")
		switch {
		case a == No || (a == Unknown && p.ExecutiveSponsorship < DefaultScale):
			what := "Win an executive sponsor before changing the structure"
			if p.ExecutiveSponsorship < DefaultScale {
				what += fmt.Sprintf(" (sponsorship is %d/5 today)", p.ExecutiveSponsorship)
			}
			add(what,
				"A formal social media function needs a sponsor at the top (Li & Solis 2013); 48% of executives were not aligned with the social strategy (Altimeter 2013).",
				"executive-sponsor")
			sponsor = "under that sponsor"
		case a == Unknown && needs("executive-sponsor"):
			add("Name an executive sponsor for social media, or confirm the one you have",
				gateWhy("executive-sponsor"), "executive-sponsor")
			sponsor = "under that sponsor"
		case a == Yes && p.ExecutiveSponsorship < DefaultScale:
			add(fmt.Sprintf("Make sure your executive sponsor actively backs the change before it starts (sponsorship is %d/5 today)", p.ExecutiveSponsorship),
				"A formal social media function needs a sponsor at the top (Li & Solis 2013); 48% of executives were not aligned with the social strategy (Altimeter 2013).")
			sponsor = "under your executive sponsor"
		case a == Yes:
			sponsor = "under your executive sponsor"
		}
	}
	if team {
		owners := strings.Join(ownerNames(f), ", ")
		why := "Medium and large organisations should begin with a strategic project team (Mindjumpers 2010); the hub starts as a stakeholder task force (Solis 2011)."
		if unsure {
			add("Form a cross-functional project team for the change ("+owners+") "+sponsor+", or give that remit to the group that steers social media today, if there is one", why)
		} else {
			add("Form a cross-functional project team ("+owners+") "+sponsor, why)
		}
		audit()
	}
	if formal {
		switch {
		case p.ExecutiveSponsorship < DefaultScale:
			// the sponsor step above comes first
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
	// Practices in place that the change of structure touches: adapted in
	// one step rather than built again.
	var adapt []string
	if target.Model != Organic || p.Employees >= narr.dedicatedOwner {
		if !has("policy") {
			add("Write or refresh the employee social media policy with HR and legal",
				"The employee policy is HR's touchpoint (Mindjumpers 2010); 85% have a policy but only 18% say staff know it well (Altimeter 2013), and overbroad bans are unlawful in the US (NLRB 2011–12).",
				"policy")
		} else if !same {
			adapt = append(adapt, "who may post and who approves under the employee social media policy (with HR and legal)")
		}
	}
	if p.Touchpoints[touchpoint.CrisisResponse] > 0 || p.Regulation >= narr.regulated || needs("crisis-plan") {
		if !has("crisis-plan") {
			add("Set up a crisis and escalation plan with severity levels and named approvers",
				"76% of 50 social media crises could have been prevented or reduced, and 96% of firms with a formal plan felt prepared against 22% without (Altimeter 2011).",
				"crisis-plan")
		} else if !same {
			adapt = append(adapt, "the named approvers and escalation paths of the crisis plan")
		}
	}
	if p.Regulation >= narr.heavilyRegulated {
		rs := narr.regulatedStep(p.Sector)
		if !has("archiving") {
			add(rs.Step, fmt.Sprintf("Regulation %d/5. ", p.Regulation)+rs.Why, "archiving")
		} else if !same {
			adapt = append(adapt, "the approval and archiving path for regulated content")
		}
	}
	if len(adapt) > 0 {
		add("Adapt the governance already in place to the new structure: "+joinAnd(adapt),
			"Advanced programmes reinforce the baseline governance they have as they change (Altimeter readiness 2011: 72% of advanced firms reinforce their policy); a new structure moves who posts, approves and escalates.")
	}
	for _, ss := range narr.entry(p.Sector).Steps {
		if activeAny(f, ss.WhenActive) {
			add(ss.Step, ss.Why)
		}
	}
	if p.SignOffLayers >= narr.signoffBottleneck {
		add(fmt.Sprintf("Replace %d sign-off layers with risk-tiered approvals: routine posts under guidelines, named approvers for sensitive ones", p.SignOffLayers),
			"If every reaction needs permission higher up, social cannot function (Wichmann, Maersk Line); more than three sign-offs for routine content is a bottleneck (Ordinal, Mydrop).")
	}
	trainWhy := "Over-invest in training; HR holds the training budgets (Li); Dell trained more than 10,000 employees through SMaC U."
	trained := false
	train := func() {
		if trained {
			return
		}
		trained = true
		switch {
		case target.Model == Honeycomb && !has("training"):
			add("Train every employee who will post for the organisation, and certify them before they do", trainWhy, "training", "policy-known")
		case target.Model == Honeycomb && !same:
			add("Extend the training beyond the departments to every employee who will post for the organisation, and certify them before they do", trainWhy, "policy-known")
		case target.Model != Organic && len(spokes) > 0 && !has("training"):
			add("Train "+joinAnd(spokes)+" for the social media work they will do", trainWhy, "training", "policy-known")
		case target.Model != Organic && !same:
			// Trained departments are retrained only for work the new
			// structure gives them.
			if fresh := newSpokes(spokes, cur, target, f); len(fresh) > 0 {
				add("Refresh the training of "+joinAnd(fresh)+" for the work they take on under the new structure: its policy, tools and approval paths", trainWhy, "policy-known")
			}
		}
	}
	// beforeMove builds, ahead of the move to a target beyond the stage,
	// whatever of the stage it waits for no step has built yet: training
	// first (it comes after the move otherwise), then the practice's own
	// step, and one step for the profile numbers the stage needs.
	beforeMove := func() {
		built := func(mk Marker) bool {
			key := mk.Practice
			if key == "" {
				key = mk.Says
			}
			return slices.ContainsFunc(steps, func(s plannedStep) bool { return slices.Contains(s.builds, key) })
		}
		if slices.ContainsFunc(gate, func(mk Marker) bool {
			return !built(mk) && (mk.Practice == "training" || mk.Practice == "policy-known")
		}) {
			train()
		}
		var fields []string
		for _, mk := range gate {
			switch {
			case built(mk):
			case mk.Practice != "":
				step := "Put in place " + mk.Says
				if pr := rc.practice(mk.Practice); pr != nil && pr.Step != "" {
					step = pr.Step
				}
				add(step, gateWhy(mk.Practice), mk.Practice)
			default:
				fields = append(fields, mk.Says)
			}
		}
		if len(fields) > 0 {
			why := "The move to the target structure waits for the " + gateStage + " stage"
			if rc.maturity != nil && rc.maturity.Source != "" {
				why += " (" + rc.maturity.Source + ")"
			}
			why += "."
			if s := rc.stage(gateStage); s != nil && s.Description != "" {
				why += " " + s.Description
			}
			steps = append(steps, plannedStep{Step: Step{Step: "Before the move, put in place what the " + gateStage + " stage needs: " + strings.Join(fields, "; "), Why: why}, builds: fields})
		}
	}
	if !same {
		addStructureSteps(&steps, cur, target, st, rc, gate, beforeMove)
	}
	train()
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
	// With no structure stated, an agency that works for the organisation
	// today is today's sourcing: bringing its work in-house is a step.
	agencyToday := cur == nil && p.Agency == AgencyCurrent
	if (cur == nil && (target.Sourcing != InHouse || agencyToday)) || (cur != nil && cur.Sourcing != target.Sourcing) {
		_, care := touchpointOf(f, touchpoint.CustomerSupport)
		add(sourcingStep(target.Sourcing, care), sourcingWhy(target.Sourcing, rc.benchmarks, p.Employees))
	}
	out := make([]Step, len(steps))
	for i := range steps {
		out[i] = steps[i].Step
	}
	return planGaps(out, gaps)
}

// gateMarkers lists the markers of the stages above the diagnosed one, up
// to the stage named from, that p does not have in place (the order of
// the maturity model, each once).
func gateMarkers(rc *roadmapContext, p *Profile, from string) []Marker {
	m := rc.maturity
	if m == nil || rc.level < 1 {
		return nil
	}
	var out []Marker
	for k := rc.level; k < len(m.Stages); k++ {
		st := &m.Stages[k]
		for _, mk := range st.Markers {
			if m.markerState(p, &mk) != markerMet && !slices.ContainsFunc(out, func(o Marker) bool { return o.Says == mk.Says }) {
				out = append(out, mk)
			}
		}
		if st.Name == from {
			break
		}
	}
	return out
}

// practice returns the maturity model's practice id, nil if unknown.
func (rc *roadmapContext) practice(id string) *Practice {
	if rc.maturity == nil {
		return nil
	}
	for i := range rc.maturity.Practices {
		if rc.maturity.Practices[i].ID == id {
			return &rc.maturity.Practices[i]
		}
	}
	return nil
}

// stage returns the maturity model's stage called name, nil if unknown.
func (rc *roadmapContext) stage(name string) *Stage {
	if rc.maturity == nil {
		return nil
	}
	for i := range rc.maturity.Stages {
		if rc.maturity.Stages[i].Name == name {
			return &rc.maturity.Stages[i]
		}
	}
	return nil
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

// newSpokes lists the spokes (department labels) that take on work under
// target which they did not do under cur: every spoke when today's
// structure is unknown or has no spokes.
func newSpokes(spokes []string, cur *Structure, target Structure, f *facts) []string {
	if cur == nil || cur.Model < HubAndSpoke {
		return spokes
	}
	before := spokeNames(raci(*cur, f), *cur)
	var out []string
	for _, s := range spokes {
		if !slices.Contains(before, s) {
			out = append(out, s)
		}
	}
	return out
}

// addStructureSteps adds the steps that change the structure. A target
// beyond the stage (gate lists what its stage needs and the profile does
// not have) is reached through the best-ranked structure of the model the
// stage carries; beforeMove adds what the move waits for, and runs only
// then.
func addStructureSteps(steps *[]plannedStep, cur *Structure, target Structure, st *roadmapStage, rc *roadmapContext, gate []Marker, beforeMove func()) {
	add := func(step, why string, builds ...string) {
		*steps = append(*steps, plannedStep{Step: Step{Step: step, Why: why}, builds: builds})
	}
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
	fit := st.fit
	if fit == nil || fit.Carried || fit.Model != target.Model || fit.From == "" {
		add("Stand up the target structure: "+target.Name(), why)
		return
	}
	// The target is beyond what the stage carries: the structure the
	// stage carries first, then the target once the stage that carries
	// it is reached.
	if fit.Via != 0 {
		grow := fmt.Sprintf("Programmes usually grow step by step: organic, then a central team, then hub-and-spoke as confidence and maturity grow, then hubs per unit (Owyang 2010; Terpening/Prophet 2015; Altimeter 2013); organisations at the %s stage usually run %s set-ups (%s)",
			st.stage, joinOr(modelTokens(st.carries)), st.carriesSource)
		if i := slices.IndexFunc(rc.ranking, func(r Ranked) bool { return r.Structure.Model == fit.Via }); i >= 0 {
			first := rc.ranking[i]
			// A team meets the stage's staff markers it is staffed for.
			var builds []string
			for _, mk := range gate {
				if mk.Field == "social_staff" && first.Staffing.FTE >= mk.Min {
					builds = append(builds, mk.Says)
				}
			}
			add("Start with "+withArticle(first.Structure.Name())+" as the first structure",
				grow+fmt.Sprintf("; of the %s structures, this one ranks best for this profile (%s of %d).", fit.Via, ordinal(first.Rank), len(rc.ranking)), builds...)
		} else {
			add(fmt.Sprintf("Start with %s as the first structure; none was among the structures ranked for this profile, so choose its home and role with the project team", viaPhrase(fit.Via)),
				grow+".")
		}
	}
	beforeMove()
	when := "once the programme reaches the " + fit.From + " stage"
	if len(fit.Needs) > 0 {
		when += " (" + strings.Join(fit.Needs, "; ") + ")"
	}
	add("Move to the target structure "+when+": "+target.Name(), why)
}

// withArticle puts "a" before a structure's name, in lower case
// ("Centralized team in Communications" → "a centralized team in
// Communications").
func withArticle(name string) string {
	if name != "" && name[0] >= 'A' && name[0] <= 'Z' {
		name = string(name[0]+'a'-'A') + name[1:]
	}
	return "a " + name
}

// viaPhrase names a transitional operating model in a sentence.
func viaPhrase(m OperatingModel) string {
	switch m {
	case Centralized:
		return "a centralized team"
	case HubAndSpoke:
		return "a single hub-and-spoke centre"
	case Dandelion:
		return "hubs in the largest units"
	}
	return "an " + m.String() + " set-up"
}

// modelTokens returns the models' names.
func modelTokens(ms []OperatingModel) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

// joinOr joins names as "a, b or c".
func joinOr(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// homeWhere names a home after "in" or "to": "its own executive unit"
// for the executive home, else the department.
func homeWhere(d touchpoint.Department) string {
	if d == touchpoint.Executive {
		return "its own executive unit"
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

// sourcingWhy is the reason for the sourcing step, with the peer figure
// for the organisation's size from the benchmarks (the sourcing rows that
// apply to its head count, as the peer table chooses them): a hybrid
// cites the rows of its size band, in-house the rows for every size.
func sourcingWhy(s Sourcing, b *Benchmarks, employees int) string {
	var why string
	switch s {
	case Hybrid:
		why = "Outsourcing campaigns, creative and launches is widely accepted, daily engagement is not (Attensity on CustomerThink; NetBase)"
	case Agency:
		return "Agencies bring craft and shared tools but a weaker real-time reaction and a risk of losing brand data (Attensity on CustomerThink)."
	default:
		why = "In-house teams keep culture, access and speed (Attensity on CustomerThink)"
	}
	if b != nil {
		for _, r := range b.Benchmarks {
			allSizes := len(r.Employees) != 2 || (r.Employees[0] <= 1 && r.Employees[1] == 0)
			if r.Measure == MeasureSourcing && inRange(r.Employees, employees) && allSizes == (s == InHouse) {
				why += "; " + r.Peers + " (" + r.Source + ")"
			}
		}
	}
	return why + "."
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
