package report_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement/report"
)

// dirNames lists the names in dir, hidden ones (temporary files) included.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// A failed WriteCharts writes no chart and replaces none: here the third
// chart's name is taken by a directory, so nothing may change in dir
// (the first two charts were written before the fix).
func TestWriteChartsAllOrNothing(t *testing.T) {
	t.Parallel()
	rec := recommend(t)
	for _, png := range []bool{false, true} {
		dir := t.TempDir()
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "weights.svg", "x"), 0o755))
		old := filepath.Join(dir, "ranking.svg")
		require.NoError(t, os.WriteFile(old, []byte("previous"), 0o644))

		paths, err := report.WriteCharts(dir, rec, report.Options{PNG: png})
		require.Error(t, err, "png %v", png)
		assert.Contains(t, err.Error(), "weights.svg")
		assert.Empty(t, paths, "no path was written")
		assert.Equal(t, []string{"ranking.svg", "weights.svg"}, dirNames(t, dir), "png %v: no chart written, no temporary file left", png)
		b, err := os.ReadFile(old)
		require.NoError(t, err)
		assert.Equal(t, "previous", string(b), "an existing chart is not replaced by a failed run")
	}
}
