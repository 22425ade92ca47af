package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

const workshopDoc = "../../decision/testdata/v1/workshop.json"

func TestDecideCommand(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "decide", workshopDoc)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "1.  Communications")
	assert.Contains(t, stdout, "Inputs hash: sha256:")
	assert.Contains(t, stdout, "How far each weight can move before Communications stops winning")

	// Flags may follow the file; json is the decided document.
	stdout, stderr, code = runCLI(t, "", "decide", workshopDoc, "--format", "json")
	require.Equal(t, 0, code, stderr)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Contains(t, doc, "result")
	assert.Contains(t, doc, "input_hash")

	// The decided document reads back from standard input, hash verified.
	again, stderr, code := runCLI(t, stdout, "decide", "--format=md", "-")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, again, "| 1 | Communications |")

	// Edited after deciding: the hash no longer matches, bad input.
	edited := strings.Replace(stdout, `"Agency"`, `"Agency Ltd"`, 1)
	_, stderr, code = runCLI(t, edited, "decide", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "changed after the decision was made")
}

func TestDecideCommandUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"decide"}, 2, "want 1 file arguments"},
		{[]string{"decide", "nope.json"}, 2, "nope.json"},
		{[]string{"decide", workshopDoc, "--format", "pdf"}, 2, "--format"},
		{[]string{"decide", workshopDoc, "extra"}, 2, "unexpected argument"},
		{[]string{"diff", workshopDoc}, 2, "want 2 file arguments"},
		{[]string{"diff", "-", "-"}, 2, "only one"},
	} {
		_, stderr, code := runCLI(t, "", tc.args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.msg, "%v", tc.args)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"schema_version": 9}`), 0o600))
	_, stderr, code := runCLI(t, "", "decide", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "schema_version 9 is not known")
}

func TestDiffCommand(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(workshopDoc)
	require.NoError(t, err)
	edited := strings.Replace(string(data), "[140, 8, 9, 5, 4]", "[60, 8, 9, 5, 4]", 1)
	require.NotEqual(t, string(data), edited)
	stdout, stderr, code := runCLI(t, edited, "diff", workshopDoc, "-")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Agency on cost: 140 → 60.")
	assert.Contains(t, stdout, "Agency moved from 4th to")

	stdout, _, code = runCLI(t, "", "diff", "--format", "json", workshopDoc, workshopDoc)
	require.Equal(t, 0, code)
	assert.JSONEq(t, `{"changes": null}`, stdout)
}

func TestElicitCommand(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "elicit", "-f", "testdata/elicit.json")
	require.Equal(t, 0, code, stderr)
	var st struct {
		Linked bool `json:"linked"`
		Next   struct {
			RowName string `json:"row_name"`
			ColName string `json:"col_name"`
		} `json:"next"`
		Top struct {
			BestName string `json:"best_name"`
			Fixed    bool   `json:"fixed"`
		} `json:"top"`
		Done bool `json:"done"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &st))
	assert.True(t, st.Linked)
	assert.Equal(t, "cost", st.Next.RowName)
	assert.Equal(t, "control", st.Next.ColName)
	assert.NotEmpty(t, st.Top.BestName)

	req, err := os.ReadFile("testdata/elicit.json")
	require.NoError(t, err)
	for name, bad := range map[string]string{
		"null number":     strings.Replace(string(req), "[120, 5, 9]", "[null, 5, 9]", 1),
		"case-folded key": strings.Replace(string(req), `"matrix"`, `"Matrix"`, 1),
		"duplicate key":   strings.Replace(string(req), `"method": "wsm"`, `"method": "wsm", "method": "topsis"`, 1),
		"unknown field":   strings.Replace(string(req), `"method": "wsm"`, `"method": "wsm", "colour": 1`, 1),
		"trailing data":   string(req) + "{}",
		"bad judgement":   strings.Replace(string(req), `"1/3"`, `"-3"`, 1),
	} {
		_, stderr, code := runCLI(t, bad, "elicit")
		assert.Equal(t, 1, code, "%s: %s", name, stderr)
	}
}

// decide shows a placement decision's structures and criteria by name in
// its text and Markdown, and keeps their IDs in --format json, where a
// script needs them.
func TestDecidePlacementNames(t *testing.T) {
	t.Parallel()
	doc, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "decision", "--samples", "0")
	require.Equal(t, 0, code, stderr)
	file := filepath.Join(t.TempDir(), "bank.decision.json")
	require.NoError(t, os.WriteFile(file, []byte(doc), 0o644))
	p, err := placement.ReadProfile(strings.NewReader(mustRead(t, "testdata/profile-bank.yaml")))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	top := rec.Ranking[0].Structure

	ids := []string{}
	for _, s := range placement.Enumerate(placement.DefaultHomes()) {
		ids = append(ids, regexp.QuoteMeta(s.ID()))
	}
	idRe := regexp.MustCompile(`(^|[^a-z-])(` + strings.Join(ids, "|") + `|risk-compliance|change-effort|goal|wsm)($|[^a-z-])`)
	for _, format := range []string{"text", "md"} {
		out, stderr, code := runCLI(t, "", "decide", file, "--format", format)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, out, top.Name(), format)
		assert.Contains(t, out, "risk and compliance", format)
		assert.Contains(t, out, "the weighted sum", format)
		for _, line := range strings.Split(out, "\n") {
			assert.NotRegexp(t, idRe, line, format)
		}
	}
	out, stderr, code := runCLI(t, "", "decide", file, "--format", "json")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"`+top.ID()+`"`, "the JSON keeps the IDs")
	assert.Contains(t, out, `"risk-compliance"`)
}

func mustRead(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	return string(b)
}
