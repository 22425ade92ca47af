package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A path that is not in canonical form (doubled slashes, dot segments) is
// answered 404 in the service's error shape, naming the canonical path,
// rather than with net/http's redirect and its HTML body.
func TestUncleanPathIsJSON404(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	for _, tc := range []struct{ path, clean string }{
		{"/v1//score", "/v1/score"},
		{"/v1/./weights", "/v1/weights"},
		{"/v1/../v1/rank", "/v1/rank"},
		{"//healthz", "/healthz"},
	} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(method, "http://service.test"+tc.path, strings.NewReader(okWeights)))
			require.Equal(t, http.StatusNotFound, rec.Code, "%s %s: %s", method, tc.path, rec.Body.String())
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			assert.Empty(t, rec.Header().Get("Location"))
			d := decodeError(t, rec.Body.Bytes())
			assert.Equal(t, codeNotFound, d.Code)
			assert.Contains(t, d.Message, "no endpoint "+tc.path)
			assert.Contains(t, d.Message, tc.clean)
		}
	}
	// The canonical paths still answer.
	code, _ := post(t, h, "/v1/weights", okWeights)
	assert.Equal(t, http.StatusOK, code)
}

const okWeights = `{"method":"roc","ranks":[1,2]}`

// /v1/rank takes a profile in JSON only: a YAML body, which the profile
// reader would accept, is bad input even when sent as application/json.
func TestRankTakesJSONOnly(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	for _, body := range []string{"employees: 100\n", "---\nemployees: 100\n", "[1]", "  \n\"x\""} {
		code, got := post(t, h, "/v1/rank", body)
		assert.Equal(t, http.StatusBadRequest, code, "%q: %v", body, got)
		assert.Equal(t, codeBadInput, errorOf(t, got)["code"], body)
		assert.Contains(t, errorOf(t, got)["message"], "a JSON object", body)
	}
	// JSON with leading white space is fine.
	code, got := post(t, h, "/v1/rank", " \n\t"+`{"name":"X","employees":100}`)
	assert.Equal(t, http.StatusOK, code, got)
}
