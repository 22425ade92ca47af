package scoring

import (
	"fmt"
	"math"
)

// ClassProfiles describes ordered classes by reference profiles. Classes
// names the K classes from best to worst (for instance "adopt", "pilot",
// "reject"). For [MRSort] and [ELECTRETRIB], Profiles holds K−1 boundary
// profiles, best first, one value per criterion: Profiles[k] is the lower
// limit of class k and the upper limit of class k+1; [FlowSort] takes K+1
// limiting or K central profiles instead (see [ProfileKind]). Each profile
// must be at least as good as the next on every criterion.
type ClassProfiles struct {
	// Classes names the K classes, best first; each name non-empty and
	// distinct. A result's class index counts from 0, the first of them.
	Classes []string `json:"classes"`
	// Profiles holds the reference profiles, best first, one value per
	// criterion in the criterion's own units: K−1 boundaries for [MRSort]
	// and [ELECTRETRIB]; for [FlowSort], K+1 limiting or K central
	// profiles (see [FlowSort.Kind]).
	Profiles [][]float64 `json:"profiles"`
}

// check validates the classes against a problem with n criteria; want is
// the number of profiles required for K classes (K−1 for boundaries, K for
// central profiles, K+1 for limiting profiles).
func (c ClassProfiles) check(p *Problem, want int) error {
	if len(c.Classes) == 0 {
		return inputErr("classes", -1, -1, "", ErrEmpty, "no classes")
	}
	seen := make(map[string]bool, len(c.Classes))
	for k, name := range c.Classes {
		if name == "" {
			return inputErr("classes", k, -1, "", ErrEmpty, "empty class name")
		}
		if seen[name] {
			return inputErr("classes", k, -1, name, ErrDuplicateName, "class named twice")
		}
		seen[name] = true
	}
	if len(c.Profiles) != want {
		return inputErr("profiles", -1, -1, "", ErrLength,
			fmt.Sprintf("%d profiles for %d classes, want %d", len(c.Profiles), len(c.Classes), want))
	}
	for k, row := range c.Profiles {
		if len(row) != p.n {
			return inputErr("profiles", k, -1, "", ErrRagged, fmt.Sprintf("profile has %d values, want %d (one per criterion)", len(row), p.n))
		}
		for j, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return inputErr("profiles", k, j, p.crits[j].Name, ErrNotFinite, fmt.Sprint(x))
			}
			if k > 0 && strictlyBetter(p.crits[j].Direction, x, c.Profiles[k-1][j]) {
				return inputErr("profiles", k, j, p.crits[j].Name, ErrParam,
					fmt.Sprintf("profile %d is better than profile %d on this criterion; profiles go from best to worst", k, k-1))
			}
		}
	}
	return nil
}

// strictlyBetter reports whether x is strictly better than y in direction d.
func strictlyBetter(d Direction, x, y float64) bool {
	if d == Cost {
		return x < y
	}
	return x > y
}

// orientProfile returns the profile with cost values negated.
func orientProfile(p *Problem, row []float64) []float64 {
	g := make([]float64, len(row))
	for j, x := range row {
		g[j] = x
		if p.crits[j].Direction == Cost {
			g[j] = -x
		}
	}
	return g
}

// SortResult assigns each alternative to one of the ordered classes. Class
// indices count from 0, the best class.
type SortResult struct {
	// Method is the method's token ("mrsort", "electre-tri-b").
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
	// Pessimistic[a] is a's class under the pessimistic (pseudo-conjunctive)
	// rule: the best class whose lower profile a outranks.
	Pessimistic []int `json:"pessimistic"`
	// Optimistic[a] is a's class under the optimistic (pseudo-disjunctive)
	// rule: the class just above the worst profile strictly preferred to a.
	// It is never worse than Pessimistic[a]; they differ when a is
	// incomparable with some profile.
	Optimistic []int `json:"optimistic"`
	// Outranking.At(a, k) is the credibility (or, for MR-Sort, the
	// concordance, 0 when one of [MRSort.Vetoes] applies) of "a outranks
	// profile k", in [0, 1].
	Outranking *Table `json:"outranking"`
	// Outranked.At(a, k) is the credibility (for MR-Sort, the
	// concordance) of "profile k outranks a", in [0, 1].
	Outranked *Table `json:"outranked"`
	// Notes records advisories about the input, as in [Result].
	Notes []Note `json:"notes,omitempty"`
}

// sortByProfiles applies the pessimistic and optimistic rules given the
// credibilities up[a][k] = σ(a, b_k) and down[a][k] = σ(b_k, a) and the cut
// λ.
func sortByProfiles(res *SortResult, up, down []float64, lambda float64) {
	mm, nb := len(res.Pessimistic), len(res.Classes)-1
	for a := range mm {
		outranks := func(k int) bool { return up[a*nb+k] >= lambda-outrankTolerance }
		outranked := func(k int) bool { return down[a*nb+k] >= lambda-outrankTolerance }
		pess := nb
		for k := range nb {
			if outranks(k) {
				pess = k
				break
			}
		}
		opt := 0
		for k := nb - 1; k >= 0; k-- {
			if outranked(k) && !outranks(k) {
				opt = k + 1
				break
			}
		}
		res.Pessimistic[a], res.Optimistic[a] = pess, opt
	}
}

func checkLambda(lambda float64) error {
	if math.IsNaN(lambda) || math.IsInf(lambda, 0) {
		return inputErr("lambda", -1, -1, "", ErrNotFinite, fmt.Sprint(lambda))
	}
	if lambda < 0.5 || lambda > 1 {
		return inputErr("lambda", -1, -1, "", ErrParam, fmt.Sprintf("λ = %g, want 0.5 ≤ λ ≤ 1", lambda))
	}
	return nil
}

// MRSort is the majority-rule sorting model of Leroy, Mousseau & Pirlot
// (2011), "Learning the parameters of a multiple criteria sorting method",
// ADT 2011, LNCS 6992:219–233, the simplest ELECTRE TRI: a outranks the
// boundary profile b when the weight of the criteria on which a is at
// least as good as b reaches the majority λ,
//
//	a S b  ⇔  Σ_{j: g_j(a) ≥ g_j(b)} w_j ≥ λ
//
// and a is assigned (pessimistic rule, the MR-Sort rule) to the best class
// whose lower profile it outranks. The optimistic rule of ELECTRE TRI is
// reported too. Its text token is "mrsort". MR-Sort has no indifference or
// preference thresholds; use [ELECTRETRIB] for those.
//
// Vetoes, if given, add the veto profiles of MR-Sort with vetoes (the
// binary veto of Bouyssou & Marchant's non-compensatory sorting; rule "V"
// of Meyer & Olteanu 2017): a does not outrank b_k, whatever the majority,
// when on some criterion it is at most as good as b_k's veto value
// (g_j(a) ≤ v_kj, or ≥ for a cost).
type MRSort struct {
	ClassProfiles
	// Lambda is the majority threshold λ in [0.5, 1]; 0 means the default
	// 0.5 + ε, a strict majority (0.5 plus 1e-9).
	Lambda float64 `json:"lambda"`
	// Vetoes, if not nil, holds one veto profile per boundary profile,
	// best first like Profiles, one value per criterion in the
	// criterion's units; a nil value means no veto on that criterion for
	// that profile. Each veto value must be no better than its profile's
	// value, and the veto profiles must be nested: a value for a profile
	// needs one at least as good for every better profile. nil means no
	// veto at all.
	Vetoes [][]*float64 `json:"vetoes,omitempty"`
}

// Evaluate sorts the alternatives, in O(m·K·n) time. Invalid classes or
// profiles are errors wrapping [ErrEmpty], [ErrDuplicateName],
// [ErrLength], [ErrRagged], [ErrNotFinite] or [ErrParam] (profiles out of
// order), with the field "classes" or "profiles"; invalid vetoes wrap
// [ErrLength], [ErrRagged], [ErrNotFinite] or [ErrParam] (a veto above its
// profile, or veto profiles not nested) with the field "vetoes"; λ outside
// [0.5, 1] wraps [ErrParam]; other errors are those of [WeightedSum.Rank].
func (s MRSort) Evaluate(p *Problem, weights []float64) (*SortResult, error) {
	lambda := s.Lambda
	if lambda == 0 {
		lambda = 0.5 + 1e-9
	}
	if err := checkLambda(lambda); err != nil {
		return nil, err
	}
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	if err := s.check(p, len(s.Classes)-1); err != nil {
		return nil, err
	}
	vetoed, err := s.vetoes(p)
	if err != nil {
		return nil, err
	}
	return evaluateSort("mrsort", p, w, s.ClassProfiles, lambda, func(ga, gb []float64) float64 {
		c := 0.0
		for j := range ga {
			if ga[j] >= gb[j] {
				c += w[j]
			}
		}
		return math.Min(1, c)
	}, vetoed), nil
}

// vetoes validates s.Vetoes against the checked profiles and returns the
// veto test on oriented values, or nil when there are no vetoes.
func (s MRSort) vetoes(p *Problem) (func(ga []float64, k int) bool, error) {
	if s.Vetoes == nil {
		return nil, nil
	}
	nb := len(s.Profiles)
	if len(s.Vetoes) != nb {
		return nil, inputErr("vetoes", -1, -1, "", ErrLength,
			fmt.Sprintf("%d veto profiles for %d profiles, want one per profile", len(s.Vetoes), nb))
	}
	// v[k*n+j] is the oriented veto value, −Inf where there is none.
	n := p.n
	v := make([]float64, nb*n)
	for k, row := range s.Vetoes {
		if len(row) != n {
			return nil, inputErr("vetoes", k, -1, "", ErrRagged, fmt.Sprintf("veto profile has %d values, want %d (one per criterion)", len(row), n))
		}
		for j, x := range row {
			v[k*n+j] = math.Inf(-1)
			if x == nil {
				continue
			}
			name, dir := p.crits[j].Name, p.crits[j].Direction
			if math.IsNaN(*x) || math.IsInf(*x, 0) {
				return nil, inputErr("vetoes", k, j, name, ErrNotFinite, fmt.Sprint(*x))
			}
			if strictlyBetter(dir, *x, s.Profiles[k][j]) {
				return nil, inputErr("vetoes", k, j, name, ErrParam,
					fmt.Sprintf("veto value %g is better than the profile's %g; a veto lies below its profile", *x, s.Profiles[k][j]))
			}
			if k > 0 {
				if prev := s.Vetoes[k-1][j]; prev == nil || strictlyBetter(dir, *x, *prev) {
					return nil, inputErr("vetoes", k, j, name, ErrParam,
						fmt.Sprintf("veto profile %d vetoes more than veto profile %d on this criterion; veto profiles go from best to worst and are nested", k, k-1))
				}
			}
			v[k*n+j] = *x
			if dir == Cost {
				v[k*n+j] = -*x
			}
		}
	}
	return func(ga []float64, k int) bool {
		for j, x := range ga {
			if x <= v[k*n+j] {
				return true
			}
		}
		return false
	}, nil
}

// evaluateSort computes both credibilities for every alternative and
// profile with sigma and applies the assignment rules. vetoed, if not nil,
// reports whether an alternative's oriented values forbid it to outrank
// profile k; its credibility is then 0.
func evaluateSort(method string, p *Problem, w []float64, c ClassProfiles, lambda float64, sigma func(ga, gb []float64) float64, vetoed func(ga []float64, k int) bool) *SortResult {
	mm, n, nb := p.m, p.n, len(c.Classes)-1
	profiles := make([][]float64, nb)
	for k := range profiles {
		profiles[k] = orientProfile(p, c.Profiles[k])
	}
	g := orientedValues(p)
	up, down := make([]float64, mm*nb), make([]float64, mm*nb)
	forBlocks(mm, n*max(nb, 1), func(lo, hi, _ int) {
		for a := lo; a < hi; a++ {
			row := g[a*n : (a+1)*n]
			for k, b := range profiles {
				up[a*nb+k], down[a*nb+k] = sigma(row, b), sigma(b, row)
				if vetoed != nil && vetoed(row, k) {
					up[a*nb+k] = 0
				}
			}
		}
	})
	res := &SortResult{
		Method:       method,
		Alternatives: p.resultAlts,
		Criteria:     p.resultCrits,
		Weights:      w,
		Classes:      append([]string(nil), c.Classes...),
		Pessimistic:  make([]int, mm),
		Optimistic:   make([]int, mm),
		Outranking:   newTable(up, mm, nb),
		Outranked:    newTable(down, mm, nb),
		Notes:        p.constantNotes(),
	}
	sortByProfiles(res, up, down, lambda)
	return res
}

// ELECTRETRIB is ELECTRE TRI-B (Yu 1992; Roy & Bouyssou 1993; the
// formulation of Mousseau, Słowiński & Zielniewicz 2000, "A user-oriented
// implementation of the ELECTRE-TRI method integrating preference
// elicitation support", Computers & OR 27:757–777): each alternative is
// compared with the boundary profiles through the credibility index σ of
// [ELECTREIII] (pseudo-criteria with q, p and optional veto v), and a
// outranks a profile b when σ(a, b) ≥ λ.
//
//   - Pessimistic rule: compare a with the profiles from the best down and
//     assign it to the class of the first profile it outranks.
//   - Optimistic rule: compare a with the profiles from the worst up and
//     assign it to the class just above the first profile that is strictly
//     preferred to it (b S a and not a S b).
//
// The pessimistic rule asks only that a outrank the profile, as in
// Mousseau, Słowiński & Zielniewicz (2000) and Figueira, Mousseau & Roy
// (2005): an alternative indifferent to a profile (each outranks the
// other) reaches the class above it. Some implementations ask for strict
// preference there (a S b and not b S a), which puts such an alternative
// one class lower; the credibilities in [SortResult] give that variant
// too.
//
// Its text token is "electre-tri-b".
type ELECTRETRIB struct {
	ClassProfiles
	// Thresholds holds one set of thresholds per criterion; nil means
	// q = p = 0 without veto everywhere.
	Thresholds []PseudoCriterion `json:"thresholds"`
	// Lambda is the cut level λ in [0.5, 1]; 0 means the customary 0.75.
	Lambda float64 `json:"lambda"`
}

// Evaluate sorts the alternatives, in O(m·K·n) time. Errors are those of
// [MRSort.Evaluate] and, for the thresholds, of [ELECTREIII.Evaluate].
func (s ELECTRETRIB) Evaluate(p *Problem, weights []float64) (*SortResult, error) {
	lambda := s.Lambda
	if lambda == 0 {
		lambda = 0.75
	}
	if err := checkLambda(lambda); err != nil {
		return nil, err
	}
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	if err := s.check(p, len(s.Classes)-1); err != nil {
		return nil, err
	}
	ts, err := checkPseudoCriteria("thresholds", s.Thresholds, p)
	if err != nil {
		return nil, err
	}
	return evaluateSort("electre-tri-b", p, w, s.ClassProfiles, lambda, func(ga, gb []float64) float64 {
		sigma, _ := credibility(ga, gb, w, ts)
		return sigma
	}, nil), nil
}
