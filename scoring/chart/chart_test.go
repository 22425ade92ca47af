package chart_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/chart"
)

// Okabe–Ito colours as vgsvg writes them.
const (
	blue   = "#0072B2"
	orange = "#E69F00"
	green  = "#009E73"
	purple = "#CC79A7"
	ink    = "#1A1A1A"
)

// svgDoc is the structure of an SVG file as far as the tests care.
type svgDoc struct {
	root         string
	width        string
	fills        map[string]int // filled paths by fill colour
	strokes      map[string]int // stroked paths by stroke colour
	texts        []string       // text elements' content, in order
	fontFamilies map[string]bool
}

// parseSVG parses b with encoding/xml and fails the test if it is not
// well-formed.
func parseSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	d := svgDoc{fills: map[string]int{}, strokes: map[string]int{}, fontFamilies: map[string]bool{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var inText bool
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "SVG is not well-formed XML")
		switch el := tok.(type) {
		case xml.StartElement:
			if d.root == "" {
				d.root = el.Name.Local
				for _, a := range el.Attr {
					if a.Name.Local == "width" {
						d.width = a.Value
					}
				}
			}
			style := ""
			for _, a := range el.Attr {
				if a.Name.Local == "style" {
					style = a.Value
				}
			}
			props := map[string]string{}
			for _, kv := range strings.Split(style, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(kv), ":")
				props[k] = v
			}
			switch el.Name.Local {
			case "path":
				if f := props["fill"]; f != "none" {
					if f == "" {
						f = "#000000"
					}
					d.fills[f]++
				}
				if s := props["stroke"]; s != "" && s != "none" {
					d.strokes[s]++
				}
			case "text":
				inText = true
				cur.Reset()
				d.fontFamilies[props["font-family"]] = true
			}
		case xml.CharData:
			if inText {
				cur.Write(el)
			}
		case xml.EndElement:
			if el.Name.Local == "text" {
				inText = false
				d.texts = append(d.texts, cur.String())
			}
		}
	}
	return d
}

// allText joins the text elements with all white space removed, so that a
// wrapped name can be found whole.
func (d svgDoc) allText() string {
	return strings.Join(strings.Fields(strings.Join(d.texts, "")), "")
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func svgOf(t *testing.T, c *chart.Chart) svgDoc {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, c.WriteSVG(&buf))
	return parseSVG(t, buf.Bytes())
}

// Social-media structures and criteria, with the long names the charts
// must cope with.
var (
	structures = []string{
		"Hub-and-spoke centre of excellence in Communications, advisory, in-house",
		"Centralised in Marketing, in-house",
		"Decentralised across departments, agency-supported",
		"Hybrid",
	}
	criteria = []scoring.Criterion{
		{Name: "cost", Direction: scoring.Cost},
		{Name: "reach", Direction: scoring.Benefit},
		{Name: "speed of response", Direction: scoring.Benefit},
		{Name: "brand consistency", Direction: scoring.Benefit},
	}
	matrix = [][]float64{{120, 7, 9, 8}, {90, 8, 5, 6}, {100, 8, 7, 5}, {110, 6, 8, 7}}
)

func rank(t *testing.T, m scoring.Method) *scoring.Result {
	t.Helper()
	p, err := scoring.NewProblem(structures, criteria, matrix)
	require.NoError(t, err)
	r, err := m.Rank(p, []float64{0.3, 0.2, 0.3, 0.2})
	require.NoError(t, err)
	return r
}

func TestRankingStructure(t *testing.T) {
	t.Parallel()
	r := rank(t, scoring.WeightedSum{})
	c, err := chart.Ranking(r, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)

	assert.Equal(t, "svg", d.root)
	// One bar per alternative plus one legend swatch per colour: the
	// winner is orange, the other three blue.
	assert.Equal(t, 1+1, d.fills[orange], "orange paths (winner bar + swatch)")
	assert.Equal(t, 3+1, d.fills[blue], "blue paths (other bars + swatch)")
	assert.Contains(t, c.Title(), "Ranking (weighted sum)")
	all := d.allText()
	for _, a := range structures {
		assert.Contains(t, all, squash(a), "alternative name missing from the SVG text")
	}
	for _, s := range r.Scores {
		assert.Contains(t, d.texts, fmt.Sprintf("%.3f", s), "score label missing")
	}
	assert.Contains(t, all, "score(higherisbetter)")
	assert.Equal(t, map[string]bool{"'Liberation Sans',Arial,Helvetica,sans-serif": true}, d.fontFamilies)
	assert.Equal(t, "453.54pt", d.width, "default width is 16 cm")
}

func TestContributionsStructure(t *testing.T) {
	t.Parallel()
	r := rank(t, scoring.WeightedSum{})
	c, err := chart.Contributions(r, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)

	// One segment per positive contribution, per criterion colour, plus
	// one legend swatch each.
	colours := []string{blue, orange, green, purple}
	for j, col := range colours {
		want := 1
		for i := range r.Contributions.Rows {
			if r.Contributions.At(i, j) > 0 {
				want++
			}
		}
		assert.Equal(t, want, d.fills[col], "paths of criterion %d (%s)", j, criteria[j].Name)
	}
	all := d.allText()
	for _, a := range structures {
		assert.Contains(t, all, squash(a))
	}
	for _, cr := range criteria {
		assert.Contains(t, all, squash(cr.Name+" (weight"), "legend entry for %q", cr.Name)
	}
	assert.Contains(t, all, "(weight30%)")
}

func TestContributionsNeedsAdditiveMethod(t *testing.T) {
	t.Parallel()
	r := rank(t, scoring.TOPSIS{})
	_, err := chart.Contributions(r, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrEmpty)
	// The ranking itself still draws, with the method's direction.
	c, err := chart.Ranking(r, chart.Options{})
	require.NoError(t, err)
	assert.Contains(t, c.Title(), "TOPSIS")
}

func TestRankingLowerIsBetter(t *testing.T) {
	t.Parallel()
	r := rank(t, scoring.NewVIKOR())
	require.Equal(t, scoring.Lower, r.Better)
	c, err := chart.Ranking(r, chart.Options{})
	require.NoError(t, err)
	assert.Contains(t, svgOf(t, c).allText(), "score(lowerisbetter)")
}

// problem is the four structures on four criteria.
func problem(t testing.TB) *scoring.Problem {
	t.Helper()
	p, err := scoring.NewProblem(structures, criteria, matrix)
	require.NoError(t, err)
	return p
}

var baseWeights = []float64{0.3, 0.2, 0.3, 0.2}

// acceptability runs a small, seeded SMAA-2 analysis.
func acceptability(t testing.TB) *scoring.SMAAResult {
	t.Helper()
	r, err := scoring.SMAA{Samples: 4096, Seed: 7, Workers: 1}.Run(context.Background(), problem(t))
	require.NoError(t, err)
	return r
}

// sensitivity runs a one-at-a-time sensitivity analysis on a coarse grid.
func sensitivity(t testing.TB) *scoring.SensitivityResult {
	t.Helper()
	r, err := scoring.Sensitivity{Steps: 10}.Run(context.Background(), problem(t), baseWeights)
	require.NoError(t, err)
	return r
}

func TestAcceptabilityStructure(t *testing.T) {
	t.Parallel()
	a := acceptability(t)
	c, err := chart.Acceptability(a, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)

	// One cell per alternative and rank; cells of share 0 are white, like
	// the background.
	cells, zeros := 0, 0
	for col, n := range d.fills {
		if col != "#FFFFFF" && col != ink {
			cells += n
		}
	}
	for _, row := range a.RankAcceptability {
		for _, v := range row {
			if v == 0 {
				zeros++
			}
		}
	}
	assert.Equal(t, 16-zeros, cells)
	assert.Equal(t, 1+zeros, d.fills["#FFFFFF"], "background and empty cells")
	for _, want := range []string{"1st", "2nd", "3rd", "4th", "rank"} {
		assert.Contains(t, d.texts, want)
	}
	all := d.allText()
	for i, s := range structures {
		assert.Contains(t, all, squash(s), "row %d", i)
	}
	assert.NotContains(t, all, "confidence", "exact values: no confidence factors")
	assert.Contains(t, c.Title(), "How sure")

	// Rows are ordered by holistic acceptability: the most acceptable
	// alternative's name comes first among the labels.
	best := 0
	for i, h := range a.Holistic {
		if h > a.Holistic[best] {
			best = i
		}
	}
	first := strings.Index(all, squash(structures[best]))
	for i, s := range structures {
		if i != best {
			assert.Less(t, first, strings.Index(all, squash(s)), "%q before %q", structures[best], s)
		}
	}
}

func TestAcceptabilityLimitAndConfidence(t *testing.T) {
	t.Parallel()
	r, err := scoring.SMAA{Samples: 4096, Seed: 7, Workers: 1, Values: scoring.ValueUncertainty{Fraction: 0.1}}.Run(context.Background(), problem(t))
	require.NoError(t, err)
	c, err := chart.Acceptability(r, chart.Options{Limit: 2})
	require.NoError(t, err)
	d := svgOf(t, c)
	for _, want := range []string{"1st", "2nd", "lower"} {
		assert.Contains(t, d.texts, want)
	}
	assert.NotContains(t, d.texts, "3rd")
	assert.Contains(t, d.allText(), "(confidence")
	assert.Equal(t, 2, strings.Count(d.allText(), "(confidence"), "two rows")
}

func TestSensitivityStructure(t *testing.T) {
	t.Parallel()
	s := sensitivity(t)
	j := 0 // cost
	c, err := chart.Sensitivity(s, j, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)

	// One line per alternative plus its legend thumbnail.
	for _, col := range []string{blue, orange, green, purple} {
		assert.Equal(t, 2, d.strokes[col], "line %s", col)
	}
	// One ring per reversal plus the legend's.
	sw := s.Sweeps[j]
	want := 0
	if len(sw.Reversals) > 0 {
		want = len(sw.Reversals) + 1
	}
	assert.Equal(t, want, d.strokes[ink], "rank reversal rings")
	if sw.Top.Found {
		assert.Equal(t, 2, d.fills["#D55E00"], "top-change diamond and its legend glyph")
	}
	all := d.allText()
	for _, a := range s.Alternatives {
		assert.Contains(t, all, squash(a))
	}
	for _, want := range []string{"weightofcost", "baseweight(30%)", "0%", "50%"} {
		assert.Contains(t, all, want)
	}
	assert.Contains(t, c.Title(), "cost")

	// Limit keeps the best two at the base weight.
	c, err = chart.Sensitivity(s, j, chart.Options{Limit: 2})
	require.NoError(t, err)
	d = svgOf(t, c)
	lines := 0
	for _, col := range []string{blue, orange, green, purple} {
		lines += d.strokes[col]
	}
	assert.Equal(t, 2*2, lines)
}

func weights() chart.WeightsData {
	return chart.WeightsData{
		Criteria: []string{"cost", "reach", "speed of response", "brand consistency"},
		Weights:  []float64{0.3, 0.2, 0.3, 0.2},
		Group: [][]float64{
			{0.25, 0.25, 0.25, 0.25},
			{0.40, 0.10, 0.30, 0.20},
			{0.30, 0.20, 0.35, 0.15},
		},
		Stakeholders: []string{"Chief executive", "Head of Communications", "<HR & People>"},
	}
}

func TestWeightsStructure(t *testing.T) {
	t.Parallel()
	w := weights()
	c, err := chart.Weights(w, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)

	// Stakeholder points: circle (blue), box (orange), pyramid (green), one
	// per criterion plus a legend glyph each.
	assert.Equal(t, 5, d.fills[blue], "blue circles")
	assert.Equal(t, 5, d.fills[orange], "orange boxes")
	assert.Equal(t, 5, d.fills[green], "green pyramids")
	// Whiskers: three strokes per criterion plus the legend's.
	assert.Equal(t, 3*4+1, d.strokes[ink], "whisker strokes")
	all := d.allText()
	for _, s := range w.Stakeholders {
		assert.Contains(t, all, squash(s))
	}
	for _, cr := range w.Criteria {
		assert.Contains(t, all, squash(cr))
	}
	assert.Contains(t, d.texts, "30%")
	assert.Contains(t, c.Title(), "3 stakeholders")

	// Without a group: bars only, no legend.
	c, err = chart.Weights(chart.WeightsData{Criteria: w.Criteria, Weights: w.Weights}, chart.Options{})
	require.NoError(t, err)
	d = svgOf(t, c)
	assert.Equal(t, 4, d.fills[blue], "weight bars")
	assert.NotContains(t, d.allText(), "weightused")
	assert.Equal(t, "Criterion weights", c.Title())
}

func TestWeightsLargeGroup(t *testing.T) {
	t.Parallel()
	w := weights()
	w.Stakeholders = nil
	for len(w.Group) < 12 {
		w.Group = append(w.Group, []float64{0.2, 0.3, 0.3, 0.2})
	}
	c, err := chart.Weights(w, chart.Options{})
	require.NoError(t, err)
	d := svgOf(t, c)
	assert.Equal(t, 12*4+1, d.fills["#707070"], "grey dots and their legend glyph")
	assert.Contains(t, d.allText(), "onestakeholder")
}

// A name too long for MaxLabelLines switches the axis to letter codes and
// lists the names in a key.
func TestLongNamesUseKey(t *testing.T) {
	t.Parallel()
	r := rank(t, scoring.WeightedSum{})
	c, err := chart.Ranking(r, chart.Options{MaxLabelLines: 1})
	require.NoError(t, err)
	d := svgOf(t, c)
	for _, code := range []string{"A", "B", "C", "D"} {
		assert.Contains(t, d.texts, code)
	}
	all := d.allText()
	for _, a := range structures {
		assert.Contains(t, all, squash(a), "key lists the full name")
	}
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	name := `<Acme & Sons> "quoted" 'single'`
	c, err := chart.Acceptability(&scoring.SMAAResult{
		Alternatives:      []string{name, "B"},
		RankAcceptability: [][]float64{{1, 0}, {0, 1}},
	}, chart.Options{Title: "Ranks for <Acme & Sons>"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, c.WriteSVG(&buf))
	assert.NotContains(t, buf.String(), "<Acme")
	d := parseSVG(t, buf.Bytes())
	assert.Contains(t, d.allText(), squash(name))
	assert.Contains(t, d.allText(), squash("Ranks for <Acme & Sons>"))
}

func TestPNG(t *testing.T) {
	t.Parallel()
	c, err := chart.Ranking(rank(t, scoring.WeightedSum{}), chart.Options{Width: 12 * vg.Centimeter, DPI: 96})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, c.WritePNG(&buf))
	img, err := png.Decode(&buf)
	require.NoError(t, err)
	w, h := c.PixelSize()
	assert.Equal(t, image.Rect(0, 0, w, h), img.Bounds())
	assert.Equal(t, int(math.Round(12/2.54*96)), w, "12 cm at 96 dpi")
	_, ch := c.Size()
	assert.Equal(t, int(math.Round(float64(ch)/72*96)), h)
	// Not blank: the bar colours are there.
	colours := map[[3]uint32]bool{}
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 3 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 3 {
			r, g, b, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, b >> 8}] = true
		}
	}
	assert.True(t, colours[[3]uint32{0x00, 0x72, 0xB2}], "blue bars")
	assert.True(t, colours[[3]uint32{0xE6, 0x9F, 0x00}], "orange winner")
	assert.Greater(t, len(colours), 20, "distinct colours (antialiased text)")
}

// Same input, same bytes: for every chart and both formats, two charts
// built independently render identically, and rendering twice does too.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	build := []struct {
		name string
		fn   func() (*chart.Chart, error)
	}{
		{"ranking", func() (*chart.Chart, error) { return chart.Ranking(rank(t, scoring.WeightedSum{}), chart.Options{}) }},
		{"contributions", func() (*chart.Chart, error) {
			return chart.Contributions(rank(t, scoring.WeightedSum{}), chart.Options{})
		}},
		{"acceptability", func() (*chart.Chart, error) { return chart.Acceptability(acceptability(t), chart.Options{}) }},
		{"sensitivity", func() (*chart.Chart, error) { return chart.Sensitivity(sensitivity(t), 0, chart.Options{}) }},
		{"weights", func() (*chart.Chart, error) { return chart.Weights(weights(), chart.Options{}) }},
	}
	for _, b := range build {
		t.Run(b.name, func(t *testing.T) {
			render := func(c *chart.Chart) (svg, png []byte) {
				var s, p bytes.Buffer
				require.NoError(t, c.WriteSVG(&s))
				require.NoError(t, c.WritePNG(&p))
				return s.Bytes(), p.Bytes()
			}
			c1, err := b.fn()
			require.NoError(t, err)
			c2, err := b.fn()
			require.NoError(t, err)
			s1, p1 := render(c1)
			s2, p2 := render(c2)
			s3, p3 := render(c1)
			assert.True(t, bytes.Equal(s1, s2) && bytes.Equal(s1, s3), "SVG differs between runs")
			assert.True(t, bytes.Equal(p1, p2) && bytes.Equal(p1, p3), "PNG differs between runs")
		})
	}
}

func TestEmbedFonts(t *testing.T) {
	t.Parallel()
	c, err := chart.Weights(chart.WeightsData{Criteria: []string{"cost"}, Weights: []float64{1}}, chart.Options{EmbedFonts: true})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, c.WriteSVG(&buf))
	assert.Contains(t, buf.String(), "@font-face")
	parseSVG(t, buf.Bytes())
}

func TestSave(t *testing.T) {
	t.Parallel()
	c, err := chart.Weights(chart.WeightsData{Criteria: []string{"cost", "reach"}, Weights: []float64{0.6, 0.4}}, chart.Options{DPI: 72})
	require.NoError(t, err)
	dir := t.TempDir()
	for _, name := range []string{"w.svg", "w.PNG"} {
		require.NoError(t, c.Save(filepath.Join(dir, name)))
	}
	b, err := os.ReadFile(filepath.Join(dir, "w.svg"))
	require.NoError(t, err)
	parseSVG(t, b)
	f, err := os.Open(filepath.Join(dir, "w.PNG"))
	require.NoError(t, err)
	defer f.Close()
	_, err = png.Decode(f)
	require.NoError(t, err)

	err = c.Save(filepath.Join(dir, "w.pdf"))
	assert.ErrorIs(t, err, chart.ErrFormat)
	_, statErr := os.Stat(filepath.Join(dir, "w.pdf"))
	assert.True(t, errors.Is(statErr, os.ErrNotExist), "no file for an unknown format")
}

func TestNoMutation(t *testing.T) {
	t.Parallel()
	r := rank(t, scoring.WeightedSum{})
	a, s, w := acceptability(t), sensitivity(t), weights()
	before := []any{*r, *a, *s, w}
	_, err := chart.Ranking(r, chart.Options{})
	require.NoError(t, err)
	_, err = chart.Contributions(r, chart.Options{})
	require.NoError(t, err)
	_, err = chart.Acceptability(a, chart.Options{Limit: 2})
	require.NoError(t, err)
	_, err = chart.Sensitivity(s, 1, chart.Options{Limit: 3})
	require.NoError(t, err)
	_, err = chart.Weights(w, chart.Options{})
	require.NoError(t, err)
	// The fixtures are rebuilt from scratch for the comparison, so any
	// write through a shared slice would show.
	want := []any{*rank(t, scoring.WeightedSum{}), *acceptability(t), *sensitivity(t), weights()}
	if d := cmp.Diff(want, before); d != "" {
		t.Errorf("inputs changed (-want +got):\n%s", d)
	}
}

// The options echo: Size and PixelSize follow the options.
func TestOptions(t *testing.T) {
	t.Parallel()
	c, err := chart.Ranking(rank(t, scoring.WeightedSum{}), chart.Options{Width: 300, Height: 200, DPI: 144, HideTitle: true})
	require.NoError(t, err)
	w, h := c.Size()
	assert.Equal(t, vg.Length(300), w)
	assert.Equal(t, vg.Length(200), h)
	pw, ph := c.PixelSize()
	assert.Equal(t, [2]int{600, 400}, [2]int{pw, ph})
	assert.Empty(t, c.Title())
	assert.NotNil(t, c.Plot())

	// Auto height grows with the number of rows.
	small, err := chart.Weights(chart.WeightsData{Criteria: []string{"a"}, Weights: []float64{1}}, chart.Options{})
	require.NoError(t, err)
	big, err := chart.Weights(chart.WeightsData{Criteria: strings.Split("abcdefghij", ""), Weights: make([]float64, 10)}, chart.Options{})
	require.NoError(t, err)
	_, hs := small.Size()
	_, hb := big.Size()
	assert.Greater(t, hb, hs)
}
