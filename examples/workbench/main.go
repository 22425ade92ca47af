// Command workbench runs the placement assessment as a small web application
// that a consultant can run a workshop in: one command, a browser and an
// embedded SQLite database.
//
//	go run ./examples/workbench                   # http://127.0.0.1:8080, workbench.db here
//	go run ./examples/workbench --addr :9000 --db /srv/acme.db
//
// The consultant creates an engagement and gets its facilitator link (the
// only way back in: keep it). They fill the organisation's profile (the form's
// help is the placement.Profile documentation; errors appear beside the
// fields) and get the recommendation: the ranked shortlist with scores and
// reasons, the RACI map, the roadmap, the maturity stage, the peer benchmarks
// and the charts of placement/report. They add stakeholders, each of whom
// gets a link and answers pairwise questions on the ten criteria one at a
// time, chosen by scoring.Elicitation, and sees their own consistency. The
// facilitator's page shows, live, every stakeholder's weights and consistency
// ratio, the group's weights, the consensus (Kendall's W), the outlier and
// the ranking under the group's weights; sliders re-rank the structures on
// the server as the weights move ("walking weights"). Every save of the
// profile or of the judgements is a new version of the engagement's
// decision document (package decision): the history lists them, shows what
// changed between two (decision.Diff) and exports each as decision JSON and
// as the self-contained HTML report. A version keeps the recommendation it
// showed when it was saved, so a later workbench with a recalibrated model
// still shows and exports what was decided then; a version saved by a
// workbench that did not keep it is ranked again, and its page and report
// say so.
//
// # Copying it
//
// The program is meant to be copied into a tool of your own. Everything is
// in this directory: store.go (SQLite through database/sql and
// modernc.org/sqlite, pure Go; WAL mode, a busy timeout, migrations embedded
// from migrations/*.sql and recorded in schema_migrations, applied in order
// at start, each in a transaction), tokens.go (links and CSRF), app.go and
// handlers.go (the pages), stakeholder.go (the questions), workshop.go
// (elicitation and group weights on the public scoring API), profileform.go
// (the form built from placement.Profile) and templates/ and static/
// (html/template pages and a few lines of JavaScript, no build step). Add a
// migration as migrations/NNNN_what.sql with the next number.
//
// # Security
//
// Links carry 128-bit random tokens (crypto/rand); the database stores only
// their SHA-256. An unknown engagement, a wrong token and an expired link
// get the same 404 page. Every POST carries a CSRF token (an HMAC of a
// SameSite=Lax cookie and the engagement, compared in constant time); forms
// are limited to 64 KiB; pages forbid framing, inline script and sending the
// link as a Referer. The server has read-header, read, write and idle
// timeouts. A database that stays busy beyond its timeout, or is read-only,
// gives a page that says so, with the form and what was typed in it.
//
// The workbench listens on 127.0.0.1 by default and speaks plain HTTP: put
// it behind a TLS-terminating proxy before anyone else uses it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Server timeouts.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen `address`")
	db := flag.String("db", "workbench.db", "SQLite database `file` (created if missing)")
	readOnly := flag.Bool("read-only", false, "open the database read-only (pages can be read, nothing saved)")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, *addr, *db, *readOnly, logger, nil); err != nil {
		logger.Error("workbench failed", "err", err)
		os.Exit(1)
	}
}

// newServer returns the workbench's server with its timeouts.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
}

// serve opens the database, listens on addr and serves until ctx is done,
// then shuts down gracefully and closes the database. If ready is not nil
// it receives the bound address.
func serve(ctx context.Context, addr, dbFile string, readOnly bool, logger *slog.Logger, ready chan<- string) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	st, err := openStore(ctx, dbFile, readOnly)
	if err != nil && !readOnly && troubleOf(err) == dbReadOnly {
		// A file that cannot be written is still worth reading: serve it
		// read-only, and every save says why it cannot be made.
		logger.Warn("the database is read-only: serving it read-only", "db", dbFile, "err", err)
		st, err = openStore(ctx, dbFile, true)
	}
	if err != nil {
		return fmt.Errorf("database %s: %w", dbFile, err)
	}
	defer st.close()
	a, err := newApp(ctx, st, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newServer(a.handler())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	a.logger.Info("listening", "url", "http://"+ln.Addr().String()+"/", "db", dbFile)
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
	return nil
}
