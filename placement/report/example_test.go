package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
)

func example() *placement.Recommendation {
	p, err := placement.ReadProfile(strings.NewReader(profile))
	if err != nil {
		panic(err)
	}
	rec, err := placement.Recommend(context.Background(), p, placement.Options{})
	if err != nil {
		panic(err)
	}
	return rec
}

// HTML writes one self-contained file; here we print its section headings.
func ExampleHTML() {
	var buf bytes.Buffer
	if err := report.HTML(&buf, example(), report.Options{Subtitle: "Prepared for the board"}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "<h1>") || strings.HasPrefix(line, "<h2>") {
			fmt.Println(line)
		}
	}
	// Output:
	// <h1>Where should social media sit at Brightwater &lt;Foods &amp; Sons&gt;?</h1>
	// <h2>Summary</h2>
	// <h2>The organisation</h2>
	// <h2>Maturity stage</h2>
	// <h2>Against peers</h2>
	// <h2>The ranking</h2>
	// <h2>The weights and where they came from</h2>
	// <h2>Who does what</h2>
	// <h2>The roadmap</h2>
	// <h2>Governance checklist</h2>
	// <h2>How robust is the answer?</h2>
	// <h2>Assumptions and sources</h2>
}

// HTMLFragment writes the same report as one element to place in a page of
// one's own; its style sheet is scoped to the element's class.
func ExampleHTMLFragment() {
	var buf bytes.Buffer
	if err := report.HTMLFragment(&buf, example(), report.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(buf.String(), "\n")
	fmt.Println(lines[0])
	for _, line := range lines {
		if strings.HasPrefix(line, ".socialseat-report h2 ") || strings.HasPrefix(line, "<section") && strings.Contains(line, "summary") {
			fmt.Println(line[:min(len(line), 40)])
		}
	}
	fmt.Println(lines[len(lines)-2])
	// Output:
	// <article class="socialseat-report">
	// .socialseat-report h2 { font-size: 14pt;
	// <section id="socialseat-report-summary">
	// </article>
}

func ExampleMarkdown() {
	var buf bytes.Buffer
	if err := report.Markdown(&buf, example(), report.Options{Top: 3, ChartPath: "charts"}); err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "![") {
			fmt.Println(l)
		}
	}
	// Output:
	// # Where should social media sit at Brightwater &lt;Foods &amp; Sons&gt;?
	// ## Summary
	// ## The organisation
	// ## Maturity stage
	// ## Against peers
	// ## The ranking
	// ![Ranking of the best structures](charts/ranking.svg)
	// ![What makes up each score](charts/contributions.svg)
	// ## The weights and where they came from
	// ![Criterion weights](charts/weights.svg)
	// ## Who does what
	// ## The roadmap
	// ## Governance checklist
	// ## How robust is the answer?
	// ## Assumptions and sources
}

func ExampleWriteCharts() {
	dir, err := os.MkdirTemp("", "charts")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	paths, err := report.WriteCharts(dir, example(), report.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paths {
		fmt.Println(filepath.Base(p))
	}
	// Output:
	// ranking.svg
	// contributions.svg
	// weights.svg
}
