package scoring

import (
	"fmt"
	"math"
	"strconv"
)

// ProfileKind says how [FlowSort] profiles describe the classes. Text
// tokens: "limiting", "central".
type ProfileKind int

const (
	// Limiting profiles bound the classes: K+1 profiles for K classes, the
	// first above the best class and the last below the worst.
	Limiting ProfileKind = iota
	// Central profiles are a typical member of each class: K profiles.
	Central
)

var profileKindTokens = []string{"limiting", "central"}

// String returns the kind's token.
func (k ProfileKind) String() string { return tokenString("ProfileKind", profileKindTokens, int(k)) }

// MarshalText returns the kind's token; an invalid value is an error.
func (k ProfileKind) MarshalText() ([]byte, error) {
	return marshalToken("profile kind", profileKindTokens, int(k))
}

// UnmarshalText parses a profile-kind token.
func (k *ProfileKind) UnmarshalText(b []byte) error {
	v, err := ParseProfileKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// ParseProfileKind parses "limiting" or "central".
func ParseProfileKind(s string) (ProfileKind, error) {
	i, err := parseToken("profile kind", profileKindTokens, s)
	return ProfileKind(i), err
}

// FlowSort is the PROMETHEE-based sorting method of Nemery & Lamboray
// (2008), "FlowSort: a flow-based sorting method with limiting or central
// profiles", TOP 16(1):90–113. Each alternative a is compared, with the
// PROMETHEE preference functions and weights, only with the reference
// profiles R: its flows are computed in R ∪ {a}, so an alternative's class
// never depends on the other alternatives. With limiting profiles r_0 ≥ r_1
// ≥ … ≥ r_K (best first) a belongs to class k when
//
//	φ(r_k) ≥ φ(a) > φ(r_{k+1})
//
// and likewise for the leaving flow φ⁺ (same inequalities) and the
// entering flow φ⁻ (φ⁻(r_k) < φ⁻(a) ≤ φ⁻(r_{k+1})); an alternative above
// r_0 or below r_K goes to the best or worst class, with a note. With
// central profiles a belongs to the class whose profile's flow is closest
// to its own, the better class on a tie. The net-flow assignment is the
// answer; the φ⁺ and φ⁻ assignments show how firm it is (they differ when
// a is incomparable with a profile).
//
// Its text token is "flowsort". The zero value of Preferences uses the
// Usual criterion everywhere.
type FlowSort struct {
	ClassProfiles
	// Kind says whether Profiles are limiting (K+1 of them) or central (K).
	Kind ProfileKind `json:"profile_kind"`
	// Preferences holds one preference function per criterion, as for
	// [PROMETHEEII]; nil means Usual everywhere.
	Preferences []Preference `json:"preferences"`
}

// FlowSortResult assigns each alternative to a class; class indices count
// from 0, the best class.
type FlowSortResult struct {
	// Method is "flowsort".
	Method string `json:"method"`
	// Alternatives are the problem's alternatives' names, in problem
	// order; the slice is shared with other results from the same
	// problem, as in [Result].
	Alternatives []string `json:"alternatives"`
	// Criteria are the problem's criteria's names, in problem order,
	// shared in the same way.
	Criteria []string `json:"criteria"`
	// Weights are the weights used, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// Classes names the classes, best first.
	Classes []string `json:"classes"`
	// Assignment[a] is a's class by the net flow, the method's answer.
	Assignment []int `json:"assignment"`
	// PositiveAssignment[a] is a's class by the leaving flow φ⁺.
	PositiveAssignment []int `json:"positive_assignment"`
	// NegativeAssignment[a] is a's class by the entering flow φ⁻.
	NegativeAssignment []int `json:"negative_assignment"`
	// NetFlow[a] is a's net flow in R ∪ {a}, in [−1, 1].
	NetFlow []float64 `json:"net_flow"`
	// ProfileNetFlows.At(a, k) is profile k's net flow in R ∪ {a}: one
	// row per alternative, one column per profile, best first.
	ProfileNetFlows *Table `json:"profile_net_flows"`
	// Notes records advisories about the input, as in [Result].
	Notes []Note `json:"notes,omitempty"`
}

// Evaluate sorts the alternatives, in O(m·K·n·log K) time. Class and
// profile errors are those of [MRSort.Evaluate] (limiting profiles need
// K+1 rows, central profiles K); preference-function errors are those of
// [PROMETHEEII.Rank].
func (s FlowSort) Evaluate(p *Problem, weights []float64) (*FlowSortResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	nclass := len(s.Classes)
	var want int
	switch s.Kind {
	case Limiting:
		want = nclass + 1
	case Central:
		want = nclass
	default:
		return nil, inputErr("profile_kind", -1, -1, "", ErrParam, "unknown profile kind "+s.Kind.String())
	}
	if err := s.check(p, want); err != nil {
		return nil, err
	}
	mm, n, np := p.m, p.n, len(s.Profiles)
	names := make([]string, np+1)
	for k := range np {
		names[k] = "profile " + strconv.Itoa(k+1)
	}
	names[np] = "alternative"
	crits := p.crits
	rows := make([][]float64, np+1)
	copy(rows, s.Profiles)
	res := &FlowSortResult{
		Method:             "flowsort",
		Alternatives:       p.resultAlts,
		Criteria:           p.resultCrits,
		Weights:            w,
		Classes:            append([]string(nil), s.Classes...),
		Assignment:         make([]int, mm),
		PositiveAssignment: make([]int, mm),
		NegativeAssignment: make([]int, mm),
		NetFlow:            make([]float64, mm),
		Notes:              p.constantNotes(),
	}
	profNet := make([]float64, mm*np)
	outside := 0
	prom := PROMETHEEII{Preferences: s.Preferences}
	for a := range mm {
		rows[np] = p.data[a*n : (a+1)*n]
		sub, err := NewProblem(names, crits, rows)
		if err != nil {
			return nil, err
		}
		r, err := prom.Evaluate(sub, w)
		if err != nil {
			return nil, err
		}
		res.NetFlow[a] = r.Scores[np]
		copy(profNet[a*np:], r.Scores[:np])
		if s.Kind == Limiting {
			// The net and leaving flows decrease, and the entering flow
			// increases, down the profiles.
			net, plus, minus := r.Scores, r.PositiveFlow, r.NegativeFlow
			res.Assignment[a] = limitingClass(net, np, func(prof, alt float64) bool { return prof >= alt-flowTolerance })
			res.PositiveAssignment[a] = limitingClass(plus, np, func(prof, alt float64) bool { return prof >= alt-flowTolerance })
			res.NegativeAssignment[a] = limitingClass(minus, np, func(prof, alt float64) bool { return prof < alt-flowTolerance })
			if net[np] > net[0]+flowTolerance || net[np] < net[np-1]-flowTolerance {
				outside++
			}
		} else {
			res.Assignment[a] = centralClass(r.Scores, np)
			res.PositiveAssignment[a] = centralClass(r.PositiveFlow, np)
			res.NegativeAssignment[a] = centralClass(r.NegativeFlow, np)
		}
	}
	res.ProfileNetFlows = newTable(profNet, mm, np)
	if outside > 0 {
		res.Notes = append(res.Notes, Note{Code: "outside-profiles",
			Text: fmt.Sprintf("%d alternative(s) lie above the best or below the worst limiting profile and were put in the best or worst class", outside)})
	}
	return res, nil
}

// limitingClass returns the class of the alternative (the last of the
// flows) against the np limiting profiles: the number of profiles r_1 …
// r_{np−1} that stand above it, capped at the worst class.
func limitingClass(flows []float64, np int, above func(prof, alt float64) bool) int {
	alt := flows[np]
	c := 0
	for h := 1; h < np; h++ {
		if above(flows[h], alt) {
			c++
		}
	}
	return min(c, np-2)
}

// centralClass returns the class whose central profile's flow is closest
// to the alternative's (the last of the flows), the better on a tie.
func centralClass(flows []float64, np int) int {
	alt := flows[np]
	best, dist := 0, math.Inf(1)
	for k := range np {
		if d := math.Abs(flows[k] - alt); d < dist-flowTolerance {
			best, dist = k, d
		}
	}
	return best
}
