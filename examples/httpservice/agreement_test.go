package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// POST /v1/agreement answers what the CLI's agreement command and
// scoringjson's Compare give for the same request. The rankings are the
// example of Sałabun & Urbaniak (2020), ICCS, LNCS 12138:632–645:
// r_s 0.9, r_w 0.8833, WS 0.8542 (4 dp).
func TestAgreementEndpoint(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	const problem = `"criteria":[{"name":"cost","direction":"cost","weight":0.4},{"name":"quality","direction":"benefit","weight":0.6}],"matrix":[[120,7],[90,5],[100,9]]`
	for _, body := range []string{
		`{"rankings": [[1, 2, 3, 4, 5], [1, 3, 2, 4, 5]]}`,
		`{"rankings": [[1, 2, 3, 4, 5], [1, 3, 2, 4, 5]], "names": ["topsis", "vikor"], "coefficients": ["ws", "kendall"]}`,
		`{"requests": [{"method": "topsis", ` + problem + `}, {"method": "vikor", ` + problem + `}, {"method": "wsm", ` + problem + `}]}`,
	} {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/v1/agreement", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, r)
		require.Equal(t, http.StatusOK, rec.Code, "%s: %s", body, rec.Body)
		assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))

		req, err := scoringjson.DecodeAgreement(strings.NewReader(body))
		require.NoError(t, err)
		want, err := req.Compare()
		require.NoError(t, err)
		var wantJSON bytes.Buffer
		require.NoError(t, json.NewEncoder(&wantJSON).Encode(want))
		assert.Equal(t, wantJSON.String(), rec.Body.String(), "the same bytes as the Go result: %s", body)
	}

	_, got := post(t, h, "/v1/agreement", `{"rankings": [[1, 2, 3, 4, 5], [1, 3, 2, 4, 5]]}`)
	assert.Equal(t, []any{"R1", "R2"}, got["names"])
	coef := func(k string) float64 { return got[k].([]any)[0].([]any)[1].(float64) }
	assert.InDelta(t, 0.9, coef("spearman"), 5e-5)
	assert.InDelta(t, 0.8833, coef("weighted_spearman"), 5e-5)
	assert.InDelta(t, 0.8542, coef("ws"), 5e-5)

	_, got = post(t, h, "/v1/agreement", `{"rankings": [[1, 2], [2, 1]], "coefficients": ["kendall"]}`)
	assert.Contains(t, got, "kendall")
	assert.NotContains(t, got, "spearman", "only the coefficients asked for")
}

// Bad agreement requests are 400 bad_input with the path of the offending
// value ("" when no single value is at fault, as for an unknown top-level
// key).
func TestAgreementBadInput(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	const problem = `"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]`
	for _, tc := range []struct {
		name, body, path, msg string
	}{
		{"unknown field", `{"rankings":[[1,2],[2,1]],"colour":"blue"}`, "", `unknown field "colour"`},
		{"case variant", `{"Rankings":[[1,2],[2,1]]}`, "", `unknown field "Rankings"`},
		{"unknown field in a request", `{"requests":[{"method":"wsm",` + problem + `},{"method":"wsm","colour":1,` + problem + `}]}`, "requests[1]", `unknown field "colour"`},
		{"null body", `null`, "", `missing "rankings"`},
		{"null rank", `{"rankings":[[1,null],[2,1]]}`, "rankings[0][1]", "null is not a number"},
		{"null matrix cell in a request", `{"requests":[{"method":"wsm",` + problem + `},{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[null]]}]}`,
			"requests[1].matrix[1][0]", "null is not a number"},
		{"mismatched ranking lengths", `{"rankings":[[1,2],[1,2,3]]}`, "rankings[1]", "length mismatch"},
		{"rank out of range", `{"rankings":[[1,2],[1,3]]}`, "rankings[1][1]", "rank 3 outside 1..2"},
		{"one ranking", `{"rankings":[[1,2]]}`, "rankings", "two or more"},
		{"unknown coefficient", `{"rankings":[[1,2],[2,1]],"coefficients":["spearman","pearson"]}`, "coefficients[1]", `"pearson"`},
		{"coefficient twice", `{"rankings":[[1,2],[2,1]],"coefficients":["ws","ws"]}`, "coefficients[1]", "twice"},
		{"names for other rankings", `{"rankings":[[1,2],[2,1]],"names":["a"]}`, "names", "1 names for 2 rankings"},
		{"requests of different sizes", `{"requests":[{"method":"wsm",` + problem + `},{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2],[3]]}]}`,
			"requests[1]", "length mismatch"},
		{"outranking request", `{"requests":[{"method":"wsm",` + problem + `},{"method":"electre1",` + problem + `}]}`, "requests[1].method", "does not rank"},
		{"trailing data", `{"rankings":[[1,2],[2,1]]} {}`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodPost, "/v1/agreement", strings.NewReader(tc.body))
			r.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			assert.Equal(t, http.StatusBadRequest, rec.Code, "%s", rec.Body)
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			got := decodeError(t, rec.Body.Bytes())
			assert.Equal(t, "bad_input", got.Code)
			assert.Equal(t, tc.path, got.Path, got.Message)
			assert.Contains(t, got.Message, tc.msg)
		})
	}
}

// The agreement endpoint shares the other POST endpoints' method, media
// type and size checks.
func TestAgreementMethodMediaAndSize(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, "/v1/agreement", nil))
		assert.Equal(t, http.StatusMethodNotAllowed, rec.Code, method)
		assert.Equal(t, "POST", rec.Header().Get("Allow"), method)
		assert.Equal(t, "method_not_allowed", decodeError(t, rec.Body.Bytes()).Code, method)
	}

	r := httptest.NewRequest(http.MethodPost, "/v1/agreement", failReader{t})
	r.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	assert.Equal(t, http.StatusUnsupportedMediaType, rec.Code)
	assert.Equal(t, "unsupported_media_type", decodeError(t, rec.Body.Bytes()).Code)

	r = httptest.NewRequest(http.MethodPost, "/v1/agreement", failReader{t})
	r.ContentLength = maxBody + 1
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)

	code, got := post(t, h, "/v1/agreement", `{"names":["`+strings.Repeat("x", maxBody)+`"]}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Equal(t, "too_large", errorOf(t, got)["code"])
}

// The work gets the request's context: a cancelled request is not
// computed and is answered 503.
func TestAgreementCancelled(t *testing.T) {
	t.Parallel()
	const problem = `"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]`
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest(http.MethodPost, "/v1/agreement",
		strings.NewReader(`{"requests":[{"method":"wsm",`+problem+`},{"method":"topsis",`+problem+`}]}`)).WithContext(ctx)
	rec := httptest.NewRecorder()
	newHandler(nil).ServeHTTP(rec, r)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code, "%s", rec.Body)
	assert.Equal(t, "canceled", decodeError(t, rec.Body.Bytes()).Code)
}

// The endpoint is listed where the service's endpoints are documented: the
// package comment and the README.
func TestAgreementDocumented(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"main.go", "../../README.md"} {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		assert.True(t, strings.Contains(string(b), "/v1/agreement"), "%s does not list /v1/agreement", file)
	}
}
