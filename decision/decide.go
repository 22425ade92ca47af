package decision

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
)

// Decide evaluates d and returns a copy with Result and InputHash set; d
// is not modified, and the copy shares no slice, map or pointer with it.
// If d carries an input_hash, it must match d's inputs: otherwise the
// error is a [*HashError] (the inputs were edited after the decision;
// clear input_hash to accept the edit).
//
// Other errors are [*VersionError] for a schema_version other than
// [SchemaVersion] (use [Load] to upgrade older files) and [*PathError]
// whose Pointer locates the input: an error of package scoring (bad
// matrix cell, bad judgements, a criteria tree error such as a leaf
// without a column, a column without a leaf, duplicate node IDs or local
// weights that do not sum to one), [ErrUnknownNode] for a stakeholder's
// judgement on a node that is not an inner node of the tree,
// [ErrInvalidUTF8] for a string that is not valid UTF-8 (JSON cannot carry
// it), scoring.ErrNotFinite for a number that is NaN or infinite, or
// [ErrSchema] for bad method options or another value the document's
// schema does not allow (what Decide returns, [Load] reads back).
func Decide(d *Document) (*Document, error) {
	if d.SchemaVersion != SchemaVersion {
		return nil, &VersionError{Version: d.SchemaVersion}
	}
	if err := walkInputs(d, validText); err != nil {
		return nil, err
	}
	// The problem is built first, so that a bad cell is the scoring
	// package's error at its place, not a failure to hash it.
	p, err := scoring.NewProblem(d.Alternatives, d.Criteria, d.Performances)
	if err != nil {
		return nil, &PathError{Pointer: problemPointer(err), Err: err}
	}
	if err := walkInputs(d, finite); err != nil {
		return nil, err
	}
	hash, err := d.Hash()
	if err != nil {
		return nil, err
	}
	if d.InputHash != "" && d.InputHash != hash {
		return nil, &HashError{Stored: d.InputHash, Computed: hash}
	}
	res, err := evaluate(d, p)
	if err != nil {
		return nil, err
	}
	// The copy shares nothing with d: the caller may edit either.
	out := clone(d)
	out.InputHash = hash
	out.Result = res
	// What Decide accepts, Load must read back: the package scoring
	// accepts some values the schema does not (a negative AHP tolerance
	// meaning the default, for example).
	if err := validateSchema(out); err != nil {
		return nil, err
	}
	return out, nil
}

func evaluate(d *Document, p *scoring.Problem) (*Result, error) {
	names := p.CriterionNames()
	method, err := d.Method.build()
	if err != nil {
		return nil, err
	}
	res := &Result{}
	var w []float64
	var base *scoring.Hierarchy
	if len(d.Stakeholders) == 0 {
		h, err := scoring.NewHierarchy(d.Tree)
		if err != nil {
			return nil, &PathError{Pointer: "/tree", Err: err}
		}
		if w, err = h.Weights(names); err != nil {
			return nil, &PathError{Pointer: "/tree", Err: err}
		}
		base = h
	} else {
		// The structure alone, to validate the tree and name the nodes.
		h, err := scoring.NewHierarchy(stripWeightings(d.Tree))
		if err != nil {
			return nil, &PathError{Pointer: "/tree", Err: err}
		}
		if _, err := h.Weights(names); err != nil {
			return nil, &PathError{Pointer: "/tree", Err: err}
		}
		if w, err = d.groupWeights(h, names, res); err != nil {
			return nil, err
		}
		base = h
	}
	res.Weights = criterionWeights(names, w)
	res.Nodes = nodeResults(base, names, w, len(d.Stakeholders) == 0)
	r, err := method.Rank(p, w)
	if err != nil {
		return nil, &PathError{Pointer: "/method", Err: err}
	}
	res.Method, res.Better = r.Method, r.Better
	for i, a := range d.Alternatives {
		res.Alternatives = append(res.Alternatives, AlternativeResult{Name: a, Score: r.Scores[i], Rank: r.Ranks[i]})
	}
	for _, i := range r.Order() {
		res.Ranking = append(res.Ranking, d.Alternatives[i])
	}
	sens, err := base.NodeSensitivityAt(context.Background(), method, p, w, 0)
	if err != nil {
		return nil, &PathError{Pointer: "/method", Err: err}
	}
	res.Sensitivity = []NodeSensitivity{}
	for _, sw := range sens.Sweeps {
		ns := NodeSensitivity{Node: sw.Node, Weight: sw.Weight, Changes: sw.Top.Found}
		if sw.Top.Found {
			ns.At, ns.Change, ns.NewWinner = sw.Top.Weight, sw.Top.Change, d.Alternatives[sw.Top.To]
		}
		res.Sensitivity = append(res.Sensitivity, ns)
	}
	return res, nil
}

// optionNames returns the JSON names of the exported fields of a method's
// struct type t (or of the struct t points to).
func optionNames(t reflect.Type) map[string]bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	names := map[string]bool{}
	if t.Kind() != reflect.Struct {
		return names
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			if name := jsonName(f); name != "" {
				names[name] = true
			}
		}
	}
	return names
}

// build returns the method with its options applied.
func (m MethodSpec) build() (scoring.Method, error) {
	method, err := scoring.ParseMethod(m.Name)
	if err != nil {
		return nil, &PathError{Pointer: "/method/name", Err: err}
	}
	if len(bytes.TrimSpace(m.Options)) == 0 {
		return method, nil
	}
	// The options override the method's defaults field by field (VIKOR's
	// v = 0.5 stays unless given), under the method's exact field names.
	own, err := json.Marshal(method)
	if err != nil {
		return nil, &PathError{Pointer: "/method/options", Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(own, &fields); err != nil {
		return nil, &PathError{Pointer: "/method/options", Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	// The method's options are its JSON fields: those its zero value
	// writes and those it leaves out while unset (omitempty, such as
	// SPOTIS's bounds).
	known := optionNames(reflect.TypeOf(method))
	for k := range fields {
		known[k] = true
	}
	var given map[string]json.RawMessage
	if err := strictdec.DecodeJSON(m.Options, &given); err != nil {
		return nil, &PathError{Pointer: "/method/options", Err: fmt.Errorf("%w: %w", ErrSchema, err)}
	}
	keys := make([]string, 0, len(given))
	for k := range given {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !known[k] {
			return nil, &PathError{Pointer: "/method/options/" + escape(k), Err: fmt.Errorf("%w: %s has no option %q", ErrSchema, m.Name, k)}
		}
		fields[k] = given[k]
	}
	merged, err := json.Marshal(fields)
	if err != nil {
		return nil, &PathError{Pointer: "/method/options", Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	ptr := reflect.New(reflect.TypeOf(method))
	if err := strictdec.DecodeJSON(merged, ptr.Interface()); err != nil {
		return nil, &PathError{Pointer: "/method/options", Err: fmt.Errorf("%w: %w", ErrSchema, err)}
	}
	return ptr.Elem().Interface().(scoring.Method), nil
}

// groupWeights derives every stakeholder's weights and combines them.
func (d *Document) groupWeights(h *scoring.Hierarchy, names []string, res *Result) ([]float64, error) {
	inner := map[string]bool{}
	for _, n := range h.Nodes() {
		if len(n.Children) > 0 {
			inner[n.ID] = true
		}
	}
	sw := make([]float64, len(d.Stakeholders))
	all := make([][]float64, len(d.Stakeholders))
	seen := map[string]bool{}
	for k, s := range d.Stakeholders {
		at := fmt.Sprintf("/stakeholders/%d", k)
		if seen[s.Name] {
			return nil, &PathError{Pointer: at + "/name", Err: fmt.Errorf("%w: stakeholder %q appears twice", scoring.ErrDuplicateName, s.Name)}
		}
		seen[s.Name] = true
		if math.IsNaN(s.Weight) || math.IsInf(s.Weight, 0) || s.Weight < 0 {
			return nil, &PathError{Pointer: at + "/weight", Err: fmt.Errorf("%w: %g", scoring.ErrWeights, s.Weight)}
		}
		sw[k] = s.Weight
		ids := make([]string, 0, len(s.Judgements))
		for id := range s.Judgements {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if !inner[id] {
				return nil, &PathError{Pointer: at + "/judgements/" + escape(id),
					Err: fmt.Errorf("%w: %q is not a node with sub-criteria", ErrUnknownNode, id)}
			}
		}
		tree := withJudgements(d.Tree, s.Judgements)
		sh, err := scoring.NewHierarchy(tree)
		if err != nil {
			ptr := at + "/judgements"
			var he *scoring.HierarchyError
			if errors.As(err, &he) && len(he.Path) > 0 {
				ptr += "/" + escape(he.Path[len(he.Path)-1])
			}
			return nil, &PathError{Pointer: ptr, Err: err}
		}
		w, err := sh.Weights(names)
		if err != nil {
			return nil, &PathError{Pointer: "/tree", Err: err}
		}
		all[k] = w
		sr := StakeholderResult{Name: s.Name, Weights: criterionWeights(names, w)}
		for _, n := range sh.Nodes() {
			if n.Derivation != nil && n.Derivation.CR != nil {
				if sr.CR == nil {
					sr.CR = map[string]float64{}
				}
				sr.CR[n.ID] = *n.Derivation.CR
			}
		}
		res.Stakeholders = append(res.Stakeholders, sr)
	}
	lambda, err := scoring.NormalizeWeights(sw, len(sw))
	if err != nil {
		return nil, &PathError{Pointer: "/stakeholders", Err: err}
	}
	w := make([]float64, len(names))
	switch d.Aggregation {
	case Geometric:
		var total float64
		for j := range w {
			var lg float64
			for k, v := range all {
				if lambda[k] == 0 {
					continue
				}
				if v[j] == 0 {
					lg = math.Inf(-1)
					break
				}
				lg += lambda[k] * math.Log(v[j])
			}
			w[j] = math.Exp(lg)
			total += w[j]
		}
		if total == 0 {
			return nil, &PathError{Pointer: "/aggregation", Err: fmt.Errorf("%w: the geometric mean is zero for every criterion", scoring.ErrWeights)}
		}
		for j := range w {
			w[j] /= total
		}
	default:
		for k, v := range all {
			for j := range w {
				w[j] += lambda[k] * v[j]
			}
		}
	}
	return w, nil
}

// withJudgements returns a copy of the tree whose nodes take a
// stakeholder's weightings where given.
func withJudgements(n scoring.Node, j map[string]scoring.WeightSpec) scoring.Node {
	if s, ok := j[n.ID]; ok {
		n.Weighting = &s
	}
	if len(n.Children) > 0 {
		kids := make([]scoring.Node, len(n.Children))
		for i, c := range n.Children {
			kids[i] = withJudgements(c, j)
		}
		n.Children = kids
	}
	return n
}

// stripWeightings returns the tree's structure with equal weights.
func stripWeightings(n scoring.Node) scoring.Node {
	n.Weighting = nil
	if len(n.Children) > 0 {
		kids := make([]scoring.Node, len(n.Children))
		for i, c := range n.Children {
			kids[i] = stripWeightings(c)
		}
		n.Children = kids
	}
	return n
}

func criterionWeights(names []string, w []float64) []CriterionWeight {
	out := make([]CriterionWeight, len(names))
	for j, n := range names {
		out[j] = CriterionWeight{Criterion: n, Weight: w[j]}
	}
	return out
}

// nodeResults gives every node the global weight of its leaves under w and
// the local weight relative to its parent.
func nodeResults(h *scoring.Hierarchy, names []string, w []float64, withCR bool) []NodeResult {
	nodes := h.Nodes()
	col := map[string]int{}
	for j, n := range names {
		col[n] = j
	}
	global := make([]float64, len(nodes))
	var sumUnder func(i int) float64
	sumUnder = func(i int) float64 {
		if len(nodes[i].Children) == 0 {
			return w[col[nodes[i].ID]]
		}
		var s float64
		for _, c := range nodes[i].Children {
			s += sumUnder(c)
		}
		return s
	}
	out := make([]NodeResult, len(nodes))
	for i, n := range nodes {
		global[i] = sumUnder(i)
		local := 1.0
		if n.Parent >= 0 {
			local = 0
			if g := global[n.Parent]; g > 0 {
				local = global[i] / g
			}
		}
		out[i] = NodeResult{ID: n.ID, Path: n.Path, Local: local, Global: global[i]}
		if withCR && n.Derivation != nil && n.Derivation.CR != nil {
			cr := *n.Derivation.CR
			out[i].CR = &cr
		}
	}
	return out
}

// problemPointer locates an error of scoring.NewProblem in the document.
func problemPointer(err error) string {
	var ie *scoring.InputError
	if !errors.As(err, &ie) {
		return ""
	}
	switch ie.Path {
	case "matrix":
		switch {
		case ie.Row >= 0 && ie.Col >= 0:
			return fmt.Sprintf("/performances/%d/%d", ie.Row, ie.Col)
		case ie.Row >= 0:
			return fmt.Sprintf("/performances/%d", ie.Row)
		}
		return "/performances"
	case "alternatives":
		if ie.Row >= 0 {
			return fmt.Sprintf("/alternatives/%d", ie.Row)
		}
		return "/alternatives"
	case "criteria":
		if ie.Col >= 0 {
			return fmt.Sprintf("/criteria/%d", ie.Col)
		}
		return "/criteria"
	}
	return ""
}

// escape escapes a JSON Pointer token (RFC 6901).
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
