package report

import (
	"bytes"
	"cmp"
	_ "embed" // for the works table
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// sourceView is one work in the report's source list.
type sourceView struct {
	Text string // the citation, in the report's one style
	URL  string // a link to the work; empty if it has none
}

type workEntry struct {
	Cite      string   `yaml:"cite"`
	URL       string   `yaml:"url"`
	Also      []string `yaml:"also"`
	Match     []string `yaml:"match"`
	Regulated bool     `yaml:"regulated"`
	Sectors   []string `yaml:"sectors"`
}

// view is the entry as a line of the source list.
func (w *workEntry) view() sourceView { return sourceView{Text: w.Cite, URL: w.URL} }

// listedFor reports whether a coefficient's or touchpoint's citation of
// the work is listed for p: a work behind the regulation effects only when
// p's regulation is at least regulatedFrom, and in one of the work's
// sectors if p names one.
func (w *workEntry) listedFor(p placement.Profile) bool {
	if !w.Regulated {
		return true
	}
	if p.Regulation < regulatedFrom {
		return false
	}
	if p.Sector == 0 || p.Sector == placement.SectorOther || len(w.Sectors) == 0 {
		return true
	}
	return slices.Contains(w.Sectors, p.Sector.String())
}

// regulatedFrom is the regulation level (1–5, 1 general law only) from
// which the works behind the model's regulation effects are listed for
// the coefficients that cite them: the middle of the scale, where
// regulation starts to shape the answer; below it a pharmaceutical or
// broker-dealer rule is not what the report rests on.
const regulatedFrom = 3

//go:embed works.yaml
var worksYAML []byte

// workTable is works.yaml indexed by lower-cased spelling and by address.
type workTable struct {
	bySpelling map[string][]*workEntry
	byURL      map[string]*workEntry
}

// works is the table of works.yaml. It is read-only after init.
var works = mustWorks(worksYAML)

func mustWorks(data []byte) workTable {
	var f struct {
		Works []*workEntry `yaml:"works"`
	}
	d := yaml.NewDecoder(bytes.NewReader(data))
	d.KnownFields(true)
	if err := d.Decode(&f); err != nil {
		panic("report: works.yaml: " + err.Error()) // embedded and tested
	}
	t := workTable{bySpelling: map[string][]*workEntry{}, byURL: map[string]*workEntry{}}
	for _, w := range f.Works {
		for _, m := range w.Match {
			k := strings.ToLower(m)
			t.bySpelling[k] = append(t.bySpelling[k], w)
		}
		for _, u := range append([]string{w.URL}, w.Also...) {
			if u != "" {
				t.byURL[u] = w
			}
		}
	}
	return t
}

// resolve returns the works one citation names: its spelling without
// parenthesised notes and evidence tags, whole or, failing that, up to a
// colon ("Van Belleghem (SXSW): local platforms …"). It returns nil for a
// spelling no work matches.
func (t workTable) resolve(part string) []*workEntry {
	w := strings.TrimSpace(evidenceTag.ReplaceAllString(work(part), ""))
	if es := t.bySpelling[strings.ToLower(w)]; len(es) > 0 {
		return es
	}
	if head, _, ok := strings.Cut(w, ":"); ok {
		return t.bySpelling[strings.ToLower(strings.TrimSpace(head))]
	}
	return nil
}

// internalSource matches citations of our own working documents and their
// evidence tags, which a client's source list leaves out.
var internalSource = regexp.MustCompile(`(?i)domain\.md|§|socialseat|calibration (point|profile)|^judgement$`)

// evidenceTag matches an evidence tag such as "[J]" or "[S/A]".
var evidenceTag = regexp.MustCompile(`\s*\[[A-Z](/[A-Z])*\]`)

// clientSource is a coefficient's source as a client reads it: the
// citations of published works, each with its notes, without our own
// working documents and evidence tags (the table has an evidence column).
// A source that cites only our own documents reads "—".
func clientSource(s string) string {
	var parts []string
	for _, part := range splitOutside(s, ';') {
		w := strings.TrimSpace(evidenceTag.ReplaceAllString(work(part), ""))
		if w == "" || internalSource.MatchString(w) {
			continue
		}
		parts = append(parts, strings.TrimSpace(evidenceTag.ReplaceAllString(part, "")))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "; ")
}

// sourceList collects a report's source list: every work once, in the
// one style of works.yaml, and a citation no work matches as written,
// whole (never a fragment of it).
type sourceList struct {
	byText map[string]sourceView
	known  map[string]bool // texts that are works.yaml citations
}

func (l *sourceList) put(v sourceView, known bool) {
	if old, ok := l.byText[v.Text]; !ok || old.URL == "" {
		l.byText[v.Text] = v
	}
	l.known[v.Text] = l.known[v.Text] || known
}

// cited adds the works a source field names: each of its citations
// (split at semicolons) that is a work, else the one the field's link
// belongs to, else the field as written with its link. Our own working
// documents are left out. keep says whether a matched work is listed.
func (l *sourceList) cited(s, url string, keep func(*workEntry) bool) {
	var found []*workEntry
	unknown := false
	for _, part := range splitOutside(s, ';') {
		w := strings.TrimSpace(evidenceTag.ReplaceAllString(work(part), ""))
		if w == "" || internalSource.MatchString(w) {
			continue
		}
		if es := works.resolve(part); es != nil {
			found = append(found, es...)
		} else {
			unknown = true
		}
	}
	if unknown && url != "" {
		if w, ok := works.byURL[url]; ok {
			found, unknown = append(found, w), false
		}
	}
	for _, w := range found {
		if keep(w) {
			l.put(w.view(), true)
		}
	}
	if unknown {
		// A citation of a consultant's own data, listed whole.
		for _, part := range splitOutside(s, ';') {
			part = strings.Join(strings.Fields(evidenceTag.ReplaceAllString(part, "")), " ")
			if part != "" && !internalSource.MatchString(part) && works.resolve(part) == nil {
				l.put(sourceView{Text: part, URL: url}, false)
			}
		}
	}
}

// inText adds the works a sentence of the report cites in parentheses,
// "(Mindjumpers 2010)", "(Gartner, Maoz 2012; ICMI 2014)"; a parenthesis
// that names no work ("(realtime, activity 3)") is not a citation.
func (l *sourceList) inText(s string) {
	for _, group := range parenthesised(s) {
		for _, part := range splitOutside(group, ';') {
			for _, w := range works.resolve(part) {
				l.put(w.view(), true)
			}
		}
	}
}

// parenthesised returns the contents of s's outermost parentheses.
func parenthesised(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case r == ')' && depth > 0:
			depth--
			if depth == 0 {
				out = append(out, s[start:i])
			}
		}
	}
	return out
}

// sources lists the works behind what the report says, once each and in
// one style: those cited by the model's coefficients (a work behind the
// regulation effects only for a regulated profile, see works.yaml), by the
// active touchpoints, by the maturity stage, the peer figures and the
// governance practices shown, and in parentheses by the reasons and the
// roadmap. Citations are mapped through works.yaml to the work's full
// citation and link, de-duplicated (by citation and by link) and sorted.
// Our own working documents are left out.
func sources(rec *placement.Recommendation, v *view, m placement.Model, c *touchpoint.Catalog) []sourceView {
	p := rec.Profile
	l := &sourceList{byText: map[string]sourceView{}, known: map[string]bool{}}
	forProfile := func(w *workEntry) bool { return w.listedFor(p) }
	always := func(*workEntry) bool { return true }
	for _, co := range m.Coefficients {
		l.cited(co.Source, "", forProfile)
	}
	for _, t := range c.All() {
		if p.Touchpoints[t.ID] > 0 {
			l.cited(t.Source, "", forProfile)
		}
	}
	if st := v.Stage; st != nil {
		l.cited(st.Source, st.URL, always)
	}
	for _, b := range v.Benchmarks {
		l.cited(b.Source, b.URL, always)
	}
	for _, g := range v.Missing {
		l.cited(g.Source, g.URL, always)
		l.inText(g.Matters)
	}
	for _, e := range v.Detailed {
		for _, s := range slices.Concat(e.Strengths, e.Weaknesses) {
			l.inText(s)
		}
	}
	for _, s := range v.Roadmap {
		l.inText(s.Step)
		l.inText(s.Why)
	}
	l.inText(v.SMAALead)
	out := make([]sourceView, 0, len(l.byText))
	for _, s := range l.byText {
		out = append(out, s)
	}
	// A work first, then the rest, so that a link listed by a work's
	// citation is not listed again under another spelling.
	slices.SortFunc(out, func(a, b sourceView) int {
		if ka, kb := l.known[a.Text], l.known[b.Text]; ka != kb {
			if ka {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Text, b.Text)
	})
	seen := map[string]bool{}
	out = slices.DeleteFunc(out, func(s sourceView) bool {
		if s.URL == "" {
			return false
		}
		dup := seen[s.URL]
		seen[s.URL] = true
		return dup
	})
	slices.SortFunc(out, func(a, b sourceView) int {
		if c := cmp.Compare(strings.ToLower(a.Text), strings.ToLower(b.Text)); c != 0 {
			return c
		}
		return cmp.Compare(a.Text, b.Text)
	})
	return out
}
