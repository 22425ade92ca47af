package placement

import (
	_ "embed" // for the roadmap's wording
	"fmt"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/internal/strictdec"
)

//go:embed roadmap.yaml
var roadmapYAML []byte

// roadmapSlots lists every text the roadmap reads, by id, with the
// placeholders the code fills in it: an entry's text must use exactly
// these (see roadmap.yaml), and every call of [roadmapWording.say] passes
// exactly these (TestRoadmapSaysFillEverySlot).
var roadmapSlots = map[string][]string{
	"keep.step": {"structure"}, "keep.why": nil,
	"audit.step": nil, "audit.why.organic": nil, "audit.why.unsure": nil, "audit.why.informal": nil,
	"audit.why.team-spans": {"why"}, "audit.why.team": {"why"},
	"sponsor.with": nil, "sponsor.that": nil, "sponsor.yours": nil,
	"sponsor.win.step": nil, "sponsor.win.step-level": {"sponsorship"}, "sponsor.name.step": nil,
	"sponsor.back.step": {"sponsorship"}, "sponsor.why": nil,
	"team.step": {"owners", "sponsor"}, "team.step.unsure": {"owners", "sponsor"}, "team.why": nil,
	"buyin.step": {"spokes"}, "buyin.step.dandelion": {"spokes"}, "buyin.why": nil,
	"brief.step": {"departments"}, "brief.why": nil,
	"policy.step": nil, "policy.why": nil, "crisis.step": nil, "crisis.why": nil,
	"regulated.why": {"regulation", "why"},
	"adapt.policy":  nil, "adapt.crisis": nil, "adapt.archiving": nil, "adapt.step": {"practices"}, "adapt.why": nil,
	"signoff.step": {"layers"}, "signoff.why": nil,
	"train.why": nil, "train.everyone.step": nil, "train.everyone.extend.step": nil,
	"train.spokes.step": {"spokes"}, "train.refresh.step": {"spokes"},
	"gate.why": {"stage", "needs"}, "gate.why.matters": {"stage", "needs", "matters", "source"},
	"gate.practice.step": {"needs"}, "gate.fields.step": {"stage", "needs"},
	"gate.fields.why": {"stage"}, "gate.fields.why.source": {"stage", "source"},
	"extend.step": {"spokes"}, "extend.why": nil, "dandelion.step": nil, "dandelion.why": nil,
	"organic.step": nil, "organic.why": nil,
	"home.step": {"from", "to"}, "home.why": nil, "home.executive": nil,
	"role.step": {"from", "to"}, "role.why": nil, "role.why.executing": nil,
	"centre.why": nil, "centre.why.centralized": nil, "standup.step": {"structure"},
	"via.step": {"structure"}, "via.step.unranked": {"via"},
	"via.why":          {"stage", "models", "source", "model", "rank", "count"},
	"via.why.unranked": {"stage", "models", "source"},
	"via.centralized":  nil, "via.hub-and-spoke": nil, "via.dandelion": nil, "via.other": {"model"},
	"move.step": {"stage", "structure"}, "move.step.needs": {"stage", "needs", "structure"},
	"sourcing.hybrid-care.step": nil, "sourcing.hybrid.step": nil, "sourcing.agency.step": nil, "sourcing.in-house.step": nil,
	"sourcing.hybrid.why": nil, "sourcing.agency.why": nil, "sourcing.in-house.why": nil,
}

// roadmapEntry is one entry of roadmap.yaml.
type roadmapEntry struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// roadmapWording is the roadmap's client wording by id, decoded once
// from roadmap.yaml. It is read-only after init.
type roadmapWording map[string]string

var wording = mustRoadmapWording()

func mustRoadmapWording() roadmapWording {
	w, err := loadRoadmapWording(roadmapYAML, roadmapSlots)
	if err != nil {
		panic(err) // the embedded file is tested; this cannot happen in a release
	}
	return w
}

// loadRoadmapWording decodes data strictly (an unknown or missing key is
// an error) and checks it against slots: every id of slots has exactly one
// entry and no entry has another id, every entry has a text and a source,
// and a text's placeholders are exactly its id's slots, each well formed.
func loadRoadmapWording(data []byte, slots map[string][]string) (roadmapWording, error) {
	var f struct {
		Texts []roadmapEntry `json:"texts"`
	}
	if err := strictdec.Decode(data, &f, strictdec.RequireFields); err != nil {
		return nil, fmt.Errorf("placement: roadmap.yaml: %w", err)
	}
	w := make(roadmapWording, len(f.Texts))
	for i, e := range f.Texts {
		where := fmt.Sprintf("placement: roadmap.yaml: texts[%d] (%q)", i, e.ID)
		want, ok := slots[e.ID]
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: unknown id", where)
		case w[e.ID] != "":
			return nil, fmt.Errorf("%s: id given twice", where)
		case strings.TrimSpace(e.Text) == "":
			return nil, fmt.Errorf("%s: no text", where)
		case strings.TrimSpace(e.Source) == "":
			return nil, fmt.Errorf("%s: no source", where)
		}
		got, err := placeholders(e.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		for _, name := range got {
			if !slices.Contains(want, name) {
				return nil, fmt.Errorf("%s: unknown placeholder {%s}; the text may use %s", where, name, slotList(want))
			}
		}
		for _, name := range want {
			if !slices.Contains(got, name) {
				return nil, fmt.Errorf("%s: placeholder {%s} missing; the text must use %s", where, name, slotList(want))
			}
		}
		w[e.ID] = e.Text
	}
	for id := range slots {
		if _, ok := w[id]; !ok {
			return nil, fmt.Errorf("placement: roadmap.yaml: no text for id %q", id)
		}
	}
	return w, nil
}

// slotList lists placeholders for an error message.
func slotList(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return "{" + strings.Join(names, "}, {") + "}"
}

// placeholders returns the names of text's {placeholders} in order of
// first use. A name is lower-case letters and hyphens; a brace that does
// not open or close a well-formed placeholder is an error.
func placeholders(text string) ([]string, error) {
	var out []string
	for rest := text; ; {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			return out, nil
		}
		if rest[open] == '}' {
			return nil, fmt.Errorf("a } without {")
		}
		end := strings.IndexAny(rest[open+1:], "{}")
		if end < 0 || rest[open+1+end] != '}' {
			return nil, fmt.Errorf("a { without }")
		}
		name := rest[open+1 : open+1+end]
		if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz-") != "" {
			return nil, fmt.Errorf("placeholder {%s}: a name is lower-case letters and hyphens", name)
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
		rest = rest[open+1+end+1:]
	}
}

// say returns the text id with its placeholders filled from kv, pairs of
// name and value. The embedded data and the call sites are checked
// against roadmapSlots (at load and by tests), so every placeholder has
// its value.
func (w roadmapWording) say(id string, kv ...string) string {
	text := w[id]
	if len(kv) == 0 {
		return text
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			b.WriteString(text)
			return b.String()
		}
		end := strings.IndexByte(text[open:], '}') + open
		b.WriteString(text[:open])
		name := text[open+1 : end]
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == name {
				b.WriteString(kv[i+1])
				break
			}
		}
		text = text[end+1:]
	}
}
