package placement

import (
	"slices"
	"strconv"
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
// sectors.yaml; the wording of every other step and reason comes from
// roadmap.yaml (roadmapSlots lists its texts), with the published figures
// they quote and their sources.
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
		if pr := rc.practice(id); pr != nil && pr.Matters != "" {
			return wording.say("gate.why.matters", "stage", gateStage, "needs", says, "matters", strings.TrimSuffix(pr.Matters, "."), "source", pr.Source)
		}
		return wording.say("gate.why", "stage", gateStage, "needs", says)
	}

	if same {
		add(wording.say("keep.step", "structure", target.Name()), wording.say("keep.why"))
	}
	formal := !same && target.Model != Organic
	// Medium and large organisations begin with a project team; the
	// audit is then its first task.
	team := formal && p.Employees >= narr.dedicatedOwner
	audit := func() {
		if same || has("account-inventory") || !(cur == nil || cur.Model == Organic || needs("account-inventory")) {
			return
		}
		var why string
		switch {
		case target.Model == Organic:
			why = wording.say("audit.why.organic")
		case cur != nil && cur.Model != Organic:
			why = gateWhy("account-inventory")
		case unsure:
			why = wording.say("audit.why.unsure")
		default:
			why = wording.say("audit.why.informal")
		}
		switch {
		case team && (cur == nil || cur.Model == Organic):
			why = wording.say("audit.why.team-spans", "why", why)
		case team:
			why = wording.say("audit.why.team", "why", why)
		}
		add(wording.say("audit.step"), why, "account-inventory")
	}
	if !team {
		audit()
	}
	// The sponsor comes before the project team it leads. A named sponsor
	// (answered Yes) is not won again; a weak one is asked to back the
	// change.
	sponsor := wording.say("sponsor.with")
	if formal {
		a := answer("executive-sponsor")
		switch {
		case a == No || (a == Unknown && p.ExecutiveSponsorship < DefaultScale):
			what := wording.say("sponsor.win.step")
			if p.ExecutiveSponsorship < DefaultScale {
				what = wording.say("sponsor.win.step-level", "sponsorship", strconv.Itoa(p.ExecutiveSponsorship))
			}
			add(what, wording.say("sponsor.why"), "executive-sponsor")
			sponsor = wording.say("sponsor.that")
		case a == Unknown && needs("executive-sponsor"):
			add(wording.say("sponsor.name.step"), gateWhy("executive-sponsor"), "executive-sponsor")
			sponsor = wording.say("sponsor.that")
		case a == Yes && p.ExecutiveSponsorship < DefaultScale:
			add(wording.say("sponsor.back.step", "sponsorship", strconv.Itoa(p.ExecutiveSponsorship)), wording.say("sponsor.why"))
			sponsor = wording.say("sponsor.yours")
		case a == Yes:
			sponsor = wording.say("sponsor.yours")
		}
	}
	if team {
		owners := strings.Join(ownerNames(f), ", ")
		step := wording.say("team.step", "owners", owners, "sponsor", sponsor)
		if unsure {
			step = wording.say("team.step.unsure", "owners", owners, "sponsor", sponsor)
		}
		add(step, wording.say("team.why"))
		audit()
	}
	if formal {
		switch {
		case p.ExecutiveSponsorship < DefaultScale:
			// the sponsor step above comes first
		case hasSpokes && len(spokes) > 0:
			step := wording.say("buyin.step", "spokes", joinAnd(spokes))
			if target.Model == Dandelion {
				step = wording.say("buyin.step.dandelion", "spokes", joinAnd(spokes))
			}
			add(step, wording.say("buyin.why"))
		case target.Model == Centralized:
			if taken := takenOver(f, target); len(taken) > 0 {
				add(wording.say("brief.step", "departments", joinAnd(taken)), wording.say("brief.why"))
			}
		}
	}
	// Practices in place that the change of structure touches: adapted in
	// one step rather than built again.
	var adapt []string
	if target.Model != Organic || p.Employees >= narr.dedicatedOwner {
		if !has("policy") {
			add(wording.say("policy.step"), wording.say("policy.why"), "policy")
		} else if !same {
			adapt = append(adapt, wording.say("adapt.policy"))
		}
	}
	if p.Touchpoints[touchpoint.CrisisResponse] > 0 || p.Regulation >= narr.regulated || needs("crisis-plan") {
		if !has("crisis-plan") {
			add(wording.say("crisis.step"), wording.say("crisis.why"), "crisis-plan")
		} else if !same {
			adapt = append(adapt, wording.say("adapt.crisis"))
		}
	}
	if p.Regulation >= narr.heavilyRegulated {
		rs := narr.regulatedStep(p.Sector)
		if !has("archiving") {
			add(rs.Step, wording.say("regulated.why", "regulation", strconv.Itoa(p.Regulation), "why", rs.Why), "archiving")
		} else if !same {
			adapt = append(adapt, wording.say("adapt.archiving"))
		}
	}
	if len(adapt) > 0 {
		add(wording.say("adapt.step", "practices", joinAnd(adapt)), wording.say("adapt.why"))
	}
	for _, ss := range narr.entry(p.Sector).Steps {
		if activeAny(f, ss.WhenActive) {
			add(ss.Step, ss.Why)
		}
	}
	if p.SignOffLayers >= narr.signoffBottleneck {
		add(wording.say("signoff.step", "layers", strconv.Itoa(p.SignOffLayers)), wording.say("signoff.why"))
	}
	trainWhy := wording.say("train.why")
	trained := false
	train := func() {
		if trained {
			return
		}
		trained = true
		switch {
		case target.Model == Honeycomb && !has("training"):
			add(wording.say("train.everyone.step"), trainWhy, "training", "policy-known")
		case target.Model == Honeycomb && !same:
			add(wording.say("train.everyone.extend.step"), trainWhy, "policy-known")
		case target.Model != Organic && len(spokes) > 0 && !has("training"):
			add(wording.say("train.spokes.step", "spokes", joinAnd(spokes)), trainWhy, "training", "policy-known")
		case target.Model != Organic && !same:
			// Trained departments are retrained only for work the new
			// structure gives them.
			if fresh := newSpokes(spokes, cur, target, f); len(fresh) > 0 {
				add(wording.say("train.refresh.step", "spokes", joinAnd(fresh)), trainWhy, "policy-known")
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
				step := wording.say("gate.practice.step", "needs", mk.Says)
				if pr := rc.practice(mk.Practice); pr != nil && pr.Step != "" {
					step = pr.Step
				}
				add(step, gateWhy(mk.Practice), mk.Practice)
			default:
				fields = append(fields, mk.Says)
			}
		}
		if len(fields) > 0 {
			why := wording.say("gate.fields.why", "stage", gateStage)
			if rc.maturity != nil && rc.maturity.Source != "" {
				why = wording.say("gate.fields.why.source", "stage", gateStage, "source", rc.maturity.Source)
			}
			if s := rc.stage(gateStage); s != nil && s.Description != "" {
				why += " " + s.Description
			}
			steps = append(steps, plannedStep{Step: Step{Step: wording.say("gate.fields.step", "stage", gateStage, "needs", strings.Join(fields, "; ")), Why: why}, builds: fields})
		}
	}
	if !same {
		addStructureSteps(&steps, cur, target, st, rc, gate, beforeMove)
	}
	train()
	if !same && hasSpokes && len(spokes) > 0 {
		why := wording.say("extend.why")
		for _, o := range narr.owners {
			if tp, ok := touchpointOf(f, o.Touchpoint); ok && slices.Contains(spokes, tp.Owner.Label()) {
				why = o.Why + " " + why
			}
		}
		add(wording.say("extend.step", "spokes", joinAnd(spokes)), why)
	}
	if target.Model == Dandelion {
		add(wording.say("dandelion.step"), wording.say("dandelion.why"))
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
	return planGaps(out, gaps, same)
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
// practice earlier in gapOrder (or first, after the step that keeps
// today's structure when kept says there is one), and marks the gaps
// planned.
func planGaps(steps []Step, gaps []Gap, kept bool) []Step {
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
			if kept && len(steps) > 0 {
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
		add(wording.say("organic.step"), wording.say("organic.why"))
		return
	}
	if cur != nil && cur.Model != Organic && cur.Home != target.Home {
		add(wording.say("home.step", "from", cur.Home.Label(), "to", homeWhere(target.Home)), wording.say("home.why"))
	}
	if cur != nil && cur.Role != NoRole && cur.Role != target.Role {
		why := wording.say("role.why")
		if cur.Role == Executing {
			why = wording.say("role.why.executing")
		}
		add(wording.say("role.step", "from", roleLabels[cur.Role], "to", roleLabels[target.Role]), why)
	}
	why := wording.say("centre.why")
	if target.Model == Centralized {
		why = wording.say("centre.why.centralized")
	}
	fit := st.fit
	if fit == nil || fit.Carried || fit.Model != target.Model || fit.From == "" {
		add(wording.say("standup.step", "structure", target.Name()), why)
		return
	}
	// The target is beyond what the stage carries: the structure the
	// stage carries first, then the target once the stage that carries
	// it is reached.
	if fit.Via != 0 {
		stage, models := st.stage, joinOr(modelTokens(st.carries))
		if i := slices.IndexFunc(rc.ranking, func(r Ranked) bool { return r.Structure.Model == fit.Via }); i >= 0 {
			first := rc.ranking[i]
			// A team meets the stage's staff markers it is staffed for.
			var builds []string
			for _, mk := range gate {
				if mk.Field == "social_staff" && first.Staffing.FTE >= mk.Min {
					builds = append(builds, mk.Says)
				}
			}
			add(wording.say("via.step", "structure", withArticle(first.Structure.Name())),
				wording.say("via.why", "stage", stage, "models", models, "source", st.carriesSource,
					"model", fit.Via.String(), "rank", ordinal(first.Rank), "count", strconv.Itoa(len(rc.ranking))), builds...)
		} else {
			add(wording.say("via.step.unranked", "via", viaPhrase(fit.Via)),
				wording.say("via.why.unranked", "stage", stage, "models", models, "source", st.carriesSource))
		}
	}
	beforeMove()
	if len(fit.Needs) > 0 {
		add(wording.say("move.step.needs", "stage", fit.From, "needs", strings.Join(fit.Needs, "; "), "structure", target.Name()), why)
		return
	}
	add(wording.say("move.step", "stage", fit.From, "structure", target.Name()), why)
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
		return wording.say("via.centralized")
	case HubAndSpoke:
		return wording.say("via.hub-and-spoke")
	case Dandelion:
		return wording.say("via.dandelion")
	}
	return wording.say("via.other", "model", m.String())
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
		return wording.say("home.executive")
	}
	return d.Label()
}

func sourcingStep(s Sourcing, care bool) string {
	switch {
	case s == Hybrid && care:
		return wording.say("sourcing.hybrid-care.step")
	case s == Hybrid:
		return wording.say("sourcing.hybrid.step")
	case s == Agency:
		return wording.say("sourcing.agency.step")
	}
	return wording.say("sourcing.in-house.step")
}

// sourcingWhy is the reason for the sourcing step, with the peer figure
// for the organisation's size from the benchmarks (the sourcing rows that
// apply to its head count, as the peer table chooses them): a hybrid
// cites the rows of its size band, in-house the rows for every size.
func sourcingWhy(s Sourcing, b *Benchmarks, employees int) string {
	var why string
	switch s {
	case Hybrid:
		why = wording.say("sourcing.hybrid.why")
	case Agency:
		return wording.say("sourcing.agency.why")
	default:
		why = wording.say("sourcing.in-house.why")
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
