package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scoreBody is a score request of rows alternatives on two criteria.
func scoreBody(method string, rows int, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"method":%q,%s"criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":1}],"matrix":[`, method, extra)
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d,%d]", 1+i%97, 1+i%89)
	}
	b.WriteString("]}")
	return b.String()
}

// serveWithin runs the handler on req and returns its recorder, failing
// the test if the handler has not returned within limit.
func serveWithin(t *testing.T, h http.Handler, req *http.Request, limit time.Duration) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(rec, req)
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("the handler did not return within %v of the request", limit)
	}
	return rec
}

// A rank-reversal check re-ranks the problem twice per alternative: at
// its work bound (500 alternatives on 20 criteria) 1,001 rankings, tens
// of milliseconds at the very least. When the client goes away (the
// request's context is cancelled, here after 5 ms) the work stops at the
// next re-ranking and the handler returns at once, answering 503.
func TestScoreStopsWhenClientGoesAway(t *testing.T) {
	t.Parallel()
	body := problemBody("topsis", 500, 20, 0, `"rank_reversal":true,`)
	require.Less(t, len(body), maxBody)
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/score", strings.NewReader(body))
	time.AfterFunc(5*time.Millisecond, cancel)
	rec := serveWithin(t, newHandler(nil), req, 4*time.Second)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
	assert.Equal(t, codeCanceled, decodeError(t, rec.Body.Bytes()).Code)
}

// A request whose context is already done does no work at all.
func TestWeightsWithCancelledContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/weights", strings.NewReader(`{"method":"roc","ranks":[1,2,3]}`))
	rec := serveWithin(t, newHandler(nil), req, time.Second)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
	assert.Equal(t, codeCanceled, decodeError(t, rec.Body.Bytes()).Code)
}

// The methods that cannot be stopped once started, and whose work grows
// faster than the body, are bounded: over the bound the request is
// refused at once with 413 and the field at fault, where it would
// otherwise hold the CPU for seconds.
func TestWorkBounds(t *testing.T) {
	t.Parallel()
	var crit, row strings.Builder
	const criteria, rows = 5000, 80 // 2e9 > maxCriticWork: about 3 s of CPU
	for j := range criteria {
		if j > 0 {
			crit.WriteByte(',')
			row.WriteByte(',')
		}
		fmt.Fprintf(&crit, `{"name":"%x","direction":"cost"}`, j)
		fmt.Fprintf(&row, "%d", 1+j%7)
	}
	var mat strings.Builder
	for i := range rows {
		if i > 0 {
			mat.WriteByte(',')
		}
		fmt.Fprintf(&mat, "[%d,%s]", i, row.String()[2:])
	}
	critic := `{"method":"critic","criteria":[` + crit.String() + `],"matrix":[` + mat.String() + `]}`
	thresholds := `"thresholds":[{"q":0,"p":1,"v":50},{"q":0,"p":1,"v":50}],`
	gaussian := `"preference":[{"function":"gaussian","s":3},{"function":"gaussian","s":3}],`
	for _, tc := range []struct {
		name, path, body, field string
	}{
		{"critic", "/v1/weights", critic, "criteria"},
		{"electre3", "/v1/score", scoreBody("electre3", 5000, thresholds), "matrix"},
		{"electre1", "/v1/score", scoreBody("electre1", 5000, ""), "matrix"},
		{"promethee1", "/v1/score", scoreBody("promethee1", 5000, ""), "matrix"},
		// PROMETHEE II and GAIA sort their pairs but for a Gaussian
		// preference function, which they evaluate for every pair.
		{"promethee2 gaussian", "/v1/score", scoreBody("promethee2", 5000, gaussian), "matrix"},
		{"gaia gaussian", "/v1/score", scoreBody("gaia", 5000, gaussian), "matrix"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Less(t, len(tc.body), maxBody)
			req := httptest.NewRequest(http.MethodPost, tc.path, strings.NewReader(tc.body))
			// The status is the check: unbounded, the work answers 200
			// after seconds; the time limit only keeps a failing run short.
			rec := serveWithin(t, newHandler(nil), req, 20*time.Second)
			require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, "%.300s", rec.Body.String())
			d := decodeError(t, rec.Body.Bytes())
			assert.Equal(t, codeTooLarge, d.Code)
			assert.Equal(t, tc.field, d.Path)
			assert.Contains(t, d.Message, "this service's bound")
		})
	}
	// Within the bound the methods answer as before, and PROMETHEE II
	// without a Gaussian function is linearithmic: not bounded.
	code, got := post(t, newHandler(nil), "/v1/score", scoreBody("electre3", 50, thresholds))
	assert.Equal(t, http.StatusOK, code, got)
	code, got = post(t, newHandler(nil), "/v1/score", scoreBody("promethee2", 5000, `"preference":[{"function":"linear","q":0,"p":5},{"function":"usual"}],`))
	assert.Equal(t, http.StatusOK, code, got)
}

// Work that runs past the time the response may be written in (the
// server's WriteTimeout) is given up even while the client waits: its
// answer could not be sent. Here the bound is 1 ms, and the work a
// rank-reversal check at its work bound: 1,001 rankings of 500
// alternatives on 20 criteria.
func TestWorkTimeout(t *testing.T) {
	t.Parallel()
	h := newHandlerWith(nil, limits{maxBody: maxBody, bodyTimeout: bodyTimeout, workTimeout: time.Millisecond})
	req := httptest.NewRequest(http.MethodPost, "/v1/score", strings.NewReader(problemBody("topsis", 500, 20, 0, `"rank_reversal":true,`)))
	rec := serveWithin(t, h, req, 4*time.Second)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
	d := decodeError(t, rec.Body.Bytes())
	assert.Equal(t, codeCanceled, d.Code)
	assert.Contains(t, d.Message, "did not finish within 1ms")
	// The default is the server's WriteTimeout.
	assert.Equal(t, writeTimeout, defaultLimits().workTimeout)
}
