package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func post(t *testing.T, h http.Handler, path, body string) (int, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, path, strings.NewReader(body)))
	var got map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got), rec.Body.String())
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	return rec.Code, got
}

// errorOf returns the "error" object of an error body.
func errorOf(t *testing.T, body map[string]any) map[string]any {
	t.Helper()
	e, ok := body["error"].(map[string]any)
	require.True(t, ok, "error body: %v", body)
	return e
}

func TestScoreEndpoint(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	// Opricovic & Tzeng (2004): A2 is the compromise solution.
	code, got := post(t, h, "/v1/score", `{"method":"vikor","criteria":[
		{"name":"risk","direction":"cost","weight":0.5},{"name":"altitude","direction":"benefit","weight":0.5}],
		"matrix":[[1,3000],[2,3750],[5,4500]]}`)
	require.Equal(t, http.StatusOK, code, got)
	assert.Equal(t, []any{2.0, 1.0, 2.0}, got["ranking"])
	assert.Equal(t, "lower", got["better"])
}

func TestValidationErrorsAre400(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	for _, body := range []string{
		``, `{`, `{"method":"wsm","criteria":[],"matrix":[]}`,
		`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2,3]]}`,
		`{"method":"wsm","extra":1}`,
	} {
		code, got := post(t, h, "/v1/score", body)
		assert.Equal(t, http.StatusBadRequest, code, body)
		assert.Equal(t, "bad_input", errorOf(t, got)["code"], body)
		assert.NotEmpty(t, errorOf(t, got)["message"], body)
	}
}

func TestRequestSizeLimit(t *testing.T) {
	t.Parallel()
	body := `{"method":"wsm","alternatives":["` + strings.Repeat("x", maxBody) + `"]}`
	code, got := post(t, newHandler(nil), "/v1/score", body)
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Equal(t, "too_large", errorOf(t, got)["code"])
	assert.Contains(t, errorOf(t, got)["message"], "1048576 bytes")
}

func TestMethodNotAllowed(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	newHandler(nil).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/score", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

// The real server starts on a loopback port, answers, and shuts down
// gracefully when its context is cancelled.
func TestServeAndShutdown(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", nil, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(b), "ok")
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestRankEndpoint(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	code, got := post(t, h, "/v1/rank", `{"name":"Nordbank","employees":8000,"business_units":4,"countries":3,
		"regulation":5,"sign_off_layers":3,"social_staff":6,
		"touchpoints":{"customer-support":4,"crisis-response":3,"marketing-channel":3}}`)
	require.Equal(t, http.StatusOK, code, got)
	assert.Equal(t, "Nordbank", got["profile"].(map[string]any)["name"])
	ranking := got["ranking"].([]any)
	require.NotEmpty(t, ranking)
	assert.Contains(t, got, "raci")
	assert.Contains(t, got, "roadmap")
	code, got = post(t, h, "/v1/rank", `{"name":"X","employees":10,"colour":"blue"}`)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, errorOf(t, got)["message"], "colour")
}

func TestWeightsEndpoint(t *testing.T) {
	t.Parallel()
	// Barron & Barrett (1996): ROC weights for n = 4.
	code, got := post(t, newHandler(nil), "/v1/weights", `{"method":"roc","ranks":[1,2,3,4]}`)
	require.Equal(t, http.StatusOK, code, got)
	w := got["weights"].([]any)
	assert.InDelta(t, 0.5208, w[0].(float64), 5e-5)
}
