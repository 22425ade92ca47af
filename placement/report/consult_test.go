package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
)

// governed is the example profile with its governance checklist answered:
// some practices missing, some in place, the rest not stated.
const governed = profile + `governance:
  policy: "yes"
  crisis_plan: "no"
  training: "no"
  account_inventory: "no"
`

// recommendGoverned recommends for governed, with a small SMAA run so that
// the certainty per dimension has its shares.
func recommendGoverned(t *testing.T) *placement.Recommendation {
	t.Helper()
	p, err := placement.ReadProfile(strings.NewReader(governed))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{SMAA: &placement.SMAAOptions{Samples: 500, Seed: 2}})
	require.NoError(t, err)
	return rec
}

// sections maps each section of an HTML report to its node.
func sections(t *testing.T, doc []byte) map[string]*html.Node {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	require.NoError(t, err)
	out := map[string]*html.Node{}
	walk(root, func(n *html.Node) {
		if n.DataAtom == atom.Section {
			out[attr(n, "id")] = n
		}
	})
	return out
}

// nodes returns the nodes of kind a under n.
func nodes(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) {
		if c.DataAtom == a {
			out = append(out, c)
		}
	})
	return out
}

// hrefs returns the link targets under n.
func hrefs(n *html.Node) map[string]bool {
	out := map[string]bool{}
	for _, a := range nodes(n, atom.A) {
		out[attr(a, "href")] = true
	}
	return out
}

// md escapes s as the Markdown writer does for the plain names of the
// practices (letters, spaces and a few punctuation marks).
func md(s string) string {
	return strings.NewReplacer("(", `\(`, ")", `\)`).Replace(s)
}

// cells returns the text of a table row's cells.
func cells(tr *html.Node) []string {
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			out = append(out, text(c))
		}
	}
	return out
}

// practiceNames maps the practice IDs of the gaps to their names.
func practiceNames(rec *placement.Recommendation) map[string]string {
	m := map[string]string{}
	for _, g := range rec.Gaps {
		m[g.Practice.ID] = g.Practice.Name
	}
	return m
}

func TestHTMLMaturityPeersGovernance(t *testing.T) {
	t.Parallel()
	p0, err := placement.ReadProfile(strings.NewReader(governed))
	require.NoError(t, err)
	// Half a person is below the 1–5 people of its size band, so one peer
	// row is marked (budget level 3 is level with peers, in line).
	p0.SocialStaff = 0.5
	rec, err := placement.Recommend(t.Context(), p0, placement.Options{SMAA: &placement.SMAAOptions{Samples: 500, Seed: 2}})
	require.NoError(t, err)
	var missing, unknown []placement.Gap
	for _, g := range rec.Gaps {
		if g.Answer == placement.No {
			missing = append(missing, g)
		} else {
			unknown = append(unknown, g)
		}
	}
	require.Len(t, missing, 3, "the profile answers three practices no")
	require.NotEmpty(t, unknown)
	sec := sections(t, render(t, rec, report.Options{}))

	// Maturity stage: model, stage, description, evidence, what to
	// confirm, what the next stage needs, the model's source linked.
	st := rec.Stage
	require.NotEmpty(t, st.Stage.Name)
	m := sec["maturity"]
	require.NotNil(t, m, "maturity section")
	mt := text(m)
	for _, s := range []string{st.Model, st.Stage.Name, st.Stage.Description} {
		assert.Contains(t, mt, strings.Join(strings.Fields(s), " "))
	}
	assert.True(t, hrefs(m)[st.URL], "the maturity model's source is linked: %s", st.URL)
	assert.Len(t, nodes(m, atom.Li), len(st.Evidence)+len(st.Unconfirmed)+len(st.NextRequires))
	for _, e := range st.Evidence {
		assert.Contains(t, mt, strings.Join(strings.Fields(e), " "))
	}
	if st.Next != nil {
		assert.Contains(t, mt, "What the next stage, "+st.Next.Name+", needs")
	}

	// Against peers: one row per comparison, below/above marked, each
	// source linked.
	p := sec["peers"]
	require.NotNil(t, p, "peers section")
	rows := nodes(p, atom.Tr)
	require.Len(t, rows, len(rec.Benchmarks)+1)
	marked := 0
	for i, c := range rec.Benchmarks {
		rt := text(rows[i+1])
		assert.Contains(t, rt, c.Topic)
		switch c.Standing {
		case placement.Below:
			assert.Contains(t, rt, "(below peers)")
			marked++
		case placement.Above:
			assert.Contains(t, rt, "(above peers)")
			marked++
		default:
			assert.NotContains(t, rt, "below peers")
			assert.NotContains(t, rt, "above peers")
		}
		if c.URL != "" {
			assert.True(t, hrefs(rows[i+1])[c.URL], "row %d links its source", i)
		}
	}
	assert.Positive(t, marked, "the example has a figure below or above its peers")

	// Governance checklist: the missing practices with the figure that
	// makes them matter, their source and the roadmap step that closes
	// them; the unknown ones as questions.
	g := sec["governance"]
	require.NotNil(t, g, "governance section")
	grows := nodes(g, atom.Tr)
	require.Len(t, grows, len(missing)+1)
	for i, gap := range missing {
		rt := text(grows[i+1])
		assert.Contains(t, rt, gap.Practice.Name)
		assert.Contains(t, rt, strings.Join(strings.Fields(gap.Practice.Matters), " "))
		if gap.Practice.URL != "" {
			assert.True(t, hrefs(grows[i+1])[gap.Practice.URL])
		}
		step := 0
		for k, s := range rec.Roadmap {
			for _, id := range s.Closes {
				if id == gap.Practice.ID && step == 0 {
					step = k + 1
				}
			}
		}
		require.Positive(t, step, "a missing practice is closed by a roadmap step: %s", gap.Practice.ID)
		assert.Contains(t, rt, fmt.Sprintf("roadmap step %d", step))
	}
	qs := nodes(g, atom.Li)
	require.Len(t, qs, len(unknown))
	for i, gap := range unknown {
		assert.Equal(t, gap.Practice.Question, text(qs[i]))
	}

	// The roadmap says which gaps a step closes, by name.
	names := practiceNames(rec)
	lis := nodes(sec["roadmap"], atom.Li)
	require.Len(t, lis, len(rec.Roadmap))
	closing := 0
	for i, s := range rec.Roadmap {
		if len(s.Closes) == 0 {
			assert.NotContains(t, text(lis[i]), "Closes:")
			continue
		}
		closing++
		for _, id := range s.Closes {
			assert.Contains(t, text(lis[i]), strings.ToLower(names[id][:1])+names[id][1:])
			if strings.Contains(id, "-") {
				assert.NotContains(t, text(lis[i]), id, "practice IDs stay internal")
			}
		}
		assert.Contains(t, text(lis[i]), "Closes: ")
	}
	assert.Positive(t, closing)

	// Certainty per dimension, with SMAA shares.
	r := sec["robustness"]
	var dims *html.Node
	for _, tb := range nodes(r, atom.Table) {
		if strings.Join(cells(nodes(tb, atom.Tr)[0]), "|") == "Dimension|Recommended|First under|Runner-up|Lead in score|Call" {
			dims = tb
		}
	}
	require.NotNil(t, dims, "dimension table in the robustness section")
	drows := nodes(dims, atom.Tr)
	require.Len(t, drows, len(rec.Dimensions)+1)
	for i, d := range rec.Dimensions {
		c := cells(drows[i+1])
		require.Len(t, c, 6)
		assert.Equal(t, strings.ToUpper(d.Label()[:1])+d.Label()[1:], c[0])
		assert.Equal(t, d.ValueLabel(d.Value), c[1])
		assert.Equal(t, fmt.Sprintf("%.1f%%", 100*d.Acceptability), c[2])
		switch {
		case d.RunnerUpFavoured:
			assert.Equal(t, fmt.Sprintf("%s (%.1f%%: the sampling favours it more often)", d.ValueLabel(d.RunnerUp), 100*d.RunnerUpAcceptability), c[3])
		case d.RunnerUp != "":
			assert.Equal(t, fmt.Sprintf("%s (%.1f%%)", d.ValueLabel(d.RunnerUp), 100*d.RunnerUpAcceptability), c[3])
		}
		assert.Equal(t, fmt.Sprintf("%.3f", d.Lead), c[4])
		call := "close call"
		if d.Clear {
			call = "clear"
		}
		assert.Equal(t, call, c[5])
	}
}

// Without SMAA the dimension table has no share column; a profile with
// no gap has no governance section.
func TestHTMLDimensionsWithoutSMAA(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader(profile + `governance: {policy: "yes", policy_known: "yes", crisis_plan: "yes", account_inventory: "yes", archiving: "yes", training: "yes", measurement: "yes", executive_sponsor: "yes"}
`))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	require.Empty(t, rec.Gaps)
	sec := sections(t, render(t, rec, report.Options{}))
	assert.Nil(t, sec["governance"])
	heads := map[string]bool{}
	for _, tb := range nodes(sec["robustness"], atom.Table) {
		heads[strings.Join(cells(nodes(tb, atom.Tr)[0]), "|")] = true
	}
	assert.True(t, heads["Dimension|Recommended|Runner-up|Lead in score|Call"], "%v", heads)
	assert.NotContains(t, text(sec["robustness"]), "First under")
}

// The lead compares the first structure with the best one of another
// operating model, not with its twin.
func TestLeadAgainstAnotherOperatingModel(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	a := rec.Robustness.Alternative
	require.NotNil(t, a)
	second := rec.Ranking[1]
	require.Equal(t, rec.Ranking[0].Structure.Model, second.Structure.Model, "the example's second is a twin of its first")
	sum := text(sections(t, render(t, rec, report.Options{}))["summary"])
	want := fmt.Sprintf("The nearest alternative with a different operating model is %s, ranked", a.Name)
	assert.Contains(t, sum, want)
	assert.Contains(t, sum, fmt.Sprintf("%.3f points of score behind", a.Gap))
	assert.NotContains(t, sum, "ahead of "+second.Structure.Name())
}

func TestMarkdownMaturityPeersGovernance(t *testing.T) {
	t.Parallel()
	rec := recommendGoverned(t)
	var buf bytes.Buffer
	require.NoError(t, report.Markdown(&buf, rec, report.Options{}))
	out := buf.String()
	for _, h := range []string{"## Maturity stage", "## Against peers", "## Governance checklist", "### Missing",
		"### Questions to ask", "### How sure is each part of the answer?"} {
		assert.Contains(t, out, "\n"+h+"\n")
	}
	assert.Contains(t, out, "On [Forrester social maturity](<"+rec.Stage.URL+">)")
	assert.Contains(t, out, "| Topic | You | Peers | Source |")
	assert.Contains(t, out, "| Practice | Why it matters | Source | Closed by |")
	assert.Contains(t, out, "| Dimension | Recommended | First under | Runner-up | Lead in score | Call |")
	names := practiceNames(rec)
	closes := 0
	for _, s := range rec.Roadmap {
		if len(s.Closes) > 0 {
			closes++
			n := names[s.Closes[0]]
			assert.Contains(t, out, "*Closes:* "+md(strings.ToLower(n[:1])+n[1:]))
		}
	}
	assert.Equal(t, closes, strings.Count(out, "*Closes:*"))
	// Cells are escaped but links are not: no raw marker or broken link
	// reaches the output.
	assert.NotContains(t, out, "\x00")
	assert.NotContains(t, out, `\[`)
	for _, c := range rec.Benchmarks {
		if c.URL != "" {
			assert.Contains(t, out, "](<"+c.URL+">)")
		}
	}
}

// TestPeerNoteShown: when the same team is below organisations of its
// size and above programmes at its stage, the text, the Markdown and the
// HTML report say why next to the row, not only the JSON.
func TestPeerNoteShown(t *testing.T) {
	t.Parallel()
	rec, err := placement.Recommend(t.Context(), placement.Profile{Name: "Midland Utilities", Employees: 7500, SocialStaff: 10}, placement.Options{})
	require.NoError(t, err)
	note := ""
	for _, c := range rec.Benchmarks {
		if c.Note != "" {
			note = c.Note
		}
	}
	require.NotEmpty(t, note, "the case needs a row with a note")
	var txt, md, h bytes.Buffer
	require.NoError(t, rec.WriteText(&txt, 3))
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	require.NoError(t, report.HTML(&h, rec, report.Options{}))
	for kind, s := range map[string]string{"text": txt.String(), "markdown": md.String(), "html": h.String()} {
		assert.Contains(t, s, note, kind)
	}
}
