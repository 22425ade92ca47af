package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sortingBody is a sorting request of m alternatives into K classes on
// one criterion: K−1 boundary profiles (K+1 limiting ones for flowsort).
func sortingBody(method string, m, K int) string {
	np := K - 1
	if method == "flowsort" {
		np = K + 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, `{"method":%q,"criteria":[{"name":"x","direction":"benefit","weight":1}],"classes":[`, method)
	for k := range K {
		if k > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"c%d"`, k)
	}
	b.WriteString(`],"profiles":[`)
	for k := range np {
		if k > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d]", np-k)
	}
	b.WriteString(`],"matrix":[`)
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d]", i%np)
	}
	b.WriteString("]}")
	return b.String()
}

// pairwiseBody is a request of m alternatives on one criterion for a
// method that compares every pair.
func pairwiseBody(method string, m int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"method":%q,"criteria":[{"name":"x","direction":"benefit","weight":1}],"matrix":[`, method)
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d.%d]", i*7919%1000, i%97)
	}
	b.WriteString("]")
	if method == "electre3" {
		b.WriteString(`,"thresholds":[{"q":1,"p":2,"v":5}]`)
	}
	b.WriteString("}")
	return b.String()
}

// serveMeasured serves one request and returns its recorder and the bytes
// allocated meanwhile. Tests calling it must not run in parallel.
func serveMeasured(t *testing.T, h http.Handler, path, body string) (*httptest.ResponseRecorder, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	// The time limit only keeps a failing run short: unbounded, these
	// requests answer 200 after seconds.
	rec := serveWithin(t, h, httptest.NewRequest(http.MethodPost, path, strings.NewReader(body)), 20*time.Second)
	runtime.ReadMemStats(&after)
	return rec, after.TotalAlloc - before.TotalAlloc
}

// Every /v1/score request whose work or answer grows faster than its body
// is refused with 413, naming the bound and the field to shrink, before
// any work: a few MB allocated where the work took GB (the requests of the
// boundary-trust review: sorting 4,000 alternatives into 4,000 classes;
// the pairwise methods on 3,162 alternatives and one criterion; the
// rank-reversal check of 4,000 alternatives whose removal of an outlier
// reverses every pair).
func TestWorkBoundsBeforeWork(t *testing.T) {
	h := newHandler(nil)
	for _, tc := range []struct {
		name, path, body, field, bound string
	}{
		{"flowsort", "/v1/score", sortingBody("flowsort", 4000, 4000), "profiles", "bound of 250000"},
		{"mrsort", "/v1/score", sortingBody("mrsort", 4000, 4000), "matrix", "bound of 1000000"},
		{"electre-tri-b", "/v1/score", sortingBody("electre-tri-b", 4000, 4000), "matrix", "bound of 1000000"},
		{"electre1 one criterion", "/v1/score", pairwiseBody("electre1", 3162), "matrix", "bound of 1000000"},
		{"promethee1 one criterion", "/v1/score", pairwiseBody("promethee1", 3162), "matrix", "bound of 1000000"},
		{"electre3 one criterion", "/v1/score", pairwiseBody("electre3", 3162), "matrix", "bound of 1000000"},
		{"rank_reversal", "/v1/score", reversalWorst(4000), "matrix", "bound of 250000"},
		{"rank_reversal many criteria", "/v1/score", problemBody("topsis", 400, 40, 0, `"rank_reversal":true,`), "matrix", "bound of 5000000"},
		{"agreement many rankings", "/v1/agreement", agreementBody(3000, 1, ""), "rankings", "bound of 250000"},
		{"agreement long rankings", "/v1/agreement", agreementBody(100, 1000, `"coefficients":["kendall","spearman"],`), "rankings", "bound of 5000000"},
	} {
		require.Less(t, len(tc.body), maxBody, tc.name)
		rec, alloc := serveMeasured(t, h, tc.path, tc.body)
		require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, "%s: %.300s", tc.name, rec.Body.String())
		d := decodeError(t, rec.Body.Bytes())
		assert.Equal(t, codeTooLarge, d.Code, tc.name)
		assert.Equal(t, tc.field, d.Path, tc.name)
		assert.Contains(t, d.Message, "over this service's "+tc.bound, tc.name)
		// Decoding the body is all the work: a few times its size.
		assert.Less(t, alloc, uint64(32<<20), "%s: %d bytes allocated", tc.name, alloc)
		t.Logf("%s: %d B body: 413 after %d B allocated: %s", tc.name, len(tc.body), alloc, d.Message)
	}
}

// The requests at the bounds, which BenchmarkWorkBounds times, are within
// them; one more alternative (or profile) is over.
func TestBoundCasesWithinBounds(t *testing.T) {
	t.Parallel()
	for _, tc := range boundCases() {
		assert.Less(t, len(tc.body), maxBody, tc.name)
		if tc.path == "/v1/agreement" {
			req, err := scoringjson.DecodeAgreement(strings.NewReader(tc.body))
			require.NoError(t, err, tc.name)
			assert.NoError(t, agreementWork(req), tc.name)
			if !tc.edge {
				continue
			}
			req.Rankings = append(req.Rankings, req.Rankings[0])
			assert.Error(t, agreementWork(req), "%s, one ranking more", tc.name)
			continue
		}
		req, err := scoringjson.DecodeScore(strings.NewReader(tc.body))
		require.NoError(t, err, tc.name)
		assert.NoError(t, scoreWork(req), tc.name)
		if !tc.edge {
			continue
		}
		if req.Method == "promethee2" || req.Method == "gaia" {
			req.Matrix = append(req.Matrix, req.Matrix[0])
		} else if req.Profiles != nil && len(req.Profiles) >= len(req.Matrix) {
			req.Profiles = append(req.Profiles, req.Profiles[0])
		} else {
			req.Matrix = append(req.Matrix, req.Matrix[0])
		}
		assert.Error(t, scoreWork(req), "%s, one more", tc.name)
	}
}

// An analysis over the library's own memory bound is refused with 413
// too, with the field the library names.
func TestLibraryMemoryBoundIs413(t *testing.T) {
	t.Parallel()
	err := scoringjson.BadInput(fmt.Errorf("rankings: %w", &scoring.MemoryError{Analysis: "agreement", Estimate: 2 << 30, Limit: 1 << 30}))
	status, d := classify(context.Background(), err, nil, defaultLimits())
	assert.Equal(t, http.StatusRequestEntityTooLarge, status)
	assert.Equal(t, codeTooLarge, d.Code)
	assert.Contains(t, d.Message, "over the memory bound of 1.0 GiB")
}

// An agreement within the bounds stops at its work timeout, between two
// rankings compared, and is answered 503.
func TestAgreementWorkTimeout(t *testing.T) {
	t.Parallel()
	h := newHandlerWith(nil, limits{maxBody: maxBody, bodyTimeout: bodyTimeout, workTimeout: time.Millisecond})
	req := httptest.NewRequest(http.MethodPost, "/v1/agreement", strings.NewReader(agreementBody(100, 500, `"coefficients":["kendall"],`)))
	rec := serveWithin(t, h, req, 20*time.Second)
	require.Equal(t, http.StatusServiceUnavailable, rec.Code, "%.300s", rec.Body.String())
	d := decodeError(t, rec.Body.Bytes())
	assert.Equal(t, codeCanceled, d.Code)
	assert.Contains(t, d.Message, "did not finish within 1ms")
}

// The package documentation, which clients read, states every bound as
// the code has it.
func TestWorkBoundsDocumented(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("main.go")
	require.NoError(t, err)
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(doc), "//", "")), " ")
	for _, tc := range []struct {
		name, want string
	}{
		{"maxPairs", "m² ≤ " + thousands(maxPairs) + " and m²·n ≤ " + thousands(maxPairwiseWork)},
		{"maxPairwiseWork", "Gaussian preference function ≤ " + thousands(maxPairwiseWork)},
		{"maxProfileCells", "m·K ≤ " + thousands(maxProfileCells) + " and m·K·n ≤ " + thousands(maxSortWork)},
		{"maxFlowSortRows", "m·(K+1) ≤ " + thousands(maxFlowSortRows) + ", m·(K+1)·n ≤ " + thousands(maxFlowSortWork)},
		{"maxReversalPairs", "m² ≤ " + thousands(maxReversalPairs) + " (500 alternatives) and m²·n ≤ " + thousands(maxReversalWork)},
		{"maxAgreementCells", "k²·c ≤ " + thousands(maxAgreementCells) + " and k²·c·N ≤ " + thousands(maxAgreementWork)},
		{"maxCriticWork", "m·n² ≤ " + thousands(maxCriticWork)},
	} {
		assert.Contains(t, text, tc.want, tc.name)
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
