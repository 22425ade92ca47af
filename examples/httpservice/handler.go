package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// limits bound what one request may cost the service.
type limits struct {
	// maxBody is the largest request body accepted, in bytes.
	maxBody int64
	// bodyTimeout is how long a client has to send the request body,
	// counted from the end of its headers.
	bodyTimeout time.Duration
	// workTimeout, if not zero, is how long the work of a request may
	// run, counted from the end of its headers: past it the request's
	// context is cancelled and the request answered 503, as its response
	// could no longer be written (the server's WriteTimeout).
	workTimeout time.Duration
}

// defaultLimits are the service's limits.
func defaultLimits() limits {
	return limits{maxBody: maxBody, bodyTimeout: bodyTimeout, workTimeout: writeTimeout}
}

// The service's limits.
const (
	// maxBody is the largest request body accepted: 1 MiB.
	maxBody = 1 << 20
	// bodyTimeout is how long a client has to send a request body.
	bodyTimeout = 10 * time.Second
)

// Error codes: the stable "code" tokens of the error body.
const (
	codeBadInput         = "bad_input"              // 400: the request decodes but is not valid, or does not decode
	codeBadRequest       = "bad_request"            // 400: the body could not be read as sent (malformed chunking, shorter than Content-Length)
	codeNotFound         = "not_found"              // 404
	codeMethodNotAllowed = "method_not_allowed"     // 405
	codeTimeout          = "timeout"                // 408: the body did not arrive in time
	codeTooLarge         = "too_large"              // 413
	codeUnsupportedMedia = "unsupported_media_type" // 415
	codeInternal         = "internal"               // 500
	codeCanceled         = "canceled"               // 503: the request was cancelled (client gone, server stopping)
)

// errorBody is the one shape of every error response:
//
//	{"error":{"code":"bad_input","message":"...","path":"matrix[1]"}}
//
// path is the field of the request the error is about, when known, and ""
// otherwise.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Path    string `json:"path"`
}

// newHandler returns the service's routes with the default limits. A nil
// logger discards logs.
func newHandler(logger *slog.Logger) http.Handler {
	return newHandlerWith(logger, defaultLimits())
}

// newHandlerWith returns the service's routes with the given limits.
func newHandlerWith(logger *slog.Logger, lim limits) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	// One recommender serves every request; it is safe for concurrent use.
	recommender, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		panic(err) // the embedded default model is validated by placement's tests
	}
	post := func(fn func(context.Context, io.Reader) (any, error)) http.Handler {
		return methods{http.MethodPost: jsonEndpoint(logger, lim, fn)}
	}
	mux := http.NewServeMux()
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, errorDetail{Code: codeNotFound, Message: fmt.Sprintf("no endpoint %s", r.URL.Path)})
	}))
	mux.Handle("/healthz", methods{http.MethodGet: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})})
	mux.Handle("/v1/score", post(func(ctx context.Context, body io.Reader) (any, error) {
		req, err := scoringjson.DecodeScore(body)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := scoreWork(req); err != nil {
			return nil, err
		}
		return req.ScoreContext(ctx)
	}))
	mux.Handle("/v1/weights", post(func(ctx context.Context, body io.Reader) (any, error) {
		req, err := scoringjson.DecodeWeights(body)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := weightsWork(req); err != nil {
			return nil, err
		}
		// Weigh takes no context: its work is bounded instead (weightsWork).
		res, err := req.Weigh()
		if err == nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return res, err
	}))
	mux.Handle("/v1/agreement", post(func(ctx context.Context, body io.Reader) (any, error) {
		req, err := scoringjson.DecodeAgreement(body)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := agreementWork(req); err != nil {
			return nil, err
		}
		return req.CompareContext(ctx)
	}))
	mux.Handle("/v1/rank", post(func(ctx context.Context, body io.Reader) (any, error) {
		data, err := io.ReadAll(body)
		if err != nil {
			return nil, err
		}
		if err := jsonObject(data); err != nil {
			return nil, err
		}
		p, err := placement.ReadProfile(bytes.NewReader(data))
		if err != nil {
			return nil, scoringjson.BadInput(err)
		}
		rec, err := recommender.Recommend(ctx, p)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			return nil, scoringjson.BadInput(err)
		}
		return rec, nil
	}))
	return canonicalPaths(mux)
}

// canonicalPaths answers a request whose path is not in canonical form
// (doubled slashes, "." or ".." segments) with 404 in the error shape,
// naming the canonical path, instead of the redirect with an HTML body
// that http.ServeMux would send: a client of a JSON API should fix the
// URL it calls rather than follow a redirect, which for a POST would
// mean sending the body again.
func canonicalPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		clean := path.Clean("/" + p)
		if strings.HasSuffix(p, "/") && clean != "/" {
			clean += "/"
		}
		if p != clean {
			writeError(w, http.StatusNotFound, errorDetail{Code: codeNotFound,
				Message: fmt.Sprintf("no endpoint %s (its canonical form is %s)", p, clean)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// jsonObject checks that a request body is a JSON object, as the endpoint
// taking a profile documents, by its first character after an optional
// byte order mark and white space: the profile reader decodes a body
// starting with '{' as JSON and any other as YAML. An empty body is left
// to the reader, which says that the profile is missing.
func jsonObject(data []byte) error {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) == 0 || t[0] == '{' {
		return nil
	}
	r, _ := utf8.DecodeRune(t)
	return scoringjson.BadInput(fmt.Errorf("the profile must be a JSON object, starting with '{': the body starts with %q", r))
}

// methods routes a path by method; any other method is answered 405 with
// an Allow header. A GET route also answers HEAD.
type methods map[string]http.Handler

func (m methods) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := r.Method
	if _, ok := m[method]; !ok && method == http.MethodHead {
		method = http.MethodGet
	}
	if h, ok := m[method]; ok {
		h.ServeHTTP(w, r)
		return
	}
	allow := make([]string, 0, len(m)+1)
	for k := range m {
		allow = append(allow, k)
		if k == http.MethodGet {
			allow = append(allow, http.MethodHead)
		}
	}
	sort.Strings(allow)
	w.Header().Set("Allow", strings.Join(allow, ", "))
	writeError(w, http.StatusMethodNotAllowed, errorDetail{Code: codeMethodNotAllowed,
		Message: fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", "))})
}

// jsonEndpoint adapts fn to HTTP. Before reading the body it refuses a
// Content-Type that is not JSON (415) and a declared Content-Length over
// the limit (413); it gives the client lim.bodyTimeout to send the body.
// fn gets the request's context. Errors are answered with errorBody:
// client faults 400, 408 or 413; server faults 500, logged, details
// hidden.
func jsonEndpoint(logger *slog.Logger, lim limits, fn func(context.Context, io.Reader) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ct := r.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {
			writeError(w, http.StatusUnsupportedMediaType, errorDetail{Code: codeUnsupportedMedia,
				Message: fmt.Sprintf("Content-Type %q: want application/json", ct)})
			return
		}
		if r.ContentLength > lim.maxBody {
			w.Header().Set("Connection", "close")
			writeError(w, http.StatusRequestEntityTooLarge, errorDetail{Code: codeTooLarge,
				Message: fmt.Sprintf("request body of %d bytes is larger than the limit of %d bytes", r.ContentLength, lim.maxBody)})
			return
		}
		// Not supported by every ResponseWriter (httptest's recorder): the
		// server's ReadTimeout is then the only bound.
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(lim.bodyTimeout))
		body := &recordingReader{r: http.MaxBytesReader(w, r.Body, lim.maxBody)}
		ctx := r.Context()
		if lim.workTimeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeoutCause(ctx, lim.workTimeout, errWorkTimeout)
			defer cancel()
		}
		res, err := fn(ctx, body)
		if err == nil {
			writeJSON(w, http.StatusOK, res)
			return
		}
		status, detail := classify(ctx, err, body.err, lim)
		if status == http.StatusInternalServerError {
			logger.Error("request failed", "path", r.URL.Path, "err", err)
		}
		if body.err != nil {
			// The rest of the body is unread or unreadable: do not reuse
			// the connection.
			w.Header().Set("Connection", "close")
		}
		writeError(w, status, detail)
	})
}

// errWorkTimeout is the cause of a request context cancelled by
// limits.workTimeout.
var errWorkTimeout = errors.New("work timeout")

// classify maps an endpoint's error, and the error met reading the body if
// any, to a status and an error body. The body's error decides first: a
// request that did not arrive whole is the client's fault whatever the
// decoder made of it.
func classify(ctx context.Context, err, bodyErr error, lim limits) (int, errorDetail) {
	var tooBig *http.MaxBytesError
	var netErr net.Error
	var costly *tooCostlyError
	switch {
	case errors.As(bodyErr, &tooBig):
		return http.StatusRequestEntityTooLarge, errorDetail{Code: codeTooLarge,
			Message: fmt.Sprintf("request body larger than the limit of %d bytes", lim.maxBody)}
	case errors.Is(bodyErr, os.ErrDeadlineExceeded) || errors.As(bodyErr, &netErr) && netErr.Timeout():
		return http.StatusRequestTimeout, errorDetail{Code: codeTimeout,
			Message: fmt.Sprintf("the request body did not arrive within %s", lim.bodyTimeout)}
	case errors.Is(bodyErr, io.ErrUnexpectedEOF):
		return http.StatusBadRequest, errorDetail{Code: codeBadRequest,
			Message: "the request body ended early: before its declared Content-Length or its last chunk"}
	case bodyErr != nil:
		return http.StatusBadRequest, errorDetail{Code: codeBadRequest,
			Message: "the request body could not be read: " + bodyErr.Error()}
	case errors.As(err, &costly):
		return http.StatusRequestEntityTooLarge, errorDetail{Code: codeTooLarge, Message: costly.msg, Path: costly.path}
	case errors.Is(context.Cause(ctx), errWorkTimeout):
		return http.StatusServiceUnavailable, errorDetail{Code: codeCanceled,
			Message: fmt.Sprintf("the request did not finish within %s, the time its response may be written in", lim.workTimeout)}
	case ctx.Err() != nil:
		return http.StatusServiceUnavailable, errorDetail{Code: codeCanceled, Message: "the request was cancelled before it finished"}
	case errors.Is(err, scoring.ErrTooLarge):
		// The library's own bound on the memory of an analysis.
		return http.StatusRequestEntityTooLarge, errorDetail{Code: codeTooLarge, Message: err.Error(), Path: scoringjson.ErrorPath(err)}
	case errors.Is(err, scoringjson.ErrBadInput):
		return http.StatusBadRequest, errorDetail{Code: codeBadInput, Message: err.Error(), Path: scoringjson.ErrorPath(err)}
	}
	return http.StatusInternalServerError, errorDetail{Code: codeInternal, Message: "internal error"}
}

// Work bounds. The methods below cannot be stopped once started (the
// library checks the context only before and after them), or their
// output, which the service buffers whole, grows faster than the body:
// the service refuses, with 413, a request over these bounds before any
// work, so that no request keeps the CPU for more than about a second
// after its client has gone (measured on one core; BenchmarkWorkBounds
// runs each method at its bound) nor answers more than some tens of MB.
//
// Each method's bound, m being the alternatives (rows of "matrix"), n the
// criteria, K the profiles ("profiles"), k the rankings compared of N
// alternatives, c the coefficients (main.go's doc lists them for clients):
//
//   - promethee1, electre1, electre3: m² ≤ maxPairs and m²·n ≤
//     maxPairwiseWork; they compare every pair on every criterion and
//     answer m × m tables.
//   - promethee2, gaia: m² × (criteria with a Gaussian function) ≤
//     maxPairwiseWork; the other functions sort, and the answers are
//     linear.
//   - mrsort, electre-tri-b: m·K ≤ maxProfileCells and m·K·n ≤
//     maxSortWork; every alternative against every profile on every
//     criterion, two m × K tables answered.
//   - flowsort: m·(K+1) ≤ maxFlowSortRows, m·(K+1)·n ≤ maxFlowSortWork
//     and m·(K+1)² × (Gaussian criteria) ≤ maxPairwiseWork; a PROMETHEE
//     over the K profiles and the alternative, for each alternative, and
//     an m × K table answered.
//   - "rank_reversal" (ranking methods): m² ≤ maxReversalPairs and m²·n ≤
//     maxReversalWork; 2m+1 rankings of the problem, and a list of the
//     pairs whose order reverses. (The check stops at its context, but
//     its memory and answer grow with m².)
//   - critic weights: m·n² ≤ maxCriticWork.
//   - /v1/agreement: k²·c ≤ maxAgreementCells and k²·c·N ≤
//     maxAgreementWork; every coefficient for every pair of rankings, a
//     k × k table per coefficient answered. (It stops at its context
//     between two rankings compared.)
//
// The other methods are linear (or linearithmic) in the body and run to
// their end.
const (
	// maxPairs bounds alternatives² for the methods that answer a table
	// over every pair of alternatives (promethee1, electre1, electre3),
	// whatever the criteria: 1,000 alternatives; electre3 on 1,000
	// alternatives and one criterion takes about 0.3 s and answers 15 MB.
	maxPairs = 1_000_000
	// maxPairwiseWork bounds alternatives² × criteria for the methods that
	// compare every pair of alternatives on every criterion (promethee1,
	// electre1, electre3; promethee2 and gaia on their Gaussian criteria;
	// flowsort's PROMETHEE on its Gaussian criteria, per alternative):
	// electre3 on 1,000 alternatives and 10 criteria takes about 1 s.
	maxPairwiseWork = 10_000_000
	// maxProfileCells bounds alternatives × profiles for the sorting
	// methods, whose answers hold tables of that size.
	maxProfileCells = 1_000_000
	// maxSortWork bounds alternatives × profiles × criteria for mrsort and
	// electre-tri-b, which compare every alternative with every profile.
	maxSortWork = 10_000_000
	// maxFlowSortRows bounds alternatives × (profiles + 1) for flowsort,
	// which builds and ranks a problem of the profiles and the alternative
	// for each alternative: 1,000 alternatives against 249 profiles take
	// about 0.3 s and answer 5 MB.
	maxFlowSortRows = 250_000
	// maxFlowSortWork bounds alternatives × (profiles + 1) × criteria for
	// flowsort.
	maxFlowSortWork = 5_000_000
	// maxReversalPairs bounds alternatives² for a "rank_reversal" check,
	// whose answer lists the pairs of alternatives whose order reverses.
	maxReversalPairs = 250_000
	// maxReversalWork bounds alternatives² × criteria for a
	// "rank_reversal" check, which ranks the problem 2 × alternatives + 1
	// times.
	maxReversalWork = 5_000_000
	// maxCriticWork bounds alternatives × criteria² for the critic weights,
	// which correlate every pair of criteria: 100 alternatives on 1,000
	// criteria take about 0.15 s.
	maxCriticWork = 100_000_000
	// maxAgreementCells bounds rankings² × coefficients for /v1/agreement,
	// the size of its answer.
	maxAgreementCells = 250_000
	// maxAgreementWork bounds rankings² × coefficients × alternatives for
	// /v1/agreement: 100 rankings of 500 alternatives by Kendall's τ take
	// about 0.3 s (and allocate 250 MB, a few buffers per pair).
	maxAgreementWork = 5_000_000
)

// tooCostlyError is a request that decodes and may be valid but is over a
// work bound of the service: 413.
type tooCostlyError struct {
	path, msg string
}

func (e *tooCostlyError) Error() string { return e.msg }

// overBound returns the 413 error of a request of the given sizes whose
// measure (what, value) is over bound, naming path, the field to shrink,
// and hint, how.
func overBound(path, method, does, sizes, what string, value float64, bound int, hint string) error {
	return &tooCostlyError{path: path, msg: fmt.Sprintf("%s %s: for %s, %s is %.0f, over this service's bound of %d; %s",
		method, does, sizes, what, value, bound, hint)}
}

// scoreWork refuses a score request over a work bound (see maxPairs).
// The sizes are those of the request as sent, before it is validated.
func scoreWork(req *scoringjson.ScoreRequest) error {
	m, n := float64(len(req.Matrix)), float64(len(req.Criteria))
	np := float64(len(req.Profiles))
	gaussian := 0.0
	for _, p := range req.Preference {
		if p.Function == "gaussian" {
			gaussian++
		}
	}
	// The field to shrink for a bound over alternatives × profiles: the
	// larger of the two.
	sortPath, sortHint := "matrix", "send fewer alternatives"
	if np > m {
		sortPath, sortHint = "profiles", "send fewer classes"
	}
	const fewerAlts = "send fewer alternatives"
	sizes := count(len(req.Matrix), "alternative", "alternatives") + " on " + count(len(req.Criteria), "criterion", "criteria")
	if req.Profiles != nil {
		sizes += " with " + count(len(req.Profiles), "profile", "profiles")
	}
	switch {
	case req.RankReversal:
		if isOutrankingMethod(req.Method) {
			return nil // refused by the library: it does not rank completely
		}
		const does = "with \"rank_reversal\" ranks the problem again without and with each alternative and lists the pairs that reverse"
		if m*m > maxReversalPairs {
			return overBound("matrix", req.Method, does, sizes, "alternatives²", m*m, maxReversalPairs, fewerAlts)
		}
		if m*m*n > maxReversalWork {
			return overBound("matrix", req.Method, does, sizes, "alternatives² × criteria", m*m*n, maxReversalWork, fewerAlts)
		}
	case req.Method == "promethee1" || req.Method == "electre1" || req.Method == "electre3":
		const does = "compares every pair of alternatives"
		if m*m > maxPairs {
			return overBound("matrix", req.Method, does, sizes, "alternatives²", m*m, maxPairs, fewerAlts)
		}
		if m*m*n > maxPairwiseWork {
			return overBound("matrix", req.Method, does, sizes, "alternatives² × criteria", m*m*n, maxPairwiseWork, fewerAlts)
		}
	case req.Method == "promethee2" || req.Method == "gaia":
		if m*m*gaussian > maxPairwiseWork {
			return overBound("matrix", req.Method, "compares every pair of alternatives on a criterion with a Gaussian preference function",
				sizes, "alternatives² × Gaussian criteria", m*m*gaussian, maxPairwiseWork, fewerAlts)
		}
	case req.Method == "mrsort" || req.Method == "electre-tri-b":
		const does = "compares every alternative with every profile"
		k := max(np, 1)
		if m*k > maxProfileCells {
			return overBound(sortPath, req.Method, does, sizes, "alternatives × profiles", m*k, maxProfileCells, sortHint)
		}
		if m*k*n > maxSortWork {
			return overBound(sortPath, req.Method, does, sizes, "alternatives × profiles × criteria", m*k*n, maxSortWork, sortHint)
		}
	case req.Method == "flowsort":
		const does = "ranks every alternative with all the profiles"
		k := np + 1
		if m*k > maxFlowSortRows {
			return overBound(sortPath, req.Method, does, sizes, "alternatives × (profiles + 1)", m*k, maxFlowSortRows, sortHint)
		}
		if m*k*n > maxFlowSortWork {
			return overBound(sortPath, req.Method, does, sizes, "alternatives × (profiles + 1) × criteria", m*k*n, maxFlowSortWork, sortHint)
		}
		if m*k*k*gaussian > maxPairwiseWork {
			return overBound(sortPath, req.Method, does+", comparing every pair of them on a criterion with a Gaussian preference function",
				sizes, "alternatives × (profiles + 1)² × Gaussian criteria", m*k*k*gaussian, maxPairwiseWork, sortHint)
		}
	}
	return nil
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// isOutrankingMethod reports whether a score request's method is one of
// the outranking and sorting methods, which do not rank completely.
func isOutrankingMethod(method string) bool {
	switch method {
	case "promethee1", "gaia", "electre1", "electre3", "mrsort", "electre-tri-b", "flowsort":
		return true
	}
	return false
}

// agreementWork refuses an agreement request over maxAgreementCells or
// maxAgreementWork: every coefficient is computed for every ordered pair
// of the k rankings, each in N·log N for N alternatives, and answered as a
// k × k table.
func agreementWork(req *scoringjson.AgreementRequest) error {
	field, k, n := "rankings", float64(len(req.Rankings)), 0.0
	for _, r := range req.Rankings {
		n = max(n, float64(len(r)))
	}
	if req.Requests != nil {
		field, k = "requests", float64(len(req.Requests))
		for _, r := range req.Requests {
			n = max(n, float64(len(r.Matrix)))
		}
	}
	c := float64(len(req.Coefficients))
	if req.Coefficients == nil {
		c = float64(len(scoring.RankAgreements()))
	}
	const does = "compares every pair of rankings by every coefficient"
	sizes := count(int(k), "ranking", "rankings") + " of up to " + count(int(n), "alternative", "alternatives") +
		" by " + count(int(c), "coefficient", "coefficients")
	if k*k*c > maxAgreementCells {
		return overBound(field, "agreement", does, sizes, "rankings² × coefficients", k*k*c, maxAgreementCells, "compare fewer rankings, or ask for fewer coefficients")
	}
	if k*k*c*n > maxAgreementWork {
		return overBound(field, "agreement", does, sizes, "rankings² × coefficients × alternatives", k*k*c*n, maxAgreementWork, "compare fewer rankings, or ask for fewer coefficients")
	}
	return nil
}

// weightsWork refuses a weights request over maxCriticWork.
func weightsWork(req *scoringjson.WeightsRequest) error {
	if req.Method != "critic" {
		return nil
	}
	m, n := float64(len(req.Matrix)), float64(len(req.Criteria))
	if m*n*n <= maxCriticWork {
		return nil
	}
	return &tooCostlyError{path: "criteria", msg: fmt.Sprintf("critic correlates every pair of criteria: %d criteria on %d alternatives is over this service's bound of %d for alternatives × criteria²; send fewer criteria",
		len(req.Criteria), len(req.Matrix), maxCriticWork)}
}

// isJSON reports whether a Content-Type is JSON: application/json or a
// +json type, in UTF-8.
func isJSON(contentType string) bool {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return false
	}
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// recordingReader keeps the first error, other than io.EOF, met reading
// the body: the decoders wrap or replace it, and the status depends on it.
type recordingReader struct {
	r   io.Reader
	err error
}

func (b *recordingReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF && b.err == nil {
		b.err = err
	}
	return n, err
}

// writeError writes the error body with status.
func writeError(w http.ResponseWriter, status int, d errorDetail) {
	writeJSON(w, status, errorBody{Error: d})
}

// writeJSON encodes v fully before writing, so a response is never partial.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"internal error","path":""}}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
