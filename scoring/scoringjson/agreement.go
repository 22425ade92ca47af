package scoringjson

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/socialseat/socialseat/scoring"
)

// AgreementRequest compares rankings of the same alternatives by rank
// agreement coefficients. The rankings are given, or are those of score
// requests ranked first (one of the two):
//
//	{"rankings": [[1, 2, 3, 4, 5], [1, 3, 2, 4, 5]],   // two or more
//	 "names": ["topsis", "vikor"],                     // optional: R1, R2, …
//	 "coefficients": ["spearman", "weighted_spearman", "kendall", "goodman_kruskal", "ws"]} // optional: all
//
//	{"requests": [{"method": "topsis", …}, {"method": "vikor", …}]} // score requests on the same alternatives
//
// A ranking gives each alternative's rank, 1 the best (as a score
// response's "ranking"; tied alternatives share a rank). With "requests"
// the names default to the methods' tokens when they differ.
//
// The requests must all name the same alternatives (or all leave
// "alternatives" out, and have as many rows); they may list them in any
// order: the rankings are compared alternative by alternative, by name,
// in the order of the first request. A request that names others is an
// error at its "alternatives". A key that does not apply to a ranking
// ("rank_reversal", or a parameter of the outranking and sorting
// methods) is an error too.
//
// Comparing k rankings of N alternatives takes about 8·k²·c + 8·k·N
// bytes for c coefficients; over MaxMemory the request fails, before
// anything is ranked or allocated, with a *scoring.MemoryError (wrapping
// scoring.ErrTooLarge). CompareContext checks its context between every
// two rankings it compares.
type AgreementRequest struct {
	// Rankings ("rankings") holds two or more rankings of the same
	// alternatives, each giving every alternative's rank, 1 the best,
	// in the same order of alternatives. Give it or Requests, not both.
	Rankings [][]int `json:"rankings,omitzero"`
	// Requests are score requests whose rankings are compared; each must
	// be a method that ranks completely (not an outranking or sorting
	// method).
	Requests []ScoreRequest `json:"requests,omitzero"`
	// Names name the rankings, one each; absent means R1, R2, … (or the
	// methods of the requests).
	Names []string `json:"names,omitzero"`
	// Coefficients are the coefficients to compute; absent means all.
	Coefficients []scoring.RankAgreement `json:"coefficients,omitzero"`
	// MaxMemory is the memory bound the caller (a server, a command)
	// allows the comparison, as scoring.SMAA.MaxMemory: 0 means
	// scoring.DefaultMaxMemory, a negative bound is an error. It is not
	// part of the JSON input.
	MaxMemory int64 `json:"-"`
}

// AgreementResult is the response to an [AgreementRequest]. Each
// coefficient requested is a k × k matrix over the k rankings: entry
// [i][j] compares ranking j with ranking i, i being the reference (which
// matters for WS only, the one asymmetric coefficient).
type AgreementResult struct {
	// Names are the rankings' names, in request order.
	Names []string `json:"names"`
	// Alternatives ("alternatives", with requests only) names the
	// alternatives that the rankings rank, in their order: that of the
	// first request.
	Alternatives []string `json:"alternatives,omitempty"`
	// Rankings are the rankings compared (those of the requests, in the
	// order of Alternatives, when they were given).
	Rankings [][]int `json:"rankings"`
	// Spearman is Spearman's ρ (ties by average rank).
	Spearman [][]float64 `json:"spearman,omitempty"`
	// WeightedSpearman is the weighted Spearman r_w of Pinto da Costa &
	// Soares (2005).
	WeightedSpearman [][]float64 `json:"weighted_spearman,omitempty"`
	// Kendall is Kendall's τ-b.
	Kendall [][]float64 `json:"kendall,omitempty"`
	// GoodmanKruskal is Goodman & Kruskal's γ.
	GoodmanKruskal [][]float64 `json:"goodman_kruskal,omitempty"`
	// WS is the WS coefficient of Sałabun & Urbaniak (2020), row i the
	// reference ranking.
	WS [][]float64 `json:"ws,omitempty"`
}

// DecodeAgreement reads an AgreementRequest strictly.
func DecodeAgreement(r io.Reader) (*AgreementRequest, error) {
	var req AgreementRequest
	if err := decodeStrict(r, &req); err != nil {
		return nil, err
	}
	return &req, nil
}

// Compare computes the coefficients. It is [AgreementRequest.CompareContext]
// without a context.
func (req *AgreementRequest) Compare() (*AgreementResult, error) {
	return req.CompareContext(context.Background())
}

// CompareContext computes the coefficients; ranking the requests, when
// given, is given up when ctx is done, with an error wrapping ctx.Err().
func (req *AgreementRequest) CompareContext(ctx context.Context) (*AgreementResult, error) {
	if err := req.checkMemory(); err != nil {
		return nil, err
	}
	rankings, alts, names, err := req.rankings(ctx)
	if err != nil {
		return nil, err
	}
	if req.Names != nil {
		if len(req.Names) != len(rankings) {
			return nil, badInput(at("names", fmt.Errorf("names: %d names for %d rankings", len(req.Names), len(rankings))))
		}
		names = slices.Clone(req.Names)
	}
	field, _ := req.field()
	for i, r := range rankings {
		if len(r) != len(rankings[0]) {
			return nil, badInput(at(fmt.Sprintf("%s[%d]", field, i), fmt.Errorf("%s[%d]: %w: %d alternatives, but %s[0] has %d",
				field, i, scoring.ErrLength, len(r), field, len(rankings[0]))))
		}
	}
	coefs := req.Coefficients
	if coefs == nil {
		coefs = scoring.RankAgreements()
	}
	if len(coefs) == 0 {
		return nil, badInput(at("coefficients", errors.New("coefficients: empty list (omit it for all)")))
	}
	out := &AgreementResult{Names: names, Alternatives: alts, Rankings: rankings}
	for c, coef := range coefs {
		var dst *[][]float64
		switch coef {
		case scoring.AgreementSpearman:
			dst = &out.Spearman
		case scoring.AgreementWeightedSpearman:
			dst = &out.WeightedSpearman
		case scoring.AgreementKendall:
			dst = &out.Kendall
		case scoring.AgreementGoodmanKruskal:
			dst = &out.GoodmanKruskal
		case scoring.AgreementWS:
			dst = &out.WS
		default:
			return nil, badInput(at(fmt.Sprintf("coefficients[%d]", c), fmt.Errorf("coefficients[%d]: %w: %v", c, scoring.ErrUnknownName, coef)))
		}
		if *dst != nil {
			return nil, badInput(at(fmt.Sprintf("coefficients[%d]", c), fmt.Errorf("coefficients[%d]: %q given twice", c, coef)))
		}
		m := make([][]float64, len(rankings))
		for i := range rankings {
			m[i] = make([]float64, len(rankings))
			for j := range rankings {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("agreement stopped: %w", err)
				}
				v, err := coef.Compare(rankings[i], rankings[j])
				if err != nil { // the rankings were checked: not expected
					return nil, fmt.Errorf("%v of rankings %d and %d: %w", coef, i, j, err)
				}
				m[i][j] = v
			}
		}
		*dst = m
	}
	return out, nil
}

// rankings returns the rankings to compare, the names of the alternatives
// they rank (with requests), and the rankings' default names.
func (req *AgreementRequest) rankings(ctx context.Context) (rankings [][]int, alts, names []string, err error) {
	switch {
	case req.Rankings != nil && req.Requests != nil:
		return nil, nil, nil, badInput(errors.New(`"rankings" and "requests" are alternatives: give one`))
	case req.Rankings == nil && req.Requests == nil:
		return nil, nil, nil, badInput(errors.New(`missing "rankings" (or "requests")`))
	}
	field, k := req.field()
	if k < 2 {
		return nil, nil, nil, badInput(at(field, fmt.Errorf("%s: %d given, want two or more to compare", field, k)))
	}
	names = make([]string, k)
	for i := range names {
		names[i] = fmt.Sprintf("R%d", i+1)
	}
	rankings = make([][]int, k)
	if req.Rankings != nil {
		for i, r := range req.Rankings {
			if j, err := checkRanks(r); err != nil {
				path := fmt.Sprintf("rankings[%d]", i)
				if j >= 0 {
					path += fmt.Sprintf("[%d]", j)
				}
				return nil, nil, nil, badInput(at(path, fmt.Errorf("rankings[%d]: %w", i, err)))
			}
			rankings[i] = slices.Clone(r)
		}
		return rankings, nil, names, nil
	}
	methods := make([]string, k)
	// pos maps the first request's alternatives to their positions.
	var pos map[string]int
	for i := range req.Requests {
		sr := &req.Requests[i]
		if isOutranking(sr.Method) {
			return nil, nil, nil, badInput(at(fmt.Sprintf("requests[%d].method", i), fmt.Errorf("requests[%d]: method %q does not rank every alternative", i, sr.Method)))
		}
		if sr.RankReversal {
			return nil, nil, nil, badInput(at(fmt.Sprintf("requests[%d].rank_reversal", i),
				fmt.Errorf(`requests[%d].rank_reversal: %w: "rank_reversal" does not apply inside an agreement request, which compares the rankings themselves`, i, scoring.ErrParam)))
		}
		var p *scoring.Problem
		m, err := sr.method()
		if err == nil {
			var w []float64
			if p, w, err = sr.Problem(); err == nil {
				var res any
				if res, err = rankContext(ctx, m, p, w, false); err == nil {
					rankings[i] = res.(*scoring.Result).Ranks
				}
			}
		}
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return nil, nil, nil, err
			}
			path := fmt.Sprintf("requests[%d]", i)
			if inner := ErrorPath(err); inner != "" {
				path += "." + inner
			}
			return nil, nil, nil, badInput(at(path, fmt.Errorf("requests[%d]: %w", i, err)))
		}
		methods[i] = sr.Method
		own := p.Alternatives()
		if i == 0 {
			alts = own
			pos = make(map[string]int, len(alts))
			for r, a := range alts {
				pos[a] = r
			}
			continue
		}
		if rankings[i], err = alignRanks(i, sr, own, rankings[i], alts, pos); err != nil {
			return nil, nil, nil, err
		}
	}
	if distinct(methods) {
		names = methods
	}
	return rankings, alts, names, nil
}

// alignRanks returns the ranks of request i, given for its alternatives
// own, in the order of the first request's alternatives first (pos their
// positions), or an error at requests[i].alternatives when the two do not
// name the same alternatives. Ranks of another length are returned as
// they are, for CompareContext to report.
func alignRanks(i int, sr *ScoreRequest, own []string, ranks []int, first []string, pos map[string]int) ([]int, error) {
	if len(own) != len(first) {
		return ranks, nil // reported with the other rankings' lengths
	}
	path := fmt.Sprintf("requests[%d].alternatives", i)
	given := ""
	if sr.Alternatives == nil {
		given = ` ("alternatives" absent: A1, A2, …)`
	}
	out := make([]int, len(ranks))
	for r, a := range own {
		k, ok := pos[a]
		if !ok {
			return nil, badInput(at(path, fmt.Errorf("%s: %w: %q%s is not among the alternatives of requests[0]; every request must name the same alternatives, in any order",
				path, scoring.ErrUnknownName, a, given)))
		}
		out[k] = ranks[r]
	}
	return out, nil
}

// field returns the field holding the rankings or requests, and their
// number.
func (req *AgreementRequest) field() (string, int) {
	if req.Requests != nil {
		return "requests", len(req.Requests)
	}
	return "rankings", len(req.Rankings)
}

// checkMemory returns a *scoring.MemoryError, wrapping scoring.ErrTooLarge,
// when comparing the request's rankings would need more than MaxMemory:
// c tables of k × k coefficients, a copy of the k rankings of N
// alternatives, and per comparison five buffers of N. It is checked
// before anything is ranked or allocated.
func (req *AgreementRequest) checkMemory() error {
	limit := req.MaxMemory
	switch {
	case limit < 0:
		return badInput(fmt.Errorf("max memory %d: %w: want ≥ 0 (0 means %d bytes)", limit, scoring.ErrParam, scoring.DefaultMaxMemory))
	case limit == 0:
		limit = scoring.DefaultMaxMemory
	}
	field, k := req.field()
	n := 0
	for _, r := range req.Rankings {
		n = max(n, len(r))
	}
	for _, r := range req.Requests {
		n = max(n, len(r.Matrix))
	}
	c := len(req.Coefficients)
	if req.Coefficients == nil {
		c = len(scoring.RankAgreements())
	}
	fk, fn, fc := float64(k), float64(n), float64(c)
	est := 8*fk*fk*fc + 24*fk*fc + 8*fk*fn + 40*fn
	if est <= float64(limit) {
		return nil
	}
	estimate := int64(math.MaxInt64)
	if est < math.MaxInt64 {
		estimate = int64(est)
	}
	return badInput(at(field, &scoring.MemoryError{Analysis: "agreement", Estimate: estimate, Limit: limit,
		Hint: fmt.Sprintf("%d rankings of %d alternatives by %d coefficients; compare fewer rankings, or ask for fewer coefficients", k, n, c)}))
}

// checkRanks checks one ranking on its own: every rank in 1..len. On
// failure it returns the index of the offending rank, -1 when none is.
func checkRanks(r []int) (int, error) {
	if len(r) == 0 {
		return -1, fmt.Errorf("%w: no alternatives", scoring.ErrEmpty)
	}
	for i, k := range r {
		if k < 1 || k > len(r) {
			return i, fmt.Errorf("[%d]: %w: rank %d outside 1..%d", i, scoring.ErrParam, k, len(r))
		}
	}
	return -1, nil
}

func distinct(s []string) bool {
	seen := make(map[string]bool, len(s))
	for _, v := range s {
		if seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}
