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
)

// TestRecalibrationRecipe runs README's "Recalibrating the model" recipe
// as written: write the model with `model`, edit one coefficient, rank with
// `rank --model FILE`, and see the change take effect.
func TestRecalibrationRecipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const profile = "testdata/profile-bank.yaml"
	rank := func(args ...string) map[string]float64 {
		t.Helper()
		args = append([]string{"rank", "--profile", profile, "--format", "json", "--samples", "0", "--sensitivity=false"}, args...)
		stdout, stderr, code := runCLI(t, "", args...)
		require.Equal(t, 0, code, stderr)
		var rec struct {
			Ranking []struct {
				ID    string  `json:"id"`
				Score float64 `json:"score"`
			} `json:"ranking"`
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &rec))
		require.NotEmpty(t, rec.Ranking)
		scores := map[string]float64{}
		for _, r := range rec.Ranking {
			scores[r.ID] = r.Score
		}
		return scores
	}

	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			// 1. Dump: `model` writes exactly what `rank --model` reads, so
			// the unedited dump ranks as the built-in model does.
			stdout, stderr, code := runCLI(t, "", "model", "--format", format)
			require.Equal(t, 0, code, stderr)
			file := filepath.Join(dir, "mymodel."+format)
			require.NoError(t, os.WriteFile(file, []byte(stdout), 0o644))
			def := rank()
			assert.Equal(t, def, rank("--model", file), "the unedited dump must rank as the default model")

			// 2. Edit one coefficient, as README suggests: organic
			// structures' consistency from −2.5 to 1.
			edit := map[string]*regexp.Regexp{
				"yaml": regexp.MustCompile(`(id: model\.organic\.consistency\n\s+value: )-2\.5\n`),
				"json": regexp.MustCompile(`("id": "model\.organic\.consistency",\s+"value": )-2\.5,`),
			}[format]
			require.True(t, edit.MatchString(stdout), "the dump does not hold model.organic.consistency = -2.5 as expected:\n%.600s", stdout)
			edited := edit.ReplaceAllString(stdout, "${1}1"+map[string]string{"yaml": "\n", "json": ","}[format])
			require.NoError(t, os.WriteFile(file, []byte(edited), 0o644))

			// 3. Rank with it: every organic structure scores higher, and
			// the structures the coefficient does not touch keep their
			// standing relative to each other.
			got := rank("--model", file)
			require.Len(t, got, len(def))
			organic := 0
			for id, s := range got {
				if strings.HasPrefix(id, "org-") {
					organic++
					assert.Greater(t, s, def[id], "%s should gain from better consistency", id)
				}
			}
			assert.Positive(t, organic, "no organic structure in the ranking")
		})
	}
}

// The catalog dump is not a model file; --model says what it wants.
func TestRankModelRejectsCatalogDump(t *testing.T) {
	t.Parallel()
	stdout, _, code := runCLI(t, "", "catalog", "--format", "json")
	require.Equal(t, 0, code)
	file := filepath.Join(t.TempDir(), "catalog.json")
	require.NoError(t, os.WriteFile(file, []byte(stdout), 0o644))
	_, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--model", file)
	assert.Equal(t, exitBadInput, code)
	assert.Contains(t, stderr, `unknown field "touchpoints"`)
	assert.Contains(t, stderr, "(--model reads a model file as written by 'socialseat model')")
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
}
