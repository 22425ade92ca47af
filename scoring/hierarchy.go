package scoring

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Errors of a criteria tree ([Hierarchy]), in addition to the package's
// other sentinels (ErrDuplicateName, ErrUnknownName, ErrWeights, ErrLength,
// ErrEmpty), which a [*HierarchyError] may also wrap.
var (
	// ErrCycle reports a criteria tree that contains itself: a node's
	// Children slice shared with one of its ancestors.
	ErrCycle = errors.New("scoring: cycle in the criteria tree")
	// ErrUncovered reports a criterion of the decision matrix that no leaf
	// of the criteria tree names.
	ErrUncovered = errors.New("scoring: criterion without a leaf in the criteria tree")
)

// LocalWeightTolerance is the largest accepted |Σ w − 1| of the local
// weights given directly at a node (LocalMethod Direct). Weights within
// it are rescaled to sum to exactly 1; give unnormalised numbers with
// [Points] instead.
const LocalWeightTolerance = 1e-3

// maxTreeDepth bounds the depth of a criteria tree.
const maxTreeDepth = 64

// HierarchyError is bad input in a criteria tree. Path names the node from
// the root, by ID ("Goal", "Cost", "Price"); Err is one of the package's
// sentinel errors.
type HierarchyError struct {
	// Path lists the IDs from the root to the node concerned; for a
	// criterion of the matrix without a leaf it is that criterion's name
	// alone.
	Path []string
	// Field names the part of the node: "id", "children", "weighting", or
	// "criteria" for the decision matrix's criteria.
	Field string
	// Detail adds a short explanation.
	Detail string
	// Err is the sentinel error.
	Err error
}

// Error returns a message of the form
//
//	scoring: criteria tree at Goal > Cost (weighting): invalid weights (sum 0.9, want 1 ± 0.001)
func (e *HierarchyError) Error() string {
	var b strings.Builder
	b.WriteString("scoring: criteria tree at ")
	if len(e.Path) == 0 {
		b.WriteString("the root")
	} else {
		b.WriteString(strings.Join(e.Path, " > "))
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " (%s)", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "scoring: "))
	if e.Detail != "" {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	}
	return b.String()
}

// Unwrap returns the sentinel error, or the underlying error of a
// weighting method (an [*InputError]) when there is one.
func (e *HierarchyError) Unwrap() error { return e.Err }

// LocalMethod names how the local weights of a node's children are
// derived. The zero value, Equal, gives every child the same weight.
type LocalMethod int

const (
	// Equal gives each of the n children weight 1/n.
	Equal LocalMethod = iota
	// Direct takes WeightSpec.Weights as given; they must be non-negative
	// and sum to 1 within [LocalWeightTolerance].
	Direct
	// Points divides WeightSpec.Points by their sum ([DirectPoints]).
	Points
	// SwingWeights uses WeightSpec.Points as swing points ([Swing]).
	SwingWeights
	// RankOrderCentroid derives weights from WeightSpec.Ranks ([ROC]).
	RankOrderCentroid
	// RankSumWeights derives weights from WeightSpec.Ranks ([RankSum]).
	RankSumWeights
	// RankReciprocalWeights derives weights from WeightSpec.Ranks
	// ([RankReciprocal]).
	RankReciprocalWeights
	// PairwiseAHP derives weights from WeightSpec.Pairwise with
	// WeightSpec.AHP ([AHP]).
	PairwiseAHP
	// GroupAHP aggregates WeightSpec.Stakeholders' matrices with
	// WeightSpec.Group ([Group]).
	GroupAHP
	// BestWorst derives weights from the best-to-others and
	// others-to-worst vectors with WeightSpec.BWM ([BWM]).
	BestWorst
)

var localMethodTokens = []string{"equal", "direct", "points", "swing", "roc", "rank_sum", "rank_reciprocal", "ahp", "group_ahp", "bwm"}

// String returns the method's token: "equal", "direct", "points", "swing",
// "roc", "rank_sum", "rank_reciprocal", "ahp", "group_ahp" or "bwm".
func (m LocalMethod) String() string { return tokenString("LocalMethod", localMethodTokens, int(m)) }

// MarshalText returns the token of m; an invalid value is an error.
func (m LocalMethod) MarshalText() ([]byte, error) {
	return marshalToken("local weighting method", localMethodTokens, int(m))
}

// UnmarshalText parses a token of [LocalMethod.String].
func (m *LocalMethod) UnmarshalText(b []byte) error {
	v, err := ParseLocalMethod(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseLocalMethod parses a token of [LocalMethod.String]. Any other token
// is an error wrapping [ErrUnknownName].
func ParseLocalMethod(s string) (LocalMethod, error) {
	i, err := parseToken("local weighting method", localMethodTokens, s)
	return LocalMethod(i), err
}

// WeightSpec says how the local weights of a node's children are derived,
// and holds the raw judgements: only the fields of its Method are used.
// It is plain data, so a saved decision keeps who judged what.
type WeightSpec struct {
	// Method selects the weighting; the zero value is Equal.
	Method LocalMethod `json:"method"`
	// Weights are the local weights for Direct.
	Weights []float64 `json:"weights,omitempty"`
	// Points are the points for Points and SwingWeights.
	Points []float64 `json:"points,omitempty"`
	// Ranks rank the children (1 = most important) for the rank methods.
	Ranks []int `json:"ranks,omitempty"`
	// Pairwise is the pairwise comparison matrix for PairwiseAHP.
	Pairwise [][]Judgement `json:"pairwise,omitempty"`
	// AHP holds the AHP settings for PairwiseAHP.
	AHP AHP `json:"ahp,omitzero"`
	// Stakeholders holds one pairwise matrix per stakeholder for
	// GroupAHP, all of the same size.
	Stakeholders [][][]Judgement `json:"stakeholders,omitempty"`
	// StakeholderWeights gives each stakeholder of Stakeholders a
	// non-negative weight, not all zero, for GroupAHP; they are
	// normalised, and nil means equal weights.
	StakeholderWeights []float64 `json:"stakeholder_weights,omitempty"`
	// Group holds the group settings for GroupAHP.
	Group Group `json:"group,omitzero"`
	// Best is the 0-based index of the best (most important) child, for
	// BestWorst.
	Best int `json:"best,omitempty"`
	// Worst is the 0-based index of the worst (least important) child,
	// for BestWorst.
	Worst int `json:"worst,omitempty"`
	// BestToOthers[j] is how much more important the best child is than
	// child j, in [1, 9] (1 for the best itself), for BestWorst.
	BestToOthers []float64 `json:"best_to_others,omitempty"`
	// OthersToWorst[j] is how much more important child j is than the
	// worst child, in [1, 9] (1 for the worst itself), for BestWorst.
	OthersToWorst []float64 `json:"others_to_worst,omitempty"`
	// BWM holds the BWM settings for BestWorst.
	BWM BWM `json:"bwm,omitzero"`
}

// Derivation is the outcome of [WeightSpec.Derive]: the local weights and,
// for the pairwise methods, how consistent the judgements were.
type Derivation struct {
	// Method is the method used.
	Method LocalMethod `json:"method"`
	// Weights are the local weights, non-negative and summing to 1.
	Weights []float64 `json:"weights"`
	// CR is the consistency ratio of AHP (the aggregate's for GroupAHP
	// with AIJ, otherwise the largest individual one) or of BWM; nil for
	// the other methods.
	CR *float64 `json:"cr,omitempty"`
	// Notes records the method's advisories.
	Notes []Note `json:"notes,omitempty"`
}

// Derive computes the local weights of n children. The error is the
// weighting method's own (an [*InputError]), or an [*InputError] wrapping
// [ErrLength] when the judgements do not cover n children, or
// [ErrWeights] for Direct weights that are negative, not finite or do not
// sum to 1 within [LocalWeightTolerance].
func (s WeightSpec) Derive(n int) (*Derivation, error) {
	if n < 1 {
		return nil, inputErr("children", -1, -1, "", ErrEmpty, "no children to weigh")
	}
	length := func(field string, got int) error {
		if got != n {
			return inputErr(field, -1, -1, "", ErrLength, fmt.Sprintf("%d values for %d children", got, n))
		}
		return nil
	}
	d := &Derivation{Method: s.Method}
	switch s.Method {
	case Equal:
		d.Weights = EqualWeights(n)
	case Direct:
		if err := length("weights", len(s.Weights)); err != nil {
			return nil, err
		}
		var sum float64
		for j, w := range s.Weights {
			if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
				return nil, inputErr("weights", -1, j, "", ErrWeights, fmt.Sprintf("%g", w))
			}
			sum += w
		}
		if math.Abs(sum-1) > LocalWeightTolerance {
			return nil, inputErr("weights", -1, -1, "", ErrWeights,
				fmt.Sprintf("sum %g, want 1 ± %g", sum, LocalWeightTolerance))
		}
		d.Weights = make([]float64, n)
		for j, w := range s.Weights {
			d.Weights[j] = w / sum
		}
	case Points, SwingWeights:
		if err := length("points", len(s.Points)); err != nil {
			return nil, err
		}
		f := DirectPoints
		if s.Method == SwingWeights {
			f = Swing
		}
		w, err := f(s.Points)
		if err != nil {
			return nil, err
		}
		d.Weights, d.Notes = w.Weights, w.Notes
	case RankOrderCentroid, RankSumWeights, RankReciprocalWeights:
		if err := length("ranks", len(s.Ranks)); err != nil {
			return nil, err
		}
		rw := map[LocalMethod]RankWeighting{RankOrderCentroid: ROC, RankSumWeights: RankSum, RankReciprocalWeights: RankReciprocal}[s.Method]
		w, err := rw.Weigh(s.Ranks)
		if err != nil {
			return nil, err
		}
		d.Weights, d.Notes = w.Weights, w.Notes
	case PairwiseAHP:
		if err := length("pairwise", len(s.Pairwise)); err != nil {
			return nil, err
		}
		r, err := s.AHP.Weigh(s.Pairwise)
		if err != nil {
			return nil, err
		}
		cr := r.CR
		d.Weights, d.CR, d.Notes = r.Weights, &cr, r.Notes
	case GroupAHP:
		if len(s.Stakeholders) == 0 {
			return nil, inputErr("stakeholders", -1, -1, "", ErrEmpty, "no stakeholder matrices")
		}
		if err := length("stakeholders", len(s.Stakeholders[0])); err != nil {
			return nil, err
		}
		r, err := s.Group.Weigh(s.Stakeholders, s.StakeholderWeights)
		if err != nil {
			return nil, err
		}
		var cr float64
		if r.Aggregate != nil {
			cr = r.Aggregate.CR
		} else {
			for _, ind := range r.Individual {
				cr = math.Max(cr, ind.CR)
			}
		}
		d.Weights, d.CR = r.Weights, &cr
	case BestWorst:
		if err := length("best_to_others", len(s.BestToOthers)); err != nil {
			return nil, err
		}
		r, err := s.BWM.Weigh(s.Best, s.Worst, s.BestToOthers, s.OthersToWorst)
		if err != nil {
			return nil, err
		}
		cr := r.CR
		d.Weights, d.CR, d.Notes = r.Weights, &cr, r.Notes
	default:
		return nil, inputErr("method", -1, -1, "", ErrUnknownName, s.Method.String())
	}
	return d, nil
}

// Node is one criterion of a criteria tree (value tree). A node with no
// children is a leaf and stands for the column of the decision matrix
// whose criterion name equals its ID; an inner node groups its children,
// whose local weights Weighting derives (nil: equal weights).
type Node struct {
	// ID names the node; IDs are unique in the tree, and a leaf's ID is a
	// criterion name.
	ID string `json:"id"`
	// Label is an optional display name.
	Label string `json:"label,omitempty"`
	// Weighting derives the children's local weights, in the order of
	// Children; nil means Equal. It is ignored on a leaf.
	Weighting *WeightSpec `json:"weighting,omitempty"`
	// Children are the sub-criteria.
	Children []Node `json:"children,omitempty"`
}

// NodeWeight is one node of a [Hierarchy] with its weights.
type NodeWeight struct {
	// ID is the node's ID.
	ID string `json:"id"`
	// Path lists the IDs from the root to the node, both included.
	Path []string `json:"path"`
	// Parent is the index of the parent in [Hierarchy.Nodes], −1 for the
	// root.
	Parent int `json:"parent"`
	// Children are the indices of the children in [Hierarchy.Nodes];
	// empty for a leaf.
	Children []int `json:"children,omitempty"`
	// Local is the weight among its siblings (1 for the root).
	Local float64 `json:"local"`
	// Global is the product of the local weights along Path (1 for the
	// root); the leaves' global weights sum to 1.
	Global float64 `json:"global"`
	// Derivation is how the children's local weights were derived; nil
	// for a leaf.
	Derivation *Derivation `json:"derivation,omitempty"`
}

// Hierarchy is a validated criteria tree with its local and global
// weights. Global weights are the products of the local weights along the
// path from the root (Saaty 1980, hierarchic composition), so the leaves'
// global weights sum to 1 and are the criterion weights every [Method],
// [SMAA] and [Sensitivity] take; [Hierarchy.NodeSensitivity] moves a whole
// subtree's weight. A Hierarchy is immutable and safe for concurrent use.
type Hierarchy struct {
	nodes  []NodeWeight
	leaves []int // indices of the leaves, in tree order
}

// NewHierarchy validates the tree rooted at root, derives every node's
// local weights and composes the global weights. The tree is copied.
//
// The error is a [*HierarchyError] whose Path names the node, wrapping
// [ErrEmpty] (an empty ID), [ErrDuplicateName] (two nodes with the same
// ID), [ErrCycle] (a node that contains itself, or a tree deeper than 64)
// or the error of the node's weighting (an [*InputError] wrapping, for
// example, [ErrWeights] for direct local weights whose sum is not 1 within
// [LocalWeightTolerance], or [ErrLength] for judgements on the wrong number
// of children).
func NewHierarchy(root Node) (*Hierarchy, error) {
	h := &Hierarchy{}
	seen := map[string][]string{}
	var walk func(n *Node, path []string, parent int, local, global float64, anc []*Node) error
	walk = func(n *Node, path []string, parent int, local, global float64, anc []*Node) error {
		path = append(slices.Clip(path), n.ID)
		if n.ID == "" {
			return &HierarchyError{Path: path, Field: "id", Err: ErrEmpty, Detail: "a node has no id"}
		}
		if len(anc) >= maxTreeDepth {
			return &HierarchyError{Path: path, Field: "children", Err: ErrCycle,
				Detail: fmt.Sprintf("deeper than %d levels", maxTreeDepth)}
		}
		if len(n.Children) > 0 {
			for _, a := range anc {
				if &a.Children[0] == &n.Children[0] {
					return &HierarchyError{Path: path, Field: "children", Err: ErrCycle,
						Detail: "the node contains its ancestor " + a.ID}
				}
			}
		}
		if prev, dup := seen[n.ID]; dup {
			return &HierarchyError{Path: path, Field: "id", Err: ErrDuplicateName,
				Detail: "also at " + strings.Join(prev, " > ")}
		}
		seen[n.ID] = path
		idx := len(h.nodes)
		h.nodes = append(h.nodes, NodeWeight{ID: n.ID, Path: path, Parent: parent, Local: local, Global: global})
		if parent >= 0 {
			h.nodes[parent].Children = append(h.nodes[parent].Children, idx)
		}
		if len(n.Children) == 0 {
			h.leaves = append(h.leaves, idx)
			return nil
		}
		spec := WeightSpec{}
		if n.Weighting != nil {
			spec = *n.Weighting
		}
		d, err := spec.Derive(len(n.Children))
		if err != nil {
			return &HierarchyError{Path: path, Field: "weighting", Err: err}
		}
		h.nodes[idx].Derivation = d
		anc = append(slices.Clip(anc), n)
		for k := range n.Children {
			if err := walk(&n.Children[k], path, idx, d.Weights[k], global*d.Weights[k], anc); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(&root, nil, -1, 1, 1, nil); err != nil {
		return nil, err
	}
	return h, nil
}

// Nodes returns every node with its weights, in depth-first order (the
// root first).
func (h *Hierarchy) Nodes() []NodeWeight {
	out := make([]NodeWeight, len(h.nodes))
	for i, n := range h.nodes {
		out[i] = n.clone()
	}
	return out
}

// Node returns the node with the given ID.
func (h *Hierarchy) Node(id string) (NodeWeight, bool) {
	for _, n := range h.nodes {
		if n.ID == id {
			return n.clone(), true
		}
	}
	return NodeWeight{}, false
}

// clone returns a deep copy of n.
func (n NodeWeight) clone() NodeWeight {
	n.Path = slices.Clone(n.Path)
	n.Children = slices.Clone(n.Children)
	if n.Derivation != nil {
		d := *n.Derivation
		d.Weights = slices.Clone(d.Weights)
		d.Notes = slices.Clone(d.Notes)
		if d.CR != nil {
			cr := *d.CR
			d.CR = &cr
		}
		n.Derivation = &d
	}
	return n
}

// Leaves returns the leaves' IDs (the criterion names) in tree order.
func (h *Hierarchy) Leaves() []string {
	out := make([]string, len(h.leaves))
	for k, i := range h.leaves {
		out[k] = h.nodes[i].ID
	}
	return out
}

// Weights returns the leaves' global weights in the order of criteria (the
// decision matrix's columns). Every leaf must name a criterion and every
// criterion must have a leaf: otherwise the error is a [*HierarchyError]
// wrapping [ErrUnknownName] (Path names the leaf) or [ErrUncovered] (Path
// is the criterion's name, Field "criteria").
func (h *Hierarchy) Weights(criteria []string) ([]float64, error) {
	col := make(map[string]int, len(criteria))
	for j, c := range criteria {
		col[c] = j
	}
	w := make([]float64, len(criteria))
	covered := make([]bool, len(criteria))
	for _, i := range h.leaves {
		n := h.nodes[i]
		j, ok := col[n.ID]
		if !ok {
			return nil, &HierarchyError{Path: slices.Clone(n.Path), Field: "id", Err: ErrUnknownName,
				Detail: "the leaf names no criterion of the decision matrix"}
		}
		w[j], covered[j] = n.Global, true
	}
	for j, ok := range covered {
		if !ok {
			return nil, &HierarchyError{Path: []string{criteria[j]}, Field: "criteria", Err: ErrUncovered}
		}
	}
	return w, nil
}

// ProblemWeights returns the global weights in the order of p's criteria;
// see [Hierarchy.Weights].
func (h *Hierarchy) ProblemWeights(p *Problem) ([]float64, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	return h.Weights(p.CriterionNames())
}

// Rank ranks p's alternatives with m (nil: WeightedSum{}) under the global
// weights.
func (h *Hierarchy) Rank(m Method, p *Problem) (*Result, error) {
	w, err := h.ProblemWeights(p)
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = WeightedSum{}
	}
	return m.Rank(p, w)
}

// WeightSpace returns an SMAA weight distribution centred on the global
// weights with Dirichlet concentration kappa (see [WeightSpace]).
func (h *Hierarchy) WeightSpace(p *Problem, kappa float64) (WeightSpace, error) {
	w, err := h.ProblemWeights(p)
	if err != nil {
		return WeightSpace{}, err
	}
	return WeightSpace{Center: w, Concentration: kappa}, nil
}

// LocalWinner returns a function that, given new local weights for the
// children of the node id (in the order of its children, summing to 1),
// ranks p with m (nil: WeightedSum{}) and returns the top alternative's
// index. The other local weights stay as they are: a leaf under child k
// gets G·v_k·s_l, where G is the node's global weight, v the new local
// weights and s_l the product of the local weights from child k down to
// the leaf. Pass it to [Elicitation.StepFunc] to elicit a node's
// judgements with the winner check. The error is a [*HierarchyError]
// wrapping [ErrUnknownName] for an id that is not an inner node, or an
// error of [Hierarchy.Weights].
func (h *Hierarchy) LocalWinner(id string, m Method, p *Problem) (func(local []float64) (int, error), error) {
	node := slices.IndexFunc(h.nodes, func(n NodeWeight) bool { return n.ID == id })
	if node < 0 || len(h.nodes[node].Children) == 0 {
		return nil, &HierarchyError{Path: []string{id}, Field: "id", Err: ErrUnknownName, Detail: "not a node with sub-criteria"}
	}
	base, err := h.ProblemWeights(p)
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = WeightedSum{}
	}
	col := make(map[string]int, p.n)
	for j, c := range p.crits {
		col[c.Name] = j
	}
	g := h.nodes[node].Global
	kids := h.nodes[node].Children
	type share struct {
		col, child int
		s          float64
	}
	var under []share
	for k, c := range kids {
		for _, l := range h.leavesUnder(c) {
			s := 1.0
			for i := l; i != c; i = h.nodes[i].Parent {
				s *= h.nodes[i].Local
			}
			under = append(under, share{col: col[h.nodes[l].ID], child: k, s: s})
		}
	}
	return func(local []float64) (int, error) {
		if len(local) != len(kids) {
			return 0, inputErr("weights", -1, -1, "", ErrLength, fmt.Sprintf("%d local weights for %d children", len(local), len(kids)))
		}
		w := slices.Clone(base)
		for _, u := range under {
			w[u.col] = g * local[u.child] * u.s
		}
		r, err := m.Rank(p, w)
		if err != nil {
			return 0, err
		}
		return r.Best(), nil
	}, nil
}
