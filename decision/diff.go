package decision

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/scoring"
)

// ChangeKind classifies a [Change].
type ChangeKind int

const (
	// InputChange is a changed input: alternatives, criteria, a
	// performance, the tree, a judgement, a stakeholder or the method.
	InputChange ChangeKind = iota
	// WeightChange is a changed criterion weight.
	WeightChange
	// RankingChange is a changed winner or rank.
	RankingChange
)

var changeKindTokens = []string{"input", "weight", "ranking"}

// String returns "input", "weight" or "ranking".
func (k ChangeKind) String() string {
	if k < 0 || int(k) >= len(changeKindTokens) {
		return fmt.Sprintf("ChangeKind(%d)", int(k))
	}
	return changeKindTokens[k]
}

// MarshalText returns the token of k.
func (k ChangeKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(changeKindTokens) {
		return nil, fmt.Errorf("decision: invalid change kind %d", int(k))
	}
	return []byte(changeKindTokens[k]), nil
}

// UnmarshalText parses "input", "weight" or "ranking".
func (k *ChangeKind) UnmarshalText(b []byte) error {
	i := slices.Index(changeKindTokens, string(b))
	if i < 0 {
		return fmt.Errorf("%w: change kind %q", scoring.ErrUnknownName, b)
	}
	*k = ChangeKind(i)
	return nil
}

// Change is one difference between two decisions.
type Change struct {
	// Kind says whether an input, a weight or the ranking changed.
	Kind ChangeKind `json:"kind"`
	// Pointer locates the changed input in the second document (in the
	// first for something removed); empty for weights and ranking.
	Pointer string `json:"pointer,omitempty"`
	// Text says what changed in plain words.
	Text string `json:"text"`
}

// Delta is what changed between two decisions, inputs first, then
// weights, then ranking.
type Delta struct {
	// Changes lists the differences in that order; empty when the two
	// decisions are the same.
	Changes []Change `json:"changes"`
}

// String returns one sentence per change, or "Nothing changed." when
// there is none.
func (d *Delta) String() string {
	if len(d.Changes) == 0 {
		return "Nothing changed.\n"
	}
	var b strings.Builder
	for _, c := range d.Changes {
		b.WriteString(c.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// weightEpsilon is the smallest weight change Diff reports.
const weightEpsilon = 5e-4

// Diff says what changed from a to b: inputs, criterion weights (changes
// of at least 0.0005) and ranking. Both documents are evaluated afresh;
// their stored input_hash is not checked, since a diff is how one reviews
// an edit. The error is that of [Decide] for either document, its message
// saying which.
func Diff(a, b *Document) (*Delta, error) {
	ra, err := decideFresh(a)
	if err != nil {
		return nil, fmt.Errorf("decision: first document: %w", err)
	}
	rb, err := decideFresh(b)
	if err != nil {
		return nil, fmt.Errorf("decision: second document: %w", err)
	}
	d := &Delta{}
	add := func(k ChangeKind, ptr, format string, args ...any) {
		d.Changes = append(d.Changes, Change{Kind: k, Pointer: ptr, Text: fmt.Sprintf(format, args...)})
	}
	// Alternatives.
	for i, x := range a.Alternatives {
		if !slices.Contains(b.Alternatives, x) {
			add(InputChange, fmt.Sprintf("/alternatives/%d", i), "Alternative %q was removed.", x)
		}
	}
	for i, x := range b.Alternatives {
		if !slices.Contains(a.Alternatives, x) {
			add(InputChange, fmt.Sprintf("/alternatives/%d", i), "Alternative %q was added.", x)
		}
	}
	// Criteria.
	critIndex := func(cs []scoring.Criterion, name string) int {
		return slices.IndexFunc(cs, func(c scoring.Criterion) bool { return c.Name == name })
	}
	for j, c := range a.Criteria {
		if critIndex(b.Criteria, c.Name) < 0 {
			add(InputChange, fmt.Sprintf("/criteria/%d", j), "Criterion %q was removed.", c.Name)
		}
	}
	for j, c := range b.Criteria {
		k := critIndex(a.Criteria, c.Name)
		switch {
		case k < 0:
			add(InputChange, fmt.Sprintf("/criteria/%d", j), "Criterion %q was added.", c.Name)
		case a.Criteria[k].Direction != c.Direction:
			add(InputChange, fmt.Sprintf("/criteria/%d/direction", j), "Criterion %q is now a %s criterion (was %s).", c.Name, c.Direction, a.Criteria[k].Direction)
		}
	}
	// Performances.
	for i, alt := range b.Alternatives {
		ia := slices.Index(a.Alternatives, alt)
		if ia < 0 || i >= len(b.Performances) || ia >= len(a.Performances) {
			continue
		}
		for j, c := range b.Criteria {
			ja := critIndex(a.Criteria, c.Name)
			if ja < 0 || j >= len(b.Performances[i]) || ja >= len(a.Performances[ia]) {
				continue
			}
			if x, y := a.Performances[ia][ja], b.Performances[i][j]; x != y {
				add(InputChange, fmt.Sprintf("/performances/%d/%d", i, j), "%s on %s: %g → %g.", alt, c.Name, x, y)
			}
		}
	}
	// Tree.
	na, nb := treeIndex(a.Tree, nil), treeIndex(b.Tree, nil)
	for _, id := range na.order {
		if _, ok := nb.nodes[id]; !ok {
			add(InputChange, "/tree", "Node %q was removed from the criteria tree.", id)
		}
	}
	for _, id := range nb.order {
		x, ok := na.nodes[id]
		y := nb.nodes[id]
		switch {
		case !ok:
			add(InputChange, "/tree", "Node %q was added under %q.", id, y.parent)
		case x.parent != y.parent:
			add(InputChange, "/tree", "Node %q moved from under %q to under %q.", id, x.parent, y.parent)
		case len(y.children) > 0 && !sameJSON(x.weighting, y.weighting):
			add(InputChange, "/tree", "How the sub-criteria of %q are weighed changed (%s).", id, describeSpecChange(x.weighting, y.weighting))
		}
	}
	// Stakeholders.
	shIndex := func(ss []Stakeholder, name string) int {
		return slices.IndexFunc(ss, func(s Stakeholder) bool { return s.Name == name })
	}
	for k, s := range a.Stakeholders {
		if shIndex(b.Stakeholders, s.Name) < 0 {
			add(InputChange, fmt.Sprintf("/stakeholders/%d", k), "Stakeholder %q was removed.", s.Name)
		}
	}
	for k, s := range b.Stakeholders {
		ka := shIndex(a.Stakeholders, s.Name)
		if ka < 0 {
			add(InputChange, fmt.Sprintf("/stakeholders/%d", k), "Stakeholder %q was added.", s.Name)
			continue
		}
		old := a.Stakeholders[ka]
		if old.Weight != s.Weight {
			add(InputChange, fmt.Sprintf("/stakeholders/%d/weight", k), "Stakeholder %q now weighs %g (was %g).", s.Name, s.Weight, old.Weight)
		}
		ids := map[string]bool{}
		for id := range old.Judgements {
			ids[id] = true
		}
		for id := range s.Judgements {
			ids[id] = true
		}
		sorted := make([]string, 0, len(ids))
		for id := range ids {
			sorted = append(sorted, id)
		}
		slices.Sort(sorted)
		for _, id := range sorted {
			x, okx := old.Judgements[id]
			y, oky := s.Judgements[id]
			ptr := fmt.Sprintf("/stakeholders/%d/judgements/%s", k, escape(id))
			switch {
			case !okx:
				add(InputChange, ptr, "Stakeholder %q gave judgements on %q.", s.Name, id)
			case !oky:
				add(InputChange, ptr, "Stakeholder %q withdrew the judgements on %q.", s.Name, id)
			case !sameJSON(&x, &y):
				add(InputChange, ptr, "Stakeholder %q changed the judgements on %q (%s).", s.Name, id, describeSpecChange(&x, &y))
			}
		}
	}
	if a.Aggregation != b.Aggregation && (len(a.Stakeholders) > 0 || len(b.Stakeholders) > 0) {
		add(InputChange, "/aggregation", "Stakeholders' weights are now combined by the %s mean (was %s).", b.Aggregation, a.Aggregation)
	}
	if a.Method.Name != b.Method.Name {
		add(InputChange, "/method/name", "The ranking method changed from %s to %s.", a.Method.Name, b.Method.Name)
	} else if changed := optionChanges(a.Method, b.Method); len(changed) > 0 {
		add(InputChange, "/method/options", "The options of %s changed: %s.", b.Method.Name, strings.Join(changed, "; "))
	}
	// Weights.
	for _, wb := range rb.Weights {
		i := slices.IndexFunc(ra.Weights, func(w CriterionWeight) bool { return w.Criterion == wb.Criterion })
		if i < 0 {
			continue
		}
		if wa := ra.Weights[i].Weight; math.Abs(wa-wb.Weight) >= weightEpsilon {
			verb := "rose"
			if wb.Weight < wa {
				verb = "fell"
			}
			add(WeightChange, "", "The weight of %s %s from %.3f to %.3f.", wb.Criterion, verb, wa, wb.Weight)
		}
	}
	// Ranking.
	if len(ra.Ranking) > 0 && len(rb.Ranking) > 0 {
		if wa, wb := ra.Ranking[0], rb.Ranking[0]; wa != wb {
			add(RankingChange, "", "The winner changed from %s to %s.", wa, wb)
		}
	}
	for _, alt := range rb.Alternatives {
		i := slices.IndexFunc(ra.Alternatives, func(x AlternativeResult) bool { return x.Name == alt.Name })
		if i >= 0 && ra.Alternatives[i].Rank != alt.Rank {
			add(RankingChange, "", "%s moved from %s to %s place.", alt.Name, ordinal(ra.Alternatives[i].Rank), ordinal(alt.Rank))
		}
	}
	return d, nil
}

func decideFresh(d *Document) (*Result, error) {
	c := *d
	c.InputHash = ""
	out, err := Decide(&c)
	if err != nil {
		return nil, err
	}
	return out.Result, nil
}

type treeNode struct {
	parent    string
	children  []string
	weighting *scoring.WeightSpec
}

type treeIdx struct {
	nodes map[string]treeNode
	order []string
}

func treeIndex(n scoring.Node, into *treeIdx) *treeIdx {
	if into == nil {
		into = &treeIdx{nodes: map[string]treeNode{}}
		into.nodes[n.ID] = treeNode{weighting: n.Weighting}
		into.order = append(into.order, n.ID)
	}
	tn := into.nodes[n.ID]
	for _, c := range n.Children {
		tn.children = append(tn.children, c.ID)
		if _, dup := into.nodes[c.ID]; dup {
			continue // duplicate IDs are rejected by Decide before
		}
		into.nodes[c.ID] = treeNode{parent: n.ID, weighting: c.Weighting}
		into.order = append(into.order, c.ID)
		treeIndex(c, into)
	}
	into.nodes[n.ID] = tn
	return into
}

// optionChanges compares the settings two specifications of the same
// method take effect with, its defaults filled in: absent options, {} and
// options that restate the defaults are the same settings. It returns one
// "name from x to y" per setting that differs, in name order.
func optionChanges(a, b MethodSpec) []string {
	fields := func(m MethodSpec) map[string]json.RawMessage {
		method, err := m.build()
		if err != nil {
			return nil
		}
		raw, err := json.Marshal(method)
		if err != nil {
			return nil
		}
		var f map[string]json.RawMessage
		if json.Unmarshal(raw, &f) != nil {
			return nil
		}
		return f
	}
	fa, fb := fields(a), fields(b)
	if fa == nil || fb == nil {
		// Not buildable (Diff has decided both, so this does not happen):
		// compare the options as written.
		if !sameJSON(a.Options, b.Options) {
			return []string{"they differ"}
		}
		return nil
	}
	// An option a method leaves out of its JSON while unset (SPOTIS's
	// bounds) is on one side only: compare the union of the keys.
	union := maps.Clone(fa)
	maps.Copy(union, fb)
	shown := func(v json.RawMessage) string {
		if v == nil {
			return "unset"
		}
		return string(v)
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(union)) {
		if !bytes.Equal(fa[k], fb[k]) {
			out = append(out, fmt.Sprintf("%s from %s to %s", k, shown(fa[k]), shown(fb[k])))
		}
	}
	return out
}

func sameJSON(x, y any) bool {
	bx, ex := json.Marshal(x)
	by, ey := json.Marshal(y)
	if ex != nil || ey != nil {
		return false
	}
	if rx, ok := x.(json.RawMessage); ok {
		ry, _ := y.(json.RawMessage)
		return canonicalJSON(rx) == canonicalJSON(ry)
	}
	return bytes.Equal(bx, by)
}

func canonicalJSON(r json.RawMessage) string {
	if len(bytes.TrimSpace(r)) == 0 {
		return ""
	}
	var v any
	if err := json.Unmarshal(r, &v); err != nil {
		return string(r)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func describeSpecChange(x, y *scoring.WeightSpec) string {
	mx, my := scoring.Equal, scoring.Equal
	if x != nil {
		mx = x.Method
	}
	if y != nil {
		my = y.Method
	}
	if mx != my {
		return fmt.Sprintf("method %s → %s", mx, my)
	}
	return "same method, different judgements"
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
