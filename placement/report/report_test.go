package report_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
	"github.com/socialseat/socialseat/scoring"
)

// org is an organisation name that must be escaped everywhere.
const org = `Brightwater <Foods & Sons>`

// profile is a mid-sized consumer-goods company with several brands, whose
// social media grew up inside marketing (the quickstart example's profile).
const profile = `
name: "Brightwater <Foods & Sons>"
employees: 2400
business_units: 3
countries: 4
founded: 1987
social_priority: 4
social_staff: 3
budget_level: 3
sign_off_layers: 2
silos: 3
department_harmony: 3
regulation: 2
maturity: 3
executive_sponsorship: 3
agency: current
touchpoints:
  marketing-channel: 5
  customer-support: 4
  employer-branding: 3
  crisis-response: 3
  corporate-communication: 2
  social-listening: 3
  internal-communication: 2
current: {home: marketing, model: centralized, role: executing, sourcing: hybrid}
`

func recommend(t testing.TB) *placement.Recommendation {
	t.Helper()
	return recommendWith(t, placement.Options{})
}

// recommendWith recommends for the example profile with the options.
func recommendWith(t testing.TB, o placement.Options) *placement.Recommendation {
	t.Helper()
	p, err := placement.ReadProfile(strings.NewReader(profile))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, o)
	require.NoError(t, err)
	return rec
}

func render(t testing.TB, rec *placement.Recommendation, o report.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, report.HTML(&buf, rec, o))
	return buf.Bytes()
}

// walk calls fn for every element node under n, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// headerRow reports whether a table's first row is a header row: inside a
// thead, or made of th cells only.
func headerRow(table *html.Node) bool {
	var first *html.Node
	walk(table, func(n *html.Node) {
		if first == nil && n.DataAtom == atom.Tr {
			first = n
		}
	})
	if first == nil {
		return false
	}
	if first.Parent != nil && first.Parent.DataAtom == atom.Thead {
		return true
	}
	cells := 0
	for c := first.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Th {
			return false
		}
		cells++
	}
	return cells > 0
}

func TestHTMLIsValid(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	out := render(t, rec, report.Options{Subtitle: "Prepared for <the board> & staff", Coefficients: true})

	doc, err := html.Parse(bytes.NewReader(out))
	require.NoError(t, err, "the report must parse as HTML")
	assert.True(t, bytes.HasPrefix(out, []byte("<!DOCTYPE html>")))

	var tables, sections, svgs, rows int
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Table:
			tables++
			assert.True(t, headerRow(n), "table %d has no header row", tables)
		case atom.Section:
			sections++
			ids[attr(n, "id")] = true
		case atom.Svg:
			svgs++
		case atom.Tr:
			rows++
		case atom.Script, atom.Link, atom.Iframe, atom.Object, atom.Embed, atom.Img:
			t.Errorf("self-contained report has a <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if n.DataAtom == atom.A && a.Key == "href" && (strings.HasPrefix(a.Val, "https://") || strings.HasPrefix(a.Val, "http://")) {
				continue // a link to a cited work is navigation, not a resource the report loads
			}
			if a.Key == "src" || a.Key == "href" || a.Key == "xlink:href" {
				t.Errorf("<%s %s=%q> refers outside the document", n.Data, a.Key, a.Val)
			}
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Style) {
			css := text(n)
			assert.NotContains(t, css, "url(", "CSS must not load anything")
			assert.NotContains(t, css, "@import")
		}
	})
	assert.Equal(t, 3, svgs, "ranking, contributions and weights charts inline")
	assert.GreaterOrEqual(t, tables, 8)
	for _, id := range []string{"summary", "profile", "ranking", "weights", "raci", "roadmap", "robustness", "assumptions"} {
		assert.True(t, ids[id], "section %q missing", id)
	}
	assert.Greater(t, rows, len(placement.DefaultModel().Coefficients), "coefficient table included")
}

func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	out := string(render(t, rec, report.Options{Subtitle: "Prepared for <script>alert(1)</script>"}))
	assert.NotContains(t, out, "<Foods", "raw organisation name")
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, "Brightwater &lt;Foods &amp; Sons&gt;")

	doc, err := html.Parse(strings.NewReader(out))
	require.NoError(t, err)
	var title, h1 string
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Title:
			title = text(n)
		case atom.H1:
			h1 = text(n)
		}
	})
	assert.Equal(t, "Where should social media sit at "+org+"?", title)
	assert.Equal(t, title, h1)
}

func TestHTMLContents(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	doc, err := html.Parse(bytes.NewReader(render(t, rec, report.Options{Top: 5})))
	require.NoError(t, err)
	bySection := map[string]*html.Node{}
	walk(doc, func(n *html.Node) {
		if n.DataAtom == atom.Section {
			bySection[attr(n, "id")] = n
		}
	})
	count := func(section string, a atom.Atom) int {
		k := 0
		walk(bySection[section], func(n *html.Node) {
			if n.DataAtom == a {
				k++
			}
		})
		return k
	}
	winner := rec.Ranking[0].Structure.Name()
	assert.Contains(t, text(bySection["summary"]), winner)
	for _, e := range rec.Ranking {
		if e.Structure == *rec.Profile.Current {
			assert.Contains(t, text(bySection["summary"]), fmt.Sprintf("ranks %d", e.Rank), "where today's structure ranks")
		}
	}
	assert.Equal(t, 5+1, count("ranking", atom.Tr), "top 5 and a header")
	assert.Equal(t, len(rec.RACI)+1, count("raci", atom.Tr), "one RACI row per active touchpoint")
	assert.Equal(t, len(rec.Roadmap), count("roadmap", atom.Li))
	assert.Equal(t, placement.NumCriteria+1, count("weights", atom.Tr))
	assert.Contains(t, text(bySection["weights"]), "regulation 2/5", "where the weights came from")
	assert.Contains(t, text(bySection["robustness"]), "TOPSIS")
	assert.Contains(t, text(bySection["assumptions"]), "Owyang 2010")
	for _, e := range rec.Ranking[0].Strengths {
		assert.Contains(t, text(bySection["ranking"]), strings.Join(strings.Fields(e), " "))
	}
	// The charts' SVG is well-formed XML inside the HTML.
	walk(bySection["ranking"], func(n *html.Node) {
		if n.DataAtom == atom.Svg {
			var b bytes.Buffer
			require.NoError(t, html.Render(&b, n))
			assert.NoError(t, xml.Unmarshal(b.Bytes(), new(struct{})), "inline SVG")
		}
	})
}

func TestMarkdown(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	var buf bytes.Buffer
	require.NoError(t, report.Markdown(&buf, rec, report.Options{ChartPath: "charts"}))
	out := buf.String()

	assert.True(t, strings.HasPrefix(out, "# Where should social media sit at Brightwater &lt;Foods &amp; Sons&gt;?\n"))
	assert.NotContains(t, out, "<Foods")
	for _, h := range []string{"## Summary", "## The organisation", "## The ranking", "## The weights and where they came from",
		"## Who does what", "## The roadmap", "## How robust is the answer?", "## Assumptions and sources"} {
		assert.Contains(t, out, "\n"+h+"\n")
	}
	for _, img := range []string{"charts/ranking.svg", "charts/contributions.svg", "charts/weights.svg"} {
		assert.Contains(t, out, "]("+img+")")
	}
	// Every table starts with a header row and a delimiter row.
	lines := strings.Split(out, "\n")
	tables := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "|") && (i == 0 || !strings.HasPrefix(lines[i-1], "|")) {
			tables++
			require.Less(t, i+1, len(lines))
			assert.Regexp(t, `^\|(-+:?\|)+$`, lines[i+1], "table at line %d lacks a delimiter row", i+1)
			assert.Equal(t, strings.Count(l, " |"), strings.Count(lines[i+1], "|")-1, "header and delimiter agree")
		}
	}
	assert.GreaterOrEqual(t, tables, 7)
	assert.Equal(t, len(rec.Roadmap), strings.Count(out, "*Why:*"))

	// Without ChartPath there are no images.
	buf.Reset()
	require.NoError(t, report.Markdown(&buf, rec, report.Options{}))
	assert.NotContains(t, buf.String(), "![")
}

func TestWriteCharts(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	dir := filepath.Join(t.TempDir(), "charts")
	paths, err := report.WriteCharts(dir, rec, report.Options{PNG: true, Top: 4})
	require.NoError(t, err)
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	assert.Equal(t, []string{"ranking.svg", "ranking.png", "contributions.svg", "contributions.png", "weights.svg", "weights.png"}, names)
	for _, p := range paths {
		f, err := os.Open(p)
		require.NoError(t, err)
		if strings.HasSuffix(p, ".png") {
			_, err = png.Decode(f)
		} else {
			err = xml.NewDecoder(f).Decode(new(struct{}))
		}
		f.Close()
		assert.NoError(t, err, p)
	}

	figs, err := report.Figures(rec, report.Options{})
	require.NoError(t, err)
	require.Len(t, figs, 3)
	for _, f := range figs {
		assert.NotEmpty(t, f.Caption)
		assert.Empty(t, f.Chart.Title(), "the report captions charts itself")
	}
}

// A method that is not additive has no contributions chart.
func TestNonAdditiveMethod(t *testing.T) {
	t.Parallel()
	rec := recommendWith(t, placement.Options{Method: scoring.TOPSIS{}})
	require.Nil(t, rec.Result.Contributions)
	figs, err := report.Figures(rec, report.Options{})
	require.NoError(t, err)
	var names []string
	for _, f := range figs {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"ranking", "weights"}, names)
	// Markdown links only the charts that exist.
	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{ChartPath: "charts"}))
	assert.NotContains(t, md.String(), "contributions.svg")
	assert.Contains(t, md.String(), "charts/weights.svg")
}

// The score direction comes from the recommendation's scoring result:
// VIKOR's lower Q is better, even when the scores would suggest otherwise.
func TestScoreDirectionFromResult(t *testing.T) {
	t.Parallel()
	rec := recommendWith(t, placement.Options{Method: scoring.NewVIKOR()})
	require.Equal(t, scoring.Lower, rec.Result.Better)
	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	assert.Contains(t, md.String(), "lower scores are better")

	// Only the result says the direction: flip it and the report follows.
	flipped := *rec
	res := *rec.Result
	res.Better = scoring.Higher
	flipped.Result = &res
	md.Reset()
	require.NoError(t, report.Markdown(&md, &flipped, report.Options{}))
	assert.Contains(t, md.String(), "higher scores are better")
	figs, err := report.Figures(rec, report.Options{})
	require.NoError(t, err)
	assert.Contains(t, figs[0].Caption, "lower is better")
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := recommend(t), recommend(t)
	assert.Equal(t, render(t, a, report.Options{}), render(t, b, report.Options{}))
	var m1, m2 bytes.Buffer
	require.NoError(t, report.Markdown(&m1, a, report.Options{}))
	require.NoError(t, report.Markdown(&m2, a, report.Options{}))
	assert.Equal(t, m1.String(), m2.String())
}

func TestNoMutation(t *testing.T) {
	t.Parallel()
	rec, want := recommend(t), recommend(t)
	render(t, rec, report.Options{Coefficients: true})
	require.NoError(t, report.Markdown(io.Discard, rec, report.Options{ChartPath: "c"}))
	_, err := report.Figures(rec, report.Options{})
	require.NoError(t, err)
	assert.True(t, reflect.DeepEqual(want, rec), "the recommendation was modified")
}

// A model the report cannot find is reported, not guessed.
func TestUnknownModel(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	rec.Model = placement.Identity{Name: "consultant-calibration", Version: "7", Hash: "sha256:0"}
	out := string(render(t, rec, report.Options{}))
	assert.Contains(t, out, "Scored with the model “consultant-calibration”, version 7.")
	assert.Contains(t, out, "The model was not supplied")

	m := placement.DefaultModel()
	m.Name, m.Version, m.Description = "consultant-calibration", "7", "Recalibrated for <Acme>."
	out = string(render(t, rec, report.Options{Model: &m}))
	assert.NotContains(t, out, "The model was not supplied")
	assert.Contains(t, out, "Recalibrated for &lt;Acme&gt;.")
}

func TestErrors(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	tests := []struct {
		name string
		rec  *placement.Recommendation
		opts report.Options
		want error
	}{
		{"nil recommendation", nil, report.Options{}, report.ErrEmpty},
		{"nothing ranked", &placement.Recommendation{}, report.Options{}, report.ErrEmpty},
		{"negative top", rec, report.Options{Top: -1}, report.ErrOptions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, report.HTML(io.Discard, tc.rec, tc.opts), tc.want)
			assert.ErrorIs(t, report.Markdown(io.Discard, tc.rec, tc.opts), tc.want)
			_, err := report.Figures(tc.rec, tc.opts)
			assert.ErrorIs(t, err, tc.want)
			_, err = report.WriteCharts(t.TempDir(), tc.rec, tc.opts)
			assert.ErrorIs(t, err, tc.want)
		})
	}
	// A writer error comes back.
	boom := errors.New("disk full")
	assert.ErrorIs(t, report.HTML(failWriter{boom}, rec, report.Options{}), boom)
	assert.ErrorIs(t, report.Markdown(failWriter{boom}, rec, report.Options{}), boom)
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

func TestSMAASection(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader(profile))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{SMAA: &placement.SMAAOptions{Samples: 2000, Seed: 3, Workers: 1}})
	require.NoError(t, err)
	require.NotNil(t, rec.Robustness.SMAA)

	doc, err := html.Parse(bytes.NewReader(render(t, rec, report.Options{})))
	require.NoError(t, err)
	var robust *html.Node
	walk(doc, func(n *html.Node) {
		if n.DataAtom == atom.Section && attr(n, "id") == "robustness" {
			robust = n
		}
	})
	require.NotNil(t, robust)
	rows := 0
	walk(robust, func(n *html.Node) {
		if n.DataAtom == atom.Tr {
			rows++
		}
	})
	assert.Equal(t, 1+6+1+len(rec.Robustness.SMAA.Structures)+1+len(rec.Dimensions), rows,
		"cross-check facts, the SMAA table and the certainty per dimension, with headers")
	assert.Contains(t, text(robust), "Under 2,000 weightings drawn around these weights")
	assert.Contains(t, text(robust), rec.Ranking[0].Structure.Name())

	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	assert.Contains(t, md.String(), "### When the weights vary")
	assert.Contains(t, md.String(), "| Structure that can come first | First under | Confidence |")
}

// With an SMAA analysis the report adds the rank-acceptability heat map to
// the robustness section, in HTML, Markdown and the chart files; without
// one (recommend) it has none.
func TestAcceptabilityChart(t *testing.T) {
	t.Parallel()
	rec := recommendWith(t, placement.Options{SMAA: &placement.SMAAOptions{Samples: 2000, Seed: 3}})
	require.NotNil(t, rec.Robustness.SMAA.Analysis)

	figs, err := report.Figures(rec, report.Options{Top: 6})
	require.NoError(t, err)
	var names []string
	for _, f := range figs {
		names = append(names, f.Name)
	}
	require.Equal(t, []string{"ranking", "contributions", "weights", "acceptability"}, names)
	acc := figs[3]
	assert.Contains(t, acc.Caption, "6 structures")
	assert.Contains(t, acc.Caption, "2,000 sampled weightings")
	var svg bytes.Buffer
	require.NoError(t, acc.Chart.WriteSVG(&svg))
	require.NoError(t, xml.NewDecoder(bytes.NewReader(svg.Bytes())).Decode(new(struct{})))
	// Rows are named by structure, not ID; the recommended structure,
	// which comes first most often, is among them.
	winner := rec.Ranking[0].Structure
	assert.NotContains(t, svg.String(), ">"+winner.ID()+"<")
	assert.Contains(t, strings.Join(strings.Fields(svg.String()), " "), strings.Fields(winner.Name())[0])
	// The analysis itself keeps its IDs: the report changed only a copy.
	assert.Contains(t, rec.Robustness.SMAA.Analysis.Alternatives, winner.ID())

	doc, err := html.Parse(bytes.NewReader(render(t, rec, report.Options{Top: 6})))
	require.NoError(t, err)
	svgs := map[string]int{}
	walk(doc, func(n *html.Node) {
		if n.DataAtom == atom.Section {
			walk(n, func(c *html.Node) {
				if c.DataAtom == atom.Svg {
					svgs[attr(n, "id")]++
				}
			})
		}
	})
	assert.Equal(t, 1, svgs["robustness"], "the heat map is in the robustness section")

	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{ChartPath: "charts"}))
	robust := md.String()[strings.Index(md.String(), "## How robust"):]
	assert.Contains(t, robust, "(charts/acceptability.svg)")

	dir := t.TempDir()
	paths, err := report.WriteCharts(dir, rec, report.Options{})
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "acceptability.svg"), paths[len(paths)-1])

	// Without SMAA: no heat map anywhere.
	plain := recommend(t)
	md.Reset()
	require.NoError(t, report.Markdown(&md, plain, report.Options{ChartPath: "charts"}))
	// (The source list may cite Lahdelma & Salminen's "stochastic
	// multicriteria acceptability analysis", behind the model's
	// certainty thresholds: the chart is what must be absent.)
	assert.NotContains(t, md.String(), "acceptability.svg")
	assert.NotContains(t, md.String(), "How sure is the ranking")
	assert.NotContains(t, md.String(), "first-rank acceptability")
}

// With a sensitivity analysis the robustness section says which weight is
// most sensitive and by how much, lists every criterion's margin, and
// charts the scores along that weight, in HTML and Markdown.
func TestSensitivitySection(t *testing.T) {
	t.Parallel()
	rec := recommendWith(t, placement.Options{Sensitivity: true})
	s := rec.Robustness.Sensitivity
	require.NotNil(t, s)
	tight, ok := s.Tightest()
	require.True(t, ok, "the example's recommendation can be changed by some weight")

	figs, err := report.Figures(rec, report.Options{})
	require.NoError(t, err)
	var names []string
	for _, f := range figs {
		names = append(names, f.Name)
	}
	require.Equal(t, []string{"ranking", "contributions", "weights", "sensitivity"}, names)
	assert.Contains(t, figs[3].Caption, tight.Criterion.Label())
	var svg bytes.Buffer
	require.NoError(t, figs[3].Chart.WriteSVG(&svg))
	require.NoError(t, xml.NewDecoder(bytes.NewReader(svg.Bytes())).Decode(new(struct{})))
	assert.NotContains(t, svg.String(), ">"+rec.Ranking[0].Structure.ID()+"<", "lines are named by structure")
	assert.Contains(t, svg.String(), tight.Criterion.Label(), "the axis names the criterion by its label")
	assert.Equal(t, tight.Criterion.String(), s.Analysis.Sweeps[tight.Criterion-1].Criterion, "the analysis keeps its criterion IDs")
	assert.Contains(t, s.Analysis.Alternatives, rec.Ranking[0].Structure.ID(), "the analysis keeps its IDs")

	doc, err := html.Parse(bytes.NewReader(render(t, rec, report.Options{})))
	require.NoError(t, err)
	var robust *html.Node
	walk(doc, func(n *html.Node) {
		if n.DataAtom == atom.Section && attr(n, "id") == "robustness" {
			robust = n
		}
	})
	require.NotNil(t, robust)
	body := strings.Join(strings.Fields(text(robust)), " ")
	assert.Contains(t, body, "most sensitive to "+tight.Criterion.Label())
	assert.Contains(t, body, fmt.Sprintf("%.1f%%", 100*tight.At))
	rows, svgs := -1, 0
	walk(robust, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Table:
			if strings.Contains(text(n), "Then first") {
				rows = 0
				walk(n, func(c *html.Node) {
					if c.DataAtom == atom.Tr {
						rows++
					}
				})
			}
		case atom.Svg:
			svgs++
		}
	})
	assert.Equal(t, 1+placement.NumCriteria, rows, "the margins: a header and one row per criterion")
	assert.Equal(t, 1, svgs)

	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{ChartPath: "charts"}))
	out := md.String()
	assert.Contains(t, out, "### When one weight moves")
	assert.Contains(t, out, "(charts/sensitivity.svg)")
	assert.Less(t, strings.Index(out, "## How robust"), strings.Index(out, "(charts/sensitivity.svg)"))
}

// The sensitivity chart draws the structure that would take over even when
// it ranks below the chart's lines today; a grid-scanned method says so; a
// method with negative contributions (PROMETHEE II) has no stacked chart
// but a report all the same.
func TestSensitivityEdgeCases(t *testing.T) {
	t.Parallel()
	rec := recommendWith(t, placement.Options{Sensitivity: true})
	tight, ok := rec.Robustness.Sensitivity.Tightest()
	require.True(t, ok)
	require.NotEqual(t, rec.Ranking[0].Structure.ID(), tight.Next)
	figs, err := report.Figures(rec, report.Options{Top: 1})
	require.NoError(t, err)
	var svg bytes.Buffer
	for _, f := range figs {
		if f.Name == "sensitivity" {
			require.NoError(t, f.Chart.WriteSVG(&svg))
		}
	}
	words := strings.Join(strings.Fields(svg.String()), " ")
	var next placement.Structure
	for _, e := range rec.Ranking {
		if e.Structure.ID() == tight.Next {
			next = e.Structure
		}
	}
	for _, w := range strings.Fields(next.Name()) {
		assert.Contains(t, words, w, "the structure that takes over is drawn")
	}

	// 30 candidates keep the grid scan quick (it reranks them at every
	// grid point and bisection step).
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	p, err := placement.ReadProfile(strings.NewReader(profile))
	require.NoError(t, err)
	cands := r.Candidates()[:30]
	for _, m := range []struct {
		method scoring.Method
		grid   bool
	}{{scoring.TOPSIS{}, true}, {scoring.PROMETHEEII{}, false}} {
		rec, err := r.WithOptions(placement.Options{Method: m.method, Sensitivity: true, Candidates: cands}).Recommend(t.Context(), p)
		require.NoError(t, err)
		assert.Equal(t, !m.grid, rec.Robustness.Sensitivity.Exact)
		var buf bytes.Buffer
		require.NoError(t, report.HTML(&buf, rec, report.Options{}), "%T", m.method)
		assert.Equal(t, m.grid, strings.Contains(buf.String(), "found on a grid"), "%T", m.method)
		figs, err := report.Figures(rec, report.Options{})
		require.NoError(t, err)
		for _, f := range figs {
			if _, ok := m.method.(scoring.PROMETHEEII); ok {
				assert.NotEqual(t, "contributions", f.Name, "net-flow contributions can be negative")
			}
		}
	}
}

// Synthetic margins: none that changes the answer, and a tie at the
// recommendation's weights, read sensibly in the report and the summary.
func TestSensitivityWording(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	holds := &placement.SensitivitySummary{Exact: true}
	for c := range placement.NumCriteria {
		holds.Margins = append(holds.Margins, placement.WeightMargin{Criterion: placement.Criterion(c + 1), Weight: rec.Weights.Get(placement.Criterion(c + 1)), Holds: true})
	}
	rec.Robustness.Sensitivity = holds
	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{ChartPath: "charts"}))
	assert.Contains(t, md.String(), "never changes the recommendation")
	assert.NotContains(t, md.String(), "sensitivity.svg", "no chart without a change to show")
	assert.Contains(t, rec.Robustness.Summary(), "No single weight")

	tied := &placement.SensitivitySummary{Exact: true, Margins: slices.Clone(holds.Margins)}
	second := rec.Ranking[1].Structure
	tied.Margins[2] = placement.WeightMargin{Criterion: placement.Coverage, Weight: rec.Weights.Get(placement.Coverage), At: rec.Weights.Get(placement.Coverage), Next: second.ID()}
	rec.Robustness.Sensitivity = tied
	md.Reset()
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	assert.Contains(t, md.String(), "is level with "+second.Name())
	assert.Contains(t, md.String(), "level now")
	assert.NotContains(t, md.String(), "holds until its weight")
	assert.Contains(t, rec.Robustness.Summary(), "level with "+second.Name())
}

// TestClientTextNamesNoInternals renders every client form with the
// coefficient table and checks that the text names none of the project's
// own working documents or their section marks, which the model's data
// cites for its maintainers.
func TestClientTextNamesNoInternals(t *testing.T) {
	t.Parallel()
	rec := recommendWith(t, placement.Options{Sensitivity: true, SMAA: &placement.SMAAOptions{Samples: 500, Seed: 1}})
	o := report.Options{Coefficients: true}
	forms := map[string]func(io.Writer, *placement.Recommendation, report.Options) error{
		"HTML": report.HTML, "HTMLFragment": report.HTMLFragment, "Markdown": report.Markdown,
	}
	for name, form := range forms {
		var buf bytes.Buffer
		require.NoError(t, form(&buf, rec, o), name)
		out := buf.String()
		require.Contains(t, out, "home.hr.influence", "%s: the coefficient table is there", name)
		for _, internal := range []string{"domain.md", "DESIGN.md", "§", "[J]", "[S]", "[A]"} {
			assert.NotContains(t, out, internal, "%s names our own documents", name)
		}
		// A coefficient whose sources are published works keeps them,
		// with their notes.
		assert.Contains(t, out, "training budgets sit in HR", name)
		assert.NotContains(t, out, "calibration profiles", "%s cites our own calibration", name)
	}
}

// The profile table marks each value the profile did not state, so that a
// default does not read as a fact the organisation gave; a stated value
// is not marked.
func TestProfileTableMarksAssumedValues(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader("name: Minimal\nemployees: 3000\ntouchpoints: {marketing-channel: 3}\nsocial_priority: 4\n"))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.Markdown(&buf, rec, report.Options{}))
	out := buf.String()
	for _, row := range []string{
		"| Staff on social media | 0 FTE \\(assumed\\) |",
		"| Sign-off layers for a routine post | 0 \\(assumed\\) |",
		"| Current structure | no formal structure \\(assumed\\) |",
		"| Business units | 1 \\(assumed\\) |",
		"| Priority of social media | 4 of 5 |",
		"| Employees | 3,000 |",
	} {
		assert.Contains(t, out, row)
	}
	full := string(render(t, recommend(t), report.Options{}))
	assert.Equal(t, 0, strings.Count(full, "(assumed)"), "the example profile states every field the table shows")
}
