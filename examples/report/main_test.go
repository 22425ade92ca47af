package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReport(t *testing.T) {
	dir := t.TempDir()
	files, err := run(dir)
	require.NoError(t, err)
	names := map[string]bool{}
	for _, f := range files {
		st, err := os.Stat(f)
		require.NoError(t, err)
		assert.Positive(t, st.Size(), f)
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
	assert.NotRegexp(t, `(src|href)="(https?:)?//`, s, "no network references")
}
