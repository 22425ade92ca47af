// Command httpservice embeds socialseat in an HTTP JSON service: the
// pattern an HR or consulting tool in another language would call.
//
//	go run ./examples/httpservice -addr 127.0.0.1:8080
//
// Endpoints (POST, JSON in and out, the contract of examples/socialseat):
//
//	POST /v1/rank    an organisation profile (JSON) → the placement recommendation
//	POST /v1/score   a general decision problem → its ranking
//	POST /v1/weights a weighting problem → criterion weights
//	GET  /healthz    liveness
//
// Requests larger than 1 MiB are refused (413). Bad input is answered 400
// with {"error": "..."}; a wrong method 405. The server shuts down
// gracefully on SIGINT or SIGTERM, finishing requests in flight.
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
	srv := &http.Server{
		Handler:           newHandler(logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
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
