package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// maxDocument is the largest decision document or request read.
const maxDocument = 64 << 20

// decisionCommands are the commands on saved decisions and workshops.
func decisionCommands() map[string]command {
	return map[string]command{
		"decide": {
			summary:    "re-evaluate a saved decision document and print its result",
			usage:      "decide FILE [--format text|json|md]",
			positional: 1,
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				format := fs.String("format", "text", "output `format`: text, json (the decided document, with result and input_hash) or md")
				return func(_ context.Context, e *env) error {
					if *format != "text" && *format != "json" && *format != "md" {
						return usagef("--format %q: want text, json or md", *format)
					}
					doc, err := loadDocument(e.args[0], e.stdin)
					if err != nil {
						return err
					}
					out, err := decision.Decide(doc)
					if err != nil {
						return scoringjson.BadInput(err)
					}
					switch *format {
					case "json":
						b, err := out.Marshal()
						if err != nil {
							return err
						}
						e.out.Write(b)
					case "md":
						writeDecisionMarkdown(e.out, out)
					default:
						writeDecisionText(e.out, out)
					}
					return nil
				}
			},
		},
		"diff": {
			summary:    "what changed between two decision documents: inputs, weights, ranking",
			usage:      "diff A B [--format text|json]",
			positional: 2,
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				format := fs.String("format", "text", "output `format`: text (one sentence per change) or json")
				return func(_ context.Context, e *env) error {
					if *format != "text" && *format != "json" {
						return usagef("--format %q: want text or json", *format)
					}
					if e.args[0] == "-" && e.args[1] == "-" {
						return usagef("only one of the two documents can be standard input")
					}
					a, err := loadDocument(e.args[0], e.stdin)
					if err != nil {
						return err
					}
					b, err := loadDocument(e.args[1], e.stdin)
					if err != nil {
						return err
					}
					d, err := decision.Diff(a, b)
					if err != nil {
						return scoringjson.BadInput(err)
					}
					if *format == "json" {
						return writeJSON(e.out, d)
					}
					e.out.WriteString(d.String())
					return nil
				}
			},
		},
		"elicit": {
			summary: "one step of a pairwise-comparison workshop: next question, consistency, is the winner fixed (JSON in, JSON out)",
			usage:   "elicit [-f FILE]",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
				return func(_ context.Context, e *env) error {
					return withInput(*file, e.stdin, func(r io.Reader) error {
						req, err := decodeElicit(r)
						if err != nil {
							return err
						}
						st, err := req.Run()
						if err != nil {
							return scoringjson.BadInput(err)
						}
						return writeJSON(e.out, st)
					})
				}
			},
		},
	}
}

// loadDocument reads and strictly decodes a decision document; "-" is
// standard input.
func loadDocument(file string, stdin io.Reader) (*decision.Document, error) {
	var doc *decision.Document
	err := withInput(file, stdin, func(r io.Reader) error {
		data, err := readLimited(r)
		if err != nil {
			return err
		}
		doc, err = decision.Load(data)
		if err != nil {
			return scoringjson.BadInput(fmt.Errorf("%s: %w", file, err))
		}
		return nil
	})
	return doc, err
}

func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDocument {
		return nil, scoringjson.BadInput(fmt.Errorf("input larger than %d bytes", maxDocument))
	}
	return data, nil
}

// decodeElicit decodes an elicit request strictly (see internal/strictdec:
// unknown, duplicate or case-folded keys, null numbers and trailing data
// are errors; null in pairwise is a judgement not given).
func decodeElicit(r io.Reader) (*scoring.ElicitRequest, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	var req scoring.ElicitRequest
	if err := strictdec.DecodeJSON(data, &req); err != nil {
		return nil, scoringjson.BadInput(err)
	}
	return &req, nil
}

// placementNames returns, for a decision document exported from a
// placement recommendation (rank --format decision: every alternative a
// structure ID, every criterion a placement criterion), the reader's name
// of each alternative and criterion ("Centralized team in Communications,
// advisory and executing, in-house", "risk and compliance"); for any other
// document the names as the document gives them, its author's own. Only
// the text and Markdown renderings use it: --format json keeps the IDs a
// script needs.
func placementNames(d *decision.Document) func(string) string {
	same := func(s string) string { return s }
	names := map[string]string{}
	for _, s := range placement.Enumerate(placement.DefaultHomes()) {
		names[s.ID()] = s.Name()
	}
	for _, a := range d.Alternatives {
		if _, ok := names[a]; !ok {
			return same
		}
	}
	for _, c := range d.Criteria {
		pc, err := placement.ParseCriterion(c.Name)
		if err != nil {
			return same
		}
		names[c.Name] = pc.Label()
	}
	names[d.Tree.ID] = "all criteria"
	return func(s string) string {
		if n, ok := names[s]; ok {
			return n
		}
		return s
	}
}

func writeDecisionText(w *bytes.Buffer, d *decision.Document) {
	if d.Title != "" {
		fmt.Fprintf(w, "%s\n\n", d.Title)
	}
	name := placementNames(d)
	r := d.Result
	fmt.Fprintf(w, "Ranking (%s, %s scores are better):\n", placement.MethodName(r.Method), r.Better)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, id := range r.Ranking {
		for _, a := range r.Alternatives {
			if a.Name == id {
				fmt.Fprintf(tw, "  %d.\t%s\t%.4f\n", a.Rank, name(a.Name), a.Score)
			}
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "\nCriteria weights:\n")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, n := range r.Nodes {
		fmt.Fprintf(tw, "  %s%s\t%.4f\t(local %.4f)\n", strings.Repeat("  ", len(n.Path)-1), name(n.ID), n.Global, n.Local)
	}
	tw.Flush()
	if len(r.Stakeholders) > 0 {
		fmt.Fprintf(w, "\nStakeholders: %d, combined by the %s mean.\n", len(r.Stakeholders), d.Aggregation)
	}
	if len(r.Sensitivity) > 0 && len(r.Ranking) > 0 {
		fmt.Fprintf(w, "\nHow far each weight can move before %s stops winning:\n", name(r.Ranking[0]))
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, s := range r.Sensitivity {
			fmt.Fprintf(tw, "  %s\t%s\n", name(s.Node), sensitivityText(s, name))
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\nInputs hash: %s\n", d.InputHash)
}

func writeDecisionMarkdown(w *bytes.Buffer, d *decision.Document) {
	title := d.Title
	if title == "" {
		title = "Decision"
	}
	name := placementNames(d)
	r := d.Result
	fmt.Fprintf(w, "# %s\n\n## Ranking\n\nMethod: %s (%s scores are better).\n\n| Rank | Alternative | Score |\n|---:|---|---:|\n", mdEscape(title), placement.MethodName(r.Method), r.Better)
	for _, id := range r.Ranking {
		for _, a := range r.Alternatives {
			if a.Name == id {
				fmt.Fprintf(w, "| %d | %s | %.4f |\n", a.Rank, mdEscape(name(a.Name)), a.Score)
			}
		}
	}
	fmt.Fprintf(w, "\n## Criteria weights\n\n| Criterion | Local | Global |\n|---|---:|---:|\n")
	for _, n := range r.Nodes {
		fmt.Fprintf(w, "| %s%s | %.4f | %.4f |\n", strings.Repeat("&nbsp;&nbsp;", len(n.Path)-1), mdEscape(name(n.ID)), n.Local, n.Global)
	}
	if len(r.Sensitivity) > 0 && len(r.Ranking) > 0 {
		fmt.Fprintf(w, "\n## Sensitivity\n\nHow far each weight can move before %s stops winning.\n\n| Criterion | Weight | Winner changes |\n|---|---:|---|\n", mdEscape(name(r.Ranking[0])))
		for _, s := range r.Sensitivity {
			fmt.Fprintf(w, "| %s | %.4f | %s |\n", mdEscape(name(s.Node)), s.Weight, mdEscape(sensitivityText(s, name)))
		}
	}
	fmt.Fprintf(w, "\nInputs hash: `%s`\n", d.InputHash)
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// sensitivityText says in words how far a node's weight can move; name
// gives the reader's name of the new winner.
func sensitivityText(s decision.NodeSensitivity, name func(string) string) string {
	if !s.Changes {
		return fmt.Sprintf("%.3f: no weight changes the winner", s.Weight)
	}
	dir := "up"
	if s.Change < 0 {
		dir = "down"
	}
	return fmt.Sprintf("%.3f: %s to %.3f (%+.3f), then %s wins", s.Weight, dir, s.At, s.Change, name(s.NewWinner))
}
