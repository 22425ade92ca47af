package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReport(t *testing.T) {
	dir := t.TempDir()
	files, err := run(context.Background(), dir)
	require.NoError(t, err)
	names := map[string]bool{}
	for _, f := range files {
		st, err := os.Stat(f)
		require.NoError(t, err)
		assert.Positive(t, st.Size(), f)
		assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "world-readable: %s", f)
		names[filepath.Base(f)] = true
	}
	for _, want := range []string{"report.html", "report.md", "ranking.svg", "ranking.png", "acceptability.svg", "acceptability.png", "sensitivity.svg"} {
		assert.True(t, names[want], "missing %s in %v", want, files)
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	require.NoError(t, err)
	s := string(html)
	assert.True(t, strings.HasPrefix(strings.TrimSpace(s), "<!DOCTYPE html>"), "starts with a doctype")
	assert.Contains(t, s, "Brightwater Foods")
	assert.Contains(t, s, "<svg")
	// Nothing is loaded from the network; links to the cited works (<a
	// href>) are navigation and allowed.
	assert.NotRegexp(t, `(src|xlink:href|<link[^>]*href)="(https?:)?//`, s, "no network references")
	assert.Contains(t, s, `<a href="https://`, "sources are linked")
}

// A run that fails (here report.html cannot be renamed into place because
// a directory has that name) leaves no temporary or half-written file.
func TestReportFailureLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "report.html", "keep"), 0o755))
	_, err := run(context.Background(), dir)
	require.Error(t, err)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), "."), "temporary file left: %s", e.Name())
		assert.NotEqual(t, "report.md", e.Name(), "written after the failure")
		if !e.IsDir() {
			st, err := e.Info()
			require.NoError(t, err)
			assert.Positive(t, st.Size(), e.Name())
			assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), e.Name())
		}
	}
}

// A cancelled run writes nothing.
func TestReportCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := run(ctx, dir)
	require.ErrorIs(t, err, context.Canceled)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}
