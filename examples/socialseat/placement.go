package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/socialseat/socialseat/internal/wire"
	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
	"github.com/socialseat/socialseat/touchpoint"
)

// badInput marks err as the user's input error (exit status 2).
func badInput(err error) error { return wire.BadInput(err) }

// rankOptions are the rank command's flags.
type rankOptions struct {
	profile, format, model, charts string
	top                            int
	smaa                           placement.SMAAOptions
	sensitivity                    bool
}

func rank(stdin io.Reader, out *bytes.Buffer, o rankOptions) error {
	profileFile, format, modelFile, top := o.profile, o.format, o.model, o.top
	if o.smaa.Samples < 0 {
		return badInput(fmt.Errorf("--samples %d: want 0 or more", o.smaa.Samples))
	}
	if profileFile == "" {
		return badInput(errors.New("--profile is required"))
	}
	switch format {
	case "text", "json", "markdown", "html":
	default:
		return badInput(fmt.Errorf("unknown --format %q (want text, json, markdown or html)", format))
	}
	var p placement.Profile
	err := withInput(profileFile, stdin, func(r io.Reader) error {
		var err error
		p, err = placement.ReadProfile(r)
		return err
	})
	if err != nil {
		return badInput(fmt.Errorf("profile %s: %w", profileFile, err))
	}
	m := placement.DefaultModel()
	if modelFile != "" {
		f, err := os.Open(modelFile)
		if err != nil {
			return badInput(err)
		}
		defer f.Close()
		if m, err = placement.ReadModel(f); err != nil {
			return badInput(fmt.Errorf("model %s: %w", modelFile, err))
		}
	}
	r, err := placement.NewRecommender(m, nil)
	if err != nil {
		return badInput(err)
	}
	rec, err := r.Recommend(p, placement.Options{SMAA: o.smaa, Sensitivity: o.sensitivity})
	if err != nil {
		return badInput(err)
	}
	ropts := report.Options{Top: top}
	if o.charts != "" {
		if err := os.MkdirAll(o.charts, 0o755); err != nil {
			return err
		}
		if _, err := report.WriteCharts(o.charts, rec, ropts); err != nil {
			return err
		}
		ropts.ChartPath = o.charts
	}
	switch format {
	case "json":
		return writeJSON(out, rec)
	case "markdown":
		return report.Markdown(out, rec, ropts)
	case "html":
		return report.HTML(out, rec, ropts)
	}
	return rec.WriteText(out, top)
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
		return badInput(fmt.Errorf("unknown --format %q (want text or json)", format))
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
