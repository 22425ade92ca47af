// Command httpservice embeds socialseat in an HTTP JSON service: the
// pattern an HR or consulting tool in another language would call.
//
//	go run ./examples/httpservice -addr 127.0.0.1:8080
//
// Endpoints (JSON in and out, the contract of examples/socialseat):
//
//	POST /v1/rank      an organisation profile (a JSON object) → the placement recommendation
//	POST /v1/score     a general decision problem → its ranking
//	POST /v1/weights   a weighting problem → criterion weights
//	POST /v1/agreement rankings, or score requests → how far they agree
//	GET  /healthz      liveness
//
// A POST body must be JSON: a Content-Type other than application/json (or
// a +json type, in UTF-8) is refused with 415; no Content-Type is taken as
// JSON. The profile of /v1/rank is read as JSON only: a body that is not
// a JSON object (YAML, which the command-line tool also reads) is bad_input.
//
// Every error is answered with one JSON shape,
//
//	{"error":{"code":"bad_input","message":"matrix[1]: ...","path":"matrix[1]"}}
//
// where path names the field of the request the error is about ("" when
// none does; the first one's when message lists several problems, one per
// line) and code is one of
//
//	bad_input               400  the request does not decode or is not valid
//	bad_request             400  the body could not be read as sent: malformed
//	                             chunked encoding, or shorter than its Content-Length
//	not_found               404  no such endpoint, or a path not in canonical form
//	                             (//, "." or ".." segments): the message names the
//	                             canonical path; there are no redirects
//	method_not_allowed      405  wrong method (the Allow header lists the right ones)
//	timeout                 408  the body did not arrive within 10 s
//	too_large               413  the body is over 1 MiB (a declared Content-Length
//	                             over it is refused before the body is read), or the
//	                             problem is over a work bound (see below) or the memory
//	                             bound of an analysis; path names the field to shrink
//	unsupported_media_type  415  the Content-Type is not JSON
//	internal                500  the service failed; details are logged, not sent
//	canceled                503  the request was cancelled (client gone, server stopping),
//	                             or its work did not finish within 60 s
//
// Timeouts: request headers must arrive within 5 s (ReadHeaderTimeout;
// past it the connection is closed without a response, as net/http does),
// the body within 10 s after the headers (a per-request read deadline,
// answered 408), the response is written within 60 s (WriteTimeout) and an
// idle keep-alive connection is closed after 120 s. The work of a request
// is given up after 60 s too, as its response could no longer be written.
//
// When the client goes away (or the server stops, or the 60 s pass) the
// request's context is cancelled and the handler answers as soon as its
// work allows (at once for the work run in the background; the outranking
// methods and GAIA, run in place, answer when they end); what the work
// does then:
//
//   - /v1/rank stops its SMAA-2 sampling and sensitivity analysis.
//   - /v1/score with "rank_reversal" stops at the next re-ranking, and
//     /v1/agreement before the next ranking it computes or the next two
//     rankings it compares.
//   - A single ranking in /v1/score cannot be interrupted: it runs to its
//     end (under a second for the largest 1 MiB body, for the methods
//     whose work grows with the body) and is dropped.
//
// The requests whose work or answer (which is buffered whole) grows
// faster than the body are bounded, and a larger request is refused with
// 413 before any work, the message naming the bound and path the field to
// shrink. With m alternatives, n criteria, K profiles, k rankings compared
// of N alternatives and c coefficients:
//
//   - promethee1, electre1, electre3: m² ≤ 1,000,000 and m²·n ≤
//     10,000,000 (1,000 alternatives on 10 criteria); they cannot be
//     interrupted and answer m × m tables.
//   - promethee2 and gaia: m² × the criteria with a Gaussian preference
//     function ≤ 10,000,000 (the other preference functions sort).
//   - mrsort and electre-tri-b: m·K ≤ 1,000,000 and m·K·n ≤ 10,000,000.
//   - flowsort: m·(K+1) ≤ 250,000, m·(K+1)·n ≤ 5,000,000 and m·(K+1)² ×
//     the Gaussian criteria ≤ 10,000,000: it ranks the profiles with each
//     alternative.
//   - "rank_reversal": m² ≤ 250,000 (500 alternatives) and m²·n ≤
//     5,000,000: it ranks the problem 2m+1 times and lists the pairs
//     whose order reverses.
//   - /v1/agreement: k²·c ≤ 250,000 and k²·c·N ≤ 5,000,000.
//   - the critic weights: m·n² ≤ 100,000,000 (100 alternatives on 1,000
//     criteria); the other weighting methods are linear in the body.
//
// So no request keeps the CPU for more than about a second after its
// client has gone, nor answers more than some tens of MB.
//
// The server shuts down gracefully on SIGINT or SIGTERM, finishing requests
// in flight.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Server timeouts; bodyTimeout, per request, is in handler.go.
const (
	readHeaderTimeout = 5 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen `address`")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, *addr, logger, nil); err != nil {
		logger.Error("server failed", "err", err)
		os.Exit(1)
	}
}

// newServer returns the service's server with its timeouts. ReadTimeout
// backs up the per-request body deadline that the handler sets.
func newServer(h http.Handler, lim limits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readHeaderTimeout + lim.bodyTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
}

// serve listens on addr and serves until ctx is done, then shuts down
// gracefully. If ready is not nil it receives the bound address.
func serve(ctx context.Context, addr string, logger *slog.Logger, ready chan<- string) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	lim := defaultLimits()
	srv := newServer(newHandlerWith(logger, lim), lim)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	logger.Info("listening", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
