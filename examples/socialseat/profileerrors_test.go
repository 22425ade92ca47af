package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A profile with several problems prints one problem per line, each with
// the command, the file and the field, so a consultant can fix them in one
// pass.
func TestRankProfileErrorsOnePerLine(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(file, []byte("name: Acme\nemployees: 200\nregulation: 7\ntouchpoints: {tiktok: 3, customer-support: 3}\n"), 0o644))
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", file)
	assert.Equal(t, exitBadInput, code)
	assert.Empty(t, stdout)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	require.Len(t, lines, 2, stderr)
	prefix := "socialseat: rank: profile " + file + ": "
	assert.Equal(t, prefix+"regulation: value out of range (7 is outside 1–5)", lines[0])
	assert.True(t, strings.HasPrefix(lines[1], prefix+"touchpoints.tiktok: unknown touchpoint (want one of "), lines[1])
}
