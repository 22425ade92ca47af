package main

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rank --model - reads the model from standard input, and ranks as the
// same model read from a file does.
func TestRankModelFromStdin(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			dump, stderr, code := runCLI(t, "", "model", "--format", format)
			require.Equal(t, 0, code, stderr)
			args := []string{"rank", "--profile", "testdata/profile-bank.yaml", "--format", "json", "--samples", "0"}
			want, stderr, code := runCLI(t, "", args...)
			require.Equal(t, 0, code, stderr)
			got, stderr, code := runCLI(t, dump, append(args, "--model", "-")...)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stderr)
			require.True(t, json.Valid([]byte(got)))
			assert.JSONEq(t, want, got, "the default model read from stdin must rank as the built-in one")
		})
	}
}

// Standard input holds one stream: at most one file flag may be "-", and
// a bad model on stdin is named as such.
func TestExitCodesStdinFlags(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		{"profile and model both stdin", "employees: 100\n", []string{"rank", "--profile", "-", "--model", "-"}, 2, "only one of --profile and --model can be standard input"},
		{"bad model on stdin", "coefficients: 3\n", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--model", "-"}, 1, "model -"},
		{"empty model on stdin", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--model", "-"}, 1, "model -"},
	})
}

// score --matrix - reads the table from standard input, and ranks as the
// same table read from its file does; the spec then cannot be stdin too.
func TestScoreMatrixFromStdin(t *testing.T) {
	t.Parallel()
	table, err := os.ReadFile("testdata/score-topsis.csv")
	require.NoError(t, err)
	want, stderr, code := runCLI(t, "", "score", "--matrix", "testdata/score-topsis.csv", "-f", "testdata/score-topsis-spec.json")
	require.Equal(t, 0, code, stderr)
	got, stderr, code := runCLI(t, string(table), "score", "--matrix", "-", "-f", "testdata/score-topsis-spec.json")
	require.Equal(t, 0, code, stderr)
	assert.JSONEq(t, want, got)

	checkExit(t, []exitCase{
		{"matrix and spec both stdin", string(table), []string{"score", "--matrix", "-", "-f", "-"}, 2, "only one of --matrix and -f can be standard input"},
		{"bad table on stdin", "name,a\nx,y\n", []string{"score", "--matrix", "-", "--method", "wsm", "--directions", "b"}, 1, "standard input: line 2"},
	})
}
