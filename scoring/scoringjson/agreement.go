package scoringjson

import (
	"context"
	"errors"
	"fmt"
	"io"
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
}

// AgreementResult is the response to an [AgreementRequest]. Each
// coefficient requested is a k × k matrix over the k rankings: entry
// [i][j] compares ranking j with ranking i, i being the reference (which
// matters for WS only, the one asymmetric coefficient).
type AgreementResult struct {
	// Names are the rankings' names, in request order.
	Names []string `json:"names"`
	// Rankings are the rankings compared (those of the requests when they
	// were given).
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
	rankings, names, err := req.rankings(ctx)
	if err != nil {
		return nil, err
	}
	if req.Names != nil {
		if len(req.Names) != len(rankings) {
			return nil, badInput(at("names", fmt.Errorf("names: %d names for %d rankings", len(req.Names), len(rankings))))
		}
		names = slices.Clone(req.Names)
	}
	field := "rankings"
	if req.Requests != nil {
		field = "requests"
	}
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
	out := &AgreementResult{Names: names, Rankings: rankings}
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

// rankings returns the rankings to compare and their default names.
func (req *AgreementRequest) rankings(ctx context.Context) ([][]int, []string, error) {
	switch {
	case req.Rankings != nil && req.Requests != nil:
		return nil, nil, badInput(errors.New(`"rankings" and "requests" are alternatives: give one`))
	case req.Rankings == nil && req.Requests == nil:
		return nil, nil, badInput(errors.New(`missing "rankings" (or "requests")`))
	}
	k := max(len(req.Rankings), len(req.Requests))
	field := "rankings"
	if req.Requests != nil {
		field = "requests"
	}
	if k < 2 {
		return nil, nil, badInput(at(field, fmt.Errorf("%s: %d given, want two or more to compare", field, k)))
	}
	names := make([]string, k)
	for i := range names {
		names[i] = fmt.Sprintf("R%d", i+1)
	}
	if req.Rankings != nil {
		rankings := make([][]int, k)
		for i, r := range req.Rankings {
			if j, err := checkRanks(r); err != nil {
				path := fmt.Sprintf("rankings[%d]", i)
				if j >= 0 {
					path += fmt.Sprintf("[%d]", j)
				}
				return nil, nil, badInput(at(path, fmt.Errorf("rankings[%d]: %w", i, err)))
			}
			rankings[i] = slices.Clone(r)
		}
		return rankings, names, nil
	}
	rankings := make([][]int, k)
	methods := make([]string, k)
	for i := range req.Requests {
		sr := &req.Requests[i]
		if isOutranking(sr.Method) {
			return nil, nil, badInput(at(fmt.Sprintf("requests[%d].method", i), fmt.Errorf("requests[%d]: method %q does not rank every alternative", i, sr.Method)))
		}
		m, err := sr.method()
		if err == nil {
			var p *scoring.Problem
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
				return nil, nil, err
			}
			path := fmt.Sprintf("requests[%d]", i)
			if inner := ErrorPath(err); inner != "" {
				path += "." + inner
			}
			return nil, nil, badInput(at(path, fmt.Errorf("requests[%d]: %w", i, err)))
		}
		methods[i] = sr.Method
	}
	if distinct(methods) {
		names = methods
	}
	return rankings, names, nil
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
