package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/socialseat/socialseat/decision"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
	"github.com/socialseat/socialseat/scoring/scoringjson"
	"github.com/socialseat/socialseat/touchpoint"
	"go.yaml.in/yaml/v3"
)

// badInput marks err as an error in the input data (exit status 1).
func badInput(err error) error { return scoringjson.BadInput(err) }

// eachLine prefixes every line of err's message with where, so that each
// problem of a joined error ([errors.Join] puts one per line) reads on its
// own line with the file it is in. It unwraps to err.
func eachLine(where string, err error) error { return &linesError{where, err} }

type linesError struct {
	where string
	err   error
}

func (e *linesError) Error() string {
	lines := strings.Split(e.err.Error(), "\n")
	for i, l := range lines {
		lines[i] = e.where + ": " + l
	}
	return strings.Join(lines, "\n")
}

func (e *linesError) Unwrap() error { return e.err }

// rankOptions are the rank command's flags.
type rankOptions struct {
	profile, format, model, charts string
	top                            int
	smaa                           placement.SMAAOptions
	sensitivity                    bool
}

func rank(ctx context.Context, e *env, o rankOptions) error {
	if o.profile == "" {
		return usagef("--profile is required")
	}
	if o.profile == "-" && o.model == "-" {
		return usagef("only one of --profile and --model can be standard input")
	}
	if o.top < 1 {
		return usagef("--top %d: want 1 or more", o.top)
	}
	if err := checkSamples(o.smaa.Samples); err != nil {
		return err
	}
	switch o.format {
	case "text", "json", "markdown", "html", "decision":
	default:
		return usagef("unknown --format %q (want text, json, markdown, html or decision)", o.format)
	}
	var p placement.Profile
	err := withInput(o.profile, e.stdin, func(r io.Reader) error {
		var err error
		if p, err = placement.ReadProfile(r); err != nil {
			return badInput(eachLine("profile "+o.profile, err))
		}
		return nil
	})
	if err != nil {
		return err
	}
	m := placement.DefaultModel()
	if o.model != "" {
		err := withInput(o.model, e.stdin, func(r io.Reader) error {
			var err error
			if m, err = placement.ReadModel(r); err != nil {
				if errors.Is(err, placement.ErrSyntax) {
					// The likeliest mistake: the catalog dump, which holds more.
					err = fmt.Errorf("%w (--model reads a model file as written by 'socialseat model')", err)
				}
				return badInput(eachLine("model "+o.model, err))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	r, err := placement.NewRecommender(placement.Config{Model: &m})
	if err != nil {
		return badInput(err)
	}
	var smaa *placement.SMAAOptions // --samples 0: no analysis
	if o.smaa.Samples > 0 {
		smaa = &o.smaa
	}
	rec, err := r.WithOptions(placement.Options{SMAA: smaa, Sensitivity: o.sensitivity, Progress: e.progress.Labelled()}).Recommend(ctx, p)
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		return badInput(err)
	}
	ropts := report.Options{Top: o.top}
	if o.charts != "" {
		ropts.ChartPath = o.charts
	}
	switch o.format {
	case "json":
		err = writeJSON(e.out, rec)
	case "decision":
		var doc *decision.Document
		if doc, err = rec.Decision(); err == nil {
			var data []byte
			if data, err = doc.Marshal(); err == nil {
				e.out.Write(data)
			}
		}
	case "markdown":
		err = report.Markdown(e.out, rec, ropts)
	case "html":
		err = report.HTML(e.out, rec, ropts)
	default:
		err = rec.WriteText(e.out, o.top)
	}
	if err != nil {
		return err
	}
	// The charts are written last, all or none, and not at all once
	// interrupted.
	if o.charts != "" {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := report.WriteCharts(o.charts, rec, ropts); err != nil {
			return err
		}
	}
	return nil
}

// model writes the default placement model in the form that rank --model
// reads (placement.ReadModel): YAML, or JSON with --format json. It is the
// starting point for a recalibration: edit a coefficient, then rank with
// --model FILE.
func model(out *bytes.Buffer, format string) error {
	m := placement.DefaultModel()
	switch format {
	case "yaml":
		fmt.Fprintf(out, "# The placement model %s v%s: edit the values, then run\n", m.Name, m.Version)
		fmt.Fprintf(out, "#   socialseat rank --profile PROFILE --model THIS-FILE\n")
		enc := yaml.NewEncoder(out)
		enc.SetIndent(2)
		if err := enc.Encode(m); err != nil {
			return err
		}
		return enc.Close()
	case "json":
		return writeJSON(out, m)
	}
	return usagef("unknown --format %q (want yaml or json)", format)
}

func catalog(out *bytes.Buffer, format string) error {
	cat := touchpoint.DefaultCatalog()
	model := placement.DefaultModel()
	structures := placement.Enumerate(nil)
	switch format {
	case "json":
		type structureEntry struct {
			ID        string              `json:"id"`
			Name      string              `json:"name"`
			Structure placement.Structure `json:"structure"`
		}
		type criterionEntry struct {
			ID    placement.Criterion `json:"id"`
			Label string              `json:"label"`
			Cost  bool                `json:"lower_is_better"`
		}
		doc := struct {
			Touchpoints *touchpoint.Catalog `json:"touchpoints"`
			Structures  []structureEntry    `json:"structures"`
			Criteria    []criterionEntry    `json:"criteria"`
			Model       placement.Model     `json:"model"`
		}{Touchpoints: cat, Model: model}
		for _, s := range structures {
			doc.Structures = append(doc.Structures, structureEntry{s.ID(), s.Name(), s})
		}
		for _, c := range placement.Criteria() {
			doc.Criteria = append(doc.Criteria, criterionEntry{c, c.Label(), c.IsCost()})
		}
		return writeJSON(out, doc)
	case "text":
	default:
		return usagef("unknown --format %q (want text or json)", format)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "TOUCHPOINT\tOWNER\tAUDIENCE\tSPEED\tRISK\tVOLUME\tEXPERTISE\n")
	for _, t := range cat.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\n", t.ID, t.Owner, t.Audience, t.Speed, t.Risk, t.Volume, t.Expertise)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nCRITERIA\n")
	for _, c := range placement.Criteria() {
		dir := "higher is better"
		if c.IsCost() {
			dir = "lower is better"
		}
		fmt.Fprintf(out, "  %-16s %s (%s)\n", c, c.Label(), dir)
	}
	fmt.Fprintf(out, "\nSTRUCTURES (%d)\n", len(structures))
	for _, s := range structures {
		fmt.Fprintf(out, "  %-14s %s\n", s.ID(), s.Name())
	}
	fmt.Fprintf(out, "\nMODEL %s %s: %d coefficients\n", model.Name, model.Version, len(model.Coefficients))
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, c := range model.Coefficients {
		fmt.Fprintf(tw, "  %s\t%g\t%s\t%s\n", c.ID, c.Value, c.Evidence, c.Rationale)
	}
	return tw.Flush()
}
