package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
	"github.com/socialseat/socialseat/touchpoint"
)

// internalRef matches what a client must never read: our files and their
// sections, coefficient IDs ("spread.centralized-scalability",
// "model.centralized.scalability"), change notes and evidence tags.
var internalRef = regexp.MustCompile(`domain\.md|DESIGN\.md|§|\.ya?ml\b|\.go\b|\b[a-z]+\.[a-z]+-[a-z-]+\b|\b(model|role|sourcing|home|staff|spread|size|weight|coverage|change|rivalry|regulation)\.[a-z-]+\.[a-z-]+\b|\(was |\[(J|S|A|T|V)(/[A-Z])*\]|counted by`)

// clientProfiles are the profiles whose every client text is scanned: the
// three of the closing note (a 150-person NGO, a regulated bank, a pharma
// company) and a grid of sizes, spreads, moods, regulation levels and
// sectors.
func clientProfiles(t *testing.T) []placement.Profile {
	t.Helper()
	var out []placement.Profile
	for _, f := range []string{"profile-ngo.yaml", "profile-bank.yaml", "profile-pharma.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", f))
		require.NoError(t, err)
		p, err := placement.ReadProfile(bytes.NewReader(b))
		require.NoError(t, err, f)
		out = append(out, p)
	}
	sectors := append([]placement.Sector{0}, placement.Sectors()...)
	i := 0
	for _, n := range []int{40, 900, 8000, 120000} {
		for _, sp := range [][2]int{{1, 1}, {4, 3}, {20, 30}} {
			for _, reg := range []int{1, 5} {
				i++
				cur := &placement.Structure{Home: touchpoint.Marketing, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}
				if i%2 == 0 {
					cur = nil
				}
				out = append(out, placement.Profile{
					Name: fmt.Sprintf("grid %d", i), Employees: n, BusinessUnits: sp[0], Countries: sp[1], Regulation: reg,
					Silos: 1 + i%5, DepartmentHarmony: 1 + (i/2)%5, SocialStaff: float64(i % 7), SignOffLayers: i % 5,
					Sector: sectors[i%len(sectors)], Current: cur,
					// Every practice missing, in place or unstated, in turn,
					// so the governance checklist and the roadmap steps
					// that close its gaps are scanned too.
					Governance: gridGovernance(i),
					Touchpoints: map[touchpoint.ID]int{
						touchpoint.MarketingChannel: 1 + i%5, touchpoint.CustomerSupport: i % 4, "social-listening": (i + 1) % 3,
						touchpoint.CrisisResponse: 2, "public-affairs": i % 2, "employee-policy": 1,
					},
				})
			}
		}
	}
	return out
}

// gridGovernance answers every governance practice with the same answer,
// cycling through unknown, no and yes with i.
func gridGovernance(i int) placement.Governance {
	a := []placement.Answer{placement.Unknown, placement.No, placement.Yes}[i%3]
	return placement.Governance{Policy: a, PolicyKnown: a, CrisisPlan: a, AccountInventory: a, Archiving: a,
		Training: a, Measurement: a, ExecutiveSponsor: a}
}

// visibleText returns the text a reader sees in an HTML document: text
// nodes and attribute values a browser shows (title, alt, aria-label),
// without style sheets.
func visibleText(t *testing.T, doc []byte) string {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(doc))
	require.NoError(t, err)
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Style {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte('\n')
		}
		for _, a := range n.Attr {
			if a.Key == "title" || a.Key == "alt" || a.Key == "aria-label" {
				b.WriteString(a.Val)
				b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// jsonStrings collects every string value of a JSON document.
func jsonStrings(v any, out *[]string) {
	switch x := v.(type) {
	case string:
		*out = append(*out, x)
	case []any:
		for _, e := range x {
			jsonStrings(e, out)
		}
	case map[string]any:
		for _, e := range x {
			jsonStrings(e, out)
		}
	}
}

// TestClientTextHasNoInternals scans every text a client reads — the
// terminal text, the JSON strings, the Markdown and the HTML report — over
// a grid of profiles for references to our files, sections, coefficient
// IDs, change notes and evidence tags. The coefficient appendix
// (Options.Coefficients) is the model's own data and is left out.
func TestClientTextHasNoInternals(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	for _, p := range clientProfiles(t) {
		rec, err := r.WithOptions(placement.Options{Sensitivity: true, SMAA: &placement.SMAAOptions{Samples: 200, Seed: 1}}).Recommend(t.Context(), p)
		require.NoError(t, err, p.Name)
		texts := clientTexts(t, rec)
		js, err := json.Marshal(rec)
		require.NoError(t, err)
		var doc any
		require.NoError(t, json.Unmarshal(js, &doc))
		var strs []string
		jsonStrings(doc, &strs)
		texts["json"] = strings.Join(strs, "\n")

		for kind, s := range texts {
			for _, line := range strings.Split(s, "\n") {
				if m := internalRef.FindString(line); m != "" {
					t.Errorf("%s, %s: %q in %q", p.Name, kind, m, line)
				}
			}
		}
	}
}

// TestSourcesListedOnce checks the report's source list: every work once,
// in one style, linked where the work has a link — the three spellings of
// the FINRA notices in the model and the catalogue become one entry each.
func TestSourcesListedOnce(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "profile-bank.yaml"))
	require.NoError(t, err)
	p, err := placement.ReadProfile(bytes.NewReader(b))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	_, list, ok := strings.Cut(md.String(), "### Sources\n\n")
	require.True(t, ok)
	list, _, _ = strings.Cut(list, "\n\n")
	var finra []string
	seen := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		assert.False(t, seen[line], "listed twice: %s", line)
		seen[line] = true
		if strings.Contains(line, "FINRA") {
			finra = append(finra, line)
		}
		assert.NotRegexp(t, internalRef, line)
	}
	assert.Equal(t, []string{
		"- [FINRA 2010, Regulatory Notice 10-06: social media web sites](<https://www.finra.org/rules-guidance/notices/10-06>)",
		"- [FINRA 2011, Regulatory Notice 11-39: social media websites and the use of personal devices](<https://www.finra.org/rules-guidance/notices/11-39>)",
	}, finra)

	var h bytes.Buffer
	require.NoError(t, report.HTML(&h, rec, report.Options{}))
	assert.Contains(t, h.String(), `<a href="https://www.finra.org/rules-guidance/notices/10-06">FINRA 2010, Regulatory Notice 10-06: social media web sites</a>`)
	// Every sector's references join the model's and the catalogue's
	// citations of the same work: no link is listed twice.
	for _, sec := range placement.Sectors() {
		q := p.Clone()
		q.Sector = sec
		q.Touchpoints["social-listening"] = 3
		rec, err := placement.Recommend(t.Context(), q, placement.Options{})
		require.NoError(t, err)
		var md bytes.Buffer
		require.NoError(t, report.Markdown(&md, rec, report.Options{}))
		_, list, _ := strings.Cut(md.String(), "### Sources\n\n")
		list, _, _ = strings.Cut(list, "\n\n")
		urls := map[string]string{}
		for _, line := range strings.Split(list, "\n") {
			_, url, ok := strings.Cut(line, "](<")
			if !ok {
				continue
			}
			url = strings.TrimSuffix(url, ">)")
			assert.Empty(t, urls[url], "%s: %s listed twice: %s", sec, url, line)
			urls[url] = line
		}
		for _, ref := range placement.SectorReferences(sec) {
			if ref.URL != "" {
				_, listed := urls[ref.URL]
				assert.True(t, listed, "%s: sector reference %s listed", sec, ref.Cite)
			}
		}
	}
}

// codeTokens matches the machine identifiers a client must not read in a
// report or the terminal text: structure IDs ("hs-exe-ad-in"), touchpoint
// IDs ("marketing-channel"), the hyphenated criterion, department and role
// tokens ("risk-compliance", "customer-service", "advisory-executing"), the
// model's machine name and version ("socialseat-default v8"), method
// tokens ("wsm") and Markdown code spans. Those stay in the JSON output.
func codeTokens(t *testing.T) *regexp.Regexp {
	t.Helper()
	var alts []string
	for _, s := range placement.Enumerate(placement.DefaultHomes()) {
		alts = append(alts, regexp.QuoteMeta(s.ID()))
	}
	for _, id := range touchpoint.DefaultCatalog().IDs() {
		alts = append(alts, regexp.QuoteMeta(string(id)))
	}
	for _, c := range placement.Criteria() {
		if strings.Contains(c.String(), "-") {
			alts = append(alts, c.String())
		}
	}
	alts = append(alts, "customer-service", "advisory-executing", "socialseat-default", "wsm", `v\d+`)
	// A hyphen or letter on either side means a longer word.
	return regexp.MustCompile("(^|[^a-z0-9-])(" + strings.Join(alts, "|") + ")($|[^a-z0-9-])|`")
}

// TestClientTextHasNoCodeTokens renders the terminal text, the Markdown and
// the HTML report of every client profile, with and without a name, and
// fails on any structure, touchpoint, criterion, department or role ID,
// the model's machine name or a method token: a client reads names and
// labels ("Customer service", "risk and compliance", "Scored with the
// socialseat default model, version 8").
func TestClientTextHasNoCodeTokens(t *testing.T) {
	t.Parallel()
	tokens := codeTokens(t)
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	profiles := clientProfiles(t)
	unnamed := profiles[0].Clone()
	unnamed.Name = ""
	profiles = append(profiles, unnamed)
	for i, p := range profiles {
		opts := placement.Options{}
		if i%3 == 0 {
			opts = placement.Options{Sensitivity: true, SMAA: &placement.SMAAOptions{Samples: 200, Seed: 1}}
		}
		rec, err := r.WithOptions(opts).Recommend(t.Context(), p)
		require.NoError(t, err, p.Name)
		texts := clientTexts(t, rec)
		for kind, s := range texts {
			for _, line := range strings.Split(s, "\n") {
				if m := tokens.FindString(line); m != "" {
					t.Errorf("%s, %s: %q in %q", p.Name, kind, m, line)
				}
			}
			assert.NotContains(t, s, "sit at —", "%s, %s: a title without a name", p.Name, kind)
			if p.Name == "" {
				assert.Contains(t, s, "Where should social media sit in the organisation?", kind)
			}
		}
	}
}

// workCites reads the citations of works.yaml, the one style of the
// source list.
func workCites(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("works.yaml")
	require.NoError(t, err)
	var f struct {
		Works []struct {
			Cite string `yaml:"cite"`
		} `yaml:"works"`
	}
	require.NoError(t, yaml.Unmarshal(b, &f))
	out := map[string]bool{}
	for _, w := range f.Works {
		out[w.Cite] = true
	}
	return out
}

// sourceItem is one entry of an HTML report's source list.
type sourceItem struct{ Text, URL string }

// htmlSources returns the entries of an HTML report's source list.
func htmlSources(t *testing.T, doc []byte) []sourceItem {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(doc))
	require.NoError(t, err)
	var out []sourceItem
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Ul {
			for _, a := range n.Attr {
				if a.Key == "class" && a.Val == "sources" {
					in = true
				}
			}
		}
		if in && n.Type == html.ElementNode && n.DataAtom == atom.Li {
			it := sourceItem{Text: text(n)}
			if a := n.FirstChild; a != nil && a.DataAtom == atom.A {
				for _, at := range a.Attr {
					if at.Key == "href" {
						it.URL = at.Val
					}
				}
			}
			out = append(out, it)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(n, false)
	return out
}

// TestSourcesAreWholeWorks renders the source list for every client
// profile and the reviewer's siloed ministry: each entry is one of the
// works of works.yaml, in its one style, listed once and linked once —
// never a fragment of a citation ("Van Belleghem : local platforms …",
// "Li", "hireawriter") nor the same work under two spellings.
func TestSourcesAreWholeWorks(t *testing.T) {
	t.Parallel()
	cites := workCites(t)
	profiles := clientProfiles(t)
	silo := placement.Profile{Name: "Ministry of Paperwork Holdings", Employees: 20000, BusinessUnits: 9, Countries: 5, Founded: 1901,
		SocialPriority: 3, SocialStaff: 5, BudgetLevel: 3, SignOffLayers: 6, Silos: 5, DepartmentHarmony: 1, Regulation: 3,
		Maturity: 2, ExecutiveSponsorship: 2, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 3, "employee-policy": 2, touchpoint.CustomerSupport: 3,
			"public-affairs": 3, "corporate-communication": 4, touchpoint.CrisisResponse: 3}}
	profiles = append(profiles, silo)
	for _, p := range profiles {
		rec, err := placement.Recommend(t.Context(), p, placement.Options{})
		require.NoError(t, err, p.Name)
		var h bytes.Buffer
		require.NoError(t, report.HTML(&h, rec, report.Options{}))
		items := htmlSources(t, h.Bytes())
		require.NotEmpty(t, items, p.Name)
		texts, urls := map[string]bool{}, map[string]string{}
		for _, it := range items {
			assert.True(t, cites[it.Text], "%s: %q is not a work's citation", p.Name, it.Text)
			assert.False(t, texts[it.Text], "%s: %q listed twice", p.Name, it.Text)
			texts[it.Text] = true
			if it.URL != "" {
				assert.Empty(t, urls[it.URL], "%s: %s linked twice: %q and %q", p.Name, it.URL, urls[it.URL], it.Text)
				urls[it.URL] = it.Text
			}
		}
	}
}

// TestSourcesFollowTheReport checks that the source list holds the works
// behind what the report says: the regulators' rules only for a regulated
// profile, and for the right sector; the works the roadmap cites.
func TestSourcesFollowTheReport(t *testing.T) {
	t.Parallel()
	listed := func(p placement.Profile) string {
		rec, err := placement.Recommend(t.Context(), p, placement.Options{})
		require.NoError(t, err)
		var h bytes.Buffer
		require.NoError(t, report.HTML(&h, rec, report.Options{}))
		var b strings.Builder
		for _, it := range htmlSources(t, h.Bytes()) {
			b.WriteString(it.Text + "\n")
		}
		return b.String()
	}
	tps := map[touchpoint.ID]int{touchpoint.MarketingChannel: 3, touchpoint.CustomerSupport: 3, "social-crm": 2, "employee-policy": 2, "social-listening": 2}
	for _, reg := range []int{1, 2} {
		s := listed(placement.Profile{Name: "NGO", Employees: 12, Regulation: reg, Touchpoints: tps})
		for _, w := range []string{"FINRA", "FDA", "FiercePharma", "Biznology", "HIPAA", "NARA"} {
			assert.NotContains(t, s, w, "regulation %d, no sector", reg)
		}
	}
	bank := listed(placement.Profile{Name: "Bank", Employees: 300, Regulation: 5, Sector: placement.SectorFinancial, Touchpoints: tps})
	assert.Contains(t, bank, "FINRA 2010, Regulatory Notice 10-06")
	assert.Contains(t, bank, "FINRA 2011, Regulatory Notice 11-39")
	assert.NotContains(t, bank, "FDA")
	assert.NotContains(t, bank, "FiercePharma")
	pharma := listed(placement.Profile{Name: "Pharma", Employees: 3000, Regulation: 5, Sector: placement.SectorPharma, Touchpoints: tps})
	assert.Contains(t, pharma, "FDA, 21 CFR 314.80")
	assert.Contains(t, pharma, "Biznology 2011")
	assert.NotContains(t, pharma, "FINRA")
	// The roadmap of a small unregulated organisation cites Mindjumpers
	// and the NLRB: both are listed.
	ngo := listed(placement.Profile{Name: "NGO", Employees: 300, Touchpoints: tps})
	assert.Contains(t, ngo, "Mindjumpers 2010, Social media organisation")
	assert.Contains(t, ngo, "NLRB 2011–12")
}

// clientTexts renders what a client reads of rec: the terminal text (five
// structures), the Markdown report and the visible text of the HTML
// report, by format.
func clientTexts(t *testing.T, rec *placement.Recommendation) map[string]string {
	t.Helper()
	var txt, md, h bytes.Buffer
	require.NoError(t, rec.WriteText(&txt, 5))
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	require.NoError(t, report.HTML(&h, rec, report.Options{}))
	return map[string]string{"text": txt.String(), "markdown": md.String(), "html": visibleText(t, h.Bytes())}
}
