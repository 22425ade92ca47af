package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe runs the command's server on a free port with a database in a
// temporary directory, fetches the start page and shuts it down.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", filepath.Join(t.TempDir(), "wb.db"), false, nil, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Create engagement") {
		t.Errorf("start page: %d", resp.StatusCode)
	}
	if resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Error("security headers missing")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

// TestServeReadOnlyFile starts the command on a database file it cannot
// write: it serves it read-only, and a save gets the read-only page. Root
// can write any file, so the test needs another user.
func TestServeReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can write a read-only file")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "wb.db")
	h := newHarness(t, file, false)
	c := h.browser()
	base := h.createEngagement(c, "Locked")
	h.close()
	for _, f := range []string{file, file + "-wal", file + "-shm"} {
		os.Chmod(f, 0o444)
	}
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", file, false, nil, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve on a read-only file: %v", err)
	}
	h2 := &harness{t: t, srv: &httptest.Server{URL: "http://" + addr}}
	status, body, _ := h2.saveProfile(c, base, url.Values{"employees": {"10"}})
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "The database is read-only") {
		t.Errorf("save on a read-only file: %d\n%s", status, body)
	}
	cancel()
	<-done
}
