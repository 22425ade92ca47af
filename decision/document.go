// Package decision keeps a whole multi-criteria decision as one versioned
// JSON document, so that a consultant can reopen it months later, see who
// judged what, change a judgement and re-run it: the alternatives, the
// criteria tree with how each node's weights were derived, the
// performances, each stakeholder's raw judgements, the ranking method and
// its options, and the result.
//
// [Load] reads a document strictly: the JSON must validate against the
// published JSON Schema of its schema_version (embedded, see [Schema]),
// and unknown fields, duplicate keys, null numbers, case-folded keys and
// trailing data are errors. [Decide] re-evaluates a document and checks
// its content hash; [Diff] says in plain words what changed between two
// documents: inputs, weights and ranking.
//
// # Content hash
//
// input_hash is "sha256:" followed by the hexadecimal SHA-256 of the
// canonical encoding of the inputs: the fields alternatives, criteria,
// performances, tree, stakeholders, aggregation and method, in that order,
// as compact JSON with object members in a fixed order (map keys sorted),
// numbers in their shortest round-trip form and no HTML escaping.
// Whitespace, key order in the file and number spelling (3 or 3.0) do not
// change it; title, notes and the result are not inputs and are not
// hashed. The method's options are hashed as written: absent options, {}
// and options that restate the method's defaults hash differently, though
// [Diff] reports no change between them.
//
// # Versions
//
// schema_version 1 is the current version. A document of an older version
// is upgraded when loaded (testdata holds a golden file per version); a
// version this package does not know is a [*VersionError].
package decision

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/socialseat/socialseat/scoring"
)

// SchemaVersion is the version of the documents this package writes.
const SchemaVersion = 1

// Document is a decision: its inputs, how its weights were derived, and
// its result. It is plain data; [Load] decodes it strictly and [Decide]
// evaluates it.
type Document struct {
	// SchemaVersion is the document format's version, SchemaVersion when
	// written by this package.
	SchemaVersion int `json:"schema_version"`
	// Title and Notes are free text for people; they are not hashed.
	Title string `json:"title,omitempty"`
	// Notes is free text, for example the workshop's minutes.
	Notes string `json:"notes,omitempty"`
	// Alternatives names the options decided between (the matrix rows).
	Alternatives []string `json:"alternatives"`
	// Criteria are the matrix columns, each the ID of a leaf of Tree.
	Criteria []scoring.Criterion `json:"criteria"`
	// Performances[i][j] is alternative i's value on criterion j.
	Performances [][]float64 `json:"performances"`
	// Tree is the criteria tree. Each inner node's weighting says how its
	// children's local weights are derived when there are no stakeholders,
	// and for the nodes a stakeholder has not judged.
	Tree scoring.Node `json:"tree"`
	// Stakeholders hold each person's own judgements; their weights are
	// combined as Aggregation says. Empty means the tree's weightings are
	// the decision's.
	Stakeholders []Stakeholder `json:"stakeholders,omitempty"`
	// Aggregation combines the stakeholders' global weights.
	Aggregation Aggregation `json:"aggregation,omitempty"`
	// Method is the ranking method and its options.
	Method MethodSpec `json:"method"`
	// InputHash is the content hash of the inputs (see the package
	// documentation); empty in a document not yet decided.
	InputHash string `json:"input_hash,omitempty"`
	// Result is the outcome as last decided; nil if never decided.
	Result *Result `json:"result,omitempty"`
}

// Stakeholder is one person's judgements.
type Stakeholder struct {
	// Name identifies the stakeholder; names are unique.
	Name string `json:"name"`
	// Weight is the stakeholder's weight in the group, non-negative.
	Weight float64 `json:"weight"`
	// Judgements maps the ID of an inner node of the tree to how this
	// stakeholder weighs that node's children, with the raw judgements.
	Judgements map[string]scoring.WeightSpec `json:"judgements"`
}

// MethodSpec names the ranking method and its options.
type MethodSpec struct {
	// Name is the method's token ("wsm", "topsis", …; see
	// scoring.ParseMethod).
	Name string `json:"name"`
	// Options are the method's fields as JSON (for example
	// {"normalization": "vector"} for TOPSIS); absent means the method's
	// defaults.
	Options json.RawMessage `json:"options,omitempty"`
}

// Result is the outcome of [Decide].
type Result struct {
	// Method is the method's token.
	Method string `json:"method"`
	// Better is "higher" or "lower": which scores are better.
	Better scoring.Better `json:"better"`
	// Weights are the criteria's global weights.
	Weights []CriterionWeight `json:"weights"`
	// Nodes are the tree's nodes with their local and global weights
	// (for a group, those implied by the combined leaf weights).
	Nodes []NodeResult `json:"nodes"`
	// Stakeholders holds each stakeholder's own criterion weights.
	Stakeholders []StakeholderResult `json:"stakeholders,omitempty"`
	// Alternatives holds the scores and ranks, in document order.
	Alternatives []AlternativeResult `json:"alternatives"`
	// Ranking lists the alternatives from best to worst.
	Ranking []string `json:"ranking"`
	// Sensitivity says, for every node of the tree but the root, how far
	// its global weight (all its leaves together, in proportion) can move
	// before the winner changes.
	Sensitivity []NodeSensitivity `json:"sensitivity"`
}

// NodeSensitivity is how far one node's global weight can move, the rest
// of the tree keeping its proportions, before the winner changes (see
// scoring.Hierarchy.NodeSensitivity).
type NodeSensitivity struct {
	// Node is the node's ID and Weight its global weight.
	Node string `json:"node"`
	// Weight is the node's global weight as decided.
	Weight float64 `json:"weight"`
	// Changes is false when no weight of this node changes the winner.
	Changes bool `json:"changes"`
	// At is the node's weight at which the winner changes, Change = At −
	// Weight, and NewWinner the alternative that wins beyond it.
	At float64 `json:"at,omitempty"`
	// Change is At − Weight: negative when the weight must fall.
	Change float64 `json:"change,omitempty"`
	// NewWinner is the alternative that comes first beyond At.
	NewWinner string `json:"new_winner,omitempty"`
}

// CriterionWeight is one criterion's global weight.
type CriterionWeight struct {
	// Criterion is the criterion's ID (a leaf of the tree).
	Criterion string `json:"criterion"`
	// Weight is its global weight; the weights of a result sum to 1.
	Weight float64 `json:"weight"`
}

// NodeResult is one node of the tree with its weights.
type NodeResult struct {
	// ID is the node's ID in the tree.
	ID string `json:"id"`
	// Path lists the IDs from the root to this node.
	Path []string `json:"path"`
	// Local is the node's weight among its siblings (they sum to 1).
	Local float64 `json:"local"`
	// Global is the product of the local weights along Path.
	Global float64 `json:"global"`
	// CR is the consistency ratio of the node's judgements, when they are
	// pairwise and there are no stakeholders.
	CR *float64 `json:"cr,omitempty"`
}

// StakeholderResult is one stakeholder's weights and where their pairwise
// judgements are inconsistent.
type StakeholderResult struct {
	// Name is the stakeholder's name as in the document.
	Name string `json:"name"`
	// Weights are the stakeholder's own global criterion weights.
	Weights []CriterionWeight `json:"weights"`
	// CR maps the nodes the stakeholder judged pairwise to the
	// consistency ratio of those judgements.
	CR map[string]float64 `json:"cr,omitempty"`
}

// AlternativeResult is one alternative's score and rank (1 is best).
type AlternativeResult struct {
	// Name is the alternative's name.
	Name string `json:"name"`
	// Score is its score under the method; Result.Better says which way
	// is better.
	Score float64 `json:"score"`
	// Rank is its place, 1 for the best; tied scores share the smaller
	// rank (1, 2, 2, 4).
	Rank int `json:"rank"`
}

// Aggregation says how the stakeholders' global weights are combined. The
// zero value is Arithmetic.
type Aggregation int

const (
	// Arithmetic is the weighted arithmetic mean of the stakeholders'
	// global weights (aggregation of individual priorities).
	Arithmetic Aggregation = iota
	// Geometric is the weighted geometric mean, renormalised to sum to 1
	// (Forman & Peniwati 1998).
	Geometric
)

var aggregationTokens = []string{"arithmetic", "geometric"}

// String returns "arithmetic" or "geometric".
func (a Aggregation) String() string {
	if a < 0 || int(a) >= len(aggregationTokens) {
		return fmt.Sprintf("Aggregation(%d)", int(a))
	}
	return aggregationTokens[a]
}

// MarshalText returns the token of a; an invalid value is an error.
func (a Aggregation) MarshalText() ([]byte, error) {
	if a < 0 || int(a) >= len(aggregationTokens) {
		return nil, fmt.Errorf("decision: invalid aggregation %d", int(a))
	}
	return []byte(aggregationTokens[a]), nil
}

// UnmarshalText parses "arithmetic" or "geometric".
func (a *Aggregation) UnmarshalText(b []byte) error {
	i := slices.Index(aggregationTokens, string(b))
	if i < 0 {
		return fmt.Errorf("%w: aggregation %q (want arithmetic or geometric)", scoring.ErrUnknownName, b)
	}
	*a = Aggregation(i)
	return nil
}

// canonicalInputs fixes the order of the hashed fields.
type canonicalInputs struct {
	Alternatives []string            `json:"alternatives"`
	Criteria     []scoring.Criterion `json:"criteria"`
	Performances [][]float64         `json:"performances"`
	Tree         scoring.Node        `json:"tree"`
	Stakeholders []Stakeholder       `json:"stakeholders"`
	Aggregation  Aggregation         `json:"aggregation"`
	Method       canonicalMethod     `json:"method"`
}

type canonicalMethod struct {
	Name    string `json:"name"`
	Options any    `json:"options"`
}

// Hash returns the content hash of d's inputs, "sha256:<hex>" (see the
// package documentation). It fails only on inputs that do not encode, such
// as malformed method options.
func (d *Document) Hash() (string, error) {
	var opts any
	if len(bytes.TrimSpace(d.Method.Options)) > 0 {
		if err := json.Unmarshal(d.Method.Options, &opts); err != nil {
			return "", &PathError{Pointer: "/method/options", Err: fmt.Errorf("%w: %v", ErrSchema, err)}
		}
	}
	// An absent list and an empty one mean the same and hash the same.
	var sh []Stakeholder
	for _, s := range d.Stakeholders {
		if s.Judgements == nil {
			s.Judgements = map[string]scoring.WeightSpec{}
		}
		sh = append(sh, s)
	}
	in := canonicalInputs{
		Alternatives: d.Alternatives, Criteria: d.Criteria, Performances: d.Performances,
		Tree: d.Tree, Stakeholders: sh, Aggregation: d.Aggregation,
		Method: canonicalMethod{Name: d.Method.Name, Options: opts},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(in); err != nil {
		return "", &PathError{Pointer: "", Err: fmt.Errorf("%w: %v", ErrSchema, err)}
	}
	sum := sha256.Sum256(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// Marshal returns d as indented JSON, the form [Load] reads.
func (d *Document) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// New builds a one-level decision from plain values: the alternatives, the
// criteria, their weights (non-negative; they are normalised) and the
// performance matrix, ranked by method with its default options. It is how
// other packages (such as a placement recommendation) export a decision a
// consultant can reopen and rework with their own judgements.
func New(title string, alternatives []string, criteria []scoring.Criterion, weights []float64, performances [][]float64, method string) (*Document, error) {
	if len(weights) != len(criteria) {
		return nil, &PathError{Pointer: "/tree/weighting/weights", Err: fmt.Errorf("%w: %d weights for %d criteria", scoring.ErrLength, len(weights), len(criteria))}
	}
	w, err := scoring.NormalizeWeights(weights, len(criteria))
	if err != nil {
		return nil, &PathError{Pointer: "/tree/weighting/weights", Err: err}
	}
	root := scoring.Node{ID: "goal", Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: w}}
	for _, c := range criteria {
		root.Children = append(root.Children, scoring.Node{ID: c.Name})
	}
	d := &Document{
		SchemaVersion: SchemaVersion, Title: title,
		Alternatives: slices.Clone(alternatives), Criteria: slices.Clone(criteria),
		Tree: root, Method: MethodSpec{Name: method},
	}
	for _, r := range performances {
		d.Performances = append(d.Performances, slices.Clone(r))
	}
	return Decide(d)
}
