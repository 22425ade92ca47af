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
	Cite  string   `yaml:"cite"`
	URL   string   `yaml:"url"`
	Match []string `yaml:"match"`
}

//go:embed works.yaml
var worksYAML []byte

// works is the table of works.yaml, keyed by lower-cased spelling. It is
// read-only after init.
var works = mustWorks(worksYAML)

func mustWorks(data []byte) map[string][]workEntry {
	var f struct {
		Works []workEntry `yaml:"works"`
	}
	d := yaml.NewDecoder(bytes.NewReader(data))
	d.KnownFields(true)
	if err := d.Decode(&f); err != nil {
		panic("report: works.yaml: " + err.Error()) // embedded and tested
	}
	out := map[string][]workEntry{}
	for _, w := range f.Works {
		for _, m := range w.Match {
			k := strings.ToLower(m)
			out[k] = append(out[k], w)
		}
	}
	return out
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

// sources lists the works cited by the model's coefficients, by the
// active touchpoints and by the profile's sector, once each and in one
// style: every citation is split at semicolons, stripped of its
// parenthesised notes and evidence tags, mapped through works.yaml to
// the work's full citation and link, de-duplicated and sorted. Our own
// working documents are left out.
func sources(m placement.Model, p placement.Profile, c *touchpoint.Catalog) []sourceView {
	set := map[string]sourceView{}
	put := func(v sourceView) {
		if old, ok := set[v.Text]; !ok || old.URL == "" {
			set[v.Text] = v
		}
	}
	add := func(s string) {
		for _, part := range splitOutside(s, ';') {
			w := strings.TrimSpace(evidenceTag.ReplaceAllString(work(part), ""))
			if w == "" || internalSource.MatchString(w) {
				continue
			}
			if es, ok := works[strings.ToLower(w)]; ok {
				for _, e := range es {
					put(sourceView{Text: e.Cite, URL: e.URL})
				}
				continue
			}
			put(sourceView{Text: w})
		}
	}
	for _, co := range m.Coefficients {
		add(co.Source)
	}
	for _, t := range c.All() {
		if p.Touchpoints[t.ID] > 0 {
			add(t.Source)
		}
	}
	for _, r := range placement.SectorReferences(p.Sector) {
		put(sourceView{Text: r.Cite, URL: r.URL})
	}
	out := make([]sourceView, 0, len(set))
	for _, v := range set {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b sourceView) int {
		if c := cmp.Compare(strings.ToLower(a.Text), strings.ToLower(b.Text)); c != 0 {
			return c
		}
		return cmp.Compare(a.Text, b.Text)
	})
	return out
}
