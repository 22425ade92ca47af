package chart_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestScoringDoesNotImportCharts enforces the import rule of style §2.1:
// package scoring never imports this package or gonum/plot, so programs
// that need no charts do not pull them in.
func TestScoringDoesNotImportCharts(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scoring sources found: %v", err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, "gonum.org/v1/plot") || strings.HasSuffix(path, "/scoring/chart") ||
				strings.Contains(path, "/placement") {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
