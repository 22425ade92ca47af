package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/socialseat/socialseat/internal/wire"
	"github.com/socialseat/socialseat/placement"
)

// maxBody is the largest request body accepted.
const maxBody = 1 << 20

// newHandler returns the service's routes. A nil logger discards logs.
func newHandler(logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	// One recommender serves every request; it is safe for concurrent use.
	recommender, err := placement.NewRecommender(placement.DefaultModel(), nil)
	if err != nil {
		panic(err) // the embedded default model is validated by placement's tests
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.Handle("POST /v1/score", jsonEndpoint(logger, func(body io.Reader) (any, error) {
		req, err := wire.DecodeScore(body)
		if err != nil {
			return nil, err
		}
		return req.Score()
	}))
	mux.Handle("POST /v1/weights", jsonEndpoint(logger, func(body io.Reader) (any, error) {
		req, err := wire.DecodeWeights(body)
		if err != nil {
			return nil, err
		}
		return req.Weigh()
	}))
	mux.Handle("POST /v1/rank", jsonEndpoint(logger, func(body io.Reader) (any, error) {
		p, err := placement.ReadProfile(body)
		if err != nil {
			return nil, wire.BadInput(err)
		}
		rec, err := recommender.Recommend(p, placement.Options{})
		if err != nil {
			return nil, wire.BadInput(err)
		}
		return rec, nil
	}))
	return mux
}

// jsonEndpoint adapts fn to HTTP: the body is limited to maxBody, bad input
// is a 400 with {"error": ...}, other failures a 500 that hides details.
func jsonEndpoint(logger *slog.Logger, fn func(io.Reader) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := http.MaxBytesReader(w, r.Body, maxBody)
		res, err := fn(body)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "request body larger than 1 MiB"})
		case errors.Is(err, wire.ErrBadInput):
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		case err != nil:
			logger.Error("request failed", "path", r.URL.Path, "err", err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		default:
			writeJSON(w, http.StatusOK, res)
		}
	})
}

// writeJSON encodes v fully before writing, so a response is never partial.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"internal error"}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
