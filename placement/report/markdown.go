package report

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
)

// writeMarkdown renders the view as CommonMark with GitHub tables.
func writeMarkdown(w io.Writer, v *view, o Options) error {
	var b bytes.Buffer
	pf := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	image := func(name, alt string) {
		if o.ChartPath == "" || !v.Charts[name] {
			return
		}
		pf("![%s](%s)\n\n", md(alt), path.Join(o.ChartPath, name+".svg"))
	}
	facts := func(head string, fs []fact) {
		table(&b, []string{head, "Value"}, nil, func(row func(...string)) {
			for _, f := range fs {
				row(f.Label, f.Value)
			}
		})
	}

	link := func(text, u string) string {
		if u == "" {
			return md(text)
		}
		// A "|" would end a table cell; in a URL it may be written %7C.
		return "[" + md(text) + "](<" + strings.ReplaceAll(u, "|", "%7C") + ">)"
	}
	pf("# %s\n\n", md(v.Title))
	if v.Subtitle != "" {
		pf("*%s*\n\n", md(v.Subtitle))
	}

	pf("## Summary\n\n")
	if v.Org != "" {
		pf("**Recommended for %s: %s**\n\n", md(v.Org), md(v.Winner.Name))
	} else {
		pf("**Recommended: %s**\n\n", md(v.Winner.Name))
	}
	pf("%s", md(v.Lead))
	if v.Current != "" {
		pf(" %s", md(v.Current))
	}
	pf("\n\n")
	if v.Robustness != "" || v.SMAALead != "" {
		pf("%s\n\n", md(strings.TrimSpace(v.Robustness+" "+v.SMAALead)))
	}
	facts("Item", v.Facts)

	pf("## The organisation\n\n")
	facts("Profile", v.Profile)
	pf("### Active touchpoints\n\n")
	table(&b, []string{"Touchpoint", "Natural owner", "Activity (0–5)"}, []bool{false, false, true}, func(row func(...string)) {
		for _, t := range v.Touchpoints {
			row(t.Name, t.Owner, fmt.Sprint(t.Activity))
		}
	})

	if st := v.Stage; st != nil {
		pf("## Maturity stage\n\n")
		pf("On %s (%s), the organisation is at stage %s, **%s**: %s\n\n", link(st.Model, st.URL), md(st.Source), st.Level, md(st.Name), md(st.Description))
		switch {
		case st.Fit != "":
			pf("%s\n\n", md(st.Fit))
		case st.Carries != "":
			pf("Organisations at this stage usually run these operating models: %s.\n\n", md(st.Carries))
		}
		list := func(head string, items []string) {
			if len(items) == 0 {
				return
			}
			pf("### %s\n\n", md(head))
			for _, it := range items {
				pf("- %s\n", md(it))
			}
			pf("\n")
		}
		list("What places it there", st.Evidence)
		list("Worth confirming", st.Unconfirmed)
		switch {
		case st.Next == "":
			pf("This is the model's highest stage.\n\n")
		case len(st.NextRequires) == 0:
			pf("### What the next stage, %s, needs\n\nNothing the profile does not already show.\n\n", md(st.Next))
		default:
			list("What the next stage, "+st.Next+", needs", st.NextRequires)
		}
	}
	if len(v.Benchmarks) > 0 {
		pf("## Against peers\n\n")
		pf("The organisation's figures next to published figures for firms of its size and maturity.\n\n")
		table(&b, []string{"Topic", "You", "Peers", "Source"}, nil, func(row func(...string)) {
			for _, c := range v.Benchmarks {
				you := md(c.You)
				if c.Standing != "" {
					you += " **(" + md(c.Standing) + ")**"
				}
				if c.Note != "" {
					you += ": " + md(c.Note)
				}
				row(raw(md(c.Topic)), raw(you), raw(md(c.Peers)), raw(link(c.Source, c.URL)))
			}
		})
	}

	pf("## The ranking\n\n")
	pf("The %d best of %d structures; %s scores are better.\n\n", len(v.Top), v.Considered, v.Better)
	table(&b, []string{"Rank", "Structure", "Score"}, []bool{true, false, true}, func(row func(...string)) {
		for _, e := range v.Top {
			row(fmt.Sprint(e.Rank), e.Name, e.Score)
		}
	})
	image("ranking", "Ranking of the best structures")
	image("contributions", "What makes up each score")
	if len(v.Detailed) > 0 {
		pf("### Why these structures\n\n")
	}
	for _, e := range v.Detailed {
		pf("**%d. %s**\n\n", e.Rank, md(e.Name))
		for _, s := range e.Strengths {
			pf("- \\+ %s\n", md(s))
		}
		for _, s := range e.Weaknesses {
			pf("- − %s\n", md(s))
		}
		pf("\n")
	}

	pf("## The weights and where they came from\n\n")
	table(&b, []string{"Criterion", "Direction", "Weight"}, []bool{false, false, true}, func(row func(...string)) {
		for _, x := range v.Weights {
			row(x.Label, x.Direction, x.Weight)
		}
	})
	image("weights", "Criterion weights")
	pf("%s\n\n", md(v.WeightsLead))
	for _, it := range v.WeightsItems {
		pf("- %s\n", md(it))
	}
	if len(v.WeightsItems) > 0 {
		pf("\n")
	}

	pf("## Who does what\n\n")
	pf("The responsibility map under %s: **R**esponsible does the work, **A**ccountable answers for it, **C**onsulted is asked first, **I**nformed is told.\n\n", md(v.RACIStructure))
	if len(v.RACI) > 0 {
		table(&b, []string{"Touchpoint", "Responsible", "Accountable", "Consulted", "Informed"}, nil, func(row func(...string)) {
			for _, r := range v.RACI {
				row(r.Touchpoint, r.Responsible, r.Accountable, r.Consulted, r.Inform)
			}
		})
	} else {
		pf("No responsibility map was computed.\n\n")
	}

	pf("## The roadmap\n\n")
	if len(v.Roadmap) == 0 {
		pf("No steps: the organisation already has the recommended structure.\n\n")
	}
	for i, s := range v.Roadmap {
		pf("%d. %s  \n   *Why:* %s\n", i+1, md(s.Step), md(s.Why))
		if s.Closes != "" {
			pf("   *Closes:* %s\n", md(s.Closes))
		}
	}
	if len(v.Roadmap) > 0 {
		pf("\n")
	}

	if len(v.Missing)+len(v.Questions) > 0 {
		pf("## Governance checklist\n\n")
	}
	if len(v.Missing) > 0 {
		pf("### Missing\n\n")
		table(&b, []string{"Practice", "Why it matters", "Source", "Closed by"}, nil, func(row func(...string)) {
			for _, g := range v.Missing {
				row(raw(md(g.Name)), raw(md(g.Matters)), raw(link(g.Source, g.URL)), raw(md(g.ClosedBy)))
			}
		})
	}
	if len(v.Questions) > 0 {
		pf("### Questions to ask\n\n")
		pf("The profile does not say whether these are in place; an unknown is not a \"no\".\n\n")
		for _, q := range v.Questions {
			pf("- %s\n", md(q))
		}
		pf("\n")
	}

	pf("## How robust is the answer?\n\n")
	if v.Robustness != "" {
		pf("%s\n\n", md(v.Robustness))
	} else {
		pf("No robustness analysis was run.\n\n")
	}
	if len(v.CrossCheck) > 0 {
		facts("Cross-check", v.CrossCheck)
	}
	if v.SMAALead != "" {
		pf("### When the weights vary\n\n%s\n\n", md(v.SMAALead))
	}
	if len(v.SMAA) > 0 {
		table(&b, []string{"Structure that can come first", "First under", "Confidence"}, []bool{false, true, true}, func(row func(...string)) {
			for _, a := range v.SMAA {
				row(a.Name, a.FirstRank, a.Confidence)
			}
		})
		pf("*First under* is the share of sampled weightings under which the structure ranks first (its first-rank acceptability); *confidence* is the chance it ranks first under its own typical winning weights.\n\n")
	}
	image("acceptability", "How sure is the ranking: each structure's share of each rank")
	if v.SensLead != "" {
		pf("### When one weight moves\n\n%s\n\n", md(v.SensLead))
	}
	if len(v.Sens) > 0 {
		table(&b, []string{"Criterion", "Weight", "Recommendation", "Then first"}, []bool{false, true, false, false}, func(row func(...string)) {
			for _, s := range v.Sens {
				row(s.Criterion, s.Weight, s.Margin, s.Next)
			}
		})
	}
	image("sensitivity", "Scores as the most sensitive weight moves")
	if len(v.Dimensions) > 0 {
		pf("### How sure is each part of the answer?\n\n")
		share := ""
		if v.DimSMAA {
			share = "how often structures with it come first under the sampled weightings, "
		}
		pf("The structures just behind the first often differ from it in one respect only, so the answer is read one dimension at a time: the recommended structure's value, %sthe runner-up and whether the call is clear or close.\n\n", share)
		head := []string{"Dimension", "Recommended", "Runner-up", "Lead in score", "Call"}
		right := []bool{false, false, false, true, false}
		if v.DimSMAA {
			head = []string{"Dimension", "Recommended", "First under", "Runner-up", "Lead in score", "Call"}
			right = []bool{false, false, true, false, true, false}
		}
		table(&b, head, right, func(row func(...string)) {
			for _, d := range v.Dimensions {
				if v.DimSMAA {
					row(d.Dimension, d.Value, d.Share, d.RunnerUp, d.Lead, d.Call)
				} else {
					row(d.Dimension, d.Value, d.RunnerUp, d.Lead, d.Call)
				}
			}
		})
	}

	pf("## Assumptions and sources\n\n")
	pf("%s", md(v.Provenance))
	if v.ModelDesc != "" {
		pf(" %s", md(v.ModelDesc))
	}
	pf("\n\n")
	for _, a := range v.Assumptions {
		pf("- %s\n", md(a))
	}
	pf("\n")
	if len(v.Evidence) > 0 {
		pf("### Evidence behind the model's coefficients\n\n")
		table(&b, []string{"Kind of evidence", "Coefficients"}, []bool{false, true}, func(row func(...string)) {
			for _, f := range v.Evidence {
				row(f.Label, f.Value)
			}
		})
	}
	if len(v.Sources) > 0 {
		pf("### Sources\n\n")
		for _, s := range v.Sources {
			if s.URL != "" {
				pf("- [%s](<%s>)\n", md(s.Text), s.URL)
			} else {
				pf("- %s\n", md(s.Text))
			}
		}
		pf("\n")
	} else {
		pf("The model was not supplied with the recommendation, so its sources are not listed.\n\n")
	}
	if len(v.Coefficients) > 0 {
		pf("### The model's coefficients\n\n")
		table(&b, []string{"Coefficient", "Value", "Evidence", "Rationale", "Source"}, []bool{false, true, false, false, false}, func(row func(...string)) {
			for _, c := range v.Coefficients {
				row("`"+code(c.ID)+"`", c.Value, c.Evidence, c.Rationale, c.Source)
			}
		})
	}
	_, err := w.Write(bytes.TrimRight(b.Bytes(), "\n"))
	if err == nil {
		_, err = io.WriteString(w, "\n")
	}
	return err
}

// rawMark starts a table cell that is already Markdown (see raw).
const rawMark = "\x00"

// raw marks s, already escaped Markdown such as a link, as a table cell
// that table writes as it is.
func raw(s string) string { return rawMark + s }

// table writes a GitHub table. Cells are escaped with md unless they are
// already code spans (start and end with a backquote) or marked with raw;
// right marks right-aligned columns (nil: all left).
func table(b *bytes.Buffer, head []string, right []bool, rows func(row func(...string))) {
	cell := func(s string) string {
		if r, ok := strings.CutPrefix(s, rawMark); ok {
			return r
		}
		if len(s) >= 2 && strings.HasPrefix(s, "`") && strings.HasSuffix(s, "`") {
			return s
		}
		return md(s)
	}
	b.WriteString("|")
	for _, h := range head {
		b.WriteString(" " + md(h) + " |")
	}
	b.WriteString("\n|")
	for i := range head {
		if right != nil && right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	rows(func(cells ...string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	})
	b.WriteString("\n")
}

// md escapes text for Markdown: HTML's &, < and > become entities (so
// "<Acme & Sons>" shows literally and cannot open a tag), Markdown's
// punctuation is backslash-escaped, and line breaks become spaces and a
// leading list or heading marker is escaped, so text cannot start a new
// block.
func md(s string) string {
	var b strings.Builder
	// A leading "-" or "+", or a number followed by "." or ")", followed
	// by a space or nothing, would start a list; a line of "=" would
	// underline a heading. Escape the marker.
	marker := func(rest string) bool { return rest == "" || rest[0] == ' ' || rest[0] == '\t' }
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	switch {
	case (strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+")) && marker(s[1:]),
		s != "" && strings.Trim(s, "= ") == "":
		b.WriteByte('\\')
	case digits > 0 && digits <= 9 && len(s) > digits && s[digits] == '.' && marker(s[digits+1:]):
		// (A ")" is escaped below like all punctuation.)
		b.WriteString(s[:digits])
		b.WriteByte('\\')
		s = s[digits:]
	}
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code makes s safe inside a single-backquote code span: backquotes and
// line breaks cannot appear in IDs, but are replaced all the same.
func code(s string) string {
	return strings.NewReplacer("`", "'", "\n", " ", "\r", " ", "|", "\\|").Replace(s)
}
