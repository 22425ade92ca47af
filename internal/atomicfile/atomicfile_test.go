package atomicfile_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/internal/atomicfile"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFile(t *testing.T) {
	t.Parallel()
	for _, perm := range []fs.FileMode{0o644, 0o600, 0o640} {
		t.Run(perm.String(), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			name := filepath.Join(dir, "report.html")
			require.NoError(t, atomicfile.WriteFile(name, []byte("<p>hello</p>"), perm))
			got, err := os.ReadFile(name)
			require.NoError(t, err)
			assert.Equal(t, "<p>hello</p>", string(got))
			st, err := os.Stat(name)
			require.NoError(t, err)
			assert.Equal(t, perm, st.Mode().Perm(), "exact permissions, whatever the umask")
			assert.Equal(t, []string{"report.html"}, names(t, dir), "no temporary file left")
		})
	}
}

func TestWriteReplaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	name := filepath.Join(dir, "chart.svg")
	require.NoError(t, os.WriteFile(name, []byte("old and longer content"), 0o600))
	require.NoError(t, atomicfile.WriteFile(name, []byte("new"), 0o644))
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "new", string(got))
	st, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), st.Mode().Perm())
}

// A write that fails half-way leaves nothing: no destination, no
// temporary file, and an existing destination keeps its old content.
func TestWriteFailureLeavesNothing(t *testing.T) {
	t.Parallel()
	boom := errors.New("disk on fire")
	half := func(w io.Writer) error {
		if _, err := io.WriteString(w, "<!DOCTYPE html><html><body>half"); err != nil {
			return err
		}
		return boom
	}
	t.Run("new file", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		err := atomicfile.Write(filepath.Join(dir, "report.html"), 0o644, half)
		assert.ErrorIs(t, err, boom)
		assert.Empty(t, names(t, dir))
	})
	t.Run("existing file", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		name := filepath.Join(dir, "report.html")
		require.NoError(t, os.WriteFile(name, []byte("previous report"), 0o644))
		err := atomicfile.Write(name, 0o644, half)
		assert.ErrorIs(t, err, boom)
		got, rerr := os.ReadFile(name)
		require.NoError(t, rerr)
		assert.Equal(t, "previous report", string(got))
		assert.Equal(t, []string{"report.html"}, names(t, dir))
	})
	t.Run("rename fails", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		// The destination is a non-empty directory: the rename fails
		// after the data is written.
		name := filepath.Join(dir, "report.html")
		require.NoError(t, os.MkdirAll(filepath.Join(name, "x"), 0o755))
		err := atomicfile.WriteFile(name, []byte("data"), 0o644)
		var le *os.LinkError
		assert.ErrorAs(t, err, &le)
		assert.Equal(t, []string{"report.html"}, names(t, dir))
	})
	t.Run("missing directory", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		err := atomicfile.WriteFile(filepath.Join(dir, "nope", "report.html"), []byte("data"), 0o644)
		assert.ErrorIs(t, err, fs.ErrNotExist)
		assert.Empty(t, names(t, dir))
	})
}

func TestWriteRelativeName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, atomicfile.WriteFile("plain.txt", []byte("x"), 0o644))
	assert.Equal(t, []string{"plain.txt"}, names(t, dir))
}

func ExampleWrite() {
	dir, err := os.MkdirTemp("", "atomicfile-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "report.md")
	err = atomicfile.Write(name, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "# Report\n")
		return err
	})
	fmt.Println(err)
	data, _ := os.ReadFile(name)
	fmt.Print(string(data))
	// Output:
	// <nil>
	// # Report
}

// Prepared files leave their destinations alone until committed; a
// discarded one leaves nothing behind.
func TestPrepareCommitDiscard(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.svg"), filepath.Join(dir, "b.svg")
	require.NoError(t, os.WriteFile(a, []byte("old"), 0o644))
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	pa, err := atomicfile.Prepare(a, 0o644, write("new a"))
	require.NoError(t, err)
	pb, err := atomicfile.Prepare(b, 0o644, write("new b"))
	require.NoError(t, err)
	got, err := os.ReadFile(a)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got), "not replaced before the commit")
	require.NoError(t, pa.Commit())
	pb.Discard()
	got, err = os.ReadFile(a)
	require.NoError(t, err)
	assert.Equal(t, "new a", string(got))
	assert.Equal(t, []string{"a.svg"}, names(t, dir), "the discarded file and every temporary are gone")

	_, err = atomicfile.Prepare(a, 0o644, func(io.Writer) error { return errors.New("boom") })
	require.Error(t, err)
	assert.Equal(t, []string{"a.svg"}, names(t, dir))
}
