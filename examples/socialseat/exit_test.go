package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exitCase is one command line, its input, and the exit status and the
// part of the one-line stderr message it must give.
type exitCase struct {
	name, stdin string
	args        []string
	code        int
	msg         string
}

func checkExit(t *testing.T, cases []exitCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := runCLI(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.code, code, "exit status; stderr %q", stderr)
			assert.Empty(t, stdout, "no partial output")
			assert.True(t, strings.HasPrefix(stderr, "socialseat: "), stderr)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
			assert.True(t, strings.HasSuffix(stderr, "\n"), stderr)
			assert.Contains(t, stderr, tc.msg)
		})
	}
}

const okScore = `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]}`

func TestExitCodesTopLevel(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		{"no command", "", nil, 2, "no command given"},
		{"unknown command", "", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"flag before command", "", []string{"--top", "3"}, 2, `unknown command "--top"`},
	})
}

func TestExitCodesScore(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		// Bad input data: 1.
		{"ragged file", "", []string{"score", "-f", "testdata/score-bad-ragged.json"}, 1, "matrix[1]"},
		{"unknown field", "", []string{"score", "-f", "testdata/score-bad-unknown-field.json"}, 1, `unknown field "wieghts"`},
		{"empty input", "", []string{"score"}, 1, "empty request"},
		{"not JSON", "{", []string{"score"}, 1, "invalid JSON"},
		{"trailing data", okScore + ` {}`, []string{"score"}, 1, "after the top-level value"},
		{"unknown method", `{"method":"electre","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1]]}`, []string{"score"}, 1, `method "electre"`},
		{"bad direction", `{"method":"wsm","criteria":[{"name":"a","direction":"max","weight":1}],"matrix":[[1]]}`, []string{"score"}, 1, `criteria[0] ("a")`},
		{"missing weight", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1]]}`, []string{"score"}, 1, "missing weight"},
		{"v for topsis", `{"method":"topsis","v":0.3,"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1]]}`, []string{"score"}, 1, `"v" does not apply`},
		{"bad preference", `{"method":"promethee2","preference":[{"function":"step"}],"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1]]}`, []string{"score"}, 1, "preference[0]"},
		{"wrong type", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":"heavy"}],"matrix":[[1]]}`, []string{"score"}, 1, `criteria[0].weight`},
		{"negative weight", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":-1}],"matrix":[[1]]}`, []string{"score"}, 1, "weights[0]"},
		// Bad usage: 2.
		{"missing file", "", []string{"score", "-f", "testdata/nope.json"}, 2, "nope.json"},
		{"directory", "", []string{"score", "-f", "testdata"}, 2, "testdata is a directory, not a file"},
		{"unknown flag", "", []string{"score", "--nope"}, 2, "flag provided but not defined: -nope"},
		{"flag without value", "", []string{"score", "-f"}, 2, "flag needs an argument"},
		{"stray argument", "", []string{"score", "extra"}, 2, `unexpected argument "extra"`},
	})
}

func TestExitCodesWeights(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		{"inconsistent", `{"method":"ahp","pairwise":[[1,3],[3,1]]}`, []string{"weights"}, 1, "pairwise"},
		{"missing ranks", `{"method":"roc"}`, []string{"weights"}, 1, `needs "ranks"`},
		{"unknown method", `{"method":"best-worst","ranks":[1]}`, []string{"weights"}, 1, "best-worst"},
		{"empty", "", []string{"weights"}, 1, "empty request"},
		{"missing file", "", []string{"weights", "-f", "testdata/nope.json"}, 2, "nope.json"},
		{"unknown flag", "", []string{"weights", "--samples", "3"}, 2, "flag provided but not defined: -samples"},
		{"stray argument", "", []string{"weights", "-f", "testdata/weights-roc.json", "more"}, 2, `unexpected argument "more"`},
	})
}

func TestExitCodesSMAA(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		{"negative samples in the request", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1]],"samples":-1}`, []string{"smaa"}, 1, "samples"},
		{"ragged", "", []string{"smaa", "-f", "testdata/score-bad-ragged.json"}, 1, "matrix[1]"},
		{"negative --samples", "", []string{"smaa", "-f", "testdata/smaa-2x2.json", "--samples", "-3"}, 2, "--samples -3: want 0 or more"},
		{"--samples not a number", "", []string{"smaa", "--samples", "many"}, 2, `invalid value "many" for flag -samples`},
		{"--seed negative", "", []string{"smaa", "--seed", "-1"}, 2, `invalid value "-1" for flag -seed`},
		{"missing file", "", []string{"smaa", "-f", "testdata/nope.json"}, 2, "nope.json"},
		{"stray argument", "", []string{"smaa", "x"}, 2, `unexpected argument "x"`},
	})
}

func TestExitCodesRank(t *testing.T) {
	t.Parallel()
	notDir := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(notDir, []byte("x"), 0o644))
	checkExit(t, []exitCase{
		{"bad profile", "", []string{"rank", "--profile", "testdata/profile-bad.yaml"}, 1, "profile testdata/profile-bad.yaml"},
		{"profile from stdin", "employees: many\n", []string{"rank", "--profile", "-"}, 1, "profile -"},
		{"bad model", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--model", "testdata/score-vikor.json"}, 1, "model testdata/score-vikor.json"},
		{"no --profile", "", []string{"rank"}, 2, "--profile is required"},
		{"missing profile", "", []string{"rank", "--profile", "testdata/missing.yaml"}, 2, "missing.yaml"},
		{"profile is a directory", "", []string{"rank", "--profile", "testdata"}, 2, "testdata is a directory"},
		{"missing model", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--model", "testdata/nomodel.yaml"}, 2, "nomodel.yaml"},
		{"negative --top", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--top", "-3"}, 2, "--top -3: want 1 or more"},
		{"zero --top", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--top", "0"}, 2, "--top 0: want 1 or more"},
		{"negative --samples", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--samples", "-1"}, 2, "--samples -1: want 0 or more"},
		{"unknown --format", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--format", "pdf"}, 2, `unknown --format "pdf"`},
		{"bool flag with value", "", []string{"rank", "--sensitivity=maybe"}, 2, "invalid boolean value"},
		{"stray argument", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "bank"}, 2, `unexpected argument "bank"`},
		// The charts directory cannot be created: the program's failure.
		{"charts not writable", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--samples", "0", "--charts", filepath.Join(notDir, "charts")}, 3, "not a directory"},
	})
}

func TestExitCodesCatalog(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		{"unknown --format", "", []string{"catalog", "--format", "xml"}, 2, `unknown --format "xml"`},
		{"unknown flag", "", []string{"catalog", "-f", "x"}, 2, "flag provided but not defined: -f"},
		{"stray argument", "", []string{"catalog", "json"}, 2, `unexpected argument "json"`},
	})
}

// Every --help states the exit statuses.
func TestHelpStatesExitCodes(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"help"}, {"rank", "--help"}, {"catalog", "-h"}, {"score", "--help"}, {"weights", "--help"}, {"smaa", "--help"}} {
		stdout, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 0, code, args)
		assert.Empty(t, stderr, args)
		for _, want := range []string{"exit status:", "\n  0    success", "\n  1    bad input data", "\n  2    bad usage", "\n  3    internal failure", "\n  130  interrupted"} {
			assert.Contains(t, stdout, want, args)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// Output that cannot be written is the program's failure: 3.
func TestExitCodeOutputNotWritten(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"score"}, strings.NewReader(okScore), failingWriter{}, &stderr, false)
	assert.Equal(t, 3, code)
	assert.Equal(t, "socialseat: writing output: broken pipe\n", stderr.String())
}

// A cancelled context (what SIGINT and SIGTERM do) ends a long command
// with 130, one line, and nothing on stdout.
func TestInterruptedInProcess(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"smaa", "-f", "testdata/smaa-2x2.json", "--samples", "100000000"}, nil, &stdout, &stderr, false)
	assert.Equal(t, 130, code)
	assert.Equal(t, "socialseat: interrupted\n", stderr.String())
	assert.Empty(t, stdout.String())
}

// blockingReader never returns, like a terminal nobody types into.
type blockingReader struct{ unblock chan struct{} }

func (r blockingReader) Read([]byte) (int, error) {
	<-r.unblock
	return 0, io.EOF
}

// A command blocked reading standard input is abandoned after the grace
// period.
func TestInterruptedWhileReadingStdin(t *testing.T) {
	t.Parallel()
	in := blockingReader{make(chan struct{})}
	defer close(in.unblock)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"score"}, in, &stdout, &stderr, false) }()
	cancel()
	code := <-done
	assert.Equal(t, 130, code)
	assert.Equal(t, "socialseat: interrupted\n", stderr.String())
	assert.Empty(t, stdout.String())
}
