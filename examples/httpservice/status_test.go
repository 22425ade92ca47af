package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeError checks that body is exactly the documented error shape,
// {"error":{"code","message","path"}}, and returns it.
func decodeError(t *testing.T, body []byte) errorDetail {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var got struct {
		Error *struct {
			Code    *string `json:"code"`
			Message *string `json:"message"`
			Path    *string `json:"path"`
		} `json:"error"`
	}
	require.NoError(t, dec.Decode(&got), "body %q", body)
	require.NotNil(t, got.Error, "body %q", body)
	require.NotNil(t, got.Error.Code, "code present")
	require.NotNil(t, got.Error.Message, "message present")
	require.NotNil(t, got.Error.Path, "path present, even empty")
	assert.NotEmpty(t, *got.Error.Message)
	return errorDetail{Code: *got.Error.Code, Message: *got.Error.Message, Path: *got.Error.Path}
}

// failReader fails the test if the body is read at all.
type failReader struct{ t *testing.T }

func (r failReader) Read([]byte) (int, error) {
	r.t.Error("the body was read")
	return 0, io.EOF
}

// errReader fails every read with err, as net/http's body does on a
// transport fault.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// One test per status code, through the handler.
func TestStatusCodes(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	ragged := `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2,3]]}`
	for _, tc := range []struct {
		name        string
		method      string
		path        string
		contentType string
		body        io.Reader
		length      int64 // ContentLength when not 0
		status      int
		code        string
		errPath     string
		msg         string
	}{
		{"bad input with a path", "POST", "/v1/score", "application/json", strings.NewReader(ragged), 0, 400, "bad_input", "matrix[1]", "matrix[1]"},
		{"bad profile with a path", "POST", "/v1/rank", "application/json", strings.NewReader(`{"name":"X","employees":-5}`), 0, 400, "bad_input", "employees", "employees"},
		{"syntax error, no path", "POST", "/v1/weights", "", strings.NewReader(`{`), 0, 400, "bad_input", "", "JSON"},
		{"unexpected EOF in body", "POST", "/v1/score", "application/json", errReader{io.ErrUnexpectedEOF}, 0, 400, "bad_request", "", "Content-Length"},
		{"malformed chunking", "POST", "/v1/score", "application/json", errReader{errors.New("malformed chunked encoding")}, 0, 400, "bad_request", "", "malformed chunked encoding"},
		{"unknown path", "GET", "/v2/everything", "", nil, 0, 404, "not_found", "", "/v2/everything"},
		{"root", "GET", "/", "", nil, 0, 404, "not_found", "", "no endpoint /"},
		{"GET on a POST endpoint", "GET", "/v1/score", "", nil, 0, 405, "method_not_allowed", "", "allowed: POST"},
		{"POST on healthz", "POST", "/healthz", "application/json", strings.NewReader(`{}`), 0, 405, "method_not_allowed", "", "allowed: GET, HEAD"},
		{"slow body", "POST", "/v1/weights", "application/json", errReader{os.ErrDeadlineExceeded}, 0, 408, "timeout", "", "10s"},
		{"declared too large", "POST", "/v1/score", "application/json", failReader{t}, maxBody + 1, 413, "too_large", "", "1048577 bytes"},
		{"chunked too large", "POST", "/v1/score", "application/json", strings.NewReader(`{"method":"` + strings.Repeat("x", maxBody) + `"}`), -1, 413, "too_large", "", "1048576 bytes"},
		{"form body", "POST", "/v1/score", "application/x-www-form-urlencoded", failReader{t}, 0, 415, "unsupported_media_type", "", "application/json"},
		{"text body", "POST", "/v1/rank", "text/plain", failReader{t}, 0, 415, "unsupported_media_type", "", `"text/plain"`},
		{"JSON in Latin-1", "POST", "/v1/score", "application/json; charset=iso-8859-1", failReader{t}, 0, 415, "unsupported_media_type", "", "charset"},
		{"unparsable type", "POST", "/v1/score", "application/", failReader{t}, 0, 415, "unsupported_media_type", "", "application/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(tc.method, tc.path, tc.body)
			if tc.contentType != "" {
				r.Header.Set("Content-Type", tc.contentType)
			}
			if tc.length != 0 {
				r.ContentLength = tc.length
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			assert.Equal(t, tc.status, rec.Code)
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			got := decodeError(t, rec.Body.Bytes())
			assert.Equal(t, tc.code, got.Code)
			assert.Equal(t, tc.errPath, got.Path)
			assert.Contains(t, got.Message, tc.msg)
			if tc.status == 405 {
				assert.NotEmpty(t, rec.Header().Get("Allow"))
			}
		})
	}
}

func TestJSONContentTypesAccepted(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	for _, ct := range []string{"", "application/json", "application/json; charset=UTF-8", "Application/JSON", "application/vnd.socialseat+json"} {
		r := httptest.NewRequest("POST", "/v1/weights", strings.NewReader(`{"method":"roc","ranks":[1,2]}`))
		if ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		assert.Equal(t, http.StatusOK, rec.Code, "%q: %s", ct, rec.Body)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("HEAD", "/healthz", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
}

type ctxKey struct{}

// The endpoint's work gets the request's context; an unexpected failure is
// a 500 that hides its details and logs them; a cancelled request is 503.
func TestEndpointContextAndServerFaults(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	lim := limits{maxBody: maxBody, bodyTimeout: time.Second}
	var seen any
	h := jsonEndpoint(logger, lim, func(ctx context.Context, _ io.Reader) (any, error) {
		seen = ctx.Value(ctxKey{})
		return nil, errors.New("disk on fire at /var/lib/secret")
	})
	r := httptest.NewRequest("POST", "/v1/x", strings.NewReader(`{}`))
	r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, "marker"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	assert.Equal(t, "marker", seen, "r.Context() reaches the work")
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	got := decodeError(t, rec.Body.Bytes())
	assert.Equal(t, errorDetail{Code: "internal", Message: "internal error", Path: ""}, got)
	assert.NotContains(t, rec.Body.String(), "secret")
	assert.Contains(t, logs.String(), "disk on fire")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h = jsonEndpoint(logger, lim, func(ctx context.Context, _ io.Reader) (any, error) { return nil, ctx.Err() })
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/x", strings.NewReader(`{}`)).WithContext(ctx))
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "canceled", decodeError(t, rec.Body.Bytes()).Code)
}

// startLoopback runs the real server (its timeouts, a 300 ms body
// deadline) on a loopback port for raw TCP tests.
func startLoopback(t *testing.T) string {
	t.Helper()
	lim := limits{maxBody: maxBody, bodyTimeout: 300 * time.Millisecond}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := newServer(newHandlerWith(nil, lim), lim)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// rawExchange writes request to a fresh connection, half-closes it if
// closeWrite, and reads the response, all within 5 s.
func rawExchange(t *testing.T, addr, request string, closeWrite bool) (*http.Response, []byte, time.Duration) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	start := time.Now()
	_, err = io.WriteString(conn, request)
	require.NoError(t, err)
	if closeWrite {
		require.NoError(t, conn.(*net.TCPConn).CloseWrite())
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err, "a response, not a dropped connection")
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	return resp, body, time.Since(start)
}

// Transport-level faults on a real connection are the client's: 400, 408
// and 413, not 500, with the JSON error body.
func TestTransportFaults(t *testing.T) {
	t.Parallel()
	addr := startLoopback(t)
	head := "POST /v1/score HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
	for _, tc := range []struct {
		name       string
		request    string
		closeWrite bool
		status     int
		code       string
		maxTime    time.Duration
	}{
		{"malformed chunking", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", false, 400, "bad_request", 4 * time.Second},
		{"chunked body cut short", head + "Transfer-Encoding: chunked\r\n\r\n20\r\n{\"method\":", true, 400, "bad_request", 4 * time.Second},
		{"body shorter than Content-Length", head + "Content-Length: 100\r\n\r\n{\"method\":", true, 400, "bad_request", 4 * time.Second},
		{"slow body", head + "Content-Length: 100\r\n\r\n{\"method\":", false, 408, "timeout", 4 * time.Second},
		// Nothing of the 10 MB is sent: the answer comes before the body.
		{"declared too large", head + fmt.Sprintf("Content-Length: %d\r\n\r\n", 10<<20), false, 413, "too_large", 4 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			resp, body, took := rawExchange(t, addr, tc.request, tc.closeWrite)
			assert.Equal(t, tc.status, resp.StatusCode, "%s", body)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			assert.Equal(t, tc.code, decodeError(t, body).Code)
			assert.Less(t, took, tc.maxTime)
			if tc.code == "timeout" {
				assert.GreaterOrEqual(t, took, 300*time.Millisecond, "waited for the body deadline")
			}
		})
	}
}
