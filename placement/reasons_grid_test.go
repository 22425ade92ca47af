package placement

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/touchpoint"
)

// gridProfiles spans the profile space the reasons, roadmaps and RACI maps
// must stay true over: sizes from 40 to 120,000 employees, one to many
// units and countries, harmonious and rivalrous firms, every regulation
// level and sector, several touchpoint mixes and current structures.
func gridProfiles() []Profile {
	sizes := []int{40, 150, 900, 2400, 8000, 15000, 120000}
	spreads := [][2]int{{1, 1}, {2, 1}, {4, 3}, {12, 15}}
	moods := [][2]int{{2, 4}, {3, 3}, {5, 1}} // silos, harmony
	regs := []int{1, 3, 5}
	mixes := []map[touchpoint.ID]int{
		{touchpoint.MarketingChannel: 4, "csr-awareness": 3, "public-affairs": 3, touchpoint.CrisisResponse: 2},
		{touchpoint.CustomerSupport: 5, touchpoint.MarketingChannel: 3, "social-crm": 2, "employee-policy": 2},
		{"social-listening": 4, "corporate-communication": 3, touchpoint.CrisisResponse: 3, "employer-branding": 2},
	}
	currents := []*Structure{nil,
		{Home: touchpoint.Marketing, Model: Centralized, Role: Executing, Sourcing: InHouse},
		{Home: touchpoint.Communications, Model: HubAndSpoke, Role: Advisory, Sourcing: Hybrid}}
	sectors := append([]Sector{0}, Sectors()...)
	var out []Profile
	i := 0
	for _, n := range sizes {
		for _, sp := range spreads {
			for _, m := range moods {
				for _, reg := range regs {
					i++
					out = append(out, Profile{
						Name: fmt.Sprintf("grid %d", i), Employees: n, BusinessUnits: sp[0], Countries: sp[1],
						Founded:     []int{0, 1950, 2015}[i%3],
						SocialStaff: []float64{0, 1, 6, 40}[i%4], SocialPriority: 1 + i%5, BudgetLevel: 1 + (i/2)%5,
						SignOffLayers: i % 5, Silos: m[0], DepartmentHarmony: m[1], Regulation: reg,
						Maturity: 1 + (i/3)%5, ExecutiveSponsorship: 1 + (i/5)%5,
						Sector: sectors[i%len(sectors)], Touchpoints: mixes[i%len(mixes)], Current: currents[i%len(currents)],
					})
				}
			}
		}
	}
	return out
}

var numberRE = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`)

// allowedNumbers are the numbers a reason may print for structure s: the
// profile's own values, counts of its active touchpoints, and the staffing
// need of s (the one model figure a reason states, next to the profile's
// staff).
func allowedNumbers(r *Recommender, s Structure, f *facts) map[string]bool {
	p := f.p
	ok := map[string]bool{"5": true} // the denominator of the 1–5 scales
	for _, v := range []int{p.Employees, p.BusinessUnits, p.Countries, p.Founded, p.SocialPriority, p.BudgetLevel,
		p.SignOffLayers, p.Silos, p.DepartmentHarmony, p.Regulation, p.Maturity, p.ExecutiveSponsorship} {
		ok[strconv.Itoa(v)] = true
	}
	ok[strconv.FormatFloat(p.SocialStaff, 'g', -1, 64)] = true
	for k := 0; k <= len(f.active); k++ {
		ok[strconv.Itoa(k)] = true
	}
	for _, at := range f.active {
		ok[strconv.Itoa(int(at.a))] = true
	}
	ok[fmt.Sprintf("%.0f", staffFloor(s, f, &r.cm.k))] = true
	return ok
}

var (
	regCallsRE = regexp.MustCompile(`regulation \d/5 calls for`)
	pluralRE   = regexp.MustCompile(`\b1 (business units|countries|employees|sign-off layers|active touchpoints)\b`)
	speedRE    = regexp.MustCompile(`([a-z][a-z ,]+?) \((realtime|same-day|days|planned)[,)]`)
	trainRE    = regexp.MustCompile(`^Train\s+for`)
	spokeRE    = regexp.MustCompile(`(?i)spoke|hubs? `)
	// bareModelRE finds "a <model token>" and the word after it.
	bareModelRE = regexp.MustCompile(`\ban? (organic|centralized|hub-and-spoke|dandelion|honeycomb)('s| [a-z-]+|\W|$)`)
)

// contradiction returns a rule the reason breaks for profile p and
// structure s (the zero Structure for reasons not about one), or "".
func contradiction(r *Recommender, reason string, s Structure, p Profile, f *facts, c *touchpoint.Catalog) string {
	n := narr
	k := &r.cm.k
	rivalrous := (p.Silos-1)+(5-p.DepartmentHarmony) > 4
	harmonious := (p.Silos-1)+(5-p.DepartmentHarmony) < 4
	has := func(s string) bool { return strings.Contains(reason, s) }
	// The model's need for a hub, against a single-unit firm's at the size
	// from which a hub is needed.
	hubNeed := f.hub >= logRamp(float64(n.hubNeeded), k[kHubEmployeesFrom], k[kHubEmployeesFull])
	switch {
	case has("coordination overhead") && (p.Employees >= n.hubNeeded || hubNeed):
		return "a hub's overhead told as heavy for a firm large enough (or spread enough) to need a hub"
	case has("a hub would share the load") && !hubNeed:
		return "a hub told as needed for a firm that needs none"
	case has("below what a dandelion structure needs") && p.Maturity >= int(k[kGateDandelionMaturity]) && p.ExecutiveSponsorship >= int(k[kGateDandelionSponsorship]),
		has("below what a honeycomb structure needs") && p.Maturity >= int(k[kGateHoneycombMaturity]) && p.ExecutiveSponsorship >= int(k[kGateHoneycombSponsorship]):
		return "maturity and sponsorship called short of a gate they meet"
	case has("missed reportable events") && p.Regulation < n.regulated:
		return "reportable events told for a lightly regulated firm"
	case has("where social is core") && p.SocialPriority <= DefaultScale:
		return "social called core at a middling or low priority"
	case has("departments that work together") && !harmonious,
		has("departments that do not work together") && !rivalrous:
		return "departments' cooperation told against silos and harmony"
	case has("owns most of the work") && f.ownShare(s.Home) <= 0.5,
		has("most of the work belongs to departments other than") && f.ownShare(s.Home) >= 0.5:
		return "the home's share of the work told wrong"
	case has("accounts nobody manages multiply") && p.Employees < n.dedicatedOwner:
		return "unmanaged accounts told for a firm too small to need an owner"
	case has("gives a") && has("the standing") && p.SocialPriority <= DefaultScale,
		has("little standing") && p.SocialPriority >= DefaultScale:
		return "standing told against the social priority"
	case has("justifies an own unit") && p.SocialPriority <= DefaultScale,
		has("does not justify an own unit") && p.SocialPriority >= DefaultScale,
		has("a centre that coordinates is weight enough") && p.SocialPriority >= DefaultScale,
		has("not one that only coordinates") && p.SocialPriority <= DefaultScale:
		return "priority told against the profile's social priority"
	case has("is campaign load") && (f.campaign == 0 || p.Employees < n.hubNeeded):
		return "campaign load told without campaign work"
	case has("FTE a") && s.Model.valid() && p.SocialStaff >= math.Round(staffFloor(s, f, k)):
		return "a staffing shortfall told where the staff meets the need"
	case (has("chaotic") || has("costlier to build") || has("distrust") || has("arbitrate")) && !rivalrous:
		return "rivalry told for a firm whose silos and harmony are not rivalrous"
	case has("outgrow a single central team") && p.BusinessUnits < n.spreadUnits && p.Countries < n.spreadCountries:
		return "a central team outgrown by a firm with few units and countries"
	case has("stretch a single hub") && !r.dandelionSpread(&p):
		return "a hub stretched by a firm with few units"
	case has("too few for a hub") && r.dandelionSpread(&p):
		return "units called too few"
	case (has("too few for a hub") || has("too small for a hub")) && !tooFewUnits(f):
		return "units called too few or too small for a dandelion by a firm above its threshold"
	case has("everyone sees what the others post") && p.Employees >= n.dedicatedOwner:
		return "an informal set-up called coherent for a firm that needs an owner"
	case has("units keep") && p.BusinessUnits == 1:
		return "unit autonomy for a firm with one unit"
	case regCallsRE.MatchString(reason) && p.Regulation < n.regulated:
		return "approval duties told for a lightly regulated firm"
	case pluralRE.MatchString(reason):
		return "wrong plural"
	case has("today's informal"):
		return "an assumed informal start told as fact"
	case has("informal start") && (p.Current != nil || p.Maturity >= n.formalMaturity || p.SocialStaff >= float64(n.formalStaff)):
		return "an informal start told where today's structure is stated or the programme is formal"
	}
	// Work its owner keeps (customer care, the employee policy) is never
	// told as the central team's, queued behind it or done by another
	// department: the responsibility map gives it to its owner.
	for _, o := range n.owners {
		tp, ok := c.Get(o.Touchpoint)
		if ok && has(strings.ToLower(tp.Name)+" (") && (has("queue behind") || has("would be done by")) {
			return "work its owner keeps told as done by another department"
		}
	}
	// A touchpoint named with a speed must have that speed.
	for _, m := range speedRE.FindAllStringSubmatch(reason, -1) {
		name := strings.TrimSpace(m[1][strings.LastIndex(m[1], ",")+1:])
		name = strings.TrimPrefix(name, "the speed and volume of ")
		for _, t := range c.All() {
			if strings.ToLower(t.Name) == name && t.Speed.String() != m[2] {
				return fmt.Sprintf("%s called %s; the catalogue says %s", name, m[2], t.Speed)
			}
		}
	}
	return ""
}

// internalRE matches what a client must never read: our files and
// sections, coefficient IDs, change notes and evidence tags.
var internalRE = regexp.MustCompile(`domain\.md|§|\.ya?ml\b|\.go\b|\b[a-z]+\.[a-z]+-[a-z-]+\b|\b(model|role|sourcing|home|staff|spread|size|weight|coverage|change)\.[a-z-]+\.[a-z-]+|\(was |\[(J|S|A|T|V)\]|counted by`)

func TestReasonsOverGrid(t *testing.T) {
	t.Parallel()
	r, err := NewRecommender(Config{})
	require.NoError(t, err)
	cat := r.Catalog()
	told := 0
	for i, p := range gridProfiles() {
		// Every candidate on a quarter of the grid (each structure family),
		// the top five elsewhere.
		detail := 5
		if i%4 == 0 {
			detail = len(r.candidates)
		}
		rec, err := r.WithOptions(Options{Detail: detail}).Recommend(t.Context(), p)
		require.NoError(t, err, p.Name)
		f := newFacts(rec.Profile, r.tps, &r.cm.k)
		for _, e := range rec.Ranking {
			if len(e.Strengths)+len(e.Weaknesses) == 0 {
				continue
			}
			ok := allowedNumbers(r, e.Structure, &f)
			seen := map[string]bool{}
			staff := 0
			for _, s := range slices.Concat(e.Strengths, e.Weaknesses) {
				told++
				where := fmt.Sprintf("%s, %s: %q", p.Name, e.Structure.ID(), s)
				assert.False(t, seen[s], "repeated reason: %s", where)
				seen[s] = true
				if e.Structure.Model == Centralized {
					// One central team does the work: no departments
					// supported by a centre (the hub-and-spoke wording).
					assert.NotContains(t, s, "with a centre to support them", where)
				}
				if strings.HasPrefix(s, "social staff:") {
					staff++
				}
				for _, num := range numberRE.FindAllString(s, -1) {
					num = strings.ReplaceAll(num, ",", "") // 2,400 is the profile's 2400
					assert.True(t, ok[num], "number %s is not the profile's: %s", num, where)
				}
				assert.Empty(t, contradiction(r, s, e.Structure, rec.Profile, &f, cat), where)
				assert.NotRegexp(t, internalRE, s, where)
				// A model's token is an adjective: "a centralized team",
				// never "a centralized needs".
				for _, m := range bareModelRE.FindAllStringSubmatch(s, -1) {
					assert.Contains(t, []string{" team", " structure", " set-up", " model"}, m[2], "bare model name %q: %s", m[0], where)
				}
			}
			assert.LessOrEqual(t, staff, 1, "the staffing shortfall is told once: %s, %s", p.Name, e.Structure.ID())
		}
		// The weights source: every fact it cites carries the profile's numbers.
		_, items, _ := strings.Cut(rec.WeightsSource, ": ")
		for _, item := range strings.Split(items, "; ") {
			_, fact, found := strings.Cut(item, " for ")
			if !found {
				continue
			}
			ok := allowedNumbers(r, rec.Ranking[0].Structure, &f)
			for _, num := range numberRE.FindAllString(fact, -1) {
				num = strings.ReplaceAll(num, ",", "")
				assert.True(t, ok[num], "weights source: number %s is not the profile's in %q (%s)", num, fact, p.Name)
			}
			assert.Empty(t, contradiction(r, fact, Structure{}, rec.Profile, &f, cat), "weights source %q (%s)", fact, p.Name)
		}
		assert.NotRegexp(t, internalRE, rec.WeightsSource)
	}
	assert.Greater(t, told, 5000, "the grid tells many reasons")
}

// families picks one candidate of every operating model.
func families(cands []Structure) []Structure {
	var out []Structure
	for _, m := range OperatingModels() {
		for _, s := range cands {
			if s.Model == m && (m == Organic || s.Home == touchpoint.Communications) && s.Sourcing == InHouse {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func TestRoadmapAndRACIOverGrid(t *testing.T) {
	t.Parallel()
	r, err := NewRecommender(Config{})
	require.NoError(t, err)
	fams := families(r.candidates)
	require.Len(t, fams, len(OperatingModels()))
	steps := 0
	for _, p := range gridProfiles() {
		p = p.WithDefaults()
		f := newFacts(p, r.tps, &r.cm.k)
		care := p.Touchpoints[touchpoint.CustomerSupport] > 0
		for _, s := range fams {
			plan := raci(s, &f)
			where := p.Name + ", " + s.ID()
			for _, a := range plan {
				if a.Touchpoint == touchpoint.CustomerSupport {
					assert.Equal(t, []touchpoint.Department{touchpoint.CustomerService}, a.Responsible, "customer service owns care: %s", where)
				}
				all := slices.Concat(a.Responsible, []touchpoint.Department{a.Accountable}, a.Consulted, a.Informed)
				assert.Equal(t, p.Sector == SectorPharma && slices.Contains([]touchpoint.ID{"social-listening", touchpoint.CustomerSupport, touchpoint.MarketingChannel}, a.Touchpoint),
					slices.Contains(all, "drug-safety"), "drug safety on %s: %s", a.Touchpoint, where)
				tp, _ := r.catalog.Get(a.Touchpoint)
				assert.Equal(t, p.Sector == SectorPublicSector && tp.Audience != touchpoint.Internal,
					slices.Contains(a.Informed, "records-management"), "records management on %s: %s", a.Touchpoint, where)
				if slices.Contains(a.Consulted, a.Accountable) || slices.Contains(a.Informed, a.Accountable) {
					t.Errorf("accountable department listed twice on %s: %s", a.Touchpoint, where)
				}
			}
			d := r.maturity.diagnose(p, p.Maturity, nil)
			rm := roadmap(p, s, plan, &f, nil, r.maturity.place(p, &d, s), nil)
			// With every practice in place, none is built again.
			yes := p
			yes.Governance = Governance{Policy: Yes, PolicyKnown: Yes, CrisisPlan: Yes, AccountInventory: Yes, Archiving: Yes, Training: Yes, Measurement: Yes, ExecutiveSponsor: Yes}
			dy := r.maturity.diagnose(yes, yes.Maturity, nil)
			for _, st := range roadmap(yes, s, plan, &f, nil, r.maturity.place(yes, &dy, s), nil) {
				for _, b := range []string{"Listen and audit", "Win an executive sponsor", "Write or refresh", "Set up a crisis", "Put pre-approval", "Train every employee"} {
					assert.False(t, strings.HasPrefix(st.Step, b), "%s builds what is in place: %s", where, st.Step)
				}
				assert.NotContains(t, st.Step, "for the social media work they will do", where)
				assert.NotRegexp(t, internalRE, st.Step+"\n"+st.Why, where)
			}
			var texts []string
			for _, st := range rm {
				steps++
				texts = append(texts, st.Step, st.Why)
				assert.NotRegexp(t, trainRE, st.Step, where)
				assert.NotContains(t, st.Step, "the departments that will execute", where)
				if s.Model < HubAndSpoke {
					assert.NotRegexp(t, spokeRE, st.Step, "no spokes or hubs for %s", where)
				}
			}
			joined := strings.Join(texts, "\n")
			assert.NotRegexp(t, internalRE, joined, where)
			assert.Equal(t, p.Sector == SectorFinancial && p.Regulation >= narr.heavilyRegulated, strings.Contains(joined, "FINRA"), "FINRA only for financial: %s", where)
			if !care {
				assert.NotContains(t, strings.ToLower(joined), "customer care", "no customer care in the profile: %s", where)
			}
			if strings.Contains(joined, "adverse event") {
				assert.Equal(t, SectorPharma, p.Sector, where)
			}
			assert.Equal(t, p.Sector == SectorPublicSector, strings.Contains(joined, "public records"), "records step: %s", where)
		}
	}
	assert.Greater(t, steps, 5000)
}

func TestNarrativeData(t *testing.T) {
	t.Parallel()
	// Every structural trait of the default model has client wording, and
	// the wording never carries internals.
	for _, c := range DefaultModel().Coefficients {
		dim, _, _ := strings.Cut(c.ID, ".")
		if !slices.Contains([]string{"model", "role", "sourcing", "home"}, dim) || c.Value == 0 {
			continue
		}
		parts := strings.Split(c.ID, ".")
		crit, err := ParseCriterion(parts[2])
		require.NoError(t, err)
		w, ok := narr.traits[traitKey{parts[0], parts[1], crit}]
		if assert.True(t, ok, "no client wording for %s", c.ID) {
			assert.NotRegexp(t, internalRE, w, c.ID)
			assert.Empty(t, numberRE.FindAllString(w, -1), "a trait carries no numbers: %s", c.ID)
		}
	}
	for id, w := range narr.traits {
		assert.NotRegexp(t, internalRE, w, id)
	}
	// Sector data: every reference is cited once in one style.
	seen := map[string]bool{}
	for _, s := range append([]Sector{0}, Sectors()...) {
		for _, ref := range SectorReferences(s) {
			assert.NotEmpty(t, ref.Cite)
			seen[ref.ID] = true
		}
	}
	assert.True(t, seen["finra-10-06"] && seen["nara-2014-02"] && seen["fda-314-80"])
	_, err := loadNarrative([]byte("references: []\nbogus: 1\n"), reasonsYAML)
	assert.Error(t, err, "unknown keys are rejected")
	_, err = loadNarrative(sectorsYAML, []byte("thresholds: []\ntraits: {}\n"))
	assert.Error(t, err, "missing thresholds are rejected")
}

func TestSectorText(t *testing.T) {
	t.Parallel()
	for _, s := range Sectors() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		got, err := ParseSector(string(b))
		require.NoError(t, err)
		assert.Equal(t, s, got)
		var u Sector
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, s, u)
	}
	b, err := Sector(0).MarshalText()
	assert.NoError(t, err)
	assert.Empty(t, b)
	_, err = ParseSector("banking")
	assert.ErrorIs(t, err, ErrUnknownName)
	assert.ErrorContains(t, err, "public-sector")
	_, err = Sector(99).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownName)
}

// Each term the model gained in v3 is told in its own client wording when
// it is the largest profile term on a criterion, for a profile built to
// trigger it.
func TestNewTermsAreTold(t *testing.T) {
	t.Parallel()
	r, err := NewRecommender(Config{})
	require.NoError(t, err)
	base := func(mod func(*Profile)) Profile {
		p := Profile{Name: "trigger", Employees: 3000, BusinessUnits: 1, Countries: 1, SocialStaff: 500,
			SocialPriority: 3, BudgetLevel: 3, SignOffLayers: 1, Silos: 3, DepartmentHarmony: 3, Regulation: 1,
			Maturity: 3, ExecutiveSponsorship: 3,
			Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 4, "csr-awareness": 3, "social-listening": 2}}
		mod(&p)
		return p.WithDefaults()
	}
	st := func(h touchpoint.Department, m OperatingModel, ro Role, so Sourcing) Structure {
		return Structure{Home: h, Model: m, Role: ro, Sourcing: so}
	}
	cases := []struct {
		kd   kind
		s    Structure
		p    Profile
		want string
	}{
		{kindGate, st(touchpoint.Communications, Dandelion, Advisory, InHouse),
			base(func(p *Profile) {
				p.Employees, p.BusinessUnits, p.Countries, p.Maturity, p.ExecutiveSponsorship = 20000, 10, 10, 2, 2
			}),
			"executive sponsorship 2/5 and maturity 2/5 are below what a dandelion structure needs"},
		{kindSourcingRisk, st(touchpoint.Marketing, Centralized, Executing, Hybrid),
			base(func(p *Profile) { p.Regulation = 5 }),
			"regulation 5/5: an agency's share of regulated work risks missed reportable events"},
		{kindSourcingLoad, st(touchpoint.Marketing, HubAndSpoke, AdvisoryExecuting, Hybrid),
			base(func(p *Profile) {
				p.Employees = 60000
				p.Touchpoints = map[touchpoint.ID]int{touchpoint.MarketingChannel: 5, "csr-awareness": 5, "employer-branding": 5}
			}),
			"(same-day, activity 5) is campaign load: buying production adds craft and capacity"},
		{kindSourcingCore, st(touchpoint.Marketing, Centralized, Executing, Agency),
			base(func(p *Profile) { p.SocialPriority = 5 }),
			"social priority 5/5: where social is core, an outside voice costs authenticity and speed"},
		{kindCapable, st(touchpoint.Communications, HubAndSpoke, Coordinating, InHouse),
			base(func(p *Profile) { p.Silos, p.DepartmentHarmony = 1, 5 }),
			"silos 1/5 and department harmony 5/5: departments that work together can run with a coordinating centre"},
		{kindCapable, st(touchpoint.Communications, HubAndSpoke, Coordinating, InHouse),
			base(func(p *Profile) { p.Silos, p.DepartmentHarmony = 5, 1 }),
			"departments that do not work together need more than a coordinating centre"},
		{kindDominance, st(touchpoint.Marketing, HubAndSpoke, Executing, InHouse),
			base(func(p *Profile) { p.Touchpoints = map[touchpoint.ID]int{touchpoint.MarketingChannel: 5} }),
			"Marketing owns most of the work, so a team in Marketing can execute it"},
		{kindHubNeeded, st(touchpoint.Communications, Centralized, Executing, InHouse),
			base(func(p *Profile) { p.Employees = 20000 }),
			"with 20,000 employees in 1 business unit in 1 country, one central team is stretched: a hub would share the load"},
		{kindHandoff, st(touchpoint.Marketing, Centralized, Executing, InHouse),
			base(func(p *Profile) {
				p.Touchpoints = map[touchpoint.ID]int{touchpoint.CustomerSupport: 5, touchpoint.MarketingChannel: 1}
			}),
			"customer support (realtime, activity 5) stays with Customer service, beside a central team in Marketing without spokes"},
		{kindOrganicSprawl, st(NoHome, Organic, NoRole, InHouse),
			base(func(p *Profile) { p.Employees = 20000 }),
			"with 20,000 employees, accounts nobody manages multiply"},
		{kindPriorityFormal, st(touchpoint.Communications, HubAndSpoke, Advisory, InHouse),
			base(func(p *Profile) { p.SocialPriority = 5 }),
			"social priority 5/5 gives a hub-and-spoke structure the standing"},
		{kindPriority, st(touchpoint.Communications, HubAndSpoke, Coordinating, InHouse),
			base(func(p *Profile) { p.SocialPriority = 5 }),
			"social priority 5/5 asks for a centre that leads, not one that only coordinates"},
		{kindPriority, st(touchpoint.Executive, Centralized, Executing, InHouse),
			base(func(p *Profile) { p.SocialPriority = 5 }),
			"social priority 5/5 justifies an own unit high in the hierarchy"},
		{kindSmallOrg, st(touchpoint.Communications, HubAndSpoke, Advisory, InHouse),
			base(func(p *Profile) { p.Employees = 400 }),
			"with 400 employees in 1 business unit in 1 country, the coordination overhead of a hub-and-spoke structure weighs on the budget"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			f := newFacts(tc.p, r.tps, &r.cm.k)
			var tr []termRec
			r.cm.evaluate(tc.s, r.cm.static(tc.s, &tr), nil, &f, Structure{Model: Organic, Home: NoHome, Sourcing: InHouse}, feasibility(tc.s, &f, &r.cm.k), &tr)
			// A criterion and direction on which the term is the largest
			// profile term.
			found := false
			for i := range 2 * int(Influence) {
				c, good := Criterion(i/2+1), i%2 == 0
				if found || c == Coverage || c == ChangeEffort {
					continue
				}
				var big termRec
				for _, x := range tr {
					if x.crit == c && !x.kind.structural() && helps(c, x.v) == good && math.Abs(x.v) > math.Abs(big.v) {
						big = x
					}
				}
				if big.kind != tc.kd || big.v == 0 {
					continue
				}
				found = true
				used := []string{}
				e := &Ranked{Structure: tc.s}
				got := r.sentence(tr, c, good, e, &f, Structure{}, &used)
				assert.Contains(t, got, tc.want, "%s on %s", tc.s.ID(), c)
				assert.Empty(t, contradiction(r, got, tc.s, tc.p, &f, r.Catalog()), got)
				assert.NotRegexp(t, internalRE, got)
				ok := allowedNumbers(r, tc.s, &f)
				for _, num := range numberRE.FindAllString(got, -1) {
					num = strings.ReplaceAll(num, ",", "")
					assert.True(t, ok[num], "number %s is not the profile's: %q", num, got)
				}
			}
			assert.True(t, found, "the term is not the largest profile term on any criterion of %s", tc.s.ID())
		})
	}

	// A hub's overhead is not told for a firm whose units call for a hub,
	// though it is below the hub size in headcount.
	p := base(func(p *Profile) { p.Employees, p.BusinessUnits = 4000, 3 })
	f := newFacts(p, r.tps, &r.cm.k)
	hub := st(touchpoint.Communications, HubAndSpoke, Advisory, InHouse)
	_, told := r.factSentence(termRec{Cost, kindSmallOrg, 0.1}, hub, &f, false)
	assert.False(t, told, "4,000 employees in 3 units need a hub")
	p.BusinessUnits = 1
	f = newFacts(p, r.tps, &r.cm.k)
	_, told = r.factSentence(termRec{Cost, kindSmallOrg, 0.1}, hub, &f, false)
	assert.True(t, told, "4,000 employees in one unit need no hub yet")
}

// TestStructureName: the robustness sentence names structures, not IDs;
// structureName reads back the name of every candidate, also in a custom
// department, and leaves anything that is not a structure's ID as it is.
func TestStructureName(t *testing.T) {
	t.Parallel()
	r, err := NewRecommender(Config{})
	require.NoError(t, err)
	for _, s := range r.Candidates() {
		assert.Equal(t, s.Name(), structureName(s.ID()), s.ID())
	}
	custom := Structure{Model: HubAndSpoke, Home: "digital-office", Role: Advisory, Sourcing: InHouse}
	assert.Equal(t, custom.Name(), structureName(custom.ID()))
	coded := Structure{Model: Centralized, Home: "mkt", Role: Executing, Sourcing: Hybrid}
	assert.Equal(t, coded.Name(), structureName(coded.ID()), "a custom department named like a code")
	for _, id := range []string{"", "x", "hs-mkt-zz-in", "org-in-in", "cen-mkt-ad", "nothing-at-all"} {
		assert.Equal(t, id, structureName(id))
	}

	rec, err := r.WithOptions(Options{SMAA: &SMAAOptions{Samples: 500, Seed: 1}}).Recommend(t.Context(), Profile{Employees: 3000, Touchpoints: map[touchpoint.ID]int{"marketing-channel": 3}})
	require.NoError(t, err)
	sum := rec.Robustness.Summary()
	for _, s := range r.Candidates() {
		assert.NotContains(t, sum, s.ID(), "the summary names structures")
	}
	assert.NotContains(t, sum, "topsis", "the method by its name")
}
