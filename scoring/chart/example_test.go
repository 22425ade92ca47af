package chart_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image/png"
	"strings"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/chart"
)

// result ranks three ways to run social media with the weighted sum.
func result() *scoring.Result {
	p, err := scoring.NewProblem(
		[]string{"In-house team", "Agency", "Hybrid"},
		[]scoring.Criterion{
			{Name: "cost", Direction: scoring.Cost},
			{Name: "reach", Direction: scoring.Benefit},
			{Name: "speed", Direction: scoring.Benefit},
		},
		[][]float64{{120, 7, 9}, {90, 8, 5}, {100, 8, 7}},
	)
	if err != nil {
		panic(err)
	}
	r, err := scoring.WeightedSum{}.Rank(p, []float64{0.3, 0.3, 0.4})
	if err != nil {
		panic(err)
	}
	return r
}

// summary prints the root element of an SVG and how many of its text
// elements and filled shapes it has.
func summary(svg []byte) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	root, texts, shapes := "", 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if el, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = el.Name.Local
			}
			switch el.Name.Local {
			case "text":
				texts++
			case "path":
				for _, a := range el.Attr {
					if a.Name.Local == "style" && !strings.Contains(a.Value, "fill:none") {
						shapes++
					}
				}
			}
		}
	}
	fmt.Printf("<%s> with %d texts and %d filled shapes\n", root, texts, shapes)
}

func ExampleRanking() {
	c, err := chart.Ranking(result(), chart.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title())
	summary(svg.Bytes())
	// Output:
	// Ranking (weighted sum)
	// <svg> with 14 texts and 6 filled shapes
}

func ExampleContributions() {
	c, err := chart.Contributions(result(), chart.Options{HideTitle: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		fmt.Println(err)
		return
	}
	// The background, three alternatives by three criteria, and three
	// legend swatches.
	summary(svg.Bytes())
	// Output:
	// <svg> with 14 texts and 13 filled shapes
}

func ExampleAcceptability() {
	p, err := scoring.NewProblem(
		[]string{"In-house team", "Agency", "Hybrid"},
		[]scoring.Criterion{
			{Name: "cost", Direction: scoring.Cost},
			{Name: "reach", Direction: scoring.Benefit},
			{Name: "speed", Direction: scoring.Benefit},
		},
		[][]float64{{120, 7, 9}, {90, 8, 5}, {100, 8, 7}},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	smaa, err := scoring.SMAA{Samples: 10000, Seed: 1}.Run(context.Background(), p)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := chart.Acceptability(smaa, chart.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title())
	summary(svg.Bytes())
	// Output:
	// How sure is the ranking? Share of sampled weightings giving each rank
	// <svg> with 16 texts and 10 filled shapes
}

func ExampleSensitivity() {
	p, err := scoring.NewProblem(
		[]string{"In-house team", "Agency", "Hybrid"},
		[]scoring.Criterion{
			{Name: "cost", Direction: scoring.Cost},
			{Name: "reach", Direction: scoring.Benefit},
			{Name: "speed", Direction: scoring.Benefit},
		},
		[][]float64{{120, 7, 9}, {90, 8, 5}, {100, 8, 7}},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	sens, err := scoring.Sensitivity{}.Run(context.Background(), p, []float64{0.3, 0.3, 0.4})
	if err != nil {
		fmt.Println(err)
		return
	}
	j, _ := sens.MostSensitive()
	c, err := chart.Sensitivity(sens, j, chart.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title())
	w, h := c.PixelSize()
	fmt.Printf("%d×%d pixels at the default %d dpi\n", w, h, chart.DefaultDPI)
	// Output:
	// Scores as the weight of speed changes
	// 907×676 pixels at the default 144 dpi
}

func ExampleWeights() {
	c, err := chart.Weights(chart.WeightsData{
		Criteria: []string{"cost", "reach", "speed"},
		Weights:  []float64{0.3, 0.3, 0.4},
		Group: [][]float64{
			{0.2, 0.4, 0.4},
			{0.4, 0.2, 0.4},
		},
		Stakeholders: []string{"Chief executive", "Head of Communications"},
	}, chart.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title())
	// Output:
	// Criterion weights and the spread across 2 stakeholders
}

func ExampleGroupWeights() {
	// Two stakeholders' pairwise judgements on cost, reach and speed.
	ceo := [][]scoring.Judgement{{1, 3, 2}, {1.0 / 3, 1, 0.5}, {0.5, 2, 1}}
	cmo := [][]scoring.Judgement{{1, 0.5, 1}, {2, 1, 2}, {1, 0.5, 1}}
	g, err := scoring.Group{}.Weigh([][][]scoring.Judgement{ceo, cmo}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := chart.GroupWeights([]string{"cost", "reach", "speed"}, []string{"Chief executive", "Marketing director"}, g)
	c, err := chart.Weights(d, chart.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title())
	// Output:
	// Criterion weights and the spread across 2 stakeholders
}

func ExampleChart_WritePNG() {
	c, err := chart.Ranking(result(), chart.Options{DPI: 96})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := c.WritePNG(&buf); err != nil {
		fmt.Println(err)
		return
	}
	img, err := png.Decode(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(img.Bounds().Size())
	// Output:
	// (605,229)
}

// A GAIA plane: where the alternatives sit, which way each criterion
// pulls, and where the weights point.
func ExampleGAIA() {
	p, err := scoring.NewProblem([]string{"In-house", "Agency", "Hybrid", "Freelance"},
		[]scoring.Criterion{{Name: "cost", Direction: scoring.Cost}, {Name: "quality", Direction: scoring.Benefit}, {Name: "speed", Direction: scoring.Benefit}},
		[][]float64{{120, 7, 5}, {90, 6, 3}, {100, 8, 4}, {60, 4, 6}})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := scoring.GAIA{}.Evaluate(p, []float64{0.3, 0.5, 0.2})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := chart.GAIA(g, chart.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title())
	// Output: GAIA plane (δ = 94.3% of the information)
}
