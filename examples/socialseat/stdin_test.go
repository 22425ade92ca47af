package main

import (
	"encoding/json"
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
