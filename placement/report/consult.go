package report

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/placement"
)

// stageView is the maturity stage diagnosis in display form.
type stageView struct {
	Model, Source, URL   string
	Name, Level          string
	Description, Carries string
	Fit                  string // how the recommended model sits with the stage, or ""
	Evidence             []string
	Unconfirmed          []string
	Next                 string // the next stage's name, or "" at the top
	NextRequires         []string
}

// benchView is one row of the peer comparison.
type benchView struct {
	Topic, You, Peers, Standing, Source, URL string
	Note                                     string // why the standing differs from another row's
}

// gapView is one missing governance practice.
type gapView struct {
	Name, Matters, Source, URL string
	ClosedBy                   string // "step 3: …", or the step that would close it
}

// stepView is one roadmap step.
type stepView struct {
	Step, Why string
	Closes    string // the practices it closes, by name, or ""
}

// dimView is the certainty of one dimension of the structure.
type dimView struct {
	Dimension, Value, Share, RunnerUp, Lead, Call string
}

// consult fills the maturity, peer, governance, roadmap and dimension
// parts of v from rec.
func consult(rec *placement.Recommendation, v *view) {
	names := map[string]string{} // practice ID → name
	for _, g := range rec.Gaps {
		names[g.Practice.ID] = g.Practice.Name
	}
	closedBy := map[string]int{} // practice ID → 1-based roadmap step
	for i, s := range rec.Roadmap {
		sv := stepView{Step: s.Step, Why: s.Why}
		var cl []string
		for _, id := range s.Closes {
			if _, ok := closedBy[id]; !ok {
				closedBy[id] = i + 1
			}
			if n, ok := names[id]; ok {
				cl = append(cl, lowerFirst(n))
			}
		}
		sv.Closes = strings.Join(cl, "; ")
		v.Roadmap = append(v.Roadmap, sv)
	}

	if d := rec.Stage; d.Stage.Name != "" {
		sv := &stageView{
			Model: d.Model, Source: d.Source, URL: linkURL(d.URL),
			Name: d.Stage.Name, Level: strconv.Itoa(d.Stage.Level), Description: d.Stage.Description,
			Evidence: d.Evidence, Unconfirmed: d.Unconfirmed,
		}
		var carries []string
		for _, m := range d.Stage.Carries {
			carries = append(carries, m.Label())
		}
		sv.Carries = strings.Join(carries, ", ")
		sv.Fit = d.FitSentence()
		if d.Next != nil {
			sv.Next = d.Next.Name
			sv.NextRequires = d.NextRequires
		}
		v.Stage = sv
	}

	for _, c := range rec.Benchmarks {
		b := benchView{Topic: c.Topic, You: orDash(c.You), Peers: c.Peers, Source: c.Source, URL: linkURL(c.URL), Note: c.Note}
		switch c.Standing {
		case placement.Below:
			b.Standing = "below peers"
		case placement.Above:
			b.Standing = "above peers"
		case placement.InLine:
			b.Standing = "in line with peers"
		}
		v.Benchmarks = append(v.Benchmarks, b)
	}

	for _, g := range rec.Gaps {
		if g.Answer != placement.No {
			v.Questions = append(v.Questions, g.Practice.Question)
			continue
		}
		gv := gapView{Name: g.Practice.Name, Matters: g.Practice.Matters, Source: g.Practice.Source, URL: linkURL(g.Practice.URL)}
		if n, ok := closedBy[g.Practice.ID]; ok {
			gv.ClosedBy = fmt.Sprintf("roadmap step %d", n)
		} else if g.Practice.Step != "" {
			gv.ClosedBy = "not in the roadmap; the step that closes it: " + g.Practice.Step
		} else {
			gv.ClosedBy = "not in the roadmap"
		}
		v.Missing = append(v.Missing, gv)
	}

	sm := rec.Robustness.SMAA != nil
	v.DimSMAA = sm
	for _, d := range rec.Dimensions {
		dv := dimView{Dimension: upperFirst(d.Label()), Value: d.ValueLabel(d.Value), RunnerUp: "—", Call: "close call"}
		if d.RunnerUp != "" {
			dv.RunnerUp = d.ValueLabel(d.RunnerUp)
		}
		switch {
		case d.Tied():
			dv.Call = "tied"
		case d.Clear:
			dv.Call = "clear"
		}
		if sm {
			dv.Share = pct(d.Acceptability)
			switch {
			case d.RunnerUpFavoured:
				dv.RunnerUp += " (" + pct(d.RunnerUpAcceptability) + ": the sampling favours it more often)"
			case d.RunnerUp != "":
				dv.RunnerUp += " (" + pct(d.RunnerUpAcceptability) + ")"
			}
		}
		if d.RunnerUp != "" {
			dv.Lead = fmt.Sprintf("%.3f", d.Lead)
		} else {
			dv.Lead = "—"
		}
		v.Dimensions = append(v.Dimensions, dv)
	}
}

// lowerFirst lower-cases the first letter of a practice's name, unless
// the second is upper case too (an acronym), for use inside a sentence.
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// linkURL returns s if it is an absolute http or https address that can
// sit in a Markdown link or an HTML attribute as it is, else "" (the
// citation is then shown without a link). Maturity models and benchmarks
// may come from a consultant's own file.
func linkURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		strings.ContainsAny(s, " <>\"'`\\\n\r\t") {
		return ""
	}
	return s
}
