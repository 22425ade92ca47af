package report

import (
	"cmp"
	"fmt"
	"github.com/socialseat/socialseat/internal/textenum"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/chart"
	"github.com/socialseat/socialseat/touchpoint"
)

// view is everything a report shows, as plain strings in display order.
// Both the HTML and the Markdown writers render it; neither computes
// anything.
type view struct {
	Title, Subtitle string
	Org             string          // the organisation's name, or "" for none
	Charts          map[string]bool // the charts figures builds, by name
	Lead            string          // one paragraph: the recommendation in words
	Facts           []fact          // model, method, candidates …
	Winner          rankedView
	Current         string // where today's structure ranks, or ""

	Profile     []fact
	Touchpoints []touchpointView

	Top        []rankedView
	Considered int
	Better     string // "higher" or "lower"
	Detailed   []rankedView

	Weights      []weightView
	WeightsLead  string   // where the weights came from, as a sentence
	WeightsItems []string // the adjustments, if the source lists them

	RACIStructure string
	RACI          []raciView

	Stage      *stageView
	Benchmarks []benchView
	Missing    []gapView // governance practices answered No
	Questions  []string  // governance practices not stated: questions to ask

	Roadmap []stepView

	Robustness string
	CrossCheck []fact
	SMAALead   string
	SMAA       []smaaView
	SensLead   string
	Sens       []sensView
	Dimensions []dimView
	DimSMAA    bool // the dimensions' shares come from SMAA

	Provenance   string // which model scored the recommendation, in a sentence
	ModelDesc    string
	Evidence     []fact
	Assumptions  []string
	Sources      []sourceView
	Coefficients []coefficientView
}

type fact struct{ Label, Value string }

type rankedView struct {
	Rank                  int
	Name, ID, Score       string
	Strengths, Weaknesses []string
}

type touchpointView struct {
	Name, Owner string
	Activity    int
	id          string // for the order of touchpoints the catalogue does not know
}

type weightView struct {
	Label, Weight, Direction string
}

type raciView struct {
	Touchpoint                                  string
	Responsible, Accountable, Consulted, Inform string
}

type smaaView struct {
	Name, FirstRank, Confidence string
}

// sensView is one criterion's weight margin.
type sensView struct {
	Criterion, Weight, Margin, Next string
}

type coefficientView struct {
	ID, Value, Evidence, Rationale, Source string
}

// newView collects what the report shows. It reads rec and never writes
// to it.
func newView(rec *placement.Recommendation, o Options) (*view, error) {
	p := rec.Profile
	v := &view{
		Org:        strings.TrimSpace(p.Name),
		Subtitle:   o.Subtitle,
		Considered: len(rec.Ranking),
		Better:     rec.Result.Better.String(),
		Charts:     chartNames(rec, o),
	}
	v.Title = o.Title
	if v.Title == "" {
		v.Title = placement.Title(p.Name)
	}
	for i, e := range rec.Ranking[:o.Top] {
		rv := ranked(e)
		if i == 0 {
			v.Winner = rv
		}
		v.Top = append(v.Top, rv)
		if len(e.Strengths)+len(e.Weaknesses) > 0 {
			v.Detailed = append(v.Detailed, rv)
		}
	}
	if len(v.Detailed) == 0 {
		// The winner is always explained, even when outside Top.
		for _, e := range rec.Ranking {
			if len(e.Strengths)+len(e.Weaknesses) > 0 {
				v.Detailed = append(v.Detailed, ranked(e))
			}
		}
	}
	v.Lead = lead(rec, v)
	if p.Current != nil {
		id := p.Current.ID()
		for _, e := range rec.Ranking {
			if e.Structure.ID() == id {
				v.Current = fmt.Sprintf("Today's structure, %s, ranks %s of %d.", e.Structure.Name(), ordinal(e.Rank), len(rec.Ranking))
				break
			}
		}
	}
	v.Facts = []fact{
		{"Recommended structure", v.Winner.Name},
		{"Structures considered", strconv.Itoa(len(rec.Ranking))},
		{"Ranking method", placement.MethodName(rec.Result.Method)},
	}

	v.Profile = profileFacts(p, rec.Assumptions)
	v.Touchpoints = touchpoints(p, o.Catalog)

	for _, c := range placement.Criteria() {
		dir := "higher is better"
		if c.IsCost() {
			dir = "lower is better"
		}
		v.Weights = append(v.Weights, weightView{Label: c.Label(), Weight: pct(rec.Weights.Get(c)), Direction: dir})
	}
	v.WeightsLead, v.WeightsItems = splitSource(placement.WeightsText(rec.WeightsSource))

	v.RACIStructure = v.Winner.Name
	names := touchpointNames(o.Catalog)
	for _, a := range rec.RACI {
		v.RACI = append(v.RACI, raciView{
			Touchpoint:  nameOf(names, a.Touchpoint),
			Responsible: departments(a.Responsible),
			Accountable: departments([]touchpoint.Department{a.Accountable}),
			Consulted:   departments(a.Consulted),
			Inform:      departments(a.Informed),
		})
	}
	consult(rec, v)

	v.Robustness = robustness(rec)
	if c := rec.Robustness.CrossCheck; c.Method != "" {
		same := "no"
		if c.SameWinner {
			same = "yes"
		}
		v.CrossCheck = []fact{
			{"Second method", placement.MethodName(c.Method)},
			{"Its best structure", nameByID(rec.Ranking, c.Winner)},
			{"Same best structure", same},
			{"Rank of its best structure here", strconv.Itoa(c.WinnerRank)},
			{"Spearman's rank correlation", fmt.Sprintf("%.2f", c.Spearman)},
			{"Kendall's tau", fmt.Sprintf("%.2f", c.Kendall)},
		}
	}

	if sm := rec.Robustness.SMAA; sm != nil {
		v.SMAALead = fmt.Sprintf("Under %s weightings drawn around these weights (SMAA-2, Lahdelma & Salminen 2001; Dirichlet concentration %g, seed %d), the recommended structure comes first in %s of them.",
			thousands(sm.Samples), sm.Concentration, sm.Seed, pct(sm.TopFirstRank))
		for _, a := range sm.Structures {
			name := a.ID // a structure outside the ranking is named by its ID
			for _, e := range rec.Ranking {
				if e.Structure.ID() == a.ID {
					name = e.Structure.Name()
					break
				}
			}
			v.SMAA = append(v.SMAA, smaaView{Name: name, FirstRank: pct(a.FirstRank), Confidence: pct(a.Confidence)})
		}
	}

	if s := rec.Robustness.Sensitivity; s != nil {
		v.SensLead, v.Sens = sensitivityView(rec, s)
	}

	v.Provenance = placement.ModelProvenance(rec.Model)
	v.Assumptions = assumptions(rec)
	if m := o.Model; m != nil {
		v.Provenance = placement.ModelProvenance(m.Identity())
		v.ModelDesc = m.Description
		v.Evidence = evidence(*m)
		v.Sources = sources(rec, v, *m, o.Catalog)
		if o.Coefficients {
			for _, c := range m.Coefficients {
				v.Coefficients = append(v.Coefficients, coefficientView{
					ID: c.ID, Value: strconv.FormatFloat(c.Value, 'g', -1, 64),
					Evidence: c.Evidence.String(), Rationale: c.Rationale, Source: clientSource(c.Source),
				})
			}
		}
	}
	return v, nil
}

func ranked(e placement.Ranked) rankedView {
	return rankedView{
		Rank: e.Rank, Name: e.Structure.Name(), ID: e.Structure.ID(), Score: fmt.Sprintf("%.3f", e.Score),
		Strengths: slices.Clone(e.Strengths), Weaknesses: slices.Clone(e.Weaknesses),
	}
}

// lead states the recommendation in one paragraph.
func lead(rec *placement.Recommendation, v *view) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Of %d ways to organise social media, the model ranks %s first.", len(rec.Ranking), v.Winner.Name)
	// The margin that matters is to another operating model: the
	// structures just behind the first are often its twins.
	if a := rec.Robustness.Alternative; a != nil {
		fmt.Fprintf(&b, " The nearest alternative with a different operating model is %s, ranked %s and %.3f points of score behind.",
			a.Name, ordinal(a.Rank), a.Gap)
		if a.Rank > 2 {
			second := rec.Ranking[1]
			fmt.Fprintf(&b, " The structures ranked between them, such as %s (%.3f behind), run the same operating model with another home, role or sourcing.",
				second.Structure.Name(), math.Abs(rec.Ranking[0].Score-second.Score))
		}
	} else if len(rec.Ranking) > 1 {
		second := rec.Ranking[1]
		fmt.Fprintf(&b, " Every structure considered runs the same operating model; the next, %s, is %.3f points of score behind.",
			second.Structure.Name(), math.Abs(rec.Ranking[0].Score-second.Score))
	}
	return b.String()
}

// profileFacts lists the profile as used; a value the profile did not
// state (one of its assumptions) is marked "(assumed)", so that the client
// does not read a default as a fact it gave.
func profileFacts(p placement.Profile, assumed []placement.Assumption) []fact {
	scale := func(v int) string { return strconv.Itoa(v) + " of 5" }
	current := "no formal structure"
	if p.Current != nil {
		current = p.Current.Name()
	}
	// Each row with the profile field it shows.
	rows := []struct {
		key string
		fact
	}{
		{"name", fact{"Organisation", orDash(p.Name)}},
		{"employees", fact{"Employees", thousands(p.Employees)}},
		{"business_units", fact{"Business units", strconv.Itoa(p.BusinessUnits)}},
		{"countries", fact{"Countries", strconv.Itoa(p.Countries)}},
		{"founded", fact{"Founded", strconv.Itoa(p.Founded)}},
		{"social_priority", fact{"Priority of social media", scale(p.SocialPriority)}},
		{"social_staff", fact{"Staff on social media", strconv.FormatFloat(p.SocialStaff, 'g', -1, 64) + " FTE"}},
		{"budget_level", fact{"Budget level", scale(p.BudgetLevel)}},
		{"sign_off_layers", fact{"Sign-off layers for a routine post", strconv.Itoa(p.SignOffLayers)}},
		{"silos", fact{"Silos", scale(p.Silos)}},
		{"department_harmony", fact{"Harmony of marketing, communications and service", scale(p.DepartmentHarmony)}},
		{"regulation", fact{"Regulatory exposure", scale(p.Regulation)}},
		{"maturity", fact{"Social media maturity", scale(p.Maturity)}},
		{"executive_sponsorship", fact{"Executive sponsorship", scale(p.ExecutiveSponsorship)}},
		{"agency", fact{"Stance on agencies", agencyLabel(p.Agency)}},
		{"current", fact{"Current structure", current}},
	}
	fs := make([]fact, 0, len(rows))
	for _, r := range rows {
		if (r.key == "founded" && p.Founded == 0) || (r.key == "name" && strings.TrimSpace(p.Name) == "") {
			continue
		}
		if slices.ContainsFunc(assumed, func(a placement.Assumption) bool { return a.Field == r.key }) {
			r.Value += " (assumed)"
		}
		fs = append(fs, r.fact)
	}
	return fs
}

// agencyLabel is a reader's phrase for a stance on agencies.
func agencyLabel(a placement.AgencyStance) string {
	switch a {
	case placement.AgencyNone:
		return "no agency, and none wanted"
	case placement.AgencyCurrent:
		return "works with an agency today"
	case placement.AgencyOpen, 0:
		return "no agency today, open to one"
	}
	return a.String()
}

// touchpoints lists the active touchpoints in catalogue order, then any
// the catalogue does not know, by ID.
func touchpoints(p placement.Profile, c *touchpoint.Catalog) []touchpointView {
	var out []touchpointView
	seen := map[touchpoint.ID]bool{}
	for _, t := range c.All() {
		seen[t.ID] = true
		if a := p.Touchpoints[t.ID]; a > 0 {
			out = append(out, touchpointView{Name: t.Name, Owner: deptLabel(t.Owner), Activity: a})
		}
	}
	var unknown []touchpointView
	for id, a := range p.Touchpoints {
		if !seen[id] && a > 0 {
			unknown = append(unknown, touchpointView{Name: idWords(string(id)), Owner: "—", Activity: a, id: string(id)})
		}
	}
	slices.SortFunc(unknown, func(a, b touchpointView) int { return cmp.Compare(a.id, b.id) })
	return append(out, unknown...)
}

func touchpointNames(c *touchpoint.Catalog) map[touchpoint.ID]string {
	m := map[touchpoint.ID]string{}
	for _, t := range c.All() {
		m[t.ID] = t.Name
	}
	return m
}

func nameOf(names map[touchpoint.ID]string, id touchpoint.ID) string {
	if n, ok := names[id]; ok && n != "" {
		return n
	}
	return idWords(string(id))
}

// idWords writes an ID the catalogue has no name for in words:
// "social-listening" gives "Social listening".
func idWords(id string) string {
	return upperFirst(strings.ReplaceAll(id, "-", " "))
}

// nameByID is the name of the ranked structure with the given ID (an
// unknown ID stands for itself).
func nameByID(r []placement.Ranked, id string) string {
	for _, e := range r {
		if e.Structure.ID() == id {
			return e.Structure.Name()
		}
	}
	return orDash(id)
}

// splitSource turns a recommendation's weights source into a sentence
// and, for the model's derivation ("derived from …: item; item; …"), the
// list of adjustments, which the sentence introduces.
func splitSource(s string) (string, []string) {
	head, rest, ok := strings.Cut(s, ": ")
	switch {
	case s == "":
		return "The recommendation does not say where the weights came from.", nil
	case ok && strings.HasPrefix(head, "derived from") && strings.Contains(rest, "; "):
		return "The weights were " + head + ":", strings.Split(rest, "; ")
	case ok && head == "profile":
		return "The weights were " + strings.TrimPrefix(rest, "the weights ") + ".", nil
	}
	return "Where the weights came from: " + strings.TrimSuffix(s, ".") + ".", nil
}

// assumptions are the model's working assumptions a reader should know.
func assumptions(rec *placement.Recommendation) []string {
	var crit []string
	for _, c := range placement.Criteria() {
		crit = append(crit, c.Label())
	}
	stated := "Profile fields that were not stated take defaults: one business unit and one country, 3 of 5 on the scales (regulation 1), agencies allowed."
	if len(rec.Assumptions) > 0 {
		var parts []string
		for _, g := range placement.GroupAssumptions(rec.Assumptions) {
			parts = append(parts, g.Reason+": "+g.Values)
		}
		stated = "What the profile did not state was assumed — " + strings.Join(parts, "; ") + "."
	}
	return []string{
		fmt.Sprintf("Each structure is rated on %d criteria (%s) on a 0–10 scale; cost and change effort count against a structure, the others for it.",
			len(crit), strings.Join(crit, ", ")),
		"The ratings come from the model's coefficients applied to the profile: the direction of each effect comes from the published sources, its size is mostly judgement (see the evidence counts).",
		"The ranking is " + placement.MethodName(rec.Result.Method) + " of the ratings with the weights shown; a second method cross-checks it (see Robustness).",
		stated,
		"In the RACI map, the department that does the work is responsible and, except for the riskiest work, also accountable; the centre's home, the touchpoint's partners and, for risky work, legal are consulted.",
		"The recommendation supports a decision; it does not replace the judgement of the people who know the organisation.",
	}
}

// evidence counts the model's coefficients by kind of evidence.
func evidence(m placement.Model) []fact {
	counts := map[placement.Evidence]int{}
	for _, c := range m.Coefficients {
		counts[c.Evidence]++
	}
	labels := []struct {
		e placement.Evidence
		l string
	}{
		{placement.Survey, "a named survey or benchmark"},
		{placement.Analyst, "an analyst or practitioner framework"},
		{placement.Theory, "organisational-design theory or research"},
		{placement.Vendor, "a vendor guide"},
		{placement.Judgement, "our judgement, derived from the above"},
	}
	var out []fact
	for _, x := range labels {
		if n := counts[x.e]; n > 0 {
			out = append(out, fact{x.l, strconv.Itoa(n)})
		}
	}
	return out
}

// work returns a citation without its parenthesised notes and with its
// spaces collapsed: "Altimeter 2011 (76% of crises preventable)" gives
// "Altimeter 2011". A citation that is all notes is kept whole.
func work(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	w := strings.Join(strings.Fields(b.String()), " ")
	if w == "" {
		w = strings.Join(strings.Fields(s), " ")
	}
	return w
}

// splitOutside splits s at sep where sep is not inside parentheses or
// brackets, so "A 2011 (x; y); B 2013" gives "A 2011 (x; y)" and " B 2013".
func splitOutside(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case r == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + len(string(sep))
		}
	}
	return append(out, s[start:])
}

// figures builds the report's charts.
func figures(rec *placement.Recommendation, o Options) ([]Figure, error) {
	top := rec.Ranking[:o.Top]
	var labels []string
	for _, c := range placement.Criteria() {
		labels = append(labels, c.Label())
	}
	res := topResult(rec.Result, top, labels)
	var figs []Figure
	c, err := chart.Ranking(res, o.Chart)
	if err != nil {
		return nil, fmt.Errorf("report: ranking chart: %w", err)
	}
	better := "higher"
	if res.Better == scoring.Lower {
		better = "lower"
	}
	figs = append(figs, Figure{Name: "ranking", Chart: c,
		Caption: fmt.Sprintf("The %d best of %d structures by score (%s is better); the recommended structure in orange.", len(top), len(rec.Ranking), better)})
	have := chartNames(rec, o)
	if have["contributions"] {
		c, err := chart.Contributions(res, o.Chart)
		if err != nil {
			return nil, fmt.Errorf("report: contributions chart: %w", err)
		}
		figs = append(figs, Figure{Name: "contributions", Chart: c,
			Caption: "What makes up each score: every criterion's weight times the structure's normalised rating on it."})
	}
	c, err = chart.Weights(chart.WeightsData{Criteria: labels, Weights: rec.Weights.Slice()}, o.Chart)
	if err != nil {
		return nil, fmt.Errorf("report: weights chart: %w", err)
	}
	figs = append(figs, Figure{Name: "weights", Chart: c, Caption: "The weight of each criterion in the ranking."})
	if have["acceptability"] {
		a := acceptability(rec)
		co := o.Chart
		if co.Limit == 0 {
			co.Limit = min(o.Top, 8)
		}
		c, err := chart.Acceptability(a, co)
		if err != nil {
			return nil, fmt.Errorf("report: acceptability chart: %w", err)
		}
		figs = append(figs, Figure{Name: "acceptability", Chart: c,
			Caption: fmt.Sprintf("How sure is the ranking? For the %s most often near the top, the share of the %s sampled weightings that give each structure each rank (SMAA-2); read along a row.",
				plural(min(co.Limit, len(a.Alternatives)), "structure"), thousands(a.Samples))})
	}
	if have["sensitivity"] {
		s := rec.Robustness.Sensitivity
		m, _ := s.Tightest()
		c, err := sensitivityChart(rec, s.Analysis, int(m.Criterion)-1, o)
		if err != nil {
			return nil, err
		}
		figs = append(figs, Figure{Name: "sensitivity", Chart: c,
			Caption: fmt.Sprintf("The scores of the leading structures, and of the one that would take over, as the weight of %s moves from 0 to 100%% (the others keep their proportions): the dashed line marks the weight used in this ranking, the diamond where another structure comes first, rings where two structures swap places.", m.Criterion.Label())})
	}
	return figs, nil
}

// sensitivityView states the weight sensitivity in plain words and as one
// row per criterion, the tightest margins first.
func sensitivityView(rec *placement.Recommendation, s *placement.SensitivitySummary) (string, []sensView) {
	var lead string
	if m, ok := s.Tightest(); ok && m.Change == 0 {
		lead = fmt.Sprintf("Moving one weight at a time, the others keeping their proportions: the recommended structure is level with %s at these weights, so the smallest move of the weight of %s in its favour changes the recommendation.",
			nameByID(rec.Ranking, m.Next), m.Criterion.Label())
	} else if ok {
		dir := "rises"
		if m.Change < 0 {
			dir = "falls"
		}
		lead = fmt.Sprintf("Moving one weight at a time, the others keeping their proportions: the recommendation is most sensitive to %s, and holds until its weight %s from %s to %s, when %s comes first.",
			m.Criterion.Label(), dir, pct(m.Weight), pct(m.At), nameByID(rec.Ranking, m.Next))
	} else {
		lead = "Moving one weight at a time, anywhere from 0 to 100% with the others keeping their proportions, never changes the recommendation."
	}
	if !s.Exact {
		lead += " (The thresholds were found on a grid of weights, so a change between grid points can be missed.)"
	}
	ms := slices.Clone(s.Margins)
	slices.SortStableFunc(ms, func(a, b placement.WeightMargin) int {
		if a.Holds != b.Holds {
			if a.Holds {
				return 1
			}
			return -1
		}
		return cmp.Compare(math.Abs(a.Change), math.Abs(b.Change))
	})
	rows := make([]sensView, len(ms))
	for k, m := range ms {
		r := sensView{Criterion: m.Criterion.Label(), Weight: pct(m.Weight), Margin: "holds from 0% to 100%", Next: "—"}
		switch {
		case !m.Holds && m.Change == 0:
			r.Margin = "level now: any move in the other's favour changes it"
			r.Next = nameByID(rec.Ranking, m.Next)
		case !m.Holds:
			r.Margin = fmt.Sprintf("holds until %s (%+.1f points)", pct(m.At), 100*m.Change)
			r.Next = nameByID(rec.Ranking, m.Next)
		}
		rows[k] = r
	}
	return lead, rows
}

// acceptability returns the recommendation's SMAA-2 analysis with the
// structures' names in place of their IDs, or nil when it has none.
func acceptability(rec *placement.Recommendation) *scoring.SMAAResult {
	sm := rec.Robustness.SMAA
	if sm == nil || sm.Analysis == nil {
		return nil
	}
	a := *sm.Analysis // the analysis is shared: change only this copy's names
	a.Alternatives = structureNames(rec, sm.Analysis.Alternatives)
	return &a
}

// structureNames returns the names of the structures with the given IDs
// (an unknown ID stands for itself).
func structureNames(rec *placement.Recommendation, ids []string) []string {
	byID := make(map[string]string, len(rec.Ranking))
	for _, e := range rec.Ranking {
		byID[e.Structure.ID()] = e.Structure.Name()
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = cmp.Or(byID[id], id)
	}
	return names
}

// sensitivityChart draws criterion j's sweep for the structures leading
// at the base weights and the one that comes first past the threshold
// (which may rank far lower today), named by structure and criterion label.
func sensitivityChart(rec *placement.Recommendation, an *scoring.SensitivityResult, j int, o Options) (*chart.Chart, error) {
	limit := o.Chart.Limit
	if limit == 0 {
		limit = min(o.Top, 6)
	}
	// Keep the first limit structures of the ranking (best at the base
	// weights), replacing the last by the new top if it is not among them.
	pos := make(map[string]int, len(an.Alternatives))
	for i, id := range an.Alternatives {
		pos[id] = i
	}
	var keep []int
	for _, e := range rec.Ranking[:min(limit, len(rec.Ranking))] {
		if i, ok := pos[e.Structure.ID()]; ok {
			keep = append(keep, i)
		}
	}
	if top := an.Sweeps[j].Top; top.Found && !slices.Contains(keep, top.To) {
		if len(keep) >= limit && len(keep) > 1 {
			keep = keep[:len(keep)-1]
		}
		keep = append(keep, top.To)
	}
	a := subsetSweeps(an, keep)
	a.Alternatives = structureNames(rec, a.Alternatives)
	a.Criteria = make([]string, len(an.Criteria))
	for k := range a.Criteria {
		a.Criteria[k] = placement.Criterion(k + 1).Label()
		a.Sweeps[k].Criterion = a.Criteria[k]
	}
	co := o.Chart
	co.Limit = 0 // the subset is the selection
	c, err := chart.Sensitivity(a, j, co)
	if err != nil {
		return nil, fmt.Errorf("report: sensitivity chart: %w", err)
	}
	return c, nil
}

// subsetSweeps returns a copy of r restricted to the alternatives keep (in
// that order), with reversals and top changes renumbered; those involving
// an alternative left out are dropped (a top change then counts as not
// found). r is not modified.
func subsetSweeps(r *scoring.SensitivityResult, keep []int) *scoring.SensitivityResult {
	at := make(map[int]int, len(keep))
	for k, i := range keep {
		at[i] = k
	}
	out := *r
	out.Alternatives = make([]string, len(keep))
	for k, i := range keep {
		out.Alternatives[k] = r.Alternatives[i]
	}
	out.Sweeps = make([]scoring.WeightSweep, len(r.Sweeps))
	for j, sw := range r.Sweeps {
		s := sw
		s.Scores = make([][]float64, len(keep))
		for k, i := range keep {
			s.Scores[k] = sw.Scores[i]
		}
		s.Reversals = nil
		for _, rv := range sw.Reversals {
			a, okA := at[rv.A]
			b, okB := at[rv.B]
			if okA && okB {
				rv.A, rv.B = a, b
				s.Reversals = append(s.Reversals, rv)
			}
		}
		from, okF := at[sw.Top.From]
		to, okT := at[sw.Top.To]
		switch {
		case sw.Top.Found && okF && okT:
			s.Top.From, s.Top.To = from, to
		case okF:
			s.Top = scoring.TopChange{From: from}
		default:
			s.Top = scoring.TopChange{}
		}
		out.Sweeps[j] = s
	}
	return &out
}

// chartNames says which of the report's charts exist: figures builds
// them and Markdown links them from this one decision.
func chartNames(rec *placement.Recommendation, o Options) map[string]bool {
	names := map[string]bool{"ranking": true, "weights": true, "contributions": stackable(rec.Result, rec.Ranking[:o.Top])}
	if s := rec.Robustness.Sensitivity; s != nil && s.Analysis != nil {
		_, names["sensitivity"] = s.Tightest()
	}
	names["acceptability"] = rec.Robustness.SMAA != nil && rec.Robustness.SMAA.Analysis != nil
	return names
}

// stackable reports whether the result carries per-criterion
// contributions that a stacked bar can show for the top structures: none
// negative (PROMETHEE II's and MOORA's can be, and have no such picture).
func stackable(res *scoring.Result, top []placement.Ranked) bool {
	if res.Contributions == nil {
		return false
	}
	at := alternativeIndex(res)
	for _, e := range top {
		for _, x := range res.Contributions.Row(at[e.Structure.ID()]) {
			if x < -1e-12 { // the chart's own tolerance
				return false
			}
		}
	}
	return true
}

// alternativeIndex maps the result's alternatives (structure IDs) to
// their indices.
func alternativeIndex(res *scoring.Result) map[string]int {
	at := make(map[string]int, len(res.Alternatives))
	for i, id := range res.Alternatives {
		at[id] = i
	}
	return at
}

// topResult is the part of the recommendation's scoring result that the
// charts show: the top structures, best first, named for readers, with
// the method, direction, weights and contributions the result carries.
func topResult(full *scoring.Result, top []placement.Ranked, labels []string) *scoring.Result {
	at := alternativeIndex(full)
	res := &scoring.Result{
		Method:       full.Method,
		Better:       full.Better,
		Criteria:     labels,
		Weights:      full.Weights,
		Alternatives: make([]string, len(top)),
		Scores:       make([]float64, len(top)),
		Ranks:        make([]int, len(top)),
	}
	if full.Contributions != nil {
		n := full.Contributions.Cols
		res.Contributions = &scoring.Table{Rows: len(top), Cols: n, Data: make([]float64, 0, len(top)*n)}
	}
	for i, e := range top {
		k := at[e.Structure.ID()]
		res.Alternatives[i] = e.Structure.Name()
		res.Scores[i] = full.Scores[k]
		res.Ranks[i] = min(max(full.Ranks[k], 1), len(top))
		if res.Contributions != nil {
			res.Contributions.Data = append(res.Contributions.Data, full.Contributions.Row(k)...)
		}
	}
	return res
}

// robustness states the cross-check in plain words, or falls back to the
// recommendation's own summary.
func robustness(rec *placement.Recommendation) string {
	c := rec.Robustness.CrossCheck
	if c.Method == "" {
		return rec.Robustness.Summary()
	}
	agree := "disagree on much of the order"
	switch {
	case c.Spearman >= 0.9:
		agree = "agree closely on the order"
	case c.Spearman >= 0.7:
		agree = "broadly agree on the order"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "A second method, %s, and this ranking %s of the structures (Spearman's rank correlation %.2f, Kendall's tau %.2f).",
		placement.MethodName(c.Method), agree, c.Spearman, c.Kendall)
	if c.SameWinner {
		b.WriteString(" Both put the same structure first.")
	} else {
		fmt.Fprintf(&b, " %s would put %s first, which this ranking places %s; treat the leading structures as close alternatives.",
			upperFirst(placement.MethodName(c.Method)), nameByID(rec.Ranking, c.Winner), ordinal(c.WinnerRank))
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// deptLabel is a reader's name for a department.
func deptLabel(d touchpoint.Department) string { return d.Label() }

func departments(ds []touchpoint.Department) string {
	var out []string
	for _, d := range ds {
		if d != "" {
			out = append(out, deptLabel(d))
		}
	}
	if len(out) == 0 {
		return "—"
	}
	return strings.Join(out, ", ")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// pct formats a weight as a percentage with one decimal.
func pct(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

// plural writes "1 structure", "6 structures".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// thousands formats n with comma separators: 2400 → "2,400".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func ordinal(n int) string { return textenum.Ordinal(n) }
